"""The registry import: upload, check (dry run), commit, templates (on core.imports)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from inkubator.centres.forms import (
    ImportUploadForm,
)
from inkubator.centres.importers import JOB_KIND, ROW_KINDS, template_response
from inkubator.centres.permissions import (
    REGISTRY_IMPORT,
)
from inkubator.core.http import render_page_or_fragment
from inkubator.core.imports import views as import_views
from inkubator.core.permissions import require


@login_required
def import_start(request):
    """Upload a spreadsheet; a job checks it (dry run) and shows every error by row and column."""
    require(request.user, REGISTRY_IMPORT)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_views.start_check(
            request,
            job_kind=JOB_KIND,
            params={"kind": form.cleaned_data["kind"]},
            upload=form.cleaned_data["file"],
        )
        return redirect("centres:import_detail", uuid=job.uuid)
    recent = import_views.recent_jobs(request, job_kind=JOB_KIND)
    return render(
        request,
        "centres/import_start.html",
        {"form": form, "recent": recent},
        status=422 if form.errors else 200,
    )


@login_required
def import_detail(request, uuid):
    require(request.user, REGISTRY_IMPORT)
    job = import_views.own_job(request, job_kind=JOB_KIND, uuid=uuid)
    context = import_views.status_context(
        job, commit_url=reverse("centres:import_commit", kwargs={"uuid": job.uuid})
    )
    return render_page_or_fragment(
        request, "centres/import_detail.html", "core/partials/_import_status.html", context
    )


@login_required
@require_POST
def import_commit(request, uuid):
    """Write a checked file: a new job, all rows in one transaction or none."""
    require(request.user, REGISTRY_IMPORT)
    checked = import_views.own_job(request, job_kind=JOB_KIND, uuid=uuid)
    job = import_views.start_commit(request, checked)
    return redirect("centres:import_detail", uuid=(job or checked).uuid)


@login_required
def import_template(request, kind):
    require(request.user, REGISTRY_IMPORT)
    if kind not in ROW_KINDS:
        raise Http404
    return template_response(kind, "csv" if request.GET.get("format") == "csv" else "xlsx")
