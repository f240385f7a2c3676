"""Krippendorff's alpha: the published example, hand computations, input forms, undefined cases, alpha per
item and pooled, and input errors."""

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from inkubator.assessment.reliability import (
    LEVELS,
    AlphaResult,
    alpha_by_item,
    alpha_details,
    as_ratings,
    coincidences,
    krippendorff_alpha,
    pooled_alpha,
    value_counts,
)
from inkubator.assessment.tests.krippendorff_reference import package_alpha

N = None
NAN = math.nan


# --------------------------------------------------------------------------------------------------
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units,
# with missing values. Unit 12 has a single rating and is dropped; 11 units, n = 40 pairable values.
# --------------------------------------------------------------------------------------------------

KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
PUBLISHED = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}
# Exact values of the same formula. By hand for nominal: the paper's coincidence matrix (below) has
# 8 off-diagonal pairs, n = 40, n_c = 9, 13, 10, 5, 3, so
#   alpha = 1 - (n - 1) · 8 / (n² - Σ n_c²) = 1 - 39 · 8 / (1600 - 384) = 1 - 312/1216 = 113/152.
# Interval: D_o = 13/30 and D_e = 112/39, alpha = 1 - 507/3360 = 951/1120. Ordinal and ratio in exact
# rational arithmetic of the module-docstring formula.
EXACT = {
    "nominal": Fraction(113, 152),
    "ordinal": Fraction(108577, 133160),
    "interval": Fraction(951, 1120),
    "ratio": Fraction(18222619, 22852465),
}


@pytest.mark.parametrize("level", LEVELS)
def test_reproduces_krippendorff_2011_published_alpha(level):
    alpha = krippendorff_alpha(KRIPPENDORFF_2011, level)

    assert round(alpha, 3) == PUBLISHED[level]
    assert alpha == pytest.approx(float(EXACT[level]), rel=1e-14)
    assert round(package_alpha(KRIPPENDORFF_2011, level), 3) == PUBLISHED[level]
    assert alpha == pytest.approx(package_alpha(KRIPPENDORFF_2011, level), rel=1e-14)


def test_krippendorff_2011_coincidence_matrix_equals_the_paper():
    counts, values = value_counts(as_ratings(KRIPPENDORFF_2011, ndim=2))
    o = coincidences(counts)

    assert values.tolist() == [1, 2, 3, 4, 5]
    # the paper's matrix, in thirds: e.g. o_12 = 4/3, o_11 = 7
    assert 3 * o == pytest.approx(
        np.array(
            [
                [21, 4, 1, 1, 0],
                [4, 30, 4, 1, 0],
                [1, 4, 24, 1, 0],
                [1, 1, 1, 12, 0],
                [0, 0, 0, 0, 9],
            ]
        ),
        abs=1e-13,
    )
    assert o.sum(axis=1).tolist() == pytest.approx([9, 13, 10, 5, 3], abs=1e-14)


def test_krippendorff_2011_details():
    result = alpha_details(KRIPPENDORFF_2011, "interval")

    assert result.units == 11
    assert result.values == 40
    assert result.observed == pytest.approx(13 / 30, rel=1e-14)
    assert result.expected == pytest.approx(112 / 39, rel=1e-14)
    assert result.alpha == pytest.approx(951 / 1120, rel=1e-14)
    assert result.level == "interval"


def test_package_ordinal_value_domain_makes_no_difference():
    # The package's default ordinal domain is the values in the data; the full rubric 1..5 adds no
    # pairable value, and a scale point nobody used has n_g = 0 in δ², so both give the same alpha.
    with_domain = package_alpha(KRIPPENDORFF_2011, "ordinal", value_domain=[1, 2, 3, 4, 5])
    wider_domain = package_alpha(KRIPPENDORFF_2011, "ordinal", value_domain=[0, 1, 2, 3, 4, 5, 6])

    assert with_domain == pytest.approx(package_alpha(KRIPPENDORFF_2011, "ordinal"), rel=1e-14)
    assert wider_domain == pytest.approx(with_domain, rel=1e-14)
    assert krippendorff_alpha(KRIPPENDORFF_2011, "ordinal") == pytest.approx(with_domain, rel=1e-14)


