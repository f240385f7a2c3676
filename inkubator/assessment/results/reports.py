"""Built on the consolidated results: province choices, index distribution, comparison, centre report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from inkubator.assessment import scoring
from inkubator.assessment.choices import ReadinessClass
from inkubator.assessment.models import Assessment, AssessmentRound, Evidence, Indicator
from inkubator.assessment.permissions import ASSESSMENT_VIEW
from inkubator.assessment.results.consolidation import CentreResult, RoundResults, round_results

DISAGREEMENT_POINTS = 25
TOP_N = 5
COMPARE_MIN, COMPARE_MAX = 2, 6


def round_provinces(*, user, round: AssessmentRound, perm: str = ASSESSMENT_VIEW) -> list[tuple[str, str]]:
    """(code, name) of the provinces with an assessment of the round the user may see: the filter's choices.

    Any status counts, so that the long export (which has every status a reviewer may see) can be
    filtered by a province whose assessments are not verified yet.
    """
    return list(
        Assessment.objects.visible_to(user, perm)
        .filter(round=round)
        .order_by("centre__regency__province_id")
        .values_list("centre__regency__province_id", "centre__regency__province__name")
        .distinct()
    )


def index_distribution(centres: Sequence[CentreResult]) -> dict:
    """Counts of the index in bins of 10 points (the last one is 90–100 inclusive) and per class."""
    bins = [0] * 10
    for c in centres:
        if c.composite is not None:
            bins[min(int(c.composite // 10), 9)] += 1
    classes = {value: 0 for value in ReadinessClass.values}
    for c in centres:
        if c.readiness_class:
            classes[c.readiness_class] += 1
    return {
        "bins": [f"{10 * i}–{10 * i + 10}" for i in range(10)],
        "counts": bins,
        "classes": [
            {"value": v, "label": str(ReadinessClass(v).label), "count": n} for v, n in classes.items()
        ],
        "label": _("Centres"),
    }


def parse_centre_ids(raw: Sequence[str]) -> tuple[list[int], list[str]]:
    """Centre ids of a comparison, in the order given, without repeats; and what is wrong with them."""
    ids: list[int] = []
    bad: list[str] = []
    for value in raw:
        value = (value or "").strip()
        if value.isdigit() and len(value) <= 12:
            if int(value) not in ids:
                ids.append(int(value))
        else:
            bad.append(value[:20])
    errors = []
    if bad:
        errors.append(
            _("These are not centre ids: %(values)s.") % {"values": ", ".join(repr(v) for v in bad)}
        )
    if len(ids) < COMPARE_MIN:
        errors.append(_("Choose at least %(min)d centres to compare.") % {"min": COMPARE_MIN})
    elif len(ids) > COMPARE_MAX:
        errors.append(
            _("Choose at most %(max)d centres to compare (you chose %(n)d).")
            % {"max": COMPARE_MAX, "n": len(ids)}
        )
    return ids, errors


def round_comparison(
    *, user, round: AssessmentRound, raw_ids: Sequence[str]
) -> tuple[RoundResults | None, list[str]]:
    """Results of 2–6 centres in the order asked, or the reasons the selection cannot be compared.

    A centre outside the user's scope and one without a verified result get the same message, so the
    page never tells whether an id exists.
    """
    ids, errors = parse_centre_ids(raw_ids)
    if errors:
        return None, errors
    results = round_results(user=user, round=round, centre_ids=ids)
    found = results.by_id()
    missing = [i for i in ids if i not in found]
    if missing:
        return None, [
            _("No verified result you may see in this round for centre id(s) %(ids)s.")
            % {"ids": ", ".join(str(i) for i in missing)}
        ]
    results.centres = [found[i] for i in ids]
    return results, []


def _points(x: float) -> Decimal:
    """A float computed from 2-decimal scores back to 2 decimals (75.00000000000001 → 75.00)."""
    return scoring.round2(Decimal(repr(x)))


@dataclass
class CentreReport:
    results: RoundResults
    centre: CentreResult
    strengths: list[tuple[Indicator, Decimal]]
    weaknesses: list[tuple[Indicator, Decimal]]
    dimension_rows: list[dict]  # dimension, consolidated score, each assessor's score
    disagreements: list[dict]  # indicator, each assessor's score, range, consolidated score
    evidence: list[Evidence]


def centre_report(*, user, round: AssessmentRound, centre_id: int) -> CentreReport | None:
    """A centre's consolidated profile, strengths, weaknesses, assessors, evidence and disagreements.

    None when the user may see no verified assessment of the centre in this round.
    """
    results = round_results(user=user, round=round, centre_ids=[centre_id])
    if not results.centres:
        return None
    centre = results.centres[0]
    scored = [
        (i, centre.indicators[i.code])
        for i in results.indicators
        if centre.indicators.get(i.code) is not None
    ]
    position = {i.code: n for n, (i, _score) in enumerate(scored)}
    strengths = sorted(scored, key=lambda pair: (-pair[1], position[pair[0].code]))[:TOP_N]
    weaknesses = sorted(scored, key=lambda pair: (pair[1], position[pair[0].code]))[:TOP_N]
    dimension_rows = [
        {
            "dimension": d,
            "score": centre.dimensions.get(d.code),
            "assessors": [a.dimensions.get(d.code) for a in centre.assessors],
        }
        for d in results.dimensions
    ]
    disagreements = []
    for i in results.indicators:
        spread = centre.disagreement.get(i.code)
        if spread and spread["n"] >= 2 and _points(spread["range"]) >= DISAGREEMENT_POINTS:
            disagreements.append(
                {
                    "indicator": i,
                    "assessors": [a.indicators.get(i.code) for a in centre.assessors],
                    "range": _points(spread["range"]),
                    "score": centre.indicators.get(i.code),
                }
            )
    evidence = list(
        Evidence.objects.visible_to(user, ASSESSMENT_VIEW)
        .filter(assessment_id__in=[a.assessment_id for a in centre.assessors])
        .select_related("indicator", "assessment__assessor")
        .order_by(
            "indicator__dimension__position",
            "indicator__position",
            "assessment__assessor__username",
            "uploaded_at",
        )
    )
    return CentreReport(
        results=results,
        centre=centre,
        strengths=strengths,
        weaknesses=weaknesses,
        dimension_rows=dimension_rows,
        disagreements=disagreements,
        evidence=evidence,
    )
