"""Pages of the readiness assessment: instruments, rounds and their progress, assessment lists."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from inkubator.assessment import instrument_io, selectors, services
from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.forms import AssignForm, BalancedAssignForm, RoundForm
from inkubator.assessment.models import Assessment, AssessmentRound, Evidence, Indicator, Instrument
from inkubator.core import permissions as perms
from inkubator.core.permissions import require
from inkubator.core.services import StaleEdit
from inkubator.core.spreadsheets import SpreadsheetError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"



def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _instrument_or_404(user, pk) -> Instrument:
    instrument = selectors.instrument_detail(user, pk)
    if instrument is None:
        raise Http404
    return instrument


@login_required
def instrument_list(request):
    require(request.user, perms.ASSESSMENT_VIEW)
    return render(request, "assessment/instrument_list.html", {
        "instruments": selectors.instrument_list(request.user),
        "can_manage": perms.role_has_permission(request.user, perms.INSTRUMENT_MANAGE),
    })


@login_required
def instrument_detail(request, pk):
    require(request.user, perms.ASSESSMENT_VIEW)
    instrument = _instrument_or_404(request.user, pk)
    return render(request, "assessment/instrument_detail.html", {
        "instrument": instrument,
        "can_manage": perms.role_has_permission(request.user, perms.INSTRUMENT_MANAGE),
    })


@login_required
def instrument_xlsx(request, pk):
    """The instrument as a workbook (instrument, dimensions, indicators, options, bands sheets)."""
    require(request.user, perms.ASSESSMENT_VIEW)
    instrument = _instrument_or_404(request.user, pk)
    data = instrument_io.spec_to_xlsx(services.instrument_to_spec(instrument))
    return _xlsx_response(data, f"instrumen-{instrument.code}-v{instrument.version}.xlsx")


@login_required
def instrument_xlsform(request, pk):
    """The instrument as an XLSForm for ODK Collect / KoboCollect."""
    require(request.user, perms.ASSESSMENT_VIEW)
    instrument = _instrument_or_404(request.user, pk)
    data = instrument_io.spec_to_xlsform(
        services.instrument_to_spec(instrument), form_id=f"{instrument.code}-v{instrument.version}",
        version=str(instrument.version),
    )
    return _xlsx_response(data, f"xlsform-{instrument.code}-v{instrument.version}.xlsx")


@login_required
@require_POST
def instrument_new_version(request, pk):
    require(request.user, perms.INSTRUMENT_MANAGE)
    instrument = _instrument_or_404(request.user, pk)
    copy = services.instrument_new_version(actor=request.user, instrument=instrument)
    messages.success(request, _("Version %(version)s created as an editable copy.") % {"version": copy.version})
    return redirect("assessment:instrument_detail", pk=copy.pk)


@login_required
def instrument_import(request):
    """Upload an instrument workbook: a new instrument, or the next version of one with the same code."""
    require(request.user, perms.INSTRUMENT_MANAGE)
    errors: list[str] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            errors = [_("Choose an XLSX file.")]
        else:
            try:
                spec = instrument_io.spec_from_xlsx(upload.read())
                instrument = services.instrument_create_from_spec(actor=request.user, spec=spec)
            except instrument_io.SpecError as exc:
                errors = list(exc.messages)
            except (SpreadsheetError, ValueError) as exc:
                errors = [str(exc)]
            except ValidationError as exc:
                errors = list(exc.messages)
            else:
                messages.success(request, _("Instrument imported as version %(version)s.") % {"version": instrument.version})
                return redirect("assessment:instrument_detail", pk=instrument.pk)
    return render(request, "assessment/instrument_import.html", {"errors": errors}, status=422 if errors else 200)


@login_required
def round_list(request):
    require(request.user, perms.ASSESSMENT_VIEW)
    return render(request, "assessment/round_list.html", {
        "rounds": selectors.round_list(request.user),
        "can_manage": perms.role_has_permission(request.user, perms.ROUND_MANAGE),
    })


@login_required
def round_detail(request, pk):
    require(request.user, perms.ASSESSMENT_VIEW)
    rnd = get_object_or_404(selectors.round_list(request.user), pk=pk)
    return render(request, "assessment/round_detail.html", {
        "round": rnd, "progress": selectors.round_progress(request.user, rnd),
        "can_manage": perms.role_has_permission(request.user, perms.ROUND_MANAGE)
        and AssessmentRound.objects.visible_to(request.user, perms.ROUND_MANAGE).filter(pk=rnd.pk).exists(),
    })


@login_required
def assessment_list(request):
    """An assessor's own assessments; for reviewers and viewers, the assessments in their scope."""
    require(request.user, perms.ASSESSMENT_VIEW)
    status = request.GET.get("status", "")
    if status not in AssessmentStatus.values:
        status = ""
    round_id = request.GET.get("round")
    round_id = int(round_id) if round_id and round_id.isdigit() else None
    assessments = selectors.assessment_list(request.user, round_id=round_id, status=status)
    rounds = AssessmentRound.objects.visible_to(request.user, perms.ASSESSMENT_VIEW).order_by("-starts_on")
    return render(request, "assessment/assessment_list.html", {
        "assessments": assessments[:500], "count": assessments.count(), "statuses": AssessmentStatus.choices,
        "status": status, "rounds": rounds, "round_id": round_id,
    })


