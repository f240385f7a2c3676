"""The run as an XLSX workbook: ranking, selected, not eligible and inputs (with both hashes)."""

from __future__ import annotations

import io
from decimal import Decimal

import xlsxwriter
from django.utils.translation import gettext as _

from inkubator.core.exports import safe_cell


def _number(value):
    return float(value) if value is not None else None


def run_workbook(run, view: dict) -> bytes:
    """The run as XLSX: ranking, selected, not eligible and inputs (with both hashes)."""
    yes, no = _("Yes"), _("No")
    sheets = [
        (
            _("Ranking"),
            [
                _("Rank"),
                _("Code"),
                _("Name"),
                _("Province"),
                _("Readiness class"),
                _("Score"),
                _("Selected"),
                _("Margin"),
                _("Selection probability (%)"),
                _("Rank, 5th percentile"),
                _("Rank, 95th percentile"),
                _("Kept out by"),
                *[c["label"] for c in view["criteria"]],
            ],
            [
                [
                    r["rank"],
                    r["code"],
                    r["name"],
                    r["province_name"],
                    r["class_label"],
                    _number(r["score"]),
                    yes if r["selected"] else no,
                    _number(r["margin"]),
                    _number(r["percent"]),
                    r["low"],
                    r["high"],
                    "; ".join(r["kept_out"]),
                    *[_number(s) for s in r["scores"]],
                ]
                for r in view["ranking"]
            ],
        ),
        (
            _("Selected"),
            [
                _("Rank"),
                _("Code"),
                _("Name"),
                _("Province"),
                _("Score"),
                _("Margin"),
                _("Selection probability (%)"),
                _("Included because"),
            ],
            [
                [
                    r["rank"],
                    r["code"],
                    r["name"],
                    r["province_name"],
                    _number(r["score"]),
                    _number(r["margin"]),
                    _number(r["percent"]),
                    r["included_because"],
                ]
                for r in view["selected"]
            ],
        ),
        (
            _("Not eligible"),
            [_("Code"), _("Name"), _("Province"), _("Readiness class"), _("Reasons")],
            [
                [r["code"], r["name"], r["province_name"], r["class_label"], "; ".join(r["reasons"])]
                for r in view["ineligible"]
            ],
        ),
        (_("Inputs"), [_("Item"), _("Value")], input_rows(run, view)),
    ]
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
    for title, headers, rows in sheets:
        ws = book.add_worksheet(title[:31])
        ws.write_row(0, 0, [str(h) for h in headers], bold)
        ws.freeze_panes(1, 0)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                value = safe_cell(value)
                if isinstance(value, int | float):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, value)
    book.close()
    return buffer.getvalue()


def input_rows(run, view: dict) -> list[list]:
    """The inputs of a run as (item, value) rows: what it was computed from, and its hashes."""
    inputs = run.inputs
    sens = inputs["sensitivity"]
    rows = [
        [_("Run"), run.name],
        [_("Round"), inputs["round"]["name"]],
        [_("Instrument"), f"{inputs['instrument']['code']} v{inputs['instrument']['version']}"],
        [_("Weight set"), f"{inputs['weight_set']['name']} v{inputs['weight_set']['version']}"],
        [_("Method"), run.get_method_display()],
        [_("Centres with a verified assessment"), view["candidates"]],
        [_("Eligible centres"), view["eligible"]],
        [_("Centres selected"), len(view["selected"])],
    ]
    rows += [[_("Constraint"), line] for line in view["constraints"]]
    rows += [
        [_("Weight: %(dimension)s") % {"dimension": c["label"]}, float(c["weight"])] for c in view["criteria"]
    ]
    rows += [
        [_("Sensitivity: weight draws"), int(sens["draws"])],
        [_("Sensitivity: concentration"), float(Decimal(sens["concentration"]))],
        [_("Random seed"), int(sens["seed"])],
        [_("Agreement of SAW and TOPSIS, Spearman ρ"), float(view["agreement"]["spearman"])],
        [_("Agreement of SAW and TOPSIS, Kendall τ"), float(view["agreement"]["kendall"])],
        [_("Input hash (SHA-256)"), run.input_hash],
        [_("Output hash (SHA-256)"), run.output_hash],
        [_("Status"), run.get_status_display()],
        [_("Computed by"), run.created_by.username if run.created_by else "—"],
        [_("Computed at"), run.created_at],
    ]
    return rows
