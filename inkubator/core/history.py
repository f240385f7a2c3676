"""The change history as people read it: field names and values in the reader's language.

Audit entries keep what the database keeps (ids of related records, choice codes, ISO dates, decimals as
text, JSON for structured fields, see `core.audit`). `readable(entries)` turns each change into a label
(the field's verbose name) and a before/after text: the display name of a choice, the name of a related
record (read in one query per related model for the whole page), Yes/No, a date as Indonesians write it,
a number in the active language's format, and a short summary of structured values — never raw JSON or
an internal id. It knows no domain model: everything comes from the models' own field definitions.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import Truncator, capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

EMPTY = "—"
MAX_TEXT = 160
NUMERIC = re.compile(r"^-?\d+\.\d+$")
# Fields whose model gives no verbose name (Django would show the English field name).
GENERIC_LABELS = {"created_by": _lazy("created by"), "updated_by": _lazy("changed by")}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Row:
    entry: object
    changes: tuple[Change, ...]


def readable(entries) -> list[Row]:
    """Each entry with its changes as (label, before, after) texts, related names read in batches."""
    entries = list(entries)
    wanted: dict[type[models.Model], set] = defaultdict(set)
    plans = []
    for entry in entries:
        # get_for_id is cached: no query per entry
        model = (
            ContentType.objects.get_for_id(entry.content_type_id).model_class()
            if entry.content_type_id
            else None
        )
        fields = []
        for name, pair in (entry.changes or {}).items():
            field = _field(model, name)
            if isinstance(field, models.AutoField) or name == "id":
                continue  # an internal id says nothing to a reader
            fields.append((name, field, pair))
            if isinstance(field, models.ForeignKey):
                for value in _pair(pair):
                    if value not in (None, ""):
                        wanted[field.related_model].add(value)
        plans.append((entry, fields))
    names = _related_names(wanted)
    rows = []
    for entry, fields in plans:
        changes = []
        for name, field, pair in fields:
            before, after = _pair(pair)
            changes.append(
                Change(
                    label=_label(name, field),
                    before=_text(field, before, names),
                    after=_text(field, after, names),
                )
            )
        rows.append(Row(entry=entry, changes=tuple(changes)))
    return rows


def _pair(pair) -> tuple:
    if isinstance(pair, list | tuple) and len(pair) == 2:
        return pair[0], pair[1]
    return None, pair


def _field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _label(name: str, field) -> str:
    if name in GENERIC_LABELS:
        return capfirst(str(GENERIC_LABELS[name]))
    if field is not None and getattr(field, "verbose_name", None):
        return capfirst(str(field.verbose_name))
    return capfirst(name.replace("_", " "))


def _related_names(wanted) -> dict:
    names = {}
    for model, ids in wanted.items():
        manager = getattr(model, "_base_manager", model.objects)
        for obj in manager.filter(pk__in=list(ids)):
            names[(model, str(obj.pk))] = _name_of(obj)
    return names


def _name_of(obj) -> str:
    """A related record's name; people by their username only (UU PDP: the audit keeps no names)."""
    if hasattr(obj, "get_username"):
        return obj.get_username()
    return str(obj)


def _text(field, value, names) -> str:  # noqa: C901 - one branch per kind of stored value, flat
    if value is None or value == "":
        return EMPTY
    if isinstance(field, models.ForeignKey):
        return names.get((field.related_model, str(value)), _("(removed record)"))
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool) or isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(value))
        return formats.date_format(localtime(moment), "j F Y H:i") if moment else str(value)
    if isinstance(field, models.DateField):
        day = parse_date(str(value)) if not isinstance(value, datetime.date) else value
        return formats.date_format(day, "j F Y") if day else str(value)
    if isinstance(field, models.DecimalField | models.FloatField):
        return _number(value)
    if isinstance(value, dict):
        return _summary_of_dict(value)
    if isinstance(value, list | tuple):
        return _summary_of_list(value)
    if isinstance(value, str) and NUMERIC.match(value):
        return _number(value)
    if isinstance(field, models.IntegerField) and isinstance(value, int):
        return str(value)  # years and counts as written, no grouping
    return Truncator(str(value)).chars(MAX_TEXT)


def _number(value) -> str:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    places = max(0, -number.normalize().as_tuple().exponent)
    return formats.number_format(number.normalize(), decimal_pos=places, use_l10n=True, force_grouping=True)


def _scalar(value) -> str:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if value is None or value == "":
        return EMPTY
    if isinstance(value, dict | list | tuple):
        count = len(value)
        return ngettext("%(count)d item", "%(count)d items", count) % {"count": count}
    if isinstance(value, float | Decimal) or (isinstance(value, str) and NUMERIC.match(value)):
        return _number(value)
    return Truncator(str(value)).chars(40)


def _summary_of_dict(value: dict) -> str:
    """`A: 0,25; B: 0,75` for a short mapping, "12 entries" for a long one."""
    if len(value) > 8:
        return ngettext("%(count)d entry", "%(count)d entries", len(value)) % {"count": len(value)}
    return Truncator("; ".join(f"{key}: {_scalar(item)}" for key, item in value.items())).chars(MAX_TEXT)


def _summary_of_list(value) -> str:
    if len(value) > 8 or any(isinstance(item, dict | list) for item in value):
        return ngettext("%(count)d item", "%(count)d items", len(value)) % {"count": len(value)}
    return Truncator(", ".join(_scalar(item) for item in value)).chars(MAX_TEXT)
