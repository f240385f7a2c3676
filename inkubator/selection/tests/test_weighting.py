"""Entropy and CRITIC weights: small examples computed by hand (written out below) and pymcdm."""

import math

import numpy as np
import pytest

from inkubator.selection.methods import MCDAError, critic_weights, entropy_weights

from . import examples
from .examples import CRITIC_EXAMPLE, CRITIC_TYPES, ENTROPY_EXAMPLE

# -- entropy ---------------------------------------------------------------------------------------
# No published worked example could be checked digit for digit, so this one is computed by hand.
# Three alternatives (m = 3, k = 1/ln 3), three criteria:
#   column 0 = (1, 1, 2): p = (1/4, 1/4, 1/2); E0 = -(2 · ¼ ln ¼ + ½ ln ½) / ln 3
#                         = (ln 2 + ½ ln 2) / ln 3 = 1.5 ln 2 / ln 3 = 0.946395
#   column 1 = (3, 3, 3): p = (⅓, ⅓, ⅓); E1 = ln 3 / ln 3 = 1 -> d1 = 0, weight 0
#   column 2 = (0, 1, 3): p = (0, ¼, ¾) with 0 · ln 0 = 0;
#                         E2 = -(¼ ln ¼ + ¾ ln ¾) / ln 3 = 0.511860
#   d = (0.053605, 0, 0.488140); w = d / Σd = (0.098949, 0, 0.901051)


def test_entropy_weights_by_hand():
    e0 = 1.5 * math.log(2) / math.log(3)
    e2 = -(0.25 * math.log(0.25) + 0.75 * math.log(0.75)) / math.log(3)
    d = [1 - e0, 0.0, 1 - e2]
    result = entropy_weights(ENTROPY_EXAMPLE)
    assert result.entropy == pytest.approx([e0, 1.0, e2])
    assert result.divergence == pytest.approx(d, abs=1e-15)
    assert result.weights == pytest.approx([v / sum(d) for v in d], abs=1e-15)
    assert result.weights == pytest.approx([0.098949, 0.0, 0.901051], abs=1e-6)


def test_entropy_ignores_direction_and_scale():
    x = np.array(ENTROPY_EXAMPLE, dtype=float)
    scaled = x * np.array([10.0, 0.5, 7.0])
    assert entropy_weights(scaled).weights == pytest.approx(entropy_weights(x).weights)


@pytest.mark.parametrize("seed", range(5))
def test_entropy_matches_pymcdm_on_positive_data(seed):
    from pymcdm import weights as pymcdm_weights

    x = np.random.default_rng(seed).uniform(1, 50, size=(15, 6))
    assert entropy_weights(x).weights == pytest.approx(pymcdm_weights.entropy_weights(x), rel=1e-10)


def test_entropy_zero_convention_differs_from_pymcdm():
    # The usual convention, followed here, is 0 · ln 0 = 0, so a single zero only changes that
    # column's entropy slightly. pymcdm 1.4 refuses any zero (its sum normalisation needs x > 0).
    from pymcdm import weights as pymcdm_weights

    x = np.array(ENTROPY_EXAMPLE, dtype=float)[:, [0, 2]]
    ours = entropy_weights(x).weights
    assert ours == pytest.approx([0.098949, 0.901051], abs=1e-6)
    with pytest.raises(ValueError, match="positive"):
        pymcdm_weights.entropy_weights(x)


@pytest.mark.parametrize(
    "matrix,message",
    [
        ([[1, 2]], "at least 2 row"),
        ([[1, -2], [2, 3]], "non-negative values; column(s) 1"),
        ([[1, 0], [2, 0]], "column sum, which is 0 in column(s) 1"),
        ([[1, 5], [1, 5]], "same value for all alternatives"),
    ],
)
def test_entropy_rejects_bad_matrices(matrix, message):
    with pytest.raises(MCDAError) as error:
        entropy_weights(matrix)
    assert message in str(error.value)


