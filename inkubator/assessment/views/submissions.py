"""Pages for importing field submissions (KoboToolbox / ODK Central exports) into a round.

Upload → a job checks the file (dry run) and lists what would be imported and every error by row and
column → "Import" starts a second job that writes all rows in one transaction or none (core.imports).
Only round managers who may manage the round (`ROUND_MANAGE`, `visible_to`).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkubator.assessment.forms import SubmissionUploadForm
from inkubator.assessment.models import AssessmentRound
from inkubator.assessment.permissions import ROUND_MANAGE
from inkubator.assessment.submissions import JOB_KIND
from inkubator.core.http import render_page_or_fragment
from inkubator.core.imports import views as import_views
from inkubator.core.permissions import role_has_permission


def _round_or_404(request, pk) -> AssessmentRound:
    if not role_has_permission(request.user, ROUND_MANAGE):
        raise PermissionDenied
    rnd = (
        AssessmentRound.objects.visible_to(request.user, ROUND_MANAGE)
        .select_related("instrument")
        .filter(pk=pk)
        .first()
    )
    if rnd is None:
        raise Http404
    return rnd


@login_required
def submission_import(request, pk):
    """Upload an export; a job checks it (nothing is written) and shows the outcome."""
    rnd = _round_or_404(request, pk)
    form = SubmissionUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_views.start_check(
            request, job_kind=JOB_KIND, params={"round": rnd.pk}, upload=form.cleaned_data["file"]
        )
        return redirect("assessment:submission_import_detail", pk=rnd.pk, uuid=job.uuid)
    recent = import_views.recent_jobs(request, job_kind=JOB_KIND, round=rnd.pk)
    return render(
        request,
        "assessment/submission_import.html",
        {"round": rnd, "form": form, "recent": recent},
        status=422 if form.errors else 200,
    )


@login_required
def submission_import_detail(request, pk, uuid):
    """The job's progress, then the rows it would import (or did import) and every error."""
    rnd = _round_or_404(request, pk)
    job = import_views.own_job(request, job_kind=JOB_KIND, uuid=uuid, round=rnd.pk)
    context = {
        "round": rnd,
        **import_views.status_context(
            job,
            commit_url=reverse("assessment:submission_import_commit", args=[rnd.pk, job.uuid]),
            done_url=reverse("assessment:round_detail", args=[rnd.pk]),
            done_label=_("Back to the round"),
        ),
    }
    return render_page_or_fragment(
        request, "assessment/submission_import_detail.html", "core/partials/_import_status.html", context
    )


@login_required
@require_POST
def submission_import_commit(request, pk, uuid):
    """Write a checked file: a new job, all rows in one transaction or none."""
    rnd = _round_or_404(request, pk)
    checked = import_views.own_job(request, job_kind=JOB_KIND, uuid=uuid, round=rnd.pk)
    job = import_views.start_commit(request, checked)
    return redirect("assessment:submission_import_detail", pk=rnd.pk, uuid=(job or checked).uuid)
