"""Decision methods at national scale, as ratios to a plain-numpy floor and to pymcdm, same run.

    python -m bench.mcda [--quick] [--repeat N] [--draws D] [--pymcdm-draws K] [--out PATH]

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
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from bench.mcda.implementations import (
    BASE_DIR,
    CONCENTRATION,
    NATIONAL,
    QUICK,
    RANKING_REPEAT_FACTOR,
    SEED,
    SENSITIVITY_SEED,
    floor_saw,
    floor_sensitivity,
    floor_topsis,
    installed_pymcdm,
    log,
    make_problem,
    ours_saw,
    ours_sensitivity,
    ours_topsis,
    pymcdm_rank,
    pymcdm_sensitivity,
)
from bench.mcda.report import load_average, machine, summary, table

__all__ = [
    "floor_saw",
    "floor_sensitivity",
    "floor_topsis",
    "main",
    "make_problem",
    "ours_saw",
    "ours_sensitivity",
    "ours_topsis",
    "pymcdm_rank",
    "pymcdm_sensitivity",
    "run",
    "table",
]


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


def run(params: dict, *, log: Callable[[str], None] = log) -> dict:
    m, k, draws, n, repeat, sub = (
        params[key] for key in ("alternatives", "criteria", "draws", "n", "repeat", "pymcdm_draws")
    )
    sub = min(sub, draws)
    load_at_start = load_average()
    x, w, t = make_problem(m, k)
    pymcdm_methods, missing = installed_pymcdm()
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
        tasks[task] = summary(measured, agree)

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
    agree = {
        "ours": bool(
            np.array_equal(probability, floor_probability) and np.array_equal(interval, floor_interval)
        )
    }
    if "pymcdm" in measured:
        agree["pymcdm"] = bool(np.array_equal(measured["pymcdm"]["result"], floor_ranks[:sub]))
        scale = draws / sub
        entry = measured["pymcdm"]
        entry["measured_times"] = entry["times"]
        entry["times"] = [s * scale for s in entry["times"]]
        entry["median"] = statistics.median(entry["times"])
        entry["extrapolated"] = {"measured_draws": sub, "to_draws": draws, "factor": scale}
    tasks["sensitivity"] = summary(measured, agree)

    return {
        "benchmark": "mcda",
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": {
            **params,
            "ranking_repeat": repeat * RANKING_REPEAT_FACTOR,
            "pymcdm_draws": sub,
            "concentration": CONCENTRATION,
            "seed": SEED,
            "sensitivity_seed": SENSITIVITY_SEED,
            "method": "topsis (sensitivity)",
        },  # fmt: skip
        "machine": {**machine(), "load_average": {"start": load_at_start, "end": load_average()}},
        "pymcdm": missing,
        "tasks": tasks,
        "agree": all(all(task["agree"].values()) for task in tasks.values()),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _default_out() -> Path:
    return Path(os.environ.get("INKUBATOR_VAR_DIR", str(BASE_DIR / "var"))) / "bench" / "results-mcda.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.mcda",
        description="Decision methods at national scale (4,700 × 60), as ratios to a numpy floor and pymcdm.",
    )
    parser.add_argument("--quick", action="store_true", help="a small smoke size (300 × 12, 1,000 draws)")
    parser.add_argument(
        "--repeat", type=int, help="timed repeats of sensitivity, 5 × N of the rankings (default 5; quick 3)"
    )
    parser.add_argument("--draws", type=int, help="sensitivity draws (default 10,000; quick 1,000)")
    parser.add_argument(
        "--pymcdm-draws", type=int, help="draws pymcdm runs before extrapolating (default 200)"
    )
    parser.add_argument(
        "--out", type=Path, help="where to write the JSON (default var/bench/results-mcda.json)"
    )
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
    log(f"wrote {out} in {results['elapsed_s']} s")
    return 0 if results["agree"] else 1
