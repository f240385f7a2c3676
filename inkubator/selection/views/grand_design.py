"""Grand Design pages: centres per province beside unemployment, and the typology of centres.

Viewing needs `SELECTION_VIEW` (researchers and the national roles); rounds and runs are those the user may
see. Exports also need `ASSESSMENT_EXPORT`. The reference data (roadmap scenarios, unemployment rates)
has its own pages (`reference_data`).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import AssessmentRound
from inkubator.assessment.permissions import ASSESSMENT_EXPORT, ASSESSMENT_VIEW
from inkubator.core import exports
from inkubator.core.http import query_without
from inkubator.core.permissions import require, role_has_permission
from inkubator.selection import analytics, selectors
from inkubator.selection.forms.grand_design import MEASURE_CHOICES, GrandDesignFilterForm
from inkubator.selection.models import SelectionRun, UnemploymentRate
from inkubator.selection.permissions import SELECTION_VIEW
from inkubator.selection.province_tiles import TILES

SORTS = ("code", "name", *analytics.MEASURES)


def _rounds(user):
    return (
        AssessmentRound.objects.visible_to(user, ASSESSMENT_VIEW)
        .select_related("instrument")
        .order_by("-starts_on", "-pk")
    )


def _filters(request):
    """The page's round, run, TPT year and map measure from the query string (invalid values ignored)."""
    rounds = _rounds(request.user)
    runs = selectors.runs(request.user)
    years = sorted(set(UnemploymentRate.objects.values_list("year", flat=True)), reverse=True)
    params = request.GET.copy()
    first_visit = "round" not in params and "run" not in params
    decision = selectors.decisions().filter(run__in=runs).order_by("-published_at", "-pk").first()
    if first_visit and decision is not None:
        # a meaningful first view: the latest published decision, its round, the selected centres per province
        params["round"], params["run"] = str(decision.run.round_id), str(decision.run_id)
        params.setdefault("measure", "selected")
    elif "round" not in params:  # else the latest round with verified assessments (else the latest)
        latest = (
            rounds.filter(assessments__status=AssessmentStatus.VERIFIED).distinct().first() or rounds.first()
        )
        params["round"] = str(latest.pk) if latest else ""
    params.setdefault("measure", "ready")
    form = GrandDesignFilterForm(params, rounds=rounds, runs=runs, years=years)
    form.is_valid()  # the valid fields are used, an invalid one is shown with its error and ignored
    data = form.cleaned_data
    rnd = data.get("round")
    run = data.get("run")
    if run is not None:
        if rnd is None:
            rnd = run.round
        elif run.round_id != rnd.pk:
            form.add_error("run", _("This run belongs to another round."))
            run = None
    if run is not None:
        run = SelectionRun.objects.get(pk=run.pk)  # with its frozen inputs and outputs
    form.fields["run"].queryset = runs.filter(round=rnd) if rnd is not None else runs.none()
    measure = data.get("measure") or "ready"
    return form, rnd, run, data.get("tpt_year"), measure


def _dimension_names(rnd) -> dict[str, str]:
    return {d.code: d.label for d in rnd.instrument.dimensions.order_by("position")}


def _number(text):
    """A stored score (text with 2 decimals) as an XLSX number; empty when missing."""
    return float(text) if text not in (None, "", "None") else None


