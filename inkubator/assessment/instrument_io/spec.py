"""The spec's vocabulary and limits, SpecError, and the field readers validation is built from."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

KINDS = ("scale", "number", "yes_no", "choice", "text")
OPTION_KINDS = ("scale", "yes_no", "choice")

CODE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,19}$")  # a valid XML/XLSForm name of at most 20 characters
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,40}$")
OPTION_VALUE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")  # an XLSForm choice name without spaces
INTEGER_RE = re.compile(r"^-?\d+$")
FORM_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,99}$")

# Field names the XLSForm and the ODK Central / KoboToolbox exports use outside the indicator groups;
# an indicator or dimension code equal to one of them (ignoring case) would make export columns ambiguous.
RESERVED_CODES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "instrument_code",
        "instrument_version",
        "centre",
        "centre_code",
        "assessor",
        "location",
        "meta",
        "instanceid",
        "submissiondate",
        "key",
        "submitterid",
        "submittername",
        "attachmentspresent",
        "attachmentsexpected",
        "status",
        "reviewstate",
        "edits",
        "formversion",
    }
)
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


class Problems:
    """The messages of a validation, each naming where: the instrument, a dimension or an indicator."""

    def __init__(self):
        self.messages: list[str] = []

    def instrument(self, field, problem):
        self.messages.append(
            _("Instrument, field %(field)s: %(problem)s") % {"field": field, "problem": problem}
        )

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


def label_of(obj, position: int) -> str:
    """How a dimension or indicator is named in messages: its code, or its position when it has none."""
    code = obj.get("code") if isinstance(obj, dict) else None
    if isinstance(code, str) and code.strip():
        return code.strip()
    return f"#{position}"


def read_text(obj, key, report, *, required=False, default=""):
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
        report(
            key,
            _("must be at most %(limit)s characters, got %(count)s") % {"limit": limit, "count": len(value)},
        )
    return value


def to_decimal(value) -> Decimal | None:
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


def read_number(obj, key, report, *, digits, required=False, default=None, negative=True, field=None):
    """A Decimal (or None when empty and not required); `field` names it in messages when not `key`."""
    field = field or key
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is not None:
            return Decimal(default)
        if required:
            report(field, _("is required"))
        return None
    number = to_decimal(value)
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


def read_bool(obj, key, report, default: bool) -> bool:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        report(key, _("must be true or false"))
        return default
    return value


def read_list(obj, key, report) -> list:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        report(key, _("must be a list"))
        return []
    return list(value)


def check_code(code, report, seen: dict[str, str]):
    if not code:
        return
    if not CODE_RE.match(code):
        report(
            "code",
            _(
                "%(value)s is not a valid code: use a letter followed by up to 19 letters, digits, '_', '.' or '-'"
            )
            % {"value": code},
        )
        return
    folded = code.lower()
    if folded in RESERVED_CODES:
        report(
            "code", _("%(value)s is reserved for a field of the form; choose another code") % {"value": code}
        )
    elif folded.endswith(RESERVED_SUFFIXES):
        report(
            "code",
            _("%(value)s ends in _note or _photo, which the form uses for its own fields") % {"value": code},
        )
    if folded in seen:
        report(
            "code",
            _(
                "duplicate code %(code)s; codes must be unique across all dimensions and indicators, ignoring case"
            )
            % {"code": code},
        )
    else:
        seen[folded] = code
