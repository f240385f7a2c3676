"""The one scoping mechanism: which records a user may act on.

Every model that holds scoped data declares once, on the model class, how a user's scope reaches it:

    class Grant(models.Model):
        scope_policy = via_centre("centre")      # a ScopePolicy
        objects = ScopedQuerySet.as_manager()

and every read goes through one queryset method, `Model.objects.visible_to(user, perm)`: pages, the
API, form choices, exports and imports alike. A user without the permission `perm` sees nothing.

Core does not know what a scope is made of. The app that keeps users' scope grants registers a
*resolver* (`register_resolver`); a policy names, for each kind of target the resolver understands,
the lookup that reaches that target from the model, e.g. ``{"province": "regency__province_id",
"regency": "regency_id", "centre": "pk"}``. Policies with rules beyond lookups (an assessor sees only
their own assignments) subclass `ScopePolicy` and override `q`.

A deliberate read outside any user's scope (a selection computed on the whole round, programme-wide
analytics, public pages) says so: `Model.objects.unscoped(reason="…")` — greppable, with its reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q

from inkubator.core.permissions import role_has_permission

NOTHING = Q(pk__in=[])


class Resolver(Protocol):
    """What the scope-grant app tells core about a user's scope."""

    def unrestricted(self, user) -> bool:
        """May the user see every record (national roles, national grants, superusers)?"""

    def q(self, user, lookups: Mapping[str, str]) -> Q | None:
        """A Q over a model reached through `lookups` (target kind -> lookup); None = no restriction."""

    def covers(self, user, targets: Mapping[str, object]) -> bool:
        """Does the user's scope include one of `targets` (target kind -> value)?"""


_resolver: Resolver | None = None


def register_resolver(resolver: Resolver) -> None:
    global _resolver
    _resolver = resolver


def resolver() -> Resolver:
    if _resolver is None:
        raise ImproperlyConfigured("No scope resolver registered: install the app that keeps scope grants.")
    return _resolver


def is_nothing(q: Q | None) -> bool:
    return q is not None and q == NOTHING


def unrestricted(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and resolver().unrestricted(user)


class ScopePolicy:
    """How a user's scope reaches one model: a lookup per target kind (override `q` for more)."""

    def __init__(self, **lookups: str):
        self.lookups = lookups

    def q(self, user, perm: str) -> Q | None:
        """Q selecting the rows `user` may use under `perm`; None means every row."""
        if not role_has_permission(user, perm):
            return NOTHING
        return resolver().q(user, self.lookups)

    def allows(self, user, perm: str, **targets) -> bool:
        """Does the user's scope, under `perm`, include one of these targets (by value, no query of the model)?"""
        if not role_has_permission(user, perm):
            return False
        return resolver().covers(
            user, {k: v for k, v in targets.items() if k in self.lookups and v is not None}
        )

    def allows_any(self, user, perm: str) -> bool:
        """Could the user's scope include any row at all (e.g. a region to create records in)?"""
        return not is_nothing(self.q(user, perm))


def apply(queryset, q: Q | None):
    """Filter a queryset by a scope Q (None = everything)."""
    if q is None:
        return queryset
    if is_nothing(q):
        return queryset.none()
    return queryset.filter(q)


class ScopedQuerySet(models.QuerySet):
    """The queryset of every scoped model: `visible_to` applies the model's `scope_policy`."""

    def visible_to(self, user, perm: str):
        return apply(self, self.model.scope_policy.q(user, perm))

    def unscoped(self, *, reason: str):
        """Every row, whoever asks: a deliberate read outside any user's scope; `reason` says why."""
        if not reason or not reason.strip():
            raise ValueError("an unscoped read must give its reason")
        return self.all()
