"""Reads of the readiness assessment, always through `visible_to` (scope) and with bounded queries."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import Count, Prefetch

from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import Assessment, AssessmentRound, Indicator, Instrument
from inkubator.assessment.permissions import ASSESSMENT_VIEW
from inkubator.core.permissions import role_has_permission


def instrument_list(user):
    """Instruments are shared reference material: everyone who may view assessments sees them all."""
    if not role_has_permission(user, ASSESSMENT_VIEW):
        return Instrument.objects.none()
    return Instrument.objects.annotate(
        n_dimensions=Count("dimensions", distinct=True),
        n_indicators=Count("indicators", distinct=True),
        n_rounds=Count("rounds", distinct=True),
    ).order_by("code", "-version")


def instrument_detail(user, pk: int) -> Instrument | None:
    instrument = instrument_list(user).filter(pk=pk).first()
    if instrument is None:
        return None
    instrument.dimension_list = list(
        instrument.dimensions.order_by("position").prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.order_by("position").prefetch_related("options", "bands"),
            )
        )
    )
    return instrument


def round_list(user):
    return (
        AssessmentRound.objects.visible_to(user, ASSESSMENT_VIEW)
        .select_related("instrument", "partner")
        .annotate(
            n_centres=Count("centres", distinct=True), n_assessments=Count("assessments", distinct=True)
        )
        .order_by("-starts_on", "name")
    )


def round_progress(user, rnd: AssessmentRound) -> dict:
    """Counts by status, overall, by province and by assessor, over the assessments the user may see."""
    rows = (
        Assessment.objects.visible_to(user, ASSESSMENT_VIEW)
        .filter(round=rnd)
        .values_list(
            "status",
            "centre__regency__province__code",
            "centre__regency__province__name",
            "assessor__username",
        )
    )
    statuses = [s for s, _label in AssessmentStatus.choices]
    total = Counter()
    by_province: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_assessor: dict[str, Counter] = defaultdict(Counter)
    for status, province_code, province_name, assessor in rows:
        total[status] += 1
        by_province[(province_code, province_name)][status] += 1
        by_assessor[assessor][status] += 1
    return {
        "statuses": AssessmentStatus.choices,
        "total": [total[s] for s in statuses],
        "count": sum(total.values()),
        "by_province": [
            {"code": code, "name": name, "counts": [c[s] for s in statuses], "count": sum(c.values())}
            for (code, name), c in sorted(by_province.items())
        ],
        "by_assessor": [
            {"username": name, "counts": [c[s] for s in statuses], "count": sum(c.values())}
            for name, c in sorted(by_assessor.items())
        ],
    }


def assessment_list(user, *, round_id: int | None = None, status: str = ""):
    qs = Assessment.objects.visible_to(user, ASSESSMENT_VIEW).select_related(
        "round", "centre__regency__province", "assessor"
    )
    if round_id:
        qs = qs.filter(round_id=round_id)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("round__name", "centre__name", "assessor__username")
