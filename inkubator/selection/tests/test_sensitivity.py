"""Weight sensitivity: against a draw-by-draw loop over saw()/topsis(), chunking, ties, bad input."""

import numpy as np
import pytest

from inkubator.selection.methods import MCDAError, saw, sensitivity, topsis
from inkubator.selection.methods.sensitivity import MAX_DRAWS

from .examples import AIRCRAFT, AIRCRAFT_TYPES, AIRCRAFT_WEIGHTS


def draw_by_draw(matrix, weights, types, *, n, method, draws, concentration, seed):
    """The definition, one draw at a time: w' = Σw · Dirichlet(c · w / Σw) on the positive weights,
    scored by the method itself, ordinal ranks (lower index first on exact ties)."""
    w = np.asarray(weights, dtype=float)
    positive = w > 0
    rng = np.random.default_rng(seed)
    drawn = np.zeros((draws, w.size))
    drawn[:, positive] = rng.dirichlet(concentration * w[positive] / w.sum(), size=draws) * w.sum()
    score = {
        "saw": lambda v: saw(matrix, v, types).scores,
        "topsis": lambda v: topsis(matrix, v, types).closeness,
    }[method]
    ranks = np.empty((draws, len(matrix)), dtype=int)
    for d in range(draws):
        ranks[d, np.argsort(-score(drawn[d]), kind="stable")] = np.arange(1, len(matrix) + 1)
    probability = (ranks <= n).mean(axis=0)
    interval = np.stack(
        [np.quantile(ranks, 0.05, axis=0, method="lower"), np.quantile(ranks, 0.95, axis=0, method="higher")],
        axis=1,
    )
    return probability, interval


@pytest.mark.parametrize("method", ["saw", "topsis"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_matches_the_draw_by_draw_definition(method, seed):
    rng = np.random.default_rng(100 + seed)
    matrix = rng.uniform(1, 10, size=(12, 4))
    weights = [0.4, 0.3, 0.2, 0.1]
    types = [1, -1, 1, 1]
    options = {"n": 3, "method": method, "draws": 400, "concentration": 30.0, "seed": seed}
    result = sensitivity(matrix, weights, types, **options)
    probability, interval = draw_by_draw(matrix, weights, types, **options)
    assert result.selection_probability.tolist() == pytest.approx(probability.tolist(), abs=1e-12)
    assert result.rank_interval.tolist() == interval.tolist()
    assert result.selection_probability.sum() == pytest.approx(3.0)
    assert (result.draws, result.n, result.seed, result.concentration) == (400, 3, seed, 30.0)


@pytest.mark.parametrize("chunk_size", [1, 7, 64, 1000])
def test_results_do_not_depend_on_the_chunk_size(chunk_size):
    options = {"n": 2, "method": "topsis", "draws": 250, "concentration": 20.0, "seed": 5}
    reference = sensitivity(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, **options)
    chunked = sensitivity(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, **options, chunk_size=chunk_size)
    assert chunked.selection_probability.tolist() == reference.selection_probability.tolist()
    assert chunked.rank_interval.tolist() == reference.rank_interval.tolist()


def test_same_seed_same_result_other_seed_other_result():
    options = {"n": 2, "method": "saw", "draws": 300, "concentration": 5.0}
    first = sensitivity(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, **options, seed=11)
    again = sensitivity(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, **options, seed=11)
    other = sensitivity(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, **options, seed=12)
    assert first.selection_probability.tolist() == again.selection_probability.tolist()
    assert first.selection_probability.tolist() != other.selection_probability.tolist()


def test_dominance_is_certain_whatever_the_weights():
    matrix = [[9, 9, 9], [5, 8, 2], [6, 2, 7], [1, 1, 1]]
    result = sensitivity(matrix, [1, 1, 1], n=1, method="topsis", draws=500, concentration=1.0, seed=0)
    assert result.selection_probability.tolist()[0] == 1.0 and result.rank_interval[0].tolist() == [1, 1]
    assert result.selection_probability.tolist()[3] == 0.0 and result.rank_interval[3].tolist() == [4, 4]


def test_identical_alternatives_rank_in_index_order():
    matrix = [[3, 7], [8, 8], [8, 8], [7, 3]]
    result = sensitivity(matrix, [0.5, 0.5], n=1, method="saw", draws=200, concentration=10.0, seed=0)
    assert result.selection_probability.tolist() == [0.0, 1.0, 0.0, 0.0]
    assert result.rank_interval.tolist()[1:3] == [[1, 1], [2, 2]]


def test_a_zero_weight_stays_zero():
    # Column 1 would reverse the order, but its weight is 0: the result is that of the matrix without it.
    matrix = np.array([[1.0, 9.0, 2.0], [2.0, 5.0, 1.0], [3.0, 1.0, 3.0]])
    options = {"n": 1, "method": "saw", "draws": 300, "concentration": 10.0, "seed": 4}
    with_zero = sensitivity(matrix, [0.6, 0.0, 0.4], **options)
    without = sensitivity(matrix[:, [0, 2]], [0.6, 0.4], **options)
    assert with_zero.selection_probability.tolist() == without.selection_probability.tolist()
    assert with_zero.rank_interval.tolist() == without.rank_interval.tolist()


def test_high_concentration_reproduces_the_base_ranking():
    base = topsis(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES).ranking
    result = sensitivity(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, n=2, method="topsis", draws=200,
                         concentration=1e7, seed=0)  # fmt: skip
    assert result.rank_interval.tolist() == [[r, r] for r in base.tolist()]
    assert result.selection_probability.tolist() == [1.0, 0.0, 1.0, 0.0]


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"n": 0}, "n (size of the top group) must be a whole number from 1 to 4; got 0"),
        ({"n": 5}, "from 1 to 4; got 5"),
        ({"n": 1.5}, "got 1.5"),
        ({"draws": 0}, f"draws must be a whole number from 1 to {MAX_DRAWS}; got 0"),
        ({"draws": MAX_DRAWS + 1}, f"got {MAX_DRAWS + 1}"),
        ({"concentration": 0}, "concentration must be a positive number; got 0"),
        ({"concentration": float("inf")}, "concentration must be a positive number"),
        ({"seed": -1}, "seed must be a whole number >= 0; got -1"),
        ({"method": "ahp"}, "sensitivity needs a scoring method (saw or topsis); got 'ahp'"),
        ({"chunk_size": 0}, "chunk_size must be a whole number >= 1; got 0"),
    ],
)
def test_bad_arguments_are_refused(kwargs, message):
    args = {"n": 2, "method": "saw", "draws": 10} | kwargs
    with pytest.raises(MCDAError) as error:
        sensitivity(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, **args)
    assert message in str(error.value)


def test_bad_weights_are_refused_as_for_scoring():
    with pytest.raises(MCDAError, match="weights are all zero"):
        sensitivity(AIRCRAFT, [0] * 6, AIRCRAFT_TYPES, n=1)
    with pytest.raises(MCDAError, match="weights has 2 value"):
        sensitivity(AIRCRAFT, [1, 1], AIRCRAFT_TYPES, n=1)
