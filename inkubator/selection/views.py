"""Selection pages: overview, weight sets (create with AHP, compare), runs (computed as a job, detail,
re-run check, workbook, report) and the decisions, which are public.

Everything but the decisions needs `perms.SELECTION_VIEW`; a run is visible when its round is
(`selectors.runs`). Creating needs `SELECTION_MANAGE`, publishing `DECISION_PUBLISH`; the services
check again.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkubator.assessment import selectors as assessment_selectors
from inkubator.core import jobs
from inkubator.core import permissions as perms
from inkubator.core.audit import history_for
from inkubator.core.exports import XLSX_TYPE
from inkubator.core.models import Job
from inkubator.core.pdf import pdf_response
from inkubator.core.permissions import require
from inkubator.selection import presenters, selectors, services
from inkubator.selection.forms import (
    MAX_EXPERTS,
    MUST_ROWS,
    SAATY,
    InstrumentChoiceForm,
    PublishForm,
    RunForm,
    WeightSetForm,
    initial_from_params,
    round_centres,
    round_provinces,
    rounds_with_verified,
)
from inkubator.selection.models import Decision, SelectionRun, WeightSource

PAGE_SIZE = 25
RANKING_PAGE = 200  # rows of a run's full ranking per page (a national round has thousands)
JOB_KIND = "selection_run"



def _page(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _dimensions(instrument) -> list[tuple[str, str]]:
    return [(d.code, f"{d.code}. {d.label}") for d in instrument.dimensions.order_by("position")]


@login_required
def overview(request):
    """Rounds with their verified centres, recent runs and published decisions."""
    require(request.user, perms.SELECTION_VIEW)
    return render(request, "selection/overview.html", {
        "rounds": rounds_with_verified(request.user),
        "runs": selectors.runs(request.user)[:10],
        "decisions": selectors.decisions().defer("run__inputs", "run__outputs")[:10],
        "can_manage": perms.role_has_permission(request.user, perms.SELECTION_MANAGE),
    })


# --- weight sets -----------------------------------------------------------------------------------------


@login_required
def weightset_list(request):
    """Every weight set; `?compare=<id>&compare=<id>…` shows two or more side by side."""
    require(request.user, perms.SELECTION_VIEW)
    sets = selectors.weight_sets(request.user)
    raw = request.GET.getlist("compare")
    compared, rows, chart, error = [], [], None, ""
    if raw:
        ids = [int(v) for v in raw if v.isdigit()]
        found = {ws.pk: ws for ws in sets.filter(pk__in=ids)}
        compared = [found[i] for i in dict.fromkeys(ids) if i in found]
        if len(compared) < 2:
            error = _("Choose at least two weight sets to compare.")
        elif len({ws.instrument_id for ws in compared}) > 1:
            error = _("Only weight sets of the same instrument can be compared.")
        else:
            dims = _dimensions(compared[0].instrument)
            labels = dict(dims)
            rows = [{"label": label, "values": [ws.weights.get(code) for ws in compared]} for code, label in dims]
            chart = presenters.weights_chart(compared, labels)
    return render(request, "selection/weightset_list.html", {
        "page": _page(request, sets), "compared": compared if chart else [], "rows": rows, "chart": chart,
        "error": error, "chosen": {str(ws.pk) for ws in compared},
        "can_manage": perms.role_has_permission(request.user, perms.SELECTION_MANAGE),
    }, status=400 if error else 200)


def _form_initial(data) -> dict:
    return {k: data.get(k) for k in data if k not in ("csrfmiddlewaretoken", "action")}


@login_required
def weightset_create(request):
    """Choose an instrument, then a source; AHP: the experts' judgements, with CR shown before saving."""
    require(request.user, perms.SELECTION_MANAGE)
    instruments = assessment_selectors.instrument_list(request.user)
    instrument_id = request.GET.get("instrument")
    if not instrument_id:
        return render(request, "selection/weightset_choose.html", {
            "form": InstrumentChoiceForm(instruments=instruments)})
    instrument = instruments.filter(pk=instrument_id).first() if instrument_id.isdigit() else None
    if instrument is None:
        raise Http404
    dims = _dimensions(instrument)
    codes, labels = [c for c, _label in dims], dict(dims)
    rounds = rounds_with_verified(request.user).filter(instrument=instrument, n_verified__gte=2)
    action = request.POST.get("action", "save")
    experts = request.POST.get("experts", "1")
    experts = int(experts) if experts.isdigit() else 1
    if action == "add_expert":
        experts = min(MAX_EXPERTS, experts + 1)
    elif action == "remove_expert":
        experts = max(1, experts - 1)
    kwargs = {"instrument": instrument, "rounds": rounds, "dimensions": dims, "experts": experts}
    if request.method == "POST" and action in ("add_expert", "remove_expert"):
        form = WeightSetForm(initial={**_form_initial(request.POST), "experts": experts}, **kwargs)
        return render(request, "selection/weightset_form.html", _weightset_context(form, instrument, None))
    form = WeightSetForm(request.POST if request.method == "POST" else None, **kwargs)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["source"] == WeightSource.AHP:
            preview, problem = presenters.ahp_preview(data["pairwise"], codes, labels)
            if preview is None:
                form.add_error(None, problem)
        if action == "save" and not form.errors:
            if preview is not None and not preview["consistent"] and not data["confirm_inconsistent"]:
                form.add_error("confirm_inconsistent", _(
                    "The consistency ratio is above 0.10. Revise the judgements named above, or tick this box to "
                    "save the weights anyway."))
            else:
                try:
                    ws = services.weight_set_create(
                        actor=request.user, name=data["name"], instrument=instrument, source=data["source"],
                        weights=data.get("weights"), pairwise=data.get("pairwise"),
                        basis_round=data.get("basis_round"), note=data.get("note", ""),
                    )
                except ValidationError as exc:
                    for field, errors in exc.message_dict.items():
                        for error in errors:
                            form.add_error(field if field in form.fields else None, error)
                else:
                    messages.success(request, _("Weight set “%(name)s” saved.") % {"name": str(ws)})
                    return redirect("selection:weightset_detail", pk=ws.pk)
    return render(request, "selection/weightset_form.html", _weightset_context(form, instrument, preview),
                  status=422 if form.errors else 200)


