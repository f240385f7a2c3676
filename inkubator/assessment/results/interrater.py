"""Inter-rater reliability of a round: Krippendorff's alpha per indicator and pooled.

Inter-rater reliability (Krippendorff's alpha)
----------------------------------------------
Reliability data has one row per assessor and one column per centre; units rated by fewer than two
assessors drop out (so only centres with two or more verified assessments count).

- **Per indicator, on the answers**: scale, choice and yes/no indicators at the **ordinal** level on the
  option *points* (the rubric's levels are ordered, their distances are not known); number indicators at
  the **interval** level on the number entered (e.g. the count of staff).
- **Per indicator, on the scores**: every scored indicator at the **interval** level on its 0–100 score.
  For option indicators this equals the interval alpha on points (alpha is invariant under the affine
  normalisation); for number indicators it measures agreement after banding.
- **Pooled over the round** (`reliability.pooled_alpha`, every (indicator, centre) pair one unit):
  *ordinal* over the scale/choice/yes-no indicators on their **0–100 scores** — per indicator this is
  the same as ordinal on points (the normalisation keeps the order), and it puts rubrics with different
  point ranges (1–5, 0–1, 0–3) on one scale, which pooling needs; *interval* over every scored
  indicator on the 0–100 scores. Raw numbers are never pooled (their units differ).

Alpha is ``None`` (shown "—") when undefined: no centre rated twice, or all pairable ratings equal.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from inkubator.assessment import reliability
from inkubator.assessment.choices import IndicatorKind
from inkubator.assessment.models import Assessment, AssessmentRound, Indicator
from inkubator.assessment.permissions import ASSESSMENT_VIEW
from inkubator.assessment.results.consolidation import load_round, scored_indicators

OPTION_KINDS = (IndicatorKind.SCALE, IndicatorKind.CHOICE, IndicatorKind.YES_NO)


@dataclass(frozen=True)
class ItemReliability:
    indicator: Indicator
    level: str  # of the alpha on the answers: "ordinal" (option points) or "interval" (numbers)
    alpha: float | None
    score_alpha: float | None  # interval alpha on the 0–100 scores
    units: int  # centres with two or more ratings of this indicator


@dataclass(frozen=True)
class RoundReliability:
    items: list[ItemReliability]
    pooled_ordinal: float | None
    pooled_interval: float | None
    centres: int  # centres with a verified result
    centres_pairable: int  # centres with two or more verified assessments
    assessors: int
    rule: str


def _table(columns: list[int], rows: list[int], ratings: dict[tuple[int, int], float | None]) -> np.ndarray:
    """Assessors × centres with NaN where an assessor did not rate a centre."""
    data = np.full((len(rows), len(columns)), np.nan)
    row_of = {r: n for n, r in enumerate(rows)}
    col_of = {c: n for n, c in enumerate(columns)}
    for (assessor, centre), value in ratings.items():
        if value is not None:
            data[row_of[assessor], col_of[centre]] = float(value)
    return data


def _units(data: np.ndarray) -> int:
    return int(((~np.isnan(data)).sum(axis=0) >= 2).sum())


def round_reliability(*, user, round: AssessmentRound) -> RoundReliability:
    """Krippendorff's alpha of the round per indicator and pooled (levels: module docstring)."""
    loaded = load_round(Assessment.objects.visible_to(user, ASSESSMENT_VIEW), round)
    rules = {r.code: r for r in loaded.rules}
    assessors = sorted({a.assessor_id for a in loaded.assessments})
    centres = sorted({a.centre_id for a in loaded.assessments})
    per_centre: dict[int, int] = defaultdict(int)
    for a in loaded.assessments:
        per_centre[a.centre_id] += 1

    answer_tables: dict[str, np.ndarray] = {}
    score_tables: dict[str, np.ndarray] = {}
    scored = scored_indicators(loaded)
    for indicator in scored:
        rule = rules[indicator.code]
        raw: dict[tuple[int, int], float | None] = {}
        scores: dict[tuple[int, int], float | None] = {}
        for a in loaded.assessments:
            value, number = loaded.answers.get(a.pk, {}).get(indicator.code, ("", None))
            if indicator.kind == IndicatorKind.NUMBER:
                raw[(a.assessor_id, a.centre_id)] = number
            else:
                raw[(a.assessor_id, a.centre_id)] = rule.options.get(value) if value else None
            scores[(a.assessor_id, a.centre_id)] = loaded.sheets[a.pk].indicators.get(indicator.code)
        answer_tables[indicator.code] = _table(centres, assessors, raw)
        score_tables[indicator.code] = _table(centres, assessors, scores)

    ordinal_codes = [i.code for i in scored if i.kind in OPTION_KINDS]
    interval_codes = [i.code for i in scored if i.kind == IndicatorKind.NUMBER]
    alphas = {
        **reliability.alpha_by_item({c: answer_tables[c] for c in ordinal_codes}, "ordinal"),
        **reliability.alpha_by_item({c: answer_tables[c] for c in interval_codes}, "interval"),
    }
    score_alphas = reliability.alpha_by_item(score_tables, "interval")
    items = [
        ItemReliability(
            indicator=i,
            level="interval" if i.kind == IndicatorKind.NUMBER else "ordinal",
            alpha=_finite(alphas[i.code]),
            score_alpha=_finite(score_alphas[i.code]),
            units=_units(score_tables[i.code]),
        )
        for i in scored
    ]
    return RoundReliability(
        items=items,
        pooled_ordinal=_finite(
            reliability.pooled_alpha({c: score_tables[c] for c in ordinal_codes}, "ordinal")
        ),
        pooled_interval=_finite(reliability.pooled_alpha(score_tables, "interval")),
        centres=len(centres),
        centres_pairable=sum(1 for n in per_centre.values() if n >= 2),
        assessors=len(assessors),
        rule=round.consolidation_rule,
    )


def _finite(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else value
