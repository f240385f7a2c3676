"""Writes of the selection: weight sets, runs (frozen, hashed, reproducible) and published decisions.

Every function checks the permission, runs in a transaction and records an audit entry.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from inkubator.assessment.models import AssessmentRound, Instrument
from inkubator.core import audit
from inkubator.core import permissions as perms
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import require
from inkubator.selection import compute as engine
from inkubator.selection.methods import (
    MCDAError,
    ahp_weights,
    critic_weights,
    entropy_weights,
    inconsistent_judgements,
)
from inkubator.selection.models import Decision, RunStatus, SelectionRun, WeightSet, WeightSource

SIX = Decimal("0.000001")



def _dimension_codes(instrument: Instrument) -> list[str]:
    return list(instrument.dimensions.order_by("position").values_list("code", flat=True))


def normalise_weights(values) -> list[str]:
    """Weights scaled to sum 1, as strings with 6 decimals (the last one absorbs rounding)."""
    numbers = [Decimal(str(v)) for v in values]
    if any(not v.is_finite() or v < 0 for v in numbers):
        raise ValidationError({"weights": [_("Weights must be numbers of 0 or more.")]})
    total = sum(numbers, Decimal(0))
    if total <= 0:
        raise ValidationError({"weights": [_("At least one weight must be above 0.")]})
    scaled = [(v / total).quantize(SIX, rounding=ROUND_HALF_EVEN) for v in numbers]
    scaled[-1] += Decimal(1) - sum(scaled, Decimal(0))
    return [str(v) for v in scaled]


def _next_version(name: str) -> int:
    return (WeightSet.objects.filter(name=name).aggregate(v=Max("version"))["v"] or 0) + 1


@transaction.atomic
def weight_set_create(
    *, actor, name: str, instrument: Instrument, source: str, weights=None, pairwise=None, ahp_method="eigenvector",
    basis_round: AssessmentRound | None = None, note: str = "",
) -> WeightSet:
    """A new weight set (or the next version of one with the same name).

    - ``instrument``: the dimensions' own weights;
    - ``manual``: `weights` as entered (one per dimension);
    - ``ahp``: `pairwise` = one matrix or a list of experts' matrices (aggregated by geometric mean);
      CR > 0.10 is kept but flagged, with the most inconsistent judgements named;
    - ``entropy`` / ``critic``: from the consolidated dimension scores of `basis_round`.
    """
    require(actor, perms.SELECTION_MANAGE)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [_("Give the weight set a name.")]})
    codes = _dimension_codes(instrument)
    details: dict = {}
    if source == WeightSource.INSTRUMENT:
        values = list(instrument.dimensions.order_by("position").values_list("weight", flat=True))
    elif source == WeightSource.MANUAL:
        values = list(weights or [])
        if len(values) != len(codes):
            raise ValidationError({"weights": [_("Give %(n)s weights, one per dimension (%(codes)s).") % {
                "n": len(codes), "codes": ", ".join(codes)}]})
    elif source == WeightSource.AHP:
        try:
            result = ahp_weights(pairwise, method=ahp_method)
        except (MCDAError, ValueError, TypeError) as exc:
            raise ValidationError({"pairwise": [str(exc)]})
        if len(result.weights) != len(codes):
            raise ValidationError({"pairwise": [_("The matrix must have one row and column per dimension (%(n)s).") % {
                "n": len(codes)}]})
        values = [float(w) for w in result.weights]
        details = {
            "pairwise": pairwise, "method": ahp_method, "lambda_max": round(float(result.lambda_max), 6),
            "ci": round(float(result.ci), 6), "cr": round(float(result.cr), 6) if result.cr is not None else None,
            "consistent": result.cr is None or result.cr <= 0.10,
        }
        if result.cr is not None and result.cr > 0.10:
            details["inconsistent"] = [
                {"row": codes[j.i], "column": codes[j.j], "given": round(j.judgement, 4), "implied": round(j.implied, 4)}
                for j in inconsistent_judgements(pairwise, top=3)
            ]
    elif source in (WeightSource.ENTROPY, WeightSource.CRITIC):
        if basis_round is None:
            raise ValidationError({"basis_round": [_("Choose the round whose scores the weights come from.")]})
        matrix = _round_matrix(basis_round, codes)
        try:
            result = entropy_weights(matrix) if source == WeightSource.ENTROPY else critic_weights(matrix)
        except MCDAError as exc:
            raise ValidationError({"basis_round": [str(exc)]})
        values = [float(w) for w in result.weights]
        details = {"centres": len(matrix)}
    else:
        raise ValidationError({"source": [_("Unknown source.")]})
    ws = WeightSet.objects.create(
        name=name, version=_next_version(name), instrument=instrument, source=source,
        weights=dict(zip(codes, normalise_weights(values), strict=True)), details=details,
        basis_round=basis_round if source in (WeightSource.ENTROPY, WeightSource.CRITIC) else None,
        note=note, created_by=actor,
    )
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=ws, before={})
    return ws


def _round_matrix(rnd: AssessmentRound, codes: list[str]) -> list[list[float]]:
    """Consolidated dimension scores of a round's centres (verified assessments), codes order."""
    from inkubator.selection.selectors import consolidated_rows

    rows = consolidated_rows(rnd)
    if len(rows) < 2:
        raise ValidationError({"basis_round": [_("The round needs verified assessments of at least 2 centres.")]})
    return [[float(r["dimensions"][c] or 0) for c in codes] for r in rows]


