"""AHP: Saaty's published example, exact cases, the three weighting methods, experts, validation."""

import math

import numpy as np
import pytest

from inkubator.selection.methods import (
    RANDOM_INDEX,
    MCDAError,
    aggregate_pairwise,
    ahp_weights,
    inconsistent_judgements,
)

from .examples import DRINKS, DRINKS_CR, DRINKS_PRIORITIES


def consistent(weights):
    w = np.asarray(weights, dtype=float)
    return w[:, None] / w[None, :]


def test_saaty_drinks_example():
    result = ahp_weights(DRINKS)
    assert np.round(result.weights, 3).tolist() == DRINKS_PRIORITIES
    assert round(result.cr, 3) == DRINKS_CR
    assert result.n == 7 and result.ri == 1.32
    assert result.ci == pytest.approx((result.lambda_max - 7) / 6)
    assert result.cr == pytest.approx(result.ci / 1.32)
    assert result.weights.sum() == pytest.approx(1.0)


def test_random_index_is_saatys_table():
    assert RANDOM_INDEX == (
        0,
        0,
        0.58,
        0.90,
        1.12,
        1.24,
        1.32,
        1.41,
        1.45,
        1.49,
        1.51,
        1.48,
        1.56,
        1.57,
        1.59,
    )


@pytest.mark.parametrize("method", ["eigenvector", "geometric_mean", "approximate"])
def test_consistent_matrix_gives_exact_weights_and_zero_cr(method):
    w = [0.4, 0.3, 0.2, 0.1]
    result = ahp_weights(consistent(w), method=method)
    assert result.weights == pytest.approx(w)
    assert result.lambda_max == pytest.approx(4.0)
    assert result.ci == pytest.approx(0.0, abs=1e-12)
    assert result.cr == pytest.approx(0.0, abs=1e-12)


def test_three_methods_by_hand_on_a_3x3_matrix():
    a = [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]
    # geometric mean of rows: (15)^(1/3), (1)^(1/3), (1/15)^(1/3), then scaled to sum 1
    g = [15 ** (1 / 3), 1.0, (1 / 15) ** (1 / 3)]
    assert ahp_weights(a, method="geometric_mean").weights == pytest.approx([v / sum(g) for v in g])
    # approximate: columns sum to 23/15, 13/3, 9; normalise each column, average each row
    sums = [1 + 1 / 3 + 1 / 5, 3 + 1 + 1 / 3, 5 + 3 + 1]
    rows = [sum(a[i][j] / sums[j] for j in range(3)) / 3 for i in range(3)]
    assert ahp_weights(a, method="approximate").weights == pytest.approx(rows)
    # eigenvector: A w = λmax w
    result = ahp_weights(a)
    assert np.asarray(a) @ result.weights == pytest.approx(result.lambda_max * result.weights)
    assert result.lambda_max > 3
    # λmax is the principal eigenvalue whatever the weighting method
    assert ahp_weights(a, method="approximate").lambda_max == result.lambda_max


def test_two_criteria_are_always_consistent():
    result = ahp_weights([[1, 4], [1 / 4, 1]])
    assert result.weights == pytest.approx([0.8, 0.2])
    assert result.cr == 0.0


def test_more_than_fifteen_criteria_have_no_random_index():
    result = ahp_weights(consistent(np.arange(1, 17)))
    assert result.cr is None and result.ri is None
    assert result.weights == pytest.approx(np.arange(1, 17) / np.arange(1, 17).sum())


def test_eigenvector_weights_match_pymcdm_but_cr_uses_a_different_random_index():
    # pymcdm's AHP takes the random index of Tummala & Ling (1998) (n = 3: 0.5799, n = 7: 1.3322),
    # not Saaty's table (0.58, 1.32); the weights agree, the CR differs by the ratio of the indexes.
    from pymcdm.weights.subjective import AHP as pymcdm_ahp

    reference = pymcdm_ahp(matrix=np.array(DRINKS))
    ours = ahp_weights(DRINKS)
    assert ours.weights == pytest.approx(reference(), rel=1e-9)
    assert ours.cr * 1.32 == pytest.approx(reference.get_cr() * reference.RI_M[6], rel=1e-9)
    assert ours.cr != pytest.approx(reference.get_cr(), rel=1e-4)


