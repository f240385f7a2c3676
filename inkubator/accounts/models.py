"""Users with a role, partner organisations and personal API tokens (scope grants: `inkubator.access`)."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkubator.accounts.roles import Role


class User(AbstractUser):
    """A person using inkubator. What they may do comes from `role`; what they see, from scope grants."""

    role = models.CharField(_("role"), max_length=30, choices=Role.CHOICES, default=Role.NATIONAL_VIEWER)
    organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    # The interface language the person chose (empty: not chosen yet, Indonesian). Read by
    # accounts.middleware.LanguageMiddleware before any cookie; the browser's Accept-Language is ignored.
    language = models.CharField(
        _("interface language"), max_length=8, choices=settings.LANGUAGES, blank=True, default=""
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username


class PartnerOrganisation(models.Model):
    """A partner institution (e.g. IPB, UIN Sunan Ampel) that assesses and mentors a cluster of centres."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        GOVERNMENT = "government", _("Government unit")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UNIVERSITY)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 hash is stored; the key is shown once, at creation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def generate_key() -> str:
        return "ink_" + secrets.token_urlsafe(32)
