"""Import of field submissions exported from KoboToolbox or ODK Central into an assessment round.

The XLSForm made by `instrument_io.spec_to_xlsform` is filled in on phones (KoboCollect, ODK Collect);
the server's export of its submissions is uploaded here. Accepted files, recognised by their content:

- CSV (comma, semicolon or tab; UTF-8 or Windows-1252) and XLSX, as ODK Central ("A-A1", "KEY",
  "location-Latitude" …) and KoboToolbox ("A/A1" or "A1", "_uuid", "location" …) write them;
- JSON: KoboToolbox's `/api/v2/assets/<uid>/data/` ({"results": [{"A/A1": …, "_uuid": …}]}), ODK
  Central's OData ({"value": [{"__id": "uuid:…", "A": {"A1": …}}]}, groups as nested objects, geopoints
  as GeoJSON), or a plain list of flat objects.

Headers are matched (ignoring case) with `instrument_io.SUBMISSION_COLUMNS` and `META_COLUMNS`. Each
submission goes to the assessment of its centre (`centre` or `centre_code` = the centre's code, a centre
of the round) and assessor (`assessor` = the username of an assessor *already assigned* to that centre in
the round: an unassigned name is refused rather than assigned, because it is far more often a typo or a
swap than a planned assignment, and assignments are planned on the round). The submission id (ODK
`KEY`/`__id`, Kobo `meta/rootUuid`/`_uuid`, `meta/instanceID`; "uuid:" added to a bare uuid) is stored in
`ImportedSubmission` (and the latest on `Assessment.external_id`), so the same submission is never imported twice.

Every problem is reported with the file's row number and the header of its column; a file with any
problem writes nothing. A valid file is written in one transaction through
`submission_services.assessment_import_submission`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from inkubator.assessment import submission_services
from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.instrument_io import META_COLUMNS, SUBMISSION_COLUMNS
from inkubator.assessment.models import Answer, Assessment, AssessmentRound, Evidence, ImportedSubmission
from inkubator.assessment.services import _parse_number, instrument_to_spec
from inkubator.core import permissions as perms
from inkubator.core import spreadsheets
from inkubator.core.permissions import role_has_permission
from inkubator.core.spreadsheets import SpreadsheetError

# Where the submission id may be, most trustworthy first: ODK Central's KEY (CSV) and __id (OData) stay the
# same when a submission is edited; so does Kobo's meta/rootUuid; _uuid and meta/instanceID change.
ID_COLUMNS = ["KEY", "__id", "meta/rootUuid", "meta-rootUuid", "_uuid", "meta/instanceID", "meta-instanceID"]
CENTRE_COLUMNS = ["centre", "centre_code"]
SPLIT_LOCATION = ("location_latitude", "location_longitude", "location_altitude", "location_accuracy")
# Columns the servers add that mean nothing here (not listed as "ignored" in the check's report).
SYSTEM_COLUMNS = {
    c.lower() for c in (
        "SubmissionDate", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
        "ReviewState", "DeviceID", "Edits", "FormVersion", "today", "deviceid", "location-Altitude",
        "_location_altitude",
    )
}
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
MAX_DEPTH = 10
BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"\xff\xd8", b"GIF8", b"MZ", b"\x7fELF", b"RIFF")


@dataclass
class RowError:
    row: int | str
    column: str
    message: str

    @property
    def text(self) -> str:
        """The whole message: "Row 4, column centre: 2099000001 is not a centre of this round."."""
        if not self.column:
            return _("Row %(row)s: %(problem)s") % {"row": self.row, "problem": self.message}
        return _("Row %(row)s, column %(column)s: %(problem)s") % {
            "row": self.row, "column": self.column, "problem": self.message,
        }

    def as_dict(self):
        return {"row": self.row, "column": self.column, "message": str(self.message)}


@dataclass
class SubmissionReport:
    rows: int = 0
    submitted: int = 0
    draft: int = 0
    preview: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    file_error: str = ""
    file_format: str = ""
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error

    def as_dict(self):
        return {
            "rows": self.rows, "submitted": self.submitted, "draft": self.draft, "preview": self.preview,
            "errors": [e.as_dict() for e in self.errors], "ignored_columns": self.ignored_columns,
            "file_error": self.file_error, "format": self.file_format, "committed": self.committed,
        }


@dataclass
class Table:
    """Submissions as rows of text keyed by the file's own headers; row numbers as the user finds them."""

    format: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]


