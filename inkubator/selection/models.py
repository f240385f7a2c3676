"""Selection of incubators: weight sets, selection runs with frozen inputs and hashed outputs, decisions.

The criteria of a selection are the dimensions of the round's instrument; the scores are the round's
consolidated dimension scores (verified assessments only). A run stores everything it used (the
snapshot) and everything it produced, with a SHA-256 of each, so it can be re-run and checked.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class WeightSource(models.TextChoices):
    INSTRUMENT = "instrument", _("Instrument weights")
    AHP = "ahp", _("AHP (expert pairwise judgements)")
    ENTROPY = "entropy", _("Entropy (objective)")
    CRITIC = "critic", _("CRITIC (objective)")
    MANUAL = "manual", _("Entered by hand")


class Method(models.TextChoices):
    SAW = "saw", _("SAW (simple additive weighting)")
    TOPSIS = "topsis", _("TOPSIS")


class RunStatus(models.TextChoices):
    DONE = "done", _("Computed")
    PUBLISHED = "published", _("Published as a decision")


class WeightSet(models.Model):
    """Weights over an instrument's dimensions, normalised to sum 1, versioned by name."""

    name = models.CharField(_("name"), max_length=200)
    version = models.PositiveIntegerField(_("version"), default=1)
    instrument = models.ForeignKey(
        "assessment.Instrument",
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="weight_sets",
    )
    source = models.CharField(_("source"), max_length=12, choices=WeightSource.choices)
    weights = models.JSONField(_("weights"))  # {dimension code: "0.150000"} in instrument order, sum 1
    details = models.JSONField(_("details"), default=dict, blank=True)  # AHP matrices, CR, basis round…
    basis_round = models.ForeignKey(
        "assessment.AssessmentRound",
        verbose_name=_("computed from round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("weight set")
        verbose_name_plural = _("weight sets")
        ordering = ["name", "-version"]
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="weightset_unique_version")]

    def __str__(self):
        return f"{self.name} v{self.version}"


class SelectionRun(models.Model):
    """One computation: inputs frozen at creation, outputs stored, both hashed. Never edited."""

    name = models.CharField(_("name"), max_length=200)
    round = models.ForeignKey(
        "assessment.AssessmentRound",
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        related_name="selection_runs",
    )
    weight_set = models.ForeignKey(
        WeightSet, verbose_name=_("weight set"), on_delete=models.PROTECT, related_name="runs"
    )
    method = models.CharField(_("method"), max_length=10, choices=Method.choices, default=Method.SAW)
    normalization = models.CharField(_("normalisation"), max_length=10, blank=True)
    n = models.PositiveIntegerField(
        _("how many to select"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    constraints = models.JSONField(_("constraints"), default=dict, blank=True)
    seed = models.PositiveIntegerField(_("random seed"), default=2024)
    draws = models.PositiveIntegerField(
        _("sensitivity draws"), default=2000, validators=[MaxValueValidator(100000)]
    )
    concentration = models.DecimalField(
        _("Dirichlet concentration"), max_digits=8, decimal_places=2, default=100
    )
    inputs = models.JSONField(_("frozen inputs"))
    outputs = models.JSONField(_("outputs"))
    input_hash = models.CharField(_("input hash (SHA-256)"), max_length=64)
    output_hash = models.CharField(_("output hash (SHA-256)"), max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.DONE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("selection run")
        verbose_name_plural = _("selection runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.name


class Decision(models.Model):
    """A published selection run: the ministry's decision. Once published, neither it nor its run changes."""

    run = models.OneToOneField(
        SelectionRun, verbose_name=_("selection run"), on_delete=models.PROTECT, related_name="decision"
    )
    title = models.CharField(_("title"), max_length=300)
    reference = models.CharField(_("decree number"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-published_at"]

    def __str__(self):
        return self.title


# --- Grand Design analytics: reference data and roadmap assumptions ---------------------------------


class UnemploymentRate(models.Model):
    """Open unemployment rate (TPT) of a province in one year, with where the number came from."""

    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="unemployment_rates",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1976), MaxValueValidator(2100)]
    )
    rate = models.DecimalField(
        _("open unemployment rate (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    source = models.TextField(_("source"), help_text=_("Publisher, survey and round, with an address."))

    class Meta:
        verbose_name = _("open unemployment rate")
        verbose_name_plural = _("open unemployment rates")
        ordering = ["province", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["province", "year"], name="unemploymentrate_unique_year")
        ]

    def __str__(self):
        return f"{self.province_id} {self.year}: {self.rate}%"


class RoadmapScenario(models.Model):
    """Stated assumptions of a roadmap: incubators per year and what each produces (see analytics.roadmap)."""

    name = models.CharField(_("name"), max_length=200)
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2017), MaxValueValidator(2100)]
    )
    years = models.PositiveSmallIntegerField(
        _("number of years"), default=5, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    incubators_first_year = models.PositiveIntegerField(
        _("incubators in the first year"), validators=[MaxValueValidator(10000)]
    )
    growth_per_year = models.IntegerField(
        _("incubators added per year"),
        default=0,
        validators=[MinValueValidator(-1000), MaxValueValidator(1000)],
        help_text=_("Negative when incubators close."),
    )
    tenants_per_incubator_per_year = models.DecimalField(
        _("tenants per incubator per year"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )
    survival_rate = models.DecimalField(
        _("survival rate (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Share of coached tenants whose business survives after graduation."),
    )
    jobs_per_tenant = models.DecimalField(
        _("jobs per surviving tenant"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    note = models.TextField(_("assumptions and sources"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roadmap scenario")
        verbose_name_plural = _("roadmap scenarios")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def last_year(self) -> int:
        return self.start_year + self.years - 1

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if None in (self.incubators_first_year, self.growth_per_year, self.years):
            return
        last = self.incubators_first_year + self.growth_per_year * (self.years - 1)
        if last < 0:
            raise ValidationError(
                {
                    "growth_per_year": _(
                        "With this decline the number of incubators would fall below zero in the last year (%(n)s)."
                    )
                    % {"n": last}
                }
            )