@login_required
def grand_design(request):
    """Per province: centres, assessed, ready and selected beside the open unemployment rate; map and scatter.

    `?format=xlsx` exports the table as shown (same round, run, year and order).
    """
    require(request.user, SELECTION_VIEW)
    form, rnd, run, tpt_year, measure = _filters(request)
    sort = request.GET.get("sort", "code")
    if sort.lstrip("-") not in SORTS:
        sort = "code"
    table = analytics.sort_table(analytics.province_table(rnd, run, tpt_year=tpt_year), sort)
    if request.GET.get("format") == "xlsx":
        require(request.user, ASSESSMENT_EXPORT)
        headers = [
            _("Code"),
            _("Province"),
            _("Active centres"),
            _("Assessed"),
            _("Ready"),
            _("Selected"),
            _("TPT (%)"),
            _("TPT year"),
            _("TPT source"),
        ]
        rows = (
            [
                r["code"],
                r["name"],
                r["centres"],
                r["assessed"],
                r["ready"],
                r["selected"],
                float(r["tpt"]) if r["tpt"] is not None else None,
                r["tpt_year"],
                r["tpt_source"],
            ]
            for r in table
        )
        return exports.export_response("xlsx", f"grand-design-provinsi-{rnd.pk if rnd else 0}", headers, rows)
    chart = {
        "rows": 1 + max(t[0] for t in TILES.values()),
        "columns": 1 + max(t[1] for t in TILES.values()),
        "measures": [{"value": v, "label": str(label)} for v, label in MEASURE_CHOICES],
        "measure": measure,
        "provinces": [
            {
                "code": r["code"],
                "name": r["name"],
                "tile": TILES[r["code"]][:2],
                "abbr": TILES[r["code"]][2],
                "centres": r["centres"],
                "assessed": r["assessed"],
                "ready": r["ready"],
                "selected": r["selected"],
                "tpt": float(r["tpt"]) if r["tpt"] is not None else None,
            }
            for r in table
            if r["code"] in TILES
        ],
        "labels": {"tpt": _("Open unemployment rate (%)"), "ready": _("Ready centres"), "none": _("No data")},
    }
    columns = []
    for key, label in (
        ("code", _("Code")),
        ("name", _("Province")),
        ("centres", _("Active centres")),
        ("assessed", _("Assessed")),
        ("ready", _("Ready")),
        ("selected", _("Selected")),
        ("tpt", _("TPT (%)")),
    ):
        state = "asc" if sort == key else "desc" if sort == f"-{key}" else ""
        numeric = key not in ("code", "name")
        columns.append(
            {
                "key": key,
                "label": label,
                "state": state,
                "numeric": numeric,
                "next": f"-{key}" if state == "asc" or (not state and numeric) else key,
            }
        )
    return render(
        request,
        "selection/grand_design.html",
        {
            "filter": {"form": form},
            "round": rnd,
            "run": run,
            "table": table,
            "totals": analytics.province_totals(table),
            "chart": chart,
            "sort": sort,
            "columns": columns,
            "here": "provinces",
            "sort_query": query_without(request, "sort", "format"),
            "export_query": query_without(request, "format"),
            "can_export": role_has_permission(request.user, ASSESSMENT_EXPORT),
            "missing_tpt": sum(1 for r in table if r["tpt"] is None),
        },
    )


@login_required
def grand_design_typology(request):
    """Types of the round's centres by dimension profile; `?format=xlsx` exports the assignments."""
    require(request.user, SELECTION_VIEW)
    form, rnd, _run, _year, _measure = _filters(request)
    for name in ("run", "tpt_year", "measure"):  # the typology depends on the round only
        form.fields.pop(name)
    result = None
    names: dict[str, str] = {}
    rows: list[dict] = []
    if rnd is not None:
        names = _dimension_names(rnd)
        rows = selectors.consolidated_rows(rnd)
        result = analytics.typology(rows, dimensions=list(names), names=names)
    if request.GET.get("format") == "xlsx":
        require(request.user, ASSESSMENT_EXPORT)
        if result is None or not result["ok"]:
            raise Http404
        headers = [
            _("Code"),
            _("Name"),
            _("Province"),
            _("Type"),
            _("Type label"),
            _("Index"),
            _("Class"),
            *[f"{code}. {label}" for code, label in names.items()],
        ]
        number = result["assignments"]
        label = {t["number"]: t["label"] for t in result["types"]}
        lines = [
            [
                r["code"],
                r["name"],
                r["province_name"],
                number[r["code"]],
                label[number[r["code"]]],
                _number(r["composite"]),
                r["class"],
                *[_number(r["dimensions"].get(c)) for c in names],
            ]
            for r in rows
        ]
        return exports.export_response("xlsx", f"grand-design-tipologi-{rnd.pk}", headers, lines)
    chart = None
    if result and result["ok"]:
        chart = {
            "dimensions": [f"{c}. {n}" for c, n in names.items()],
            "types": [
                {"name": _("Type %(n)s") % {"n": t["number"]}, "values": list(t["centroid"].values())}
                for t in result["types"]
            ],
            "scores": result["scores"],
            "silhouette": _("Mean silhouette"),
        }
    return render(
        request,
        "selection/grand_design_typology.html",
        {
            "filter": {"form": form},
            "round": rnd,
            "result": result,
            "names": names,
            "chart": chart,
            "here": "typology",
            "criterion": analytics.criterion_text(),
            "export_query": query_without(request, "format"),
            "can_export": role_has_permission(request.user, ASSESSMENT_EXPORT),
        },
    )
