"""Selection runs: list, read, create (a job), re-run check."""

from datetime import datetime
from decimal import Decimal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from inkubator.api.errors import ErrorOut
from inkubator.api.pagination import paged, paginate
from inkubator.assessment.models import AssessmentRound
from inkubator.assessment.permissions import ASSESSMENT_VIEW
from inkubator.core.permissions import require
from inkubator.selection import selectors, services
from inkubator.selection.models import Decision, Method, SelectionRun
from inkubator.selection.permissions import SELECTION_MANAGE, SELECTION_VIEW

router = Router(tags=["selection"])


class RunOut(Schema):
    id: int
    name: str
    round_id: int
    weight_set_id: int
    method: str
    n: int
    status: str
    input_hash: str
    output_hash: str
    created_by: str | None
    created_at: datetime


RunList = paged(RunOut)


class RunDetail(RunOut):
    inputs: dict
    outputs: dict
    decision: dict | None


def _run_out(run) -> dict:
    return {
        "id": run.pk,
        "name": run.name,
        "round_id": run.round_id,
        "weight_set_id": run.weight_set_id,
        "method": run.method,
        "n": run.n,
        "status": run.status,
        "input_hash": run.input_hash,
        "output_hash": run.output_hash,
        "created_by": run.created_by.username if run.created_by else None,
        "created_at": run.created_at,
    }


def _inputs_summary(inputs: dict) -> dict:
    """The frozen inputs without the per-centre snapshot (counted; the scores are in `outputs.ranking`)."""
    return {
        **{k: v for k, v in inputs.items() if k != "alternatives"},
        "alternatives": len(inputs["alternatives"]),
    }


def _run_detail(run) -> dict:
    decision = Decision.objects.filter(run=run).first()
    return {
        **_run_out(run),
        "inputs": _inputs_summary(run.inputs),
        "outputs": run.outputs,
        "decision": _decision_ref(decision) if decision else None,
    }


def _decision_ref(d) -> dict:
    return {
        "id": d.pk,
        "title": d.title,
        "reference": d.reference,
        "published_at": d.published_at.isoformat(),
    }


def visible_run(user, pk) -> SelectionRun:
    require(user, SELECTION_VIEW)
    run = selectors.runs(user).defer(None).filter(pk=pk).first()
    if run is None:
        raise Http404
    return run


@router.get("/selection/runs", response=RunList)
def run_list(request, round: int | None = None, limit: int = 50, offset: int = 0):
    require(request.auth, SELECTION_VIEW)
    qs = selectors.runs(request.auth)
    if round is not None:
        qs = qs.filter(round_id=round)
    page = paginate(qs, limit, offset)
    return {"count": page["count"], "items": [_run_out(r) for r in page["items"]]}


@router.get("/selection/runs/{run_id}", response=RunDetail)
def run_detail(request, run_id: int):
    return _run_detail(visible_run(request.auth, run_id))


class RunIn(Schema):
    name: str = ""
    round_id: int
    weight_set_id: int
    method: str = Method.SAW
    normalization: str = ""
    constraints: dict
    seed: int = 2024
    draws: int = 2000
    concentration: Decimal = Decimal(100)


class JobRef(Schema):
    """The job computing a run: follow `url` until its `status` is ``succeeded`` or ``failed``."""

    job: UUID
    status: str
    url: str


def run_url(run_id: int) -> str:
    """Where the API serves a run (the link of a succeeded run's job)."""
    return reverse("api:run_detail", kwargs={"run_id": run_id})


@router.post("/selection/runs", response={202: JobRef, 403: ErrorOut, 422: ErrorOut})
def run_create(request, payload: RunIn):
    """Check a run and queue the job that computes it: **202** with the job to follow.

    The answer is ``{"job": "<uuid>", "status": "queued", "url": "/api/v1/jobs/<uuid>"}``. Follow `url`
    (`GET /api/v1/jobs/{uuid}`) until `status` is ``succeeded`` (then `result.run_id` and `run_url` lead
    to the run, stored with its hashes) or ``failed`` (`message` says why, e.g. constraints that cannot
    all be met, in the request's language).

    Checked at once, by the page's own rules (`services.run_params_validate`): 422 with
    ``{"detail": …, "errors": {field: [...]}}`` naming ``round_id`` or ``weight_set_id`` (unknown or out of
    scope), ``round`` (no verified assessments), ``weight_set`` (another instrument), ``method``,
    ``normalization``, ``seed`` (0 to 2147483647), ``draws`` (1 to 100000), ``concentration`` (above 0,
    2 decimals), ``name`` or a constraint (``n``, ``min_per_province``, ``must_include`` …,
    ``constraints`` for unknown ones); 403 without `SELECTION_MANAGE`.
    """
    require(request.auth, SELECTION_MANAGE)
    rnd = (
        AssessmentRound.objects.visible_to(request.auth, ASSESSMENT_VIEW)
        .select_related("instrument")
        .filter(pk=payload.round_id)
        .first()
    )
    if rnd is None:
        raise ValidationError({"round_id": [_("Unknown round.")]})
    weight_set = selectors.weight_sets(request.auth).filter(pk=payload.weight_set_id).first()
    if weight_set is None:
        raise ValidationError({"weight_set_id": [_("Unknown weight set.")]})
    job = services.run_enqueue(
        actor=request.auth,
        language=get_language(),
        rnd=rnd,
        weight_set=weight_set,
        name=payload.name,
        method=payload.method,
        normalization=payload.normalization,
        constraints=payload.constraints,
        seed=payload.seed,
        draws=payload.draws,
        concentration=payload.concentration,
    )
    job.refresh_from_db(
        fields=["status"]
    )  # without a surrounding transaction, an immediate backend has run it
    url = reverse("api:job_detail", kwargs={"uuid": job.uuid})
    return Status(202, {"job": job.uuid, "status": job.status, "url": url})


class VerifyOut(Schema):
    identical: bool
    input_hash_ok: bool
    output_hash_ok: bool
    output_hash: str
    stored_output_hash: str


@router.post("/selection/runs/{run_id}/verify", response=VerifyOut)
def run_verify(request, run_id: int):
    """Re-run from the frozen inputs: `identical` when both hashes match the stored ones."""
    run = visible_run(request.auth, run_id)
    result = services.run_verify(run, actor=request.auth)
    return {
        **result,
        "identical": result["input_hash_ok"] and result["output_hash_ok"],
        "stored_output_hash": run.output_hash,
    }
