"""What a selection run says, in the user's words: constraint names, reasons and errors as translated
text with province and dimension names; the tables, charts and exports of a run built from its frozen
inputs and stored outputs (never recomputed here).

Internal names (``max_per_group:35``, ``no_aid``, ``must_include`` …) stay in the stored JSON and the
API; nothing in this module lets them reach a page, a workbook or a report.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from inkubator.assessment.choices import ReadinessClass
from inkubator.assessment.models import Dimension
from inkubator.core.templatetags.inkubator import rupiah
from inkubator.regions.models import Province
from inkubator.selection.methods import MCDAError, ahp_weights, inconsistent_judgements
from inkubator.selection.province_tiles import TILES

CR_LIMIT = 0.10
WHOLE = 0.005  # a judgement this close to a whole number (or its reciprocal) is shown as one
TOP_PROBABILITY = 30

# --- names --------------------------------------------------------------------------------------------


def province_names(codes=None) -> dict[str, str]:
    qs = Province.objects.all() if codes is None else Province.objects.filter(code__in=list(codes))
    return dict(qs.values_list("code", "name"))


def class_label(value: str) -> str:
    return dict(ReadinessClass.choices).get(value, "—") if value else "—"


def dimension_labels(instrument_code: str, version: int) -> dict[str, str]:
    """{dimension code: "A. Kelembagaan"} in the active language."""
    dims = Dimension.objects.filter(instrument__code=instrument_code, instrument__version=version).order_by("position")
    return {d.code: f"{d.code}. {d.label}" for d in dims}


def _count(value) -> str:
    return str(value) if value is not None else "—"


def constraint_text(name: str, constraints: dict, provinces: dict[str, str]) -> str:
    """A constraint name of `compute` (``min_per_group:32``, ``budget``…) as a sentence fragment."""
    kind, _sep, group = name.partition(":")
    province = provinces.get(group, group)
    if kind == "min_per_group":
        return _("Minimum for %(province)s: at least %(count)s selected") % {
            "province": province, "count": _count((constraints.get("min_per_province") or {}).get(group))}
    if kind == "max_per_group":
        return _("Maximum for %(province)s: at most %(count)s selected") % {
            "province": province, "count": _count((constraints.get("max_per_province") or {}).get(group))}
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
        return _("Readiness class below “%(class)s”") % {"class": class_label(constraints.get("min_class", ""))}
    if reason == "no_aid":
        return _("Has neither received nor been planned for entrepreneurship aid")
    if reason == "inactive":
        return _("Not active")
    if reason == "must_exclude":
        return _("Excluded: %(reason)s") % {"reason": excluded_because} if excluded_because else _("Excluded")
    return _("Not eligible")


def constraint_lines(inputs: dict, provinces: dict[str, str], names: dict[str, str] | None = None) -> list[str]:
    """Every constraint of a run, one sentence each, in a fixed order."""
    cons = inputs.get("constraints", {})
    names = names or {a["code"]: a["name"] for a in inputs.get("alternatives", [])}
    lines = [_("Select exactly %(n)s centres, maximising the total score.") % {"n": cons.get("n")}]
    if inputs.get("only_classes"):
        lines.append(_("Only centres of these readiness classes take part: %(classes)s.") % {
            "classes": ", ".join(class_label(c) for c in inputs["only_classes"])})
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
            lines.append(_("%(province)s: from %(min)s to %(max)s selected.") % {
                "province": province, "min": mins[code], "max": maxs[code]})
        elif code in mins:
            lines.append(_("%(province)s: at least %(min)s selected.") % {"province": province, "min": mins[code]})
        else:
            lines.append(_("%(province)s: at most %(max)s selected.") % {"province": province, "max": maxs[code]})
    if cons.get("budget") not in (None, ""):
        lines.append(_("Budget %(budget)s; cost per centre %(cost)s unless given per centre.") % {
            "budget": rupiah(cons["budget"]), "cost": rupiah(cons.get("default_cost") or 0)})
    for item in cons.get("must_include") or []:
        lines.append(_("Must be included: %(centre)s — %(reason)s") % {
            "centre": _centre(item["code"], names), "reason": item.get("reason", "")})
    for item in cons.get("must_exclude") or []:
        lines.append(_("Must be excluded: %(centre)s — %(reason)s") % {
            "centre": _centre(item["code"], names), "reason": item.get("reason", "")})
    return lines


def _centre(code: str, names: dict[str, str]) -> str:
    return f"{code} {names[code]}" if code in names else code


# --- errors of a run that cannot be computed ---------------------------------------------------------

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
            "codes": m[1], "reasons": reasons}
    m = re.fullmatch(r"only (\d+) centres are eligible; cannot select (\d+)\.", text)
    if m:
        return _("Only %(eligible)s centres are eligible; %(n)s cannot be selected.") % {"eligible": m[1], "n": m[2]}
    m = re.fullmatch(r"(min_per_group|max_per_group) names group\(s\) that no alternative belongs to: (.+)\.", text)
    if m:
        names = ", ".join(provinces.get(g.strip(), g.strip()) for g in m[2].split(","))
        return _("%(provinces)s: no eligible centre, so a per-province minimum or maximum cannot apply there; "
                 "remove it.") % {"provinces": names}
    m = re.fullmatch(r"(.*) \(constraints in conflict: (.+)\)", text, flags=re.S)
    if m:
        conflict = "; ".join(constraint_text(n.strip(), cons, provinces) for n in m[2].split(","))
        return f"{_infeasible_detail(m[1], provinces)} " + _("Constraints in conflict: %(constraints)s.") % {
            "constraints": conflict}
    return _("The selection could not be computed: %(detail)s") % {"detail": _replace_names(text, cons, provinces)}


def _infeasible_detail(text: str, provinces: dict[str, str]) -> str:
    m = re.fullmatch(r"min_per_group quotas add up to (\d+), more than n = (\d+)\.", text)
    if m:
        return _("The per-province minimums add up to %(total)s, more than the %(n)s centres to select.") % {
            "total": m[1], "n": m[2]}
    m = re.fullmatch(r"min_per_group asks for (\d+) from group (\S+), which has only (\d+) eligible alternative\(s\)\.", text)
    if m:
        return _("The minimum for %(province)s asks for %(count)s centres, but only %(available)s of its centres "
                 "are eligible.") % {"province": provinces.get(m[2], m[2]), "count": m[1], "available": m[3]}
    m = re.fullmatch(r"max_per_group caps allow at most (\d+) alternatives to be selected, fewer than n = (\d+)\.", text)
    if m:
        return _("The per-province maximums allow at most %(capacity)s centres, fewer than the %(n)s to select.") % {
            "capacity": m[1], "n": m[2]}
    m = re.fullmatch(r"even the cheapest possible selection of (\d+) costs (\S+), over the budget of (\S+)\.", text)
    if m:
        return _("Even the cheapest selection of %(n)s centres costs %(cost)s, more than the budget of %(budget)s.") % {
            "n": m[1], "cost": _money(m[2]), "budget": _money(m[3])}
    m = re.fullmatch(r"group (\S+): min_per_group \((\d+)\) is larger than max_per_group \((\d+)\)\.", text)
    if m:
        return _("For %(province)s the minimum (%(min)s) is larger than the maximum (%(max)s).") % {
            "province": provinces.get(m[1], m[1]), "min": m[2], "max": m[3]}
    m = re.fullmatch(r"must_include alone costs (\S+), over the budget of (\S+)\.", text)
    if m:
        return _("The centres that must be included alone cost %(cost)s, more than the budget of %(budget)s.") % {
            "cost": _money(m[1]), "budget": _money(m[2])}
    m = re.fullmatch(r"must_include puts (\d+) alternatives in group (\S+), over its max_per_group of (\d+)\.", text)
    if m:
        return _("%(count)s centres of %(province)s must be included, more than its maximum of %(max)s.") % {
            "count": m[1], "province": provinces.get(m[2], m[2]), "max": m[3]}
    return _("No selection meets all the constraints.")


def _replace_names(text: str, cons: dict, provinces: dict[str, str]) -> str:
    return _NAME.sub(lambda m: constraint_text(m[0], cons, provinces), text)


def validation_messages(exc, constraints: dict | None = None) -> dict[str, list[str]]:
    """A service's ValidationError as {field: [message]}, with the run's refusals translated."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    if "constraints" in errors:
        provinces = province_names()
        errors = {**errors, "constraints": [error_text(m, constraints, provinces) for m in errors["constraints"]]}
    return errors


