"""A run, ready to show: the tables and charts of the run page and report, from its frozen inputs and
stored outputs (never recomputed here); the weights chart of weight sets."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from inkubator.selection.presenters.names import (
    class_label,
    constraint_lines,
    constraint_text,
    dimension_labels,
    province_names,
    reason_text,
)
from inkubator.selection.province_tiles import TILES

TOP_PROBABILITY = 30


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
        ranking.append(
            {
                "rank": row["rank"],
                "code": row["code"],
                "name": a["name"],
                "province": a["province"],
                "province_name": provinces.get(a["province"], a["province"]),
                "class": a["class"],
                "class_label": class_label(a["class"]),
                "composite": _d(a.get("composite")),
                "score": Decimal(row["score"]),
                "probability": Decimal(row["probability"]),
                "percent": Decimal(row["probability"]) * 100,
                "low": row["rank_interval"][0],
                "high": row["rank_interval"][1],
                "selected": row["selected"],
                "margin": _d(row.get("margin")),
                "included_because": row.get("included_because", ""),
                "kept_out": [constraint_text(n, cons, provinces) for n in row.get("kept_out_by", [])],
                "scores": [Decimal(s) for s in a["scores"]],
            }
        )
    selected = [r for r in ranking if r["selected"]]
    ineligible = [
        {
            "code": item["code"],
            "name": names.get(item["code"], ""),
            "province_name": provinces.get(alternatives[item["code"]]["province"], ""),
            "class_label": class_label(alternatives[item["code"]]["class"]),
            "reasons": [reason_text(r, cons, item.get("reason_text", "")) for r in item["reasons"]],
        }
        for item in outputs["ineligible"]
    ]
    by_code = {r["code"]: r for r in ranking}
    what_if = [
        {
            "code": code,
            "name": names.get(code, ""),
            "rank": by_code[code]["rank"],
            "score": by_code[code]["score"],
            "kept_out": by_code[code]["kept_out"],
            "increases": [_d(increase.get(c["code"])) for c in criteria],
        }
        for code, increase in sorted(
            outputs["what_it_would_take"].items(), key=lambda kv: (by_code[kv[0]]["rank"], kv[0])
        )
    ]
    return {
        "criteria": criteria,
        "ranking": ranking,
        "selected": selected,
        "ineligible": ineligible,
        "what_if": what_if,
        "constraints": constraint_lines(inputs, provinces, names),
        "agreement": {k: Decimal(v) for k, v in outputs["agreement"].items()},
        "provinces": province_table(inputs, outputs, provinces),
        "binding": [constraint_text(n, cons, provinces) for n in outputs.get("binding", [])],
        "objective": Decimal(outputs["objective"]),
        "cost": _d(outputs.get("cost")),
        "candidates": len(alternatives),
        "eligible": outputs["eligible"],
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
            "code": code,
            "name": provinces.get(code, code),
            **row,
            "selected": selected.get(code, 0),
            "min": (cons.get("min_per_province") or {}).get(code),
            "max": (cons.get("max_per_province") or {}).get(code),
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
            "series": _("Selection probability (%)"),
            "selected_label": _("Selected"),
            "not_selected_label": _("Not selected"),
        },
        "map": {
            "tiles": [
                {
                    "code": code,
                    "name": names.get(code, code),
                    "abbr": abbr,
                    "row": row,
                    "col": col,
                    "selected": by_province[code]["selected"] if code in by_province else None,
                }
                for code, (row, col, abbr) in sorted(TILES.items())
            ],
            "rows": max(r for r, _c, _a in TILES.values()) + 1,
            "cols": max(c for _r, c, _a in TILES.values()) + 1,
            "series": _("Centres selected"),
            "absent": _("No centre of this round"),
        },
    }


def weights_chart(weight_sets, labels: dict[str, str]) -> dict:
    """Grouped bars: one series per weight set over the instrument's dimensions."""
    codes = list(weight_sets[0].weights) if weight_sets else []
    return {
        "dimensions": [labels.get(c, c) for c in codes],
        "series": [
            {"name": str(ws), "values": [float(Decimal(ws.weights.get(c, "0"))) for c in codes]}
            for ws in weight_sets
        ],
    }


BAR_LABEL_WIDTH = 230
BAR_WIDTH = 300
BAR_HEIGHT = 16
BAR_GAP = 8


def report_weight_bars(criteria) -> dict:
    """Geometry of the report's weight bars (inline SVG; the longest weight fills the width)."""
    top = max((float(c["weight"]) for c in criteria), default=0) or 1
    bars = []
    for n, c in enumerate(criteria):
        y = BAR_GAP + n * (BAR_HEIGHT + BAR_GAP)
        width = round(float(c["weight"]) * BAR_WIDTH / top, 1)
        bars.append(
            {
                "label": c["label"][:40],
                "weight": c["weight"],
                "y": y,
                "text_y": y + BAR_HEIGHT - 4,
                "width": width,
                "value_x": BAR_LABEL_WIDTH + width + 4,
            }
        )
    height = BAR_GAP + len(bars) * (BAR_HEIGHT + BAR_GAP)
    return {
        "bars": bars,
        "height": height,
        "label_width": BAR_LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": BAR_LABEL_WIDTH + BAR_WIDTH + 60,
    }
