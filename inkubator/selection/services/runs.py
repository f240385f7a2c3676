"""Selection runs: one check of everything a run takes, the job that computes it, the frozen and hashed run.

`run_params_validate` is the one validation of a run (round, weight set, method, normalisation,
constraints, seed, draws, concentration, name); `run_enqueue` (the page and the API) and `run_create`
(the job) both call it, so a rule lives here once.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import DecimalValidator, MaxLengthValidator
from django.db import transaction
from django.utils.translation import gettext as _

from inkubator.assessment.models import AssessmentRound
from inkubator.assessment.permissions import ASSESSMENT_VIEW
from inkubator.core import audit
from inkubator.core.jobs import job_create
from inkubator.core.models import AuditEntry, Job
from inkubator.core.permissions import require
from inkubator.selection import compute as engine
from inkubator.selection.methods.scoring import SAW_NORMALIZATIONS, TOPSIS_NORMALIZATIONS
from inkubator.selection.methods.sensitivity import MAX_DRAWS
from inkubator.selection.models import Method, SelectionRun, WeightSet
from inkubator.selection.permissions import SELECTION_MANAGE
from inkubator.selection.selectors import consolidated_rows, round_centres
from inkubator.selection.services.constraints import Errors, add_error, constraints_validate, whole_number
from inkubator.selection.services.weight_sets import dimension_codes

RUN_JOB = "selection_run"  # the kind of the job computing a run (selection.jobs)
NAME_LENGTH = 200
MAX_SEED = 2**31 - 1
CONCENTRATION_DIGITS, CONCENTRATION_DECIMALS = 8, 2  # as SelectionRun.concentration stores it
NORMALIZATIONS = {Method.SAW: SAW_NORMALIZATIONS, Method.TOPSIS: TOPSIS_NORMALIZATIONS}


def plain_decimal(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent (100.00 → "100"), so equal inputs hash equally."""
    return format(value.normalize(), "f")


# --- the one check of a run's parameters -----------------------------------------------------------------


def run_params_validate(
    *,
    actor,
    rnd: AssessmentRound,
    weight_set: WeightSet,
    name: str = "",
    method: str = Method.SAW,
    normalization: str = "",
    constraints,
    seed=2024,
    draws=2000,
    concentration=100,
) -> dict:
    """Check everything a run takes; its parameters as plain JSON (the job's parameters, less the language).

    Raises PermissionDenied without `SELECTION_MANAGE` or when the round is outside the actor's scope,
    and ValidationError keyed by field (``round``, ``weight_set``, ``method``, ``normalization``,
    ``seed``, ``draws``, ``concentration``, ``name`` and the constraints' own: ``n``,
    ``min_per_province``, ``must_include`` …) with every message at once.
    """
    require(actor, SELECTION_MANAGE)
    if not AssessmentRound.objects.visible_to(actor, ASSESSMENT_VIEW).filter(pk=rnd.pk).exists():
        raise PermissionDenied(_("This round is outside your scope."))
    errors: Errors = {}
    clean = {
        "name": _name(name, errors),
        "round": rnd.pk,
        "weight_set": weight_set.pk,
        "method": str(method),
        "normalization": str(normalization or ""),
        "constraints": _constraints(rnd, constraints, errors),
        "seed": whole_number(seed, "seed", errors, low=0, high=MAX_SEED),
        "draws": whole_number(draws, "draws", errors, low=1, high=MAX_DRAWS),
        "concentration": _concentration(concentration, errors),
    }
    _method(method, normalization, errors)
    if weight_set.instrument_id != rnd.instrument_id:
        add_error(errors, "weight_set", _("The weight set belongs to another instrument than the round's."))
    if errors:
        raise ValidationError(errors)
    return clean


def _name(name, errors: Errors) -> str:
    name = str(name or "").strip()
    try:
        MaxLengthValidator(NAME_LENGTH)(name)
    except ValidationError as exc:
        errors.setdefault("name", []).extend(exc.messages)
    return name


def _method(method: str, normalization: str, errors: Errors) -> None:
    if method not in NORMALIZATIONS:
        add_error(errors, "method", _("Choose SAW or TOPSIS."))
    elif normalization and normalization not in NORMALIZATIONS[method]:
        add_error(
            errors,
            "normalization",
            _("Choose one of: %(values)s.") % {"values": ", ".join(NORMALIZATIONS[method])},
        )


def _concentration(value, errors: Errors) -> str | None:
    try:
        number = Decimal(str(value))
        if not number.is_finite() or number <= 0:
            raise ValueError
    except (ArithmeticError, ValueError, TypeError):
        add_error(errors, "concentration", _("Enter a number above 0."))
        return None
    try:
        DecimalValidator(CONCENTRATION_DIGITS, CONCENTRATION_DECIMALS)(number)
    except ValidationError as exc:
        errors.setdefault("concentration", []).extend(exc.messages)
        return None
    return plain_decimal(number)


