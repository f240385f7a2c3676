"""What a selection run says, in the user's words: constraint names, reasons and errors as translated
text with province and dimension names; the tables, charts and exports of a run built from its frozen
inputs and stored outputs (never recomputed here).

Internal names (``max_per_group:35``, ``no_aid``, ``must_include`` …) stay in the stored JSON and the
API; nothing in this package lets them reach a page, a workbook or a report. One module per subject:
`names`, `errors` (refusals of a run), `ahp`, `runs` (the run page and report), `workbook`.
"""

from inkubator.selection.presenters.ahp import (
    ahp_preview,
    ahp_summary,
    judgement_label,
    judgement_text,
    parse_judgement,
    saved_inconsistent,
)
from inkubator.selection.presenters.errors import error_text, validation_messages
from inkubator.selection.presenters.names import (
    class_label,
    constraint_lines,
    constraint_text,
    dimension_labels,
    province_names,
    reason_text,
)
from inkubator.selection.presenters.runs import (
    charts,
    province_table,
    report_weight_bars,
    run_view,
    weights_chart,
)
from inkubator.selection.presenters.workbook import input_rows, run_workbook

__all__ = [
    "ahp_preview",
    "ahp_summary",
    "charts",
    "class_label",
    "constraint_lines",
    "constraint_text",
    "dimension_labels",
    "error_text",
    "input_rows",
    "judgement_label",
    "judgement_text",
    "parse_judgement",
    "province_names",
    "province_table",
    "reason_text",
    "report_weight_bars",
    "run_view",
    "run_workbook",
    "saved_inconsistent",
    "validation_messages",
    "weights_chart",
]
