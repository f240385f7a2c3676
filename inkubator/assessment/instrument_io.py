"""Instrument specs as plain data: validation, an editable XLSX round trip, and an XLSForm for ODK/Kobo.

An *instrument spec* is a plain dict, independent of the database models (the models are filled from
it and can be dumped back into it)::

    {"code": "kesiapan-blkk", "version": 1, "name": ..., "name_en": ..., "description": ...,
     "description_en": ..., "dimensions": [
        {"code": "A", "name": ..., "name_en": ..., "weight": "0.15", "indicators": [
            {"code": "A1", "kind": "scale" | "number" | "yes_no" | "choice" | "text",
             "question": ..., "question_en": ..., "guidance": ..., "guidance_en": ...,
             "weight": "1", "required": True, "evidence_required": False,
             "unit": "", "unit_en": "", "min_value": None, "max_value": None,      # number only
             "options": [{"value": "1", "label": ..., "label_en": ..., "score": "1"}],  # scale/choice/yes_no
             "bands": [{"lower": "0", "upper": "5", "score": "0"}]},              # number only
        ]}]}

Decimals are given as strings ("0.15") or ints; `validate_spec` turns them into `Decimal`. Bands are
lower-inclusive, upper-exclusive; an empty upper (None) leaves the last band open above and an empty
lower leaves the first band open below. An indicator's score is normalised over its own points,
``100 × (points − min) / (max − min)`` (see `scoring.py`), so every scored indicator needs at least two
different points.

The only Django import here is `gettext` (for the messages; `safe_cell` comes from
`inkubator.core.exports`). Nothing touches the database, so the functions work from a notebook or the
CLI once Django settings are configured.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal, InvalidOperation

import xlsxwriter
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from inkubator.core.exports import safe_cell

KINDS = ("scale", "number", "yes_no", "choice", "text")
OPTION_KINDS = ("scale", "yes_no", "choice")

CODE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,19}$")  # a valid XML/XLSForm name of at most 20 characters
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,40}$")
OPTION_VALUE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")  # an XLSForm choice name without spaces
INTEGER_RE = re.compile(r"^-?\d+$")
FORM_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,99}$")

# Field names the XLSForm and the ODK Central / KoboToolbox exports use outside the indicator groups;
# an indicator or dimension code equal to one of them (ignoring case) would make export columns ambiguous.
RESERVED_CODES = frozenset({
    "start", "end", "today", "deviceid", "instrument_code", "instrument_version", "centre", "centre_code",
    "assessor", "location", "meta", "instanceid", "submissiondate", "key", "submitterid", "submittername",
    "attachmentspresent", "attachmentsexpected", "status", "reviewstate", "edits", "formversion",
})
RESERVED_SUFFIXES = ("_note", "_photo")

YES_NO_OPTIONS = (
    {"value": "yes", "label": "Ya", "label_en": "Yes", "score": Decimal("1")},
    {"value": "no", "label": "Tidak", "label_en": "No", "score": Decimal("0")},
)

# (max_digits, decimal_places) of the model fields the spec is loaded into.
WEIGHT_DIGITS = (8, 4)
SCORE_DIGITS = (10, 4)
VALUE_DIGITS = (14, 2)
TEXT_LIMITS = {"name": 200, "name_en": 200, "unit": 40, "unit_en": 40, "label": 500, "label_en": 500}


class SpecError(ValueError):
    """An instrument spec (or its workbook) with problems; `messages` lists every one, each naming where."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


# --------------------------------------------------------------------------------------------------
# Validation


class _Problems:
    def __init__(self):
        self.messages: list[str] = []

    def instrument(self, field, problem):
        self.messages.append(_("Instrument, field %(field)s: %(problem)s") % {"field": field, "problem": problem})

    def dimension(self, dimension, field, problem):
        self.messages.append(
            _("Dimension %(dimension)s, field %(field)s: %(problem)s")
            % {"dimension": dimension, "field": field, "problem": problem}
        )

    def indicator(self, dimension, indicator, field, problem):
        self.messages.append(
            _("Dimension %(dimension)s, indicator %(indicator)s, field %(field)s: %(problem)s")
            % {"dimension": dimension, "indicator": indicator, "field": field, "problem": problem}
        )


def _label(obj, position: int) -> str:
    """How a dimension or indicator is named in messages: its code, or its position when it has none."""
    code = obj.get("code") if isinstance(obj, dict) else None
    if isinstance(code, str) and code.strip():
        return code.strip()
    return f"#{position}"


