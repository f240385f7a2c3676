"""What a check or import of submissions reports: a `SubmissionReport` and its `RowError`s."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


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
