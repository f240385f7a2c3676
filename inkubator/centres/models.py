"""The BLK Komunitas registry: host institutions, centres, vocations, grants and training outputs."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkubator.centres.choices import (
    Accreditation,
    CentreStatus,
    GrantKind,
    GrantStatus,
    HostKind,
    MaturityClass,
)
from inkubator.centres.querysets import CentreQuerySet
from inkubator.centres.scoping import HostPolicy, via_centre
from inkubator.core.models import TimeStampedModel
from inkubator.core.scoping import ScopedQuerySet

CODE_VALIDATOR = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9./-]{2,29}$",
    _("Use 3–30 letters, digits, dots, slashes or dashes (e.g. the VIN 1912321401)."),
)


class Vocation(models.Model):
    """A vocational field (kejuruan) from Kemnaker's list; editable by national admins."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("vocation (kejuruan)")
        verbose_name_plural = _("vocations (kejuruan)")
        ordering = ["name"]

    def __str__(self):
        return self.name


class HostInstitution(TimeStampedModel):
    """The body that hosts a centre (lembaga induk / yayasan): a pesantren, seminary, union and so on."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=HostKind.choices)
    foundation = models.CharField(_("legal foundation (yayasan)"), max_length=200, blank=True)
    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("regency/city"), on_delete=models.PROTECT, related_name="hosts"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    scope_policy = HostPolicy()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("host institution")
        verbose_name_plural = _("host institutions")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "regency"], name="host_unique_name_regency")]

    def __str__(self):
        return self.name


class Centre(TimeStampedModel):
    """A BLK Komunitas: a community training centre funded by Kemnaker and run by its host."""

    code = models.CharField(_("code (VIN)"), max_length=30, unique=True, validators=[CODE_VALIDATOR])
    name = models.CharField(_("name"), max_length=200)
    host = models.ForeignKey(
        HostInstitution, verbose_name=_("host institution"), on_delete=models.PROTECT, related_name="centres"
    )
    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("regency/city"), on_delete=models.PROTECT, related_name="centres"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-11.5), MaxValueValidator(6.5)],
        help_text=_("Between -11.5 and 6.5 (Indonesia)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(94.5), MaxValueValidator(141.5)],
        help_text=_("Between 94.5 and 141.5 (Indonesia)."),
    )
    established_year = models.PositiveSmallIntegerField(
        _("construction grant year"), validators=[MinValueValidator(2017), MaxValueValidator(2100)]
    )
    vocation = models.ForeignKey(
        Vocation, verbose_name=_("vocation (kejuruan)"), on_delete=models.PROTECT, related_name="centres"
    )
    instructors = models.PositiveSmallIntegerField(
        _("instructors"), default=0, validators=[MaxValueValidator(500)]
    )
    facilities = models.TextField(_("facilities"), blank=True)
    licence_number = models.CharField(_("operating licence number"), max_length=100, blank=True)
    accreditation = models.CharField(
        _("accreditation (LA-LPK)"), max_length=1, choices=Accreditation.choices, blank=True
    )
    maturity_class = models.CharField(
        _("maturity class"), max_length=12, choices=MaturityClass.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CentreStatus.choices, default=CentreStatus.ACTIVE
    )
    deactivation_reason = models.CharField(_("reason for deactivation"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    scope_policy = via_centre()
    objects = CentreQuerySet.as_manager()

    class Meta:
        verbose_name = _("BLK Komunitas")
        verbose_name_plural = _("BLK Komunitas")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "name"]),
            models.Index(fields=["regency", "status"]),
            models.Index(fields=["maturity_class"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"


class Grant(TimeStampedModel):
    """Government assistance (bantuan) a centre received or is planned to receive."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.PROTECT, related_name="grants"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=GrantKind.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2017), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(
        _("amount (Rp)"),
        max_digits=15,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100_000_000_000)],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GrantStatus.choices, default=GrantStatus.RECEIVED
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    scope_policy = via_centre("centre")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant (bantuan)")
        verbose_name_plural = _("grants (bantuan)")
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "kind", "year"], name="grant_unique_kind_year")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"


class TrainingOutput(TimeStampedModel):
    """What a centre trained in one year: packages run and graduates."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.PROTECT, related_name="outputs"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2017), MaxValueValidator(2100)]
    )
    packages = models.PositiveSmallIntegerField(_("training packages"), validators=[MaxValueValidator(1000)])
    graduates = models.PositiveIntegerField(_("graduates"), validators=[MaxValueValidator(100000)])

    scope_policy = via_centre("centre")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("training output")
        verbose_name_plural = _("training outputs")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["centre", "year"], name="output_unique_year")]

    def __str__(self):
        return f"{self.year}: {self.graduates}"
