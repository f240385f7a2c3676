"""Evidence services: attach a photo or PDF to an answer (type sniffed from the content) and remove it."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from inkubator.assessment.models import Answer, Assessment, Evidence
from inkubator.assessment.permissions import ASSESSMENT_FILL
from inkubator.assessment.services.assessments import locked_assessment
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import require

SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)


def sniff_evidence_type(head: bytes) -> str | None:
    """The content type from the file's first bytes (the name and the browser's claim are ignored)."""
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


@transaction.atomic
def evidence_add(*, actor, assessment: Assessment, indicator_code: str, upload) -> Evidence:
    """Attach a photo (JPEG, PNG, WebP) or PDF to an answer. Type from the content, size limited."""
    require(actor, ASSESSMENT_FILL)
    assessment = locked_assessment(actor, assessment, ASSESSMENT_FILL)
    if assessment.assessor_id != actor.pk or not assessment.is_editable_by_assessor:
        raise PermissionDenied(_("Evidence can only be added by the assessor while the assessment is open."))
    indicator = assessment.round.instrument.indicators.filter(code=indicator_code).first()
    if indicator is None:
        raise ValidationError({"indicator": [_("Unknown indicator %(code)s.") % {"code": indicator_code}]})
    limit = settings.INKUBATOR_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {
                "file": [
                    _("%(name)s is larger than %(mb)s MB.")
                    % {"name": upload.name, "mb": limit // (1024 * 1024)}
                ]
            }
        )
    if upload.size == 0:
        raise ValidationError({"file": [_("%(name)s is empty.") % {"name": upload.name}]})
    data = upload.read()
    content_type = sniff_evidence_type(data[:16])
    if content_type is None:
        raise ValidationError(
            {"file": [_("%(name)s is not a photo (JPEG, PNG, WebP) or a PDF.") % {"name": upload.name}]}
        )
    digest = hashlib.sha256(data).hexdigest()
    if assessment.evidence.filter(indicator=indicator, sha256=digest).exists():
        raise ValidationError(
            {"file": [_("This file is already attached to %(code)s.") % {"code": indicator.code}]}
        )
    evidence = Evidence(
        assessment=assessment,
        indicator=indicator,
        original_name=(upload.name or "bukti")[-200:],
        content_type=content_type,
        size=len(data),
        sha256=digest,
        uploaded_by=actor,
    )
    evidence.file.save(f"x{evidence.extension}", ContentFile(data), save=False)
    evidence.save()
    # new evidence answers a return of this indicator (e.g. "the photo does not show the room")
    Answer.objects.filter(assessment=assessment, indicator=indicator, returned=True).update(returned=False)
    audit.record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=evidence,
        before={},
        label=f"evidence #{evidence.pk} of assessment #{assessment.pk}",
    )
    return evidence


@transaction.atomic
def evidence_remove(*, actor, evidence: Evidence) -> None:
    assessment = locked_assessment(actor, evidence.assessment, ASSESSMENT_FILL)
    if assessment.assessor_id != actor.pk or not assessment.is_editable_by_assessor:
        raise PermissionDenied(
            _("Evidence can only be removed by the assessor while the assessment is open.")
        )
    audit.record(
        actor=actor,
        action=AuditEntry.Action.DELETE,
        obj=evidence,
        before=audit.snapshot(evidence),
        after={},
        label=f"evidence #{evidence.pk} of assessment #{assessment.pk}",
    )
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))
