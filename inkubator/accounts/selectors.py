"""Account reads."""

from inkubator.accounts.models import ApiToken


def token_list(*, user):
    return ApiToken.objects.filter(user=user).order_by("-created_at")
