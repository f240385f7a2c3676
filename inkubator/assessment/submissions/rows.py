"""Checking each row against the round: centre, assessor, answers, location, times and duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from inkubator.assessment.models import Answer, Assessment, AssessmentRound, Evidence, ImportedSubmission
from inkubator.assessment.permissions import ROUND_MANAGE
from inkubator.assessment.services import parse_number
from inkubator.assessment.services import submissions as submission_services
from inkubator.assessment.submissions.columns import Columns, normalise_id
from inkubator.assessment.submissions.reading import Table
from inkubator.core import spreadsheets
from inkubator.core.imports import ImportReport, RowError


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


class RoundIndex:
    """Everything a row is checked against, loaded once: indicators, centres, assignments, imported ids."""

    def __init__(self, actor, rnd: AssessmentRound):
        from inkubator.centres.models import Centre

        self.instrument = rnd.instrument
        self.indicators = {
            i.code: i
            for i in rnd.instrument.indicators.prefetch_related("options", "bands").order_by(
                "dimension__position", "position"
            )
        }
        self.required = [code for code, i in self.indicators.items() if i.required]
        self.centres = {c.code: c for c in rnd.centres.all()}
        self.visible = set(
            Centre.objects.visible_to(actor, ROUND_MANAGE)
            .filter(pk__in=[c.pk for c in self.centres.values()])
            .values_list("pk", flat=True)
        )
        self.assessments = {
            (a.centre_id, a.assessor.username): a
            for a in rnd.assessments.select_related("assessor", "centre")
        }
        # phones capitalise typed words ("Asesor1"): a name that fits one assigned username ignoring case is it
        folded: dict[tuple[int, str], list[Assessment]] = {}
        for (centre_id, username), a in self.assessments.items():
            folded.setdefault((centre_id, username.lower()), []).append(a)
        self.folded = {key: found[0] for key, found in folded.items() if len(found) == 1}
        self.imported = dict(
            Assessment.objects.filter(round=rnd).exclude(external_id="").values_list("external_id", "pk")
        )
        self.imported.update(
            ImportedSubmission.objects.filter(round=rnd).values_list("external_id", "assessment_id")
        )
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
            return {"number": parse_number(text)}
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
            return (
                None,
                header,
                _("“%(value)s” is not a location (latitude longitude altitude accuracy).") % {"value": shown},
            )
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
            location["location_accuracy"] = Decimal(parts[3].strip().replace(",", ".")).quantize(
                Decimal("0.1")
            )
    except (ValueError, InvalidOperation):
        return (
            None,
            header,
            _("“%(value)s” is not a location (latitude longitude altitude accuracy).") % {"value": shown},
        )
    try:
        for name in ("latitude", "longitude"):
            Assessment._meta.get_field(name).run_validators(location[name])
    except ValidationError:
        return (
            None,
            header,
            _("%(latitude)s, %(longitude)s is outside Indonesia.")
            % {"latitude": location["latitude"], "longitude": location["longitude"]},
        )
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
        errors.append(
            RowError(row, header, _("“%(value)s” is not a date and time.") % {"value": text.strip()})
        )
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class _RowCheck:
    """The checks of one row, each adding its problems to `errors` under the file's column."""

    def __init__(self, index: RoundIndex, columns: Columns, row: int, values: dict[str, str], seen: dict):
        self.index, self.columns, self.row, self.values, self.seen = index, columns, row, values, seen
        self.errors: list[RowError] = []

    def problem(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row, column, message))

    def submission_id(self) -> str:
        raw_id, header = self.columns.first(self.values, "instance_id")
        external_id = normalise_id(raw_id)
        limit = Assessment._meta.get_field("external_id").max_length
        if not external_id:
            self.problem(header, _("The submission id is missing."))
        elif len(external_id) > limit:
            self.problem(
                header, _("The submission id is longer than %(limit)s characters.") % {"limit": limit}
            )
        elif external_id in self.seen["ids"]:
            self.problem(
                header,
                _("Submission %(id)s is also on row %(row)s of this file.")
                % {"id": external_id, "row": self.seen["ids"][external_id]},
            )
        elif external_id in self.index.imported:
            self.problem(header, submission_services.already_imported_message(external_id))
        else:
            self.seen["ids"][external_id] = self.row
        return external_id

    def instrument(self) -> None:
        """The hidden calculate fields of the form: the instrument's code and version."""
        instrument = self.index.instrument
        code, code_header = self.columns.first(self.values, "instrument_code")
        if code.strip() and code.strip() != instrument.code:
            self.problem(
                code_header,
                _("This submission was made with instrument %(code)s; this round uses %(expected)s.")
                % {"code": code.strip(), "expected": instrument.code},
            )
        version, version_header = self.columns.first(self.values, "instrument_version")
        if version.strip() and version.strip() != str(instrument.version):
            self.problem(
                version_header,
                _(
                    "This submission was made with version %(version)s of the instrument; "
                    "this round uses version %(expected)s."
                )
                % {"version": version.strip(), "expected": instrument.version},
            )

    def centre(self):
        text, header = self.columns.first(self.values, "centre")
        code = re.sub(r"\s+", "", text)
        centre = self.index.centres.get(code)
        if not code:
            self.problem(header, _("This field is required."))
        elif centre is None:
            self.problem(header, _("%(code)s is not a centre of this round.") % {"code": code})
        elif centre.pk not in self.index.visible:
            self.problem(header, _("%(code)s is outside your scope.") % {"code": code})
            centre = None
        return centre, code, header

    def assessment(self) -> Assessment | None:
        """The assessment of the row's centre and assessor (an assessor already assigned to that centre)."""
        centre, code, centre_header = self.centre()
        username, assessor_header = self.columns.first(self.values, "assessor")
        username = username.strip()
        if not username:
            self.problem(assessor_header, _("This field is required."))
            return None
        if centre is None:
            return None
        assessment = self.index.assessments.get((centre.pk, username)) or self.index.folded.get(
            (centre.pk, username.lower())
        )
        if assessment is None:
            self.problem(
                assessor_header,
                _("%(user)s is not an assessor assigned to %(code)s in this round.")
                % {"user": username, "code": code},
            )
        elif assessment.pk in self.seen["pairs"]:
            self.problem(
                centre_header,
                _("Row %(row)s already holds a submission for %(code)s by %(user)s; keep only one of them.")
                % {"row": self.seen["pairs"][assessment.pk], "code": code, "user": username},
            )
        elif assessment.status not in submission_services.OPEN_STATUSES:
            self.problem(centre_header, submission_services.already_submitted_message())
        else:
            self.seen["pairs"][assessment.pk] = self.row
            return assessment
        return None

    def answers(self) -> dict[str, dict]:
        answers: dict[str, dict] = {}
        for code, indicator in self.index.indicators.items():
            data = self.answer(indicator, self.columns.answers.get(code), self.columns.notes.get(code))
            if data is not None:
                answers[code] = data
        return answers

    def answer(self, indicator, header: str | None, note_header: str | None) -> dict | None:
        if header is None and note_header is None:
            return None
        data: dict = {}
        if header is not None:
            try:
                data.update(_convert(indicator, self.values.get(header, "")))
            except ValueError as exc:
                self.problem(header, str(exc))
                return None
        if note_header is not None:
            note = self.values.get(note_header, "")
            data["note"] = note if note.strip() else ""
        if header is not None:
            for message in submission_services.answer_problems(indicator, {**data, "note": ""}):
                self.problem(header, message)
        for message in submission_services.note_problems(data.get("note", "")):
            self.problem(note_header, message)
        return data