# --- the field form, evidence and review -------------------------------------------------------


def _visible_assessment(user, pk, perm=perms.ASSESSMENT_VIEW) -> Assessment:
    a = (
        Assessment.objects.visible_to(user, perm)
        .select_related("round__instrument", "centre__regency__province", "centre__host", "assessor", "reviewer")
        .filter(pk=pk)
        .first()
    )
    if a is None:
        raise Http404
    return a


def _form_context(a: Assessment, *, errors=None, posted=None) -> dict:
    """Dimensions → indicators, each with its answer, evidence and problems (from the last attempt)."""
    answers = {ans.indicator_id: ans for ans in a.answers.all()}
    evidence: dict[int, list] = {}
    for e in a.evidence.order_by("uploaded_at"):
        evidence.setdefault(e.indicator_id, []).append(e)
    errors = errors or {}
    dimensions = []
    for d in a.round.instrument.dimensions.order_by("position").prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("position").prefetch_related("options", "bands"))
    ):
        items = []
        for i in d.indicators.all():
            answer = answers.get(i.pk)
            item = {
                "indicator": i, "answer": answer, "evidence": evidence.get(i.pk, []),
                "errors": errors.get(i.code, []),
                "value": answer.value if answer else "", "number": answer.number if answer else None,
                "text": answer.text if answer else "", "note": answer.note if answer else "",
            }
            if posted is not None:  # show what the user sent, not what is stored, after a refused submit
                item.update(posted.get(i.code, {}))
            items.append(item)
        dimensions.append({"dimension": d, "items": items, "score": (a.dimension_scores or {}).get(d.code)})
    return {
        "assessment": a, "dimensions": dimensions, "transitions": a.transitions.select_related("actor"),
        "max_mb": settings.INKUBATOR_EVIDENCE_MAX_BYTES // (1024 * 1024),
    }


def _posted_answers(request, a: Assessment) -> dict[str, dict]:
    """Answer fields of the form: v_<code> (option), n_<code> (number), t_<code> (text), note_<code>.

    Indicators with nothing filled in and nothing stored are left out, so autosave never creates
    empty answers.
    """
    stored = set(a.answers.values_list("indicator__code", flat=True))
    out = {}
    for i in a.round.instrument.indicators.only("code", "kind"):
        data = {"note": request.POST.get(f"note_{i.code}", "")}
        if i.kind == "number":
            data["number"] = request.POST.get(f"n_{i.code}", "")
        elif i.kind == "text":
            data["text"] = request.POST.get(f"t_{i.code}", "")
        else:
            data["value"] = request.POST.get(f"v_{i.code}", "")
        if i.code in stored or any(str(v).strip() for v in data.values()):
            out[i.code] = data
    return out


def _location(request) -> dict:
    return {k: request.POST.get(k, "") for k in ("latitude", "longitude", "location_accuracy") if k in request.POST}


def _save_from_post(request, a: Assessment) -> Assessment:
    return services.assessment_save(
        actor=request.user, assessment=a, answers=_posted_answers(request, a),
        expected_version=request.POST.get("version") or None, location=_location(request),
        general_note=request.POST.get("general_note") if "general_note" in request.POST else None,
    )


@login_required
def assessment_form(request, pk):
    """The field form for the assigned assessor; everyone else in scope sees the answers read-only."""
    a = _visible_assessment(request.user, pk)
    editable = a.assessor_id == request.user.pk and a.is_editable_by_assessor and perms.role_has_permission(
        request.user, perms.ASSESSMENT_FILL
    )
    if not editable and perms.role_has_permission(request.user, perms.ASSESSMENT_REVIEW) and a.status == "submitted":
        return redirect("assessment:assessment_review", pk=a.pk)
    context = _form_context(a)
    context["editable"] = editable
    return render(request, "assessment/assessment_form.html", context)


