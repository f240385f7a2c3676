"""A run that cannot be computed: the computation's refusal (English, internal names) in the user's words."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from inkubator.core.errors import message_dict
from inkubator.core.templatetags.inkubator import rupiah
from inkubator.selection.presenters.names import constraint_text, province_names, reason_text

_NAME = re.compile(r"\b(min_per_group|max_per_group):(\w+)|\b(must_include|must_exclude|min_score|budget)\b")


def _money(text: str) -> str:
    try:
        return rupiah(Decimal(str(float(text))))
    except (InvalidOperation, ValueError):
        return text


def error_text(message: str, constraints: dict | None = None, provinces: dict[str, str] | None = None) -> str:
    """A refusal of `compute` (English, with internal names) as a translated sentence for the user."""
    cons = constraints or {}
    if provinces is None:
        provinces = province_names()
    text = str(message).strip()
    m = re.fullmatch(r"(\S+) is not a centre of this round with a verified assessment\.", text)
    if m:
        return _("Centre %(code)s has no verified assessment in this round.") % {"code": m[1]}
    m = re.fullmatch(r"(.+) cannot be both included and excluded\.", text)
    if m:
        return _("%(codes)s cannot be both included and excluded.") % {"codes": m[1]}
    m = re.fullmatch(r"must-include centre\(s\) (.+) are not eligible \((.+)\)\.", text)
    if m:
        reasons = "; ".join(reason_text(r.strip(), cons) for r in m[2].split(","))
        return _("Centres that must be included are not eligible: %(codes)s (%(reasons)s).") % {
            "codes": m[1],
            "reasons": reasons,
        }
    m = re.fullmatch(r"only (\d+) centres are eligible; cannot select (\d+)\.", text)
    if m:
        return _("Only %(eligible)s centres are eligible; %(n)s cannot be selected.") % {
            "eligible": m[1],
            "n": m[2],
        }
    m = re.fullmatch(
        r"(min_per_group|max_per_group) names group\(s\) that no alternative belongs to: (.+)\.", text
    )
    if m:
        names = ", ".join(provinces.get(g.strip(), g.strip()) for g in m[2].split(","))
        return _(
            "%(provinces)s: no eligible centre, so a per-province minimum or maximum cannot apply there; "
            "remove it."
        ) % {"provinces": names}
    m = re.fullmatch(r"(.*) \(constraints in conflict: (.+)\)", text, flags=re.S)
    if m:
        conflict = "; ".join(constraint_text(n.strip(), cons, provinces) for n in m[2].split(","))
        return f"{_infeasible_detail(m[1], provinces)} " + _("Constraints in conflict: %(constraints)s.") % {
            "constraints": conflict
        }
    return _("The selection could not be computed: %(detail)s") % {
        "detail": _replace_names(text, cons, provinces)
    }


def _infeasible_detail(text: str, provinces: dict[str, str]) -> str:
    m = re.fullmatch(r"min_per_group quotas add up to (\d+), more than n = (\d+)\.", text)
    if m:
        return _("The per-province minimums add up to %(total)s, more than the %(n)s centres to select.") % {
            "total": m[1],
            "n": m[2],
        }
    m = re.fullmatch(
        r"min_per_group asks for (\d+) from group (\S+), which has only (\d+) eligible alternative\(s\)\.",
        text,
    )
    if m:
        return _(
            "The minimum for %(province)s asks for %(count)s centres, but only %(available)s of its centres "
            "are eligible."
        ) % {"province": provinces.get(m[2], m[2]), "count": m[1], "available": m[3]}
    m = re.fullmatch(
        r"max_per_group caps allow at most (\d+) alternatives to be selected, fewer than n = (\d+)\.", text
    )
    if m:
        return _(
            "The per-province maximums allow at most %(capacity)s centres, fewer than the %(n)s to select."
        ) % {"capacity": m[1], "n": m[2]}
    m = re.fullmatch(
        r"even the cheapest possible selection of (\d+) costs (\S+), over the budget of (\S+)\.", text
    )
    if m:
        return _(
            "Even the cheapest selection of %(n)s centres costs %(cost)s, more than the budget of %(budget)s."
        ) % {"n": m[1], "cost": _money(m[2]), "budget": _money(m[3])}
    m = re.fullmatch(r"group (\S+): min_per_group \((\d+)\) is larger than max_per_group \((\d+)\)\.", text)
    if m:
        return _("For %(province)s the minimum (%(min)s) is larger than the maximum (%(max)s).") % {
            "province": provinces.get(m[1], m[1]),
            "min": m[2],
            "max": m[3],
        }
    m = re.fullmatch(r"must_include alone costs (\S+), over the budget of (\S+)\.", text)
    if m:
        return _(
            "The centres that must be included alone cost %(cost)s, more than the budget of %(budget)s."
        ) % {"cost": _money(m[1]), "budget": _money(m[2])}
    m = re.fullmatch(
        r"must_include puts (\d+) alternatives in group (\S+), over its max_per_group of (\d+)\.", text
    )
    if m:
        return _("%(count)s centres of %(province)s must be included, more than its maximum of %(max)s.") % {
            "count": m[1],
            "province": provinces.get(m[2], m[2]),
            "max": m[3],
        }
    return _("No selection meets all the constraints.")


def _replace_names(text: str, cons: dict, provinces: dict[str, str]) -> str:
    return _NAME.sub(lambda m: constraint_text(m[0], cons, provinces), text)


def validation_messages(exc, constraints: dict | None = None) -> dict[str, list[str]]:
    """A service's ValidationError as {field: [message]}, with the run's refusals translated."""
    errors = message_dict(exc)
    if "constraints" in errors:
        provinces = province_names()
        errors = {
            **errors,
            "constraints": [error_text(m, constraints, provinces) for m in errors["constraints"]],
        }
    return errors