# --- reading the file ----------------------------------------------------------------------------


def _sniff(data: bytes) -> str:
    """"json", "csv", "xlsx" or "xls" from the content (the file name is not trusted)."""
    if not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return "json"
    if data[:4] != b"PK\x03\x04" and data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and (
        b"\x00" in data[:4096] or data.startswith(BINARY_SIGNATURES)
    ):
        raise SpreadsheetError(_("The file is not an export of submissions (CSV, XLSX or JSON expected)."))
    return spreadsheets._sniff_kind(data, "")


def _cell(value) -> str:
    """A spreadsheet cell as text, exactly: no spaces trimmed, line breaks kept (notes are multi-line)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _grid_table(kind: str, data: bytes) -> Table:
    if kind == "csv":
        text = spreadsheets._decode(data)
        delimiter = spreadsheets._guess_delimiter(text)
        grid = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    else:
        try:
            sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
            grid = [[_cell(c) for c in row] for row in sheet.to_python(skip_empty_area=False)]
        except Exception:  # noqa: BLE001 - calamine raises several types for broken files
            raise SpreadsheetError(_("The workbook cannot be read; it may be damaged or password-protected."))
    numbered = [(number, row) for number, row in enumerate(grid, start=1) if any(c.strip() for c in row)]
    if not numbered:
        raise SpreadsheetError(_("The file has no rows."))
    header = [c.strip() for c in numbered[0][1]]
    rows = []
    for number, cells in numbered[1:]:
        rows.append((number, {h: cells[i] for i, h in enumerate(header) if h and i < len(cells)}))
    return Table(format=kind, columns=[h for h in header if h], rows=rows)


def _json_scalar(value) -> str | None:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int | str):
        return str(value)
    return None


def _geojson_point(value) -> str | None:
    """ODK Central's OData geopoint {"type": "Point", "coordinates": [lon, lat, alt], "properties":
    {"accuracy": acc}} as the form's own "lat lon alt acc"."""
    if not (isinstance(value, dict) and value.get("type") == "Point" and isinstance(value.get("coordinates"), list)):
        return None
    coords = [_json_scalar(c) or "" for c in value["coordinates"]]
    if len(coords) < 2:
        return ""
    parts = [coords[1], coords[0], coords[2] if len(coords) > 2 else "0"]
    accuracy = (value.get("properties") or {}).get("accuracy")
    parts.append(_json_scalar(accuracy) or "0")
    return " ".join(parts)


def _flatten(obj: dict, prefix: str = "", depth: int = 0) -> dict[str, str]:
    """Nested groups become "group/field" keys (Kobo's own notation); lists (attachments, tags) are left out,
    and so is anything nested deeper than any form of ours."""
    flat: dict[str, str] = {}
    if depth > MAX_DEPTH:
        return flat
    for key, value in obj.items():
        name = f"{prefix}{key}"
        point = _geojson_point(value)
        if point is not None:
            flat[name] = point
        elif isinstance(value, dict):
            flat.update(_flatten(value, f"{name}/", depth + 1))
        else:
            text = _json_scalar(value)
            if text is not None:
                flat[name] = text
    return flat


def _json_table(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError(_("The JSON file is not in UTF-8."))
    try:
        payload = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, RecursionError) as exc:
        line, column = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (1, 1)
        raise SpreadsheetError(
            _("The file is not valid JSON (line %(line)s, column %(column)s).") % {"line": line, "column": column}
        )
    if isinstance(payload, dict):
        items = payload.get("results", payload.get("value"))
    else:
        items = payload
    if not isinstance(items, list):
        raise SpreadsheetError(_(
            "The JSON file holds no list of submissions: expected KoboToolbox's “results”, ODK Central's "
            "“value” or a list."
        ))
    columns: dict[str, None] = {}
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            rows.append((number, None))
            continue
        flat = _flatten(item)
        columns.update(dict.fromkeys(flat))
        rows.append((number, flat))
    return Table(format="json", columns=list(columns), rows=rows)


