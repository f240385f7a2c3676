"""Benchmark of a whole selection run at national scale (no Django): `python -m bench.selection_run`.

A deterministic synthetic round of 4,700 assessed centres × 8 dimensions over the 38 provinces, n = 50,
a minimum of one and a maximum of three per province, eligibility (class, aid) and a budget — the
shape of a national selection. Timed: the complete `compute.compute` (scores, exact selection with
binding constraints, kept-out reasons, 2,000-draw sensitivity, SAW/TOPSIS agreement, what it would
take for the 10 best left out) against a floor of one bare exact selection (`methods.select` without
the binding analysis) on the same scores: the ratio is what all the explanations cost on top of the
choice itself. Writes var/bench/results-run.json; `--quick` runs 400 centres.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from inkubator.selection import compute
from inkubator.selection.methods import saw, select

PROVINCES = [
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51", "52", "53",
    "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96",
]  # fmt: skip


def make_inputs(centres: int, *, seed: int = 2024, draws: int = 2000) -> dict:
    rng = random.Random(seed)
    alternatives = [
        {
            "code": f"C{i:05d}",
            "province": rng.choice(PROVINCES),
            "active": True,
            "class": rng.choice(["ready", "assisted", "not_ready"]),
            "aid": rng.random() < 0.8,
            "scores": [f"{rng.uniform(10, 100):.2f}" for _ in range(8)],
            "cost": "500000000",
        }
        for i in range(centres)
    ]
    return {
        "schema": compute.SCHEMA,
        "criteria": list("ABCDEFGH"),
        "weights": ["0.15"] * 4 + ["0.10"] * 4,
        "method": "saw",
        "normalization": "max",
        "alternatives": alternatives,
        "constraints": {
            "n": 50,
            "min_class": "assisted",
            "require_aid": True,
            "budget": "25000000000",
            "min_per_province": dict.fromkeys(PROVINCES, 1),
            "max_per_province": dict.fromkeys(PROVINCES, 3),
        },
        "sensitivity": {"draws": draws, "concentration": "100", "seed": seed},
    }


def floor(inputs: dict) -> list[int]:
    """One exact selection on the eligible centres' SAW scores, nothing explained."""
    cons = inputs["constraints"]
    eligible = [a for a in inputs["alternatives"] if a["class"] != "not_ready" and a["aid"]]
    matrix = np.array([[float(s) for s in a["scores"]] for a in eligible])
    scores = saw(matrix, [float(w) for w in inputs["weights"]], np.ones(matrix.shape[1], dtype=int)).scores
    return select(
        scores,
        cons["n"],
        groups=[a["province"] for a in eligible],
        min_per_group=cons["min_per_province"],
        max_per_group=cons["max_per_province"],
        costs=np.full(len(eligible), 5e8),
        budget=float(cons["budget"]),
        find_binding=False,
    ).selected


def run(centres: int, repeat: int) -> dict:
    inputs = make_inputs(centres)
    timings: dict[str, list[float]] = {"run": [], "floor": []}
    outputs = None
    for _ in range(repeat):
        start = time.perf_counter()
        chosen = floor(inputs)
        timings["floor"].append(time.perf_counter() - start)
        start = time.perf_counter()
        outputs = compute.compute(inputs)
        timings["run"].append(time.perf_counter() - start)
    eligible_codes = [a["code"] for a in inputs["alternatives"] if a["class"] != "not_ready" and a["aid"]]
    agree = sorted(eligible_codes[i] for i in chosen) == outputs["selected"]
    run_s, floor_s = statistics.median(timings["run"]), statistics.median(timings["floor"])
    return {
        "centres": centres,
        "eligible": outputs["eligible"],
        "selected": len(outputs["selected"]),
        "binding": len(outputs["binding"]),
        "run_seconds": round(run_s, 3),
        "floor_seconds": round(floor_s, 3),
        "ratio": round(run_s / floor_s, 1),
        "repeat": repeat,
        "same_selection": agree,
        "output_hash": compute.content_hash(outputs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="400 centres instead of 4,700")
    parser.add_argument("--repeat", type=int, default=None, help="timed runs (default 3; quick 1)")
    parser.add_argument("--out", type=Path, default=Path("var/bench/results-run.json"))
    args = parser.parse_args(argv)
    result = run(400 if args.quick else 4700, args.repeat or (1 if args.quick else 3))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(
        f"selection run, {result['centres']:,} centres ({result['eligible']:,} eligible), n = 50, 38 province "
        f"quotas, budget: {result['run_seconds']} s (median of {result['repeat']}) vs one bare exact selection "
        f"{result['floor_seconds']} s = {result['ratio']}×; same selection: {'yes' if result['same_selection'] else 'NO'}"
    )
    return 0 if result["same_selection"] else 1


if __name__ == "__main__":
    sys.exit(main())