def _text(obj, key, report, *, required=False, default=""):
    value = obj.get(key, default)
    if value is None:
        value = default
    if not isinstance(value, str):
        report(key, _("must be text"))
        return default
    value = value.strip()
    if required and not value:
        report(key, _("is required"))
    limit = TEXT_LIMITS.get(key.rsplit(".", 1)[-1])
    if limit and len(value) > limit:
        report(key, _("must be at most %(limit)s characters, got %(count)s") % {"limit": limit, "count": len(value)})
    return value


def _to_decimal(value) -> Decimal | None:
    """A finite Decimal from a str, int, float or Decimal; None when it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, str):
        value = value.strip()
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def _digits_ok(number: Decimal, digits: tuple[int, int]) -> bool:
    max_digits, places = digits
    exponent = number.normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    whole = len(str(int(abs(number)))) if abs(number) >= 1 else 0
    return decimals <= places and whole <= max_digits - places


def _number(obj, key, report, *, digits, required=False, default=None, negative=True, field=None):
    """A Decimal (or None when empty and not required); `field` names it in messages when not `key`."""
    field = field or key
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is not None:
            return Decimal(default)
        if required:
            report(field, _("is required"))
        return None
    number = _to_decimal(value)
    if number is None:
        report(field, _("must be a number, got %(value)s") % {"value": repr(value)})
        return None
    if not negative and number < 0:
        report(field, _("must not be negative"))
    if not _digits_ok(number, digits):
        report(
            field,
            _("must have at most %(places)s decimal places and %(whole)s digits before the point")
            % {"places": digits[1], "whole": digits[0] - digits[1]},
        )
    return number


def _bool(obj, key, report, default: bool) -> bool:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        report(key, _("must be true or false"))
        return default
    return value


def _list(obj, key, report) -> list:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        report(key, _("must be a list"))
        return []
    return list(value)


def _check_code(code, report, seen: dict[str, str]):
    if not code:
        return
    if not CODE_RE.match(code):
        report("code", _(
            "%(value)s is not a valid code: use a letter followed by up to 19 letters, digits, '_', '.' or '-'"
        ) % {"value": code})
        return
    folded = code.lower()
    if folded in RESERVED_CODES:
        report("code", _("%(value)s is reserved for a field of the form; choose another code") % {"value": code})
    elif folded.endswith(RESERVED_SUFFIXES):
        report("code", _("%(value)s ends in _note or _photo, which the form uses for its own fields")
               % {"value": code})
    if folded in seen:
        report("code", _(
            "duplicate code %(code)s; codes must be unique across all dimensions and indicators, ignoring case"
        ) % {"code": code})
    else:
        seen[folded] = code


def validate_spec(spec) -> dict:
    """A normalised copy of `spec` (Decimals, stripped text, defaults filled), or SpecError with every problem.

    Defaults: `version` 1; empty English texts and guidance ""; indicator `weight` 1 (text: 0);
    `required` True (text: False); `evidence_required` False; `min_value`/`max_value` None; a yes/no
    indicator without options gets Ya/Tidak scored 1/0. Keys outside the schema are dropped.
    """
    problems = _Problems()
    if not isinstance(spec, dict):
        problems.instrument("spec", _("must be an object"))
        raise SpecError(problems.messages)
    report = problems.instrument
    result = {"code": _text(spec, "code", report, required=True)}
    if result["code"] and not SLUG_RE.match(result["code"]):
        report("code", _("%(value)s is not a valid slug: use up to 40 letters, digits, '-' or '_'")
               % {"value": result["code"]})
    version = spec.get("version", 1)
    if isinstance(version, str) and version.strip().isdigit():
        version = int(version.strip())
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        report("version", _("must be a whole number of at least 1"))
        version = 1
    result["version"] = version
    result["name"] = _text(spec, "name", report, required=True)
    for key in ("name_en", "description", "description_en"):
        result[key] = _text(spec, key, report)

    seen: dict[str, str] = {}
    raw_dimensions = _list(spec, "dimensions", report)
    if not raw_dimensions and isinstance(spec.get("dimensions", []), list | tuple):
        report("dimensions", _("the instrument has no dimensions"))
    result["dimensions"] = []
    for d_pos, raw_dim in enumerate(raw_dimensions, start=1):
        d_label = _label(raw_dim, d_pos)
        if not isinstance(raw_dim, dict):
            problems.dimension(d_label, "dimension", _("must be an object"))
            continue
        result["dimensions"].append(_validate_dimension(raw_dim, d_label, problems, seen))
    weights = [d["weight"] for d in result["dimensions"]]
    if weights and all(w is not None for w in weights) and not any(w > 0 for w in weights):
        report("dimensions", _("all dimension weights are zero"))
    if problems.messages:
        raise SpecError(problems.messages)
    return result


def _validate_dimension(raw, d_label, problems, seen) -> dict:
    def report(field, problem):
        problems.dimension(d_label, field, problem)

    dim = {"code": _text(raw, "code", report, required=True)}
    _check_code(dim["code"], report, seen)
    dim["name"] = _text(raw, "name", report, required=True)
    dim["name_en"] = _text(raw, "name_en", report)
    dim["weight"] = _number(raw, "weight", report, digits=WEIGHT_DIGITS, required=True, negative=False)
    raw_indicators = _list(raw, "indicators", report)
    if not raw_indicators and isinstance(raw.get("indicators", []), list | tuple):
        report("indicators", _("the dimension has no indicators"))
    dim["indicators"] = []
    for i_pos, raw_ind in enumerate(raw_indicators, start=1):
        i_label = _label(raw_ind, i_pos)
        if not isinstance(raw_ind, dict):
            problems.indicator(d_label, i_label, "indicator", _("must be an object"))
            continue
        dim["indicators"].append(_validate_indicator(raw_ind, d_label, i_label, problems, seen))
    scored = [i for i in dim["indicators"] if i["kind"] != "text" and i["weight"] is not None]
    if dim["weight"] and dim["indicators"] and not any(i["weight"] > 0 for i in scored):
        report("indicators", _("the dimension has a weight but none of its scored indicators has a weight above zero"))
    return dim


def _validate_indicator(raw, d_label, i_label, problems, seen) -> dict:
    def report(field, problem):
        problems.indicator(d_label, i_label, field, problem)

    ind = {"code": _text(raw, "code", report, required=True)}
    _check_code(ind["code"], report, seen)
    kind = raw.get("kind")
    if kind not in KINDS:
        report("kind", _("unknown kind %(kind)s; expected one of %(kinds)s")
               % {"kind": repr(kind), "kinds": ", ".join(KINDS)})
        kind = None
    ind["kind"] = kind
    is_text = kind == "text"
    ind["question"] = _text(raw, "question", report, required=True)
    for key in ("question_en", "guidance", "guidance_en"):
        ind[key] = _text(raw, key, report)
    ind["weight"] = _number(raw, "weight", report, digits=WEIGHT_DIGITS, default="0" if is_text else "1",
                            negative=False)
    ind["required"] = _bool(raw, "required", report, default=not is_text)
    ind["evidence_required"] = _bool(raw, "evidence_required", report, default=False)
    ind["unit"] = _text(raw, "unit", report)
    ind["unit_en"] = _text(raw, "unit_en", report)
    ind["min_value"] = _number(raw, "min_value", report, digits=VALUE_DIGITS)
    ind["max_value"] = _number(raw, "max_value", report, digits=VALUE_DIGITS)
    ind["options"] = _validate_options(_list(raw, "options", report), report)
    ind["bands"] = _validate_bands(_list(raw, "bands", report), report)

    if kind is None:
        return ind
    if is_text and ind["weight"] is not None and ind["weight"] != 0:
        report("weight", _("text indicators are not scored: the weight must be 0, got %(weight)s")
               % {"weight": ind["weight"]})
    if kind not in OPTION_KINDS and ind["options"]:
        report("options", _("options apply to scale, choice and yes/no indicators only"))
    if kind != "number":
        if ind["bands"]:
            report("bands", _("bands apply to number indicators only"))
        if ind["min_value"] is not None or ind["max_value"] is not None:
            report("min_value", _("min_value and max_value apply to number indicators only"))
    if kind == "yes_no" and not raw.get("options"):
        ind["options"] = [dict(o) for o in YES_NO_OPTIONS]
    if kind in OPTION_KINDS:
        _check_option_kind(ind, report)
    elif kind == "number":
        _check_number(ind, report)
    return ind


def _validate_options(raw_options, report) -> list[dict]:
    options = []
    for pos, raw in enumerate(raw_options, start=1):
        field = f"options[{pos}]"
        if not isinstance(raw, dict):
            report(field, _("must be an object"))
            continue

        def opt_report(key, problem, field=field):
            report(f"{field}.{key}", problem)

        value = raw.get("value")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        option = {"value": _text({"value": value}, "value", opt_report, required=True)}
        if option["value"] and not OPTION_VALUE_RE.match(option["value"]):
            opt_report("value", _("%(value)s is not a valid option value: use up to 40 letters, digits, "
                                  "'_', '.' or '-', without spaces") % {"value": option["value"]})
        option["label"] = _text(raw, "label", opt_report, required=True)
        option["label_en"] = _text(raw, "label_en", opt_report)
        option["score"] = _number(raw, "score", opt_report, digits=SCORE_DIGITS, required=True)
        options.append(option)
    return options


def _validate_bands(raw_bands, report) -> list[dict]:
    bands = []
    for pos, raw in enumerate(raw_bands, start=1):
        field = f"bands[{pos}]"
        if not isinstance(raw, dict):
            report(field, _("must be an object"))
            continue

        def band_report(key, problem, field=field):
            report(f"{field}.{key}", problem)

        bands.append({
            "lower": _number(raw, "lower", band_report, digits=VALUE_DIGITS),
            "upper": _number(raw, "upper", band_report, digits=VALUE_DIGITS),
            "score": _number(raw, "score", band_report, digits=SCORE_DIGITS, required=True),
        })
    return bands


def _check_option_kind(ind, report):
    options, kind = ind["options"], ind["kind"]
    values = [o["value"] for o in options]
    if kind == "scale":
        if len(options) < 2:
            report("options", _("a scale needs at least 2 levels, got %(count)s") % {"count": len(options)})
        for pos, option in enumerate(options, start=1):
            value = option["value"]
            if value and not INTEGER_RE.match(value):
                report(f"options[{pos}].value", _("level %(value)s is not a whole number") % {"value": value})
            elif value and option["score"] is not None and option["score"] != int(value):
                report(f"options[{pos}].score", _("the score of level %(value)s must be %(value)s, got %(score)s")
                       % {"value": value, "score": option["score"]})
    elif kind == "choice":
        if len(options) < 2:
            report("options", _("a choice needs at least 2 options, got %(count)s") % {"count": len(options)})
    elif kind == "yes_no" and values != ["yes", "no"]:
        report("options", _("a yes/no indicator needs exactly the options yes and no, in that order; got %(values)s")
               % {"values": ", ".join(values) or "-"})
    seen = set()
    for pos, value in enumerate(values, start=1):
        if value and value in seen:
            message = _("duplicate level %(value)s") if kind == "scale" else _("duplicate option value %(value)s")
            report(f"options[{pos}].value", message % {"value": value})
        seen.add(value)
    scores = {o["score"] for o in options}
    if len(options) >= 2 and len(scores) == 1 and None not in scores:
        report("options", _("all options have the same score %(score)s, so the indicator cannot tell centres apart")
               % {"score": scores.pop()})


def _check_number(ind, report):
    bands, low, high = ind["bands"], ind["min_value"], ind["max_value"]
    if low is not None and high is not None and low > high:
        report("min_value", _("the minimum %(min)s is greater than the maximum %(max)s") % {"min": low, "max": high})
    if not bands:
        report("bands", _("a number indicator needs at least one scoring band"))
        return
    last = len(bands)
    for pos, band in enumerate(bands, start=1):
        lower, upper = band["lower"], band["upper"]
        if lower is None and pos != 1:
            report(f"bands[{pos}].lower", _("only the first band may be open below (empty lower)"))
        if upper is None and pos != last:
            report(f"bands[{pos}].upper", _("only the last band may be open above (empty upper)"))
        if lower is not None and upper is not None and lower >= upper:
            report(f"bands[{pos}]", _("the lower bound %(lower)s must be below the upper bound %(upper)s")
                   % {"lower": lower, "upper": upper})
        if pos > 1:
            previous = bands[pos - 2]
            if lower is None or previous["upper"] is None:
                continue
            if previous["lower"] is not None and lower < previous["lower"]:
                report(f"bands[{pos}].lower", _("the bands must be sorted: %(lower)s comes after %(previous)s")
                       % {"lower": lower, "previous": previous["lower"]})
            elif lower < previous["upper"]:
                report(f"bands[{pos}].lower", _("overlaps the previous band, which ends at %(upper)s")
                       % {"upper": previous["upper"]})
            elif lower > previous["upper"]:
                report(f"bands[{pos}].lower", _("leaves a gap after the previous band, which ends at %(upper)s")
                       % {"upper": previous["upper"]})
    first_lower, last_upper = bands[0]["lower"], bands[-1]["upper"]
    if first_lower is not None and (low is None or first_lower > low):
        if low is None:
            report("bands[1].lower", _("the bands start at %(lower)s but no minimum is set: set min_value or "
                                       "leave the first lower bound empty") % {"lower": first_lower})
        else:
            report("bands[1].lower", _("the bands start at %(lower)s, above the minimum %(min)s")
                   % {"lower": first_lower, "min": low})
    if last_upper is not None and (high is None or last_upper <= high):
        if high is None:
            report(f"bands[{last}].upper", _("the bands end below %(upper)s but no maximum is set: set max_value "
                                             "or leave the last upper bound empty") % {"upper": last_upper})
        else:
            report(f"bands[{last}].upper", _("the bands end below %(upper)s but the maximum is %(max)s")
                   % {"upper": last_upper, "max": high})
    scores = {b["score"] for b in bands}
    if len(scores) == 1 and None not in scores:
        report("bands", _("all bands have the same score %(score)s, so the indicator cannot tell centres apart")
               % {"score": scores.pop()})


# --------------------------------------------------------------------------------------------------
# XLSX round trip

INSTRUMENT_KEYS = ("code", "version", "name", "name_en", "description", "description_en")
DIMENSION_COLUMNS = ("code", "name", "name_en", "weight")
INDICATOR_COLUMNS = (
    "dimension", "code", "kind", "question", "question_en", "guidance", "guidance_en", "weight", "required",
    "evidence_required", "unit", "unit_en", "min_value", "max_value",
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
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    rows = {
        "instrument": [(key, spec[key]) for key in INSTRUMENT_KEYS],
        "dimensions": [tuple(d[c] for c in DIMENSION_COLUMNS) for d in spec["dimensions"]],
        "indicators": [], "options": [], "bands": [],
    }
    for dim in spec["dimensions"]:
        for ind in dim["indicators"]:
            rows["indicators"].append(tuple(dim["code"] if c == "dimension" else ind[c] for c in INDICATOR_COLUMNS))
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
    number = _to_decimal(text)
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
        problems.append(_("Sheet %(sheet)s: %(problem)s") % {"sheet": sheet_name, "problem": _("the sheet is empty")})
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
        cells = {name: (row[col] if col < len(row) else None) for name, col in positions.items()
                 if name in SHEETS[sheet_name]}
        rows.append((number, cells))
    return rows


def _sheet_message(sheet, row, column, problem) -> str:
    return _("Sheet %(sheet)s, row %(row)s, column %(column)s: %(problem)s") % {
        "sheet": sheet, "row": row, "column": column, "problem": problem,
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
                problem = _("expected Ya or Tidak (yes or no), got %(value)s") % {"value": repr(_cell_text(raw))}
            else:
                problem = _("must be a number, got %(value)s") % {"value": repr(_cell_text(raw))}
            problems.append(_sheet_message(sheet, number, column, problem))
    return out


def spec_from_xlsx(data: bytes) -> dict:
    """Read a workbook written by `spec_to_xlsx` (and edited by hand) back into a spec.

    Raises SpecError naming sheet, row and column for what cannot be read (missing sheets or columns,
    text in a number column, references to unknown dimensions or indicators). The result is not yet
    validated: pass it to `validate_spec`.
    """
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        actual = {name.strip().lower(): name for name in book.sheet_names}
    except Exception:  # noqa: BLE001 - calamine raises several types for broken files
        raise SpecError([_("The workbook cannot be read; it may be damaged or password-protected.")])
    problems: list[str] = []
    for sheet in SHEETS:
        if sheet not in actual:
            problems.append(_("Sheet %(sheet)s: %(problem)s") % {"sheet": sheet, "problem": _("the sheet is missing")})
    if problems:
        raise SpecError(problems)
    try:
        sheets = {sheet: _read_sheet(book, sheet, actual[sheet], problems) for sheet in SHEETS}
    except Exception:  # noqa: BLE001
        raise SpecError([_("The workbook cannot be read; it may be damaged or password-protected.")])

    spec: dict = {"dimensions": []}
    for number, cells in sheets["instrument"]:
        key = _cell_text(cells.get("key")).strip()
        raw = cells.get("value")
        if key not in INSTRUMENT_KEYS:
            problems.append(_sheet_message("instrument", number, "key", _("unknown key %(key)s; expected one of %(keys)s")
                                           % {"key": repr(key), "keys": ", ".join(INSTRUMENT_KEYS)}))
        elif key in spec:
            problems.append(_sheet_message("instrument", number, "key", _("duplicate key %(key)s") % {"key": key}))
        elif key == "version":
            text = _cell_text(raw).strip()
            if INTEGER_RE.match(text):
                spec["version"] = int(text)
            else:
                problems.append(_sheet_message("instrument", number, "value",
                                               _("must be a whole number of at least 1")))
        else:
            spec[key] = _cell_text(raw).strip()

    dimensions: dict[str, dict] = {}
    for number, cells in sheets["dimensions"]:
        row = _convert_row("dimensions", number, cells, problems)
        dim = {c: row.get(c, "") for c in DIMENSION_COLUMNS}
        dim["indicators"] = []
        spec["dimensions"].append(dim)
        dimensions.setdefault(dim["code"], dim)

    indicators: dict[str, dict] = {}
    for number, cells in sheets["indicators"]:
        row = _convert_row("indicators", number, cells, problems)
        parent = dimensions.get(row.get("dimension", ""))
        if parent is None:
            problems.append(_sheet_message("indicators", number, "dimension",
                                           _("no dimension with code %(code)s on sheet dimensions")
                                           % {"code": repr(row.get("dimension", ""))}))
            continue
        ind = {c: row[c] for c in INDICATOR_COLUMNS[1:] if c in row}
        if ind.get("weight") is None:
            ind.pop("weight", None)  # empty: the default for its kind
        ind["options"], ind["bands"] = [], []
        parent["indicators"].append(ind)
        indicators.setdefault(ind.get("code", ""), ind)

    for sheet, columns in (("options", OPTION_COLUMNS), ("bands", BAND_COLUMNS)):
        for number, cells in sheets[sheet]:
            row = _convert_row(sheet, number, cells, problems)
            parent = indicators.get(row.get("indicator", ""))
            if parent is None:
                problems.append(_sheet_message(sheet, number, "indicator",
                                               _("no indicator with code %(code)s on sheet indicators")
                                               % {"code": repr(row.get("indicator", ""))}))
                continue
            parent[sheet].append({c: row.get(c, "" if c in ("value", "label", "label_en") else None)
                                  for c in columns[1:]})
    if problems:
        raise SpecError(problems)
    return spec


# --------------------------------------------------------------------------------------------------
# XLSForm for ODK Collect / KoboCollect

LANG_ID = "Indonesian (id)"
LANG_EN = "English (en)"
SURVEY_COLUMNS = (
    "type", "name", f"label::{LANG_ID}", f"label::{LANG_EN}", f"hint::{LANG_ID}", f"hint::{LANG_EN}",
    "required", "constraint", f"constraint_message::{LANG_ID}", f"constraint_message::{LANG_EN}",
    "appearance", "parameters", "calculation",
)
CHOICE_COLUMNS = ("list_name", "name", f"label::{LANG_ID}", f"label::{LANG_EN}")
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language", "instance_name")
PHOTO_MAX_PIXELS = 1600


def _xpath_number(number: Decimal) -> str:
    return format(number, "f")


def _bi(row: dict, column: str, text_id: str, text_en: str):
    row[f"{column}::{LANG_ID}"] = text_id
    row[f"{column}::{LANG_EN}"] = text_en or text_id


def _indicator_rows(ind) -> list[dict]:
    code, kind = ind["code"], ind["kind"]
    label_id, label_en = f"{code}. {ind['question']}", f"{code}. {ind['question_en'] or ind['question']}"
    if kind == "number" and ind["unit"]:
        label_id += f" ({ind['unit']})"
        label_en += f" ({ind['unit_en'] or ind['unit']})"
    row = {"name": code, "required": "yes" if ind["required"] else ""}
    _bi(row, "label", label_id, label_en)
    _bi(row, "hint", ind["guidance"], ind["guidance_en"])
    if kind in OPTION_KINDS:
        row["type"] = f"select_one opt_{code}"
    elif kind == "number":
        row["type"] = "decimal"
        low, high = ind["min_value"], ind["max_value"]
        parts = []
        if low is not None:
            parts.append(f". >= {_xpath_number(low)}")
        if high is not None:
            parts.append(f". <= {_xpath_number(high)}")
        if parts:
            row["constraint"] = " and ".join(parts)
            if low is not None and high is not None:
                _bi(row, "constraint_message",
                    f"Isian harus antara {_xpath_number(low)} dan {_xpath_number(high)}.",
                    f"The answer must be between {_xpath_number(low)} and {_xpath_number(high)}.")
            elif low is not None:
                _bi(row, "constraint_message", f"Isian paling kecil {_xpath_number(low)}.",
                    f"The answer must be at least {_xpath_number(low)}.")
            else:
                _bi(row, "constraint_message", f"Isian paling besar {_xpath_number(high)}.",
                    f"The answer must be at most {_xpath_number(high)}.")
    else:
        row["type"] = "text"
        row["appearance"] = "multiline"
    rows = [row]
    note = {"type": "text", "name": f"{code}_note", "appearance": "multiline"}
    _bi(note, "label", f"Catatan asesor untuk {code}", f"Assessor's note on {code}")
    _bi(note, "hint", "Opsional: temuan, penjelasan, atau sumber informasi.",
        "Optional: findings, explanations or sources of information.")
    rows.append(note)
    if ind["evidence_required"]:
        photo = {"type": "image", "name": f"{code}_photo", "parameters": f"max-pixels={PHOTO_MAX_PIXELS}"}
        _bi(photo, "label", f"Foto bukti untuk {code}", f"Evidence photo for {code}")
        _bi(photo, "hint",
            "Opsional di formulir ini: foto dokumen atau kondisi yang dinilai. Berkas bukti lengkap diunggah "
            "kemudian di aplikasi.",
            "Optional in this form: photograph the document or the condition assessed. The full evidence files "
            "are uploaded later in the application.")
        rows.append(photo)
    return rows


def spec_to_xlsform(spec, *, form_id: str, version: str, centres=None, assessors=None) -> bytes:
    """An XLSForm workbook (sheets survey, choices, settings) for ODK Collect / KoboCollect.

    Survey: `start`/`end` timestamps; hidden `instrument_code` and `instrument_version` (calculate) so an
    import can check the submissions belong to this instrument; the centre, as `select_one centres`
    named `centre` when `centres` [(code, name)] is given, else a text field `centre_code`; the assessor,
    as `select_one assessors` named `assessor` when `assessors` [(username, name)] is given, else a text
    field `assessor`; an optional geopoint `location`; then one group per dimension (named by its code)
    with, for each indicator, the answer field named by the indicator code (scale/choice/yes_no →
    `select_one opt_<code>`, number → `decimal` with a constraint from min/max, text → `text`), an
    optional `<code>_note` text field, and, when evidence is required, an `<code>_photo` image field.

    The photo field is *optional in the form* even when evidence is required: photos and documents are
    uploaded and checked afterwards in the application, and a missing camera or full phone must not
    block an assessor in the field. Labels and hints are in Indonesian (default) and English.
    """
    spec = validate_spec(spec)
    problems = []
    if not isinstance(form_id, str) or not FORM_ID_RE.match(form_id):
        problems.append(_("Form setting %(field)s: %(problem)s") % {
            "field": "form_id", "problem": _("%(value)s is not a valid form id: use letters, digits, '_', '.' or "
                                             "'-', starting with a letter or '_'") % {"value": repr(form_id)}})
    if not str(version or "").strip():
        problems.append(_("Form setting %(field)s: %(problem)s") % {"field": "version", "problem": _("is required")})
    people = {"centres": centres, "assessors": assessors}
    for field, items in people.items():
        names = [str(code).strip() for code, _name in (items or [])]
        for name in names:
            if not name or " " in name:
                problems.append(_("Form setting %(field)s: %(problem)s") % {
                    "field": field, "problem": _("%(value)s cannot be used as a choice (empty or with spaces)")
                    % {"value": repr(name)}})
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            problems.append(_("Form setting %(field)s: %(problem)s") % {
                "field": field, "problem": _("duplicate codes %(codes)s") % {"codes": ", ".join(duplicates)}})
    if problems:
        raise SpecError(problems)

    survey = [
        {"type": "start", "name": "start"},
        {"type": "end", "name": "end"},
        {"type": "calculate", "name": "instrument_code", "calculation": f"'{spec['code']}'"},
        {"type": "calculate", "name": "instrument_version", "calculation": str(spec["version"])},
    ]
    choices = []
    if centres:
        row = {"type": "select_one centres", "name": "centre", "required": "yes", "appearance": "autocomplete"}
        _bi(row, "label", "BLK Komunitas yang dinilai", "BLK Komunitas assessed")
        _bi(row, "hint", "Ketik kode (VIN) atau nama untuk mencari.", "Type the code (VIN) or name to search.")
        choices += _people_choices("centres", centres)
        centre_ref = "${centre}"
    else:
        row = {"type": "text", "name": "centre_code", "required": "yes"}
        _bi(row, "label", "Kode BLK Komunitas (VIN)", "BLK Komunitas code (VIN)")
        _bi(row, "hint", "Salin kode dari surat tugas.", "Copy the code from the assignment letter.")
        centre_ref = "${centre_code}"
    survey.append(row)
    if assessors:
        row = {"type": "select_one assessors", "name": "assessor", "required": "yes", "appearance": "minimal"}
        choices += _people_choices("assessors", assessors)
    else:
        row = {"type": "text", "name": "assessor", "required": "yes"}
    _bi(row, "label", "Nama pengguna asesor", "Assessor's username")
    _bi(row, "hint", "Nama pengguna Anda di aplikasi inkubator.", "Your username in the inkubator application.")
    survey.append(row)
    row = {"type": "geopoint", "name": "location"}
    _bi(row, "label", "Lokasi BLK Komunitas", "Location of the BLK Komunitas")
    _bi(row, "hint", "Ambil titik di halaman BLK Komunitas; boleh dilewati bila sinyal GPS lemah.",
        "Take the point in the BLK Komunitas yard; you may skip it when the GPS signal is weak.")
    survey.append(row)

    for dim in spec["dimensions"]:
        group = {"type": "begin_group", "name": dim["code"]}
        _bi(group, "label", f"{dim['code']}. {dim['name']}", f"{dim['code']}. {dim['name_en'] or dim['name']}")
        survey.append(group)
        for ind in dim["indicators"]:
            survey += _indicator_rows(ind)
            if ind["kind"] in OPTION_KINDS:
                for option in ind["options"]:
                    prefix = f"{option['value']}. " if ind["kind"] == "scale" else ""
                    choice = {"list_name": f"opt_{ind['code']}", "name": option["value"]}
                    _bi(choice, "label", prefix + option["label"], prefix + (option["label_en"] or option["label"]))
                    choices.append(choice)
        survey.append({"type": "end_group", "name": dim["code"]})

    assessor_ref = "${assessor}"
    settings = {
        "form_title": spec["name"], "form_id": form_id, "version": str(version).strip(),
        "default_language": LANG_ID, "instance_name": f"concat({centre_ref}, ' - ', {assessor_ref})",
    }
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    # Labels are written verbatim (an XLSForm label must reach the phone unchanged); a text that a
    # spreadsheet program would take for a formula gets Excel's quote prefix, which is a cell style,
    # not a character, so pyxform still reads the exact text.
    quoted = book.add_format({"quote_prefix": True})
    for name, columns, rows in (
        ("survey", SURVEY_COLUMNS, survey), ("choices", CHOICE_COLUMNS, choices),
        ("settings", SETTINGS_COLUMNS, [settings]),
    ):
        ws = book.add_worksheet(name)
        ws.write_row(0, 0, columns)
        for r, row in enumerate(rows, start=1):
            for col, column in enumerate(columns):
                text = row.get(column, "")
                if text:
                    ws.write_string(r, col, text, quoted if safe_cell(text) != text else None)
    book.close()
    return buffer.getvalue()


def _people_choices(list_name, items) -> list[dict]:
    rows = []
    for code, name in items:
        code = str(code).strip()
        label = f"{code} – {name}" if name and str(name).strip() != code else code
        row = {"list_name": list_name, "name": code}
        _bi(row, "label", label, label)
        rows.append(row)
    return rows


# --------------------------------------------------------------------------------------------------
# Submission exports

META_COLUMNS = {
    "centre": ["centre"],
    "centre_code": ["centre_code"],
    "assessor": ["assessor"],
    "instrument_code": ["instrument_code"],
    "instrument_version": ["instrument_version"],
    "start": ["start"],
    "end": ["end"],
    "location_latitude": ["location-Latitude", "_location_latitude"],
    "location_longitude": ["location-Longitude", "_location_longitude"],
    "location_altitude": ["location-Altitude", "_location_altitude"],
    "location_accuracy": ["location-Accuracy", "_location_precision"],
    "location": ["location"],
    "instance_id": ["KEY", "meta-instanceID", "meta/instanceID", "_uuid"],
}
"""Header variants of the fields outside the dimension groups.

