"""Run pages: the list, the run form (computed as a job whose progress the page follows), a run with its
explanations, the re-run check, the workbook, the report and publishing it as a decision."""

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

from inkubator.centres.permissions import HISTORY_VIEW
from inkubator.core.audit import history_for
from inkubator.core.errors import add_to_form
from inkubator.core.exports import XLSX_TYPE
from inkubator.core.http import is_htmx, render_page_or_fragment
from inkubator.core.models import Job
from inkubator.core.pdf import pdf_response
from inkubator.core.permissions import require, role_has_permission
from inkubator.selection import presenters, selectors, services
from inkubator.selection.forms.decisions import PublishForm
from inkubator.selection.forms.runs import MUST_ROWS, RunForm, initial_from_params
from inkubator.selection.models import Decision, SelectionRun
from inkubator.selection.permissions import DECISION_PUBLISH, SELECTION_MANAGE, SELECTION_VIEW
from inkubator.selection.views.common import form_initial, page_of

RANKING_PAGE = 200  # rows of a run's full ranking per page (a national round has thousands)


@login_required
def run_list(request):
    require(request.user, SELECTION_VIEW)
    return render(
        request,
        "selection/run_list.html",
        {
            "page": page_of(request, selectors.runs(request.user)),
            "can_manage": role_has_permission(request.user, SELECTION_MANAGE),
        },
    )


# --- the run form and its job ---------------------------------------------------------------------------


def _run_params(run: SelectionRun) -> dict:
    return {
        "name": run.name,
        "round": run.round_id,
        "weight_set": run.weight_set_id,
        "method": run.method,
        "constraints": run.inputs["constraints"],
        "only_classes": run.inputs.get("only_classes", []),
        "seed": run.seed,
        "draws": run.draws,
        "concentration": str(run.concentration),
    }


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404


def _own_job(request, value) -> Job:
    """The user's own job computing a run, else 404."""
    job = Job.objects.filter(uuid=value, kind=services.RUN_JOB, created_by=request.user).first()
    if job is None:
        raise Http404
    return job


def _earlier_params(request) -> dict | None:
    """The inputs to start from: an earlier run's (`?from_run=`) or a job's (`?from_job=`), if asked."""
    if request.GET.get("from_run", "").isdigit():
        return _run_params(visible_run(request, int(request.GET["from_run"])))
    if request.GET.get("from_job"):
        return _own_job(request, _uuid_or_404(request.GET["from_job"])).params
    return None


def _posted_rows(request) -> int:
    rows = request.POST.get("rows", "")
    return int(rows) if rows.isdigit() else MUST_ROWS


@login_required
def run_create(request):
    """The run form for one round (`?round=`); `?from_run=` / `?from_job=` start from earlier inputs.

    The run is computed by a job; the page then follows its progress (`run_job`).
    """
    require(request.user, SELECTION_MANAGE)
    rounds = selectors.rounds_with_verified(request.user)
    params = _earlier_params(request)
    round_id = str(params["round"]) if params else request.GET.get("round", "")
    if not round_id:
        return render(request, "selection/run_choose.html", {"rounds": rounds})
    rnd = rounds.filter(pk=round_id).first() if round_id.isdigit() else None
    if rnd is None:
        raise Http404
    if not rnd.n_verified:
        messages.error(request, _("This round has no verified assessments yet: nothing to select from."))
        return render(request, "selection/run_choose.html", {"rounds": rounds}, status=422)
    centres = selectors.round_centres(rnd)
    if request.method == "POST" and request.POST.get("action", "compute") == "more_rows":
        form = _form_with_more_rows(request, rnd, centres)
    elif request.method == "POST":
        form = RunForm(request.POST, rows=_posted_rows(request), rnd=rnd, centres=centres)
        job = _enqueue(request, form)
        if job is not None:
            return redirect("selection:run_job", uuid=job.uuid)
    elif params:
        form = _form_from_params(params, rnd, centres)
    else:
        form = RunForm(rows=_posted_rows(request), rnd=rnd, centres=centres)
    return render(
        request, "selection/run_form.html", {"form": form, "round": rnd}, status=422 if form.errors else 200
    )


def _form_with_more_rows(request, rnd, centres) -> RunForm:
    """The form as posted, unchecked, with five more rows of centres to include or exclude."""
    rows = _posted_rows(request) + MUST_ROWS
    initial = form_initial(request.POST)
    initial["only_classes"] = request.POST.getlist("only_classes")
    for box in ("require_aid", "require_active"):
        initial[box] = box in request.POST
    return RunForm(initial={**initial, "rows": rows}, rows=rows, rnd=rnd, centres=centres)


