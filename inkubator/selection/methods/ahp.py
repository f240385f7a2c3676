"""AHP (Saaty): weights from a pairwise comparison matrix, consistency, several experts.

``a_ij`` says how much more important criterion i is than criterion j (Saaty's 1–9 scale); the
matrix must be positive and reciprocal: ``a_ji = 1 / a_ij``, ``a_ii = 1``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from ._core import FloatArray, MCDAError

AHPMethod = Literal["eigenvector", "geometric_mean", "approximate"]
AHP_METHODS: tuple[str, ...] = ("eigenvector", "geometric_mean", "approximate")

#: Saaty's random consistency index RI for n = 1..15 (Saaty 1980/1990; the table most AHP texts print).
RANDOM_INDEX: tuple[float, ...] = (
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
)  # fmt: skip

#: Relative tolerance for the reciprocal check ``a_ij · a_ji = 1`` and ``a_ii = 1``.
RECIPROCAL_TOLERANCE = 1e-6


@dataclass(frozen=True)
class AHPResult:
    """Weights (sum 1), principal eigenvalue λmax, CI = (λmax − n)/(n − 1), RI and CR = CI / RI.

    ``cr`` is 0 for n ≤ 2 (every 2×2 reciprocal matrix is consistent) and None for n > 15, where
    Saaty's table has no random index.
    """

    weights: FloatArray
    lambda_max: float
    ci: float
    ri: float | None
    cr: float | None
    n: int
    method: str


def validate_pairwise(pairwise: ArrayLike, *, name: str = "pairwise matrix") -> FloatArray:
    """Check a pairwise matrix: square, n ≥ 2, finite, positive, reciprocal (relative tolerance 1e-6)."""
    try:
        a = np.asarray(pairwise, dtype=np.float64)
    except (TypeError, ValueError):
        raise MCDAError(f"{name} must be a square table of numbers.")
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise MCDAError(f"{name} must be square (n × n); got shape {tuple(a.shape)}.")
    n = a.shape[0]
    if n < 2:
        raise MCDAError(f"{name} must compare at least 2 criteria; got {n}.")
    if not np.all(np.isfinite(a)):
        raise MCDAError(f"{name} contains NaN or infinite values.")
    bad = np.argwhere(a <= 0)
    if bad.size:
        i, j = (int(v) for v in bad[0])
        raise MCDAError(f"{name} must be positive; entry ({i}, {j}) is {a[i, j]:g}.")
    product = a * a.T  # a_ij * a_ji, 1 on a reciprocal matrix (diagonal: a_ii², so a_ii = 1)
    off = np.abs(product - 1.0) > RECIPROCAL_TOLERANCE
    if off.any():
        i, j = (int(v) for v in np.argwhere(off)[0])
        if i == j:
            raise MCDAError(f"{name} must have 1 on the diagonal; entry ({i}, {i}) is {a[i, i]:g}.")
        raise MCDAError(
            f"{name} is not reciprocal: entry ({i}, {j}) is {a[i, j]:g} but entry ({j}, {i}) is {a[j, i]:g}, "
            f"not 1/{a[i, j]:g}."
        )
    return a


def aggregate_pairwise(matrices: Sequence[ArrayLike]) -> FloatArray:
    """Several experts' judgements combined by element-wise geometric mean (AIJ, Aczél & Saaty 1983).

    ``a_ij = (Π_k a_ij^(k))^(1/K)``; the result is again positive and reciprocal.
    """
    if len(matrices) == 0:
        raise MCDAError("no pairwise matrices to aggregate.")
    checked = [validate_pairwise(m, name=f"pairwise matrix of expert {k}") for k, m in enumerate(matrices)]
    shapes = {m.shape for m in checked}
    if len(shapes) != 1:
        raise MCDAError(f"the experts' pairwise matrices differ in size: {sorted(s[0] for s in shapes)}.")
    return np.exp(np.mean(np.log(np.stack(checked)), axis=0))


def principal_eigen(a: FloatArray) -> tuple[float, FloatArray]:
    """λmax and its eigenvector scaled to sum 1 (Perron vector of a positive matrix: real, positive)."""
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    vector = np.abs(vectors[:, k].real)
    return float(values[k].real), vector / vector.sum()


def ahp_weights(pairwise: ArrayLike | Sequence[ArrayLike], *, method: AHPMethod = "eigenvector") -> AHPResult:
    """AHP weights from one pairwise matrix, or from several experts' matrices (aggregated first).

    ``eigenvector`` (default, Saaty): ``w`` = principal right eigenvector, ``A w = λmax w``, Σw = 1.
    ``geometric_mean`` (row geometric mean, Crawford & Williams): ``w_i ∝ (Π_j a_ij)^(1/n)``.
    ``approximate`` (Saaty's classroom method): normalise each column to sum 1, ``w_i`` = row mean.

    λmax is always the principal eigenvalue of the matrix (Saaty's definition), whichever method
    gives the weights, so CI = (λmax − n)/(n − 1) and CR = CI / RI describe the judgements, not the
    weighting method. With RI from `RANDOM_INDEX`; CR ≤ 0.10 is Saaty's usual acceptance threshold.
    """
    a = _one_or_aggregate(pairwise)
    if method not in AHP_METHODS:
        raise MCDAError(f"unknown AHP method {method!r}; choose one of {', '.join(AHP_METHODS)}.")
    n = a.shape[0]
    lambda_max, eigenvector = principal_eigen(a)
    if method == "eigenvector":
        weights = eigenvector
    elif method == "geometric_mean":
        g = np.exp(np.mean(np.log(a), axis=1))
        weights = g / g.sum()
    else:
        weights = np.mean(a / a.sum(axis=0), axis=1)
        weights = weights / weights.sum()
    ci = max(0.0, (lambda_max - n) / (n - 1))  # λmax ≥ n for positive reciprocal matrices; clip rounding
    ri = RANDOM_INDEX[n - 1] if n <= len(RANDOM_INDEX) else None
    if n <= 2:
        cr: float | None = 0.0
    elif ri is None:
        cr = None
    else:
        cr = ci / ri
    return AHPResult(weights=weights, lambda_max=lambda_max, ci=ci, ri=ri, cr=cr, n=n, method=method)


@dataclass(frozen=True)
class Judgement:
    """One judgement ``a_ij`` (i < j) against the ratio the weights imply, ``w_i / w_j``.

    ``error = |ln(a_ij · w_j / w_i)|``: 0 when the judgement agrees with the weights; ln 2 ≈ 0.69
    when it is off by a factor of 2 either way.
    """

    i: int
    j: int
    judgement: float
    implied: float
    error: float


def inconsistent_judgements(
    pairwise: ArrayLike | Sequence[ArrayLike],
    weights: ArrayLike | None = None,
    *,
    top: int | None = 3,
) -> list[Judgement]:
    """The judgements that disagree most with the weights, worst first (ties: lower i, then j).

    Weights default to the principal eigenvector. Revising the first judgement towards
    ``implied`` lowers the CR the most, as a rule of thumb (Saaty 2003).
    """
    a = _one_or_aggregate(pairwise)
    n = a.shape[0]
    if weights is None:
        w = principal_eigen(a)[1]
    else:
        w = np.asarray(weights, dtype=np.float64)
        if w.shape != (n,) or not np.all(np.isfinite(w)) or np.any(w <= 0):
            raise MCDAError(f"weights for the judgement check must be {n} positive numbers.")
    i, j = np.triu_indices(n, k=1)
    implied = w[i] / w[j]
    error = np.abs(np.log(a[i, j] / implied))
    order = np.lexsort((j, i, -error))
    if top is not None:
        order = order[:top]
    return [
        Judgement(
            i=int(i[k]),
            j=int(j[k]),
            judgement=float(a[i[k], j[k]]),
            implied=float(implied[k]),
            error=float(error[k]),
        )
        for k in order
    ]


def _one_or_aggregate(pairwise: ArrayLike | Sequence[ArrayLike]) -> FloatArray:
    """One matrix (2-D), or a list of experts' matrices (3-D nesting) aggregated by geometric mean."""
    if isinstance(pairwise, np.ndarray):
        depth = pairwise.ndim
    else:
        depth, item = 0, pairwise
        while isinstance(item, list | tuple | np.ndarray) and len(item) > 0:
            depth, item = depth + 1, item[0]
    if depth == 3:
        return aggregate_pairwise(list(pairwise))  # type: ignore[arg-type]
    return validate_pairwise(pairwise)
