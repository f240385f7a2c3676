"""Writes to the registry. Every function checks scope inside its transaction and records an audit entry."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inkubator.centres.models import Centre, Grant, HostInstitution, TrainingOutput, Vocation
from inkubator.centres.permissions import (
    REFERENCE_MANAGE,
    REGISTRY_CHANGE,
    REGISTRY_DEACTIVATE,
    REGISTRY_VIEW,
)
from inkubator.centres.scoping import may_place
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import role_has_permission
from inkubator.core.services import StaleEdit, apply_data, locked_in_scope

CENTRE_FIELDS = (
    "code",
    "name",
    "host",
    "regency",
    "address",
    "latitude",
    "longitude",
    "established_year",
    "vocation",
    "instructors",
    "facilities",
    "licence_number",
    "accreditation",
    "maturity_class",
)
HOST_FIELDS = ("name", "kind", "foundation", "regency", "address")
GRANT_FIELDS = ("centre", "kind", "year", "amount", "status", "note")
OUTPUT_FIELDS = ("centre", "year", "packages", "graduates")
VOCATION_FIELDS = ("code", "name", "name_en", "is_active")


def _require_region(actor, regency, perm=REGISTRY_CHANGE, field="regency"):
    if not may_place(actor, perm, regency):
        raise PermissionDenied(_("You may not place records in %(regency)s.") % {"regency": regency})


def _require_host_visible(actor, host):
    if (
        host is not None
        and not HostInstitution.objects.visible_to(actor, REGISTRY_VIEW).filter(pk=host.pk).exists()
    ):
        raise ValidationError({"host": [_("Choose a host institution within your scope.")]})


# --- host institutions -------------------------------------------------------------------------


@transaction.atomic
def host_create(*, actor, data: dict, action: str = AuditEntry.Action.CREATE) -> HostInstitution:
    host = HostInstitution()
    apply_data(host, data, allowed=HOST_FIELDS)
    _require_region(actor, host.regency if host.regency_id else None)
    host.full_clean()
    host.save()
    audit.record(actor=actor, action=action, obj=host, before={})
    return host


@transaction.atomic
def host_update(
    *, actor, host: HostInstitution, data: dict, action: str = AuditEntry.Action.UPDATE
) -> HostInstitution:
    host = locked_in_scope(HostInstitution.objects, pk=host.pk, user=actor, perm=REGISTRY_CHANGE)
    before = audit.snapshot(host)
    apply_data(host, data, allowed=HOST_FIELDS)
    if "regency" in data and data["regency"] and data["regency"].pk != before["regency"]:
        _require_region(actor, host.regency)
    host.full_clean()
    host.save()
    if audit.diff(before, audit.snapshot(host)):
        audit.record(actor=actor, action=action, obj=host, before=before)
    return host


# --- centres -----------------------------------------------------------------------------------


@transaction.atomic
def centre_create(*, actor, data: dict, action: str = AuditEntry.Action.CREATE) -> Centre:
    """Register a new BLK Komunitas in a regency within the actor's scope."""
    centre = Centre()
    apply_data(centre, data, allowed=CENTRE_FIELDS)
    _require_region(actor, centre.regency if centre.regency_id else None)
    _require_host_visible(actor, centre.host if centre.host_id else None)
    centre.full_clean()
    centre.save()
    audit.record(actor=actor, action=action, obj=centre, before={})
    return centre


@transaction.atomic
def centre_update(
    *,
    actor,
    centre: Centre,
    data: dict,
    expected_version: int | None = None,
    action: str = AuditEntry.Action.UPDATE,
) -> Centre:
    """Change a centre's profile. A stale `expected_version` is refused rather than overwriting."""
    centre = locked_in_scope(Centre.objects, pk=centre.pk, user=actor, perm=REGISTRY_CHANGE)
    if expected_version is not None and centre.version != expected_version:
        raise StaleEdit(
            _("Someone else saved this centre after you opened it. Reload the page to see their changes.")
        )
    before = audit.snapshot(centre)
    apply_data(centre, data, allowed=CENTRE_FIELDS)
    if centre.regency_id != before["regency"]:
        _require_region(actor, centre.regency)
    if centre.host_id != before["host"]:
        _require_host_visible(actor, centre.host)
    centre.full_clean()
    if not audit.diff(before, audit.snapshot(centre)):
        return centre
    centre.version += 1
    centre.save()
    audit.record(actor=actor, action=action, obj=centre, before=before)
    return centre