# --- AHP -------------------------------------------------------------------------------------------


def judgement_label(value: float) -> str:
    """A judgement on Saaty's scale as people write it: 3, 1/5, or 2,47 for an aggregated one.

    Stored judgements are rounded to 4 decimals (1/9 as 0.1111), hence the tolerance.
    """
    if value >= 1:
        whole = round(value)
        return str(whole) if abs(value - whole) < WHOLE else number_format(round(value, 2), 2, use_l10n=True)
    inverse = 1 / value
    whole = round(inverse)
    return f"1/{whole}" if abs(inverse - whole) < WHOLE else number_format(round(value, 2), 2, use_l10n=True)


def parse_judgement(text: str) -> float:
    return float(Fraction(text))


def ahp_summary(pairwise, codes: list[str], labels: dict[str, str]) -> dict:
    """Weights, λmax, CI, CR and (CR > 0.10) the three judgements furthest from the weights, named."""
    result = ahp_weights(pairwise)
    summary = {
        "weights": [{"code": c, "label": labels.get(c, c), "weight": Decimal(f"{w:.6f}")}
                    for c, w in zip(codes, result.weights, strict=True)],
        "lambda_max": Decimal(f"{result.lambda_max:.4f}"), "ci": Decimal(f"{result.ci:.4f}"),
        "cr": Decimal(f"{result.cr:.4f}") if result.cr is not None else None,
        "consistent": result.cr is None or result.cr <= CR_LIMIT,
        "inconsistent": [],
    }
    if not summary["consistent"]:
        summary["inconsistent"] = [
            judgement_text(labels.get(codes[j.i], codes[j.i]), labels.get(codes[j.j], codes[j.j]), j.judgement, j.implied)
            for j in inconsistent_judgements(pairwise, top=3)
        ]
    return summary


