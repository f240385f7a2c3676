"""What every import page shares: the upload form, the check and commit jobs, the status partial.

An app's views keep their own permission and scope checks and their page templates (breadcrumbs);
they call these helpers for the rest, and include `core/partials/_import_status.html`.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkubator.core import jobs
from inkubator.core.imports.pipeline import importer_class
from inkubator.core.models import Job


class UploadForm(forms.Form):
    """A file to import, refused above the import size limit before anything is stored."""

    file = forms.FileField(label=gettext_lazy("Spreadsheet (XLSX or CSV)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.INKUBATOR_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


def start_check(request, *, job_kind: str, params: dict, upload) -> Job:
    """A job that checks the uploaded file (a dry run: nothing is written)."""
    return jobs.job_create(
        kind=job_kind,
        actor=request.user,
        params={**params, "dry_run": True, "filename": upload.name[:200]},
        input_file=upload,
    )


def own_job(request, *, job_kind: str, uuid, **params) -> Job:
    """The user's own import job of this kind (and with these parameters), or 404."""
    return jobs.own_job(request.user, uuid=uuid, kind=job_kind, **params)


def recent_jobs(request, *, job_kind: str, **params):
    return Job.objects.filter(
        created_by=request.user, kind=job_kind, **{f"params__{k}": v for k, v in params.items()}
    )[:10]


def start_commit(request, checked: Job) -> Job | None:
    """A job that writes a checked file, or None (with a message) when the check did not pass."""
    if not checked.params.get("dry_run") or checked.status != Job.Status.SUCCEEDED or checked.errors:
        messages.error(request, _("Only a checked file without errors can be imported."))
        return None
    with transaction.atomic():
        job = jobs.job_create(
            kind=checked.kind,
            actor=request.user,
            params={**checked.params, "dry_run": False, "checked_job": str(checked.uuid)},
        )
        job.input_file.name = checked.input_file.name
        job.save(update_fields=["input_file"])
    return job


def status_context(job: Job, *, commit_url: str, done_url: str = "", done_label: str = "") -> dict:
    """The context of `core/partials/_import_status.html` for one import job."""
    importer = importer_class(job.kind)
    result = job.result or {}
    dry_run = bool(job.params.get("dry_run"))
    return {
        "job": job,
        "summary": importer.summary(result, dry_run=dry_run) if job.status == Job.Status.SUCCEEDED else "",
        "preview_columns": [label for _key, label in importer.preview_columns],
        "preview_rows": importer.preview_rows(result),
        "commit_url": commit_url,
        "commit_label": importer.commit_label,
        "done_url": done_url,
        "done_label": done_label,
    }
