"""Grand Design reference data: roadmap scenarios (with their projection) and open unemployment rates (TPT).

Viewing needs `SELECTION_VIEW`; national admins edit (`REFERENCE_MANAGE`) through
`services.reference_data`, which checks again and audits.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from inkubator.centres.permissions import REFERENCE_MANAGE
from inkubator.core.permissions import require, role_has_permission
from inkubator.selection import analytics
from inkubator.selection.forms.grand_design import RoadmapScenarioForm, UnemploymentRateForm
from inkubator.selection.models import RoadmapScenario, UnemploymentRate
from inkubator.selection.permissions import SELECTION_VIEW
from inkubator.selection.services import reference_data

# --- roadmap scenarios -----------------------------------------------------------------------------


@login_required
def scenario_list(request):
    require(request.user, SELECTION_VIEW)
    scenarios = [(s, analytics.roadmap(s)) for s in RoadmapScenario.objects.select_related("created_by")]
    return render(
        request,
        "selection/grand_design_scenarios.html",
        {
            "scenarios": scenarios,
            "here": "roadmap",
            "can_edit": role_has_permission(request.user, REFERENCE_MANAGE),
        },
    )


@login_required
def scenario_detail(request, pk):
    require(request.user, SELECTION_VIEW)
    scenario = get_object_or_404(RoadmapScenario, pk=pk)
    projection = analytics.roadmap(scenario)
    chart = {
        "years": [y["year"] for y in projection["years"]],
        "series": [
            {"name": _("Incubators"), "axis": 1, "values": [y["incubators"] for y in projection["years"]]},
            {
                "name": _("Tenants coached"),
                "axis": 0,
                "values": [float(y["tenants"]) for y in projection["years"]],
            },
            {
                "name": _("Tenants surviving"),
                "axis": 0,
                "values": [float(y["surviving"]) for y in projection["years"]],
            },
            {"name": _("Jobs"), "axis": 0, "values": [float(y["jobs"]) for y in projection["years"]]},
            {
                "name": _("Jobs, cumulative"),
                "axis": 0,
                "values": [float(y["cumulative_jobs"]) for y in projection["years"]],
            },
        ],
        "axes": [_("Tenants and jobs"), _("Incubators")],
    }
    return render(
        request,
        "selection/grand_design_scenario.html",
        {
            "scenario": scenario,
            "projection": projection,
            "chart": chart,
            "here": "roadmap",
            "can_edit": role_has_permission(request.user, REFERENCE_MANAGE),
        },
    )


@login_required
def scenario_form(request, pk=None):
    require(request.user, REFERENCE_MANAGE)
    scenario = get_object_or_404(RoadmapScenario, pk=pk) if pk else None
    form = RoadmapScenarioForm(request.POST or None, instance=scenario)
    if request.method == "POST" and form.is_valid():
        saved = reference_data.scenario_save(actor=request.user, data=form.cleaned_data, scenario=scenario)
        messages.success(request, _("Scenario saved."))
        return redirect("selection:roadmapscenario_detail", pk=saved.pk)
    return render(
        request,
        "selection/grand_design_scenario_form.html",
        {
            "form": form,
            "scenario": scenario,
            "here": "roadmap",
        },
        status=422 if form.errors else 200,
    )


# --- unemployment rates (TPT) ----------------------------------------------------------------------


@login_required
def unemployment_list(request):
    require(request.user, SELECTION_VIEW)
    rates = UnemploymentRate.objects.select_related("province").order_by("-year", "province_id")
    return render(
        request,
        "selection/grand_design_tpt.html",
        {
            "rates": rates,
            "here": "tpt",
            "can_edit": role_has_permission(request.user, REFERENCE_MANAGE),
        },
    )


@login_required
def unemployment_form(request, pk=None):
    require(request.user, REFERENCE_MANAGE)
    rate = get_object_or_404(UnemploymentRate, pk=pk) if pk else None
    initial = {}
    if rate is None and request.method != "POST":
        latest = UnemploymentRate.objects.order_by("-year", "-pk").first()
        initial = {
            "year": latest.year + 1 if latest else None,
            "province": request.GET.get("province") or None,
        }
    form = UnemploymentRateForm(request.POST or None, instance=rate, initial=initial)
    if request.method == "POST" and form.is_valid():
        reference_data.unemployment_rate_save(actor=request.user, data=form.cleaned_data, rate=rate)
        messages.success(request, _("Unemployment rate saved."))
        return redirect("selection:unemploymentrate_list")
    return render(
        request,
        "selection/grand_design_tpt_form.html",
        {
            "form": form,
            "rate": rate,
            "here": "tpt",
        },
        status=422 if form.errors else 200,
    )
