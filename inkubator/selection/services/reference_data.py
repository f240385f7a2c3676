"""Writes of the Grand Design reference data: unemployment rates (TPT) and roadmap scenarios.

National admins only (`REFERENCE_MANAGE`); each write is validated (`full_clean`), saved in a transaction
and recorded in the audit trail with its before/after values.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from inkubator.centres.permissions import REFERENCE_MANAGE
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import role_has_permission
from inkubator.selection.models import RoadmapScenario, UnemploymentRate

RATE_FIELDS = ("province", "year", "rate", "source")
SCENARIO_FIELDS = (
    "name",
    "start_year",
    "years",
    "incubators_first_year",
    "growth_per_year",
    "tenants_per_incubator_per_year",
    "survival_rate",
    "jobs_per_tenant",
    "note",
)


def _require_admin(actor) -> None:
    if not role_has_permission(actor, REFERENCE_MANAGE):
        raise PermissionDenied(_("Only national admins edit the Grand Design reference data."))


def _save(*, actor, obj, data: dict, fields: tuple[str, ...]):
    before = audit.snapshot(obj) if obj.pk else {}
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])
    if isinstance(data.get("name"), str):
        obj.name = data["name"].strip()
    obj.full_clean()
    obj.save()
    audit.record(
        actor=actor,
        action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
        obj=obj,
        before=before,
    )
    return obj


@transaction.atomic
def unemployment_rate_save(*, actor, data: dict, rate: UnemploymentRate | None = None) -> UnemploymentRate:
    """Add a province's rate for a year, or correct one (rate, source or year)."""
    _require_admin(actor)
    rate = UnemploymentRate.objects.select_for_update().get(pk=rate.pk) if rate else UnemploymentRate()
    return _save(actor=actor, obj=rate, data=data, fields=RATE_FIELDS)


@transaction.atomic
def scenario_save(*, actor, data: dict, scenario: RoadmapScenario | None = None) -> RoadmapScenario:
    """Create a roadmap scenario or change its assumptions."""
    _require_admin(actor)
    if scenario is None:
        scenario = RoadmapScenario(created_by=actor)
    else:
        scenario = RoadmapScenario.objects.select_for_update().get(pk=scenario.pk)
    return _save(actor=actor, obj=scenario, data=data, fields=SCENARIO_FIELDS)
