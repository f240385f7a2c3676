"""Assessment endpoints: instruments (with the XLSForm), rounds, assessments and their transitions.

Scope is that of the pages: an assessor sees only their own assessments; reviewers the assessments of
centres in their scope; viewers only verified ones. Transitions go through the same services.
"""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from inkubator.api.pagination import paged, paginate
from inkubator.assessment import instrument_io, selectors, services
from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import Assessment
from inkubator.assessment.permissions import ASSESSMENT_RESULTS, ASSESSMENT_VIEW, ROUND_MANAGE
from inkubator.core.exports import XLSX_TYPE
from inkubator.core.permissions import require

router = Router(tags=["assessment"])


class InstrumentOut(Schema):
    id: int
    code: str
    version: int
    name: str
    name_en: str
    frozen: bool
    dimensions: int
    indicators: int


InstrumentList = paged(InstrumentOut)


def _instrument_out(i) -> dict:
    return {
        "id": i.pk,
        "code": i.code,
        "version": i.version,
        "name": i.name,
        "name_en": i.name_en,
        "frozen": i.is_frozen,
        "dimensions": i.n_dimensions,
        "indicators": i.n_indicators,
    }


@router.get("/assessment/instruments", response=InstrumentList)
def instrument_list(request, limit: int = 50, offset: int = 0):
    require(request.auth, ASSESSMENT_VIEW)
    page = paginate(selectors.instrument_list(request.auth), limit, offset)
    return {"count": page["count"], "items": [_instrument_out(i) for i in page["items"]]}


@router.get("/assessment/instruments/{instrument_id}")
def instrument_detail(request, instrument_id: int):
    """The whole instrument as a spec: dimensions → indicators → options and bands (decimals as strings)."""
    require(request.auth, ASSESSMENT_VIEW)
    instrument = selectors.instrument_detail(request.auth, instrument_id)
    if instrument is None:
        raise Http404
    spec = services.instrument_to_spec(instrument)
    return {"id": instrument.pk, "frozen": instrument.is_frozen, **_plain(spec)}


def _plain(value):
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else format(value.normalize(), "f")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@router.get("/assessment/instruments/{instrument_id}/xlsform")
def instrument_xlsform(request, instrument_id: int):
    """The instrument as an XLSForm workbook for ODK Collect / KoboCollect (converts with pyxform)."""
    require(request.auth, ASSESSMENT_VIEW)
    instrument = selectors.instrument_detail(request.auth, instrument_id)
    if instrument is None:
        raise Http404
    data = instrument_io.spec_to_xlsform(
        services.instrument_to_spec(instrument),
        form_id=f"{instrument.code}-v{instrument.version}",
        version=str(instrument.version),
    )
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="xlsform-{instrument.code}-v{instrument.version}.xlsx"'
    )
    return response


class RoundOut(Schema):
    id: int
    name: str
    instrument_id: int
    status: str
    starts_on: date
    ends_on: date
    due_on: date | None
    centres: int
    assessments: int
    threshold_ready: Decimal
    threshold_assisted: Decimal
    consolidation_rule: str


RoundList = paged(RoundOut)


@router.get("/assessment/rounds", response=RoundList)
def round_list(request, limit: int = 50, offset: int = 0):
    require(request.auth, ASSESSMENT_VIEW)
    page = paginate(selectors.round_list(request.auth), limit, offset)
    return {
        "count": page["count"],
        "items": [
            {
                "id": r.pk,
                "name": r.name,
                "instrument_id": r.instrument_id,
                "status": r.status,
                "starts_on": r.starts_on,
                "ends_on": r.ends_on,
                "due_on": r.due_on,
                "centres": r.n_centres,
                "assessments": r.n_assessments,
                "threshold_ready": r.threshold_ready,
                "threshold_assisted": r.threshold_assisted,
                "consolidation_rule": r.consolidation_rule,
            }
            for r in page["items"]
        ],
    }


class AssessmentOut(Schema):
    id: int
    round_id: int
    centre_id: int
    centre_code: str
    centre_name: str
    assessor: str
    status: str
    version: int
    due_on: date | None
    submitted_at: datetime | None
    verified_at: datetime | None
    composite_score: Decimal | None
    readiness_class: str
    dimension_scores: dict


AssessmentList = paged(AssessmentOut)


def _assessment_out(a) -> dict:
    return {
        "id": a.pk,
        "round_id": a.round_id,
        "centre_id": a.centre_id,
        "centre_code": a.centre.code,
        "centre_name": a.centre.name,
        "assessor": a.assessor.username,
        "status": a.status,
        "version": a.version,
        "due_on": a.due_on,
        "submitted_at": a.submitted_at,
        "verified_at": a.verified_at,
        "composite_score": a.composite_score,
        "readiness_class": a.readiness_class,
        "dimension_scores": a.dimension_scores,
    }


@router.get("/assessment/assessments", response=AssessmentList)
def assessment_list(request, round: int | None = None, status: str = "", limit: int = 50, offset: int = 0):
    """Assessments in the caller's scope; an assessor sees only their own."""
    require(request.auth, ASSESSMENT_VIEW)
    if status and status not in AssessmentStatus.values:
        raise ValidationError(
            {"status": [_("Choose one of: %(values)s.") % {"values": ", ".join(AssessmentStatus.values)}]}
        )
    page = paginate(selectors.assessment_list(request.auth, round_id=round, status=status), limit, offset)
    return {"count": page["count"], "items": [_assessment_out(a) for a in page["items"]]}


def _visible_assessment(user, pk) -> Assessment:
    a = selectors.assessment_list(user).filter(pk=pk).first()
    if a is None:
        raise Http404
    return a


