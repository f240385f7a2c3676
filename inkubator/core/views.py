"""Home page, job progress and the health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from inkubator.centres.selectors import centre_summary
from inkubator.core import permissions as perms
from inkubator.core.models import Job


def home(request):
    context = {}
    if request.user.is_authenticated:
        context["grants"] = list(request.user.scope_grants.select_related("province", "regency", "cluster", "centre"))
        if perms.role_has_permission(request.user, perms.REGISTRY_VIEW):
            context["summary"] = centre_summary(user=request.user)
    return render(request, "core/home.html", context)


def _own_job(request, uuid):
    job = get_object_or_404(Job, uuid=uuid)
    if job.created_by_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    return job


@login_required
def job_detail(request, uuid):
    """The job page; htmx polls the same view and gets the progress fragment until the job ends."""
    job = _own_job(request, uuid)
    template = "core/partials/_job_status.html" if request.headers.get("HX-Request") else "core/job_detail.html"
    return render(request, template, {"job": job})


@login_required
def job_result(request, uuid):
    job = _own_job(request, uuid)
    if not job.result_file:
        raise Http404
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/", 1)[-1])


@require_GET
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
