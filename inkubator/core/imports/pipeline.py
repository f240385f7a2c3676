"""The pipeline itself: `run` (check, then write all rows or none), the importer registry and its job."""

from __future__ import annotations

from typing import ClassVar

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkubator.core import jobs
from inkubator.core.imports.report import ImportReport, RowError
from inkubator.core.spreadsheets import SpreadsheetError


class RowRefused(Exception):
    """Raised while writing when a service refuses a row: the whole import is rolled back."""

    def __init__(self, errors: list[RowError]):
        super().__init__(errors)
        self.errors = errors


class Importer:
    """One kind of import. Subclasses check the rows (`check`) and write them (`write`).

    `__init__` stays light (the status page builds importers to describe a job); reference data is
    loaded in `check`. `check` fills the report (rows, counts, preview, errors) and returns what
    `write` needs; it raises `SpreadsheetError` for a file that cannot be read at all. `write` runs
    inside one transaction and raises `RowRefused` when a service refuses a row.
    """

    job_kind: ClassVar[str] = ""
    count_names: ClassVar[tuple[str, ...]] = ()
    # (key, label) of the preview rows shown on the status page; empty = no preview table.
    preview_columns: ClassVar[list[tuple[str, str]]] = []
    commit_label = gettext_lazy("Import these rows")

    def __init__(self, *, actor, params: dict):
        self.actor = actor
        self.params = params

    def authorize(self) -> None:
        """Refuse (PermissionDenied) an actor who may not run this import."""

    def check(self, data: bytes, *, filename: str, report: ImportReport, progress=None):
        raise NotImplementedError

    def write(self, plan, *, report: ImportReport, progress=None) -> None:
        raise NotImplementedError

    @classmethod
    def summary(cls, result: dict, *, dry_run: bool) -> str:
        """The sentence the status page shows for a finished check (`dry_run`) or import without errors."""
        if dry_run:
            return _("%(rows)s rows checked without errors.") % {"rows": result.get("rows", 0)}
        return _("%(rows)s rows imported.") % {"rows": result.get("rows", 0)}

    @classmethod
    def preview_rows(cls, result: dict) -> list[list]:
        """The preview table's cells, in the order of `preview_columns`."""
        return [
            [row.get(key, "") for key, _label in cls.preview_columns] for row in result.get("preview", [])
        ]


def _row_order(error: RowError):
    return (0, error.row) if isinstance(error.row, int) else (1, 0)


def run(
    importer: Importer, *, data: bytes, filename: str = "", dry_run: bool = True, progress=None
) -> ImportReport:
    """Check `data` and, unless `dry_run`, write it: nothing is written if any row has an error."""
    importer.authorize()
    report = ImportReport(counts=dict.fromkeys(importer.count_names, 0))
    try:
        plan = importer.check(data, filename=filename, report=report, progress=progress)
    except SpreadsheetError as exc:
        report.file_error = str(exc)
        return report
    if not report.ok:
        report.errors.sort(key=_row_order)
        return report
    if dry_run:
        return report
    try:
        with transaction.atomic():
            importer.write(plan, report=report, progress=progress)
    except RowRefused as exc:
        report.errors += exc.errors
        report.counts = dict.fromkeys(importer.count_names, 0)
        report.preview = []
        return report
    report.committed = True
    return report


_IMPORTERS: dict[str, type[Importer]] = {}


def register(importer: type[Importer]) -> None:
    """Run `importer` for jobs of its `job_kind` (call from the app's `ready`)."""
    _IMPORTERS[importer.job_kind] = importer
    jobs.register_handler(importer.job_kind, run_job)


def importer_class(job_kind: str) -> type[Importer]:
    return _IMPORTERS[job_kind]


def run_job(job, progress) -> dict:
    """Job handler of every import: the uploaded file checked (dry run) or written."""
    importer = _IMPORTERS[job.kind](actor=job.created_by, params=job.params)
    job.input_file.open("rb")
    try:
        data = job.input_file.read()
    finally:
        job.input_file.close()
    dry_run = job.params.get("dry_run", True)
    report = run(
        importer, data=data, filename=job.params.get("filename", ""), dry_run=dry_run, progress=progress
    )
    job.errors = [e.as_dict() for e in report.errors]
    if report.file_error:
        job.errors = [{"row": "", "column": "", "message": report.file_error}]
    job.save(update_fields=["errors"])
    if report.file_error:
        raise jobs.JobFailed(report.file_error)
    if not dry_run and not report.ok:
        raise jobs.JobFailed(
            _("Nothing was imported: fix the errors listed below and upload the file again.")
        )
    return report.as_dict()
