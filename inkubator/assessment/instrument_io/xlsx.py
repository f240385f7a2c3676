"""The editable XLSX round trip of a spec: `spec_to_xlsx` and `spec_from_xlsx`."""

from __future__ import annotations

import io
from decimal import Decimal

import xlsxwriter
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from inkubator.assessment.instrument_io.spec import INTEGER_RE, SpecError, to_decimal
from inkubator.assessment.instrument_io.validation import validate_spec
from inkubator.core.exports import safe_cell
from inkubator.core.spreadsheets import SpreadsheetError, check_xlsx

INSTRUMENT_KEYS = ("code", "version", "name", "name_en", "description", "description_en")
DIMENSION_COLUMNS = ("code", "name", "name_en", "weight")
INDICATOR_COLUMNS = (
    "dimension",
    "code",
    "kind",
    "question",
    "question_en",
    "guidance",
    "guidance_en",
    "weight",
    "required",
    "evidence_required",
    "unit",
    "unit_en",
    "min_value",
    "max_value",
)
OPTION_COLUMNS = ("indicator", "value", "label", "label_en", "score")
BAND_COLUMNS = ("indicator", "lower", "upper", "score")
SHEETS = {
    "instrument": ("key", "value"),
    "dimensions": DIMENSION_COLUMNS,
    "indicators": INDICATOR_COLUMNS,
    "options": OPTION_COLUMNS,
    "bands": BAND_COLUMNS,
}
REQUIRED_COLUMNS = {
    "instrument": ("key", "value"),
    "dimensions": ("code", "name", "weight"),
    "indicators": ("dimension", "code", "kind", "question"),
    "options": ("indicator", "value", "label", "score"),
    "bands": ("indicator", "lower", "upper", "score"),
}
DECIMAL_COLUMNS = {"weight", "min_value", "max_value", "score", "lower", "upper"}
BOOL_COLUMNS = {"required", "evidence_required"}
_TRUE = {"ya", "yes", "y", "true", "benar", "1"}
_FALSE = {"tidak", "no", "n", "t", "false", "salah", "0"}


def _write_cell(ws, row, col, value, fmt=None):
    """Write through `safe_cell`; a text that itself starts with an apostrophe gets one more, so reading
    strips exactly one apostrophe from every text that starts with one."""
    if value is None:
        return
    if isinstance(value, Decimal):
        if Decimal(repr(float(value))) == value:
            ws.write_number(row, col, float(value), fmt)
            return
        value = format(value, "f")
    cell = safe_cell(value)
    if isinstance(cell, int | float):
        ws.write_number(row, col, cell, fmt)
        return
    if cell == value and cell.startswith("'"):
        cell = "'" + cell
    if cell:
        ws.write_string(row, col, cell, fmt)


def spec_to_xlsx(spec) -> bytes:
    """The spec as an editable workbook: sheets instrument (key/value), dimensions, indicators, options, bands.

    Rows keep the spec's order; options and bands refer to their indicator by code, indicators to their
    dimension. Booleans are written "Ya"/"Tidak"; text is made formula-safe with `safe_cell`.
    """
    spec = validate_spec(spec)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    rows = {
        "instrument": [(key, spec[key]) for key in INSTRUMENT_KEYS],
        "dimensions": [tuple(d[c] for c in DIMENSION_COLUMNS) for d in spec["dimensions"]],
        "indicators": [],
        "options": [],
        "bands": [],
    }
    for dim in spec["dimensions"]:
        for ind in dim["indicators"]:
            rows["indicators"].append(
                tuple(dim["code"] if c == "dimension" else ind[c] for c in INDICATOR_COLUMNS)
            )
            rows["options"] += [(ind["code"], *(o[c] for c in OPTION_COLUMNS[1:])) for o in ind["options"]]
            rows["bands"] += [(ind["code"], *(b[c] for c in BAND_COLUMNS[1:])) for b in ind["bands"]]
    wide = {"value", "name", "question", "question_en", "guidance", "guidance_en", "label", "label_en"}
    for name, headers in SHEETS.items():
        ws = book.add_worksheet(name)
        ws.write_row(0, 0, headers, bold)
        ws.freeze_panes(1, 0)
        for col, header in enumerate(headers):
            ws.set_column(col, col, 50 if header in wide else 14, wrap if header in wide else None)
        for r, values in enumerate(rows[name], start=1):
            for col, value in enumerate(values):
                _write_cell(ws, r, col, value)
    book.close()
    return buffer.getvalue()