def read_submissions(data: bytes, filename: str = "") -> Table:
    """The submissions of an export file, after checking its size and type. Raises SpreadsheetError."""
    limit = settings.INKUBATOR_IMPORT_MAX_BYTES
    if len(data) > limit:
        raise SpreadsheetError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(limit)}
        )
    kind = _sniff(data)
    table = _json_table(data) if kind == "json" else _grid_table(kind, data)
    if len(table.rows) > settings.INKUBATOR_IMPORT_MAX_ROWS:
        raise SpreadsheetError(
            _("The file has %(rows)s rows; at most %(limit)s can be imported at once.")
            % {"rows": len(table.rows), "limit": settings.INKUBATOR_IMPORT_MAX_ROWS}
        )
    if not table.rows:
        if kind == "json":
            raise SpreadsheetError(_("The file holds no submissions."))
        raise SpreadsheetError(_("The file has a header but no data rows."))
    return table


# --- columns -------------------------------------------------------------------------------------


@dataclass
class Columns:
    """Which headers of the file hold what: each field → its headers present in the file, best first."""

    meta: dict[str, list[str]]
    answers: dict[str, str]
    notes: dict[str, str]
    ignored: list[str]

    def first(self, values: dict[str, str], name: str) -> tuple[str, str]:
        """(value, header) of the first non-empty header of a field; ("", first header) when all are empty."""
        headers = self.meta.get(name, [])
        for header in headers:
            value = values.get(header, "")
            if value.strip():
                return value, header
        return "", headers[0] if headers else name


def map_columns(spec: dict, headers: list[str]) -> Columns:
    """Match the file's headers to the form's fields, ignoring case."""
    present = {}
    for header in headers:
        present.setdefault(header.strip().lower(), header)
    known: set[str] = set()

    def find(variants) -> list[str]:
        found = []
        for variant in variants:
            header = present.get(variant.lower())
            if header is not None and header not in found:
                found.append(header)
                known.add(header)
        return found

    meta = {name: find(variants) for name, variants in META_COLUMNS.items() if name != "instance_id"}
    meta["instance_id"] = find(ID_COLUMNS + META_COLUMNS["instance_id"])
    meta["centre"] = find(CENTRE_COLUMNS)
    meta.pop("centre_code", None)
    answers, notes = {}, {}
    for target, suffix in ((answers, ""), (notes, "_note")):
        columns = SUBMISSION_COLUMNS(spec, suffix=suffix)
        for code, variants in columns.items():
            found = find(variants)
            if found:
                target[code] = found[0]
    find(v for variants in SUBMISSION_COLUMNS(spec, suffix="_photo").values() for v in variants)
    ignored = [
        h for h in headers
        if h not in known and h.strip().lower() not in SYSTEM_COLUMNS and not h.startswith(("_", "meta", "formhub"))
    ]
    return Columns(meta=meta, answers=answers, notes=notes, ignored=ignored)


def _normalise_id(text: str) -> str:
    text = text.strip()
    return f"uuid:{text}" if UUID_RE.match(text) else text


# --- validating rows -----------------------------------------------------------------------------


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


# --- the import ----------------------------------------------------------------------------------