@login_required
@require_POST
def assessment_autosave(request, pk):
    """Save the draft (called by the page every few seconds after a change): JSON in, JSON out."""
    require(request.user, perms.ASSESSMENT_FILL)
    a = _visible_assessment(request.user, pk, perms.ASSESSMENT_FILL)
    try:
        a = _save_from_post(request, a)
    except StaleEdit as exc:
        return JsonResponse({"ok": False, "stale": True, "message": " ".join(exc.messages)}, status=409)
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return JsonResponse({"ok": False, "errors": errors, "message": _("Not saved: correct the marked answers.")},
                            status=422)
    except PermissionDenied as exc:
        return JsonResponse({"ok": False, "message": str(exc) or _("Permission denied.")}, status=403)
    a.refresh_from_db()
    return JsonResponse({
        "ok": True, "version": a.version, "status": a.status,
        "saved_at": timezone.localtime(a.updated_at).strftime("%H:%M:%S"),
        "composite": str(a.composite_score) if a.composite_score is not None else None,
        "readiness_class": a.get_readiness_class_display(),
    })


@login_required
@require_POST
def assessment_submit(request, pk):
    """Save what the form holds, then submit; refused submissions come back with every problem marked."""
    require(request.user, perms.ASSESSMENT_FILL)
    a = _visible_assessment(request.user, pk, perms.ASSESSMENT_FILL)
    try:
        a = _save_from_post(request, a)  # kept as a draft even if the submission below is refused
        services.assessment_submit(actor=request.user, assessment=a)
    except StaleEdit as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("assessment:assessment_form", pk=pk)
    except ValidationError as exc:
        a = _visible_assessment(request.user, pk, perms.ASSESSMENT_FILL)
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        context = _form_context(a, errors=errors, posted=_posted_answers(request, a))
        context.update(editable=True, submit_errors=[m for ms in errors.values() for m in ms])
        return render(request, "assessment/assessment_form.html", context, status=422)
    messages.success(request, _("Assessment submitted for review."))
    return redirect("assessment:assessment_list")


@login_required
@require_POST
def evidence_upload(request, pk):
    require(request.user, perms.ASSESSMENT_FILL)
    a = _visible_assessment(request.user, pk, perms.ASSESSMENT_FILL)
    code = request.POST.get("indicator", "")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("%(code)s: choose a photo or PDF to upload.") % {"code": code})
    else:
        try:
            services.evidence_add(actor=request.user, assessment=a, indicator_code=code, upload=upload)
            messages.success(request, _("%(code)s: evidence uploaded.") % {"code": code})
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, f"{code}: {message}")
    return redirect(f"{reverse('assessment:assessment_form', args=[pk])}#ind-{code}")


@login_required
def evidence_file(request, pk):
    """Serve an evidence file to users who may see its assessment (never a public URL)."""
    evidence = Evidence.objects.visible_to(request.user, perms.ASSESSMENT_VIEW).filter(pk=pk).first()
    if evidence is None:
        raise Http404
    response = FileResponse(evidence.file.open("rb"), content_type=evidence.content_type)
    response["Content-Disposition"] = f'inline; filename="bukti-{evidence.pk}{evidence.extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=600"
    return response


@login_required
@require_POST
def evidence_delete(request, pk):
    evidence = Evidence.objects.visible_to(request.user, perms.ASSESSMENT_FILL).select_related("indicator").filter(pk=pk).first()
    if evidence is None:
        raise Http404
    services.evidence_remove(actor=request.user, evidence=evidence)
    messages.success(request, _("%(code)s: evidence removed.") % {"code": evidence.indicator.code})
    return redirect(f"{reverse('assessment:assessment_form', args=[evidence.assessment_id])}#ind-{evidence.indicator.code}")


@login_required
def assessment_review(request, pk):
    """The reviewer's page: every answer with its score and evidence; return (whole or per indicator) or verify."""
    require(request.user, perms.ASSESSMENT_REVIEW)
    a = _visible_assessment(request.user, pk, perms.ASSESSMENT_REVIEW)
    errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action")
        version = request.POST.get("version") or None
        try:
            if action == "verify":
                services.assessment_verify(actor=request.user, assessment=a, comment=request.POST.get("comment", ""),
                                           expected_version=version)
                messages.success(request, _("Assessment verified."))
                return redirect("assessment:assessment_form", pk=a.pk)
            if action == "return":
                codes = request.POST.getlist("return")
                indicators = {code: request.POST.get(f"why_{code}", "") for code in codes}
                services.assessment_return(actor=request.user, assessment=a, comment=request.POST.get("comment", ""),
                                           indicators=indicators, expected_version=version)
                messages.success(request, _("Assessment returned to the assessor."))
                return redirect("assessment:assessment_form", pk=a.pk)
            errors = [_("Choose return or verify.")]
        except ValidationError as exc:
            errors = exc.messages
        a = _visible_assessment(request.user, pk, perms.ASSESSMENT_REVIEW)
    context = _form_context(a)
    context.update(errors=errors, posted_return=request.POST.getlist("return"), posted=request.POST)
    return render(request, "assessment/assessment_review.html", context, status=422 if errors else 200)


