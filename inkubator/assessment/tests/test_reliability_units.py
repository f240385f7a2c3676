"""Disagreement and consolidation of one unit (one indicator on one centre), and their input errors."""

import math
from decimal import Decimal

import numpy as np
import pytest

from inkubator.assessment.reliability import consolidate, disagreement

NAN = math.nan


# --------------------------------------------------------------------------------------------------
# Disagreement and consolidation of one unit (one indicator on one centre)
# --------------------------------------------------------------------------------------------------


def test_disagreement_exact_values():
    assert disagreement([2, 4, 4, 4, 5, 5, 7, 9]) == {
        "n": 8,
        "min": 2.0,
        "max": 9.0,
        "range": 7.0,
        "mean": 5.0,
        "median": 4.5,
        "std": 2.0,  # population std: Σ(x - 5)² = 32, 32/8 = 4
    }


def test_disagreement_skips_missing_ratings():
    assert disagreement([3, None, 1, NAN]) == {
        "n": 2,
        "min": 1.0,
        "max": 3.0,
        "range": 2.0,
        "mean": 2.0,
        "median": 2.0,
        "std": 1.0,
    }
    assert disagreement([4]) == {
        "n": 1,
        "min": 4.0,
        "max": 4.0,
        "range": 0.0,
        "mean": 4.0,
        "median": 4.0,
        "std": 0.0,
    }


def test_consolidate_median_is_the_default_and_resists_one_outlier():
    assert consolidate([4, 1, 4]) == 4.0
    assert consolidate([4, 1, 4], rule="mean") == 3.0


def test_consolidate_even_count_takes_the_mean_of_the_two_middle_values():
    assert consolidate([2, 3]) == 2.5
    assert consolidate([1, 2, 3, 4]) == 2.5
    assert consolidate([4, 1, 3, 2]) == 2.5  # no tie to break: assessor order does not matter
    assert consolidate([3, 3, 4, 4], rule="median") == 3.5


def test_consolidate_mean_and_other_inputs():
    assert consolidate([3, 4, 4], rule="mean") == 11 / 3
    assert consolidate([3, None, NAN, 4]) == 3.5
    assert consolidate([Decimal("2.5"), Decimal("3.5")]) == 3.0
    assert consolidate(np.array([1.0, 2.0, 6.0])) == 2.0
    assert consolidate((5,)) == 5.0


@pytest.mark.parametrize(
    ("values", "rule", "message"),
    [
        pytest.param(
            [1, 2], "mode", r"unknown consolidation rule 'mode'; choose one of median, mean", id="rule"
        ),
        pytest.param([], "median", "no ratings to work with", id="empty"),
        pytest.param([None, NAN], "mean", "no ratings to work with", id="all-missing"),
        pytest.param("34", "median", "not a string", id="string"),
        pytest.param([3, "baik"], "median", r"got 'baik' \(str\) at position 1", id="string-value"),
        pytest.param(
            [[1, 2]], "median", r"ratings must be 1-D \(one rating per assessor\); got 2-D", id="2-D"
        ),
    ],
)
def test_consolidate_bad_input(values, rule, message):
    with pytest.raises(ValueError, match=message):
        consolidate(values, rule=rule)


def test_disagreement_bad_input():
    with pytest.raises(ValueError, match="no ratings to work with"):
        disagreement([None])
    with pytest.raises(ValueError, match=r"got 'x' \(str\)"):
        disagreement(["x", 1])
