"""Selection endpoints: weight sets, runs (computed synchronously here), re-run checks and decisions.

Scope and checks are those of the pages: weight sets and runs need `SELECTION_VIEW` (a run only when
its round is visible), creating needs `SELECTION_MANAGE`, publishing `DECISION_PUBLISH`; a run's
constraints pass the same `forms.validate_constraints`. Published decisions are public.

A run that cannot be computed (constraints that cannot all be met, too few eligible centres …)
answers 422 with the reason in the user's language as ``detail`` and under ``errors.constraints``.
Stored inputs and outputs are returned as stored (numbers as strings with fixed decimals).
"""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from inkubator.api.errors import error_body
from inkubator.api.pagination import paginate
from inkubator.assessment import selectors as assessment_selectors
from inkubator.assessment.models import AssessmentRound
from inkubator.core import permissions as perms
from inkubator.core.permissions import require
from inkubator.selection import presenters, selectors, services
from inkubator.selection.forms import plain_decimal, round_centres, validate_constraints
from inkubator.selection.methods.scoring import SAW_NORMALIZATIONS, TOPSIS_NORMALIZATIONS
from inkubator.selection.methods.sensitivity import MAX_DRAWS
from inkubator.selection.models import Decision, Method, SelectionRun, WeightSource

router = Router(tags=["selection"])



class ErrorOut(Schema):
    detail: str
    errors: dict


# --- weight sets ---------------------------------------------------------------------------------------


class WeightSetOut(Schema):
    id: int
    name: str
    version: int
    instrument_id: int
    instrument: str
    source: str
    weights: dict[str, str]
    details: dict
    basis_round_id: int | None
    note: str
    created_by: str | None
    created_at: datetime


class WeightSetList(Schema):
    count: int
    items: list[WeightSetOut]


def _weight_set_out(ws) -> dict:
    return {
        "id": ws.pk, "name": ws.name, "version": ws.version, "instrument_id": ws.instrument_id,
        "instrument": f"{ws.instrument.code} v{ws.instrument.version}", "source": ws.source, "weights": ws.weights,
        "details": ws.details, "basis_round_id": ws.basis_round_id, "note": ws.note,
        "created_by": ws.created_by.username if ws.created_by else None, "created_at": ws.created_at,
    }


@router.get("/selection/weight-sets", response=WeightSetList)
def weight_set_list(request, instrument: int | None = None, limit: int = 50, offset: int = 0):
    require(request.auth, perms.SELECTION_VIEW)
    qs = selectors.weight_sets(request.auth).select_related("created_by")
    if instrument is not None:
        qs = qs.filter(instrument_id=instrument)
    page = paginate(qs, limit, offset)
    return {"count": page["count"], "items": [_weight_set_out(ws) for ws in page["items"]]}


@router.get("/selection/weight-sets/{weight_set_id}", response=WeightSetOut)
def weight_set_detail(request, weight_set_id: int):
    require(request.auth, perms.SELECTION_VIEW)
    ws = selectors.weight_sets(request.auth).select_related("created_by").filter(pk=weight_set_id).first()
    if ws is None:
        raise Http404
    return _weight_set_out(ws)


class WeightSetIn(Schema):
    name: str
    instrument_id: int
    source: str
    weights: list[Decimal] | None = None
    pairwise: list | None = None
    ahp_method: str = "eigenvector"
    basis_round_id: int | None = None
    note: str = ""


@router.post("/selection/weight-sets", response={201: WeightSetOut})
def weight_set_create(request, payload: WeightSetIn):
    """`source`: instrument | manual (`weights`, one per dimension) | ahp (`pairwise`: one matrix or a list of
    experts' matrices) | entropy | critic (`basis_round_id`). Saved normalised to sum 1."""
    require(request.auth, perms.SELECTION_MANAGE)
    if payload.source not in WeightSource.values:
        raise ValidationError({"source": [_("Choose one of: %(values)s.") % {"values": ", ".join(WeightSource.values)}]})
    instrument = assessment_selectors.instrument_list(request.auth).filter(pk=payload.instrument_id).first()
    if instrument is None:
        raise ValidationError({"instrument_id": [_("Unknown instrument.")]})
    basis = None
    if payload.basis_round_id is not None:
        basis = (AssessmentRound.objects.visible_to(request.auth, perms.ASSESSMENT_VIEW)
                 .filter(pk=payload.basis_round_id, instrument=instrument).first())
        if basis is None:
            raise ValidationError({"basis_round_id": [_("Unknown round, or a round of another instrument.")]})
    ws = services.weight_set_create(
        actor=request.auth, name=payload.name, instrument=instrument, source=payload.source,
        weights=payload.weights, pairwise=payload.pairwise, ahp_method=payload.ahp_method, basis_round=basis,
        note=payload.note,
    )
    return Status(201, _weight_set_out(ws))


