"""SAW, TOPSIS, normalisation and ranking: published example, hand computations, pymcdm cross-checks."""

import math

import numpy as np
import pytest

from inkubator.selection.methods import MCDAError, normalize, rank, saw, topsis

from .examples import (
    AIRCRAFT,
    AIRCRAFT_CLOSENESS,
    AIRCRAFT_RANKING,
    AIRCRAFT_S_MINUS,
    AIRCRAFT_S_PLUS,
    AIRCRAFT_TYPES,
    AIRCRAFT_WEIGHTS,
)


def test_topsis_reproduces_hwang_yoon_aircraft_example():
    result = topsis(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES)  # vector normalisation, as in the book
    assert result.closeness == pytest.approx(AIRCRAFT_CLOSENESS, abs=1e-3)
    assert result.d_plus == pytest.approx(AIRCRAFT_S_PLUS, abs=2e-4)
    assert result.d_minus == pytest.approx(AIRCRAFT_S_MINUS, abs=2e-4)
    assert result.ranking.tolist() == AIRCRAFT_RANKING
    # the book's ideal and negative-ideal solutions (weighted normalised values)
    assert result.ideal == pytest.approx([0.1168, 0.0659, 0.0531, 0.0414, 0.1347, 0.2012], abs=2e-4)
    assert result.anti_ideal == pytest.approx([0.0841, 0.0366, 0.0455, 0.0598, 0.0577, 0.1118], abs=2e-4)


# A 3 × 2 matrix small enough to normalise by hand: criterion 0 is a benefit (2, 4, 8), criterion 1
# a cost (1, 2, 4); weights 0.6 and 0.4.
SMALL = [[2, 1], [4, 2], [8, 4]]
SMALL_TYPES = [1, -1]
SMALL_WEIGHTS = [0.6, 0.4]


def test_saw_max_normalisation_by_hand():
    # benefit x/max: 2/8, 4/8, 8/8 = .25, .5, 1; cost min/x: 1/1, 1/2, 1/4 = 1, .5, .25
    expected = [0.6 * 0.25 + 0.4 * 1, 0.6 * 0.5 + 0.4 * 0.5, 0.6 * 1 + 0.4 * 0.25]  # .55, .50, .70
    result = saw(SMALL, SMALL_WEIGHTS, SMALL_TYPES, normalization="max")
    assert result.scores == pytest.approx(expected)
    assert result.ranking.tolist() == [2, 3, 1]


def test_saw_sum_normalisation_by_hand():
    # benefit x/Σx: 2/14, 4/14, 8/14; cost (1/x)/Σ(1/x): 1/x = 1, .5, .25, Σ = 1.75 -> 4/7, 2/7, 1/7
    expected = [0.6 * 2 / 14 + 0.4 * 4 / 7, 0.6 * 4 / 14 + 0.4 * 2 / 7, 0.6 * 8 / 14 + 0.4 * 1 / 7]
    assert saw(SMALL, SMALL_WEIGHTS, SMALL_TYPES, normalization="sum").scores == pytest.approx(expected)


def test_saw_minmax_normalisation_by_hand():
    # benefit (x-2)/(8-2): 0, 1/3, 1; cost (4-x)/(4-1): 1, 2/3, 0
    expected = [0.6 * 0 + 0.4 * 1, 0.6 / 3 + 0.4 * 2 / 3, 0.6 * 1 + 0.4 * 0]
    assert saw(SMALL, SMALL_WEIGHTS, SMALL_TYPES, normalization="minmax").scores == pytest.approx(expected)


def test_saw_vector_normalisation_by_hand():
    # benefit x/‖x‖ with ‖(2,4,8)‖ = √84; cost 1 - x/‖x‖ with ‖(1,2,4)‖ = √21
    b, c = math.sqrt(84), math.sqrt(21)
    expected = [0.6 * x / b + 0.4 * (1 - y / c) for x, y in SMALL]
    assert saw(SMALL, SMALL_WEIGHTS, SMALL_TYPES, normalization="vector").scores == pytest.approx(expected)


