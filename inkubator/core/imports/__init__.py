"""One import pipeline for every upload of rows: a dry run that checks every row, then a commit that
writes all of them in one transaction or none.

An app describes one kind of import as an `Importer` (what the rows must be, how they are written)
and registers it under a job kind; core runs it as a background job, keeps the report on the Job row,
and gives the pages their upload form, the commit step and one status partial
(`core/partials/_import_status.html`). The registry's spreadsheets and the ODK/Kobo submissions of an
assessment round go through it, and so do the incubation and monitoring imports.
"""

from inkubator.core.imports.pipeline import Importer, RowRefused, importer_class, register, run
from inkubator.core.imports.report import ImportReport, RowError, row_errors

__all__ = [
    "ImportReport",
    "Importer",
    "RowError",
    "RowRefused",
    "importer_class",
    "register",
    "row_errors",
    "run",
]
