"""Decision methods at national scale, as ratios to a plain-numpy floor and to pymcdm, same run.

    python -m inkubator.selection.bench [--quick] [--repeat N] [--draws D] [--pymcdm-draws K] [--out PATH]

One deterministic decision matrix (seed 2024): 4,700 centres × 60 indicators, values 1–100, every fifth
indicator a cost; weights drawn once and scaled to sum 1 (pymcdm warns otherwise). Three tasks:

* SAW ranking: `saw(..., normalization="max")`, scores and ranks;
* TOPSIS ranking: `topsis(...)`, vector normalisation, closeness and ranks;
* sensitivity: `sensitivity(..., method="topsis", n=50, draws=10_000, concentration=100)`, the
  selection probability and 5th–95th percentile rank of every centre (what `select.n = 50` with
  `sensitivity` computes in `inkubator mcda`).

Each is timed against

* floor: the same computation written as plainly as vectorised numpy allows (`floor_*` below: no
  input checks, same draws, same outputs);
* pymcdm: `WSM(linear_normalization)` (= our SAW "max") and `TOPSIS(vector_normalization)`, each
  followed by its `rank()`. pymcdm has no weight-sensitivity routine, so for sensitivity its TOPSIS +
  rank runs in a Python loop over the first K of the same draws and the time is extrapolated × D/K
  (marked "extrapolated" in the table and the JSON).

Timing: the median of N repeats for sensitivity and of 5 × N for the rankings (they take
milliseconds, so are more exposed to noise), the implementations interleaved within each repeat so
that machine load falls on all of them alike. Ratio = our median / the other median ("× floor", "× pymcdm"; below 1
means ours is faster). Peak memory: tracemalloc's peak during one extra, untimed run of each (numpy
reports its buffers to tracemalloc), which also serves as warm-up. Agreement: our rankings equal the
floor's; our selection probabilities and rank intervals equal the floor's; pymcdm's rankings (all
draws it ran, for sensitivity) equal the floor's. Exit status 1 if anything disagrees.

Results: a table on standard output, JSON in var/bench/results-mcda.json (or --out). No Django here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from inkubator.selection.methods import saw, sensitivity, topsis

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SEED = 2024
RANKING_REPEAT_FACTOR = 5
NATIONAL = {"alternatives": 4700, "criteria": 60, "draws": 10_000, "n": 50, "repeat": 5, "pymcdm_draws": 200}
QUICK = {"alternatives": 300, "criteria": 12, "draws": 1000, "n": 10, "repeat": 3, "pymcdm_draws": 50}
CONCENTRATION = 100.0
SENSITIVITY_SEED = 7


def _log(message: str) -> None:
    print(f"[bench-mcda] {message}", file=sys.stderr, flush=True)


def make_problem(alternatives: int, criteria: int, seed: int = SEED):
    """The decision matrix, weights (sum 1) and types (every fifth criterion a cost)."""
    rng = np.random.default_rng(seed)
    matrix = rng.uniform(1.0, 100.0, size=(alternatives, criteria))
    weights = rng.uniform(0.5, 1.5, size=criteria)
    weights /= weights.sum()
    types = np.where(np.arange(criteria) % 5 == 4, -1, 1)
    return matrix, weights, types


# -- floor: the same computations, as plain as numpy allows ----------------------------------------------


def _ranks(scores: np.ndarray) -> np.ndarray:
    ranks = np.empty(scores.size, dtype=np.int64)
    ranks[np.argsort(-scores)] = np.arange(1, scores.size + 1)
    return ranks


def floor_saw(x, w, t):
    cost = t == -1
    r = np.where(cost, x.min(axis=0) / x, x / x.max(axis=0))
    return _ranks(r @ w)


def floor_topsis(x, w, t):
    cost = t == -1
    v = x / np.sqrt((x * x).sum(axis=0)) * w
    ideal = np.where(cost, v.min(axis=0), v.max(axis=0))
    anti = np.where(cost, v.max(axis=0), v.min(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return _ranks(d_minus / (d_plus + d_minus))


def floor_sensitivity(x, w, t, *, n, draws, concentration, seed, chunk=500):
    """Selection probability, [5th, 95th] percentile rank, and the per-draw ranks (draws × m)."""
    cost = t == -1
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(concentration * w / w.sum(), size=draws) * w.sum()
    r = x / np.sqrt((x * x).sum(axis=0))
    best = np.where(cost, r.min(axis=0), r.max(axis=0))
    worst = np.where(cost, r.max(axis=0), r.min(axis=0))
    to_best, to_worst = ((r - best) ** 2).T, ((r - worst) ** 2).T  # (k, m): d² = w² @ these
    m = x.shape[0]
    ranks = np.empty((draws, m), dtype=np.uint16)
    positions = np.arange(1, m + 1, dtype=np.uint16)
    for start in range(0, draws, chunk):
        squared = weights[start : start + chunk] ** 2
        d_plus, d_minus = np.sqrt(squared @ to_best), np.sqrt(squared @ to_worst)
        order = np.argsort(-(d_minus / (d_plus + d_minus)), axis=1)
        ranks[np.arange(start, start + len(squared))[:, None], order] = positions
    probability = (ranks <= n).mean(axis=0)
    low = np.quantile(ranks, 0.05, axis=0, method="lower")
    high = np.quantile(ranks, 0.95, axis=0, method="higher")
    return probability, np.stack([low, high], axis=1).astype(np.int64), ranks


# -- ours and pymcdm ---------------------------------------------------------------------------------


def ours_saw(x, w, t):
    return saw(x, w, t, normalization="max").ranking


def ours_topsis(x, w, t):
    return topsis(x, w, t, normalization="vector").ranking


def ours_sensitivity(x, w, t, *, n, draws, concentration, seed):
    result = sensitivity(
        x, w, t, n=n, method="topsis", normalization="vector", draws=draws, concentration=concentration, seed=seed
    )
    return result.selection_probability, result.rank_interval


def _pymcdm():
    try:
        from pymcdm import normalizations
        from pymcdm.methods import TOPSIS, WSM
    except ImportError as exc:
        return None, f"pymcdm is not installed ({exc}); pip install pymcdm"
    return (WSM(normalizations.linear_normalization), TOPSIS(normalizations.vector_normalization)), None


def pymcdm_rank(method, x, w, t):
    return method.rank(method(x, w, t)).astype(np.int64)


def pymcdm_sensitivity(method, x, w, t, *, draws, concentration, seed):
    """pymcdm TOPSIS + rank for each of the first `draws` weight vectors (the same draws as ours)."""
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(concentration * w / w.sum(), size=draws) * w.sum()
    return np.stack([pymcdm_rank(method, x, row, t) for row in weights])


# -- measuring -------------------------------------------------------------------------------------------


def _peak_mb(fn: Callable[[], object]) -> tuple[object, float]:
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / 2**20


def _measure(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, dict]:
    """One untimed run of each under tracemalloc (peak memory, warm-up), then `repeat` interleaved rounds."""
    out: dict[str, dict] = {}
    for name, fn in runs.items():
        result, peak = _peak_mb(fn)
        out[name] = {"result": result, "peak_mb": round(peak, 1), "times": []}
    for _ in range(repeat):
        for name, fn in runs.items():
            started = time.perf_counter()
            fn()
            out[name]["times"].append(time.perf_counter() - started)
    for entry in out.values():
        entry["median"] = statistics.median(entry["times"])
    return out


def run(params: dict, *, log: Callable[[str], None] = _log) -> dict:
    m, k, draws, n, repeat, sub = (
        params[key] for key in ("alternatives", "criteria", "draws", "n", "repeat", "pymcdm_draws")
    )
    sub = min(sub, draws)
    load_at_start = _load()
    x, w, t = make_problem(m, k)
    pymcdm_methods, missing = _pymcdm()
    tasks: dict[str, dict] = {}

    for task, ours_fn, floor_fn, which in (
        ("saw", ours_saw, floor_saw, 0),
        ("topsis", ours_topsis, floor_topsis, 1),
    ):
        log(f"{task}: {m} × {k}, {repeat * RANKING_REPEAT_FACTOR} repeats")
        runs = {"ours": lambda f=ours_fn: f(x, w, t), "floor": lambda f=floor_fn: f(x, w, t)}
        if pymcdm_methods:
            runs["pymcdm"] = lambda method=pymcdm_methods[which]: pymcdm_rank(method, x, w, t)
        measured = _measure(runs, repeat * RANKING_REPEAT_FACTOR)
        floor_ranking = measured["floor"]["result"]
        agree = {"ours": bool(np.array_equal(measured["ours"]["result"], floor_ranking))}
        if "pymcdm" in measured:
            agree["pymcdm"] = bool(np.array_equal(measured["pymcdm"]["result"], floor_ranking))
        tasks[task] = _summary(measured, agree)

    log(f"sensitivity: TOPSIS, {draws} draws, n = {n}, {repeat} repeats (pymcdm: {sub} draws, extrapolated)")
    options = {"draws": draws, "concentration": CONCENTRATION, "seed": SENSITIVITY_SEED}
    runs = {
        "ours": lambda: ours_sensitivity(x, w, t, n=n, **options),
        "floor": lambda: floor_sensitivity(x, w, t, n=n, **options),
    }
    if pymcdm_methods:
        runs["pymcdm"] = lambda: pymcdm_sensitivity(pymcdm_methods[1], x, w, t, **{**options, "draws": sub})
    measured = _measure(runs, repeat)
    probability, interval = measured["ours"]["result"]
    floor_probability, floor_interval, floor_ranks = measured["floor"]["result"]
    agree = {"ours": bool(np.array_equal(probability, floor_probability) and np.array_equal(interval, floor_interval))}
    if "pymcdm" in measured:
        agree["pymcdm"] = bool(np.array_equal(measured["pymcdm"]["result"], floor_ranks[:sub]))
        scale = draws / sub
        entry = measured["pymcdm"]
        entry["measured_times"] = entry["times"]
        entry["times"] = [s * scale for s in entry["times"]]
        entry["median"] = statistics.median(entry["times"])
        entry["extrapolated"] = {"measured_draws": sub, "to_draws": draws, "factor": scale}
    tasks["sensitivity"] = _summary(measured, agree)

    return {
        "benchmark": "mcda",
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": {**params, "ranking_repeat": repeat * RANKING_REPEAT_FACTOR, "pymcdm_draws": sub,
                       "concentration": CONCENTRATION, "seed": SEED,
                       "sensitivity_seed": SENSITIVITY_SEED, "method": "topsis (sensitivity)"},  # fmt: skip
        "machine": {**_machine(), "load_average": {"start": load_at_start, "end": _load()}},
        "pymcdm": missing,
        "tasks": tasks,
        "agree": all(all(task["agree"].values()) for task in tasks.values()),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _summary(measured: dict[str, dict], agree: dict[str, bool]) -> dict:
    summary = {name: {key: value for key, value in entry.items() if key != "result"} for name, entry in measured.items()}
    ours = measured["ours"]["median"]
    summary["ratio_floor"] = ours / measured["floor"]["median"]
    summary["ratio_pymcdm"] = ours / measured["pymcdm"]["median"] if "pymcdm" in measured else None
    summary["agree"] = agree
    return summary


def _machine() -> dict:
    import scipy

    try:
        import pymcdm

        pymcdm_version = getattr(pymcdm, "__version__", None) or _dist_version("pymcdm")
    except ImportError:
        pymcdm_version = None
    threads = {key: os.environ[key] for key in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS") if key in os.environ}
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "pymcdm": pymcdm_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "thread_env": threads,
    }


def _load() -> list[float] | None:
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
        pymcdm_time = _seconds(pymcdm["median"]) + ("*" if pymcdm and "extrapolated" in pymcdm else "") if pymcdm else "—"
        peaks = "/".join(f"{task[who]['peak_mb']:.1f}" if who in task else "—" for who in ("ours", "floor", "pymcdm"))
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
    lines.append(f"process peak RSS {results['max_rss_mb']:.0f} MB; all results agree: {'yes' if results['agree'] else 'NO'}")
    return "\n".join(lines)


def _default_out() -> Path:
    return Path(os.environ.get("INKUBATOR_VAR_DIR", str(BASE_DIR / "var"))) / "bench" / "results-mcda.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m inkubator.selection.bench",
        description="Decision methods at national scale (4,700 × 60), as ratios to a numpy floor and pymcdm.",
    )
    parser.add_argument("--quick", action="store_true", help="a small smoke size (300 × 12, 1,000 draws)")
    parser.add_argument("--repeat", type=int, help="timed repeats of sensitivity, 5 × N of the rankings (default 5; quick 3)")
    parser.add_argument("--draws", type=int, help="sensitivity draws (default 10,000; quick 1,000)")
    parser.add_argument("--pymcdm-draws", type=int, help="draws pymcdm runs before extrapolating (default 200)")
    parser.add_argument("--out", type=Path, help="where to write the JSON (default var/bench/results-mcda.json)")
    args = parser.parse_args(argv)
    params = dict(QUICK if args.quick else NATIONAL)
    for key in ("repeat", "draws", "pymcdm_draws"):
        value = getattr(args, key)
        if value is not None:
            if value < 1:
                parser.error(f"--{key.replace('_', '-')} must be at least 1")
            params[key] = value
    params["quick"] = args.quick

    started = time.perf_counter()
    results = run(params)
    results["elapsed_s"] = round(time.perf_counter() - started, 1)
    out = args.out or _default_out()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    _log(f"wrote {out} in {results['elapsed_s']} s")
    return 0 if results["agree"] else 1


if __name__ == "__main__":
    sys.exit(main())