def check_rows(index: RoundIndex, table: Table, columns: Columns, report: ImportReport) -> list[Submission]:
    """Every row checked against the round; the rows without a problem, as submissions to write."""
    submissions: list[Submission] = []
    seen: dict[str, dict] = {"ids": {}, "pairs": {}}
    for row, values in table.rows:
        if values is None:
            report.errors.append(
                RowError(row, "", _("This entry is not a submission (an object was expected)."))
            )
            continue
        check = _RowCheck(index, columns, row, values, seen)
        external_id = check.submission_id()
        check.instrument()
        assessment = check.assessment()
        answers = check.answers()
        location, location_header, location_problem = _location(columns, values)
        if location_problem:
            check.problem(location_header, location_problem)
        started_at = _timestamp(columns, values, "start", check.errors, row)
        ended_at = _timestamp(columns, values, "end", check.errors, row)
        if check.errors:
            report.errors += check.errors
            continue
        status = submission_services.status_after_import(
            assessment.status,
            index.required,
            index.current.get(assessment.pk, {}),
            answers,
            evidence_ok=index.evidence_ok.get(assessment.pk, False),
        )
        submissions.append(
            Submission(row, external_id, assessment, answers, location, started_at, ended_at, status)
        )
    return submissions


def answered_count(answers: dict[str, dict]) -> int:
    return sum(
        1
        for data in answers.values()
        if (data.get("value") or "") != ""
        or data.get("number") is not None
        or (data.get("text") or "").strip()
    )