@transaction.atomic
def centre_deactivate(*, actor, centre: Centre, reason: str) -> Centre:
    """Mark a centre inactive (registry records are never deleted)."""
    centre = locked_in_scope(Centre.objects, pk=centre.pk, user=actor, perm=REGISTRY_DEACTIVATE)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the centre is deactivated.")]})
    if centre.status == "inactive":
        raise ValidationError({"status": [_("The centre is already inactive.")]})
    before = audit.snapshot(centre)
    centre.status = "inactive"
    centre.deactivation_reason = reason[:300]
    centre.version += 1
    centre.save()
    audit.record(actor=actor, action=AuditEntry.Action.DEACTIVATE, obj=centre, before=before)
    return centre


@transaction.atomic
def centre_reactivate(*, actor, centre: Centre) -> Centre:
    centre = locked_in_scope(Centre.objects, pk=centre.pk, user=actor, perm=REGISTRY_DEACTIVATE)
    if centre.status == "active":
        raise ValidationError({"status": [_("The centre is already active.")]})
    before = audit.snapshot(centre)
    centre.status = "active"
    centre.deactivation_reason = ""
    centre.version += 1
    centre.save()
    audit.record(actor=actor, action=AuditEntry.Action.REACTIVATE, obj=centre, before=before)
    return centre


# --- grants and training outputs ---------------------------------------------------------------


def _require_centre_changeable(actor, centre):
    if centre is None or not Centre.objects.visible_to(actor, REGISTRY_CHANGE).filter(pk=centre.pk).exists():
        raise PermissionDenied(_("You do not have permission to change this centre."))


@transaction.atomic
def grant_create(*, actor, data: dict, action: str = AuditEntry.Action.CREATE) -> Grant:
    grant = Grant()
    apply_data(grant, data, allowed=GRANT_FIELDS)
    _require_centre_changeable(actor, grant.centre if grant.centre_id else None)
    grant.full_clean()
    grant.save()
    audit.record(actor=actor, action=action, obj=grant, before={})
    return grant


@transaction.atomic
def grant_update(*, actor, grant: Grant, data: dict, action: str = AuditEntry.Action.UPDATE) -> Grant:
    grant = locked_in_scope(Grant.objects, pk=grant.pk, user=actor, perm=REGISTRY_CHANGE)
    before = audit.snapshot(grant)
    apply_data(grant, data, allowed=GRANT_FIELDS)
    if grant.centre_id != before["centre"]:
        _require_centre_changeable(actor, grant.centre)
    grant.full_clean()
    grant.save()
    if audit.diff(before, audit.snapshot(grant)):
        audit.record(actor=actor, action=action, obj=grant, before=before)
    return grant


@transaction.atomic
def output_save(*, actor, data: dict) -> TrainingOutput:
    """Create or update the training output of a centre for a year."""
    centre = data.get("centre")
    _require_centre_changeable(actor, centre)
    output = TrainingOutput.objects.select_for_update().filter(centre=centre, year=data.get("year")).first()
    before = audit.snapshot(output) if output else {}
    output = output or TrainingOutput()
    apply_data(output, data, allowed=OUTPUT_FIELDS)
    output.full_clean()
    output.save()
    if audit.diff(before, audit.snapshot(output)):
        audit.record(
            actor=actor,
            action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
            obj=output,
            before=before,
        )
    return output


# --- vocations (reference data) ----------------------------------------------------------------


@transaction.atomic
def vocation_save(*, actor, data: dict, vocation: Vocation | None = None) -> Vocation:
    if not role_has_permission(actor, REFERENCE_MANAGE):
        raise PermissionDenied(_("Only national admins edit the vocation list."))
    vocation = Vocation.objects.select_for_update().get(pk=vocation.pk) if vocation else Vocation()
    before = audit.snapshot(vocation) if vocation.pk else {}
    apply_data(vocation, data, allowed=VOCATION_FIELDS)
    vocation.full_clean()
    vocation.save()
    audit.record(
        actor=actor,
        action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
        obj=vocation,
        before=before,
    )
    return vocation