def _cell_text(value) -> str:
    """A cell as text: calamine gives numbers as floats (1.0 -> "1", 0.15 -> "0.15"); our own formula-safety
    apostrophe is removed."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    return text[1:] if text.startswith("'") else text


def _cell_decimal(value) -> str | None:
    """A decimal cell as the spec's string form, None when empty; ValueError when not a number."""
    if isinstance(value, bool):
        raise ValueError(value)
    text = _cell_text(value).strip()
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # a decimal comma typed as text
    number = to_decimal(text)
    if number is None:
        raise ValueError(value)
    return text


def _cell_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _cell_text(value).strip().lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(value)


def _read_sheet(book, sheet_name, actual_name, problems):
    """(row number, {column: raw cell}) for each non-empty data row; header problems go to `problems`."""
    grid = book.get_sheet_by_name(actual_name).to_python(skip_empty_area=False)
    if not grid:
        problems.append(
            _("Sheet %(sheet)s: %(problem)s") % {"sheet": sheet_name, "problem": _("the sheet is empty")}
        )
        return []
    positions = {}
    for col, cell in enumerate(grid[0]):
        header = _cell_text(cell).strip().lower()
        if header and header not in positions:
            positions[header] = col
    missing = [c for c in REQUIRED_COLUMNS[sheet_name] if c not in positions]
    for column in missing:
        problems.append(_sheet_message(sheet_name, 1, column, _("the column is missing")))
    if missing:
        return []
    rows = []
    for number, row in enumerate(grid[1:], start=2):
        if not any(_cell_text(c).strip() for c in row):
            continue
        cells = {
            name: (row[col] if col < len(row) else None)
            for name, col in positions.items()
            if name in SHEETS[sheet_name]
        }
        rows.append((number, cells))
    return rows


def _sheet_message(sheet, row, column, problem) -> str:
    return _("Sheet %(sheet)s, row %(row)s, column %(column)s: %(problem)s") % {
        "sheet": sheet,
        "row": row,
        "column": column,
        "problem": problem,
    }


def _convert_row(sheet, number, cells, problems) -> dict:
    """Typed values of one row: decimals as strings, booleans as bool; empty booleans are left out."""
    out = {}
    for column, raw in cells.items():
        try:
            if column in DECIMAL_COLUMNS:
                out[column] = _cell_decimal(raw)
            elif column in BOOL_COLUMNS:
                value = _cell_bool(raw)
                if value is not None:
                    out[column] = value
            else:
                out[column] = _cell_text(raw).strip()
        except ValueError:
            if column in BOOL_COLUMNS:
                problem = _("expected Ya or Tidak (yes or no), got %(value)s") % {
                    "value": repr(_cell_text(raw))
                }
            else:
                problem = _("must be a number, got %(value)s") % {"value": repr(_cell_text(raw))}
            problems.append(_sheet_message(sheet, number, column, problem))
    return out


def spec_from_xlsx(data: bytes) -> dict:
    """Read a workbook written by `spec_to_xlsx` (and edited by hand) back into a spec.

    Raises SpecError naming sheet, row and column for what cannot be read (missing sheets or columns,
    text in a number column, references to unknown dimensions or indicators). The result is not yet
    validated: pass it to `validate_spec`. The file is checked like every import first (size, type,
    no macros: `core.spreadsheets.check_xlsx`).
    """
    sheets, problems = _read_sheets(data)
    spec: dict = {"dimensions": []}
    _read_instrument(spec, sheets["instrument"], problems)
    dimensions: dict[str, dict] = {}
    for number, cells in sheets["dimensions"]:
        row = _convert_row("dimensions", number, cells, problems)
        dim = {c: row.get(c, "") for c in DIMENSION_COLUMNS}
        dim["indicators"] = []
        spec["dimensions"].append(dim)
        dimensions.setdefault(dim["code"], dim)
    indicators = _read_indicators(sheets["indicators"], dimensions, problems)
    for sheet, columns in (("options", OPTION_COLUMNS), ("bands", BAND_COLUMNS)):
        _read_children(sheet, columns, sheets[sheet], indicators, problems)
    if problems:
        raise SpecError(problems)
    return spec


