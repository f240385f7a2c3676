"""Exports of a round's results: one row per centre (wide) or one row per answer (long)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext as _

from inkubator.assessment.models import Answer, AssessmentRound
from inkubator.assessment.permissions import ASSESSMENT_EXPORT
from inkubator.assessment.results.consolidation import RoundResults, round_results


def export_wide(results: RoundResults) -> tuple[list[str], list[list]]:
    """One row per centre: every indicator's consolidated score, the dimension scores, index and class."""
    headers = [
        _("Centre code"),
        _("Centre name"),
        _("Province"),
        _("Regency/city"),
        _("Verified assessors"),
        *[i.code for i in results.indicators],
        *[_("Dimension %(code)s") % {"code": d.code} for d in results.dimensions],
        _("Readiness index"),
        _("Readiness class"),
    ]
    rows = [
        [
            c.code,
            c.name,
            c.province_name,
            c.regency_name,
            c.n_assessors,
            *[c.indicators.get(i.code) for i in results.indicators],
            *[c.dimensions.get(d.code) for d in results.dimensions],
            c.composite,
            c.readiness_label,
        ]
        for c in results.centres
    ]
    return headers, rows


LONG_FIELDS = (
    "assessment__centre__code",
    "assessment__centre__name",
    "assessment__centre__regency__province__name",
    "assessment__assessor__username",
    "assessment__status",
    "indicator__code",
    "indicator__dimension__code",
    "indicator__kind",
    "value",
    "number",
    "text",
    "score",
    "returned",
)


def export_long(
    *,
    user,
    round: AssessmentRound,
    province: str = "",
    search: str = "",
    readiness: str = "",
) -> tuple[list[str], Iterable[list]]:
    """One row per answer of every assessment of the round the user may export, whatever its status.

    For researchers: codes (status, indicator, dimension, type) rather than labels, so scripts do not
    depend on the interface language; `returned` is 1 or 0. A `readiness` filter keeps the centres
    whose consolidated (verified) class matches.
    """
    headers = [
        _("Round"),
        _("Centre code"),
        _("Centre name"),
        _("Province"),
        _("Assessor"),
        _("Status"),
        _("Indicator"),
        _("Dimension"),
        _("Type"),
        _("Option"),
        _("Number"),
        _("Text"),
        _("Score (0–100)"),
        _("Returned"),
    ]
    qs = Answer.objects.visible_to(user, ASSESSMENT_EXPORT).filter(assessment__round=round)
    if province:
        qs = qs.filter(assessment__centre__regency__province_id=province)
    search = (search or "").strip()[:100]
    if search:
        qs = qs.filter(
            Q(assessment__centre__name__icontains=search) | Q(assessment__centre__code__icontains=search)
        )
    if readiness:
        keep = [
            c.centre_id
            for c in round_results(
                user=user,
                round=round,
                perm=ASSESSMENT_EXPORT,
                province=province,
                search=search,
                readiness=readiness,
            ).centres
        ]
        qs = qs.filter(assessment__centre_id__in=keep)
    qs = qs.order_by(
        "assessment__centre__name",
        "assessment__centre_id",
        "assessment__assessor__username",
        "indicator__dimension__position",
        "indicator__position",
    ).values_list(*LONG_FIELDS)
    name = round.name

    def rows():
        for row in qs.iterator(chunk_size=2000):
            *head, returned = row
            yield [name, *head, 1 if returned else 0]

    return headers, rows()
