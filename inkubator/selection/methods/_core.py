"""Errors, input checks and ranking shared by every decision method.

Conventions (all methods):

- a decision matrix has one row per alternative and one column per criterion; indices are 0-based;
- `types[j]` is ``1`` for a benefit criterion (more is better) and ``-1`` for a cost criterion;
- weights are used exactly as given (never rescaled to sum to 1); they must be finite, non-negative
  and not all zero;
- rankings: 1 = best; tied alternatives share the smaller (better) rank ("min" method).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Relative precision at which two scores count as tied when ranking: scores equal after rounding
#: ``score / max|score|`` to this many decimals share a rank.
TIE_DECIMALS = 12


class MCDAError(ValueError):
    """An input to a decision method is invalid; the message says which and why, in plain English."""


def as_matrix(matrix: ArrayLike, *, name: str = "matrix", min_rows: int = 1) -> FloatArray:
    """The decision matrix as a 2-D float array, checked: rectangular, non-empty, finite."""
    try:
        array = np.asarray(matrix, dtype=np.float64)
    except (TypeError, ValueError):
        raise MCDAError(f"{name} must be a rectangular table of numbers (rows of equal length).")
    if array.ndim != 2:
        raise MCDAError(
            f"{name} must be two-dimensional (rows = alternatives, columns = criteria); got {array.ndim} dimension(s)."
        )
    rows, cols = array.shape
    if rows < min_rows:
        raise MCDAError(f"{name} needs at least {min_rows} row(s) (alternatives); got {rows}.")
    if cols < 1:
        raise MCDAError(f"{name} needs at least one column (criterion).")
    _check_finite(array, name)
    return array


def as_vector(values: ArrayLike, *, name: str, length: int | None = None) -> FloatArray:
    """A 1-D float array, checked: finite and (if given) of the expected length."""
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise MCDAError(f"{name} must be a list of numbers.")
    if array.ndim != 1:
        raise MCDAError(f"{name} must be a flat list of numbers; got {array.ndim} dimension(s).")
    if length is not None and array.shape[0] != length:
        raise MCDAError(f"{name} has {array.shape[0]} value(s) but {length} are needed.")
    _check_finite(array, name)
    return array


def as_weights(weights: ArrayLike, n_criteria: int) -> FloatArray:
    """Weights checked: one per criterion, finite, non-negative, not all zero. Not rescaled."""
    w = as_vector(weights, name="weights", length=n_criteria)
    negative = np.flatnonzero(w < 0)
    if negative.size:
        raise MCDAError(f"weights must not be negative (column(s) {_list(negative)}).")
    if not np.any(w > 0):
        raise MCDAError("weights are all zero; at least one criterion needs a positive weight.")
    return w


def as_types(types: ArrayLike | None, n_criteria: int) -> IntArray:
    """Criterion directions checked: one per criterion, each 1 (benefit) or -1 (cost). None = all benefit."""
    if types is None:
        return np.ones(n_criteria, dtype=np.int64)
    t = as_vector(types, name="types", length=n_criteria)
    bad = np.flatnonzero((t != 1) & (t != -1))
    if bad.size:
        raise MCDAError(
            f"types must be 1 (benefit) or -1 (cost) for every criterion; column(s) {_list(bad)} are not."
        )
    return t.astype(np.int64)


def rank(scores: ArrayLike) -> IntArray:
    """Ranks of `scores`, higher score = better: 1 = best, ties share the smaller rank ("min" method).

    ``rank_i = 1 + #{k : s_k > s_i}``. Scores equal to `TIE_DECIMALS` decimals relative to the
    largest absolute score count as tied, so floating-point noise does not split a real tie.
    """
    s = as_vector(scores, name="scores")
    if s.size == 0:
        return np.zeros(0, dtype=np.int64)
    scale = float(np.max(np.abs(s)))
    key = np.round(s / scale, TIE_DECIMALS) if scale > 0 else s
    ordered = np.sort(key)
    # number of keys strictly greater than key_i = n - (index of the first element > key_i)
    greater = s.size - np.searchsorted(ordered, key, side="right")
    return (greater + 1).astype(np.int64)


def _check_finite(array: np.ndarray, name: str) -> None:
    bad = ~np.isfinite(array)
    if bad.any():
        where = np.argwhere(bad)[0]
        kind = "a NaN" if np.isnan(array[tuple(where)]) else "an infinite"
        position = ", ".join(str(int(i)) for i in where)
        raise MCDAError(
            f"{name} contains {kind} value (at index {position}); all values must be finite numbers."
        )


def _list(indices: Sequence[int] | np.ndarray, limit: int = 10) -> str:
    items = [str(int(i)) for i in list(indices)[:limit]]
    more = len(indices) - limit
    return ", ".join(items) + (f" and {more} more" if more > 0 else "")
