"""Jobs: follow the work an endpoint queued (a selection run, …) until it has succeeded or failed."""

from datetime import datetime
from uuid import UUID

from ninja import Router, Schema

from inkubator.api.errors import ErrorOut
from inkubator.api.selection.runs import run_url
from inkubator.core.jobs import own_job
from inkubator.core.models import Job
from inkubator.selection.services import RUN_JOB

router = Router(tags=["jobs"])


class JobOut(Schema):
    uuid: UUID
    kind: str
    status: str
    progress: int
    total: int
    message: str
    errors: list
    result: dict
    created_at: datetime
    finished_at: datetime | None
    run_url: str | None = None


def _run_url(job: Job) -> str | None:
    """The API address of the run a succeeded selection job stored."""
    run_id = (job.result or {}).get("run_id")
    if job.kind != RUN_JOB or job.status != Job.Status.SUCCEEDED or not run_id:
        return None
    return run_url(run_id)


@router.get("/jobs/{uuid}", response={200: JobOut, 404: ErrorOut})
def job_detail(request, uuid: UUID):
    """A job the user queued (a superuser: any job); 404 for anyone else's.

    `status`: ``queued``, ``running``, ``succeeded`` or ``failed``; `progress` of `total` while it runs;
    `message` says why it failed; `result` is what it produced. A succeeded selection run
    (kind ``selection_run``) has `result.run_id` and `run_url`, the run's address in this API.
    """
    job = own_job(request.auth, uuid=uuid)
    return {
        "uuid": job.uuid,
        "kind": job.kind,
        "status": job.status,
        "progress": job.progress,
        "total": job.total,
        "message": job.message,
        "errors": job.errors or [],
        "result": job.result or {},
        "created_at": job.created_at,
        "finished_at": job.finished_at,
        "run_url": _run_url(job),
    }
