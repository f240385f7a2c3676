"""Weight sets: list, read, create (instrument, manual, AHP, entropy, CRITIC)."""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from inkubator.api.pagination import paged, paginate
from inkubator.assessment import selectors as assessment_selectors
from inkubator.assessment.models import AssessmentRound
from inkubator.assessment.permissions import ASSESSMENT_VIEW
from inkubator.core.permissions import require
from inkubator.selection import selectors, services
from inkubator.selection.models import WeightSource
from inkubator.selection.permissions import SELECTION_MANAGE, SELECTION_VIEW

router = Router(tags=["selection"])


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


WeightSetList = paged(WeightSetOut)


def _weight_set_out(ws) -> dict:
    return {
        "id": ws.pk,
        "name": ws.name,
        "version": ws.version,
        "instrument_id": ws.instrument_id,
        "instrument": f"{ws.instrument.code} v{ws.instrument.version}",
        "source": ws.source,
        "weights": ws.weights,
        "details": ws.details,
        "basis_round_id": ws.basis_round_id,
        "note": ws.note,
        "created_by": ws.created_by.username if ws.created_by else None,
        "created_at": ws.created_at,
    }


@router.get("/selection/weight-sets", response=WeightSetList)
def weight_set_list(request, instrument: int | None = None, limit: int = 50, offset: int = 0):
    require(request.auth, SELECTION_VIEW)
    qs = selectors.weight_sets(request.auth).select_related("created_by")
    if instrument is not None:
        qs = qs.filter(instrument_id=instrument)
    page = paginate(qs, limit, offset)
    return {"count": page["count"], "items": [_weight_set_out(ws) for ws in page["items"]]}


@router.get("/selection/weight-sets/{weight_set_id}", response=WeightSetOut)
def weight_set_detail(request, weight_set_id: int):
    require(request.auth, SELECTION_VIEW)
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
    require(request.auth, SELECTION_MANAGE)
    if payload.source not in WeightSource.values:
        raise ValidationError(
            {"source": [_("Choose one of: %(values)s.") % {"values": ", ".join(WeightSource.values)}]}
        )
    instrument = assessment_selectors.instrument_list(request.auth).filter(pk=payload.instrument_id).first()
    if instrument is None:
        raise ValidationError({"instrument_id": [_("Unknown instrument.")]})
    basis = None
    if payload.basis_round_id is not None:
        basis = (
            AssessmentRound.objects.visible_to(request.auth, ASSESSMENT_VIEW)
            .filter(pk=payload.basis_round_id, instrument=instrument)
            .first()
        )
        if basis is None:
            raise ValidationError({"basis_round_id": [_("Unknown round, or a round of another instrument.")]})
    ws = services.weight_set_create(
        actor=request.auth,
        name=payload.name,
        instrument=instrument,
        source=payload.source,
        weights=payload.weights,
        pairwise=payload.pairwise,
        ahp_method=payload.ahp_method,
        basis_round=basis,
        note=payload.note,
    )
    return Status(201, _weight_set_out(ws))