def test_experts_are_aggregated_by_elementwise_geometric_mean():
    first = [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]
    second = [[1, 8, 1], [1 / 8, 1, 1 / 2], [1, 2, 1]]
    combined = aggregate_pairwise([first, second])
    assert combined[0, 1] == pytest.approx(math.sqrt(2 * 8))
    assert combined[0, 2] == pytest.approx(math.sqrt(4 * 1))
    assert combined[2, 1] == pytest.approx(math.sqrt(1 / 2 * 2))
    assert combined * combined.T == pytest.approx(np.ones((3, 3)))  # still reciprocal
    assert ahp_weights([first, second]).weights == pytest.approx(ahp_weights(combined).weights)
    assert ahp_weights([first, first]).weights == pytest.approx(ahp_weights(first).weights)


def test_inconsistent_judgements_names_the_perturbed_pair():
    a = consistent([0.4, 0.3, 0.2, 0.1])
    a[0, 3], a[3, 0] = 1 / 4, 4  # truly 4 (0.4/0.1); the expert wrote the inverse
    found = inconsistent_judgements(a)
    assert (found[0].i, found[0].j) == (0, 3)
    assert found[0].judgement == 0.25
    assert found[0].error == pytest.approx(abs(math.log(found[0].judgement / found[0].implied)))
    assert found[0].error >= found[1].error >= found[2].error
    assert len(inconsistent_judgements(a, top=None)) == 6


def test_inconsistent_judgements_of_a_consistent_matrix_are_all_zero():
    assert all(
        j.error == pytest.approx(0, abs=1e-9)
        for j in inconsistent_judgements(consistent([3, 2, 1]), top=None)
    )


@pytest.mark.parametrize(
    "matrix,message",
    [
        ([[1, 2, 3], [1 / 2, 1, 2]], "must be square"),
        ([[1]], "at least 2 criteria"),
        ([[1, -2], [-1 / 2, 1]], "must be positive; entry (0, 1) is -2"),
        ([[1, 0], [0, 1]], "must be positive"),
        ([[1, 3], [3, 1]], "not reciprocal: entry (0, 1) is 3 but entry (1, 0) is 3, not 1/3"),
        ([[2, 1], [1, 1]], "1 on the diagonal; entry (0, 0) is 2"),
        ([[1, float("nan")], [1, 1]], "NaN or infinite"),
        ([[1, 3], [1 / 3 * (1 + 1e-5), 1]], "not reciprocal"),
    ],
)
def test_invalid_pairwise_matrices_are_refused(matrix, message):
    with pytest.raises(MCDAError) as error:
        ahp_weights(matrix)
    assert message in str(error.value)


def test_reciprocal_check_tolerates_rounding_of_one_part_in_a_million():
    ahp_weights([[1, 3], [1 / 3 * (1 + 5e-7), 1]])
    ahp_weights([[1, 0.333], [3.003003, 1]])  # 0.333 × 3.003003 = 0.999999999


def test_experts_of_different_sizes_are_refused():
    with pytest.raises(MCDAError, match="differ in size"):
        ahp_weights([consistent([1, 2]), consistent([1, 2, 3])])
    with pytest.raises(MCDAError, match="expert 1"):
        ahp_weights([consistent([1, 2, 3]), [[1, 2, 2], [2, 1, 1], [1 / 2, 1, 1]]])


def test_unknown_method_is_refused():
    with pytest.raises(MCDAError, match="unknown AHP method"):
        ahp_weights(DRINKS, method="least_squares")