# --------------------------------------------------------------------------------------------------
# A case small enough to do by hand: 2 raters × 3 units.
#
#   rater A: 1 2 3
#   rater B: 1 2 4        units {1,1} {2,2} {3,4}; m_u = 2, so each pair has weight 1/(m_u - 1) = 1.
#
# Coincidences: o_11 = 2, o_22 = 2, o_34 = o_43 = 1; marginals n_1 = 2, n_2 = 2, n_3 = 1, n_4 = 1, n = 6.
# D_o = (1/6) · (o_34 + o_43) · δ²_34 = (1/3) · δ²_34;  D_e = (1/30) · 2 · Σ_{c<k} n_c n_k δ²_ck.
#
# interval δ² = (c - k)²: Σ_{c<k} n_c n_k δ² = 4·1 + 2·4 + 2·9 + 2·1 + 2·4 + 1·1 = 41
#   D_o = 1/3, D_e = 82/30 = 41/15, alpha = 1 - (1/3)/(41/15) = 1 - 5/41 = 36/41.
# nominal δ² = 1 off the diagonal: Σ_{c≠k} n_c n_k = n² - Σ n_c² = 36 - 10 = 26
#   D_o = 1/3, D_e = 26/30 = 13/15, alpha = 1 - 5/13 = 8/13.
# ordinal δ² = (Σ_{g=c}^{k} n_g - (n_c + n_k)/2)²: (1,2) 2² = 4, (1,3) 3.5² = 12.25, (1,4) 4.5² = 20.25,
#   (2,3) 1.5² = 2.25, (2,4) 2.5² = 6.25, (3,4) 1² = 1;
#   Σ_{c<k} n_c n_k δ² = 16 + 24.5 + 40.5 + 4.5 + 12.5 + 1 = 99, D_e = 198/30 = 33/5,
#   D_o = 1/3 · 1 = 1/3, alpha = 1 - 5/99 = 94/99.
# ratio δ² = ((c - k)/(c + k))²: (1,2) 1/9, (1,3) 1/4, (1,4) 9/25, (2,3) 1/25, (2,4) 1/9, (3,4) 1/49;
#   Σ_{c<k} n_c n_k δ² = 4/9 + 1/2 + 18/25 + 2/25 + 2/9 + 1/49 = 2921/1470, D_e = 2921/22050,
#   D_o = 1/3 · 1/49 = 1/147, alpha = 1 - 22050/(147 · 2921) = 1 - 150/2921 = 2771/2921.
# --------------------------------------------------------------------------------------------------

SMALL = [[1, 2, 3], [1, 2, 4]]
SMALL_EXACT = {
    "interval": Fraction(36, 41),
    "nominal": Fraction(8, 13),
    "ordinal": Fraction(94, 99),
    "ratio": Fraction(2771, 2921),
}


@pytest.mark.parametrize("level", LEVELS)
def test_small_case_by_hand(level):
    assert krippendorff_alpha(SMALL, level) == pytest.approx(float(SMALL_EXACT[level]), rel=1e-14)
    assert package_alpha(SMALL, level) == pytest.approx(float(SMALL_EXACT[level]), rel=1e-14)


def test_small_case_details_by_hand():
    result = alpha_details(SMALL, "interval")

    assert result == AlphaResult(
        alpha=pytest.approx(36 / 41, rel=1e-14),
        level="interval",
        units=3,
        values=6,
        observed=pytest.approx(1 / 3, rel=1e-14),
        expected=pytest.approx(41 / 15, rel=1e-14),
    )


def test_default_level_is_interval():
    assert krippendorff_alpha(SMALL) == krippendorff_alpha(SMALL, "interval")


def test_none_nan_decimal_and_ndarray_inputs_agree():
    as_none = [[1, 2, N], [1, 3, 2], [N, 3, 2]]
    as_nan = np.array([[1, 2, NAN], [1, 3, 2], [NAN, 3, 2]])
    as_decimal = [
        [Decimal(1), Decimal(2), N],
        [Decimal(1), Decimal(3), Decimal(2)],
        [N, Decimal(3), Decimal("2.0")],
    ]

    expected = krippendorff_alpha(as_none, "interval")
    assert krippendorff_alpha(as_nan, "interval") == expected
    assert krippendorff_alpha(as_decimal, "interval") == expected
    assert krippendorff_alpha(np.array(as_none, dtype=object), "interval") == expected


# --------------------------------------------------------------------------------------------------
# Undefined alpha
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param([[N, N], [N, N]], id="all-missing"),
        pytest.param([[1, 2, 3]], id="one-rater"),
        pytest.param([[1, N, 3], [N, 2, N]], id="no-unit-rated-twice"),
        pytest.param([[3, 3, 3], [3, 3, N]], id="all-ratings-identical"),
        pytest.param([[2, 2, 4], [2, 2, N]], id="identical-pairable-ratings-lone-other-value"),
        pytest.param([[]], id="no-units"),
    ],
)
@pytest.mark.parametrize("level", LEVELS)
def test_undefined_alpha_is_none(data, level):
    assert krippendorff_alpha(data, level) is None
    assert package_alpha(data, level) is None  # the package raises or returns NaN


def test_undefined_details():
    assert alpha_details([[1, N], [N, 2]], "ordinal") == AlphaResult(
        alpha=None, level="ordinal", units=0, values=0, observed=None, expected=None
    )
    assert alpha_details([[3, 3], [3, 3]], "interval") == AlphaResult(
        alpha=None, level="interval", units=2, values=4, observed=0.0, expected=0.0
    )