def _weightset_context(form, instrument, preview) -> dict:
    return {
        "form": form, "instrument": instrument, "preview": preview, "grids": form.expert_grids(),
        "weight_fields": [form[f"weight_{code}"] for code, _label in form.dimensions],
        "max_experts": MAX_EXPERTS, "scale": SAATY,
    }


@login_required
def weightset_detail(request, pk):
    require(request.user, perms.SELECTION_VIEW)
    ws = selectors.weight_sets(request.user).filter(pk=pk).first()
    if ws is None:
        raise Http404
    dims = _dimensions(ws.instrument)
    labels = dict(dims)
    details = ws.details or {}
    matrices = []
    if ws.source == WeightSource.AHP and details.get("pairwise"):
        raw = details["pairwise"]
        experts = raw if isinstance(raw[0][0], list) else [raw]
        matrices = [
            {"number": k, "rows": [{"label": dims[i][1], "cells": [presenters.judgement_label(v) for v in row]}
                                   for i, row in enumerate(m)]}
            for k, m in enumerate(experts, start=1)
        ]
    return render(request, "selection/weightset_detail.html", {
        "ws": ws, "rows": [{"label": labels.get(code, code), "weight": w} for code, w in ws.weights.items()],
        "chart": presenters.weights_chart([ws], labels), "labels": [label for _c, label in dims],
        "inconsistent": presenters.saved_inconsistent(ws, labels), "matrices": matrices,
        "versions": selectors.weight_sets(request.user).filter(name=ws.name),
        "runs": selectors.runs(request.user).filter(weight_set=ws)[:20],
        "history": history_for(ws)[:50] if perms.role_has_permission(request.user, perms.HISTORY_VIEW) else None,
    })


# --- runs -----------------------------------------------------------------------------------------------


@login_required
def run_list(request):
    require(request.user, perms.SELECTION_VIEW)
    return render(request, "selection/run_list.html", {
        "page": _page(request, selectors.runs(request.user)),
        "can_manage": perms.role_has_permission(request.user, perms.SELECTION_MANAGE),
    })


def _run_params(run: SelectionRun) -> dict:
    return {
        "name": run.name, "round": run.round_id, "weight_set": run.weight_set_id, "method": run.method,
        "constraints": run.inputs["constraints"], "only_classes": run.inputs.get("only_classes", []),
        "seed": run.seed, "draws": run.draws, "concentration": str(run.concentration),
    }


