"""Evidence: photos and PDFs proving answers, stored outside the static files, never at a public URL."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkubator.assessment.models.assessments import Assessment
from inkubator.assessment.models.instruments import Indicator
from inkubator.assessment.scoping import AssessmentPolicy
from inkubator.core.scoping import ScopedQuerySet


def evidence_storage():
    """Evidence lives under MEDIA_ROOT/evidence (never under static files) and has no public URL."""
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT) / "evidence", base_url=None)


def evidence_path(instance, filename):
    # The stored name never uses the uploader's file name (kept in original_name): only ids and a hash.
    return f"round-{instance.assessment.round_id}/a{instance.assessment_id}/{instance.sha256[:16]}{instance.extension}"


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

    scope_policy = AssessmentPolicy("assessment__")
    objects = ScopedQuerySet.as_manager()

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
        return {
            "image/jpeg": ".jpg",
            "image/png": ".png",
            "image/webp": ".webp",
            "application/pdf": ".pdf",
        }.get(self.content_type, ".bin")
