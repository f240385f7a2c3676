"""Pages for importing field submissions (KoboToolbox / ODK Central exports) into a round.

Upload → a job checks the file (dry run) and lists what would be imported and every error by row and
column → "Import" starts a second job that writes all rows in one transaction or none. Only round
managers who may manage the round (`perms.ROUND_MANAGE`, `visible_to`).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import AssessmentRound
from inkubator.core import jobs
from inkubator.core import permissions as perms
from inkubator.core.models import Job

JOB_KIND = "submission_import"


class SubmissionUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Export of the submissions (CSV, XLSX or JSON)"),
        help_text=gettext_lazy("From ODK Central (CSV or OData JSON) or KoboToolbox (CSV, XLSX or JSON), with the "
                               "form's field names as headers."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.INKUBATOR_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


def _round_or_404(request, pk) -> AssessmentRound:
    if not perms.role_has_permission(request.user, perms.ROUND_MANAGE):
        raise PermissionDenied
    rnd = AssessmentRound.objects.visible_to(request.user, perms.ROUND_MANAGE).select_related("instrument").filter(
        pk=pk).first()
    if rnd is None:
        raise Http404
    return rnd


def _own_job(request, rnd, uuid) -> Job:
    job = Job.objects.filter(uuid=uuid, kind=JOB_KIND, created_by=request.user, params__round=rnd.pk).first()
    if job is None:
        raise Http404
    return job


def _with_labels(job: Job) -> list[dict]:
    labels = dict(AssessmentStatus.choices)
    return [{**row, "status_label": labels.get(row.get("status"), row.get("status"))}
            for row in (job.result or {}).get("preview", [])]


@login_required
def submission_import(request, pk):
    """Upload an export; a job checks it (nothing is written) and shows the outcome."""
    rnd = _round_or_404(request, pk)
    form = SubmissionUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = jobs.job_create(
            kind=JOB_KIND, actor=request.user,
            params={"round": rnd.pk, "dry_run": True, "filename": upload.name[:200]}, input_file=upload,
        )
        return redirect("assessment:submission_import_detail", pk=rnd.pk, uuid=job.uuid)
    recent = Job.objects.filter(created_by=request.user, kind=JOB_KIND, params__round=rnd.pk)[:10]
    return render(request, "assessment/submission_import.html", {"round": rnd, "form": form, "recent": recent},
                  status=422 if form.errors else 200)


@login_required
def submission_import_detail(request, pk, uuid):
    """The job's progress, then the rows it would import (or did import) and every error."""
    rnd = _round_or_404(request, pk)
    job = _own_job(request, rnd, uuid)
    context = {"round": rnd, "job": job, "preview": _with_labels(job)}
    if request.headers.get("HX-Request"):
        return render(request, "assessment/partials/_submission_import_status.html", context)
    return render(request, "assessment/submission_import_detail.html", context)


@login_required
@require_POST
def submission_import_commit(request, pk, uuid):
    """Write a checked file: a new job, all rows in one transaction or none."""
    rnd = _round_or_404(request, pk)
    checked = _own_job(request, rnd, uuid)
    if not checked.params.get("dry_run") or checked.status != Job.Status.SUCCEEDED or checked.errors:
        messages.error(request, _("Only a checked file without errors can be imported."))
        return redirect("assessment:submission_import_detail", pk=rnd.pk, uuid=checked.uuid)
    with transaction.atomic():
        job = jobs.job_create(
            kind=JOB_KIND, actor=request.user,
            params={**checked.params, "dry_run": False, "checked_job": str(checked.uuid)},
        )
        job.input_file.name = checked.input_file.name
        job.save(update_fields=["input_file"])
    return redirect("assessment:submission_import_detail", pk=rnd.pk, uuid=job.uuid)
