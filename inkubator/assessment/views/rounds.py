"""Round pages: list and progress, creating and editing a round, assigning assessors, opening and closing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inkubator.assessment import selectors, services
from inkubator.assessment.forms import AssignForm, BalancedAssignForm, RoundForm
from inkubator.assessment.models import AssessmentRound
from inkubator.assessment.permissions import ASSESSMENT_VIEW, ROUND_MANAGE
from inkubator.core.errors import add_to_form, message_dict
from inkubator.core.permissions import require, role_has_permission
from inkubator.core.services import StaleEdit


@login_required
def round_list(request):
    require(request.user, ASSESSMENT_VIEW)
    return render(
        request,
        "assessment/round_list.html",
        {
            "rounds": selectors.round_list(request.user),
            "can_manage": role_has_permission(request.user, ROUND_MANAGE),
        },
    )


@login_required
def round_detail(request, pk):
    require(request.user, ASSESSMENT_VIEW)
    rnd = get_object_or_404(selectors.round_list(request.user), pk=pk)
    return render(
        request,
        "assessment/round_detail.html",
        {
            "round": rnd,
            "progress": selectors.round_progress(request.user, rnd),
            "can_manage": role_has_permission(request.user, ROUND_MANAGE)
            and AssessmentRound.objects.visible_to(request.user, ROUND_MANAGE).filter(pk=rnd.pk).exists(),
        },
    )


@login_required
def round_create(request):
    require(request.user, ROUND_MANAGE)
    form = RoundForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            rnd = services.round_create(actor=request.user, data=form.service_data(), centres=form.centre_ids)
        except ValidationError as exc:
            add_to_form(form, exc)
        else:
            messages.success(
                request,
                ngettext(
                    "Round created with %(n)s centre. Now assign the assessors.",
                    "Round created with %(n)s centres. Now assign the assessors.",
                    len(form.centre_ids),
                )
                % {"n": len(form.centre_ids)},
            )
            return redirect("assessment:round_assign", pk=rnd.pk)
    return render(request, "assessment/round_form.html", {"form": form}, status=422 if form.errors else 200)


def _managed_round(user, pk) -> AssessmentRound:
    require(user, ROUND_MANAGE)
    rnd = AssessmentRound.objects.visible_to(user, ROUND_MANAGE).filter(pk=pk).first()
    if rnd is None:
        raise Http404
    return rnd


@login_required
def round_update(request, pk):
    rnd = _managed_round(request.user, pk)
    form = RoundForm(request.POST or None, instance=rnd, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        try:
            services.round_update(
                actor=request.user, round=rnd, data=data, expected_version=request.POST.get("version") or None
            )
        except StaleEdit as exc:
            form.add_error(None, exc.messages)
        except ValidationError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Round saved; scores and classes follow the new settings."))
            return redirect("assessment:round_detail", pk=rnd.pk)
    rnd.refresh_from_db()
    return render(
        request,
        "assessment/round_form.html",
        {"form": form, "round": rnd},
        status=422 if form.errors else 200,
    )


@login_required
def round_assign(request, pk):
    """Who assesses which centre: balanced bulk assignment by region, or one at a time."""
    rnd = _managed_round(request.user, pk)
    action = request.POST.get("action")
    balanced = BalancedAssignForm(request.POST if action == "balanced" else None)
    single = AssignForm(request.POST if action == "single" else None, round=rnd, user=request.user)
    if request.method == "POST":
        try:
            if action == "balanced" and balanced.is_valid():
                created = services.round_assign_balanced(
                    actor=request.user,
                    round=rnd,
                    assessors=list(balanced.cleaned_data["assessors"]),
                    per_centre=balanced.cleaned_data["per_centre"],
                )
                messages.success(
                    request,
                    ngettext("%(n)s assignment added.", "%(n)s assignments added.", len(created))
                    % {"n": len(created)},
                )
                return redirect("assessment:round_assign", pk=rnd.pk)
            if action == "single" and single.is_valid():
                services.round_assign(actor=request.user, round=rnd, **single.cleaned_data)
                messages.success(request, _("Assessor assigned."))
                return redirect("assessment:round_assign", pk=rnd.pk)
            if action in ("open", "closed", "draft"):
                services.round_set_status(actor=request.user, round=rnd, status=action)
                messages.success(request, _("Round status changed."))
                return redirect("assessment:round_assign", pk=rnd.pk)
        except ValidationError as exc:
            target = balanced if action == "balanced" else single
            for errors in message_dict(exc).values():
                target.add_error(None, errors)
    assignments: dict[int, list] = {}
    for a in rnd.assessments.select_related("assessor").order_by("assessor__username"):
        assignments.setdefault(a.centre_id, []).append(a)
    centres = [
        {"centre": c, "assessments": assignments.get(c.pk, [])}
        for c in rnd.centres.select_related("regency__province").order_by(
            "regency__province_id", "regency_id", "code"
        )
    ]
    has_errors = balanced.errors or single.errors
    return render(
        request,
        "assessment/round_assign.html",
        {
            "round": rnd,
            "centres": centres,
            "balanced": balanced,
            "single": single,
            "unassigned": sum(1 for c in centres if not c["assessments"]),
        },
        status=422 if has_errors else 200,
    )
