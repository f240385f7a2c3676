"""Assessment pages: the list, the field form (autosave, submit), evidence files and the reviewer's page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkubator.assessment import selectors, services
from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import Assessment, AssessmentRound, Evidence, Indicator
from inkubator.assessment.permissions import ASSESSMENT_FILL, ASSESSMENT_REVIEW, ASSESSMENT_VIEW
from inkubator.core.errors import message_dict
from inkubator.core.permissions import require, role_has_permission
from inkubator.core.services import StaleEdit


@login_required
def assessment_list(request):
    """An assessor's own assessments; for reviewers and viewers, the assessments in their scope."""
    require(request.user, ASSESSMENT_VIEW)
    status = request.GET.get("status", "")
    if status not in AssessmentStatus.values:
        status = ""
    round_id = request.GET.get("round")
    round_id = int(round_id) if round_id and round_id.isdigit() else None
    assessments = selectors.assessment_list(request.user, round_id=round_id, status=status)
    rounds = AssessmentRound.objects.visible_to(request.user, ASSESSMENT_VIEW).order_by("-starts_on")
    return render(
        request,
        "assessment/assessment_list.html",
        {
            "assessments": assessments[:500],
            "count": assessments.count(),
            "statuses": AssessmentStatus.choices,
            "status": status,
            "rounds": rounds,
            "round_id": round_id,
        },
    )


# --- the field form, evidence and review -------------------------------------------------------


