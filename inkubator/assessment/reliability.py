"""Agreement between field assessors: per-unit disagreement, consolidation, Krippendorff's alpha.

Pure numpy, no Django import: usable from a notebook, the CLI and the services alike.

Vocabulary
----------
- A *unit* is one indicator on one centre. Several assessors may rate it; a missing rating is ``None``
  or ``NaN``.
- Reliability data is a 2-D table with one row per assessor (rater) and one column per unit.
- ``disagreement(values)`` describes the spread of the ratings of one unit; ``consolidate(values)``
  turns them into the one score the programme uses (see `consolidate` for the documented rule).
- ``krippendorff_alpha(data, level)`` measures how far the assessors agree beyond chance, per indicator
  (`alpha_by_item`) or for a whole assessment round (`pooled_alpha`).

Krippendorff's alpha (coincidence-matrix formulation, Krippendorff 2011, "Computing Krippendorff's
Alpha-Reliability")
-----------------------------------------------------------------------------------------------------
Let ``m_u`` be the number of ratings of unit ``u``. Only *pairable* units (``m_u >= 2``) take part;
units rated by fewer than two assessors are dropped. Over the distinct pairable values ``c, k``:

- coincidences ``o_ck = Σ_u (n_uc · n_uk − [c = k] · n_uc) / (m_u − 1)``, where ``n_uc`` counts the
  ratings ``c`` in unit ``u``; every ordered pair of ratings within a unit is counted once, weighted
  ``1 / (m_u − 1)`` so that each unit contributes ``m_u`` pairable values;
- marginals ``n_c = Σ_k o_ck`` and ``n = Σ_c n_c`` (the number of pairable values);
- observed disagreement ``D_o = (1 / n) · Σ_c Σ_k o_ck · δ²_ck``;
- expected disagreement ``D_e = (1 / (n (n − 1))) · Σ_c Σ_k n_c · n_k · δ²_ck``;
- ``alpha = 1 − D_o / D_e``; 1 is perfect agreement, 0 agreement at chance level, negative values
  systematic disagreement.

Difference functions ``δ²_ck`` by level of measurement:

- ``nominal``:  ``0`` if ``c = k`` else ``1``;
- ``ordinal``:  ``(Σ_{g=c}^{k} n_g − (n_c + n_k) / 2)²`` with ``g`` running over the distinct pairable
  values in order from ``c`` to ``k``; it depends on ranks and marginal frequencies only. Scale points
  that nobody used have ``n_g = 0`` and would add nothing, so the result is the same whether or not the
  unused points of the rubric are "in the domain";
- ``interval``: ``(c − k)²``;
- ``ratio``:    ``((c − k) / (c + k))²`` (0 when ``c = k = 0``); it needs values ``>= 0``.

Alpha is *undefined* — and returned as ``None`` — when no unit has two or more ratings, or when
``D_e = 0``, which happens exactly when all pairable ratings have one and the same value (there is no
variation against which agreement could be judged; alpha is 0/0, not 1).

Ratings are compared as floats: 2 and 2.0 are the same value; 2.5 (e.g. a consolidated median) is a
value of its own.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")

Rule = Literal["median", "mean"]
CONSOLIDATION_RULES: tuple[str, ...] = ("median", "mean")

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class AlphaResult:
    """Krippendorff's alpha with the quantities it was computed from (for reports and audits).

    ``alpha``, ``observed`` (``D_o``) and ``expected`` (``D_e``) are ``None`` when undefined; ``units``
    is the number of pairable units (rated at least twice), ``values`` the number ``n`` of pairable values.
    """

    alpha: float | None
    level: str
    units: int
    values: int
    observed: float | None
    expected: float | None


# --------------------------------------------------------------------------------------------------
# Krippendorff's alpha
# --------------------------------------------------------------------------------------------------


def alpha_details(data: ArrayLike, level: Level = "interval") -> AlphaResult:
    """Krippendorff's alpha of ``data`` (raters × units, ``None``/``NaN`` missing), with ``D_o`` and ``D_e``.

    See the module docstring for the formula, the difference function of each level and when alpha is
    undefined (``None``). Raises ValueError for an unknown level, data that is not 2-D, non-numeric or
    infinite ratings, or negative ratings at the ratio level.
    """
    _check_level(level)
    x = as_ratings(data, ndim=2)
    if level == "ratio" and np.any(x[~np.isnan(x)] < 0):
        raise ValueError(
            "the ratio level needs ratings >= 0 (its difference ((c - k) / (c + k))² assumes an absolute "
            "zero); use the interval level for scales with negative values."
        )
    counts, values = value_counts(x)
    units = counts.shape[0]
    if units == 0:
        return AlphaResult(alpha=None, level=level, units=0, values=0, observed=None, expected=None)

    o = coincidences(counts)
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    d2 = _delta_squared(values, n_c, level)
    observed = float((o * d2).sum() / n)
    expected = float((np.outer(n_c, n_c) * d2).sum() / (n * (n - 1.0)))
    # D_e = 0 exactly when a single distinct value was paired: every level gives δ² > 0 to two distinct
    # values with non-zero marginals. Testing the count avoids comparing a float sum with 0.
    alpha = None if values.size < 2 else 1.0 - observed / expected
    return AlphaResult(
        alpha=alpha, level=level, units=units, values=round(n), observed=observed, expected=expected
    )


def krippendorff_alpha(data: ArrayLike, level: Level = "interval") -> float | None:
    """Krippendorff's alpha of ``data`` (raters × units, ``None``/``NaN`` missing) at ``level``.

    ``level`` is one of ``nominal``, ``ordinal``, ``interval`` (default), ``ratio``. Returns ``None``
    when alpha is undefined: no unit rated by two or more raters, or ``D_e = 0`` (all pairable ratings
    identical). Formula and difference functions: see the module docstring.
    """
    return alpha_details(data, level).alpha


def alpha_by_item(ratings: Mapping[str, ArrayLike], level: Level = "interval") -> dict[str, float | None]:
    """Alpha per indicator: ``{item_code: alpha or None}`` for ``{item_code: raters × units table}``.

    Each item is computed on its own (its own expected disagreement), so items on different scales can be
    compared. An error in one item's table names the item.
    """
    _check_level(level)
    result: dict[str, float | None] = {}
    for code, data in ratings.items():
        try:
            result[code] = krippendorff_alpha(data, level)
        except ValueError as exc:
            raise ValueError(f"item {code!r}: {exc}")
    return result


def pooled_alpha(ratings: Mapping[str, ArrayLike], level: Level = "interval") -> float | None:
    """Alpha for a whole round: every (item, unit) pair is one unit of a single reliability table.

    The tables of ``ratings`` (``{item_code: raters × units}``) are placed side by side; a table with
    fewer rows is padded with missing ratings. That is sound because alpha never uses the identity of a
    rater, only which ratings belong to the same unit.

    Why this choice: it is Krippendorff's alpha of the round as one reliability study, with one
    observed and one expected disagreement, rather than an average of per-item alphas (which would
    weight a barely-rated item like a fully rated one and is undefined whenever one item is). It
    assumes the items share one scale: the expected disagreement comes from the pooled distribution of
    all ratings, so mixing, say, 1-4 and 0-100 items would inflate it. It is generally not the mean of
    `alpha_by_item`. Returns ``None`` when undefined, including for an empty mapping.
    """
    _check_level(level)
    tables: list[FloatArray] = []
    for code, data in ratings.items():
        try:
            tables.append(as_ratings(data, ndim=2))
        except ValueError as exc:
            raise ValueError(f"item {code!r}: {exc}")
    if not tables:
        return None
    rows = max(t.shape[0] for t in tables)
    padded = [np.vstack([t, np.full((rows - t.shape[0], t.shape[1]), np.nan)]) for t in tables]
    return krippendorff_alpha(np.hstack(padded), level)


def value_counts(x: FloatArray) -> tuple[NDArray[np.int64], FloatArray]:
    """``n_uc`` for the pairable units (rows) and the distinct pairable values (columns, ascending)."""
    present = ~np.isnan(x)
    pairable = x[:, present.sum(axis=0) >= 2]
    values = np.unique(pairable[~np.isnan(pairable)])
    # NaN equals nothing, so missing ratings fall out of the counts.
    counts = (pairable.T[:, :, np.newaxis] == values[np.newaxis, np.newaxis, :]).sum(axis=1)
    return counts.astype(np.int64), values


def coincidences(counts: NDArray[np.int64]) -> FloatArray:
    """``o_ck = Σ_u (n_uc n_uk − [c = k] n_uc) / (m_u − 1)`` over pairable units."""
    weight = 1.0 / (counts.sum(axis=1) - 1.0)
    weighted = counts * weight[:, np.newaxis]
    return weighted.T @ counts - np.diag(weighted.sum(axis=0))


def _delta_squared(values: FloatArray, n_c: FloatArray, level: str) -> FloatArray:
    """``δ²_ck`` for every pair of distinct pairable values (module docstring)."""
    c, k = values[:, np.newaxis], values[np.newaxis, :]
    if level == "nominal":
        return (c != k).astype(np.float64)
    if level == "interval":
        return (c - k) ** 2
    if level == "ratio":
        total = c + k
        return np.divide(c - k, total, out=np.zeros_like(total), where=total != 0) ** 2
    # ordinal: Σ_{g=c}^{k} n_g − (n_c + n_k) / 2, with c <= k by rank
    index = np.arange(values.size)
    lo = np.minimum(index[:, np.newaxis], index[np.newaxis, :])
    hi = np.maximum(index[:, np.newaxis], index[np.newaxis, :])
    cumulative = np.concatenate([[0.0], np.cumsum(n_c)])
    between = cumulative[hi + 1] - cumulative[lo]
    return (between - (n_c[lo] + n_c[hi]) / 2.0) ** 2


def _check_level(level: object) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown level of measurement {level!r}; choose one of {', '.join(LEVELS)}.")


# --------------------------------------------------------------------------------------------------
# Disagreement and consolidation of one unit
# --------------------------------------------------------------------------------------------------


def disagreement(values: Iterable[Any]) -> dict[str, float | int]:
    """How far the assessors' ratings of one unit (one indicator, one centre) lie apart.

    Missing ratings (``None``/``NaN``) are skipped. Returns ``n`` (ratings present), ``min``, ``max``,
    ``range`` (max − min), ``mean``, ``median`` (mean of the two middle values for an even count) and
    ``std`` (population standard deviation, ddof = 0: the assessors present are the whole population
    of interest, and one rating gives 0 rather than undefined). Raises ValueError when no rating is
    present.
    """
    x = _present(values)
    return {
        "n": int(x.size),
        "min": float(x.min()),
        "max": float(x.max()),
        "range": float(x.max() - x.min()),
        "mean": float(x.mean()),
        "median": float(np.median(x)),
        "std": float(x.std(ddof=0)),
    }


def consolidate(values: Iterable[Any], rule: Rule = "median") -> float:
    """The one score of a unit from its assessors' ratings (``None``/``NaN`` skipped).

    Rules:

    - ``median`` (default): robust to one outlying assessor when three or more rated the unit. For an
      even count it is the mean of the two middle values, so there is never a tie to break — no lower or
      upper median to choose, and the result does not depend on the order of the assessors. It may fall
      between scale points (ratings 2 and 3 give 2.5); rounding is left to the caller. With two
      assessors it equals the mean.
    - ``mean``: the arithmetic mean; every assessor weighs equally, outliers included.

    Raises ValueError for an unknown rule or when no rating is present.
    """
    if rule not in CONSOLIDATION_RULES:
        raise ValueError(
            f"unknown consolidation rule {rule!r}; choose one of {', '.join(CONSOLIDATION_RULES)}."
        )
    x = _present(values)
    return float(np.median(x)) if rule == "median" else float(x.mean())


def _present(values: Iterable[Any]) -> FloatArray:
    if isinstance(values, str | bytes):
        raise ValueError("values must be a list of ratings (numbers, None or NaN for missing), not a string.")
    x = as_ratings(list(values) if not isinstance(values, np.ndarray) else values, ndim=1)
    x = x[~np.isnan(x)]
    if x.size == 0:
        raise ValueError("no ratings to work with: every value is missing (None/NaN) or the list is empty.")
    return x


# --------------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------------


def as_ratings(data: Any, *, ndim: int) -> FloatArray:
    """``data`` as a float array of ``ndim`` dimensions with NaN for missing; refuses anything else."""
    shape_hint = "raters × units" if ndim == 2 else "one rating per assessor"
    try:
        raw = np.asarray(data, dtype=object) if not isinstance(data, np.ndarray) else data
    except ValueError:
        raise ValueError(f"ratings must be a rectangular table ({shape_hint}); rows have different lengths.")
    # numpy turns ragged rows into a 1-D array of lists when dtype=object; say what is wrong.
    if raw.dtype.kind == "O" and any(isinstance(v, list | tuple | np.ndarray) for v in raw.flat):
        raise ValueError(
            f"ratings must be a rectangular table ({shape_hint}) of numbers; rows have different lengths "
            "or a rating is itself a list."
        )
    if raw.ndim != ndim:
        raise ValueError(
            f"ratings must be {ndim}-D ({shape_hint}); got {raw.ndim}-D data of shape {raw.shape}."
            + (" Wrap a single rater's ratings in a list: [[...]]." if ndim == 2 and raw.ndim == 1 else "")
        )
    if raw.dtype.kind in "iuf":
        x = raw.astype(np.float64)
    elif raw.dtype.kind == "O":
        x = np.array([_rating(v, idx) for idx, v in np.ndenumerate(raw)], dtype=np.float64).reshape(raw.shape)
    else:
        first = raw.flat[0] if raw.size else None
        raise ValueError(
            f"ratings must be numbers (None or NaN for missing); got {raw.dtype} data such as {first!r}."
        )
    if np.any(np.isinf(x)):
        raise ValueError("ratings must be finite; got an infinite value.")
    return x


def _rating(value: Any, index: tuple[int, ...]) -> float:
    where = f"rater {index[0]}, unit {index[1]}" if len(index) == 2 else f"position {index[0]}"
    if value is None:
        return math.nan
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real | Decimal):
        raise ValueError(
            f"ratings must be numbers (None or NaN for missing); got {value!r} ({type(value).__name__}) at {where}."
        )
    return float(value)
