"""Background jobs: a Job row the user can watch, and a django-tasks task that runs it by id."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from inkubator.core import audit
from inkubator.core.models import Job

log = logging.getLogger(__name__)

# Job kind -> handler taking (job, progress) and returning a result dict; each app registers its own
# (in its AppConfig.ready), so core names no domain handler.
Handler = Callable[..., dict | None]
_HANDLERS: dict[str, Handler] = {}


def register_handler(kind: str, handler: Handler) -> None:
    """Let `job_create(kind=…)` run `handler(job, progress)`; one handler per kind."""
    if _HANDLERS.get(kind, handler) is not handler:
        raise ValueError(f"job kind {kind!r} already has a handler")
    _HANDLERS[kind] = handler


def handler_kinds() -> list[str]:
    return sorted(_HANDLERS)


class JobFailed(Exception):
    """Raised by a handler to fail its job with a message meant for the user."""


def job_create(*, kind: str, actor, params: dict | None = None, input_file=None) -> Job:
    """Create a queued job and enqueue it once the surrounding transaction commits."""
    if kind not in _HANDLERS:
        raise ValueError(f"unknown job kind {kind!r}")
    job = Job(kind=kind, created_by=actor, params=params or {})
    if input_file is not None:
        job.input_file.save(input_file.name.rsplit("/", 1)[-1], input_file, save=False)
    job.save()
    transaction.on_commit(partial(run_job.enqueue, job.pk))
    return job


def job_execute(job_id: int) -> Job:
    """Run a job now (the task body). Idempotent: a finished job is left alone."""
    job = Job.objects.get(pk=job_id)
    if job.is_finished:
        return job
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    job.status = Job.Status.RUNNING

    def progress(done: int, total: int | None = None) -> None:
        fields = {"progress": done}
        if total is not None:
            fields["total"] = total
        Job.objects.filter(pk=job.pk).update(**fields)

    audit.set_context(job=job)
    try:
        result = _HANDLERS[job.kind](job, progress) or {}
    except JobFailed as exc:
        job.refresh_from_db()
        job.status = Job.Status.FAILED
        job.message = str(exc)[:500]
    except Exception as exc:  # noqa: BLE001 - a job must always end in a visible state
        log.error("job %s (%s) failed: %s", job.pk, job.kind, type(exc).__name__)
        log.debug("%s", traceback.format_exc())
        job.refresh_from_db()
        job.status = Job.Status.FAILED
        job.message = _("The job stopped because of an internal error; nothing was saved.")
    else:
        job.refresh_from_db()
        job.status = Job.Status.SUCCEEDED
        job.result = result
        if job.total:
            job.progress = job.total
    finally:
        audit.clear_context()
    job.finished_at = timezone.now()
    job.save(
        update_fields=["status", "message", "result", "progress", "finished_at", "errors", "result_file"]
    )
    return job


def own_job(user, *, uuid, kind: str | None = None, **params) -> Job:
    """The user's own job (a superuser may open any), optionally of `kind` and with these `params`; else 404."""
    from django.http import Http404

    jobs = Job.objects.filter(uuid=uuid)
    if not getattr(user, "is_superuser", False):
        jobs = jobs.filter(created_by_id=getattr(user, "pk", None))
    if kind is not None:
        jobs = jobs.filter(kind=kind)
    if params:
        jobs = jobs.filter(**{f"params__{k}": v for k, v in params.items()})
    job = jobs.first()
    if job is None:
        raise Http404
    return job


@task()
def run_job(job_id: int) -> None:
    job_execute(job_id)
