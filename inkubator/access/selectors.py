"""Reads of user administration: accounts with their scope grants."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from inkubator.accounts.models import User
from inkubator.accounts.permissions import USERS_MANAGE
from inkubator.core.permissions import role_has_permission


def user_list(*, actor, q: str = ""):
    if not role_has_permission(actor, USERS_MANAGE):
        raise PermissionDenied
    qs = User.objects.select_related("organisation").prefetch_related(
        "scope_grants__province", "scope_grants__regency", "scope_grants__cluster", "scope_grants__centre"
    )
    q = (q or "").strip()[:100]
    if q:
        qs = qs.filter(Q(username__icontains=q) | Q(first_name__icontains=q) | Q(last_name__icontains=q))
    return qs.order_by("username")


def grants_of(person):
    return person.scope_grants.select_related("province", "regency", "cluster", "centre")
