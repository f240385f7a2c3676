"""Field submissions imported from ODK/Kobo: every submission id ever imported into a round."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from inkubator.assessment.models.assessments import Assessment
from inkubator.assessment.models.rounds import AssessmentRound


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
        constraints = [
            models.UniqueConstraint(fields=["round", "external_id"], name="imported_submission_unique")
        ]

    def __str__(self):
        return self.external_id