ODK Central's CSV splits a geopoint into `location-Latitude`, `-Longitude`, `-Altitude`, `-Accuracy`
and names the submission `KEY` (also `meta-instanceID`); KoboToolbox keeps `location` ("lat lon alt
precision") and adds `_location_latitude`, `_location_longitude`, `_location_altitude`,
`_location_precision`, and `_uuid`.
"""


def SUBMISSION_COLUMNS(spec, *, suffix: str = "") -> dict[str, list[str]]:  # noqa: N802 - named in the brief
    """For each indicator code, the CSV headers its answer may have in an export, most specific first.

    - ODK Central (and ODK Briefcase) join the group path with "-": ``A-A1``.
    - KoboToolbox ("XML values and headers", groups included) joins it with "/": ``A/A1``.
    - KoboToolbox with "include groups in headers" turned off, or a form without groups: ``A1``.

    `suffix` gives the companion fields instead: ``"_note"`` → ``A-A1_note`` …, ``"_photo"`` →
    ``A-A1_photo`` … (a photo column holds the file name; the file comes with the attachments).
    Headers in label mode (question texts instead of names) are not supported.
    """
    spec = validate_spec(spec)
    columns = {}
    for dim in spec["dimensions"]:
        for ind in dim["indicators"]:
            name = ind["code"] + suffix
            columns[ind["code"]] = [f"{dim['code']}-{name}", f"{dim['code']}/{name}", name]
    return columns