def _constraints(rnd: AssessmentRound, constraints, errors: Errors) -> dict | None:
    centres = round_centres(rnd)
    if not centres:
        add_error(errors, "round", _("This round has no verified assessments yet: nothing to select from."))
        return None
    try:
        return constraints_validate(constraints, centres=centres)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
        return None


@transaction.atomic
def run_enqueue(*, actor, language: str, rnd: AssessmentRound, weight_set: WeightSet, **params) -> Job:
    """Check a run (`run_params_validate`) and queue the job that computes it as `actor`, on commit.

    `language` is the one the job's refusal, if any, is written in.
    """
    clean = run_params_validate(actor=actor, rnd=rnd, weight_set=weight_set, **params)
    return job_create(kind=RUN_JOB, actor=actor, params={**clean, "language": language})


# --- the run itself -----------------------------------------------------------------------------------


def snapshot(
    *,
    rnd: AssessmentRound,
    weight_set: WeightSet,
    method: str,
    normalization: str,
    constraints: dict,
    seed: int,
    draws: int,
    concentration,
) -> dict:
    """Everything a run depends on, as plain JSON: the frozen input of `compute.compute`."""
    codes = dimension_codes(rnd.instrument)
    only = constraints.get("only_classes") or []
    alternatives = []
    for r in consolidated_rows(rnd):
        if only and r["class"] not in only:
            continue
        alternatives.append(
            {
                "centre_id": r["centre_id"],
                "code": r["code"],
                "name": r["name"],
                "province": r["province"],
                "class": r["class"],
                "composite": r["composite"],
                "aid": r["aid"],
                "active": r["active"],
                "cost": constraints.get("costs", {}).get(r["code"], ""),
                "scores": [str(r["dimensions"][c] if r["dimensions"][c] is not None else "0") for c in codes],
            }
        )
    clean = {k: v for k, v in constraints.items() if k not in ("costs", "only_classes")}
    return {
        "schema": engine.SCHEMA,
        "round": {"id": rnd.pk, "name": rnd.name},
        "instrument": {"code": rnd.instrument.code, "version": rnd.instrument.version},
        "weight_set": {"id": weight_set.pk, "name": weight_set.name, "version": weight_set.version},
        "criteria": codes,
        "weights": [weight_set.weights[c] for c in codes],
        "method": method,
        "normalization": normalization,
        "only_classes": only,
        "alternatives": alternatives,
        "constraints": clean,
        "sensitivity": {"draws": int(draws), "concentration": str(concentration), "seed": int(seed)},
    }


@transaction.atomic
def run_create(
    *,
    actor,
    name: str,
    rnd: AssessmentRound,
    weight_set: WeightSet,
    method: str = Method.SAW,
    normalization: str = "",
    constraints: dict,
    seed: int = 2024,
    draws: int = 2000,
    concentration=100,
) -> SelectionRun:
    """Check the parameters (`run_params_validate`), freeze the inputs, compute, store both with their hashes.

    A selection the constraints do not allow is refused with the computation's reason (English, with
    internal names; `presenters.error_text` words it for the user) under ``constraints``.
    """
    params = run_params_validate(
        actor=actor,
        rnd=rnd,
        weight_set=weight_set,
        name=name,
        method=method,
        normalization=normalization,
        constraints=constraints,
        seed=seed,
        draws=draws,
        concentration=concentration,
    )
    inputs = snapshot(
        rnd=rnd,
        weight_set=weight_set,
        method=params["method"],
        normalization=params["normalization"],
        constraints=params["constraints"],
        seed=params["seed"],
        draws=params["draws"],
        concentration=params["concentration"],
    )
    try:
        outputs = engine.compute(inputs)
    except engine.RunError as exc:
        raise ValidationError({"constraints": [str(exc)]})
    run = SelectionRun.objects.create(
        name=params["name"] or rnd.name,
        round=rnd,
        weight_set=weight_set,
        method=params["method"],
        normalization=params["normalization"],
        n=params["constraints"]["n"],
        constraints=inputs["constraints"],
        seed=params["seed"],
        draws=params["draws"],
        concentration=Decimal(params["concentration"]),
        inputs=inputs,
        outputs=outputs,
        input_hash=engine.content_hash(inputs),
        output_hash=engine.content_hash(outputs),
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=run,
        before={},
        after={"input_hash": run.input_hash, "output_hash": run.output_hash},
    )
    return run


def run_verify(run: SelectionRun, *, actor=None) -> dict:
    """Re-run from the frozen inputs: the hashes must match (reproducibility check).

    With an `actor`, the check and its outcome are audited on the run.
    """
    outputs = engine.compute(run.inputs)
    result = {
        "input_hash_ok": engine.content_hash(run.inputs) == run.input_hash,
        "output_hash": engine.content_hash(outputs),
        "output_hash_ok": engine.content_hash(outputs) == run.output_hash,
    }
    if actor is not None:
        audit.record(
            actor=actor,
            action=AuditEntry.Action.VERIFY,
            obj=run,
            before={},
            after={"output_hash": result["output_hash"], "identical": result["output_hash_ok"]},
        )
    return result
