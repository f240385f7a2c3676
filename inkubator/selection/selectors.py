"""Reads for the selection: a round's centres and consolidated scores, weight sets, runs, decisions."""

from __future__ import annotations

from django.db.models import Count, Q

from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import Assessment, AssessmentRound
from inkubator.assessment.permissions import ASSESSMENT_VIEW
from inkubator.centres.choices import GrantKind
from inkubator.centres.models import Centre, Grant
from inkubator.core.permissions import role_has_permission
from inkubator.selection.models import Decision, SelectionRun, WeightSet
from inkubator.selection.permissions import SELECTION_VIEW

AID_KINDS = (GrantKind.ENTREPRENEURSHIP, GrantKind.INCUBATOR)


def consolidated_rows(rnd: AssessmentRound) -> list[dict]:
    """One row per centre with at least one verified assessment in the round, sorted by centre code.

    The consolidation is the results page's (`assessment.results.round_results`, scoring.py rule 5),
    over every verified centre of the round whoever asks: a selection is computed on the whole round.
    """
    from inkubator.assessment.results import round_results_unscoped

    centres = round_results_unscoped(rnd).centres
    ids = [c.centre_id for c in centres]
    aid = set(
        Grant.objects.unscoped(reason="a selection is computed on the whole round (ADR 0013)")
        .filter(centre_id__in=ids, kind__in=AID_KINDS, status__in=["received", "planned"])
        .values_list("centre_id", flat=True)
    )
    active = set(
        Centre.objects.unscoped(reason="a selection is computed on the whole round (ADR 0013)")
        .filter(pk__in=ids, status="active")
        .values_list("pk", flat=True)
    )
    return [
        {
            "centre_id": c.centre_id,
            "code": c.code,
            "name": c.name,
            "province": c.province_code,
            "province_name": c.province_name,
            "class": c.readiness_class,
            "composite": str(c.composite),
            "dimensions": {k: (str(v) if v is not None else None) for k, v in c.dimensions.items()},
            "assessors": c.n_assessors,
            "aid": c.centre_id in aid,
            "active": c.centre_id in active,
        }
        for c in centres
    ]


def round_centres(rnd: AssessmentRound) -> list[dict]:
    """The centres of a round with a verified assessment: code, name, province code and name."""
    rows = (
        Assessment.objects.unscoped(reason="a selection is computed on the whole round (ADR 0013)")
        .filter(round=rnd, status=AssessmentStatus.VERIFIED)
        .values_list(
            "centre__code", "centre__name", "centre__regency__province_id", "centre__regency__province__name"
        )
        .distinct()
        .order_by("centre__code")
    )
    return [{"code": c, "name": n, "province": p, "province_name": pn} for c, n, p, pn in rows]


def round_provinces(centres: list[dict]) -> list[dict]:
    """The provinces of `round_centres`, by code, with their number of centres."""
    counts: dict[str, dict] = {}
    for c in centres:
        counts.setdefault(c["province"], {"code": c["province"], "name": c["province_name"], "centres": 0})
        counts[c["province"]]["centres"] += 1
    return [counts[k] for k in sorted(counts)]


def rounds_with_verified(user):
    """Rounds the user may see, with the number of centres that have a verified assessment."""
    return (
        AssessmentRound.objects.visible_to(user, ASSESSMENT_VIEW)
        .select_related("instrument")
        .annotate(
            n_verified=Count(
                "assessments__centre", filter=Q(assessments__status=AssessmentStatus.VERIFIED), distinct=True
            )
        )
        .order_by("-starts_on", "name")
    )


def weight_sets(user):
    if not role_has_permission(user, SELECTION_VIEW):
        return WeightSet.objects.none()
    return WeightSet.objects.select_related("instrument", "basis_round").order_by("name", "-version")


def runs(user):
    if not role_has_permission(user, SELECTION_VIEW):
        return SelectionRun.objects.none()
    rounds = AssessmentRound.objects.visible_to(user, ASSESSMENT_VIEW).values("pk")
    return (
        SelectionRun.objects.filter(round__in=rounds)
        .select_related("round", "weight_set", "created_by")
        .defer("inputs", "outputs")
    )


def decisions():
    """Published decisions are public (the transparency page)."""
    return Decision.objects.select_related("run__round", "run__weight_set", "published_by")
