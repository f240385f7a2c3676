"""Readiness assessment: versioned instruments, rounds, assessments with answers and evidence.

An instrument (dimensions → indicators → options/bands) is frozen as soon as a round uses it;
changing it means copying it into a new version. An `Assessment` is one assessor's work on one centre
in one round: it is created when the assessor is assigned (status "assigned") and carries the answers,
the evidence files and the computed scores. Scores are never typed in: `services.assessment_rescore`
computes them from the answers (see `scoring.py`).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inkubator.assessment.choices import (
    AssessmentStatus,
    ConsolidationRule,
    IndicatorKind,
    ReadinessClass,
    RoundStatus,
)
from inkubator.assessment.querysets import AssessmentChildQuerySet, AssessmentQuerySet, RoundQuerySet
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
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="next_versions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
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


class AssessmentRound(TimeStampedModel):
    """One field assessment campaign: an instrument version, centres in scope, assessors, due dates."""

    name = models.CharField(_("name"), max_length=200)
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="rounds"
    )
    partner = models.ForeignKey(
        "accounts.PartnerOrganisation", verbose_name=_("partner organisation"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="rounds",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    due_on = models.DateField(_("assessments due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    centres = models.ManyToManyField(
        "centres.Centre", verbose_name=_("centres"), related_name="assessment_rounds", blank=True
    )
    threshold_ready = models.DecimalField(
        _("threshold for “Ready”"), max_digits=5, decimal_places=2, default=Decimal("70"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    threshold_assisted = models.DecimalField(
        _("threshold for “Ready with mentoring”"), max_digits=5, decimal_places=2, default=Decimal("50"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    consolidation_rule = models.CharField(
        _("consolidation rule"), max_length=10, choices=ConsolidationRule.choices,
        default=ConsolidationRule.MEDIAN,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="round_period_order"),
            models.CheckConstraint(
                condition=models.Q(threshold_ready__gte=models.F("threshold_assisted")), name="round_threshold_order"
            ),
        ]

    def __str__(self):
        return self.name

    def readiness_class(self, composite: Decimal | None) -> str:
        if composite is None:
            return ""
        if composite >= self.threshold_ready:
            return ReadinessClass.READY
        if composite >= self.threshold_assisted:
            return ReadinessClass.ASSISTED
        return ReadinessClass.NOT_READY


def evidence_storage():
    """Evidence lives under MEDIA_ROOT/evidence (never under static files) and has no public URL."""
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT) / "evidence", base_url=None)


def evidence_path(instance, filename):
    # The stored name never uses the uploader's file name (kept in original_name): only ids and a hash.
    return f"round-{instance.assessment.round_id}/a{instance.assessment_id}/{instance.sha256[:16]}{instance.extension}"


class Assessment(models.Model):
    """One assessor's assessment of one centre in one round (created when the assessor is assigned)."""

    round = models.ForeignKey(AssessmentRound, verbose_name=_("round"), on_delete=models.PROTECT, related_name="assessments")
    centre = models.ForeignKey(
        "centres.Centre", verbose_name=_("centre"), on_delete=models.PROTECT, related_name="assessments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessor"), on_delete=models.PROTECT, related_name="assessments"
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.ASSIGNED
    )
    version = models.PositiveIntegerField(default=1)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-11.5), MaxValueValidator(6.5)],
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(94), MaxValueValidator(142)],
    )
    location_accuracy = models.DecimalField(
        _("location accuracy (m)"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    general_note = models.TextField(_("general note"), blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="reviewed_assessments",
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, default="web")  # web | xlsform import
    external_id = models.CharField(_("submission id"), max_length=100, blank=True)
    composite_score = models.DecimalField(_("readiness index"), max_digits=6, decimal_places=2, null=True, blank=True)
    readiness_class = models.CharField(_("readiness class"), max_length=10, choices=ReadinessClass.choices, blank=True)
    dimension_scores = models.JSONField(_("dimension scores"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["round", "centre__name", "assessor__username"]
        constraints = [
            models.UniqueConstraint(fields=["round", "centre", "assessor"], name="assessment_unique_assignment"),
            models.UniqueConstraint(
                fields=["round", "external_id"], condition=~models.Q(external_id=""), name="assessment_unique_submission"
            ),
        ]

    def __str__(self):
        return f"{self.centre} — {self.assessor} ({self.round})"

    @property
    def is_editable_by_assessor(self) -> bool:
        return self.status in (AssessmentStatus.ASSIGNED, AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)



class Answer(models.Model):
    """The answer to one indicator: `value` (option value), `number` or `text`, with a note and review."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="answers")
    value = models.CharField(_("option"), max_length=40, blank=True)
    number = models.DecimalField(_("number"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    note = models.TextField(_("note"), blank=True)
    score = models.DecimalField(_("score (0–100)"), max_digits=6, decimal_places=2, null=True, blank=True)
    returned = models.BooleanField(_("returned for correction"), default=False)
    return_comment = models.TextField(_("why it was returned"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssessmentChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="answer_unique_indicator")]

    def __str__(self):
        return f"{self.indicator.code}: {self.value or self.number or self.text[:40]}"

    @property
    def is_empty(self) -> bool:
        return self.value == "" and self.number is None and self.text.strip() == ""


class Evidence(models.Model):
    """A photo or PDF proving an answer. Stored outside the static files, served only to users in scope."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, storage=evidence_storage, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=60)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = AssessmentChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["indicator__code", "uploaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator", "sha256"], name="evidence_unique_file")
        ]

    def __str__(self):
        return self.original_name

    @property
    def extension(self) -> str:
        return {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "application/pdf": ".pdf"}.get(
            self.content_type, ".bin"
        )


class Transition(models.Model):
    """Who moved an assessment from one status to another, when, and why."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=AssessmentStatus.choices)
    to_status = models.CharField(max_length=10, choices=AssessmentStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)
    indicators = models.JSONField(default=list, blank=True)  # codes returned with this transition

    objects = AssessmentChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["assessment", "at", "pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class ImportedSubmission(models.Model):
    """Every field submission id ever imported into a round: the same submission is never imported twice,
    even after a newer one replaced its answers (`Assessment.external_id` keeps only the latest)."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.PROTECT, related_name="imported_submissions")
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="imported_submissions")
    external_id = models.CharField(_("submission id"), max_length=100)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("imported submission")
        verbose_name_plural = _("imported submissions")
        constraints = [models.UniqueConstraint(fields=["round", "external_id"], name="imported_submission_unique")]

    def __str__(self):
        return self.external_id
