"""Expose the role permissions to Django's `user.has_perm` (and `perms` in templates) through `rules`."""

import rules

from inkubator.core import permissions as p

_ALL = [
    p.REGISTRY_VIEW,
    p.REGISTRY_CHANGE,
    p.REGISTRY_DEACTIVATE,
    p.REGISTRY_IMPORT,
    p.REGISTRY_EXPORT,
    p.REFERENCE_MANAGE,
    p.HISTORY_VIEW,
    p.USERS_MANAGE,
]


def _predicate_for(perm: str):
    @rules.predicate(name=f"role_has:{perm}")
    def has(user):
        return p.role_has_permission(user, perm)

    return has


for _perm in _ALL:
    if not rules.perm_exists(_perm):
        rules.add_perm(_perm, _predicate_for(_perm))