@login_required
def run_create(request):
    """The run form for one round (`?round=`); `?from_run=` / `?from_job=` start from earlier inputs.

    The run is computed by a job; the page then follows its progress (`run_job`).
    """
    require(request.user, perms.SELECTION_MANAGE)
    rounds = rounds_with_verified(request.user)
    params = None
    if request.GET.get("from_run", "").isdigit():
        earlier = _visible_run(request, int(request.GET["from_run"]))
        params = _run_params(earlier)
    elif request.GET.get("from_job"):
        job = Job.objects.filter(uuid=_uuid_or_404(request.GET["from_job"]), kind=JOB_KIND,
                                 created_by=request.user).first()
        if job is None:
            raise Http404
        params = job.params
    round_id = str(params["round"]) if params else request.GET.get("round", "")
    if not round_id:
        return render(request, "selection/run_choose.html", {"rounds": rounds})
    rnd = rounds.filter(pk=round_id).first() if round_id.isdigit() else None
    if rnd is None:
        raise Http404
    if not rnd.n_verified:
        messages.error(request, _("This round has no verified assessments yet: nothing to select from."))
        return render(request, "selection/run_choose.html", {"rounds": rounds}, status=422)
    centres = round_centres(rnd)
    action = request.POST.get("action", "compute")
    rows = request.POST.get("rows", "")
    rows = int(rows) if rows.isdigit() else MUST_ROWS
    kwargs = {"rnd": rnd, "centres": centres}
    if request.method == "POST" and action == "more_rows":
        initial = _form_initial(request.POST)
        initial["only_classes"] = request.POST.getlist("only_classes")
        for box in ("require_aid", "require_active"):
            initial[box] = box in request.POST
        form = RunForm(initial={**initial, "rows": rows + MUST_ROWS}, rows=rows + MUST_ROWS, **kwargs)
        return render(request, "selection/run_form.html", {"form": form, "round": rnd})
    if request.method == "POST":
        form = RunForm(request.POST, rows=rows, **kwargs)
        if form.is_valid():
            job = jobs.job_create(kind=JOB_KIND, actor=request.user, params=form.job_params(get_language()))
            return redirect("selection:run_job", uuid=job.uuid)
    elif params:
        used = max(len(params["constraints"].get("must_include") or []), len(params["constraints"].get("must_exclude") or []))
        rows = max(MUST_ROWS, used + 2)
        form = RunForm(initial={**initial_from_params(params, round_provinces(centres)), "rows": rows},
                       rows=rows, **kwargs)
    else:
        form = RunForm(rows=rows, **kwargs)
    return render(request, "selection/run_form.html", {"form": form, "round": rnd},
                  status=422 if form.errors else 200)


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404


@login_required
def run_job(request, uuid):
    """Progress of the job computing a run; once it has succeeded, on to the run (htmx: HX-Redirect)."""
    require(request.user, perms.SELECTION_MANAGE)
    job = Job.objects.filter(uuid=uuid, kind=JOB_KIND, created_by=request.user).first()
    if job is None:
        raise Http404
    run_id = (job.result or {}).get("run_id") if job.status == Job.Status.SUCCEEDED else None
    if run_id:
        url = reverse("selection:run_detail", kwargs={"pk": run_id})
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=200)
            response["HX-Redirect"] = url
            return response
        return redirect(url)
    template = "selection/partials/_run_job_status.html" if request.headers.get("HX-Request") else "selection/run_job.html"
    return render(request, template, {"job": job})


def _visible_run(request, pk) -> SelectionRun:
    require(request.user, perms.SELECTION_VIEW)
    run = (
        selectors.runs(request.user).defer(None).select_related("round__instrument", "weight_set", "created_by")
        .filter(pk=pk).first()
    )
    if run is None:
        raise Http404
    return run


def _render_run(request, run, *, verification=None, publish_form=None, status=200):
    view = presenters.run_view(run)
    decision = Decision.objects.filter(run=run).first()
    can_publish = perms.role_has_permission(request.user, perms.DECISION_PUBLISH) and decision is None
    return render(request, "selection/run_detail.html", {
        "run": run, "view": view, "charts": presenters.charts(view), "decision": decision,
        "ranking": Paginator(view["ranking"], RANKING_PAGE).get_page(request.GET.get("page")),
        "verification": verification, "can_publish": can_publish,
        "publish_form": publish_form or (PublishForm(initial={"title": run.name}) if can_publish else None),
        "can_manage": perms.role_has_permission(request.user, perms.SELECTION_MANAGE),
        "history": history_for(run)[:50] if perms.role_has_permission(request.user, perms.HISTORY_VIEW) else None,
    }, status=status)


@login_required
def run_detail(request, pk):
    return _render_run(request, _visible_run(request, pk))


