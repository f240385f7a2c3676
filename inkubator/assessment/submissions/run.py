"""The import itself (`submission_import_run`: check, then write all rows or none) and its job handler."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inkubator.assessment import submission_services
from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import AssessmentRound
from inkubator.assessment.services import instrument_to_spec
from inkubator.assessment.submissions.columns import CENTRE_COLUMNS, Columns, map_columns
from inkubator.assessment.submissions.reading import read_submissions
from inkubator.assessment.submissions.report import RowError, SubmissionReport
from inkubator.assessment.submissions.rows import _answered, _check_rows, _RoundIndex
from inkubator.core import permissions as perms
from inkubator.core.permissions import role_has_permission
from inkubator.core.spreadsheets import SpreadsheetError


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
