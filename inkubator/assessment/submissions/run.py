"""The submission import on core's pipeline (`SubmissionImporter`: check, then write all rows or none)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from inkubator.assessment.choices import AssessmentStatus
from inkubator.assessment.models import AssessmentRound
from inkubator.assessment.permissions import ROUND_MANAGE
from inkubator.assessment.services import assessment_import_submission, instrument_to_spec
from inkubator.assessment.submissions.columns import CENTRE_COLUMNS, Columns, map_columns
from inkubator.assessment.submissions.reading import read_submissions
from inkubator.assessment.submissions.rows import RoundIndex, answered_count, check_rows
from inkubator.core.imports import Importer, ImportReport, RowError, RowRefused, row_errors
from inkubator.core.imports import run as run_import
from inkubator.core.jobs import JobFailed
from inkubator.core.permissions import role_has_permission

JOB_KIND = "submission_import"


class SubmissionImporter(Importer):
    """`params["round"]`: the round the submissions belong to."""

    job_kind = JOB_KIND
    count_names = ("submitted", "draft")
    preview_columns = [
        ("row", gettext_lazy("Row")),
        ("submission", gettext_lazy("Submission")),
        ("centre", gettext_lazy("Centre")),
        ("assessor", gettext_lazy("Assessor")),
        ("answers", gettext_lazy("Answers")),
        ("status", gettext_lazy("Status after the import")),
    ]
    commit_label = gettext_lazy("Import these submissions")

    def __init__(self, *, actor, params):
        super().__init__(actor=actor, params=params)
        self.round_id = params.get("round")

    def authorize(self):
        if not role_has_permission(self.actor, ROUND_MANAGE):
            raise PermissionDenied(_("You do not have permission to do this."))
        self.round = (
            AssessmentRound.objects.visible_to(self.actor, ROUND_MANAGE)
            .select_related("instrument")
            .filter(pk=self.round_id)
            .first()
        )
        if self.round is None:
            if not AssessmentRound.objects.filter(pk=self.round_id).exists():
                raise JobFailed(_("The round no longer exists."))
            raise PermissionDenied(_("You do not have permission to change this round."))

    @classmethod
    def summary(cls, result, *, dry_run):
        values = {k: result.get(k, 0) for k in ("rows", "submitted", "draft")}
        if dry_run:
            return (
                ngettext(
                    "%(rows)s submission checked without errors: %(submitted)s will be submitted for review, %(draft)s "
                    "will stay drafts.",
                    "%(rows)s submissions checked without errors: %(submitted)s will be submitted for review, %(draft)s "
                    "will stay drafts.",
                    values["rows"],
                )
                % values
            )
        return (
            ngettext(
                "%(rows)s submission imported: %(submitted)s submitted for review, %(draft)s drafts.",
                "%(rows)s submissions imported: %(submitted)s submitted for review, %(draft)s drafts.",
                values["rows"],
            )
            % values
        )

    @classmethod
    def preview_rows(cls, result):
        labels = dict(AssessmentStatus.choices)
        return [
            [
                r["row"],
                r["submission"],
                f"{r['centre']} – {r['centre_name']}",
                r["assessor"],
                r["answers"],
                labels.get(r["status"], r["status"]),
            ]
            for r in result.get("preview", [])
        ]

    def check(self, data, *, filename, report: ImportReport, progress=None):
        table = read_submissions(data, filename)
        report.file_format = table.format
        report.rows = len(table.rows)
        columns = map_columns(instrument_to_spec(self.round.instrument), table.columns)
        report.ignored_columns = columns.ignored
        report.file_error = self._missing_columns(columns)
        if report.file_error:
            return None
        dry_run = self.params.get("dry_run", True)
        if progress:
            progress(0, len(table.rows) * (1 if dry_run else 2))
        submissions = check_rows(RoundIndex(self.actor, self.round), table, columns, report)
        for s in submissions:
            report.preview.append(
                {
                    "row": s.row,
                    "submission": s.external_id,
                    "centre": s.assessment.centre.code,
                    "centre_name": s.assessment.centre.name,
                    "assessor": s.assessment.assessor.username,
                    "answers": answered_count(s.answers),
                    "status": str(s.status),
                }
            )
            report.count("submitted" if s.status == AssessmentStatus.SUBMITTED else "draft")
        return (table, columns, submissions)

    def _missing_columns(self, columns: Columns) -> str:
        missing = []
        if not columns.meta["centre"]:
            missing.append(" / ".join(CENTRE_COLUMNS))
        if not columns.meta["assessor"]:
            missing.append("assessor")
        if not columns.meta["instance_id"]:
            missing.append(" / ".join(["KEY", "__id", "_uuid", "meta/instanceID"]))
        if missing:
            return _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
        if not columns.answers:
            return _(
                "No column holds an answer to %(instrument)s: the headers must be the form's field names (such as "
                "A/A1, A-A1 or A1), not the question texts."
            ) % {"instrument": self.round.instrument}
        return ""

    def write(self, plan, *, report: ImportReport, progress=None):
        table, columns, submissions = plan
        for number, s in enumerate(submissions):
            if progress and number % 50 == 0:
                progress(len(table.rows) + number, len(table.rows) * 2)
            try:
                assessment_import_submission(
                    actor=self.actor,
                    assessment=s.assessment,
                    external_id=s.external_id,
                    answers=s.answers,
                    location=s.location,
                    started_at=s.started_at,
                    ended_at=s.ended_at,
                )
            except ValidationError as exc:
                raise RowRefused(row_errors(s.row, exc, lambda name: _service_column(columns, name)))
            except PermissionDenied as exc:
                raise RowRefused([RowError(s.row, columns.first({}, "centre")[1], str(exc))])


def _service_column(columns: Columns, name: str) -> str:
    """The file's column for a field the service refused (an indicator code or an assessment field)."""
    location = columns.first({}, "location")[1]
    headers = {
        "external_id": columns.first({}, "instance_id")[1],
        "status": columns.first({}, "centre")[1],
        "latitude": location,
        "longitude": location,
        "location_accuracy": location,
    }
    return columns.answers.get(name) or headers.get(name, name)


def submission_import_run(
    *,
    actor,
    round: AssessmentRound,
    data: bytes,
    filename: str = "",
    dry_run: bool = True,
    progress=None,
) -> ImportReport:
    """Check (and unless `dry_run`, write) an export of field submissions into `round`.

    Nothing is written if any row has a problem: the rows are written in one transaction after all of
    them passed the checks, and a refusal by the service while writing rolls every row back.
    """
    importer = SubmissionImporter(actor=actor, params={"round": round.pk, "dry_run": dry_run})
    return run_import(importer, data=data, filename=filename, dry_run=dry_run, progress=progress)
