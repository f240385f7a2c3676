"""What the registry benchmark's parent and child share: paths, constants, timing helpers."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/inkubator_bench"
SEED = 2024
PAGE_SIZE = 25


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def var_dir() -> Path:
    return Path(os.environ.get("INKUBATOR_VAR_DIR", str(BASE_DIR / "var")))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def quantile_ms(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000


def cpu_check_ms() -> float:
    """A fixed pure-Python workload (best of 5): how fast this CPU is right now, to compare runs."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        sum(i * i for i in range(200_000))
        best = min(best, time.perf_counter() - start)
    return round(best * 1000, 2)
