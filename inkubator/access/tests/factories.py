"""A helper to make users with a role and scope grants, for every app's tests."""

from inkubator.access.models import ScopeGrant
from inkubator.accounts.models import User


def make_user(
    username, role, *, province=None, regency=None, cluster=None, centre=None, password="s3cret-pass-123"
):
    user = User.objects.create_user(username=username, password=password, role=role)
    if province:
        ScopeGrant.objects.create(user=user, kind="province", province_id=province)
    if regency:
        ScopeGrant.objects.create(user=user, kind="regency", regency_id=regency)
    if cluster:
        ScopeGrant.objects.create(user=user, kind="cluster", cluster=cluster)
    if centre:
        ScopeGrant.objects.create(user=user, kind="centre", centre=centre)
    return user
