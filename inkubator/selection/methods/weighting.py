"""Objective weights computed from the decision matrix itself: entropy and CRITIC."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ._core import FloatArray, MCDAError, as_matrix, as_types


@dataclass(frozen=True)
class EntropyResult:
    """``weights`` (sum 1), Shannon ``entropy`` E_j in [0, 1] and ``divergence`` d_j = 1 − E_j."""

    weights: FloatArray
    entropy: FloatArray
    divergence: FloatArray


def entropy_weights(matrix: ArrayLike) -> EntropyResult:
    """Entropy weights (Shannon; Hwang & Yoon 1981, Zeleny 1982). Criterion direction is ignored.

    With m alternatives:

    ``p_ij = x_ij / Σ_i x_ij``; ``E_j = −k Σ_i p_ij ln p_ij`` with ``k = 1 / ln m`` and ``0 · ln 0 = 0``;
    ``d_j = 1 − E_j``; ``w_j = d_j / Σ_k d_k``.

    A criterion on which all alternatives are equal has E = 1 and weight 0. Needs m ≥ 2,
    non-negative values and no all-zero column. If every column is uniform the weights are
    undefined (0/0) and an `MCDAError` is raised.
    """
    x = as_matrix(matrix, min_rows=2)
    negative = np.flatnonzero(np.any(x < 0, axis=0))
    if negative.size:
        raise MCDAError(
            f"entropy weights need non-negative values; column(s) {_cols(negative)} have negative values."
        )
    total = x.sum(axis=0)
    zero = np.flatnonzero(total == 0)
    if zero.size:
        raise MCDAError(f"entropy weights divide by the column sum, which is 0 in column(s) {_cols(zero)}.")
    p = x / total
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    entropy = -plogp.sum(axis=0) / np.log(x.shape[0])
    divergence = np.clip(1.0 - entropy, 0.0, None)  # E ≤ 1 in exact arithmetic; clip rounding noise
    if not np.any(divergence > 0):
        raise MCDAError(
            "entropy weights are undefined: every criterion has the same value for all alternatives."
        )
    return EntropyResult(weights=divergence / divergence.sum(), entropy=entropy, divergence=divergence)


@dataclass(frozen=True)
class CRITICResult:
    """``weights`` (sum 1), ``std`` σ_j (ddof = 1), ``correlation`` r_jk and ``information`` C_j."""

    weights: FloatArray
    std: FloatArray
    correlation: FloatArray
    information: FloatArray


def critic_weights(matrix: ArrayLike, types: ArrayLike | None = None) -> CRITICResult:
    """CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995).

    1. min-max normalise each column, cost criteria reversed:
       benefit ``r = (x − min)/(max − min)``, cost ``r = (max − x)/(max − min)``;
    2. ``σ_j`` = sample standard deviation of column j, **ddof = 1** (divides by m − 1);
    3. ``r_jk`` = Pearson correlation between columns j and k;
    4. ``C_j = σ_j Σ_k (1 − r_jk)``; ``w_j = C_j / Σ_k C_k``.

    A constant column cannot be min-max normalised and is refused (`MCDAError`), as are fewer than
    2 alternatives. Reversing a cost column flips the sign of its correlations, so `types` matter.
    """
    x = as_matrix(matrix, min_rows=2)
    t = as_types(types, x.shape[1])
    if x.shape[1] < 2:
        raise MCDAError("CRITIC weights need at least 2 criteria (it measures conflict between criteria).")
    low, high = x.min(axis=0), x.max(axis=0)
    constant = np.flatnonzero(high == low)
    if constant.size:
        raise MCDAError(
            f"CRITIC min-max normalisation divides by max − min, which is 0 in column(s) {_cols(constant)} "
            "(every alternative has the same value)."
        )
    r = np.where(t == -1, (high - x) / (high - low), (x - low) / (high - low))
    std = r.std(axis=0, ddof=1)
    correlation = np.corrcoef(r, rowvar=False)
    information = std * np.clip(np.sum(1.0 - correlation, axis=0), 0.0, None)  # r ≤ 1; clip rounding
    if not np.sum(information) > 0:
        raise MCDAError("CRITIC weights are undefined: all criteria are perfectly positively correlated.")
    return CRITICResult(
        weights=information / information.sum(), std=std, correlation=correlation, information=information
    )


def _cols(indices: np.ndarray) -> str:
    return ", ".join(str(int(j)) for j in indices[:10]) + (" …" if indices.size > 10 else "")
