"""Named permissions: each app declares its own (with the roles that hold them); one check for all.

Core knows no role and no domain permission. An app's `permissions.py` calls `declare` once per
permission, naming the role codes that hold it:

    REGISTRY_VIEW = declare("centres.view", roles=[Role.NATIONAL_ADMIN, Role.REGIONAL_OFFICER, ...])

and `role_has_permission(user, perm)` answers from what was declared. Asking about a permission that
no app declared is a programming error (KeyError), so a typo never silently denies or allows.
Which *objects* a user may act on is decided separately, by scope (`core.scoping`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

# permission name -> role codes holding it
_DECLARED: dict[str, frozenset[str]] = {}


def declare(name: str, *, roles: Iterable[str]) -> str:
    """Declare permission `name`, held by `roles`; returns the name to use as the app's constant."""
    roles = frozenset(roles)
    if name in _DECLARED and _DECLARED[name] != roles:
        raise ValueError(f"permission {name!r} declared twice with different roles")
    _DECLARED[name] = roles
    return name


def declared() -> dict[str, frozenset[str]]:
    """Every declared permission and the roles holding it (for docs and tests)."""
    return dict(_DECLARED)


def roles_with(perm: str) -> frozenset[str]:
    return _DECLARED[perm]


def role_has_permission(user, perm: str) -> bool:
    """True when the user's role holds `perm` (scope is checked separately)."""
    roles = _DECLARED[perm]
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return getattr(user, "role", None) in roles


def require(user, perm: str) -> None:
    """Refuse (PermissionDenied, 403) unless the user's role holds `perm`; scope is checked separately."""
    if not role_has_permission(user, perm):
        raise PermissionDenied(gettext("You do not have permission to do this."))