def _form_from_params(params: dict, rnd, centres) -> RunForm:
    constraints = params["constraints"]
    used = max(len(constraints.get("must_include") or []), len(constraints.get("must_exclude") or []))
    rows = max(MUST_ROWS, used + 2)
    initial = initial_from_params(params, selectors.round_provinces(centres))
    return RunForm(initial={**initial, "rows": rows}, rows=rows, rnd=rnd, centres=centres)


def _enqueue(request, form: RunForm) -> Job | None:
    """The job computing the run, or None with the refusal shown on the form."""
    if not form.is_valid():
        return None
    try:
        return services.run_enqueue(actor=request.user, language=get_language(), **form.run_params())
    except ValidationError as exc:
        add_to_form(form, exc)
        return None


@login_required
def run_job(request, uuid):
    """Progress of the job computing a run; once it has succeeded, on to the run (htmx: HX-Redirect)."""
    require(request.user, SELECTION_MANAGE)
    job = _own_job(request, uuid)
    run_id = (job.result or {}).get("run_id") if job.status == Job.Status.SUCCEEDED else None
    if run_id:
        url = reverse("selection:run_detail", kwargs={"pk": run_id})
        if is_htmx(request):
            response = HttpResponse(status=200)
            response["HX-Redirect"] = url
            return response
        return redirect(url)
    return render_page_or_fragment(
        request, "selection/run_job.html", "selection/partials/_run_job_status.html", {"job": job}
    )


# --- a run ------------------------------------------------------------------------------------------------


def visible_run(request, pk) -> SelectionRun:
    """The run with its frozen inputs and outputs when the user may see it (its round is visible), else 404."""
    require(request.user, SELECTION_VIEW)
    run = (
        selectors.runs(request.user)
        .defer(None)
        .select_related("round__instrument", "weight_set", "created_by")
        .filter(pk=pk)
        .first()
    )
    if run is None:
        raise Http404
    return run


def _render_run(request, run, *, verification=None, publish_form=None, status=200):
    view = presenters.run_view(run)
    decision = Decision.objects.filter(run=run).first()
    can_publish = role_has_permission(request.user, DECISION_PUBLISH) and decision is None
    return render(
        request,
        "selection/run_detail.html",
        {
            "run": run,
            "view": view,
            "charts": presenters.charts(view),
            "decision": decision,
            "ranking": Paginator(view["ranking"], RANKING_PAGE).get_page(request.GET.get("page")),
            "verification": verification,
            "can_publish": can_publish,
            "publish_form": publish_form
            or (PublishForm(initial={"title": run.name}) if can_publish else None),
            "can_manage": role_has_permission(request.user, SELECTION_MANAGE),
            "history": history_for(run)[:50] if role_has_permission(request.user, HISTORY_VIEW) else None,
        },
        status=status,
    )


@login_required
def run_detail(request, pk):
    return _render_run(request, visible_run(request, pk))


@login_required
@require_POST
def run_verify(request, pk):
    """Re-run from the frozen inputs and compare the hashes (✓ identical / ✗ different)."""
    run = visible_run(request, pk)
    result = services.run_verify(run, actor=request.user)
    verification = {**result, "identical": result["input_hash_ok"] and result["output_hash_ok"]}
    return _render_run(request, run, verification=verification)


@login_required
def run_xlsx(request, pk):
    run = visible_run(request, pk)
    data = presenters.run_workbook(run, presenters.run_view(run))
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="seleksi-{run.pk}.xlsx"'
    return response


def report_response(request, run, decision) -> HttpResponse:
    """The selection report as PDF (WeasyPrint): of a run, or of the decision that published it."""
    view = presenters.run_view(run)
    return pdf_response(
        "selection/report_pdf.html",
        {
            "run": run,
            "view": view,
            "decision": decision,
            "chart": presenters.report_weight_bars(view["criteria"]),
            "generated": timezone.localtime(),
        },
        f"laporan-seleksi-{run.pk}.pdf",
        request=request,
    )


@login_required
def run_pdf(request, pk):
    """The selection report (WeasyPrint): method, weights, constraints, the list, robustness, hashes."""
    run = visible_run(request, pk)
    return report_response(request, run, Decision.objects.filter(run=run).first())


@login_required
@require_POST
def run_publish(request, pk):
    """Publish the run as the ministry's decision (national admins); afterwards it never changes."""
    require(request.user, DECISION_PUBLISH)
    run = visible_run(request, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            decision = services.decision_publish(actor=request.user, run=run, **form.cleaned_data)
        except ValidationError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("The run is published as a decision; it can no longer change."))
            return redirect("selection:decision_detail", pk=decision.pk)
    run.refresh_from_db()
    return _render_run(request, run, publish_form=form, status=422)
