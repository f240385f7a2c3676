"""Publishing a run as a decision (national admins) and the public list of decisions."""

from datetime import datetime

from django.urls import reverse
from ninja import Router, Schema, Status

from inkubator.api.pagination import paged, paginate
from inkubator.api.selection.runs import visible_run
from inkubator.core.permissions import require
from inkubator.selection import presenters, selectors, services
from inkubator.selection.permissions import DECISION_PUBLISH

router = Router(tags=["selection"])


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


DecisionList = paged(DecisionOut)


def _decision_out(d, provinces) -> dict:
    run = d.run
    alternatives = {a["code"]: a for a in run.inputs["alternatives"]}
    return {
        "id": d.pk,
        "title": d.title,
        "reference": d.reference,
        "note": d.note,
        "published_at": d.published_at,
        "run_id": run.pk,
        "round": run.inputs["round"]["name"],
        "method": run.method,
        "weight_set": f"{run.inputs['weight_set']['name']} v{run.inputs['weight_set']['version']}",
        "n": run.n,
        "input_hash": run.input_hash,
        "output_hash": run.output_hash,
        "selected": [
            {
                "code": code,
                "name": alternatives[code]["name"],
                "province": alternatives[code]["province"],
                "province_name": provinces.get(alternatives[code]["province"], ""),
            }
            for code in run.outputs["selected"]
        ],
        "report_url": reverse("selection:decision_pdf", kwargs={"pk": d.pk}),
    }


@router.post("/selection/runs/{run_id}/publish", response={201: DecisionOut})
def run_publish(request, run_id: int, payload: PublishIn):
    """Publish a run as the ministry's decision (national admins); afterwards it never changes."""
    require(request.auth, DECISION_PUBLISH)
    run = visible_run(request.auth, run_id)
    decision = services.decision_publish(
        actor=request.auth, run=run, title=payload.title, reference=payload.reference, note=payload.note
    )
    decision = selectors.decisions().get(pk=decision.pk)
    return Status(201, _decision_out(decision, presenters.province_names()))


@router.get("/selection/decisions", response=DecisionList, auth=None)
def decision_list(request, limit: int = 50, offset: int = 0):
    """Published decisions: public, like the decisions page."""
    page = paginate(selectors.decisions(), limit, offset)
    provinces = presenters.province_names()
    return {"count": page["count"], "items": [_decision_out(d, provinces) for d in page["items"]]}
