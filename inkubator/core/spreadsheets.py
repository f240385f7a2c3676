"""Reading messy ministry spreadsheets for import: file checks, header detection and value parsers.

The file is checked by its content, not its name: an XLSX is a ZIP with `[Content_Types].xml`; a
workbook that carries macros (`vbaProject.bin`) or an old binary .xls with macros is refused; CSV must
decode as UTF-8 (with or without BOM) or Windows-1252 and be delimited by comma or semicolon.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


@dataclass
class Sheet:
    """Rows of one sheet, each a dict keyed by canonical column name, with 1-based row numbers."""

    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)


def normalise_header(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"\(.*?\)", " ", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # calamine gives numbers as floats: 2019.0 -> "2019", keep real decimals.
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return re.sub(r"\s+", " ", str(value)).strip()


def _check_size(data: bytes) -> None:
    limit = settings.INKUBATOR_IMPORT_MAX_BYTES
    if len(data) > limit:
        raise SpreadsheetError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(limit)}
        )


def check_xlsx(data: bytes) -> None:
    """Refuse anything but a plain XLSX workbook within the import size limit (macros, other types)."""
    _check_size(data)
    if sniff_kind(data, "") != "xlsx":
        raise SpreadsheetError(_("The file is not an XLSX workbook."))


def sniff_kind(data: bytes, filename: str) -> str:
    if not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    if data[:4] == b"PK\x03\x04":
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            raise SpreadsheetError(_("The file looks like a damaged XLSX workbook and cannot be read."))
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise SpreadsheetError(_("The workbook carries macros; save it as a plain .xlsx without macros."))
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            raise SpreadsheetError(_("The file is a ZIP archive but not an XLSX workbook."))
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if (
            b"_\x00V\x00B\x00A\x00_\x00P\x00R\x00O\x00J\x00E\x00C\x00T" in data
            or b"VBA" in data[:200000]
            and b"Macros" in data
        ):
            raise SpreadsheetError(_("The workbook carries macros; save it as a plain .xlsx without macros."))
        return "xls"
    head = data[:4096]
    if b"\x00" in head or head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8", b"GIF8", b"MZ", b"\x7fELF")):
        raise SpreadsheetError(_("The file is not a spreadsheet (XLSX or CSV expected)."))
    return "csv"


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(_("The CSV file is not in a readable text encoding (save it as UTF-8)."))


def guess_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the first lines into the most consistent columns."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        score = (wide.count(modal), modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_grid(data: bytes, filename: str = "") -> list[tuple[int, list[str]]]:
    """Non-empty rows of the first sheet as (row number in the file, cells as text), after checking size and type."""
    _check_size(data)
    kind = sniff_kind(data, filename)
    if kind == "csv":
        text = decode_text(data)
        delimiter = guess_delimiter(text)
        grid = [[_cell_text(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    else:
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            sheet = book.get_sheet_by_index(0)
            grid = [[_cell_text(c) for c in row] for row in sheet.to_python(skip_empty_area=False)]
        except Exception:  # noqa: BLE001 - calamine raises several types for broken files
            raise SpreadsheetError(_("The workbook cannot be read; it may be damaged or password-protected."))
    # Keep the row numbers the user sees in the file, even when empty rows are dropped.
    numbered = [(number, row) for number, row in enumerate(grid or [], start=1) if any(cell for cell in row)]
    if not numbered:
        raise SpreadsheetError(_("The file has no rows."))
    return numbered


def read_table(
    data: bytes,
    aliases: dict[str, list[str]],
    *,
    required: list[str],
    filename: str = "",
    labels: dict[str, str] | None = None,
) -> Sheet:
    """Find the header row (a title row above it is allowed) and return rows keyed by canonical names.

    `aliases` maps a canonical column name to the header texts that mean it.
    """
    raw = read_grid(data, filename)
    lookup = {}
    for canonical, names in aliases.items():
        for name in [canonical, *names]:
            lookup[normalise_header(name)] = canonical
    header_index = None
    best = 0
    for index, (_number, row) in enumerate(raw[:15]):
        hits = sum(1 for cell in row if normalise_header(cell) in lookup)
        if hits > best:
            best, header_index = hits, index
    if header_index is None or best == 0:
        raise SpreadsheetError(
            _("No header row found. Expected columns such as: %(columns)s.")
            % {"columns": ", ".join((labels or {}).get(c, c).upper() for c in required)}
        )
    header = raw[header_index][1]
    positions: dict[str, int] = {}
    unknown = []
    for col, cell in enumerate(header):
        canonical = lookup.get(normalise_header(cell))
        if canonical and canonical not in positions:
            positions[canonical] = col
        elif cell:
            unknown.append(cell)
    missing = [c for c in required if c not in positions]
    if missing:
        names = [(labels or {}).get(c, c).upper() for c in missing]
        raise SpreadsheetError(
            _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(names)}
        )
    sheet = Sheet(columns=list(positions), unknown_columns=unknown)
    data_rows = raw[header_index + 1 :]
    if len(data_rows) > settings.INKUBATOR_IMPORT_MAX_ROWS:
        raise SpreadsheetError(
            _("The file has %(rows)s rows; at most %(limit)s can be imported at once.")
            % {"rows": len(data_rows), "limit": settings.INKUBATOR_IMPORT_MAX_ROWS}
        )
    for number, row in data_rows:
        values = {name: (row[col] if col < len(row) else "") for name, col in positions.items()}
        sheet.rows.append((number, values))
    return sheet


def iter_rows(sheet: Sheet) -> Iterator[tuple[int, dict[str, str]]]:
    yield from sheet.rows


_NUMBER_ID = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234.567,00
_NUMBER_EN = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234,567.00


def parse_decimal(text: str) -> Decimal:
    """Parse Indonesian (`1.234.567,00`), plain (`1234567.5`) and `Rp` amounts. Raises ValueError."""
    t = (
        str(text)
        .strip()
        .replace("Rp", "")
        .replace("rp", "")
        .replace("IDR", "")
        .replace(" ", "")
        .replace("\u00a0", "")
    )
    if not t:
        raise ValueError("empty")
    if _NUMBER_ID.match(t):
        t = t.replace(".", "").replace(",", ".")
    elif _NUMBER_EN.match(t):
        t = t.replace(",", "")
    elif "," in t and "." not in t:
        t = t.replace(",", ".")
    elif t.count(".") > 1:
        t = t.replace(".", "")
    return _finite_decimal(t, text)


def parse_coordinate(text: str) -> Decimal:
    """A latitude/longitude in decimal degrees; a decimal comma is accepted (`-6,4817`). Raises ValueError."""
    t = str(text).strip().replace(" ", "").replace(",", ".").rstrip("°")
    return _finite_decimal(t, text).quantize(Decimal("0.000001"))


def _finite_decimal(cleaned: str, original: str) -> Decimal:
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(original)
    if not value.is_finite():
        raise ValueError(original)
    return value


def region_key(name: str) -> tuple[str, str]:
    """("kabupaten"|"kota"|"", normalised name) from `KAB. BOGOR`, `Kota  Depok`, `kabupaten bogor`."""
    text = re.sub(r"\s+", " ", str(name or "")).strip().lower()
    kind = ""
    m = re.match(r"^(kabupaten|kab\.?|kota administrasi|kota adm\.?|kota)\s+", text)
    if m:
        word = m.group(1)
        kind = "kota" if word.startswith("kota") else "kabupaten"
        text = text[m.end() :]
    return kind, normalise_header(text)
