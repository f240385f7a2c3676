"""The registry import on core's pipeline: host institutions, centres or grants from one spreadsheet.

Each row is parsed leniently (header variants, `KAB.`/`KOTA` prefixes, Indonesian numbers, stray spaces),
then validated with the same form used for manual entry, under the importing user's scope. A dry run
lists every error by row and column; a commit writes all rows in one transaction or none at all.
Re-importing upserts: centres on their code, hosts on name + regency, grants on centre + kind + year;
rows that would change nothing are neither rewritten nor audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from inkubator.centres.importers.rows import ROW_KINDS, RowKind
from inkubator.centres.importers.values import RowInvalid
from inkubator.centres.permissions import REGISTRY_IMPORT
from inkubator.core import exports
from inkubator.core.audit import plain_value
from inkubator.core.imports import Importer, ImportReport, RowError, RowRefused, row_errors
from inkubator.core.imports import run as run_import
from inkubator.core.permissions import role_has_permission
from inkubator.core.spreadsheets import read_table

JOB_KIND = "registry_import"


@dataclass
class _Row:
    number: int
    form: object
    instance: object
    data: dict
    changed: bool


def _same(a, b) -> bool:
    """Equal values, with numbers compared as numbers ("500000000.00" equals "500000000")."""
    if a == b:
        return True
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (InvalidOperation, ValueError, TypeError):
        return False


def _would_change(before: dict, data: dict) -> bool:
    """Would saving `data` change the record whose values were `before`? Unchanged rows are not rewritten."""
    for name, value in data.items():
        if isinstance(value, tuple):  # a host to be created
            return True
        if not _same(before.get(name), plain_value(value)):
            return True
    return False


def header_labels(kind: type[RowKind]) -> dict[str, str]:
    """Each canonical column's header as the templates and error messages write it."""
    return {name: (names[0] if names else name) for name, names in kind.aliases.items()}


class RegistryImporter(Importer):
    job_kind = JOB_KIND
    count_names = ("created", "updated", "unchanged")

    def __init__(self, *, actor, params):
        super().__init__(actor=actor, params=params)
        self.kind = ROW_KINDS[params["kind"]]
        self.headers = header_labels(self.kind)

    def authorize(self):
        if not role_has_permission(self.actor, REGISTRY_IMPORT):
            raise PermissionDenied(_("You do not have permission to import registry data."))

    @classmethod
    def summary(cls, result, *, dry_run):
        if dry_run:
            return _(
                "%(rows)s rows checked without errors: %(created)s new, %(updated)s changed, %(unchanged)s "
                "unchanged."
            ) % {k: result.get(k, 0) for k in ("rows", "created", "updated", "unchanged")}
        return _("Imported: %(created)s new, %(updated)s changed.") % {
            k: result.get(k, 0) for k in ("created", "updated")
        }

    def _column(self, name: str) -> str:
        return self.headers.get(name, name) if name != "__all__" else ""

    def check(self, data, *, filename, report: ImportReport, progress=None):
        rows = self.kind(self.actor)
        sheet = read_table(data, rows.aliases, required=rows.required, filename=filename, labels=self.headers)
        report.rows = len(sheet.rows)
        if not sheet.rows:
            report.file_error = _("The file has a header but no data rows.")
            return []
        plan, seen = [], {}
        for index, (number, values) in enumerate(sheet.rows):
            if progress and index % 200 == 0:
                progress(index, len(sheet.rows) * (1 if self.params.get("dry_run", True) else 2))
            row = self._check_row(rows, number, values, seen, report)
            if row is not None:
                plan.append(row)
        for row in plan:
            if not row.changed:
                report.count("unchanged")
            elif row.instance is None:
                report.count("created")
            else:
                report.count("updated")
        return (rows, plan)

    def _check_row(
        self, rows: RowKind, number: int, values: dict, seen: dict, report: ImportReport
    ) -> _Row | None:
        try:
            data, instance = rows.to_form_data(values)
        except RowInvalid as exc:
            report.errors.append(RowError(number, self._column(exc.column), exc.message))
            return None
        key = rows.natural_key(data)
        if key in seen:
            report.errors.append(
                RowError(
                    number,
                    self._column(rows.required[0]),
                    _("Duplicate of row %(row)s in this file.") % {"row": seen[key]},
                )
            )
            return None
        seen[key] = number
        # read before binding: a valid ModelForm writes the row's values into its instance
        before = (
            {name: plain_value(getattr(instance, name)) for name in rows.form_class._meta.fields}
            if instance
            else None
        )
        form = rows.bind(data, instance, self.actor)
        if not form.is_valid():
            for name, messages in form.errors.items():
                report.errors += [RowError(number, self._column(name), message) for message in messages]
            return None
        changed = instance is None or _would_change(before, form.service_data())
        return _Row(number, form, instance, data, changed)

    def write(self, plan, *, report: ImportReport, progress=None):
        rows, checked = plan
        report.counts.update(created=0, updated=0)
        for index, row in enumerate(checked):
            if not row.changed:
                continue
            if progress and index % 200 == 0:
                progress(len(checked) + index, len(checked) * 2)
            try:
                _obj, created = rows.save(row.form, row.instance, row.data)
            except ValidationError as exc:
                raise RowRefused(row_errors(row.number, exc, self._column))
            except PermissionDenied as exc:
                raise RowRefused([RowError(row.number, self._column("regency"), str(exc))])
            report.count("created" if created else "updated")


def import_run(
    *, actor, kind: str, data: bytes, filename: str = "", dry_run: bool = True, progress=None
) -> ImportReport:
    """Validate (and unless `dry_run`, write) a spreadsheet of `kind`. Nothing is written if any row has an error."""
    importer = RegistryImporter(actor=actor, params={"kind": kind, "dry_run": dry_run})
    return run_import(importer, data=data, filename=filename, dry_run=dry_run, progress=progress)


def import_template(kind: str) -> tuple[list[str], list[list[str]]]:
    """Headers (Indonesian, as the ministry writes them) and one example row for a downloadable template."""
    rows = ROW_KINDS[kind]
    return list(header_labels(rows).values()), [rows.template_example]


def template_response(kind: str, fmt: str = "xlsx"):
    headers, rows = import_template(kind)
    return exports.export_response(fmt, f"template-{kind}", [h.upper() for h in headers], rows)
