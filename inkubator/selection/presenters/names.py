"""Names in the user's words: provinces, readiness classes, dimensions, constraints and reasons.

Internal names (``max_per_group:35``, ``no_aid``, ``must_include`` …) stay in the stored JSON and the
API; these functions turn them into translated sentences with province and dimension names.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from inkubator.assessment.choices import ReadinessClass
from inkubator.assessment.models import Dimension
from inkubator.core.templatetags.inkubator import rupiah
from inkubator.regions.models import Province


def province_names(codes=None) -> dict[str, str]:
    qs = Province.objects.all() if codes is None else Province.objects.filter(code__in=list(codes))
    return dict(qs.values_list("code", "name"))


def class_label(value: str) -> str:
    return dict(ReadinessClass.choices).get(value, "—") if value else "—"


def dimension_labels(instrument_code: str, version: int) -> dict[str, str]:
    """{dimension code: "A. Kelembagaan"} in the active language."""
    dims = Dimension.objects.filter(instrument__code=instrument_code, instrument__version=version).order_by(
        "position"
    )
    return {d.code: f"{d.code}. {d.label}" for d in dims}


def _count(value) -> str:
    return str(value) if value is not None else "—"


def constraint_text(name: str, constraints: dict, provinces: dict[str, str]) -> str:
    """A constraint name of `compute` (``min_per_group:32``, ``budget``…) as a sentence fragment."""
    kind, _sep, group = name.partition(":")
    province = provinces.get(group, group)
    if kind == "min_per_group":
        return _("Minimum for %(province)s: at least %(count)s selected") % {
            "province": province,
            "count": _count((constraints.get("min_per_province") or {}).get(group)),
        }
    if kind == "max_per_group":
        return _("Maximum for %(province)s: at most %(count)s selected") % {
            "province": province,
            "count": _count((constraints.get("max_per_province") or {}).get(group)),
        }
    if kind == "budget":
        return _("Budget: total cost at most %(budget)s") % {"budget": rupiah(constraints.get("budget"))}
    if kind == "must_include":
        return _("Centres that must be included")
    if kind == "must_exclude":
        return _("Centres that must be excluded")
    if kind == "min_score":
        return _("Minimum score")
    if kind == "n":
        return _("Number of centres to select (%(n)s)") % {"n": constraints.get("n", "—")}
    return _("Another constraint")


def reason_text(reason: str, constraints: dict, excluded_because: str = "") -> str:
    """Why a centre could not take part (`compute` step 1)."""
    if reason == "readiness_class":
        return _("Readiness class below “%(class)s”") % {
            "class": class_label(constraints.get("min_class", ""))
        }
    if reason == "no_aid":
        return _("Has neither received nor been planned for entrepreneurship aid")
    if reason == "inactive":
        return _("Not active")
    if reason == "must_exclude":
        return _("Excluded: %(reason)s") % {"reason": excluded_because} if excluded_because else _("Excluded")
    return _("Not eligible")


def constraint_lines(
    inputs: dict, provinces: dict[str, str], names: dict[str, str] | None = None
) -> list[str]:
    """Every constraint of a run, one sentence each, in a fixed order."""
    cons = inputs.get("constraints", {})
    names = names or {a["code"]: a["name"] for a in inputs.get("alternatives", [])}
    lines = [_("Select exactly %(n)s centres, maximising the total score.") % {"n": cons.get("n")}]
    if inputs.get("only_classes"):
        lines.append(
            _("Only centres of these readiness classes take part: %(classes)s.")
            % {"classes": ", ".join(class_label(c) for c in inputs["only_classes"])}
        )
    if cons.get("min_class"):
        lines.append(_("Readiness class at least “%(class)s”.") % {"class": class_label(cons["min_class"])})
    if cons.get("require_aid"):
        lines.append(_("Has received or is planned for entrepreneurship aid."))
    if cons.get("require_active", True):
        lines.append(_("Active centres only."))
    mins = cons.get("min_per_province") or {}
    maxs = cons.get("max_per_province") or {}
    for code in sorted(set(mins) | set(maxs)):
        province = provinces.get(code, code)
        if code in mins and code in maxs:
            lines.append(
                _("%(province)s: from %(min)s to %(max)s selected.")
                % {"province": province, "min": mins[code], "max": maxs[code]}
            )
        elif code in mins:
            lines.append(
                _("%(province)s: at least %(min)s selected.") % {"province": province, "min": mins[code]}
            )
        else:
            lines.append(
                _("%(province)s: at most %(max)s selected.") % {"province": province, "max": maxs[code]}
            )
    if cons.get("budget") not in (None, ""):
        lines.append(
            _("Budget %(budget)s; cost per centre %(cost)s unless given per centre.")
            % {"budget": rupiah(cons["budget"]), "cost": rupiah(cons.get("default_cost") or 0)}
        )
    for item in cons.get("must_include") or []:
        lines.append(
            _("Must be included: %(centre)s — %(reason)s")
            % {"centre": _centre(item["code"], names), "reason": item.get("reason", "")}
        )
    for item in cons.get("must_exclude") or []:
        lines.append(
            _("Must be excluded: %(centre)s — %(reason)s")
            % {"centre": _centre(item["code"], names), "reason": item.get("reason", "")}
        )
    return lines


def _centre(code: str, names: dict[str, str]) -> str:
    return f"{code} {names[code]}" if code in names else code
