"""Weight-set pages: the list (with two or more side by side), creating one (AHP with its CR shown before
saving) and one weight set with its versions and runs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inkubator.assessment import selectors as assessment_selectors
from inkubator.centres.permissions import HISTORY_VIEW
from inkubator.core.audit import history_for
from inkubator.core.errors import add_to_form
from inkubator.core.permissions import require, role_has_permission
from inkubator.selection import presenters, selectors, services
from inkubator.selection.forms.weight_sets import MAX_EXPERTS, SAATY, InstrumentChoiceForm, WeightSetForm
from inkubator.selection.models import WeightSource
from inkubator.selection.permissions import SELECTION_MANAGE, SELECTION_VIEW
from inkubator.selection.views.common import form_initial, instrument_dimensions, page_of

EXPERT_ACTIONS = ("add_expert", "remove_expert")


@login_required
def weightset_list(request):
    """Every weight set; `?compare=<id>&compare=<id>…` shows two or more side by side."""
    require(request.user, SELECTION_VIEW)
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
            dims = instrument_dimensions(compared[0].instrument)
            labels = dict(dims)
            rows = [
                {"label": label, "values": [ws.weights.get(code) for ws in compared]} for code, label in dims
            ]
            chart = presenters.weights_chart(compared, labels)
    return render(
        request,
        "selection/weightset_list.html",
        {
            "page": page_of(request, sets),
            "compared": compared if chart else [],
            "rows": rows,
            "chart": chart,
            "error": error,
            "chosen": {str(ws.pk) for ws in compared},
            "can_manage": role_has_permission(request.user, SELECTION_MANAGE),
        },
        status=400 if error else 200,
    )


def _experts(request, action: str) -> int:
    """How many experts' grids to show: as posted, one more or one less."""
    experts = request.POST.get("experts", "1")
    experts = int(experts) if experts.isdigit() else 1
    if action == "add_expert":
        return min(MAX_EXPERTS, experts + 1)
    if action == "remove_expert":
        return max(1, experts - 1)
    return experts


@login_required
def weightset_create(request):
    """Choose an instrument, then a source; AHP: the experts' judgements, with CR shown before saving."""
    require(request.user, SELECTION_MANAGE)
    instruments = assessment_selectors.instrument_list(request.user)
    instrument_id = request.GET.get("instrument")
    if not instrument_id:
        return render(
            request,
            "selection/weightset_choose.html",
            {"form": InstrumentChoiceForm(instruments=instruments)},
        )
    instrument = instruments.filter(pk=instrument_id).first() if instrument_id.isdigit() else None
    if instrument is None:
        raise Http404
    action = request.POST.get("action", "save")
    experts = _experts(request, action)
    kwargs = {
        "instrument": instrument,
        "dimensions": instrument_dimensions(instrument),
        "experts": experts,
        "rounds": selectors.rounds_with_verified(request.user).filter(
            instrument=instrument, n_verified__gte=2
        ),
    }
    if request.method == "POST" and action in EXPERT_ACTIONS:
        form = WeightSetForm(initial={**form_initial(request.POST), "experts": experts}, **kwargs)
        return render(request, "selection/weightset_form.html", _weightset_context(form, instrument, None))
    form = WeightSetForm(request.POST if request.method == "POST" else None, **kwargs)
    preview = None
    if request.method == "POST" and form.is_valid():
        preview = _ahp_preview(form)
        if action == "save" and not form.errors:
            ws = _save(request, form, instrument, preview)
            if ws is not None:
                messages.success(request, _("Weight set “%(name)s” saved.") % {"name": str(ws)})
                return redirect("selection:weightset_detail", pk=ws.pk)
    return render(
        request,
        "selection/weightset_form.html",
        _weightset_context(form, instrument, preview),
        status=422 if form.errors else 200,
    )


def _ahp_preview(form) -> dict | None:
    """The AHP weights and consistency of the judgements (None for other sources or invalid matrices)."""
    data = form.cleaned_data
    if data["source"] != WeightSource.AHP:
        return None
    labels = dict(form.dimensions)
    preview, problem = presenters.ahp_preview(data["pairwise"], list(labels), labels)
    if preview is None:
        form.add_error(None, problem)
    return preview


def _save(request, form, instrument, preview):
    """The saved weight set, or None with the reason on the form (inconsistent and not confirmed, refused)."""
    data = form.cleaned_data
    if preview is not None and not preview["consistent"] and not data["confirm_inconsistent"]:
        form.add_error(
            "confirm_inconsistent",
            _(
                "The consistency ratio is above 0.10. Revise the judgements named above, or tick this box to "
                "save the weights anyway."
            ),
        )
        return None
    try:
        return services.weight_set_create(
            actor=request.user,
            name=data["name"],
            instrument=instrument,
            source=data["source"],
            weights=data.get("weights"),
            pairwise=data.get("pairwise"),
            basis_round=data.get("basis_round"),
            note=data.get("note", ""),
        )
    except ValidationError as exc:
        add_to_form(form, exc)
        return None


def _weightset_context(form, instrument, preview) -> dict:
    return {
        "form": form,
        "instrument": instrument,
        "preview": preview,
        "grids": form.expert_grids(),
        "weight_fields": [form[f"weight_{code}"] for code, _label in form.dimensions],
        "max_experts": MAX_EXPERTS,
        "scale": SAATY,
    }


@login_required
def weightset_detail(request, pk):
    require(request.user, SELECTION_VIEW)
    ws = selectors.weight_sets(request.user).filter(pk=pk).first()
    if ws is None:
        raise Http404
    dims = instrument_dimensions(ws.instrument)
    labels = dict(dims)
    return render(
        request,
        "selection/weightset_detail.html",
        {
            "ws": ws,
            "rows": [{"label": labels.get(code, code), "weight": w} for code, w in ws.weights.items()],
            "chart": presenters.weights_chart([ws], labels),
            "labels": [label for _c, label in dims],
            "inconsistent": presenters.saved_inconsistent(ws, labels),
            "matrices": _matrices(ws, dims),
            "versions": selectors.weight_sets(request.user).filter(name=ws.name),
            "runs": selectors.runs(request.user).filter(weight_set=ws)[:20],
            "history": history_for(ws)[:50] if role_has_permission(request.user, HISTORY_VIEW) else None,
        },
    )


def _matrices(ws, dims) -> list[dict]:
    """An AHP weight set's pairwise matrices (one per expert), judgements as people write them."""
    raw = (ws.details or {}).get("pairwise")
    if ws.source != WeightSource.AHP or not raw:
        return []
    experts = raw if isinstance(raw[0][0], list) else [raw]
    return [
        {
            "number": k,
            "rows": [
                {"label": dims[i][1], "cells": [presenters.judgement_label(v) for v in row]}
                for i, row in enumerate(m)
            ],
        }
        for k, m in enumerate(experts, start=1)
    ]
