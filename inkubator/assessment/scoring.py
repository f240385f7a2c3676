"""Readiness scores from answers: pure functions (no Django), exact decimal arithmetic.

The rules, as the researchers' guide states them:

1. **Indicator score (0–100).** Every scored indicator maps an answer to *points*: the level of a
   scale (1–5), the points of the chosen option, yes = 1 / no = 0, or the points of the band a number
   falls in (lower bound inclusive, upper exclusive). Points are normalised over the indicator's own
   range: ``score = 100 × (points − min points) / (max points − min points)``. Free-text indicators are
   not scored.
2. **Dimension score.** The weighted mean of the dimension's answered, scored indicators, with the
   indicator weights: ``D = Σ wᵢ sᵢ / Σ wᵢ``. An optional indicator left unanswered drops out (its
   weight with it); a dimension with no answered scored indicator has no score.
3. **Readiness index.** The weighted mean of the dimension scores with the dimension weights, over the
   dimensions that have a score: ``R = Σ Wd Dd / Σ Wd``.
4. **Readiness class.** ``R ≥ ready threshold`` → Ready (Siap); ``R ≥ mentoring threshold`` → Ready
   with mentoring (Siap dengan pendampingan); else Not ready (Belum siap). Thresholds belong to the
   round (default 70 and 50) and every class is recomputed when they change.
5. **Several assessors.** Each indicator's consolidated score is the median (default) or mean of the
   verified assessments' indicator scores for that centre; dimension scores and the index are then
   computed from the consolidated indicator scores as above.

Every stored figure is rounded half-up to 2 decimals only at the end (indicator, dimension and index
are each computed from unrounded inputs).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
CENT = Decimal("0.01")

SCALE, NUMBER, YES_NO, CHOICE, TEXT = "scale", "number", "yes_no", "choice", "text"


class ScoringError(ValueError):
    """An answer that cannot be scored (unknown option, number outside every band)."""


@dataclass(frozen=True)
class Band:
    lower: Decimal | None
    upper: Decimal | None
    points: Decimal

    def contains(self, x: Decimal) -> bool:
        return (self.lower is None or x >= self.lower) and (self.upper is None or x < self.upper)


@dataclass(frozen=True)
class IndicatorRule:
    """What scoring needs to know about one indicator."""

    code: str
    dimension: str
    kind: str
    weight: Decimal
    options: Mapping[str, Decimal] = field(default_factory=dict)  # option value → points
    bands: Sequence[Band] = ()

    @property
    def is_scored(self) -> bool:
        return self.kind != TEXT

    def point_range(self) -> tuple[Decimal, Decimal]:
        points = [b.points for b in self.bands] if self.kind == NUMBER else list(self.options.values())
        if not points:
            raise ScoringError(f"indicator {self.code} has no options or bands to score with")
        return min(points), max(points)

    def points_for(self, value: str = "", number: Decimal | None = None) -> Decimal | None:
        """Points of an answer, or None when unanswered."""
        if self.kind == NUMBER:
            if number is None:
                return None
            for band in self.bands:
                if band.contains(number):
                    return band.points
            raise ScoringError(f"indicator {self.code}: {number} is outside every scoring band")
        if value == "":
            return None
        if value not in self.options:
            raise ScoringError(f"indicator {self.code}: {value!r} is not one of its options")
        return self.options[value]

    def score(self, value: str = "", number: Decimal | None = None) -> Decimal | None:
        """Unrounded 0–100 score of an answer; None when unanswered or not scored."""
        if not self.is_scored:
            return None
        points = self.points_for(value, number)
        if points is None:
            return None
        low, high = self.point_range()
        if high == low:
            raise ScoringError(f"indicator {self.code}: all its options or bands have the same points")
        return HUNDRED * (points - low) / (high - low)


def round2(x: Decimal | None) -> Decimal | None:
    return None if x is None else x.quantize(CENT, rounding=ROUND_HALF_UP)


def weighted_mean(pairs: Iterable[tuple[Decimal, Decimal | None]]) -> Decimal | None:
    """Σ w·s / Σ w over the pairs whose score is not None and whose weight is positive."""
    total_weight = Decimal(0)
    total = Decimal(0)
    for weight, score in pairs:
        if score is None or weight <= 0:
            continue
        total_weight += weight
        total += weight * score
    if total_weight == 0:
        return None
    return total / total_weight


@dataclass(frozen=True)
class ScoreSheet:
    """Unrounded scores: per indicator, per dimension, the index. `rounded()` gives the stored form."""

    indicators: dict[str, Decimal | None]
    dimensions: dict[str, Decimal | None]
    composite: Decimal | None

    def rounded(self) -> ScoreSheet:
        return ScoreSheet(
            indicators={k: round2(v) for k, v in self.indicators.items()},
            dimensions={k: round2(v) for k, v in self.dimensions.items()},
            composite=round2(self.composite),
        )


def aggregate(
    rules: Sequence[IndicatorRule],
    dimension_weights: Mapping[str, Decimal],
    indicator_scores: Mapping[str, Decimal | None],
) -> ScoreSheet:
    """Dimension scores and the index from (unrounded) indicator scores; rules 2 and 3."""
    dimensions: dict[str, Decimal | None] = {}
    for code in dimension_weights:
        members = [r for r in rules if r.dimension == code and r.is_scored]
        dimensions[code] = weighted_mean((r.weight, indicator_scores.get(r.code)) for r in members)
    composite = weighted_mean((dimension_weights[code], dimensions[code]) for code in dimension_weights)
    scored = {r.code: indicator_scores.get(r.code) for r in rules if r.is_scored}
    return ScoreSheet(indicators=scored, dimensions=dimensions, composite=composite)


def score_answers(
    rules: Sequence[IndicatorRule],
    dimension_weights: Mapping[str, Decimal],
    answers: Mapping[str, tuple[str, Decimal | None]],
    *,
    strict: bool = True,
) -> ScoreSheet:
    """Scores of one assessment: `answers` maps indicator code → (option value, number).

    An answer that cannot be scored raises `ScoringError`; with ``strict=False`` it counts as
    unanswered instead (stored answers of an instrument edited since, for example).
    """
    indicator_scores = {}
    for rule in rules:
        value, number = answers.get(rule.code, ("", None))
        try:
            indicator_scores[rule.code] = rule.score(value, number)
        except ScoringError:
            if strict:
                raise
            indicator_scores[rule.code] = None
    return aggregate(rules, dimension_weights, indicator_scores)


def consolidate(values: Sequence[Decimal], rule: str = "median") -> Decimal:
    """One score from several assessors' scores of the same indicator: median (default) or mean.

    The median of an even count is the mean of the two middle values. Decimal in, Decimal out.
    """
    if not values:
        raise ValueError("nothing to consolidate: no assessor scored this indicator")
    if rule == "median":
        return statistics.median(values)
    if rule == "mean":
        return sum(values, Decimal(0)) / len(values)
    raise ValueError(f"unknown consolidation rule {rule!r}: use median or mean")


def consolidate_sheets(
    rules: Sequence[IndicatorRule],
    dimension_weights: Mapping[str, Decimal],
    sheets: Sequence[ScoreSheet],
    rule: str = "median",
) -> ScoreSheet:
    """Rule 5: consolidate several assessors' indicator scores, then aggregate."""
    consolidated: dict[str, Decimal | None] = {}
    for r in rules:
        if not r.is_scored:
            continue
        values = [s.indicators.get(r.code) for s in sheets]
        present = [v for v in values if v is not None]
        consolidated[r.code] = consolidate(present, rule) if present else None
    return aggregate(rules, dimension_weights, consolidated)


def readiness_class(composite: Decimal | None, ready: Decimal, assisted: Decimal) -> str:
    """Rule 4: "ready", "assisted" or "not_ready" ("" when there is no index)."""
    if composite is None:
        return ""
    if composite >= ready:
        return "ready"
    if composite >= assisted:
        return "assisted"
    return "not_ready"
