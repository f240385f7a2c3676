"""Audit trail: explicit calls from services, in the same transaction as the change."""

from __future__ import annotations

import datetime
import decimal
import threading

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from inkubator.core.models import AuditEntry

_context = threading.local()


def set_context(*, request_id: str = "", job=None) -> None:
    """Remember the request or job that the following audit entries belong to (per thread)."""
    _context.request_id = request_id
    _context.job = job


def clear_context() -> None:
    _context.request_id = ""
    _context.job = None


def plain_value(value):
    """A field value as JSON keeps it: ids for related records, strings for decimals and dates."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def snapshot(obj: models.Model, *, exclude: tuple[str, ...] = ()) -> dict:
    """The concrete field values of `obj` (foreign keys as ids), for a before/after comparison."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude or field.name in ("created_at", "updated_at"):
            continue
        data[field.name] = plain_value(field.value_from_object(obj))
    return data


def diff(before: dict, after: dict) -> dict:
    keys = sorted(set(before) | set(after))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def record(
    *,
    actor,
    action: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    label: str | None = None,
):
    """Write one audit entry for `obj`. `before`/`after` are snapshots; only changed fields are kept.

    `label` replaces `str(obj)` where the object's name is personal data (people are recorded by id).
    """
    changes = diff(before or {}, after if after is not None else snapshot(obj))
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        request_id=getattr(_context, "request_id", "") or "",
        job=getattr(_context, "job", None),
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=(label if label is not None else str(obj))[:300],
        changes=changes,
    )


def history_for(obj: models.Model):
    """Audit entries of one object, newest first."""
    return (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