def judgement_text(row: str, column: str, given: float, implied: float) -> str:
    return _("%(row)s compared with %(column)s: judged %(given)s, the other judgements imply about %(implied)s") % {
        "row": row, "column": column, "given": judgement_label(given), "implied": judgement_label(implied)}


def saved_inconsistent(weight_set, labels: dict[str, str]) -> list[str]:
    """The named inconsistent judgements stored with an AHP weight set (CR > 0.10)."""
    return [
        judgement_text(labels.get(j["row"], j["row"]), labels.get(j["column"], j["column"]), j["given"], j["implied"])
        for j in weight_set.details.get("inconsistent", [])
    ]


def ahp_preview(pairwise, codes, labels) -> tuple[dict | None, str]:
    """`ahp_summary`, or None and the reason when the matrices are not valid."""
    try:
        return ahp_summary(pairwise, codes, labels), ""
    except (MCDAError, ValueError) as exc:
        return None, str(exc)


# --- a run, ready to show ------------------------------------------------------------------------------


def _d(value) -> Decimal | None:
    return Decimal(value) if value not in (None, "") else None


def run_view(run) -> dict:
    """Everything the run page, the workbook and the report show, from the frozen inputs and outputs."""
    inputs, outputs = run.inputs, run.outputs
    cons = inputs["constraints"]
    alternatives = {a["code"]: a for a in inputs["alternatives"]}
    provinces = province_names({a["province"] for a in alternatives.values()} | set(TILES))
    labels = dimension_labels(inputs["instrument"]["code"], inputs["instrument"]["version"])
    names = {code: a["name"] for code, a in alternatives.items()}
    criteria = [
        {"code": c, "label": labels.get(c, c), "weight": Decimal(w)}
        for c, w in zip(inputs["criteria"], inputs["weights"], strict=True)
    ]
    ranking = []
    for row in outputs["ranking"]:
        a = alternatives[row["code"]]
        ranking.append({
            "rank": row["rank"], "code": row["code"], "name": a["name"], "province": a["province"],
            "province_name": provinces.get(a["province"], a["province"]), "class": a["class"],
            "class_label": class_label(a["class"]), "composite": _d(a.get("composite")),
            "score": Decimal(row["score"]), "probability": Decimal(row["probability"]),
            "percent": Decimal(row["probability"]) * 100, "low": row["rank_interval"][0],
            "high": row["rank_interval"][1], "selected": row["selected"], "margin": _d(row.get("margin")),
            "included_because": row.get("included_because", ""),
            "kept_out": [constraint_text(n, cons, provinces) for n in row.get("kept_out_by", [])],
            "scores": [Decimal(s) for s in a["scores"]],
        })
    selected = [r for r in ranking if r["selected"]]
    ineligible = [
        {
            "code": item["code"], "name": names.get(item["code"], ""),
            "province_name": provinces.get(alternatives[item["code"]]["province"], ""),
            "class_label": class_label(alternatives[item["code"]]["class"]),
            "reasons": [reason_text(r, cons, item.get("reason_text", "")) for r in item["reasons"]],
        }
        for item in outputs["ineligible"]
    ]
    by_code = {r["code"]: r for r in ranking}
    what_if = [
        {
            "code": code, "name": names.get(code, ""), "rank": by_code[code]["rank"], "score": by_code[code]["score"],
            "kept_out": by_code[code]["kept_out"],
            "increases": [_d(increase.get(c["code"])) for c in criteria],
        }
        for code, increase in sorted(outputs["what_it_would_take"].items(), key=lambda kv: (by_code[kv[0]]["rank"], kv[0]))
    ]
    return {
        "criteria": criteria, "ranking": ranking, "selected": selected, "ineligible": ineligible,
        "what_if": what_if, "constraints": constraint_lines(inputs, provinces, names),
        "agreement": {k: Decimal(v) for k, v in outputs["agreement"].items()},
        "provinces": province_table(inputs, outputs, provinces),
        "binding": [constraint_text(n, cons, provinces) for n in outputs.get("binding", [])],
        "objective": Decimal(outputs["objective"]),
        "cost": _d(outputs.get("cost")),
        "candidates": len(alternatives), "eligible": outputs["eligible"],
        "only_classes": [class_label(c) for c in inputs.get("only_classes", [])],
        "sensitivity": inputs["sensitivity"],
    }