# --- runs ------------------------------------------------------------------------------------------------


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


class RunList(Schema):
    count: int
    items: list[RunOut]


class RunDetail(RunOut):
    inputs: dict
    outputs: dict
    decision: dict | None


def _run_out(run) -> dict:
    return {
        "id": run.pk, "name": run.name, "round_id": run.round_id, "weight_set_id": run.weight_set_id,
        "method": run.method, "n": run.n, "status": run.status, "input_hash": run.input_hash,
        "output_hash": run.output_hash, "created_by": run.created_by.username if run.created_by else None,
        "created_at": run.created_at,
    }


def _inputs_summary(inputs: dict) -> dict:
    """The frozen inputs without the per-centre snapshot (counted; the scores are in `outputs.ranking`)."""
    return {**{k: v for k, v in inputs.items() if k != "alternatives"}, "alternatives": len(inputs["alternatives"])}


def _run_detail(run) -> dict:
    decision = Decision.objects.filter(run=run).first()
    return {
        **_run_out(run), "inputs": _inputs_summary(run.inputs), "outputs": run.outputs,
        "decision": _decision_ref(decision) if decision else None,
    }


def _decision_ref(d) -> dict:
    return {"id": d.pk, "title": d.title, "reference": d.reference, "published_at": d.published_at.isoformat()}


def _visible_run(user, pk) -> SelectionRun:
    require(user, perms.SELECTION_VIEW)
    run = selectors.runs(user).defer(None).filter(pk=pk).first()
    if run is None:
        raise Http404
    return run


@router.get("/selection/runs", response=RunList)
def run_list(request, round: int | None = None, limit: int = 50, offset: int = 0):
    require(request.auth, perms.SELECTION_VIEW)
    qs = selectors.runs(request.auth)
    if round is not None:
        qs = qs.filter(round_id=round)
    page = paginate(qs, limit, offset)
    return {"count": page["count"], "items": [_run_out(r) for r in page["items"]]}


@router.get("/selection/runs/{run_id}", response=RunDetail)
def run_detail(request, run_id: int):
    return _run_detail(_visible_run(request.auth, run_id))


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


def _check_run_payload(payload: RunIn) -> None:
    errors = {}
    if payload.method not in Method.values:
        errors["method"] = [_("Choose SAW or TOPSIS.")]
    elif payload.normalization and payload.normalization not in (
        SAW_NORMALIZATIONS if payload.method == Method.SAW else TOPSIS_NORMALIZATIONS
    ):
        allowed = SAW_NORMALIZATIONS if payload.method == Method.SAW else TOPSIS_NORMALIZATIONS
        errors["normalization"] = [_("Choose one of: %(values)s.") % {"values": ", ".join(allowed)}]
    if not 1 <= payload.draws <= MAX_DRAWS:
        errors["draws"] = [_("Enter a whole number from %(low)s to %(high)s.") % {"low": 1, "high": MAX_DRAWS}]
    if not payload.concentration.is_finite() or payload.concentration <= 0:
        errors["concentration"] = [_("Enter a number above 0.")]
    if payload.seed < 0:
        errors["seed"] = [_("Enter a whole number of at least %(low)s.") % {"low": 0}]
    if errors:
        raise ValidationError(errors)


