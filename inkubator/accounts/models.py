"""Users with a role, partner organisations and their clusters, scope grants and personal API tokens."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkubator.core.permissions import Role


class User(AbstractUser):
    """A person using inkubator. What they may do comes from `role`; what they see, from scope grants."""

    role = models.CharField(_("role"), max_length=30, choices=Role.CHOICES, default=Role.NATIONAL_VIEWER)
    organisation = models.ForeignKey(
        "accounts.PartnerOrganisation", verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="members",
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


class Cluster(models.Model):
    """A partner's cluster (klaster) of centres for one year of work."""

    partner = models.ForeignKey(
        PartnerOrganisation, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="clusters"
    )
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    centres = models.ManyToManyField("centres.Centre", verbose_name=_("centres"), related_name="clusters", blank=True)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["partner", "name", "year"], name="cluster_unique_name")]

    def __str__(self):
        return f"{self.name} ({self.year})"


class ScopeGrant(models.Model):
    """One piece of a user's scope: everything, a province, a regency, a partner cluster or one centre."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCE = "province", _("Province")
        REGENCY = "regency", _("Regency/city")
        CLUSTER = "cluster", _("Partner cluster")
        CENTRE = "centre", _("One centre")

    TARGET_FIELD = {
        Kind.NATIONAL: None,
        Kind.PROVINCE: "province",
        Kind.REGENCY: "regency",
        Kind.CLUSTER: "cluster",
        Kind.CENTRE: "centre",
    }

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scope_grants")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    province = models.ForeignKey(
        "regions.Province", verbose_name=_("province"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("regency/city"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), null=True, blank=True, on_delete=models.CASCADE, related_name="grants"
    )
    centre = models.ForeignKey(
        "centres.Centre", verbose_name=_("centre"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("scope grant")
        verbose_name_plural = _("scope grants")
        ordering = ["kind", "id"]

    def __str__(self):
        target = self.target
        return f"{self.get_kind_display()}: {target}" if target else str(self.get_kind_display())

    @property
    def target(self):
        name = self.TARGET_FIELD.get(self.kind)
        return getattr(self, name) if name else None

    def clean(self):
        needed = self.TARGET_FIELD.get(self.kind)
        for name in ("province", "regency", "cluster", "centre"):
            value = getattr(self, f"{name}_id")
            if name == needed and value is None:
                raise ValidationError({name: _("Choose the %(target)s this grant covers.") % {"target": name}})
            if name != needed and value is not None:
                raise ValidationError({name: _("A %(kind)s grant does not take this field.") % {"kind": self.kind}})


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
