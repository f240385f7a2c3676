"""Account administration: invitations, roles, deactivation and personal API tokens (grants: `access`)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from inkubator.accounts.models import ApiToken, User
from inkubator.accounts.permissions import USERS_MANAGE
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import role_has_permission


def require_user_admin(actor) -> None:
    """Refuse unless `actor` manages accounts (national admins)."""
    if not role_has_permission(actor, USERS_MANAGE):
        raise PermissionDenied(_("Only national admins manage accounts."))


@transaction.atomic
def user_invite(*, actor, data: dict) -> tuple[User, str]:
    """Create an account without a usable password; returns it and the link where the person sets one."""
    require_user_admin(actor)
    user = User(
        username=data["username"],
        first_name=data.get("first_name", ""),
        last_name=data.get("last_name", ""),
        email=data.get("email", ""),
        role=data["role"],
        organisation=data.get("organisation"),
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit.record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=user,
        before={},
        label=_user_label(user),
        after=_user_snapshot(user),
    )
    return user, invitation_path(user)


def invitation_path(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:invitation", kwargs={"uidb64": uid, "token": token})


def _user_snapshot(user):
    """What the audit keeps of an account: ids and codes only, never names or e-mail (UU PDP)."""
    return {"role": user.role, "is_active": user.is_active, "organisation": user.organisation_id}


def _user_label(user) -> str:
    return f"user #{user.pk}"


@transaction.atomic
def user_update(*, actor, user: User, data: dict) -> User:
    require_user_admin(actor)
    user = User.objects.select_for_update().get(pk=user.pk)
    before = _user_snapshot(user)
    for name in ("first_name", "last_name", "email", "role", "organisation"):
        if name in data:
            setattr(user, name, data[name])
    user.full_clean(exclude=["password"])
    user.save()
    audit.record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        obj=user,
        before=before,
        after=_user_snapshot(user),
        label=_user_label(user),
    )
    return user


@transaction.atomic
def user_set_active(*, actor, user: User, active: bool) -> User:
    require_user_admin(actor)
    if user.pk == actor.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    user = User.objects.select_for_update().get(pk=user.pk)
    before = _user_snapshot(user)
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        user.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    audit.record(
        actor=actor,
        action=AuditEntry.Action.REACTIVATE if active else AuditEntry.Action.DEACTIVATE,
        obj=user,
        before=before,
        after=_user_snapshot(user),
        label=_user_label(user),
    )
    return user


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new personal API token; the plain key is returned once and never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [_("Give the token a name, e.g. the script that uses it.")]})
    if user.api_tokens.filter(revoked_at__isnull=True).count() >= 20:
        raise ValidationError({"name": [_("You have 20 active tokens; revoke one first.")]})
    key = ApiToken.generate_key()
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=key[:12], key_hash=ApiToken.hash_key(key)
    )
    return token, key


@transaction.atomic
def token_revoke(*, user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
    if token is None:
        raise PermissionDenied(_("This token is not yours."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_authenticate(key: str) -> User | None:
    """The active user owning an unrevoked token with this key, or None."""
    if not key or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def user_set_language(*, user: User, language: str) -> User:
    """Remember the interface language a person chose on their own account.

    A personal preference like `last_login`, not a programme record: not audited. Unknown codes are refused.
    """
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": [_("Choose one of the offered languages.")]})
    if user.language != language:
        User.objects.filter(pk=user.pk).update(language=language)
        user.language = language
    return user
