"""Krippendorff's alpha cross-checked against the `krippendorff` package on random tables with missing ratings."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inkubator.assessment.reliability import LEVELS, krippendorff_alpha
from inkubator.assessment.tests.krippendorff_reference import package_alpha

# --------------------------------------------------------------------------------------------------
# Cross-checks against the `krippendorff` package on random tables with missing ratings.
# --------------------------------------------------------------------------------------------------

SCALES = {
    "nominal": [1, 2, 3, 4],
    "ordinal": [1, 2, 3, 4, 5],  # a 1-5 rubric
    "interval": [-2.0, -0.5, 0.0, 1.25, 3.0, 7.5],
    "ratio": [0, 1, 2, 3, 5, 8],  # includes 0, where (c - k)/(c + k) needs the 0/0 convention
}


@st.composite
def reliability_tables(draw, level):
    raters = draw(st.integers(min_value=1, max_value=5))
    units = draw(st.integers(min_value=1, max_value=9))
    cell = st.one_of(st.none(), st.sampled_from(SCALES[level]))
    return [[draw(cell) for _ in range(units)] for _ in range(raters)]


def _cross_check(data, level):
    ours = krippendorff_alpha(data, level)
    # ordinal: the package is given the whole rubric, ours sees only the values used (same δ², see above)
    domain = SCALES["ordinal"] if level == "ordinal" else None
    theirs = package_alpha(data, level, value_domain=domain)
    if theirs is None:
        assert ours is None
    else:
        assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-12)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=reliability_tables("nominal"))
def test_nominal_matches_package(data):
    _cross_check(data, "nominal")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=reliability_tables("ordinal"))
def test_ordinal_matches_package(data):
    _cross_check(data, "ordinal")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=reliability_tables("interval"))
def test_interval_matches_package(data):
    _cross_check(data, "interval")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=reliability_tables("ratio"))
def test_ratio_matches_package(data):
    _cross_check(data, "ratio")


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=reliability_tables("ordinal"), seed=st.integers(min_value=0, max_value=2**16))
def test_alpha_ignores_rater_and_unit_order(data, seed):
    rng = np.random.default_rng(seed)
    table = np.array(data, dtype=float)
    shuffled = table[rng.permutation(table.shape[0])][:, rng.permutation(table.shape[1])]

    for level in LEVELS:
        ours = krippendorff_alpha(table, level)
        again = krippendorff_alpha(shuffled, level)
        assert (ours is None and again is None) or again == pytest.approx(ours, rel=1e-12, abs=1e-12)
