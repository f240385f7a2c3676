"""Scoring methods: normalisation, SAW (simple additive weighting) and TOPSIS.

Notation: ``x_ij`` is alternative i on criterion j (column ``x_j``), ``w_j`` the weight as given,
``t_j`` = 1 (benefit) or -1 (cost).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from ._core import FloatArray, IntArray, MCDAError, as_matrix, as_types, as_weights, rank

SawNormalization = Literal["none", "max", "sum", "minmax", "vector"]
TopsisNormalization = Literal["vector", "minmax"]

SAW_NORMALIZATIONS: tuple[str, ...] = ("none", "max", "sum", "minmax", "vector")
TOPSIS_NORMALIZATIONS: tuple[str, ...] = ("vector", "minmax")


def normalize(
    matrix: ArrayLike, types: ArrayLike | None = None, *, method: SawNormalization = "max"
) -> FloatArray:
    """Normalise each column so that more is better, as SAW uses it.

    ``none``    benefit ``r = x``;                    cost ``r = -x`` (values used as they are)
    ``max``     benefit ``r = x / max(x_j)``;         cost ``r = min(x_j) / x``  (linear, "ratio to best")
    ``sum``     benefit ``r = x / Σ_i x_ij``;         cost ``r = (1/x) / Σ_i (1/x_ij)``
    ``minmax``  benefit ``r = (x - min) / (max - min)``; cost ``r = (max - x) / (max - min)``
    ``vector``  benefit ``r = x / ‖x_j‖₂``;            cost ``r = 1 - x / ‖x_j‖₂``

    ``max`` and ``sum`` are ratio scales: they need non-negative values (and strictly positive values
    on cost criteria, which are inverted). A column that would be divided by zero is refused with an
    `MCDAError` naming the column: max = 0 (``max``), sum = 0 (``sum``), max = min (``minmax``, a
    constant column), norm = 0 (``vector``).
    """
    x = as_matrix(matrix)
    t = as_types(types, x.shape[1])
    if method not in SAW_NORMALIZATIONS:
        raise MCDAError(f"unknown normalization {method!r}; choose one of {', '.join(SAW_NORMALIZATIONS)}.")
    cost = t == -1
    if method == "none":
        return np.where(cost, -x, x)
    if method == "vector":
        norm = _nonzero(
            np.sqrt(np.sum(x * x, axis=0)), "vector", "its Euclidean norm is 0 (every value is 0)"
        )
        r = x / norm
        return np.where(cost, 1.0 - r, r)
    if method == "minmax":
        low, high = x.min(axis=0), x.max(axis=0)
        span = _nonzero(high - low, "minmax", "every alternative has the same value (max = min)")
        return np.where(cost, (high - x) / span, (x - low) / span)
    # ratio scales
    _require(
        ~np.any(x < 0, axis=0), method, "it has negative values; a ratio normalisation needs values >= 0"
    )
    _require(
        ~(cost & np.any(x <= 0, axis=0)),
        method,
        "it is a cost criterion with a value <= 0, which cannot be inverted",
    )
    if method == "max":
        high = _nonzero(np.where(cost, 1.0, x.max(axis=0)), "max", "its maximum is 0 (every value is 0)")
        with np.errstate(divide="ignore"):
            return np.where(cost, x.min(axis=0) / np.where(cost, x, 1.0), x / high)
    # sum
    total = _nonzero(np.where(cost, 1.0, x.sum(axis=0)), "sum", "its sum is 0 (every value is 0)")
    with np.errstate(divide="ignore"):
        inverse = 1.0 / np.where(cost, x, 1.0)
    return np.where(cost, inverse / inverse.sum(axis=0), x / total)


@dataclass(frozen=True)
class SAWResult:
    """``scores[i] = Σ_j w_j r_ij``; ``ranking[i]`` 1 = best; ``normalized`` = the matrix r."""

    scores: FloatArray
    ranking: IntArray
    normalized: FloatArray


def saw(
    matrix: ArrayLike,
    weights: ArrayLike,
    types: ArrayLike | None = None,
    *,
    normalization: SawNormalization = "max",
) -> SAWResult:
    """Simple additive weighting: ``S_i = Σ_j w_j r_ij`` with ``r = normalize(x, types, method=normalization)``.

    Weights are used as given (a weight vector summing to 2 doubles every score, ranks unchanged).
    Default normalisation ``max`` is the textbook linear one (Hwang & Yoon 1981): ``x/max`` for
    benefit, ``min/x`` for cost.
    """
    x = as_matrix(matrix)
    w = as_weights(weights, x.shape[1])
    r = normalize(x, types, method=normalization)
    scores = r @ w
    return SAWResult(scores=scores, ranking=rank(scores), normalized=r)


@dataclass(frozen=True)
class TOPSISResult:
    """``closeness[i] = d_minus[i] / (d_plus[i] + d_minus[i])`` in [0, 1]; ``ranking`` 1 = best."""

    closeness: FloatArray
    ranking: IntArray
    d_plus: FloatArray
    d_minus: FloatArray
    ideal: FloatArray
    anti_ideal: FloatArray

    @property
    def scores(self) -> FloatArray:
        return self.closeness


def topsis_scale(x: FloatArray, normalization: TopsisNormalization) -> FloatArray:
    """TOPSIS normalisation, direction-free: ``vector`` ``x/‖x_j‖₂``; ``minmax`` ``(x-min)/(max-min)``."""
    if normalization not in TOPSIS_NORMALIZATIONS:
        raise MCDAError(
            f"unknown TOPSIS normalization {normalization!r}; choose one of {', '.join(TOPSIS_NORMALIZATIONS)}."
        )
    if normalization == "vector":
        norm = _nonzero(
            np.sqrt(np.sum(x * x, axis=0)), "vector", "its Euclidean norm is 0 (every value is 0)"
        )
        return x / norm
    low, high = x.min(axis=0), x.max(axis=0)
    span = _nonzero(high - low, "minmax", "every alternative has the same value (max = min)")
    return (x - low) / span


def topsis_ideals(r: FloatArray, t: IntArray) -> tuple[FloatArray, FloatArray]:
    """Per-criterion ideal and anti-ideal of the (unweighted) normalised matrix, by direction.

    Because weights are non-negative, the ideal of the weighted matrix is ``w_j`` times this one.
    """
    high, low = r.max(axis=0), r.min(axis=0)
    return np.where(t == 1, high, low), np.where(t == 1, low, high)


def topsis(
    matrix: ArrayLike,
    weights: ArrayLike,
    types: ArrayLike | None = None,
    *,
    normalization: TopsisNormalization = "vector",
) -> TOPSISResult:
    """TOPSIS (Hwang & Yoon 1981).

    1. ``r_ij = x_ij / sqrt(Σ_i x_ij²)`` (``vector``, default, as in Hwang & Yoon) or
       ``r_ij = (x_ij - min_i x_ij) / (max_i x_ij - min_i x_ij)`` (``minmax``);
    2. ``v_ij = w_j r_ij``;
    3. ideal ``v⁺_j = max_i v_ij`` for benefit, ``min_i v_ij`` for cost; anti-ideal ``v⁻_j`` the opposite;
    4. ``d⁺_i = sqrt(Σ_j (v_ij - v⁺_j)²)``, ``d⁻_i = sqrt(Σ_j (v_ij - v⁻_j)²)``;
    5. closeness ``C_i = d⁻_i / (d⁺_i + d⁻_i)``; higher is better.

    Cost criteria are not inverted before step 3 (the ideal takes the minimum instead); the
    distances are identical to those of implementations that use ``1 - r`` for cost (pymcdm).
    """
    x = as_matrix(matrix)
    w = as_weights(weights, x.shape[1])
    t = as_types(types, x.shape[1])
    r = topsis_scale(x, normalization)
    best, worst = topsis_ideals(r, t)
    v = r * w
    ideal, anti = best * w, worst * w
    d_plus = np.sqrt(np.sum((v - ideal) ** 2, axis=1))
    d_minus = np.sqrt(np.sum((v - anti) ** 2, axis=1))
    total = d_plus + d_minus
    if np.any(total == 0):
        raise MCDAError(
            "TOPSIS closeness is undefined: every alternative has the same value on every criterion with a positive weight."
        )
    closeness = d_minus / total
    return TOPSISResult(
        closeness=closeness,
        ranking=rank(closeness),
        d_plus=d_plus,
        d_minus=d_minus,
        ideal=ideal,
        anti_ideal=anti,
    )


def _nonzero(divisor: np.ndarray, method: str, reason: str) -> np.ndarray:
    _require(divisor != 0, method, reason)
    return divisor


def _require(ok: np.ndarray, method: str, reason: str) -> None:
    bad = np.flatnonzero(~np.asarray(ok))
    if bad.size:
        columns = ", ".join(str(int(j)) for j in bad[:10])
        raise MCDAError(f"{method} normalization cannot be applied to column(s) {columns}: {reason}.")
