"""The published decisions, readable by anyone: what was decided, the list, how, and its hashes."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from inkubator.selection import presenters, selectors
from inkubator.selection.models import Decision
from inkubator.selection.views.common import page_of
from inkubator.selection.views.runs import report_response


def _decision_rows(decision, provinces) -> list[dict]:
    run = decision.run
    alternatives = {a["code"]: a for a in run.inputs["alternatives"]}
    ranks = {r["code"]: r["rank"] for r in run.outputs["ranking"]}
    rows = [
        {
            "code": code,
            "name": alternatives[code]["name"],
            "province": provinces.get(alternatives[code]["province"], ""),
            "rank": ranks.get(code),
        }
        for code in run.outputs["selected"]
    ]
    return sorted(rows, key=lambda r: (r["province"], r["code"]))


def decision_list(request):
    """Published decisions, readable by anyone: what was decided, the list, how, and its hashes."""
    page = page_of(request, selectors.decisions(), size=10)
    provinces = presenters.province_names()
    return render(
        request,
        "selection/decision_list.html",
        {
            "page": page,
            "decisions": [{"decision": d, "rows": _decision_rows(d, provinces)} for d in page],
        },
    )


def _decision_or_404(pk) -> Decision:
    decision = selectors.decisions().filter(pk=pk).first()
    if decision is None:
        raise Http404
    return decision


def decision_detail(request, pk):
    decision = _decision_or_404(pk)
    run = decision.run
    provinces = presenters.province_names()
    return render(
        request,
        "selection/decision_detail.html",
        {
            "decision": decision,
            "run": run,
            "rows": _decision_rows(decision, provinces),
            "constraints": presenters.constraint_lines(run.inputs, provinces),
            "weights": presenters.run_view(run)["criteria"],
        },
    )


def decision_pdf(request, pk):
    """The selection report of a published decision: public, like the decision."""
    decision = _decision_or_404(pk)
    return report_response(request, decision.run, decision)
