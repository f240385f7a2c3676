"""Spreadsheet exports of what the user sees: XLSX (XlsxWriter) or CSV, safe against formula injection."""

from __future__ import annotations

import csv
import datetime
import decimal
import io
from collections.abc import Iterable, Sequence

import xlsxwriter
from django.http import HttpResponse
from django.utils import timezone

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("xlsx", "csv")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def safe_cell(value):
    """Neutralise text a spreadsheet program would run as a formula (CWE-1236)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int | float | decimal.Decimal):
        return value
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else str(value)
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if text.startswith(_DANGEROUS):
        return "'" + text
    return text


def write_xlsx(headers: Sequence[str], rows: Iterable[Sequence], *, sheet: str = "Data") -> bytes:
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
    ws = book.add_worksheet(sheet[:31])
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4"})
    money = book.add_format({"num_format": "#,##0"})
    decimal_format = book.add_format({"num_format": "#,##0.00"})
    ws.write_row(0, 0, [str(h) for h in headers], bold)
    ws.freeze_panes(1, 0)
    n = 0
    for n, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            value = safe_cell(value)
            if isinstance(value, decimal.Decimal):
                # whole amounts (Rupiah) without decimals; scores and rates with two
                ws.write_number(
                    n, col, float(value), money if value == value.to_integral_value() else decimal_format
                )
            elif isinstance(value, int | float):
                ws.write_number(n, col, value)
            else:
                ws.write_string(n, col, value)
    ws.autofilter(0, 0, max(n, 1), max(len(headers) - 1, 0))
    book.close()
    return buffer.getvalue()


def write_csv(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(h) for h in headers])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_response(
    fmt: str, filename: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """An attachment response in `fmt` ("xlsx" or "csv")."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        response = HttpResponse(write_csv(headers, rows), content_type="text/csv; charset=utf-8")
        ext = "csv"
    else:
        response = HttpResponse(write_xlsx(headers, rows, sheet=filename), content_type=XLSX_TYPE)
        ext = "xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.{ext}"'
    return response
