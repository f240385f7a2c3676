"""Assessment rounds: one field campaign over an instrument version, centres and assessors."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkubator.assessment.choices import ConsolidationRule, ReadinessClass, RoundStatus
from inkubator.assessment.models.instruments import Instrument
from inkubator.assessment.scoping import RoundPolicy
from inkubator.core.models import TimeStampedModel
from inkubator.core.scoping import ScopedQuerySet


class AssessmentRound(TimeStampedModel):
    """One field assessment campaign: an instrument version, centres in scope, assessors, due dates."""

    name = models.CharField(_("name"), max_length=200)
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="rounds"
    )
    partner = models.ForeignKey(
        "accounts.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    due_on = models.DateField(_("assessments due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    centres = models.ManyToManyField(
        "centres.Centre", verbose_name=_("centres"), related_name="assessment_rounds", blank=True
    )
    threshold_ready = models.DecimalField(
        _("threshold for “Ready”"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("70"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    threshold_assisted = models.DecimalField(
        _("threshold for “Ready with mentoring”"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("50"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    consolidation_rule = models.CharField(
        _("consolidation rule"),
        max_length=10,
        choices=ConsolidationRule.choices,
        default=ConsolidationRule.MEDIAN,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    scope_policy = RoundPolicy()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="round_period_order"
            ),
            models.CheckConstraint(
                condition=models.Q(threshold_ready__gte=models.F("threshold_assisted")),
                name="round_threshold_order",
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
