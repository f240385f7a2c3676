"""Fixed code lists of the registry (vocations are an editable table instead, see models.Vocation)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HostKind(models.TextChoices):
    PESANTREN = "pesantren", _("Pondok pesantren")
    SEMINARI = "seminari", _("Seminary (seminari)")
    DHAMMASEKHA = "dhammasekha", _("Dhammasekha")
    PASRAMAN = "pasraman", _("Pasraman")
    RELIGIOUS = "religious", _("Other religious body")
    UNION = "union", _("Trade union (SP/SB)")
    COMMUNITY = "community", _("Community organisation")


class MaturityClass(models.TextChoices):
    """Kemnaker's three BLK Komunitas maturity classes."""

    TUMBUH = "tumbuh", _("Tumbuh (growing)")
    BERKEMBANG = "berkembang", _("Berkembang (developing)")
    MANDIRI = "mandiri", _("Mandiri (independent)")


class CentreStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")


class Accreditation(models.TextChoices):
    NONE = "", _("Not accredited")
    A = "A", _("A")
    B = "B", _("B")
    C = "C", _("C")


class GrantKind(models.TextChoices):
    CONSTRUCTION = "construction", _("Workshop construction")
    EQUIPMENT = "equipment", _("Training equipment")
    OPERATIONAL = "operational", _("Institutional operations")
    TRAINING = "training", _("Training programme subsidy")
    ENTREPRENEURSHIP = "entrepreneurship", _("Entrepreneurship aid (TKM)")
    INCUBATOR = "incubator", _("Incubator development")
    OTHER = "other", _("Other")


class GrantStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PLANNED = "planned", _("Planned")