# -- CRITIC ----------------------------------------------------------------------------------------
# Hand-computed example (Diakoulaki et al. 1995 method, std with ddof = 1). Three alternatives:
#   column 0 (benefit) (10, 15, 20) -> r0 = (0, ½, 1)
#   column 1 (cost)    (8, 4, 6)    -> r1 = ((8-8)/4, (8-4)/4, (8-6)/4) = (0, 1, ½)
#   column 2 (benefit) (3, 1, 2)    -> r2 = (1, 0, ½)
# Each r is a permutation of (0, ½, 1): mean ½, Σ(r - ½)² = ½, σ = √(½ / 2) = ½.
# Centred: r0 (-½, 0, ½), r1 (-½, ½, 0), r2 (½, -½, 0).
#   ρ01 = (¼ + 0 + 0) / ½ = ½;  ρ02 = (-¼ + 0 + 0) / ½ = -½;  ρ12 = (-¼ - ¼ + 0) / ½ = -1
#   C0 = ½ · ((1-1) + (1-½) + (1+½)) = 1;  C1 = ½ · ((1-½) + 0 + (1+1)) = 1.25;
#   C2 = ½ · ((1+½) + (1+1) + 0) = 1.75;   ΣC = 4 -> w = (0.25, 0.3125, 0.4375)


def test_critic_weights_by_hand():
    result = critic_weights(CRITIC_EXAMPLE, CRITIC_TYPES)
    assert result.std == pytest.approx([0.5, 0.5, 0.5])
    assert result.correlation.ravel() == pytest.approx([1, 0.5, -0.5, 0.5, 1, -1, -0.5, -1, 1])
    assert result.information == pytest.approx([1.0, 1.25, 1.75])
    assert result.weights == pytest.approx([0.25, 0.3125, 0.4375])


def test_critic_reverses_cost_criteria():
    # as a benefit, column 1 normalises to (1, 0, ½) = r2: correlation +1 with column 2
    as_benefit = critic_weights(CRITIC_EXAMPLE, [1, 1, 1])
    assert as_benefit.correlation[1, 2] == pytest.approx(1.0)
    assert as_benefit.weights != pytest.approx(critic_weights(CRITIC_EXAMPLE, CRITIC_TYPES).weights)


@pytest.mark.parametrize("seed", range(5))
def test_critic_matches_pymcdm(seed):
    # pymcdm's critic_weights ignores criterion types (every column min-max normalised as a
    # benefit). Reflecting a cost column (x -> max + min - x) gives the same normalised values as our
    # reversal, so both agree once cost columns are reflected for pymcdm.
    from pymcdm import weights as pymcdm_weights

    rng = np.random.default_rng(seed)
    x = rng.uniform(1, 50, size=(20, 5))
    types = np.array([1, -1, 1, -1, 1])
    reflected = np.where(types == -1, x.max(axis=0) + x.min(axis=0) - x, x)
    assert critic_weights(x, types).weights == pytest.approx(
        pymcdm_weights.critic_weights(reflected), rel=1e-10
    )
    assert critic_weights(x).weights == pytest.approx(pymcdm_weights.critic_weights(x), rel=1e-10)


@pytest.mark.parametrize(
    "matrix,message",
    [
        ([[1, 2]], "at least 2 row"),
        ([[1], [2]], "at least 2 criteria"),
        ([[1, 5], [2, 5], [3, 5]], "max − min, which is 0 in column(s) 1"),
    ],
)
def test_critic_rejects_bad_matrices(matrix, message):
    with pytest.raises(MCDAError) as error:
        critic_weights(matrix)
    assert message in str(error.value)


def test_critic_refuses_perfectly_correlated_criteria():
    with pytest.raises(MCDAError, match="perfectly positively correlated"):
        critic_weights([[1, 10], [2, 20], [3, 30]])


# -- published worked examples (entropy, CRITIC) ------------------------------------------------------


@pytest.mark.parametrize(
    "matrix,published",
    [
        (examples.XU_2004, examples.XU_2004_ENTROPY_WEIGHTS),
        (examples.ZP_2016, examples.ZP_2016_ENTROPY_WEIGHTS),
    ],
    ids=["xu-2004", "zavadskas-podvezko-2016"],
)
def test_entropy_published_examples(matrix, published):
    assert np.round(entropy_weights(matrix).weights, 4).tolist() == published


def test_critic_published_example_tus_and_aytac_adali_2019():
    assert np.round(critic_weights(examples.TUS_2019).weights, 3).tolist() == examples.TUS_2019_CRITIC_WEIGHTS
    # with price reversed as a cost criterion the weights differ (the variant the paper did not use)
    reversed_price = critic_weights(examples.TUS_2019, [-1, 1, 1, 1, 1, 1]).weights
    assert np.round(reversed_price, 3).tolist() == [0.184, 0.213, 0.142, 0.158, 0.168, 0.134]
