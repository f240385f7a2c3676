"""Reads for the selection: a round's consolidated scores per centre, weight sets, runs, decisions."""

from __future__ import annotations

from collections import defaultdict

from inkubator.assessment import scoring
from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import Answer, AssessmentRound
from inkubator.assessment.services import instrument_rules
from inkubator.centres.choices import GrantKind
from inkubator.centres.models import Grant
from inkubator.core import permissions as perms
from inkubator.core.permissions import role_has_permission
from inkubator.selection.models import Decision, SelectionRun, WeightSet

AID_KINDS = (GrantKind.ENTREPRENEURSHIP, GrantKind.INCUBATOR)


def consolidated_rows(rnd: AssessmentRound) -> list[dict]:
    """One row per centre with at least one verified assessment in the round, sorted by centre code.

    Indicator scores of several assessors are consolidated with the round's rule (scoring.py, rule 5),
    then aggregated to dimensions and the index. Four queries whatever the round's size.
    """
    rules, weights = instrument_rules(rnd.instrument)
    answers = (
        Answer.objects.filter(assessment__round=rnd, assessment__status=AssessmentStatus.VERIFIED)
        .values_list("assessment_id", "assessment__centre_id", "indicator__code", "score")
    )
    by_centre: dict[int, dict[int, dict]] = defaultdict(lambda: defaultdict(dict))
    for assessment_id, centre_id, code, score in answers:
        by_centre[centre_id][assessment_id][code] = score
    centres = {
        c.pk: c for c in rnd.centres.filter(pk__in=list(by_centre)).select_related("regency__province")
    }
    aid = set(
        Grant.objects.filter(centre_id__in=list(by_centre), kind__in=AID_KINDS, status__in=["received", "planned"])
        .values_list("centre_id", flat=True)
    )
    rows = []
    for centre_id, sheets_by_assessment in by_centre.items():
        centre = centres.get(centre_id)
        if centre is None:
            continue
        sheets = [scoring.ScoreSheet(indicators=s, dimensions={}, composite=None) for s in sheets_by_assessment.values()]
        sheet = scoring.consolidate_sheets(rules, weights, sheets, rnd.consolidation_rule).rounded()
        rows.append({
            "centre_id": centre_id, "code": centre.code, "name": centre.name,
            "province": centre.regency.province_id, "province_name": centre.regency.province.name,
            "class": rnd.readiness_class(sheet.composite), "composite": str(sheet.composite),
            "dimensions": {k: (str(v) if v is not None else None) for k, v in sheet.dimensions.items()},
            "assessors": len(sheets), "aid": centre_id in aid, "active": centre.status == "active",
        })
    rows.sort(key=lambda r: r["code"])
    return rows


def weight_sets(user):
    if not role_has_permission(user, perms.SELECTION_VIEW):
        return WeightSet.objects.none()
    return WeightSet.objects.select_related("instrument", "basis_round").order_by("name", "-version")


def runs(user):
    if not role_has_permission(user, perms.SELECTION_VIEW):
        return SelectionRun.objects.none()
    rounds = AssessmentRound.objects.visible_to(user, perms.ASSESSMENT_VIEW).values("pk")
    return SelectionRun.objects.filter(round__in=rounds).select_related("round", "weight_set", "created_by").defer(
        "inputs", "outputs"
    )


def decisions():
    """Published decisions are public (the transparency page)."""
    return Decision.objects.select_related("run__round", "run__weight_set", "published_by")
