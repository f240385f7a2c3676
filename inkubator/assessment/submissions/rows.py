"""Checking each row against the round: centre, assessor, answers, location, times and duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from inkubator.assessment import submission_services
from inkubator.assessment.models import Answer, Assessment, AssessmentRound, Evidence, ImportedSubmission
from inkubator.assessment.services import _parse_number
from inkubator.assessment.submissions.columns import Columns, _normalise_id
from inkubator.assessment.submissions.reading import Table
from inkubator.assessment.submissions.report import RowError, SubmissionReport
from inkubator.core import permissions as perms
from inkubator.core import spreadsheets


@dataclass
class Submission:
    row: int
    external_id: str
    assessment: Assessment
    answers: dict[str, dict]
    location: dict | None
    started_at: object | None
    ended_at: object | None
    status: str


class _RoundIndex:
    """Everything a row is checked against, loaded once: indicators, centres, assignments, imported ids."""

    def __init__(self, actor, rnd: AssessmentRound):
        from inkubator.centres.models import Centre

        self.instrument = rnd.instrument
        self.indicators = {
            i.code: i for i in rnd.instrument.indicators.prefetch_related("options", "bands").order_by(
                "dimension__position", "position")
        }
        self.required = [code for code, i in self.indicators.items() if i.required]
        self.centres = {c.code: c for c in rnd.centres.all()}
        self.visible = set(
            Centre.objects.visible_to(actor, perms.ROUND_MANAGE).filter(pk__in=[c.pk for c in self.centres.values()])
            .values_list("pk", flat=True)
        )
        self.assessments = {
            (a.centre_id, a.assessor.username): a for a in rnd.assessments.select_related("assessor", "centre")
        }
        # phones capitalise typed words ("Asesor1"): a name that fits one assigned username ignoring case is it
        folded: dict[tuple[int, str], list[Assessment]] = {}
        for (centre_id, username), a in self.assessments.items():
            folded.setdefault((centre_id, username.lower()), []).append(a)
        self.folded = {key: found[0] for key, found in folded.items() if len(found) == 1}
        self.imported = dict(
            Assessment.objects.filter(round=rnd).exclude(external_id="").values_list("external_id", "pk")
        )
        self.imported.update(ImportedSubmission.objects.filter(round=rnd).values_list("external_id", "assessment_id"))
        self.current: dict[int, dict[str, tuple[bool, bool]]] = {}
        for assessment_id, code, value, number, text, returned in Answer.objects.filter(
            assessment__round=rnd
        ).values_list("assessment_id", "indicator__code", "value", "number", "text", "returned"):
            empty = value == "" and number is None and text.strip() == ""
            self.current.setdefault(assessment_id, {})[code] = (empty, returned)
        # assessments still missing required evidence stay drafts: the assessor uploads the photos later
        needs = {i.pk for i in self.indicators.values() if i.evidence_required}
        have: dict[int, set[int]] = {}
        for assessment_id, indicator_id in Evidence.objects.filter(assessment__round=rnd).values_list(
            "assessment_id", "indicator_id"
        ):
            have.setdefault(assessment_id, set()).add(indicator_id)
        self.evidence_ok = {a.pk: needs <= have.get(a.pk, set()) for a in self.assessments.values()}


def _convert(indicator, raw: str) -> dict:
    """A cell as the answer the form defines (option value, number with "." or ",", text); raises ValueError."""
    if indicator.has_options:
        return {"value": raw.strip()}
    if indicator.kind == "number":
        text = raw.strip()
        try:
            return {"number": _parse_number(text)}
        except ValueError:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": text})
    return {"text": raw if raw.strip() else ""}


def _location(columns: Columns, values: dict[str, str]) -> tuple[dict | None, str, str]:
    """(location or None, header, problem) from the geopoint "lat lon alt acc" (KoboToolbox, OData) or the
    split columns (ODK Central's CSV, Kobo's `_location_*`)."""
    point, header = columns.first(values, "location")
    if point.strip():
        parts, shown = point.split(), point.strip()
        if len(parts) < 2:
            return None, header, _("“%(value)s” is not a location (latitude longitude altitude accuracy).") % {
                "value": shown}
        parts = (parts + ["", "", ""])[:4]
    else:
        lat, lat_header = columns.first(values, "location_latitude")
        lon, _lon_header = columns.first(values, "location_longitude")
        if not (lat.strip() or lon.strip()):
            return None, header, ""
        accuracy, _acc_header = columns.first(values, "location_accuracy")
        header, parts, shown = lat_header, [lat, lon, "", accuracy], f"{lat.strip()} {lon.strip()}".strip()
    try:
        location = {
            "latitude": spreadsheets.parse_coordinate(parts[0]),
            "longitude": spreadsheets.parse_coordinate(parts[1]),
        }
        if parts[3].strip():
            location["location_accuracy"] = Decimal(parts[3].strip().replace(",", ".")).quantize(Decimal("0.1"))
    except (ValueError, InvalidOperation):
        return None, header, _("“%(value)s” is not a location (latitude longitude altitude accuracy).") % {
            "value": shown}
    try:
        for name in ("latitude", "longitude"):
            Assessment._meta.get_field(name).run_validators(location[name])
    except ValidationError:
        return None, header, _("%(latitude)s, %(longitude)s is outside Indonesia.") % {
            "latitude": location["latitude"], "longitude": location["longitude"]}
    try:
        if "location_accuracy" in location:
            Assessment._meta.get_field("location_accuracy").run_validators(location["location_accuracy"])
    except ValidationError:
        del location["location_accuracy"]  # an absurd accuracy (a broken GPS) is dropped, the point is kept
    return location, header, ""


def _timestamp(columns: Columns, values: dict[str, str], name: str, errors: list, row: int):
    text, header = columns.first(values, name)
    if not text.strip():
        return None
    try:
        moment = parse_datetime(text.strip())
    except ValueError:
        moment = None
    if moment is None:
        errors.append(RowError(row, header, _("“%(value)s” is not a date and time.") % {"value": text.strip()}))
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _check_rows(index: _RoundIndex, table: Table, columns: Columns, report: SubmissionReport) -> list[Submission]:
    submissions: list[Submission] = []
    seen_ids: dict[str, int] = {}
    seen_pairs: dict[int, int] = {}
    instrument = index.instrument
    for row, values in table.rows:
        errors: list[RowError] = []

        def problem(column, message, row=row, errors=errors):
            errors.append(RowError(row, column, message))

        if values is None:
            problem("", _("This entry is not a submission (an object was expected)."))
            report.errors += errors
            continue

        # the submission id
        raw_id, id_header = columns.first(values, "instance_id")
        external_id = _normalise_id(raw_id)
        if not external_id:
            problem(id_header, _("The submission id is missing."))
        elif len(external_id) > Assessment._meta.get_field("external_id").max_length:
            problem(id_header, _("The submission id is longer than %(limit)s characters.") % {
                "limit": Assessment._meta.get_field("external_id").max_length})
        elif external_id in seen_ids:
            problem(id_header, _("Submission %(id)s is also on row %(row)s of this file.")
                    % {"id": external_id, "row": seen_ids[external_id]})
        elif external_id in index.imported:
            problem(id_header, submission_services.already_imported_message(external_id))
        else:
            seen_ids[external_id] = row

        # the instrument (hidden calculate fields of the form)
        code, code_header = columns.first(values, "instrument_code")
        if code.strip() and code.strip() != instrument.code:
            problem(code_header, _("This submission was made with instrument %(code)s; this round uses %(expected)s.")
                    % {"code": code.strip(), "expected": instrument.code})
        version, version_header = columns.first(values, "instrument_version")
        if version.strip() and version.strip() != str(instrument.version):
            problem(version_header, _("This submission was made with version %(version)s of the instrument; this "
                                      "round uses version %(expected)s.")
                    % {"version": version.strip(), "expected": instrument.version})

        # centre and assessor → the assessment
        centre_text, centre_header = columns.first(values, "centre")
        centre_code = re.sub(r"\s+", "", centre_text)
        centre = index.centres.get(centre_code)
        if not centre_code:
            problem(centre_header, _("This field is required."))
        elif centre is None:
            problem(centre_header, _("%(code)s is not a centre of this round.") % {"code": centre_code})
        elif centre.pk not in index.visible:
            problem(centre_header, _("%(code)s is outside your scope.") % {"code": centre_code})
            centre = None
        username, assessor_header = columns.first(values, "assessor")
        username = username.strip()
        assessment = None
        if not username:
            problem(assessor_header, _("This field is required."))
        elif centre is not None:
            assessment = index.assessments.get((centre.pk, username)) or index.folded.get((centre.pk, username.lower()))
            if assessment is None:
                problem(assessor_header, _("%(user)s is not an assessor assigned to %(code)s in this round.")
                        % {"user": username, "code": centre_code})
            elif assessment.pk in seen_pairs:
                problem(centre_header, _("Row %(row)s already holds a submission for %(code)s by %(user)s; keep "
                                         "only one of them.")
                        % {"row": seen_pairs[assessment.pk], "code": centre_code, "user": username})
            elif assessment.status not in submission_services.OPEN_STATUSES:
                problem(centre_header, submission_services.already_submitted_message())
            else:
                seen_pairs[assessment.pk] = row

        # answers and notes
        answers: dict[str, dict] = {}
        for code, indicator in index.indicators.items():
            header = columns.answers.get(code)
            note_header = columns.notes.get(code)
            if header is None and note_header is None:
                continue
            data: dict = {}
            if header is not None:
                try:
                    data.update(_convert(indicator, values.get(header, "")))
                except ValueError as exc:
                    problem(header, str(exc))
                    continue
            if note_header is not None:
                note = values.get(note_header, "")
                data["note"] = note if note.strip() else ""
            if header is not None:
                for message in submission_services.answer_problems(indicator, {**data, "note": ""}):
                    problem(header, message)
            for message in submission_services.note_problems(data.get("note", "")):
                problem(note_header, message)
            answers[code] = data

        location, location_header, location_problem = _location(columns, values)
        if location_problem:
            problem(location_header, location_problem)
        started_at = _timestamp(columns, values, "start", errors, row)
        ended_at = _timestamp(columns, values, "end", errors, row)

        if errors:
            report.errors += errors
            continue
        status = submission_services.status_after_import(
            assessment.status, index.required, index.current.get(assessment.pk, {}), answers,
            evidence_ok=index.evidence_ok.get(assessment.pk, False),
        )
        submissions.append(Submission(row, external_id, assessment, answers, location, started_at, ended_at, status))
    return submissions


def _answered(answers: dict[str, dict]) -> int:
    return sum(
        1 for data in answers.values()
        if (data.get("value") or "") != "" or data.get("number") is not None or (data.get("text") or "").strip()
    )