class AnswerOut(Schema):
    indicator: str
    value: str
    number: Decimal | None
    text: str
    note: str
    score: Decimal | None
    returned: bool
    return_comment: str


class AssessmentDetail(AssessmentOut):
    answers: list[AnswerOut]
    review_comment: str


@router.get("/assessment/assessments/{assessment_id}", response=AssessmentDetail)
def assessment_detail(request, assessment_id: int):
    require(request.auth, ASSESSMENT_VIEW)
    a = _visible_assessment(request.auth, assessment_id)
    answers = [
        {
            "indicator": ans.indicator.code,
            "value": ans.value,
            "number": ans.number,
            "text": ans.text,
            "note": ans.note,
            "score": ans.score,
            "returned": ans.returned,
            "return_comment": ans.return_comment,
        }
        for ans in a.answers.select_related("indicator").order_by(
            "indicator__dimension__position", "indicator__position"
        )
    ]
    return {**_assessment_out(a), "answers": answers, "review_comment": a.review_comment}


class AnswerIn(Schema):
    value: str | None = None
    number: Decimal | None = None
    text: str | None = None
    note: str | None = None


class SaveIn(Schema):
    version: int
    answers: dict[str, AnswerIn]


class TransitionIn(Schema):
    version: int
    comment: str = ""
    indicators: dict[str, str] = {}


@router.patch("/assessment/assessments/{assessment_id}", response=AssessmentDetail)
def assessment_save(request, assessment_id: int, payload: SaveIn):
    """Save answers (the assessor only). `version` must be the version read: a stale save is refused (409)."""
    a = _visible_assessment(request.auth, assessment_id)
    answers = {code: ans.dict(exclude_none=True) for code, ans in payload.answers.items()}
    services.assessment_save(
        actor=request.auth, assessment=a, answers=answers, expected_version=payload.version
    )
    return assessment_detail(request, assessment_id)


@router.post("/assessment/assessments/{assessment_id}/submit", response=AssessmentDetail)
def assessment_submit(request, assessment_id: int, payload: TransitionIn):
    a = _visible_assessment(request.auth, assessment_id)
    services.assessment_submit(actor=request.auth, assessment=a, expected_version=payload.version)
    return assessment_detail(request, assessment_id)


@router.post("/assessment/assessments/{assessment_id}/return", response=AssessmentDetail)
def assessment_return(request, assessment_id: int, payload: TransitionIn):
    a = _visible_assessment(request.auth, assessment_id)
    services.assessment_return(
        actor=request.auth,
        assessment=a,
        comment=payload.comment,
        indicators=payload.indicators,
        expected_version=payload.version,
    )
    return assessment_detail(request, assessment_id)


@router.post("/assessment/assessments/{assessment_id}/verify", response=AssessmentDetail)
def assessment_verify(request, assessment_id: int, payload: TransitionIn):
    a = _visible_assessment(request.auth, assessment_id)
    services.assessment_verify(
        actor=request.auth, assessment=a, comment=payload.comment, expected_version=payload.version
    )
    return assessment_detail(request, assessment_id)


class CentreResultOut(Schema):
    centre_id: int
    code: str
    name: str
    province: str
    assessors: int
    dimensions: dict[str, Decimal | None]
    composite: Decimal | None
    readiness_class: str
    indicators: dict[str, Decimal | None]


class ResultList(Schema):
    count: int
    consolidation_rule: str
    items: list[CentreResultOut]


@router.get("/assessment/rounds/{round_id}/results", response=ResultList)
def round_results(
    request, round_id: int, province: str = "", readiness: str = "", limit: int = 50, offset: int = 0
):
    """Consolidated result per centre from the verified assessments the caller may see (as the results page)."""
    from inkubator.assessment import results

    require(request.auth, ASSESSMENT_RESULTS)  # not assessors: they see only their own work
    rnd = results.round_get(request.auth, round_id)
    if rnd is None:
        raise Http404
    data = results.round_results(user=request.auth, round=rnd, province=province, readiness=readiness)
    page = paginate(data.centres, limit, offset)
    return {
        "count": page["count"],
        "consolidation_rule": rnd.consolidation_rule,
        "items": [
            {
                "centre_id": c.centre_id,
                "code": c.code,
                "name": c.name,
                "province": c.province_code,
                "assessors": c.n_assessors,
                "dimensions": c.dimensions,
                "composite": c.composite,
                "readiness_class": c.readiness_class,
                "indicators": c.indicators,
            }
            for c in page["items"]
        ],
    }


class AssignIn(Schema):
    centre_id: int
    assessor: str
    due_on: date | None = None


@router.post("/assessment/rounds/{round_id}/assignments", response={201: AssessmentOut})
def round_assign(request, round_id: int, payload: AssignIn):
    """Assign a field assessor (by username) to a centre of the round; an existing assignment is returned."""
    from inkubator.accounts.models import User
    from inkubator.assessment.models import AssessmentRound
    from inkubator.centres.models import Centre

    require(request.auth, ROUND_MANAGE)
    rnd = AssessmentRound.objects.visible_to(request.auth, ROUND_MANAGE).filter(pk=round_id).first()
    if rnd is None:
        raise Http404
    centre = Centre.objects.filter(pk=payload.centre_id).first()
    assessor = User.objects.filter(username=payload.assessor).first()
    if centre is None:
        raise ValidationError({"centre_id": [_("Unknown centre.")]})
    if assessor is None:
        raise ValidationError({"assessor": [_("Unknown user %(name)s.") % {"name": payload.assessor}]})
    a = services.round_assign(
        actor=request.auth, round=rnd, centre=centre, assessor=assessor, due_on=payload.due_on
    )
    a = Assessment.objects.select_related("centre", "assessor").get(pk=a.pk)
    return Status(201, _assessment_out(a))