def _visible_assessment(user, pk, perm=ASSESSMENT_VIEW) -> Assessment:
    a = (
        Assessment.objects.visible_to(user, perm)
        .select_related(
            "round__instrument", "centre__regency__province", "centre__host", "assessor", "reviewer"
        )
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
        Prefetch(
            "indicators", queryset=Indicator.objects.order_by("position").prefetch_related("options", "bands")
        )
    ):
        items = []
        for i in d.indicators.all():
            answer = answers.get(i.pk)
            item = {
                "indicator": i,
                "answer": answer,
                "evidence": evidence.get(i.pk, []),
                "errors": errors.get(i.code, []),
                "value": answer.value if answer else "",
                "number": answer.number if answer else None,
                "text": answer.text if answer else "",
                "note": answer.note if answer else "",
            }
            if posted is not None:  # show what the user sent, not what is stored, after a refused submit
                item.update(posted.get(i.code, {}))
            items.append(item)
        dimensions.append({"dimension": d, "items": items, "score": (a.dimension_scores or {}).get(d.code)})
    return {
        "assessment": a,
        "dimensions": dimensions,
        "transitions": a.transitions.select_related("actor"),
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
    return {
        k: request.POST.get(k, "")
        for k in ("latitude", "longitude", "location_accuracy")
        if k in request.POST
    }


def _save_from_post(request, a: Assessment) -> Assessment:
    return services.assessment_save(
        actor=request.user,
        assessment=a,
        answers=_posted_answers(request, a),
        expected_version=request.POST.get("version") or None,
        location=_location(request),
        general_note=request.POST.get("general_note") if "general_note" in request.POST else None,
    )


@login_required
def assessment_form(request, pk):
    """The field form for the assigned assessor; everyone else in scope sees the answers read-only."""
    a = _visible_assessment(request.user, pk)
    editable = (
        a.assessor_id == request.user.pk
        and a.is_editable_by_assessor
        and role_has_permission(request.user, ASSESSMENT_FILL)
    )
    if not editable and role_has_permission(request.user, ASSESSMENT_REVIEW) and a.status == "submitted":
        return redirect("assessment:assessment_review", pk=a.pk)
    context = _form_context(a)
    context["editable"] = editable
    return render(request, "assessment/assessment_form.html", context)


@login_required
@require_POST
def assessment_autosave(request, pk):
    """Save the draft (called by the page every few seconds after a change): JSON in, JSON out."""
    require(request.user, ASSESSMENT_FILL)
    a = _visible_assessment(request.user, pk, ASSESSMENT_FILL)
    try:
        a = _save_from_post(request, a)
    except StaleEdit as exc:
        return JsonResponse({"ok": False, "stale": True, "message": " ".join(exc.messages)}, status=409)
    except ValidationError as exc:
        errors = message_dict(exc)
        return JsonResponse(
            {"ok": False, "errors": errors, "message": _("Not saved: correct the marked answers.")},
            status=422,
        )
    except PermissionDenied as exc:
        return JsonResponse({"ok": False, "message": str(exc) or _("Permission denied.")}, status=403)
    a.refresh_from_db()
    return JsonResponse(
        {
            "ok": True,
            "version": a.version,
            "status": a.status,
            "saved_at": timezone.localtime(a.updated_at).strftime("%H:%M:%S"),
            "composite": str(a.composite_score) if a.composite_score is not None else None,
            "readiness_class": a.get_readiness_class_display(),
        }
    )


@login_required
@require_POST
def assessment_submit(request, pk):
    """Save what the form holds, then submit; refused submissions come back with every problem marked."""
    require(request.user, ASSESSMENT_FILL)
    a = _visible_assessment(request.user, pk, ASSESSMENT_FILL)
    try:
        a = _save_from_post(request, a)  # kept as a draft even if the submission below is refused
        services.assessment_submit(actor=request.user, assessment=a)
    except StaleEdit as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("assessment:assessment_form", pk=pk)
    except ValidationError as exc:
        a = _visible_assessment(request.user, pk, ASSESSMENT_FILL)
        errors = message_dict(exc)
        context = _form_context(a, errors=errors, posted=_posted_answers(request, a))
        context.update(editable=True, submit_errors=[m for ms in errors.values() for m in ms])
        return render(request, "assessment/assessment_form.html", context, status=422)
    messages.success(request, _("Assessment submitted for review."))
    return redirect("assessment:assessment_list")


@login_required
@require_POST
def evidence_upload(request, pk):
    require(request.user, ASSESSMENT_FILL)
    a = _visible_assessment(request.user, pk, ASSESSMENT_FILL)
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
    evidence = Evidence.objects.visible_to(request.user, ASSESSMENT_VIEW).filter(pk=pk).first()
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
    evidence = (
        Evidence.objects.visible_to(request.user, ASSESSMENT_FILL)
        .select_related("indicator")
        .filter(pk=pk)
        .first()
    )
    if evidence is None:
        raise Http404
    services.evidence_remove(actor=request.user, evidence=evidence)
    messages.success(request, _("%(code)s: evidence removed.") % {"code": evidence.indicator.code})
    return redirect(
        f"{reverse('assessment:assessment_form', args=[evidence.assessment_id])}#ind-{evidence.indicator.code}"
    )


@login_required
def assessment_review(request, pk):
    """The reviewer's page: every answer with its score and evidence; return (whole or per indicator) or verify."""
    require(request.user, ASSESSMENT_REVIEW)
    a = _visible_assessment(request.user, pk, ASSESSMENT_REVIEW)
    errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action")
        version = request.POST.get("version") or None
        try:
            if action == "verify":
                services.assessment_verify(
                    actor=request.user,
                    assessment=a,
                    comment=request.POST.get("comment", ""),
                    expected_version=version,
                )
                messages.success(request, _("Assessment verified."))
                return redirect("assessment:assessment_form", pk=a.pk)
            if action == "return":
                codes = request.POST.getlist("return")
                indicators = {code: request.POST.get(f"why_{code}", "") for code in codes}
                services.assessment_return(
                    actor=request.user,
                    assessment=a,
                    comment=request.POST.get("comment", ""),
                    indicators=indicators,
                    expected_version=version,
                )
                messages.success(request, _("Assessment returned to the assessor."))
                return redirect("assessment:assessment_form", pk=a.pk)
            errors = [_("Choose return or verify.")]
        except ValidationError as exc:
            errors = exc.messages
        a = _visible_assessment(request.user, pk, ASSESSMENT_REVIEW)
    context = _form_context(a)
    context.update(errors=errors, posted_return=request.POST.getlist("return"), posted=request.POST)
    return render(request, "assessment/assessment_review.html", context, status=422 if errors else 200)
