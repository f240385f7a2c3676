"""Scoring rules checked against hand-computed values (the rules are in scoring.py's docstring)."""

from decimal import Decimal as D

import pytest

from inkubator.assessment import scoring
from inkubator.assessment.scoring import Band, IndicatorRule

SCALE = IndicatorRule("A1", "A", "scale", D(2), options={str(v): D(v) for v in range(1, 6)})
YES_NO = IndicatorRule("A2", "A", "yes_no", D(1), options={"yes": D(1), "no": D(0)})
CHOICE = IndicatorRule("B1", "B", "choice", D(1), options={"yayasan": D(3), "koperasi": D(2), "none": D(0)})
NUMBER = IndicatorRule(
    "B2",
    "B",
    "number",
    D(3),
    bands=(Band(None, D(1), D(0)), Band(D(1), D(3), D(1)), Band(D(3), D(6), D(2)), Band(D(6), None, D(4))),
)
TEXT = IndicatorRule("B3", "B", "text", D(0))
RULES = [SCALE, YES_NO, CHOICE, NUMBER, TEXT]
WEIGHTS = {"A": D("0.6"), "B": D("0.4")}


@pytest.mark.parametrize(
    "rule,value,number,expected",
    [
        (SCALE, "1", None, D(0)),
        (SCALE, "4", None, D(75)),  # (4 − 1) / (5 − 1) = 0.75
        (SCALE, "5", None, D(100)),
        (YES_NO, "yes", None, D(100)),
        (YES_NO, "no", None, D(0)),
        (CHOICE, "koperasi", None, D(100) * 2 / 3),
        (NUMBER, "", D("0.5"), D(0)),
        (NUMBER, "", D(1), D(25)),  # lower bound inclusive: band [1, 3) → 1 point of 0..4
        (NUMBER, "", D("2.99"), D(25)),
        (NUMBER, "", D(3), D(50)),  # upper bound exclusive
        (NUMBER, "", D(250), D(100)),
        (TEXT, "", None, None),
        (SCALE, "", None, None),
        (NUMBER, "", None, None),
    ],
)
def test_indicator_scores(rule, value, number, expected):
    assert rule.score(value, number) == expected


def test_unscorable_answers_raise():
    with pytest.raises(scoring.ScoringError, match="'7' is not one of its options"):
        SCALE.score("7")
    gapped = IndicatorRule("C1", "C", "number", D(1), bands=(Band(D(0), D(5), D(0)), Band(D(5), D(10), D(1))))
    with pytest.raises(scoring.ScoringError, match="-1 is outside every scoring band"):
        gapped.score("", D(-1))
    flat = IndicatorRule("C2", "C", "choice", D(1), options={"a": D(1), "b": D(1)})
    with pytest.raises(scoring.ScoringError, match="same points"):
        flat.score("a")


def test_assessment_sheet_by_hand():
    answers = {
        "A1": ("4", None),
        "A2": ("no", None),
        "B1": ("koperasi", None),
        "B2": ("", D(7)),
        "B3": ("…", None),
    }
    sheet = scoring.score_answers(RULES, WEIGHTS, answers)
    # A = (2·75 + 1·0) / 3 = 50;  B = (1·66.67 + 3·100) / 4 = (200/3 + 300) / 4 = 91.666…
    assert sheet.dimensions["A"] == D(50)
    assert sheet.rounded().dimensions["B"] == D("91.67")
    # R = 0.6·50 + 0.4·91.666… = 30 + 36.666… = 66.666…  (from unrounded dimension scores)
    assert sheet.rounded().composite == D("66.67")
    assert "B3" not in sheet.indicators  # text is not scored
    assert scoring.readiness_class(sheet.composite, D(70), D(50)) == "assisted"
    assert scoring.readiness_class(sheet.composite, D(65), D(50)) == "ready"
    assert scoring.readiness_class(sheet.composite, D(80), D(67)) == "not_ready"


def test_unanswered_optional_indicator_drops_out_with_its_weight():
    sheet = scoring.score_answers(RULES, WEIGHTS, {"A1": ("5", None)})
    assert sheet.dimensions == {"A": D(100), "B": None}
    # B has no score, so R is A's score alone (weights renormalised over dimensions with a score)
    assert sheet.composite == D(100)
    empty = scoring.score_answers(RULES, WEIGHTS, {})
    assert empty.composite is None
    assert scoring.readiness_class(empty.composite, D(70), D(50)) == ""


def test_consolidation_median_and_mean():
    assert scoring.consolidate([D(50), D(100), D(75)]) == D(75)
    assert scoring.consolidate([D(50), D(100), D(75), D(0)]) == D("62.5")  # mean of the middle two
    assert scoring.consolidate([D(50), D(100), D(0)], "mean") == D(50)
    with pytest.raises(ValueError, match="no assessor scored"):
        scoring.consolidate([])
    with pytest.raises(ValueError, match="unknown consolidation rule 'mode'"):
        scoring.consolidate([D(1)], "mode")


def test_consolidated_sheet_from_three_assessors():
    one = scoring.score_answers(
        RULES, WEIGHTS, {"A1": ("5", None), "A2": ("yes", None), "B1": ("yayasan", None), "B2": ("", D(0))}
    )
    two = scoring.score_answers(
        RULES, WEIGHTS, {"A1": ("3", None), "A2": ("yes", None), "B1": ("none", None), "B2": ("", D(4))}
    )
    three = scoring.score_answers(
        RULES, WEIGHTS, {"A1": ("1", None), "A2": ("no", None), "B1": ("yayasan", None), "B2": ("", D(9))}
    )
    sheet = scoring.consolidate_sheets(RULES, WEIGHTS, [one, two, three])
    # medians: A1 (100, 50, 0) → 50; A2 (100, 100, 0) → 100; B1 (100, 0, 100) → 100; B2 (0, 50, 100) → 50
    assert sheet.indicators == {"A1": D(50), "A2": D(100), "B1": D(100), "B2": D(50)}
    # A = (2·50 + 100)/3 = 66.666…; B = (100 + 3·50)/4 = 62.5; R = 0.6·66.666… + 0.4·62.5 = 40 + 25 = 65
    assert sheet.rounded().dimensions == {"A": D("66.67"), "B": D("62.50")}
    assert sheet.composite == D(65)