def test_saw_without_normalisation_negates_costs():
    expected = [0.6 * x - 0.4 * y for x, y in SMALL]  # 0.8, 1.6, 3.2
    assert saw(SMALL, SMALL_WEIGHTS, SMALL_TYPES, normalization="none").scores == pytest.approx(expected)


def test_saw_default_is_max_normalisation_and_weights_are_used_as_given():
    base = saw(SMALL, SMALL_WEIGHTS, SMALL_TYPES)
    doubled = saw(SMALL, [1.2, 0.8], SMALL_TYPES)
    assert base.scores == pytest.approx(saw(SMALL, SMALL_WEIGHTS, SMALL_TYPES, normalization="max").scores)
    assert doubled.scores == pytest.approx(2 * base.scores)  # not rescaled to sum 1
    assert doubled.ranking.tolist() == base.ranking.tolist()


def test_topsis_minmax_normalisation_by_hand():
    # r: criterion 0 (0, 1/3, 1); criterion 1 (0, 1/3, 1) before direction; v = w r.
    # ideal: benefit max -> .6; cost min -> 0. anti-ideal: 0 and .4.
    v = [(0.0, 0.0), (0.2, 0.4 / 3), (0.6, 0.4)]
    d_plus = [math.hypot(a - 0.6, b - 0.0) for a, b in v]
    d_minus = [math.hypot(a - 0.0, b - 0.4) for a, b in v]
    result = topsis(SMALL, SMALL_WEIGHTS, SMALL_TYPES, normalization="minmax")
    assert result.d_plus == pytest.approx(d_plus)
    assert result.d_minus == pytest.approx(d_minus)
    assert result.closeness == pytest.approx([m / (p + m) for p, m in zip(d_plus, d_minus)])


def test_normalize_outputs_benefit_oriented_columns():
    x = np.array(AIRCRAFT)
    for method in ("max", "sum", "minmax", "vector"):
        r = normalize(x, AIRCRAFT_TYPES, method=method)
        # the cheapest aircraft (A3, price 4.5) gets the best normalised price
        assert np.argmax(r[:, 3]) == 2, method
        assert np.argmax(r[:, 1]) == 1, method  # longest range (A2)


# -- pymcdm cross-checks -------------------------------------------------------------------------
# pymcdm names: our "max" = pymcdm linear_normalization (benefit x/max, cost min/x); pymcdm's own
# max_normalization uses 1 - x/max for cost, a different variant. pymcdm WSM defaults to sum
# normalisation, pymcdm TOPSIS to min-max (the textbook TOPSIS, and ours by default, uses vector).
# pymcdm insists on weights summing to 1, so the random weights are normalised here.


def _random_problem(seed, m=12, k=5):
    rng = np.random.default_rng(seed)
    x = rng.uniform(1, 100, size=(m, k))
    w = rng.uniform(0.1, 1, size=k)
    w = w / w.sum()
    t = np.where(rng.uniform(size=k) < 0.4, -1, 1)
    t[0] = 1
    return x, w, t


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(
    "ours,theirs",
    [("max", "linear_normalization"), ("sum", "sum_normalization"), ("minmax", "minmax_normalization"),
     ("vector", "vector_normalization")],
)  # fmt: skip
def test_saw_matches_pymcdm_wsm(seed, ours, theirs):
    from pymcdm import normalizations
    from pymcdm.methods import WSM

    x, w, t = _random_problem(seed)
    expected = WSM(normalization_function=getattr(normalizations, theirs))(x, w, t)
    assert saw(x, w, t, normalization=ours).scores == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(
    "ours,theirs", [("vector", "vector_normalization"), ("minmax", "minmax_normalization")]
)
def test_topsis_matches_pymcdm(seed, ours, theirs):
    # pymcdm turns cost columns into 1 - r before taking the max as ideal; distances are the same.
    from pymcdm import normalizations
    from pymcdm.methods import TOPSIS

    x, w, t = _random_problem(seed)
    expected = TOPSIS(normalization_function=getattr(normalizations, theirs))(x, w, t)
    assert topsis(x, w, t, normalization=ours).closeness == pytest.approx(expected, rel=1e-12)