# --- managing rounds -----------------------------------------------------------------------------


@login_required
def round_create(request):
    require(request.user, perms.ROUND_MANAGE)
    form = RoundForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            rnd = services.round_create(actor=request.user, data=form.service_data(), centres=form.centre_ids)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, ngettext(
                "Round created with %(n)s centre. Now assign the assessors.",
                "Round created with %(n)s centres. Now assign the assessors.", len(form.centre_ids),
            ) % {"n": len(form.centre_ids)})
            return redirect("assessment:round_assign", pk=rnd.pk)
    return render(request, "assessment/round_form.html", {"form": form}, status=422 if form.errors else 200)


def _managed_round(user, pk) -> AssessmentRound:
    require(user, perms.ROUND_MANAGE)
    rnd = AssessmentRound.objects.visible_to(user, perms.ROUND_MANAGE).filter(pk=pk).first()
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
            services.round_update(actor=request.user, round=rnd, data=data,
                                  expected_version=request.POST.get("version") or None)
        except StaleEdit as exc:
            form.add_error(None, exc.messages)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Round saved; scores and classes follow the new settings."))
            return redirect("assessment:round_detail", pk=rnd.pk)
    rnd.refresh_from_db()
    return render(request, "assessment/round_form.html", {"form": form, "round": rnd},
                  status=422 if form.errors else 200)


@login_required
def round_assign(request, pk):
    """Who assesses which centre: balanced bulk assignment by region, or one at a time."""
    rnd = _managed_round(request.user, pk)
    balanced = BalancedAssignForm(request.POST if request.POST.get("action") == "balanced" else None)
    single = AssignForm(request.POST if request.POST.get("action") == "single" else None, round=rnd, user=request.user)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "balanced" and balanced.is_valid():
                created = services.round_assign_balanced(
                    actor=request.user, round=rnd, assessors=list(balanced.cleaned_data["assessors"]),
                    per_centre=balanced.cleaned_data["per_centre"],
                )
                messages.success(request, ngettext("%(n)s assignment added.", "%(n)s assignments added.",
                                                   len(created)) % {"n": len(created)})
                return redirect("assessment:round_assign", pk=rnd.pk)
            if request.POST.get("action") == "single" and single.is_valid():
                services.round_assign(actor=request.user, round=rnd, **single.cleaned_data)
                messages.success(request, _("Assessor assigned."))
                return redirect("assessment:round_assign", pk=rnd.pk)
            if request.POST.get("action") in ("open", "closed", "draft"):
                services.round_set_status(actor=request.user, round=rnd, status=request.POST["action"])
                messages.success(request, _("Round status changed."))
                return redirect("assessment:round_assign", pk=rnd.pk)
        except ValidationError as exc:
            target = balanced if request.POST.get("action") == "balanced" else single
            for errors in exc.message_dict.values():
                target.add_error(None, errors)
    assignments: dict[int, list] = {}
    for a in rnd.assessments.select_related("assessor").order_by("assessor__username"):
        assignments.setdefault(a.centre_id, []).append(a)
    centres = [
        {"centre": c, "assessments": assignments.get(c.pk, [])}
        for c in rnd.centres.select_related("regency__province").order_by("regency__province_id", "regency_id", "code")
    ]
    has_errors = balanced.errors or single.errors
    return render(request, "assessment/round_assign.html", {
        "round": rnd, "centres": centres, "balanced": balanced, "single": single,
        "unassigned": sum(1 for c in centres if not c["assessments"]),
    }, status=422 if has_errors else 200)


@login_required
@require_POST
def instrument_replace(request, pk):
    """Replace a draft (not yet frozen) instrument's contents from an edited workbook, keeping its version."""
    require(request.user, perms.INSTRUMENT_MANAGE)
    instrument = _instrument_or_404(request.user, pk)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ValidationError(_("Choose an XLSX file."))
        spec = instrument_io.spec_from_xlsx(upload.read())
        services.instrument_replace(actor=request.user, instrument=instrument, spec=spec)
    except instrument_io.SpecError as exc:
        for message in exc.messages:
            messages.error(request, message)
    except (SpreadsheetError, ValueError) as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Instrument updated from the workbook."))
    return redirect("assessment:instrument_detail", pk=instrument.pk)
