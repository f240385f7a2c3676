"""Summaries and the printed table of the MCDA benchmark."""

from __future__ import annotations

import os
import platform

import numpy as np

from bench.mcda.implementations import RANKING_REPEAT_FACTOR


def summary(measured: dict[str, dict], agree: dict[str, bool]) -> dict:
    out = {
        name: {key: value for key, value in entry.items() if key != "result"}
        for name, entry in measured.items()
    }
    ours = measured["ours"]["median"]
    out["ratio_floor"] = ours / measured["floor"]["median"]
    out["ratio_pymcdm"] = ours / measured["pymcdm"]["median"] if "pymcdm" in measured else None
    out["agree"] = agree
    return out


def machine() -> dict:
    import scipy

    try:
        import pymcdm

        pymcdm_version = getattr(pymcdm, "__version__", None) or _dist_version("pymcdm")
    except ImportError:
        pymcdm_version = None
    threads = {
        key: os.environ[key]
        for key in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
        if key in os.environ
    }
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "pymcdm": pymcdm_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "thread_env": threads,
    }


def load_average() -> list[float] | None:
    """1-, 5- and 15-minute load averages: other work on the machine makes every timing noisier."""
    return [round(v, 2) for v in os.getloadavg()] if hasattr(os, "getloadavg") else None


def _dist_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def table(results: dict) -> str:
    p = results["parameters"]
    labels = {
        "saw": "SAW ranking",
        "topsis": "TOPSIS ranking",
        "sensitivity": f"sensitivity {p['draws']:,} draws, n={p['n']}",
    }
    lines = [
        f"MCDA benchmark: {p['alternatives']:,} alternatives × {p['criteria']} criteria, seed {p['seed']}; "
        f"median of {p['repeat'] * RANKING_REPEAT_FACTOR} (rankings), {p['repeat']} (sensitivity); "
        "ratio = ours / other (below 1: ours faster)",
        f"{'task':<30} {'ours':>10} {'floor':>10} {'pymcdm':>12} {'× floor':>8} {'× pymcdm':>9} "
        f"{'peak MB ours/floor/pymcdm':>26}  agree",
    ]
    for name, task in results["tasks"].items():
        pymcdm = task.get("pymcdm")
        pymcdm_time = (
            _seconds(pymcdm["median"]) + ("*" if pymcdm and "extrapolated" in pymcdm else "")
            if pymcdm
            else "—"
        )
        peaks = "/".join(
            f"{task[who]['peak_mb']:.1f}" if who in task else "—" for who in ("ours", "floor", "pymcdm")
        )
        ratio_pymcdm = "—" if task["ratio_pymcdm"] is None else f"{task['ratio_pymcdm']:.3g}"
        agree = "yes" if all(task["agree"].values()) else "NO " + str(task["agree"])
        lines.append(
            f"{labels[name]:<30} {_seconds(task['ours']['median']):>10} {_seconds(task['floor']['median']):>10} "
            f"{pymcdm_time:>12} {task['ratio_floor']:>8.3g} {ratio_pymcdm:>9} {peaks:>26}  {agree}"
        )
    sensitivity_pymcdm = results["tasks"]["sensitivity"].get("pymcdm")
    if sensitivity_pymcdm:
        e = sensitivity_pymcdm["extrapolated"]
        lines.append(
            f"* pymcdm has no sensitivity routine: TOPSIS + rank looped over the first {e['measured_draws']:,} "
            f"of the same draws, time × {e['factor']:g} to {e['to_draws']:,} draws."
        )
    if results["pymcdm"]:
        lines.append(f"pymcdm columns empty: {results['pymcdm']}")
    lines.append(
        f"process peak RSS {results['max_rss_mb']:.0f} MB; all results agree: {'yes' if results['agree'] else 'NO'}"
    )
    return "\n".join(lines)
