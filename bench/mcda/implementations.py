"""The implementations compared: ours (the project's decision methods), a bare numpy floor, pymcdm."""

from __future__ import annotations

import sys
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


def log(message: str) -> None:
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
        x,
        w,
        t,
        n=n,
        method="topsis",
        normalization="vector",
        draws=draws,
        concentration=concentration,
        seed=seed,
    )
    return result.selection_probability, result.rank_interval


def installed_pymcdm():
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
