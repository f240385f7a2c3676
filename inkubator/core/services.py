"""Helpers shared by every app's services: scope checks inside the transaction, applying cleaned data."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def apply_data(obj, data: dict, *, allowed: tuple[str, ...]) -> None:
    """Set the allowed fields of `obj` from `data`; unknown keys are a programming error."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError({name: [_("This field cannot be set here.")] for name in sorted(unknown)})
    for name, value in data.items():
        setattr(obj, name, value)


def locked_in_scope(queryset, *, pk, user, perm):
    """Re-read `pk` for update within the user's scope, or refuse (inside the caller's transaction)."""
    obj = queryset.visible_to(user, perm).select_for_update().filter(pk=pk).first()
    if obj is None:
        raise PermissionDenied(_("You do not have permission to change this record."))
    return obj


class StaleEdit(ValidationError):
    """Someone saved the record after this form was opened."""