def test_perfect_agreement_is_one_and_systematic_disagreement_negative():
    assert krippendorff_alpha([[1, 2, 3], [1, 2, 3]], "interval") == 1.0
    # units {1,2} {2,1}: n_1 = n_2 = 2, n = 4; D_o = (1/4)·4 = 1, D_e = (1/12)·8 = 2/3, alpha = -1/2
    assert krippendorff_alpha([[1, 2], [2, 1]], "nominal") == pytest.approx(-0.5, rel=1e-14)


# --------------------------------------------------------------------------------------------------
# Per item and per round
# --------------------------------------------------------------------------------------------------


def test_alpha_by_item():
    result = alpha_by_item({"K1": SMALL, "K2": [[2, 2], [2, 2]], "K3": [[1, 2, 3], [1, 2, 3]]}, "interval")

    assert list(result) == ["K1", "K2", "K3"]
    assert result["K1"] == pytest.approx(36 / 41, rel=1e-14)
    assert result["K2"] is None
    assert result["K3"] == 1.0
    assert alpha_by_item({}, "ordinal") == {}


def test_pooled_alpha_by_hand():
    # Units {1,1} {2,2} {3,4} (K1) and {2,2} {2,2} (K2): n_1 = 2, n_2 = 6, n_3 = 1, n_4 = 1, n = 10.
    # D_o = (1/10)·2·1 = 1/5. Σ_{c<k} n_c n_k (c-k)² = 12 + 8 + 18 + 6 + 24 + 1 = 69, D_e = 138/90 = 23/15.
    # alpha = 1 - (1/5)/(23/15) = 1 - 3/23 = 20/23: defined although K2 alone is not, and not the mean.
    ratings = {"K1": SMALL, "K2": [[2, 2], [2, 2]]}

    assert pooled_alpha(ratings, "interval") == pytest.approx(20 / 23, rel=1e-14)
    assert package_alpha([[1, 2, 3, 2, 2], [1, 2, 4, 2, 2]], "interval") == pytest.approx(20 / 23, rel=1e-14)


def test_pooled_alpha_pads_items_with_fewer_raters():
    ratings = {"K1": [[1, 2], [1, 3]], "K2": [[4, 2, N], [4, 2, 1], [5, N, 1]]}
    padded = [[1, 2, 4, 2, N], [1, 3, 4, 2, 1], [N, N, 5, N, 1]]

    for level in LEVELS:
        assert pooled_alpha(ratings, level) == krippendorff_alpha(padded, level)
        assert pooled_alpha(ratings, level) == pytest.approx(package_alpha(padded, level), rel=1e-12)


def test_pooled_alpha_undefined():
    assert pooled_alpha({}, "interval") is None
    assert pooled_alpha({"K1": [[1, N]], "K2": [[N], [2]]}, "interval") is None


def test_item_errors_name_the_item():
    with pytest.raises(ValueError, match=r"item 'K7': ratings must be 2-D"):
        alpha_by_item({"K1": SMALL, "K7": [1, 2, 3]})
    with pytest.raises(
        ValueError, match=r"item 'K7': ratings must be numbers .* got 'baik' \(str\) at rater 1, unit 0"
    ):
        pooled_alpha({"K1": SMALL, "K7": [[1], ["baik"]]})
    with pytest.raises(ValueError, match="unknown level of measurement 'likert'"):
        alpha_by_item({"K1": SMALL}, "likert")
    with pytest.raises(ValueError, match="unknown level of measurement 'likert'"):
        pooled_alpha({"K1": SMALL}, "likert")


# --------------------------------------------------------------------------------------------------
# Bad input to alpha
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "level", "message"),
    [
        pytest.param([1, 2, 3], "interval", r"ratings must be 2-D \(raters × units\); got 1-D", id="1-D"),
        pytest.param([[[1]]], "interval", r"must be 2-D .* got 3-D", id="3-D"),
        pytest.param(
            SMALL, "likert", r"unknown level .* choose one of nominal, ordinal, interval, ratio", id="level"
        ),
        pytest.param([["a", "b"], ["a", N]], "nominal", r"got 'a' \(str\) at rater 0, unit 0", id="strings"),
        pytest.param(
            np.array([["1", "2"], ["1", "2"]]), "interval", r"must be numbers .* got <U1 data", id="str-array"
        ),
        pytest.param(
            [[1, "3"], [1, 2]], "interval", r"got '3' \(str\) at rater 0, unit 1", id="numeric-string"
        ),
        pytest.param([[True, False], [True, True]], "nominal", r"got True \(bool\)", id="bool"),
        pytest.param(
            [[1, 2], [3]], "interval", "rectangular table .* rows have different lengths", id="ragged"
        ),
        pytest.param([[1, math.inf], [1, 2]], "interval", "must be finite", id="infinite"),
        pytest.param([[-1, 2], [1, 2]], "ratio", "ratio level needs ratings >= 0", id="negative-ratio"),
    ],
)
def test_bad_input_raises_clear_value_error(data, level, message):
    with pytest.raises(ValueError, match=message):
        krippendorff_alpha(data, level)
