"""Versioned instruments: dimensions → indicators → options (scale, choice, yes/no) or bands (number).

An instrument is frozen as soon as a round uses it; changing it means copying it into a new version.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inkubator.assessment.choices import IndicatorKind
from inkubator.core.models import TimeStampedModel

CODE_VALIDATOR = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9_.-]{0,19}$",
    _("Use 1–20 letters, digits, dots, dashes or underscores, starting with a letter (e.g. A1)."),
)
WEIGHT = {"max_digits": 8, "decimal_places": 4, "validators": [MinValueValidator(Decimal("0"))]}


def _bilingual(obj, field: str) -> str:
    """The English text when the interface is English and it is filled in, else the Indonesian."""
    if (get_language() or "id").startswith("en"):
        return getattr(obj, f"{field}_en") or getattr(obj, field)
    return getattr(obj, field)


class Instrument(TimeStampedModel):
    """A versioned questionnaire. Frozen (read-only) once a round uses it."""

    code = models.SlugField(_("code"), max_length=40)
    version = models.PositiveIntegerField(_("version"), default=1)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_versions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="instrument_unique_version")]

    def __str__(self):
        return f"{self.name} (v{self.version})"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def label(self) -> str:
        return _bilingual(self, "name")


class Dimension(models.Model):
    """A weighted part of an instrument, holding its indicators."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="dimensions")
    code = models.CharField(_("code"), max_length=20, validators=[CODE_VALIDATOR])
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    weight = models.DecimalField(_("weight"), **WEIGHT)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["instrument", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["instrument", "code"], name="dimension_unique_code")]

    def __str__(self):
        return f"{self.code}. {self.name}"

    @property
    def label(self) -> str:
        return _bilingual(self, "name")


class Indicator(models.Model):
    """One question of an instrument, scored from its options (scale, choice, yes/no) or bands (number)."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="indicators")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=20, validators=[CODE_VALIDATOR])
    kind = models.CharField(_("type"), max_length=10, choices=IndicatorKind.choices)
    question = models.TextField(_("question"))
    question_en = models.TextField(_("question in English"), blank=True)
    guidance = models.TextField(_("guidance for the assessor"), blank=True)
    guidance_en = models.TextField(_("guidance in English"), blank=True)
    weight = models.DecimalField(_("weight within the dimension"), **WEIGHT)
    required = models.BooleanField(_("answer required"), default=True)
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    unit_en = models.CharField(_("unit in English"), max_length=40, blank=True)
    min_value = models.DecimalField(_("minimum"), max_digits=14, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=14, decimal_places=2, null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["instrument", "dimension__position", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["instrument", "code"], name="indicator_unique_code")]

    def __str__(self):
        return f"{self.code}. {self.question[:80]}"

    @property
    def label(self) -> str:
        return _bilingual(self, "question")

    @property
    def hint(self) -> str:
        return _bilingual(self, "guidance")

    @property
    def unit_label(self) -> str:
        return _bilingual(self, "unit")

    @property
    def is_scored(self) -> bool:
        return self.kind != IndicatorKind.TEXT

    @property
    def has_options(self) -> bool:
        return self.kind in (IndicatorKind.SCALE, IndicatorKind.CHOICE, IndicatorKind.YES_NO)


class IndicatorOption(models.Model):
    """A level of a scale (with its anchored description), an option of a choice, or yes/no."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="options")
    value = models.CharField(_("value"), max_length=40)
    label = models.CharField(_("label"), max_length=500)
    label_en = models.CharField(_("label in English"), max_length=500, blank=True)
    score = models.DecimalField(_("points"), max_digits=10, decimal_places=4)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["indicator", "position"]
        constraints = [models.UniqueConstraint(fields=["indicator", "value"], name="option_unique_value")]

    def __str__(self):
        return f"{self.value}: {self.label}"

    @property
    def text(self) -> str:
        return _bilingual(self, "label")


class ScoreBand(models.Model):
    """A range of a number indicator and its points: lower inclusive, upper exclusive (empty = open)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="bands")
    lower = models.DecimalField(_("from"), max_digits=14, decimal_places=2, null=True, blank=True)
    upper = models.DecimalField(_("below"), max_digits=14, decimal_places=2, null=True, blank=True)
    score = models.DecimalField(_("points"), max_digits=10, decimal_places=4)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("scoring band")
        verbose_name_plural = _("scoring bands")
        ordering = ["indicator", "position"]

    def __str__(self):
        return f"[{self.lower}, {self.upper}) → {self.score}"