def submission_import_run(
    *, actor, round: AssessmentRound, data: bytes, filename: str = "", dry_run: bool = True, progress=None,
) -> SubmissionReport:
    """Check (and unless `dry_run`, write) an export of field submissions into `round`.

    Nothing is written if any row has a problem: the rows are written in one transaction after all of
    them passed the checks, and a refusal by the service while writing rolls every row back.
    """
    if not role_has_permission(actor, perms.ROUND_MANAGE):
        raise PermissionDenied(_("You do not have permission to do this."))
    rnd = AssessmentRound.objects.visible_to(actor, perms.ROUND_MANAGE).select_related("instrument").filter(
        pk=round.pk).first()
    if rnd is None:
        raise PermissionDenied(_("You do not have permission to change this round."))
    report = SubmissionReport()
    try:
        table = read_submissions(data, filename)
    except SpreadsheetError as exc:
        report.file_error = str(exc)
        return report
    report.file_format = table.format
    report.rows = len(table.rows)
    spec = instrument_to_spec(rnd.instrument)
    columns = map_columns(spec, table.columns)
    report.ignored_columns = columns.ignored
    missing = []
    if not columns.meta["centre"]:
        missing.append(" / ".join(CENTRE_COLUMNS))
    if not columns.meta["assessor"]:
        missing.append("assessor")
    if not columns.meta["instance_id"]:
        missing.append(" / ".join(["KEY", "__id", "_uuid", "meta/instanceID"]))
    if missing:
        report.file_error = _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
        return report
    if not columns.answers:
        report.file_error = _(
            "No column holds an answer to %(instrument)s: the headers must be the form's field names (such as "
            "A/A1, A-A1 or A1), not the question texts."
        ) % {"instrument": rnd.instrument}
        return report

    index = _RoundIndex(actor, rnd)
    if progress:
        progress(0, len(table.rows) * (1 if dry_run else 2))
    submissions = _check_rows(index, table, columns, report)
    if report.errors:
        report.errors.sort(key=lambda e: (e.row if isinstance(e.row, int) else 0))
        return report
    for s in submissions:
        report.preview.append({
            "row": s.row, "submission": s.external_id, "centre": s.assessment.centre.code,
            "centre_name": s.assessment.centre.name, "assessor": s.assessment.assessor.username,
            "answers": _answered(s.answers), "status": str(s.status),
        })
        if s.status == AssessmentStatus.SUBMITTED:
            report.submitted += 1
        else:
            report.draft += 1
    if dry_run:
        return report
    try:
        with transaction.atomic():
            for number, s in enumerate(submissions):
                if progress and number % 50 == 0:
                    progress(len(table.rows) + number, len(table.rows) * 2)
                try:
                    submission_services.assessment_import_submission(
                        actor=actor, assessment=s.assessment, external_id=s.external_id, answers=s.answers,
                        location=s.location, started_at=s.started_at, ended_at=s.ended_at,
                    )
                except ValidationError as exc:
                    report.errors += _service_errors(s.row, exc, columns)
                    raise
                except PermissionDenied as exc:
                    report.errors.append(RowError(s.row, columns.first({}, "centre")[1], str(exc)))
                    raise
    except (ValidationError, PermissionDenied):
        report.submitted = report.draft = 0
        report.preview = []
        return report
    report.committed = True
    return report


def _service_errors(row: int, exc: ValidationError, columns: Columns) -> list[RowError]:
    """The service's refusal (keyed by indicator code or field name) as errors naming the file's columns."""
    headers = {
        "external_id": columns.first({}, "instance_id")[1], "status": columns.first({}, "centre")[1],
        "latitude": columns.first({}, "location")[1], "longitude": columns.first({}, "location")[1],
        "location_accuracy": columns.first({}, "location")[1],
    }
    items = exc.message_dict.items() if hasattr(exc, "error_dict") else [("", exc.messages)]
    return [
        RowError(row, columns.answers.get(name) or headers.get(name, name), message)
        for name, messages in items for message in messages
    ]


def run_submission_import_job(job, progress) -> dict:
    """Job handler (core.jobs "submission_import"): dry run or commit of an uploaded export."""
    from inkubator.core.jobs import JobFailed

    rnd = AssessmentRound.objects.filter(pk=job.params.get("round")).first()
    if rnd is None:
        raise JobFailed(_("The round no longer exists."))
    job.input_file.open("rb")
    try:
        data = job.input_file.read()
    finally:
        job.input_file.close()
    dry_run = job.params.get("dry_run", True)
    report = submission_import_run(
        actor=job.created_by, round=rnd, data=data, filename=job.params.get("filename", ""), dry_run=dry_run,
        progress=progress,
    )
    job.errors = [e.as_dict() for e in report.errors]
    if report.file_error:
        job.errors = [{"row": "", "column": "", "message": report.file_error}]
    job.save(update_fields=["errors"])
    if report.file_error:
        raise JobFailed(report.file_error)
    if not dry_run and not report.ok:
        raise JobFailed(_("Nothing was imported: fix the errors listed below and upload the file again."))
    return report.as_dict()
