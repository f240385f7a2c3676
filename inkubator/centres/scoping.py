"""How a user's scope reaches the registry's records (the policies of `core.scoping`).

A scope reaches a centre by its province, its regency, or the centre itself (a one-centre grant, or a
partner cluster's member centres). Records hanging off a centre — grants, training outputs and, in
the apps above, assessments and incubators — are reached through their centre (`via_centre`).
Placing a record in a region (registering a centre there, moving one there) needs a province,
regency or national grant: a cluster or one-centre grant never lets a user create centres elsewhere.
"""

from __future__ import annotations

from django.db.models import Q

from inkubator.core.scoping import ScopePolicy, is_nothing


def via_centre(path: str = "") -> ScopePolicy:
    """The policy of a model reached through its centre (`path` = lookup to the centre, "" for a Centre)."""
    if not path:
        return ScopePolicy(province="regency__province_id", regency="regency_id", centre="pk")
    return ScopePolicy(
        province=f"{path}__regency__province_id", regency=f"{path}__regency_id", centre=f"{path}__pk"
    )


# Regencies in which a user may place records (only province, regency and national grants count).
PLACEMENT = ScopePolicy(province="province_id", regency="pk")
# Records placed by their own regency (hosts).
BY_REGION = ScopePolicy(province="regency__province_id", regency="regency_id")


def may_place(user, perm: str, regency) -> bool:
    """May `user` place a record in `regency` (create it there, or move it there)?"""
    return regency is not None and PLACEMENT.allows(
        user, perm, province=regency.province_id, regency=regency.pk
    )


def can_place_anywhere(user, perm: str) -> bool:
    """Has the user any region to create records in (national, province or regency grant)?"""
    return PLACEMENT.allows_any(user, perm)


class HostPolicy(ScopePolicy):
    """Hosts in the user's regions, or hosts of a centre the user can see."""

    def __init__(self):
        super().__init__(**BY_REGION.lookups)

    def q(self, user, perm: str):
        from inkubator.centres.models import Centre

        by_region = BY_REGION.q(user, perm)
        by_centre = Centre.scope_policy.q(user, perm)
        if by_centre is None or by_region is None:
            return None
        if is_nothing(by_centre) and is_nothing(by_region):
            return by_region
        return by_region | Q(pk__in=Centre.objects.filter(by_centre).values("host_id"))
