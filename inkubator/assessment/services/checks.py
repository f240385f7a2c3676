"""Permission and optimistic-locking checks shared by the assessment services."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from inkubator.core.permissions import role_has_permission
from inkubator.core.services import StaleEdit


def _require(actor, perm):
    if not role_has_permission(actor, perm):
        raise PermissionDenied(_("You do not have permission to do this."))


def _check_version(obj, expected_version, message):
    if expected_version is not None and obj.version != int(expected_version):
        raise StaleEdit(message)
