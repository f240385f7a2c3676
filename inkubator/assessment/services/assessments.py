"""Assessment services: save answers, check them, submit, return, verify and rescore."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from inkubator.assessment import scoring
from inkubator.assessment.choices import AssessmentStatus, IndicatorKind
from inkubator.assessment.models import Answer, Assessment, Indicator, Transition
from inkubator.assessment.permissions import ASSESSMENT_FILL, ASSESSMENT_REVIEW
from inkubator.assessment.services.checks import check_version
from inkubator.assessment.services.instruments import instrument_rules
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import require


def locked_assessment(actor, assessment: Assessment, perm: str) -> Assessment:
    locked = (
        Assessment.objects.visible_to(actor, perm)
        .select_for_update()
        .filter(pk=assessment.pk)
        .select_related("round__instrument")
        .first()
    )
    if locked is None:
        raise PermissionDenied(_("You do not have permission to change this assessment."))
    return locked


STALE_ASSESSMENT = gettext_noop(
    "Someone saved this assessment after you opened it. Reload it to see the newer answers; your changes were not saved."
)


def parse_number(text) -> Decimal | None:
    if text is None or (isinstance(text, str) and text.strip() == ""):
        return None
    if isinstance(text, Decimal | int):
        return Decimal(text)
    try:
        value = Decimal(str(text).strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValueError
    if not value.is_finite():
        raise ValueError
    return value


def _fmt(number: Decimal) -> str:
    """50.00 → "50", 2.50 → "2.5" (never 5E+1)."""
    return format(number.normalize(), "f")


def check_answer(indicator: Indicator, answer: Answer) -> str | None:
    """A problem with one (non-empty) answer, or None."""
    if indicator.has_options:
        if answer.value and answer.value not in {o.value for o in indicator.options.all()}:
            return _("Choose one of the listed options.")
    if indicator.kind == IndicatorKind.NUMBER and answer.number is not None:
        if indicator.min_value is not None and answer.number < indicator.min_value:
            return _("Enter a number of at least %(min)s.") % {"min": _fmt(indicator.min_value)}
        if indicator.max_value is not None and answer.number > indicator.max_value:
            return _("Enter a number of at most %(max)s.") % {"max": _fmt(indicator.max_value)}
        if not any(
            scoring.Band(b.lower, b.upper, b.score).contains(answer.number) for b in indicator.bands.all()
        ):
            return _("This number is outside the scoring bands of the indicator.")
    return None


@transaction.atomic
def assessment_save(
    *,
    actor,
    assessment: Assessment,
    answers: Mapping[str, Mapping],
    expected_version: int | None = None,
    location: Mapping | None = None,
    general_note: str | None = None,
) -> Assessment:
    """Save answers (a draft: incomplete is fine, wrong is not). `answers` maps indicator code →
    {"value", "number", "text", "note"} (keys optional). Only the assessor, while the assessment is
    assigned, a draft or returned. Refused whole, naming each indicator, if any answer is invalid.
    """
    require(actor, ASSESSMENT_FILL)
    assessment = locked_assessment(actor, assessment, ASSESSMENT_FILL)
    if assessment.assessor_id != actor.pk:
        raise PermissionDenied(_("Only the assigned assessor may fill in this assessment."))
    if not assessment.is_editable_by_assessor:
        raise ValidationError(_("This assessment has been submitted and cannot be changed now."))
    check_version(assessment, expected_version, _(STALE_ASSESSMENT))
    indicators = {
        i.code: i for i in assessment.round.instrument.indicators.prefetch_related("options", "bands")
    }
    existing = {a.indicator.code: a for a in assessment.answers.select_related("indicator")}
    errors: dict[str, list[str]] = {}
    changed: list[Answer] = []
    for code, data in answers.items():
        indicator = indicators.get(code)
        if indicator is None:
            errors[code] = [_("Unknown indicator %(code)s.") % {"code": code}]
            continue
        answer = existing.get(code) or Answer(assessment=assessment, indicator=indicator)
        before = (answer.value, answer.number, answer.text, answer.note)
        problems = _apply_answer(indicator, answer, data)
        if problems:
            errors[code] = problems
            continue
        if (answer.value, answer.number, answer.text, answer.note) != before or answer.pk is None:
            answer.returned = False  # a returned answer counts as corrected once the assessor changes it
            changed.append(answer)
    if location:
        errors.update(_apply_location(assessment, location))
    if general_note is not None:
        assessment.general_note = general_note[:5000]
    if errors:
        raise ValidationError(errors)
    try:
        assessment.full_clean(exclude=["round", "centre", "assessor", "reviewer"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict)
    for answer in changed:
        answer.save()
    if assessment.status == AssessmentStatus.ASSIGNED:
        record_transition(actor, assessment, AssessmentStatus.DRAFT)
        assessment.started_at = timezone.now()
    assessment.version += 1
    assessment.save()
    rescore(assessment)
    return assessment


def _apply_answer(indicator: Indicator, answer: Answer, data: Mapping) -> list[str]:
    """Put the posted fields of one answer ({"value", "number", "text", "note"}, keys optional) on it;
    what is wrong with it (empty when it may be saved)."""
    code = indicator.code
    if "value" in data:
        answer.value = str(data["value"] or "").strip()[:40]
    if "number" in data:
        try:
            answer.number = parse_number(data["number"])
        except ValueError:
            return [_("%(code)s: enter a number.") % {"code": code}]
    if "text" in data:
        answer.text = str(data["text"] or "")[:5000]
    if "note" in data:
        answer.note = str(data["note"] or "")[:2000]
    problem = check_answer(indicator, answer)
    return [f"{code}: {problem}"] if problem else []


def _apply_location(assessment: Assessment, location: Mapping) -> dict[str, list[str]]:
    """Put the posted coordinates on the assessment; the fields that are not numbers."""
    errors = {}
    for name in ("latitude", "longitude", "location_accuracy"):
        if name in location:
            try:
                setattr(assessment, name, parse_number(location[name]))
            except ValueError:
                errors[name] = [_("Enter a number.")]
    return errors


def submission_problems(assessment: Assessment) -> dict[str, list[str]]:
    """What stops an assessment from being submitted: indicator code → problems (empty when ready)."""
    problems: dict[str, list[str]] = {}
    answers = {a.indicator_id: a for a in assessment.answers.all()}
    evidence = set(assessment.evidence.values_list("indicator_id", flat=True))
    for indicator in assessment.round.instrument.indicators.prefetch_related("options", "bands").order_by(
        "dimension__position", "position"
    ):
        answer = answers.get(indicator.pk)
        mine = []
        if indicator.required and (answer is None or answer.is_empty):
            mine.append(_("%(code)s: an answer is required.") % {"code": indicator.code})
        elif answer is not None and not answer.is_empty:
            problem = check_answer(indicator, answer)
            if problem:
                mine.append(f"{indicator.code}: {problem}")
        if indicator.evidence_required and indicator.pk not in evidence:
            mine.append(_("%(code)s: attach a photo or PDF as evidence.") % {"code": indicator.code})
        if answer is not None and answer.returned:
            mine.append(
                _("%(code)s: the reviewer returned this answer; change it before submitting.")
                % {"code": indicator.code}
            )
        if mine:
            problems[indicator.code] = mine
    return problems


def record_transition(
    actor, assessment: Assessment, to_status: str, *, comment: str = "", indicators=()
) -> None:
    Transition.objects.create(
        assessment=assessment,
        from_status=assessment.status,
        to_status=to_status,
        actor=actor,
        comment=comment,
        indicators=list(indicators),
    )
    before = {"status": assessment.status}
    assessment.status = to_status
    action = {
        AssessmentStatus.SUBMITTED: AuditEntry.Action.SUBMIT,
        AssessmentStatus.RETURNED: AuditEntry.Action.RETURN,
        AssessmentStatus.VERIFIED: AuditEntry.Action.VERIFY,
    }.get(to_status, AuditEntry.Action.UPDATE)
    audit.record(
        actor=actor,
        action=action,
        obj=assessment,
        before=before,
        after={"status": to_status},
        label=f"assessment #{assessment.pk}",
    )


@transaction.atomic
def assessment_submit(*, actor, assessment: Assessment, expected_version: int | None = None) -> Assessment:
    """Submit for review: every required answer and evidence present, every answer in range."""
    require(actor, ASSESSMENT_FILL)
    assessment = locked_assessment(actor, assessment, ASSESSMENT_FILL)
    if assessment.assessor_id != actor.pk:
        raise PermissionDenied(_("Only the assigned assessor may submit this assessment."))
    check_version(assessment, expected_version, _(STALE_ASSESSMENT))
    if assessment.status not in (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED):
        raise ValidationError(_("Only a draft or returned assessment can be submitted."))
    problems = submission_problems(assessment)
    if problems:
        raise ValidationError(problems)
    record_transition(actor, assessment, AssessmentStatus.SUBMITTED)
    assessment.submitted_at = timezone.now()
    assessment.version += 1
    assessment.save()
    rescore(assessment)
    return assessment


@transaction.atomic
def assessment_return(
    *,
    actor,
    assessment: Assessment,
    comment: str = "",
    indicators: Mapping[str, str] | None = None,
    expected_version: int | None = None,
) -> Assessment:
    """Send a submitted assessment back to its assessor, whole or for single indicators (code → comment)."""
    require(actor, ASSESSMENT_REVIEW)
    assessment = locked_assessment(actor, assessment, ASSESSMENT_REVIEW)
    check_version(assessment, expected_version, _(STALE_ASSESSMENT))
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted assessment can be returned."))
    indicators = {k: (v or "").strip() for k, v in (indicators or {}).items()}
    comment = (comment or "").strip()
    if not comment and not indicators:
        raise ValidationError({"comment": [_("Say what the assessor should correct.")]})
    known = {i.code: i for i in assessment.round.instrument.indicators.all()}
    unknown = sorted(set(indicators) - set(known))
    if unknown:
        raise ValidationError(
            {"indicators": [_("Unknown indicator(s): %(codes)s.") % {"codes": ", ".join(unknown)}]}
        )
    missing_reason = sorted(code for code, text in indicators.items() if not text)
    if missing_reason:
        raise ValidationError(
            {
                "indicators": [
                    _("Say why each returned indicator must change: %(codes)s.")
                    % {"codes": ", ".join(missing_reason)}
                ]
            }
        )
    for code, text in indicators.items():
        answer, _created = Answer.objects.get_or_create(assessment=assessment, indicator=known[code])
        answer.returned = True
        answer.return_comment = text[:2000]
        answer.save()
    assessment.review_comment = comment[:5000]
    assessment.reviewer = actor
    record_transition(
        actor, assessment, AssessmentStatus.RETURNED, comment=comment, indicators=sorted(indicators)
    )
    assessment.version += 1
    assessment.save()
    return assessment


@transaction.atomic
def assessment_verify(
    *, actor, assessment: Assessment, comment: str = "", expected_version: int | None = None
) -> Assessment:
    require(actor, ASSESSMENT_REVIEW)
    assessment = locked_assessment(actor, assessment, ASSESSMENT_REVIEW)
    check_version(assessment, expected_version, _(STALE_ASSESSMENT))
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted assessment can be verified."))
    assessment.answers.filter(returned=True).update(returned=False)
    assessment.reviewer = actor
    assessment.review_comment = (comment or "").strip()[:5000]
    record_transition(actor, assessment, AssessmentStatus.VERIFIED, comment=assessment.review_comment)
    assessment.verified_at = timezone.now()
    assessment.version += 1
    assessment.save()
    return assessment


def rescore(assessment: Assessment, rules=None) -> None:
    """Scores and class from the answers; `rules` = instrument_rules(...) when rescoring many at once."""
    rules, weights = rules or instrument_rules(assessment.round.instrument)
    answers = {a.indicator.code: a for a in assessment.answers.select_related("indicator")}
    sheet = scoring.score_answers(
        rules, weights, {code: (a.value, a.number) for code, a in answers.items()}, strict=False
    )
    rounded = sheet.rounded()
    changed = []
    for code, answer in answers.items():
        new = rounded.indicators.get(code)
        if answer.score != new:
            answer.score = new
            changed.append(answer)
    Answer.objects.bulk_update(changed, ["score"])
    assessment.composite_score = rounded.composite
    assessment.dimension_scores = {
        k: (str(v) if v is not None else None) for k, v in rounded.dimensions.items()
    }
    assessment.readiness_class = assessment.round.readiness_class(sheet.composite)
    Assessment.objects.filter(pk=assessment.pk).update(
        composite_score=assessment.composite_score,
        dimension_scores=assessment.dimension_scores,
        readiness_class=assessment.readiness_class,
    )


def assessment_rescore(assessment: Assessment, rules=None) -> Assessment:
    """Recompute an assessment's scores and class from its answers (after a threshold change, say)."""
    rescore(assessment, rules)
    return assessment
