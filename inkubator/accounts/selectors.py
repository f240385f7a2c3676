"""Account reads."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from inkubator.accounts.models import ApiToken, User
from inkubator.core import permissions as perms


def user_list(*, actor, q: str = ""):
    if not perms.role_has_permission(actor, perms.USERS_MANAGE):
        raise PermissionDenied
    qs = User.objects.select_related("organisation").prefetch_related(
        "scope_grants__province", "scope_grants__regency", "scope_grants__cluster", "scope_grants__centre"
    )
    q = (q or "").strip()[:100]
    if q:
        qs = qs.filter(Q(username__icontains=q) | Q(first_name__icontains=q) | Q(last_name__icontains=q))
    return qs.order_by("username")


def token_list(*, user):
    return ApiToken.objects.filter(user=user).order_by("-created_at")