def test_pymcdm_topsis_default_is_minmax_not_the_textbook_vector():
    from pymcdm.methods import TOPSIS

    x, w, t = np.array(AIRCRAFT), np.array(AIRCRAFT_WEIGHTS), np.array(AIRCRAFT_TYPES)
    assert TOPSIS()(x, w, t) == pytest.approx(topsis(x, w, t, normalization="minmax").closeness)
    assert not np.allclose(TOPSIS()(x, w, t), topsis(x, w, t).closeness, atol=1e-3)


# -- ranking ---------------------------------------------------------------------------------------


def test_rank_ties_share_the_smaller_rank():
    assert rank([3, 5, 5, 1]).tolist() == [3, 1, 1, 4]
    assert rank([2, 2, 2]).tolist() == [1, 1, 1]
    assert rank([0.1 + 0.2, 0.3, 0.1]).tolist() == [1, 1, 3]  # equal up to rounding noise


def test_identical_alternatives_tie_in_saw_and_topsis():
    x = [[1, 2, 3], [4, 5, 6], [1, 2, 3], [0.5, 9, 1]]
    w = [0.3, 0.3, 0.4]
    for result in (saw(x, w), topsis(x, w)):
        assert result.ranking[0] == result.ranking[2]
        assert sorted(result.ranking.tolist()).count(result.ranking[0]) == 2


# -- validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"weights": [0.5, 0.5, 0.5]}, "weights has 3 value"),
        ({"weights": [0.5, -0.1]}, "must not be negative"),
        ({"weights": [0, 0]}, "all zero"),
        ({"weights": [0.5, float("nan")]}, "NaN"),
        ({"types": [1, 0]}, "types must be 1 (benefit) or -1 (cost)"),
        ({"types": [1]}, "types has 1 value"),
        ({"matrix": [[1, 2], [3, float("inf")]]}, "infinite"),
        ({"matrix": [1, 2, 3]}, "two-dimensional"),
        ({"matrix": [[1, 2], [3]]}, "rectangular"),
        ({"normalization": "zscore"}, "unknown normalization"),
    ],
)
def test_saw_rejects_bad_input(kwargs, message):
    args = {"matrix": SMALL, "weights": SMALL_WEIGHTS, "types": SMALL_TYPES, "normalization": "max"} | kwargs
    with pytest.raises(MCDAError) as error:
        saw(args["matrix"], args["weights"], args["types"], normalization=args["normalization"])
    assert message in str(error.value)


@pytest.mark.parametrize(
    "matrix,types,method,message",
    [
        ([[1, 0], [2, 0]], [1, 1], "max", "column(s) 1: its maximum is 0"),
        ([[1, 0], [2, 0]], [1, 1], "sum", "column(s) 1: its sum is 0"),
        ([[1, 0], [2, 1]], [1, -1], "max", "cost criterion with a value <= 0"),
        ([[1, -2], [2, 1]], [1, 1], "sum", "negative values"),
        ([[1, 3], [2, 3]], [1, 1], "minmax", "column(s) 1: every alternative has the same value"),
        ([[1, 0], [2, 0]], [1, 1], "vector", "Euclidean norm is 0"),
    ],
)
def test_normalisations_refuse_columns_they_cannot_divide(matrix, types, method, message):
    with pytest.raises(MCDAError) as error:
        normalize(matrix, types, method=method)
    assert message in str(error.value)


def test_topsis_rejects_unknown_normalisation_and_degenerate_matrix():
    with pytest.raises(MCDAError, match="unknown TOPSIS normalization"):
        topsis(SMALL, SMALL_WEIGHTS, normalization="max")
    with pytest.raises(MCDAError, match="closeness is undefined"):
        topsis([[1, 2], [1, 2]], [0.5, 0.5])


def test_errors_are_value_errors():
    assert issubclass(MCDAError, ValueError)
