"""What each role's home page leads to (issue 9 §3): the person's own work first, read through selectors.

- field assessor: open assignments (returned ones first, then by due date), and what waits for review;
- centre manager: their centre(s), each round's verified result and report;
- regional officer: centres awaiting verification (provisional ones, from the registry import) and the
  region's registry at a glance;
- researcher: rounds in progress with what waits for their review;
- national leadership and admins: the programme funnel (centres → assessed → ready → selected →
  incubators) from the latest published decision, with the province map.

Each function returns the context of one panel; `panels_for(user)` picks the panels of the user's role.
"""

from __future__ import annotations

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _

from inkubator.accounts.roles import Role
from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import Assessment, AssessmentRound
from inkubator.assessment.permissions import ASSESSMENT_REVIEW, ASSESSMENT_VIEW, is_field_assessor
from inkubator.centres import selectors as registry
from inkubator.centres.permissions import REGISTRY_CHANGE, REGISTRY_VIEW
from inkubator.core.permissions import role_has_permission
from inkubator.selection import analytics
from inkubator.selection import selectors as selection
from inkubator.selection.permissions import SELECTION_VIEW
from inkubator.selection.province_tiles import TILES

OPEN_WORK = (AssessmentStatus.RETURNED, AssessmentStatus.DRAFT, AssessmentStatus.ASSIGNED)


def assessor_work(user) -> dict:
    """The assessor's open assignments in open rounds: returned first, then by due date, then centre."""
    mine = Assessment.objects.visible_to(user, ASSESSMENT_VIEW).filter(assessor=user)
    open_work = (
        mine.filter(status__in=OPEN_WORK, round__status="open")
        .select_related("round", "centre__regency")
        .annotate(
            urgency=Case(
                When(status=AssessmentStatus.RETURNED, then=Value(0)),
                When(status=AssessmentStatus.DRAFT, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("urgency", F("round__due_on").asc(nulls_last=True), "centre__name", "pk")
    )
    return {
        "assignments": list(open_work[:50]),
        "open_count": open_work.count(),
        "waiting_review": mine.filter(status=AssessmentStatus.SUBMITTED).count(),
    }


def manager_centres(user) -> dict:
    """The manager's centre(s), with every round in which a verified assessment of it gives a result."""
    centres = list(registry.centre_queryset(user=user).order_by("name")[:5])
    rows = (
        Assessment.objects.visible_to(user, ASSESSMENT_VIEW)
        .filter(centre__in=centres, status=AssessmentStatus.VERIFIED)
        .values("centre_id", "round_id", "round__name", "round__ends_on")
        .distinct()
        .order_by("-round__ends_on", "round__name")
    )
    results: dict[int, list[dict]] = {}
    for r in rows:
        results.setdefault(r["centre_id"], []).append(
            {
                "name": r["round__name"],
                "url": reverse("assessment:round_centre_report", args=[r["round_id"], r["centre_id"]]),
                "pdf": reverse("assessment:round_centre_report_pdf", args=[r["round_id"], r["centre_id"]]),
            }
        )
    return {
        "centres": [{"centre": c, "results": results.get(c.pk, [])} for c in centres],
        "can_change": role_has_permission(user, REGISTRY_CHANGE),
    }


def officer_region(user) -> dict:
    """Centres awaiting verification (when the registry import marks them provisional) and the region."""
    provisional_of = getattr(registry, "provisional_centres", None)
    provisional = list(provisional_of(user=user)[:20]) if provisional_of else None
    return {
        "provisional": provisional,
        "provisional_count": provisional_of(user=user).count() if provisional_of else 0,
        "summary": registry.centre_summary(user=user),
        "incomplete": registry.centre_queryset(user=user)
        .filter(Q(latitude__isnull=True) | Q(maturity_class=""), status="active")
        .count(),
    }


def researcher_rounds(user) -> dict:
    """Rounds in progress in the researcher's scope, with the submitted assessments waiting for review."""
    rounds = (
        AssessmentRound.objects.visible_to(user, ASSESSMENT_VIEW)
        .filter(status="open")
        .annotate(
            n_assessments=Count("assessments", distinct=True),
            n_submitted=Count("assessments", filter=Q(assessments__status="submitted"), distinct=True),
            n_verified=Count("assessments", filter=Q(assessments__status="verified"), distinct=True),
        )
        .order_by(F("due_on").asc(nulls_last=True), "name")
    )
    return {"rounds": list(rounds[:20]), "can_review": role_has_permission(user, ASSESSMENT_REVIEW)}


def programme_funnel(user) -> dict:
    """Centres → assessed → ready → selected (→ incubators next) of the latest published decision."""
    decision = selection.decisions().order_by("-published_at", "-pk").first()
    run = decision.run if decision else None
    table = analytics.province_table(run.round if run else None, run)
    totals = {key: sum(r[key] for r in table) for key in ("centres", "assessed", "ready", "selected")}
    steps = [
        {"key": "centres", "label": _("Active centres"), "value": totals["centres"]},
        {"key": "assessed", "label": _("Assessed"), "value": totals["assessed"]},
        {"key": "ready", "label": _("Ready"), "value": totals["ready"]},
        {"key": "selected", "label": _("Selected as incubator candidates"), "value": totals["selected"]},
        {"key": "incubators", "label": _("Incubators"), "value": None},
    ]
    top = max(totals["centres"], 1)
    for step in steps:
        step["percent"] = round(100 * step["value"] / top) if step["value"] is not None else 0
    by_code = {r["code"]: r for r in table}
    measure = "selected" if run else "centres"
    names = {r["code"]: r["name"] for r in table}
    return {
        "decision": decision,
        "steps": steps,
        "map": {
            "tiles": [
                {
                    "code": code,
                    "name": names.get(code, code),
                    "abbr": abbr,
                    "row": row,
                    "col": col,
                    "selected": by_code[code][measure]
                    if code in by_code and by_code[code]["centres"]
                    else None,
                }
                for code, (row, col, abbr) in sorted(TILES.items())
            ],
            "rows": max(r for r, _c, _a in TILES.values()) + 1,
            "cols": max(c for _r, c, _a in TILES.values()) + 1,
            "series": _("Centres selected") if run else _("Active centres"),
            "absent": _("No active centre"),
        },
    }


def panels_for(user) -> dict:
    """The panels of the user's home page, by role."""
    if not user.is_authenticated:
        return {}
    panels: dict = {}
    if is_field_assessor(user):
        panels["assessor"] = assessor_work(user)
    if user.role == Role.CENTRE_MANAGER and role_has_permission(user, REGISTRY_VIEW):
        panels["manager"] = manager_centres(user)
    if user.role == Role.REGIONAL_OFFICER and role_has_permission(user, REGISTRY_VIEW):
        panels["officer"] = officer_region(user)
    if user.role == Role.RESEARCHER:
        panels["researcher"] = researcher_rounds(user)
    if user.role in Role.NATIONAL and role_has_permission(user, SELECTION_VIEW):
        panels["funnel"] = programme_funnel(user)
    return panels