@login_required
@require_POST
def run_verify(request, pk):
    """Re-run from the frozen inputs and compare the hashes (✓ identical / ✗ different)."""
    run = _visible_run(request, pk)
    result = services.run_verify(run, actor=request.user)
    verification = {**result, "identical": result["input_hash_ok"] and result["output_hash_ok"]}
    return _render_run(request, run, verification=verification)


@login_required
def run_xlsx(request, pk):
    run = _visible_run(request, pk)
    data = presenters.run_workbook(run, presenters.run_view(run))
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="seleksi-{run.pk}.xlsx"'
    return response


BAR_LABEL_WIDTH = 230
BAR_WIDTH = 300
BAR_HEIGHT = 16
BAR_GAP = 8


def _svg_weights(criteria) -> dict:
    """Geometry of the report's weight bars (inline SVG; the longest weight fills the width)."""
    top = max((float(c["weight"]) for c in criteria), default=0) or 1
    bars = []
    for n, c in enumerate(criteria):
        y = BAR_GAP + n * (BAR_HEIGHT + BAR_GAP)
        width = round(float(c["weight"]) * BAR_WIDTH / top, 1)
        bars.append({"label": c["label"][:40], "weight": c["weight"], "y": y, "text_y": y + BAR_HEIGHT - 4,
                     "width": width, "value_x": BAR_LABEL_WIDTH + width + 4})
    height = BAR_GAP + len(bars) * (BAR_HEIGHT + BAR_GAP)
    return {"bars": bars, "height": height, "label_width": BAR_LABEL_WIDTH, "bar_height": BAR_HEIGHT,
            "width": BAR_LABEL_WIDTH + BAR_WIDTH + 60}


def _pdf_response(request, run, decision) -> HttpResponse:
    view = presenters.run_view(run)
    return pdf_response("selection/report_pdf.html", {
        "run": run, "view": view, "decision": decision, "chart": _svg_weights(view["criteria"]),
        "generated": timezone.localtime(),
    }, f"laporan-seleksi-{run.pk}.pdf", request=request)


@login_required
def run_pdf(request, pk):
    """The selection report (WeasyPrint): method, weights, constraints, the list, robustness, hashes."""
    run = _visible_run(request, pk)
    return _pdf_response(request, run, Decision.objects.filter(run=run).first())


@login_required
@require_POST
def run_publish(request, pk):
    """Publish the run as the ministry's decision (national admins); afterwards it never changes."""
    require(request.user, perms.DECISION_PUBLISH)
    run = _visible_run(request, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            decision = services.decision_publish(actor=request.user, run=run, **form.cleaned_data)
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
            for field, messages_ in errors.items():
                for message in messages_:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("The run is published as a decision; it can no longer change."))
            return redirect("selection:decision_detail", pk=decision.pk)
    run.refresh_from_db()
    return _render_run(request, run, publish_form=form, status=422)


# --- decisions (public) --------------------------------------------------------------------------------------


def _decision_rows(decision, provinces) -> list[dict]:
    run = decision.run
    alternatives = {a["code"]: a for a in run.inputs["alternatives"]}
    ranks = {r["code"]: r["rank"] for r in run.outputs["ranking"]}
    rows = [
        {"code": code, "name": alternatives[code]["name"], "province": provinces.get(alternatives[code]["province"], ""),
         "rank": ranks.get(code)}
        for code in run.outputs["selected"]
    ]
    return sorted(rows, key=lambda r: (r["province"], r["code"]))


def decision_list(request):
    """Published decisions, readable by anyone: what was decided, the list, how, and its hashes."""
    page = _page(request, selectors.decisions(), size=10)
    provinces = presenters.province_names()
    return render(request, "selection/decision_list.html", {
        "page": page, "decisions": [{"decision": d, "rows": _decision_rows(d, provinces)} for d in page],
    })


def _decision_or_404(pk) -> Decision:
    decision = selectors.decisions().filter(pk=pk).first()
    if decision is None:
        raise Http404
    return decision


def decision_detail(request, pk):
    decision = _decision_or_404(pk)
    run = decision.run
    provinces = presenters.province_names()
    return render(request, "selection/decision_detail.html", {
        "decision": decision, "run": run, "rows": _decision_rows(decision, provinces),
        "constraints": presenters.constraint_lines(run.inputs, provinces),
        "weights": presenters.run_view(run)["criteria"],
    })


def decision_pdf(request, pk):
    """The selection report of a published decision: public, like the decision."""
    decision = _decision_or_404(pk)
    return _pdf_response(request, decision.run, decision)
