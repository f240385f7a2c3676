"""Job progress, a job's result file and the health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.http import require_GET

from inkubator.core.http import render_page_or_fragment
from inkubator.core.jobs import own_job


@login_required
def job_detail(request, uuid):
    """The job page; htmx polls the same view and gets the progress fragment until the job ends."""
    job = own_job(request.user, uuid=uuid)
    return render_page_or_fragment(
        request, "core/job_detail.html", "core/partials/_job_status.html", {"job": job}
    )


@login_required
def job_result(request, uuid):
    job = own_job(request.user, uuid=uuid)
    if not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/", 1)[-1]
    )


@require_GET
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
