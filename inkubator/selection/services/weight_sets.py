"""Weight sets: the weights of an instrument's dimensions, from the instrument, by hand, AHP, entropy or CRITIC.

Saved normalised to sum 1 (six decimals), versioned by name, audited.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from inkubator.assessment.models import AssessmentRound, Instrument
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import require
from inkubator.selection.methods import (
    MCDAError,
    ahp_weights,
    critic_weights,
    entropy_weights,
    inconsistent_judgements,
)
from inkubator.selection.models import WeightSet, WeightSource
from inkubator.selection.permissions import SELECTION_MANAGE
from inkubator.selection.selectors import consolidated_rows

SIX = Decimal("0.000001")


def dimension_codes(instrument: Instrument) -> list[str]:
    """The codes of an instrument's dimensions, in their order (the criteria of a weight set and a run)."""
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
    *,
    actor,
    name: str,
    instrument: Instrument,
    source: str,
    weights=None,
    pairwise=None,
    ahp_method="eigenvector",
    basis_round: AssessmentRound | None = None,
    note: str = "",
) -> WeightSet:
    """A new weight set (or the next version of one with the same name).

    - ``instrument``: the dimensions' own weights;
    - ``manual``: `weights` as entered (one per dimension);
    - ``ahp``: `pairwise` = one matrix or a list of experts' matrices (aggregated by geometric mean);
      CR > 0.10 is kept but flagged, with the most inconsistent judgements named;
    - ``entropy`` / ``critic``: from the consolidated dimension scores of `basis_round`.
    """
    require(actor, SELECTION_MANAGE)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [_("Give the weight set a name.")]})
    codes = dimension_codes(instrument)
    details: dict = {}
    if source == WeightSource.INSTRUMENT:
        values = list(instrument.dimensions.order_by("position").values_list("weight", flat=True))
    elif source == WeightSource.MANUAL:
        values = list(weights or [])
        if len(values) != len(codes):
            raise ValidationError(
                {
                    "weights": [
                        _("Give %(n)s weights, one per dimension (%(codes)s).")
                        % {"n": len(codes), "codes": ", ".join(codes)}
                    ]
                }
            )
    elif source == WeightSource.AHP:
        try:
            result = ahp_weights(pairwise, method=ahp_method)
        except (MCDAError, ValueError, TypeError) as exc:
            raise ValidationError({"pairwise": [str(exc)]})
        if len(result.weights) != len(codes):
            raise ValidationError(
                {
                    "pairwise": [
                        _("The matrix must have one row and column per dimension (%(n)s).")
                        % {"n": len(codes)}
                    ]
                }
            )
        values = [float(w) for w in result.weights]
        details = {
            "pairwise": pairwise,
            "method": ahp_method,
            "lambda_max": round(float(result.lambda_max), 6),
            "ci": round(float(result.ci), 6),
            "cr": round(float(result.cr), 6) if result.cr is not None else None,
            "consistent": result.cr is None or result.cr <= 0.10,
        }
        if result.cr is not None and result.cr > 0.10:
            details["inconsistent"] = [
                {
                    "row": codes[j.i],
                    "column": codes[j.j],
                    "given": round(j.judgement, 4),
                    "implied": round(j.implied, 4),
                }
                for j in inconsistent_judgements(pairwise, top=3)
            ]
    elif source in (WeightSource.ENTROPY, WeightSource.CRITIC):
        if basis_round is None:
            raise ValidationError(
                {"basis_round": [_("Choose the round whose scores the weights come from.")]}
            )
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
        name=name,
        version=_next_version(name),
        instrument=instrument,
        source=source,
        weights=dict(zip(codes, normalise_weights(values), strict=True)),
        details=details,
        basis_round=basis_round if source in (WeightSource.ENTROPY, WeightSource.CRITIC) else None,
        note=note,
        created_by=actor,
    )
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=ws, before={})
    return ws


def _round_matrix(rnd: AssessmentRound, codes: list[str]) -> list[list[float]]:
    """Consolidated dimension scores of a round's centres (verified assessments), codes order."""
    rows = consolidated_rows(rnd)
    if len(rows) < 2:
        raise ValidationError(
            {"basis_round": [_("The round needs verified assessments of at least 2 centres.")]}
        )
    return [[float(r["dimensions"][c] or 0) for c in codes] for r in rows]
