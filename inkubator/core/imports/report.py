"""What a check or an import reports: counts, a preview of the rows, and every error by row and column."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from inkubator.core.errors import message_dict


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
            "row": self.row,
            "column": self.column,
            "problem": self.message,
        }

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": str(self.message)}


def row_errors(row: int, exc: ValidationError, column_for) -> list[RowError]:
    """A service's refusal of one row as errors naming the file's columns (`column_for(field) -> header`)."""
    return [
        RowError(row, column_for(name) if name != "__all__" else "", message)
        for name, messages in message_dict(exc).items()
        for message in messages
    ]


@dataclass
class ImportReport:
    """`counts` are the importer's own tallies (e.g. created / updated / unchanged), zero until counted."""

    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    preview: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    file_error: str = ""
    file_format: str = ""
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error

    def count(self, name: str, by: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + by

    def as_dict(self) -> dict:
        return {
            "rows": self.rows,
            **self.counts,
            "preview": self.preview,
            "errors": [e.as_dict() for e in self.errors],
            "ignored_columns": self.ignored_columns,
            "file_error": self.file_error,
            "format": self.file_format,
            "committed": self.committed,
        }