def _read_sheets(data: bytes) -> tuple[dict[str, list], list[str]]:
    """The rows of every sheet (see `_read_sheet`) and what is wrong with their headers; SpecError when
    the file is not a readable workbook or a sheet is missing."""
    try:
        check_xlsx(data)
    except SpreadsheetError as exc:
        raise SpecError([str(exc)])
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        actual = {name.strip().lower(): name for name in book.sheet_names}
    except Exception:  # noqa: BLE001 - calamine raises several types for broken files
        raise SpecError([_("The workbook cannot be read; it may be damaged or password-protected.")])
    problems: list[str] = []
    for sheet in SHEETS:
        if sheet not in actual:
            problems.append(
                _("Sheet %(sheet)s: %(problem)s") % {"sheet": sheet, "problem": _("the sheet is missing")}
            )
    if problems:
        raise SpecError(problems)
    try:
        sheets = {sheet: _read_sheet(book, sheet, actual[sheet], problems) for sheet in SHEETS}
    except Exception:  # noqa: BLE001
        raise SpecError([_("The workbook cannot be read; it may be damaged or password-protected.")])
    return sheets, problems


def _read_instrument(spec: dict, rows, problems: list[str]) -> None:
    """The key/value rows of sheet instrument into `spec`."""
    for number, cells in rows:
        key = _cell_text(cells.get("key")).strip()
        raw = cells.get("value")
        if key not in INSTRUMENT_KEYS:
            problems.append(
                _sheet_message(
                    "instrument",
                    number,
                    "key",
                    _("unknown key %(key)s; expected one of %(keys)s")
                    % {"key": repr(key), "keys": ", ".join(INSTRUMENT_KEYS)},
                )
            )
        elif key in spec:
            problems.append(
                _sheet_message("instrument", number, "key", _("duplicate key %(key)s") % {"key": key})
            )
        elif key == "version":
            text = _cell_text(raw).strip()
            if INTEGER_RE.match(text):
                spec["version"] = int(text)
            else:
                problems.append(
                    _sheet_message("instrument", number, "value", _("must be a whole number of at least 1"))
                )
        else:
            spec[key] = _cell_text(raw).strip()


def _read_indicators(rows, dimensions: dict[str, dict], problems: list[str]) -> dict[str, dict]:
    """The rows of sheet indicators, each added to its dimension; the indicators by code."""
    indicators: dict[str, dict] = {}
    for number, cells in rows:
        row = _convert_row("indicators", number, cells, problems)
        parent = dimensions.get(row.get("dimension", ""))
        if parent is None:
            problems.append(
                _sheet_message(
                    "indicators",
                    number,
                    "dimension",
                    _("no dimension with code %(code)s on sheet dimensions")
                    % {"code": repr(row.get("dimension", ""))},
                )
            )
            continue
        ind = {c: row[c] for c in INDICATOR_COLUMNS[1:] if c in row}
        if ind.get("weight") is None:
            ind.pop("weight", None)  # empty: the default for its kind
        ind["options"], ind["bands"] = [], []
        parent["indicators"].append(ind)
        indicators.setdefault(ind.get("code", ""), ind)
    return indicators


def _read_children(sheet: str, columns, rows, indicators: dict[str, dict], problems: list[str]) -> None:
    """The rows of sheet options or bands, each added to its indicator."""
    for number, cells in rows:
        row = _convert_row(sheet, number, cells, problems)
        parent = indicators.get(row.get("indicator", ""))
        if parent is None:
            problems.append(
                _sheet_message(
                    sheet,
                    number,
                    "indicator",
                    _("no indicator with code %(code)s on sheet indicators")
                    % {"code": repr(row.get("indicator", ""))},
                )
            )
            continue
        parent[sheet].append(
            {c: row.get(c, "" if c in ("value", "label", "label_en") else None) for c in columns[1:]}
        )
