"""AHP judgements as people write them (3, 1/5, 2,47), consistency and the most inconsistent judgements."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from inkubator.selection.methods import MCDAError, ahp_weights, inconsistent_judgements

CR_LIMIT = 0.10
WHOLE = 0.005  # a judgement this close to a whole number (or its reciprocal) is shown as one


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
        "weights": [
            {"code": c, "label": labels.get(c, c), "weight": Decimal(f"{w:.6f}")}
            for c, w in zip(codes, result.weights, strict=True)
        ],
        "lambda_max": Decimal(f"{result.lambda_max:.4f}"),
        "ci": Decimal(f"{result.ci:.4f}"),
        "cr": Decimal(f"{result.cr:.4f}") if result.cr is not None else None,
        "consistent": result.cr is None or result.cr <= CR_LIMIT,
        "inconsistent": [],
    }
    if not summary["consistent"]:
        summary["inconsistent"] = [
            judgement_text(
                labels.get(codes[j.i], codes[j.i]), labels.get(codes[j.j], codes[j.j]), j.judgement, j.implied
            )
            for j in inconsistent_judgements(pairwise, top=3)
        ]
    return summary


def judgement_text(row: str, column: str, given: float, implied: float) -> str:
    return _(
        "%(row)s compared with %(column)s: judged %(given)s, the other judgements imply about %(implied)s"
    ) % {"row": row, "column": column, "given": judgement_label(given), "implied": judgement_label(implied)}


def saved_inconsistent(weight_set, labels: dict[str, str]) -> list[str]:
    """The named inconsistent judgements stored with an AHP weight set (CR > 0.10)."""
    return [
        judgement_text(
            labels.get(j["row"], j["row"]), labels.get(j["column"], j["column"]), j["given"], j["implied"]
        )
        for j in weight_set.details.get("inconsistent", [])
    ]


def ahp_preview(pairwise, codes, labels) -> tuple[dict | None, str]:
    """`ahp_summary`, or None and the reason when the matrices are not valid."""
    try:
        return ahp_summary(pairwise, codes, labels), ""
    except (MCDAError, ValueError) as exc:
        return None, str(exc)
