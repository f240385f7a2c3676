"""The one scoping mechanism: which centres (and records hanging off them) a user may act on.

Every list, detail, form choice, export, import and API endpoint reaches data through
`<Model>.objects.visible_to(user, perm)`; those querysets call `centre_scope_q` below. A user's scope is
the union of their scope grants (national, province, regency, partner cluster, one centre); the
national roles see everything. Without the permission for the action, a user sees nothing.
"""

from __future__ import annotations

from django.db.models import Q

from inkubator.core.permissions import Role, role_has_permission

NOTHING = Q(pk__in=[])


def _grants(user):
    cached = getattr(user, "_inkubator_scope_grants", None)
    if cached is None:
        cached = list(user.scope_grants.all())
        user._inkubator_scope_grants = cached
    return cached


def is_national(user) -> bool:
    """National roles, superusers and holders of a national grant see every centre."""
    if user.is_superuser or user.role in Role.NATIONAL:
        return True
    return any(g.kind == "national" for g in _grants(user))


def centre_scope_q(user, perm: str, *, centre_path: str = "") -> Q | None:
    """Q selecting the centres `user` may use under `perm`; None means no restriction.

    `centre_path` is the lookup from the queried model to the centre ("" for Centre itself,
    "centre" for a grant, and so on).
    """
    if not role_has_permission(user, perm):
        return NOTHING
    if is_national(user):
        return None
    from inkubator.accounts.models import Cluster

    p = f"{centre_path}__" if centre_path else ""
    q = NOTHING
    for grant in _grants(user):
        if grant.kind == "province":
            q |= Q(**{f"{p}regency__province_id": grant.province_id})
        elif grant.kind == "regency":
            q |= Q(**{f"{p}regency_id": grant.regency_id})
        elif grant.kind == "cluster":
            members = Cluster.centres.through.objects.filter(cluster_id=grant.cluster_id).values("centre_id")
            q |= Q(**{f"{p}pk__in": members})
        elif grant.kind == "centre":
            q |= Q(**{f"{p}pk": grant.centre_id})
    return q


def region_scope_q(user, perm: str, *, regency_path: str = "regency") -> Q | None:
    """Q selecting records by their own regency: only national, province and regency grants count."""
    if not role_has_permission(user, perm):
        return NOTHING
    if is_national(user):
        return None
    q = NOTHING
    for grant in _grants(user):
        if grant.kind == "province":
            q |= Q(**{f"{regency_path}__province_id": grant.province_id})
        elif grant.kind == "regency":
            q |= Q(**{f"{regency_path}_id": grant.regency_id})
    return q


def regency_in_scope(user, perm: str, regency) -> bool:
    """May `user` place a record in `regency` (create it there, or move it there)?

    Only national, province and regency grants allow this: a cluster or one-centre grant never lets a
    user create centres elsewhere.
    """
    if regency is None or not role_has_permission(user, perm):
        return False
    if is_national(user):
        return True
    for grant in _grants(user):
        if grant.kind == "province" and grant.province_id == regency.province_id:
            return True
        if grant.kind == "regency" and grant.regency_id == regency.pk:
            return True
    return False


def can_place_anywhere(user, perm: str) -> bool:
    """Has the user any region where they may create records (national, province or regency grant)?"""
    if not role_has_permission(user, perm):
        return False
    return is_national(user) or any(g.kind in ("province", "regency") for g in _grants(user))


def apply(queryset, q: Q | None):
    """Filter a queryset by a scope Q (None = everything)."""
    if q is None:
        return queryset
    if q == NOTHING:
        return queryset.none()
    return queryset.filter(q)


class ScopedQuerySet:
    """Mixin for domain querysets: subclasses say how to reach the centre."""

    centre_path = ""

    def visible_to(self, user, perm: str):
        return apply(self, centre_scope_q(user, perm, centre_path=self.centre_path))
