"""Writes for field submissions imported from KoboToolbox or ODK Central (see `assessment.submissions`).

One function writes one submission into the assessment of its centre and assessor, with the same checks
as the web form (`check_answer`), the same status changes (`record_transition`) and the same
scoring (`rescore`). It is called by the importer inside one transaction for the whole file,
so a refusal of any row rolls every row back.

Evidence files are uploaded afterwards in the application (a phone's photos do not travel in a CSV), so
a submission becomes "submitted" only when every required answer is present AND the assessment already
holds every required evidence file; otherwise it stays a draft for the assessor to complete on the web
(upload the photos, then submit).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import Answer, Assessment, AssessmentRound, ImportedSubmission, Indicator
from inkubator.assessment.permissions import ROUND_MANAGE
from inkubator.assessment.services.assessments import (
    check_answer,
    locked_assessment,
    record_transition,
    rescore,
)
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import require

SOURCE = "xlsform"
TEXT_LIMIT = 5000  # the lengths `services.assessment_save` keeps; an import refuses longer texts instead
NOTE_LIMIT = 2000
OPEN_STATUSES = (AssessmentStatus.ASSIGNED, AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


def already_submitted_message() -> str:
    return _("This assessment is already submitted; ask the reviewer to return it first.")


def already_imported_message(external_id: str) -> str:
    return _("Submission %(id)s was already imported.") % {"id": external_id}


def answer_problems(indicator: Indicator, data: Mapping) -> list[str]:
    """What is wrong with one converted answer ({"value", "number", "text", "note"}, keys optional).

    The web form's rules (`check_answer`: listed option, min/max, scoring bands), plus what the
    web form's widgets prevent and an import must check: the stored number of digits and the text lengths.
    """
    problems: list[str] = []
    value = data.get("value") or ""
    if value and indicator.has_options:
        options = [o.value for o in indicator.options.all()]
        if value not in options:
            return [
                _("“%(value)s” is not an option of %(code)s; use one of: %(options)s.")
                % {"value": value, "code": indicator.code, "options": ", ".join(options)}
            ]
    number = data.get("number")
    if number is not None:
        try:
            Answer._meta.get_field("number").run_validators(number)
        except ValidationError as exc:
            return list(exc.messages)
    try:
        MaxLengthValidator(TEXT_LIMIT)(data.get("text") or "")
    except ValidationError as exc:
        problems += exc.messages
    problems += note_problems(data.get("note") or "")
    answer = Answer(indicator=indicator, value=value, number=number, text=data.get("text") or "")
    problem = check_answer(indicator, answer)
    if problem:
        problems.append(problem)
    return problems


def note_problems(note: str) -> list[str]:
    try:
        MaxLengthValidator(NOTE_LIMIT)(note or "")
    except ValidationError as exc:
        return list(exc.messages)
    return []


def _is_empty(value: str, number, text: str) -> bool:
    return value == "" and number is None and text.strip() == ""


def status_after_import(
    status: str,
    required: list[str],
    current: Mapping[str, tuple[bool, bool]],
    answers: Mapping[str, Mapping],
    *,
    evidence_ok: bool = True,
) -> str:
    """The status an assessment gets from an import, before anything is written.

    `current` maps indicator code → (answer is empty, answer is marked returned) for the answers already
    stored; `answers` are the imported ones (code → converted answer). Submitted when every required
    indicator has an answer and no returned answer is left unchanged; otherwise a draft (or, for a
    returned assessment, still returned).
    """
    state = dict(current)
    for code, data in answers.items():
        # an imported answer replaces the stored one, which clears its "returned" mark
        state[code] = (_is_empty(data.get("value") or "", data.get("number"), data.get("text") or ""), False)
    complete = all(code in state and not state[code][0] for code in required)
    still_returned = any(returned for _empty, returned in state.values())
    if complete and not still_returned and evidence_ok:
        return AssessmentStatus.SUBMITTED
    return AssessmentStatus.RETURNED if status == AssessmentStatus.RETURNED else AssessmentStatus.DRAFT


@transaction.atomic
def assessment_import_submission(
    *,
    actor,
    assessment: Assessment,
    external_id: str,
    answers: Mapping[str, Mapping],
    location: Mapping | None = None,
    started_at: datetime.datetime | None = None,
    ended_at: datetime.datetime | None = None,
) -> Assessment:
    """Write one field submission into an assigned, draft or returned assessment.

    `answers` maps indicator code → {"value": str, "number": Decimal | None, "text": str, "note": str}
    (keys optional; an empty value clears the stored answer). `location` may hold latitude, longitude
    and location_accuracy (Decimals). Only a round manager who may manage the round and the centre.
    The assessment becomes "submitted" when every required answer and every required evidence file is
    present (files are uploaded on the web, before or after the import), otherwise a draft; transitions, an `import` audit entry and the scores
    are written as for an assessment filled in on the web. Refused whole if anything is wrong.
    """
    assessment, external_id = _importable(actor, assessment, external_id)
    indicators = {
        i.code: i for i in assessment.round.instrument.indicators.prefetch_related("options", "bands")
    }
    existing = {a.indicator.code: a for a in assessment.answers.select_related("indicator")}
    errors = _answers_problems(indicators, answers)
    if errors:
        raise ValidationError(errors)
    required = [code for code, i in indicators.items() if i.required]
    current = {code: (a.is_empty, a.returned) for code, a in existing.items()}
    needs = {i.pk for i in indicators.values() if i.evidence_required}
    evidence_ok = needs <= set(assessment.evidence.values_list("indicator_id", flat=True))
    outcome = status_after_import(assessment.status, required, current, answers, evidence_ok=evidence_ok)

    before = audit.snapshot(assessment)
    written = _write_answers(assessment, existing, indicators, answers)
    if location:
        for name in ("latitude", "longitude", "location_accuracy"):
            if location.get(name) is not None:
                setattr(assessment, name, Decimal(location[name]))
    try:
        assessment.full_clean(exclude=["round", "centre", "assessor", "reviewer"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict)
    assessment.source = SOURCE
    assessment.external_id = external_id
    ImportedSubmission.objects.create(
        round_id=assessment.round_id, assessment=assessment, external_id=external_id
    )
    comment = _("Imported from the field form (submission %(id)s).") % {"id": external_id}
    if assessment.status == AssessmentStatus.ASSIGNED:
        record_transition(actor, assessment, AssessmentStatus.DRAFT, comment=comment)
        assessment.started_at = started_at or timezone.now()
    if outcome == AssessmentStatus.SUBMITTED:
        record_transition(actor, assessment, AssessmentStatus.SUBMITTED, comment=comment)
        assessment.submitted_at = ended_at or timezone.now()
    assessment.version += 1
    assessment.save()
    rescore(assessment)
    assessment.refresh_from_db()
    after = {**audit.snapshot(assessment), "answers_imported": sorted(written)}
    audit.record(
        actor=actor,
        action=AuditEntry.Action.IMPORT,
        obj=assessment,
        before=before,
        after=after,
        label=f"assessment #{assessment.pk}",
    )
    return assessment


def _importable(actor, assessment: Assessment, external_id: str) -> tuple[Assessment, str]:
    """The assessment, locked, and the submission id, stripped; refused unless the actor manages the round,
    the assessment is still open and the submission was never imported into the round."""
    require(actor, ROUND_MANAGE)
    if not AssessmentRound.objects.visible_to(actor, ROUND_MANAGE).filter(pk=assessment.round_id).exists():
        raise PermissionDenied(_("You do not have permission to change this round."))
    assessment = locked_assessment(actor, assessment, ROUND_MANAGE)
    if assessment.status not in OPEN_STATUSES:
        raise ValidationError({"status": [already_submitted_message()]})
    external_id = (external_id or "").strip()
    if not external_id:
        raise ValidationError({"external_id": [_("The submission id is missing.")]})
    if (
        ImportedSubmission.objects.filter(round_id=assessment.round_id, external_id=external_id).exists()
        or Assessment.objects.filter(round_id=assessment.round_id, external_id=external_id).exists()
    ):
        raise ValidationError({"external_id": [already_imported_message(external_id)]})
    return assessment, external_id


def _answers_problems(
    indicators: Mapping[str, Indicator], answers: Mapping[str, Mapping]
) -> dict[str, list[str]]:
    """Indicator code → what is wrong with its imported answer (empty when every answer may be written)."""
    errors: dict[str, list[str]] = {}
    for code, data in answers.items():
        if code not in indicators:
            errors[code] = [_("Unknown indicator %(code)s.") % {"code": code}]
            continue
        problems = answer_problems(indicators[code], data)
        if problems:
            errors[code] = [f"{code}: {p}" for p in problems]
    return errors


def _write_answers(
    assessment: Assessment,
    existing: Mapping[str, Answer],
    indicators: Mapping[str, Indicator],
    answers: Mapping[str, Mapping],
) -> list[str]:
    """Write the imported answers over the stored ones; the codes written."""
    written = []
    for code, data in answers.items():
        answer = existing.get(code)
        if answer is None:
            answer = Answer(assessment=assessment, indicator=indicators[code])
            if _is_empty(
                data.get("value") or "", data.get("number"), data.get("text") or ""
            ) and not data.get("note"):
                continue  # an unanswered question creates no row
        for key, default in (("value", ""), ("number", None), ("text", ""), ("note", "")):
            if key in data:
                setattr(answer, key, data[key] if data[key] is not None else default)
        answer.returned = False
        answer.save()
        written.append(code)
    return written
