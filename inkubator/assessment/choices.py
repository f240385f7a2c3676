"""Fixed vocabularies of the readiness assessment."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorKind(models.TextChoices):
    SCALE = "scale", _("Scale with anchored levels")
    NUMBER = "number", _("Number with scoring bands")
    YES_NO = "yes_no", _("Yes/no")
    CHOICE = "choice", _("Single choice")
    TEXT = "text", _("Free text (not scored)")


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AssessmentStatus(models.TextChoices):
    """assigned → draft → submitted → verified, or submitted → returned → submitted …"""

    ASSIGNED = "assigned", _("Assigned")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    VERIFIED = "verified", _("Verified")


class ReadinessClass(models.TextChoices):
    READY = "ready", _("Ready")
    ASSISTED = "assisted", _("Ready with mentoring")
    NOT_READY = "not_ready", _("Not ready")


class ConsolidationRule(models.TextChoices):
    MEDIAN = "median", _("Median of the assessors' scores")
    MEAN = "mean", _("Mean of the assessors' scores")