# --- runs -------------------------------------------------------------------------------------------


def snapshot(*, rnd: AssessmentRound, weight_set: WeightSet, method: str, normalization: str, constraints: dict,
             seed: int, draws: int, concentration) -> dict:
    """Everything a run depends on, as plain JSON: the frozen input of `compute.compute`."""
    from inkubator.selection.selectors import consolidated_rows

    if weight_set.instrument_id != rnd.instrument_id:
        raise ValidationError({"weight_set": [_("The weight set belongs to another instrument than the round's.")]})
    codes = _dimension_codes(rnd.instrument)
    rows = consolidated_rows(rnd)
    if not rows:
        raise ValidationError({"round": [_("This round has no verified assessments yet: nothing to select from.")]})
    only = constraints.get("only_classes") or []
    alternatives = []
    for r in rows:
        if only and r["class"] not in only:
            continue
        alternatives.append({
            "centre_id": r["centre_id"], "code": r["code"], "name": r["name"], "province": r["province"],
            "class": r["class"], "composite": r["composite"], "aid": r["aid"], "active": r["active"],
            "cost": constraints.get("costs", {}).get(r["code"], ""),
            "scores": [str(r["dimensions"][c] if r["dimensions"][c] is not None else "0") for c in codes],
        })
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
def run_create(*, actor, name: str, rnd: AssessmentRound, weight_set: WeightSet, method: str = "saw",
               normalization: str = "", constraints: dict, seed: int = 2024, draws: int = 2000,
               concentration=100) -> SelectionRun:
    """Freeze the inputs, compute, store both with their hashes."""
    require(actor, perms.SELECTION_MANAGE)
    if not AssessmentRound.objects.visible_to(actor, perms.ASSESSMENT_VIEW).filter(pk=rnd.pk).exists():
        raise PermissionDenied(_("This round is outside your scope."))
    if method not in ("saw", "topsis"):
        raise ValidationError({"method": [_("Choose SAW or TOPSIS.")]})
    inputs = snapshot(rnd=rnd, weight_set=weight_set, method=method, normalization=normalization,
                      constraints=constraints, seed=seed, draws=draws, concentration=concentration)
    try:
        outputs = engine.compute(inputs)
    except engine.RunError as exc:
        raise ValidationError({"constraints": [str(exc)]})
    run = SelectionRun.objects.create(
        name=(name or "").strip() or rnd.name, round=rnd, weight_set=weight_set, method=method,
        normalization=normalization, n=int(constraints["n"]), constraints=inputs["constraints"], seed=seed,
        draws=draws, concentration=Decimal(str(concentration)), inputs=inputs, outputs=outputs,
        input_hash=engine.content_hash(inputs), output_hash=engine.content_hash(outputs), created_by=actor,
    )
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=run, before={},
                 after={"input_hash": run.input_hash, "output_hash": run.output_hash})
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
        audit.record(actor=actor, action=AuditEntry.Action.VERIFY, obj=run, before={},
                     after={"output_hash": result["output_hash"], "identical": result["output_hash_ok"]})
    return result


@transaction.atomic
def decision_publish(*, actor, run: SelectionRun, title: str, reference: str = "", note: str = "") -> Decision:
    """Publish a run as the ministry's decision (national admins only). Afterwards nothing changes."""
    require(actor, perms.DECISION_PUBLISH)
    run = SelectionRun.objects.select_for_update().get(pk=run.pk)
    if run.status == RunStatus.PUBLISHED or Decision.objects.filter(run=run).exists():
        raise ValidationError(_("This run is already published."))
    check = run_verify(run)
    if not (check["input_hash_ok"] and check["output_hash_ok"]):
        raise ValidationError(_("Re-running this selection does not reproduce its stored result; it cannot be published."))
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("Give the decision a title.")]})
    before = audit.snapshot(run, exclude=("inputs", "outputs"))
    run.status = RunStatus.PUBLISHED
    run.save(update_fields=["status"])
    decision = Decision.objects.create(run=run, title=title[:300], reference=reference[:100], note=note, published_by=actor)
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, obj=run, before=before,
                 after=audit.snapshot(run, exclude=("inputs", "outputs")))
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=decision, before={})
    return decision
