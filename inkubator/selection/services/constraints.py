"""The one check of a run's constraints against the round's centres (`constraints_validate`).

Called by `runs.run_params_validate`, which the page, the API and the job all go through. Each
message names the field, province or centre concerned, in the user's language.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator
from django.utils.translation import gettext as _

from inkubator.assessment.choices import ReadinessClass

MAX_N = 1000
MAX_WHAT_IF = 50
REASON_LENGTH = 500
AMOUNT_DIGITS, AMOUNT_DECIMALS = 18, 2  # Rupiah amounts: as the page's input allows
CONSTRAINT_KEYS = {
    "n",
    "min_class",
    "require_aid",
    "require_active",
    "min_per_province",
    "max_per_province",
    "budget",
    "default_cost",
    "costs",
    "must_include",
    "must_exclude",
    "only_classes",
    "what_if",
}
QUOTA_KEYS = ("min_per_province", "max_per_province")
MUST_KEYS = ("must_include", "must_exclude")

Errors = dict[str, list[str]]


def add_error(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def whole_number(value, field: str, errors: Errors, *, low: int = 0, high: int | None = None) -> int | None:
    """`value` as a whole number from `low` to `high`; None (and a message under `field`) otherwise."""
    if isinstance(value, bool):
        value = None
    try:
        number = int(value)
        if number != Decimal(str(value)):
            raise ValueError
    except (TypeError, ValueError, ArithmeticError):
        add_error(errors, field, _("Enter a whole number."))
        return None
    if number < low or (high is not None and number > high):
        add_error(
            errors,
            field,
            _("Enter a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
            if high is not None
            else _("Enter a whole number of at least %(low)s.") % {"low": low},
        )
        return None
    return number


def rupiah_amount(value, field: str, errors: Errors) -> str | None:
    """An amount in Rupiah (0 or more, at most 2 decimals) as text; None (and a message) otherwise."""
    try:
        amount = Decimal(str(value))
        if not amount.is_finite() or amount < 0:
            raise ValueError
    except (ArithmeticError, ValueError, TypeError):
        add_error(errors, field, _("Enter an amount in Rupiah of 0 or more."))
        return None
    try:
        DecimalValidator(AMOUNT_DIGITS, AMOUNT_DECIMALS)(amount)
    except ValidationError as exc:
        errors.setdefault(field, []).extend(exc.messages)
        return None
    return str(amount)


def constraints_validate(raw, *, centres: list[dict]) -> dict:
    """Check a run's constraints against the round's centres (`selectors.round_centres`); the clean dict.

    Raises ValidationError keyed by field (``n``, ``min_per_province``, ``must_include``…), each
    message naming the province or centre concerned.
    """
    if not isinstance(raw, dict):
        raise ValidationError({"constraints": [_("The constraints must be an object.")]})
    errors: Errors = {}
    unknown = sorted(set(raw) - CONSTRAINT_KEYS)
    if unknown:
        errors["constraints"] = [_("Unknown constraint(s): %(names)s.") % {"names": ", ".join(unknown)}]
    clean: dict = {}
    n = _count(raw, centres, clean, errors)
    _classes(raw, clean, errors)
    _quotas(raw, n, centres, clean, errors)
    _costs(raw, centres, clean, errors)
    _musts(raw, n, centres, clean, errors)
    if raw.get("what_if") not in (None, ""):
        what_if = whole_number(raw["what_if"], "what_if", errors, low=0, high=MAX_WHAT_IF)
        if what_if is not None:
            clean["what_if"] = what_if
    if errors:
        raise ValidationError(errors)
    return clean


# --- one part of the constraints each -------------------------------------------------------------------


def _count(raw: dict, centres: list[dict], clean: dict, errors: Errors) -> int | None:
    n = whole_number(raw.get("n"), "n", errors, low=1, high=MAX_N)
    if n is None:
        return None
    clean["n"] = n
    if n > len(centres):
        add_error(
            errors,
            "n",
            _("The round has only %(count)s centres with a verified assessment.") % {"count": len(centres)},
        )
    return n


def _classes(raw: dict, clean: dict, errors: Errors) -> None:
    min_class = raw.get("min_class", "") or ""
    if min_class not in ("", ReadinessClass.ASSISTED, ReadinessClass.READY, ReadinessClass.NOT_READY):
        add_error(errors, "min_class", _("Unknown readiness class."))
    elif min_class:
        clean["min_class"] = min_class
    clean["require_aid"] = bool(raw.get("require_aid", False))
    clean["require_active"] = bool(raw.get("require_active", True))
    only = raw.get("only_classes") or []
    if not isinstance(only, list) or any(c not in ReadinessClass.values for c in only):
        add_error(errors, "only_classes", _("Unknown readiness class."))
    elif only:
        clean["only_classes"] = [c for c in ReadinessClass.values if c in only]


def _quotas(raw: dict, n: int | None, centres: list[dict], clean: dict, errors: Errors) -> None:
    province_name = {c["province"]: c["province_name"] for c in centres}
    quotas = {key: _quota(raw, key, province_name, errors) for key in QUOTA_KEYS}
    for key, quota in quotas.items():
        if quota:
            clean[key] = dict(sorted(quota.items()))
    mins, maxs = quotas["min_per_province"], quotas["max_per_province"]
    for code in sorted(set(mins) & set(maxs)):
        if mins[code] > maxs[code]:
            add_error(
                errors,
                "min_per_province",
                _("%(province)s: the minimum (%(min)s) is larger than the maximum (%(max)s).")
                % {"province": province_name[code], "min": mins[code], "max": maxs[code]},
            )
    if n is not None and sum(mins.values()) > n:
        add_error(
            errors,
            "min_per_province",
            _("The per-province minimums add up to %(total)s, more than the %(n)s centres to select.")
            % {"total": sum(mins.values()), "n": n},
        )


def _quota(raw: dict, key: str, province_name: dict[str, str], errors: Errors) -> dict[str, int]:
    given = raw.get(key) or {}
    if not isinstance(given, dict):
        add_error(errors, key, _("Give a number per province code."))
        return {}
    quota = {}
    for code, value in given.items():
        code = str(code)
        if code not in province_name:
            add_error(
                errors,
                key,
                _("Province %(code)s has no centre with a verified assessment in this round.")
                % {"code": code},
            )
            continue
        number = whole_number(value, key, errors, low=0, high=MAX_N)
        if number is not None:
            quota[code] = number
    return quota


def _costs(raw: dict, centres: list[dict], clean: dict, errors: Errors) -> None:
    if raw.get("budget") not in (None, ""):
        clean["budget"] = rupiah_amount(raw["budget"], "budget", errors)
        if raw.get("default_cost") in (None, "") and not raw.get("costs"):
            add_error(errors, "default_cost", _("With a budget, give the cost per centre."))
    if raw.get("default_cost") not in (None, ""):
        clean["default_cost"] = rupiah_amount(raw["default_cost"], "default_cost", errors)
    costs = raw.get("costs") or {}
    if not costs:
        return
    if not isinstance(costs, dict):
        add_error(errors, "costs", _("Give a cost per centre code."))
        return
    codes = {c["code"] for c in centres}
    clean["costs"] = {}
    for code, value in sorted(costs.items()):
        if code not in codes:
            add_error(
                errors,
                "costs",
                _("Centre %(code)s has no verified assessment in this round.") % {"code": code},
            )
        else:
            clean["costs"][code] = rupiah_amount(value, "costs", errors)


def _musts(raw: dict, n: int | None, centres: list[dict], clean: dict, errors: Errors) -> None:
    codes = {c["code"] for c in centres}
    seen: set[str] = set()
    for key in MUST_KEYS:
        items = raw.get(key) or []
        if not isinstance(items, list):
            add_error(errors, key, _("Give a list of centres, each with a reason."))
            continue
        chosen = [item for item in (_must(item, key, codes, seen, errors) for item in items) if item]
        if chosen:
            clean[key] = sorted(chosen, key=lambda x: x["code"])
    if n is not None and len(clean.get("must_include", [])) > n:
        add_error(
            errors,
            "must_include",
            _("%(count)s centres must be included, more than the %(n)s to select.")
            % {"count": len(clean["must_include"]), "n": n},
        )


def _must(item, key: str, codes: set[str], seen: set[str], errors: Errors) -> dict | None:
    """One centre to include or exclude, with its reason; None (and a message) when it cannot be."""
    code = str((item or {}).get("code", "")).strip() if isinstance(item, dict) else ""
    reason = str(item.get("reason", "")).strip() if isinstance(item, dict) else ""
    if code not in codes:
        add_error(
            errors,
            key,
            _("Centre %(code)s has no verified assessment in this round.") % {"code": code or "—"},
        )
        return None
    if not reason:
        add_error(errors, key, _("Give the reason for centre %(code)s.") % {"code": code})
        return None
    if code in seen:
        add_error(
            errors,
            key,
            _("Centre %(code)s is named twice among the centres to include or exclude.") % {"code": code},
        )
        return None
    seen.add(code)
    return {"code": code, "reason": reason[:REASON_LENGTH]}
