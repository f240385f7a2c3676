"""What a user's scope grants cover, for core's scoping (`core.scoping.Resolver`).

A user's scope is the union of their grants. National roles, superusers and holders of a `national`
grant are unrestricted. Each grant kind reaches a model through the lookup the model's policy gives
for that target kind: `province` and `regency` grants through "province" and "regency" lookups, a
`centre` grant through the "centre" lookup, and a `cluster` grant through the "centre" lookup of its
member centres. A policy without a lookup for a kind ignores grants of that kind: a cluster or
one-centre grant never lets a user place records in a region.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Q

from inkubator.access.models import Cluster, ScopeGrant
from inkubator.accounts.roles import Role
from inkubator.core.scoping import NOTHING

K = ScopeGrant.Kind


def grants_of(user) -> list[ScopeGrant]:
    """The user's grants, read once per user object (a request's user, a job's actor)."""
    cached = getattr(user, "_inkubator_scope_grants", None)
    if cached is None:
        cached = list(user.scope_grants.all())
        user._inkubator_scope_grants = cached
    return cached


def _members(cluster_id):
    return Cluster.centres.through.objects.filter(cluster_id=cluster_id).values("centre_id")


class GrantResolver:
    def unrestricted(self, user) -> bool:
        if user.is_superuser or user.role in Role.NATIONAL:
            return True
        return any(g.kind == K.NATIONAL for g in grants_of(user))

    def q(self, user, lookups: Mapping[str, str]) -> Q | None:
        if self.unrestricted(user):
            return None
        q = NOTHING
        for grant in grants_of(user):
            if grant.kind == K.PROVINCE and "province" in lookups:
                q |= Q(**{lookups["province"]: grant.province_id})
            elif grant.kind == K.REGENCY and "regency" in lookups:
                q |= Q(**{lookups["regency"]: grant.regency_id})
            elif grant.kind == K.CLUSTER and "centre" in lookups:
                q |= Q(**{f"{lookups['centre']}__in": _members(grant.cluster_id)})
            elif grant.kind == K.CENTRE and "centre" in lookups:
                q |= Q(**{lookups["centre"]: grant.centre_id})
        return q

    def covers(self, user, targets: Mapping[str, object]) -> bool:
        if self.unrestricted(user):
            return True
        for grant in grants_of(user):
            if grant.kind == K.PROVINCE and targets.get("province") == grant.province_id:
                return True
            if grant.kind == K.REGENCY and targets.get("regency") == grant.regency_id:
                return True
            if grant.kind == K.CENTRE and targets.get("centre") == grant.centre_id:
                return True
            if (
                grant.kind == K.CLUSTER
                and targets.get("centre") is not None
                and _members(grant.cluster_id).filter(centre_id=targets["centre"]).exists()
            ):
                return True
        return False
