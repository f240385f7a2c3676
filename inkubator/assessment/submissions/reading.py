"""Reading an export of submissions (CSV, XLSX or JSON, recognised by content) into a `Table` of text."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from inkubator.core import spreadsheets
from inkubator.core.spreadsheets import SpreadsheetError

MAX_DEPTH = 10
BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"\xff\xd8", b"GIF8", b"MZ", b"\x7fELF", b"RIFF")


@dataclass
class Table:
    """Submissions as rows of text keyed by the file's own headers; row numbers as the user finds them."""

    format: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]


def _sniff(data: bytes) -> str:
    """ "json", "csv", "xlsx" or "xls" from the content (the file name is not trusted)."""
    if not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return "json"
    if (
        data[:4] != b"PK\x03\x04"
        and data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        and (b"\x00" in data[:4096] or data.startswith(BINARY_SIGNATURES))
    ):
        raise SpreadsheetError(_("The file is not an export of submissions (CSV, XLSX or JSON expected)."))
    return spreadsheets.sniff_kind(data, "")


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
        text = spreadsheets.decode_text(data)
        delimiter = spreadsheets.guess_delimiter(text)
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
    if not (
        isinstance(value, dict)
        and value.get("type") == "Point"
        and isinstance(value.get("coordinates"), list)
    ):
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
            _("The file is not valid JSON (line %(line)s, column %(column)s).")
            % {"line": line, "column": column}
        )
    if isinstance(payload, dict):
        items = payload.get("results", payload.get("value"))
    else:
        items = payload
    if not isinstance(items, list):
        raise SpreadsheetError(
            _(
                "The JSON file holds no list of submissions: expected KoboToolbox's “results”, ODK Central's "
                "“value” or a list."
            )
        )
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