def province_table(inputs: dict, outputs: dict, provinces: dict[str, str]) -> list[dict]:
    """Per province of the round: centres, eligible, selected, the minimum and maximum asked."""
    cons = inputs["constraints"]
    counts: dict[str, dict] = {}
    ineligible = {item["code"] for item in outputs["ineligible"]}
    for a in inputs["alternatives"]:
        row = counts.setdefault(a["province"], {"centres": 0, "eligible": 0})
        row["centres"] += 1
        row["eligible"] += a["code"] not in ineligible
    selected = outputs.get("province_counts", {})
    return [
        {
            "code": code, "name": provinces.get(code, code), **row, "selected": selected.get(code, 0),
            "min": (cons.get("min_per_province") or {}).get(code), "max": (cons.get("max_per_province") or {}).get(code),
        }
        for code, row in sorted(counts.items())
    ]


def charts(view: dict) -> dict:
    """Data of the run page's charts: selection probability of the top 30, and the tile map."""
    top = view["ranking"][:TOP_PROBABILITY]
    by_province = {p["code"]: p for p in view["provinces"]}
    names = province_names(TILES)
    return {
        "probability": {
            "labels": [f"{r['rank']}. {r['name']}" for r in top],
            "values": [float(round(r["percent"], 1)) for r in top],
            "selected": [r["selected"] for r in top],
            "series": _("Selection probability (%)"), "selected_label": _("Selected"),
            "not_selected_label": _("Not selected"),
        },
        "map": {
            "tiles": [
                {"code": code, "name": names.get(code, code), "abbr": abbr, "row": row, "col": col,
                 "selected": by_province[code]["selected"] if code in by_province else None}
                for code, (row, col, abbr) in sorted(TILES.items())
            ],
            "rows": max(r for r, _c, _a in TILES.values()) + 1,
            "cols": max(c for _r, c, _a in TILES.values()) + 1,
            "series": _("Centres selected"), "absent": _("No centre of this round"),
        },
    }


def weights_chart(weight_sets, labels: dict[str, str]) -> dict:
    """Grouped bars: one series per weight set over the instrument's dimensions."""
    codes = list(weight_sets[0].weights) if weight_sets else []
    return {
        "dimensions": [labels.get(c, c) for c in codes],
        "series": [{"name": str(ws), "values": [float(Decimal(ws.weights.get(c, "0"))) for c in codes]}
                   for ws in weight_sets],
    }


# --- the run as a workbook -----------------------------------------------------------------------------


def _number(value):
    return float(value) if value is not None else None


def run_workbook(run, view: dict) -> bytes:
    """The run as XLSX: ranking, selected, not eligible and inputs (with both hashes)."""
    import io

    import xlsxwriter

    from inkubator.core.exports import safe_cell

    yes, no = _("Yes"), _("No")
    sheets = [
        (_("Ranking"), [_("Rank"), _("Code"), _("Name"), _("Province"), _("Readiness class"), _("Score"), _("Selected"),
                        _("Margin"), _("Selection probability (%)"), _("Rank, 5th percentile"),
                        _("Rank, 95th percentile"), _("Kept out by"), *[c["label"] for c in view["criteria"]]],
         [[r["rank"], r["code"], r["name"], r["province_name"], r["class_label"], _number(r["score"]),
           yes if r["selected"] else no, _number(r["margin"]), _number(r["percent"]), r["low"], r["high"],
           "; ".join(r["kept_out"]), *[_number(s) for s in r["scores"]]] for r in view["ranking"]]),
        (_("Selected"), [_("Rank"), _("Code"), _("Name"), _("Province"), _("Score"), _("Margin"),
                         _("Selection probability (%)"), _("Included because")],
         [[r["rank"], r["code"], r["name"], r["province_name"], _number(r["score"]), _number(r["margin"]),
           _number(r["percent"]), r["included_because"]] for r in view["selected"]]),
        (_("Not eligible"), [_("Code"), _("Name"), _("Province"), _("Readiness class"), _("Reasons")],
         [[r["code"], r["name"], r["province_name"], r["class_label"], "; ".join(r["reasons"])]
          for r in view["ineligible"]]),
        (_("Inputs"), [_("Item"), _("Value")], input_rows(run, view)),
    ]
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
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
    rows += [[_("Weight: %(dimension)s") % {"dimension": c["label"]}, float(c["weight"])] for c in view["criteria"]]
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
