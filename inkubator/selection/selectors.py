"""Reads for the selection: a round's consolidated scores per centre, weight sets, runs, decisions."""

from __future__ import annotations

from inkubator.assessment.models import AssessmentRound
from inkubator.centres.choices import GrantKind
from inkubator.centres.models import Centre, Grant
from inkubator.core import permissions as perms
from inkubator.core.permissions import role_has_permission
from inkubator.selection.models import Decision, SelectionRun, WeightSet

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
        Grant.objects.filter(centre_id__in=ids, kind__in=AID_KINDS, status__in=["received", "planned"])
        .values_list("centre_id", flat=True)
    )
    active = set(Centre.objects.filter(pk__in=ids, status="active").values_list("pk", flat=True))
    return [
        {
            "centre_id": c.centre_id, "code": c.code, "name": c.name, "province": c.province_code,
            "province_name": c.province_name, "class": c.readiness_class, "composite": str(c.composite),
            "dimensions": {k: (str(v) if v is not None else None) for k, v in c.dimensions.items()},
            "assessors": c.n_assessors, "aid": c.centre_id in aid, "active": c.centre_id in active,
        }
        for c in centres
    ]


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
