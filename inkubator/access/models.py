"""Who may reach which centres: partner clusters and users' scope grants.

These sit above the registry because they name centres; core's scoping asks this app (through
`resolver.GrantResolver`) what a user's grants cover.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Cluster(models.Model):
    """A partner's cluster (klaster) of centres for one year of work."""

    partner = models.ForeignKey(
        "accounts.PartnerOrganisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="clusters",
    )
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    centres = models.ManyToManyField(
        "centres.Centre", verbose_name=_("centres"), related_name="clusters", blank=True
    )

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "name", "year"], name="cluster_unique_name")
        ]

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
        "regions.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("regency/city"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("cluster"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="grants",
    )
    centre = models.ForeignKey(
        "centres.Centre",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
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
                raise ValidationError(
                    {name: _("Choose the %(target)s this grant covers.") % {"target": name}}
                )
            if name != needed and value is not None:
                raise ValidationError(
                    {name: _("A %(kind)s grant does not take this field.") % {"kind": self.kind}}
                )
