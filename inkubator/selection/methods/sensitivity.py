"""Weight sensitivity: how stable is the top-n under plausible changes of the weights?

Weight vectors are drawn from a Dirichlet distribution centred on the given weights,
``w' = Σw · Dirichlet(concentration · w / Σw)``, so each draw has the same total as the given
weights and mean ``w``; larger `concentration` means draws closer to ``w`` (the variance of
``w'_j / Σw`` is ``p_j (1 − p_j) / (concentration + 1)`` with ``p_j = w_j / Σw``). A criterion with
weight 0 keeps weight 0. Each draw is scored with the same method and normalisation as the base
result; the normalised matrix does not depend on the weights, so it is computed once:

- SAW: ``S = R @ W'ᵀ`` (one matrix product per chunk of draws);
- TOPSIS: ``d⁺ = sqrt(D⁺ @ (W'²)ᵀ)`` with ``D⁺_ij = (r_ij − r⁺_j)²`` (likewise ``d⁻``), because the
  ideal of ``w_j r_ij`` is ``w_j r⁺_j`` for non-negative weights.

Within a draw, alternatives are ranked by score (ordinal ranks 1..m). Alternatives with identical
rows (on the criteria with a positive weight) score the same under every draw; they are ranked in
index order, lower index first. Any other exact tie has probability zero under continuous draws.
So exactly n alternatives are in the top n of every draw and the selection probabilities sum to n.
The top-n here is plain ranking; quotas, budget and the other selection constraints are not
re-solved per draw.

Draws are processed in chunks to keep memory bounded: about ``chunk × m × 8`` bytes per chunk for
scores, plus ``draws × m × 2`` bytes for the ranks kept for the percentiles (uint16 while m < 65,536).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from ._core import FloatArray, IntArray, MCDAError, as_matrix, as_types, as_weights
from .scoring import normalize, topsis, topsis_ideals, topsis_scale

DEFAULT_DRAWS = 1000
DEFAULT_CONCENTRATION = 100.0
DEFAULT_SEED = 0
MAX_DRAWS = 100_000
#: Target size of one chunk of scores (draws × alternatives float64), in bytes. 16 MiB = 446 draws at
#: 4,700 alternatives: about twice as fast as 4 MiB there (larger matrix products, fewer passes), for
#: about 50 MB more peak memory (`python -m inkubator.selection.bench`). Results do not depend on it.
CHUNK_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class SensitivityResult:
    """Per alternative: ``selection_probability`` (share of draws ranking it within the top n) and
    ``rank_interval`` = [5th, 95th] percentile of its rank over the draws, as whole ranks: with the
    ranks of D draws sorted ascending as ``s``, ``[s[floor(0.05 (D − 1))], s[ceil(0.95 (D − 1))]]``
    (numpy's "lower" and "higher" percentile methods; never narrower than linear interpolation).
    """

    selection_probability: FloatArray
    rank_interval: IntArray  # shape (m, 2)
    draws: int
    concentration: float
    seed: int
    n: int


def sensitivity(
    matrix: ArrayLike,
    weights: ArrayLike,
    types: ArrayLike | None = None,
    *,
    n: int,
    method: Literal["saw", "topsis"] = "saw",
    normalization: str | None = None,
    draws: int = DEFAULT_DRAWS,
    concentration: float = DEFAULT_CONCENTRATION,
    seed: int = DEFAULT_SEED,
    chunk_size: int | None = None,
) -> SensitivityResult:
    """Dirichlet weight perturbation, reproducible with `seed` (numpy ``default_rng(seed)``).

    `normalization` defaults to the method's own default (``max`` for SAW, ``vector`` for TOPSIS).
    """
    x = as_matrix(matrix)
    m, k = x.shape
    w = as_weights(weights, k)
    t = as_types(types, k)
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= m:
        raise MCDAError(f"n (size of the top group) must be a whole number from 1 to {m}; got {n!r}.")
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or not 1 <= draws <= MAX_DRAWS:
        raise MCDAError(f"draws must be a whole number from 1 to {MAX_DRAWS}; got {draws!r}.")
    if isinstance(concentration, bool) or not np.isfinite(concentration) or concentration <= 0:
        raise MCDAError(f"concentration must be a positive number; got {concentration!r}.")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise MCDAError(f"seed must be a whole number >= 0; got {seed!r}.")
    n, draws, seed = int(n), int(draws), int(seed)

    if chunk_size is None:
        chunk_size = max(1, min(draws, CHUNK_BYTES // (8 * m)))
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int | np.integer) or chunk_size < 1:
        raise MCDAError(f"chunk_size must be a whole number >= 1; got {chunk_size!r}.")
    chunk_size = int(chunk_size)

    # score(batch, out) writes the NEGATED scores of a chunk of weight vectors into out (size, m),
    # so that an ascending argsort puts the best alternative first. Buffers are reused across chunks.
    if method == "saw":
        negated_t = np.ascontiguousarray(-normalize(x, t, method=normalization or "max").T)  # type: ignore[arg-type]
        profile = -negated_t.T

        def score(batch: FloatArray, out: FloatArray) -> None:
            np.matmul(batch, negated_t, out=out)

    elif method == "topsis":
        topsis(x, w, t, normalization=normalization or "vector")  # validates; refuses a degenerate matrix
        r = topsis_scale(x, normalization or "vector")  # type: ignore[arg-type]
        best, worst = topsis_ideals(r, t)
        d_best_t = np.ascontiguousarray(((r - best) ** 2).T)
        d_worst_t = np.ascontiguousarray(((r - worst) ** 2).T)
        spare_full = np.empty((chunk_size, m))
        profile = np.hstack([d_best_t.T, d_worst_t.T])

        def score(batch: FloatArray, out: FloatArray) -> None:
            spare = spare_full[: out.shape[0]]
            squared = batch * batch
            np.matmul(squared, d_best_t, out=spare)  # (d⁺)²
            np.sqrt(spare, out=spare)
            np.matmul(squared, d_worst_t, out=out)  # (d⁻)²
            np.sqrt(out, out=out)
            spare += out  # d⁺ + d⁻ > 0: the base TOPSIS was checked and draws keep every weight > 0
            np.divide(out, spare, out=out)
            np.negative(out, out=out)

    else:
        raise MCDAError(f"sensitivity needs a scoring method (saw or topsis); got {method!r}.")

    twins = _identical_rows(profile, np.tile(w > 0, profile.shape[1] // k))
    rng = np.random.default_rng(seed)
    total_weight = float(w.sum())
    alpha = concentration * w / total_weight
    positive = alpha > 0
    rank_dtype = np.uint16 if m < np.iinfo(np.uint16).max else np.uint32
    ranks = np.empty((draws, m), dtype=rank_dtype)  # draw-major: each chunk is written contiguously
    in_top = np.zeros(m, dtype=np.int64)
    positions = np.arange(1, m + 1, dtype=rank_dtype)
    buffer = np.empty((chunk_size, m))
    batch_full = np.zeros((chunk_size, k))

    for start in range(0, draws, chunk_size):
        size = min(chunk_size, draws - start)
        batch = batch_full[:size]
        batch[:, positive] = rng.dirichlet(alpha[positive], size=size) * total_weight
        negated = buffer[:size]
        score(batch, negated)
        order = np.argsort(negated, axis=1)
        chunk_ranks = ranks[start : start + size]
        chunk_ranks[np.arange(size)[:, None], order] = positions
        for members in twins:  # identical alternatives: always tied; the lower index ranks first
            chunk_ranks[:, members] = np.sort(chunk_ranks[:, members], axis=1)
        in_top += np.count_nonzero(chunk_ranks <= n, axis=0)

    low_index = int(np.floor(0.05 * (draws - 1)))
    high_index = int(np.ceil(0.95 * (draws - 1)))
    interval = np.empty((m, 2), dtype=np.int64)
    block = max(1, CHUNK_BYTES // (2 * ranks.itemsize * draws))
    for first in range(0, m, block):
        columns = np.ascontiguousarray(ranks[:, first : first + block].T)
        columns.sort(axis=1, kind="stable")  # radix sort for 16-bit ranks
        interval[first : first + block, 0] = columns[:, low_index]
        interval[first : first + block, 1] = columns[:, high_index]
    return SensitivityResult(
        selection_probability=in_top / draws,
        rank_interval=interval,
        draws=draws,
        concentration=float(concentration),
        seed=seed,
        n=n,
    )


def _identical_rows(profile: FloatArray, used: np.ndarray) -> list[np.ndarray]:
    """Groups (ascending indices) of alternatives whose rows are identical on the columns in use.

    Such alternatives score exactly the same under every weight vector. Any other exact tie needs
    the weights to fall on a set of probability zero, so ranks need no further tie-breaking.
    """
    rows = profile[:, used]
    _, inverse, counts = np.unique(rows, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    return [np.flatnonzero(inverse == g) for g in np.flatnonzero(counts > 1)]
