"""Reading a decision matrix from a CSV or XLSX file.

Layout: the first row is a header of criterion names; each further row is one alternative. If the
first column holds any non-numeric value it is taken as the alternatives' names (its header cell is
ignored); otherwise it is a criterion like the others. Empty rows are skipped; an empty or
non-numeric cell in the matrix is an error naming its row and column (1-based, as a spreadsheet
shows them).

CSV: UTF-8 (with or without BOM) or Windows-1252; separated by comma, semicolon or tab. With a
semicolon or tab separator a decimal comma is accepted (``2,5``). XLSX: the first sheet, read with
python-calamine.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._core import FloatArray, MCDAError


@dataclass(frozen=True)
class MatrixTable:
    matrix: FloatArray
    criteria: list[str]
    alternatives: list[str] | None


def read_matrix_file(path: str | Path) -> MatrixTable:
    """Read a decision matrix from a .csv or .xlsx file (see the module docstring for the layout)."""
    path = Path(path)
    if not path.is_file():
        raise MCDAError(f"matrix file not found: {path}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows, decimal_comma = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        rows, decimal_comma = _read_workbook(path), False
    else:
        raise MCDAError(f"matrix file must be .csv or .xlsx; got {path.name}")
    rows = [row for row in rows if any(_text(cell) for cell in row)]
    if len(rows) < 2:
        raise MCDAError(f"{path.name} needs a header row and at least one alternative row.")
    width = max(len(row) for row in rows)
    rows = [list(row) + [""] * (width - len(row)) for row in rows]
    # drop trailing columns that are empty everywhere (spreadsheets often carry some)
    while width > 1 and all(not _text(row[width - 1]) for row in rows):
        width -= 1
    rows = [row[:width] for row in rows]
    header, body = rows[0], rows[1:]

    first_numeric = all(_number(row[0], decimal_comma) is not None for row in body)
    named = not first_numeric
    start = 1 if named else 0
    if width - start < 1:
        raise MCDAError(f"{path.name} has no criterion columns.")
    criteria = [_text(cell) or f"C{j + 1 - start}" for j, cell in enumerate(header[start:], start=start)]
    matrix = np.empty((len(body), width - start))
    for i, row in enumerate(body):
        for j in range(start, width):
            value = _number(row[j], decimal_comma)
            if value is None:
                shown = _text(row[j])
                what = f"{shown!r} is not a number" if shown else "the cell is empty"
                raise MCDAError(f"{path.name}, row {i + 2}, column {j + 1} ({criteria[j - start]}): {what}.")
            matrix[i, j - start] = value
    alternatives = [_text(row[0]) for row in body] if named else None
    return MatrixTable(matrix=matrix, criteria=criteria, alternatives=alternatives)


def _read_csv(path: Path) -> tuple[list[list[str]], bool]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise MCDAError(f"{path.name} is neither UTF-8 nor Windows-1252 text.")
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return rows, delimiter != ","


def _read_workbook(path: Path) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return workbook.get_sheet_by_index(0).to_python()
    except Exception as exc:  # calamine raises several exception types for damaged files
        raise MCDAError(f"{path.name} cannot be read as a workbook: {exc}")


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _number(cell: object, decimal_comma: bool) -> float | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell) if np.isfinite(cell) else None
    text = _text(cell).replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if decimal_comma and "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if np.isfinite(value) else None
