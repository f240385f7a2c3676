"""One assessor's assessment of one centre in one round, its answers and its status changes.

An `Assessment` is created when the assessor is assigned (status "assigned") and carries the answers,
the evidence files and the computed scores. Scores are never typed in: `services.assessment_rescore`
computes them from the answers (see `scoring.py`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkubator.assessment.choices import AssessmentStatus, ReadinessClass
from inkubator.assessment.models.instruments import Indicator
from inkubator.assessment.models.rounds import AssessmentRound
from inkubator.assessment.scoping import AssessmentPolicy
from inkubator.core.scoping import ScopedQuerySet


class Assessment(models.Model):
    """One assessor's assessment of one centre in one round (created when the assessor is assigned)."""

    round = models.ForeignKey(
        AssessmentRound, verbose_name=_("round"), on_delete=models.PROTECT, related_name="assessments"
    )
    centre = models.ForeignKey(
        "centres.Centre", verbose_name=_("centre"), on_delete=models.PROTECT, related_name="assessments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessor"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.ASSIGNED
    )
    version = models.PositiveIntegerField(default=1)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-11.5), MaxValueValidator(6.5)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(94), MaxValueValidator(142)],
    )
    location_accuracy = models.DecimalField(
        _("location accuracy (m)"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    general_note = models.TextField(_("general note"), blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_assessments",
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, default="web")  # web | xlsform import
    external_id = models.CharField(_("submission id"), max_length=100, blank=True)
    composite_score = models.DecimalField(
        _("readiness index"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    readiness_class = models.CharField(
        _("readiness class"), max_length=10, choices=ReadinessClass.choices, blank=True
    )
    dimension_scores = models.JSONField(_("dimension scores"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_policy = AssessmentPolicy()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["round", "centre__name", "assessor__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "centre", "assessor"], name="assessment_unique_assignment"
            ),
            models.UniqueConstraint(
                fields=["round", "external_id"],
                condition=~models.Q(external_id=""),
                name="assessment_unique_submission",
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

    scope_policy = AssessmentPolicy("assessment__")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="answer_unique_indicator")
        ]

    def __str__(self):
        return f"{self.indicator.code}: {self.value or self.number or self.text[:40]}"

    @property
    def is_empty(self) -> bool:
        return self.value == "" and self.number is None and self.text.strip() == ""


class Transition(models.Model):
    """Who moved an assessment from one status to another, when, and why."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=AssessmentStatus.choices)
    to_status = models.CharField(max_length=10, choices=AssessmentStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)
    indicators = models.JSONField(default=list, blank=True)  # codes returned with this transition

    scope_policy = AssessmentPolicy("assessment__")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["assessment", "at", "pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"