@router.post("/selection/runs", response={201: RunDetail, 422: ErrorOut})
def run_create(request, payload: RunIn):
    """Compute a run now (the page does it as a job) and store it with its hashes."""
    require(request.auth, perms.SELECTION_MANAGE)
    rnd = (AssessmentRound.objects.visible_to(request.auth, perms.ASSESSMENT_VIEW).select_related("instrument")
           .filter(pk=payload.round_id).first())
    if rnd is None:
        raise ValidationError({"round_id": [_("Unknown round.")]})
    weight_set = selectors.weight_sets(request.auth).filter(pk=payload.weight_set_id).first()
    if weight_set is None:
        raise ValidationError({"weight_set_id": [_("Unknown weight set.")]})
    _check_run_payload(payload)
    constraints = validate_constraints(payload.constraints, centres=round_centres(rnd))
    try:
        run = services.run_create(
            actor=request.auth, name=payload.name, rnd=rnd, weight_set=weight_set, method=payload.method,
            normalization=payload.normalization, constraints=constraints, seed=payload.seed, draws=payload.draws,
            concentration=plain_decimal(payload.concentration),
        )
    except ValidationError as exc:
        errors = presenters.validation_messages(exc, constraints)
        detail = " ".join(errors.get("constraints") or [m for ms in errors.values() for m in ms])
        return Status(422, error_body(detail, errors))
    return Status(201, _run_detail(SelectionRun.objects.get(pk=run.pk)))


class VerifyOut(Schema):
    identical: bool
    input_hash_ok: bool
    output_hash_ok: bool
    output_hash: str
    stored_output_hash: str


@router.post("/selection/runs/{run_id}/verify", response=VerifyOut)
def run_verify(request, run_id: int):
    """Re-run from the frozen inputs: `identical` when both hashes match the stored ones."""
    run = _visible_run(request.auth, run_id)
    result = services.run_verify(run, actor=request.auth)
    return {**result, "identical": result["input_hash_ok"] and result["output_hash_ok"],
            "stored_output_hash": run.output_hash}


class PublishIn(Schema):
    title: str
    reference: str = ""
    note: str = ""


class CentreRef(Schema):
    code: str
    name: str
    province: str
    province_name: str


class DecisionOut(Schema):
    id: int
    title: str
    reference: str
    note: str
    published_at: datetime
    run_id: int
    round: str
    method: str
    weight_set: str
    n: int
    input_hash: str
    output_hash: str
    selected: list[CentreRef]
    report_url: str


class DecisionList(Schema):
    count: int
    items: list[DecisionOut]


def _decision_out(d, provinces) -> dict:
    run = d.run
    alternatives = {a["code"]: a for a in run.inputs["alternatives"]}
    return {
        "id": d.pk, "title": d.title, "reference": d.reference, "note": d.note, "published_at": d.published_at,
        "run_id": run.pk, "round": run.inputs["round"]["name"], "method": run.method,
        "weight_set": f"{run.inputs['weight_set']['name']} v{run.inputs['weight_set']['version']}", "n": run.n,
        "input_hash": run.input_hash, "output_hash": run.output_hash,
        "selected": [
            {"code": code, "name": alternatives[code]["name"], "province": alternatives[code]["province"],
             "province_name": provinces.get(alternatives[code]["province"], "")}
            for code in run.outputs["selected"]
        ],
        "report_url": reverse("selection:decision_pdf", kwargs={"pk": d.pk}),
    }


@router.post("/selection/runs/{run_id}/publish", response={201: DecisionOut})
def run_publish(request, run_id: int, payload: PublishIn):
    """Publish a run as the ministry's decision (national admins); afterwards it never changes."""
    require(request.auth, perms.DECISION_PUBLISH)
    run = _visible_run(request.auth, run_id)
    decision = services.decision_publish(actor=request.auth, run=run, title=payload.title,
                                         reference=payload.reference, note=payload.note)
    decision = selectors.decisions().get(pk=decision.pk)
    return Status(201, _decision_out(decision, presenters.province_names()))


@router.get("/selection/decisions", response=DecisionList, auth=None)
def decision_list(request, limit: int = 50, offset: int = 0):
    """Published decisions: public, like the decisions page."""
    page = paginate(selectors.decisions(), limit, offset)
    provinces = presenters.province_names()
    return {"count": page["count"], "items": [_decision_out(d, provinces) for d in page["items"]]}
