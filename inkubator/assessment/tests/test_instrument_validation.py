"""Instrument specs: `validate_spec` returns a normalised copy, or names every problem at once."""

import copy
from decimal import Decimal

import pytest
from django.utils import translation

from inkubator.assessment.instrument_io import validate_spec
from inkubator.assessment.tests.instrument_specs import indicator, problems_of, small_spec


@pytest.fixture(autouse=True)
def english():
    """Messages are English source strings; pin the language so a future translation cannot change them."""
    with translation.override("en"):
        yield


def test_validate_returns_a_normalised_copy_and_leaves_the_input_alone():
    raw = small_spec()
    before = copy.deepcopy(raw)

    spec = validate_spec(raw)

    assert raw == before
    assert spec["name_en"] == "" and spec["description"] == ""
    assert spec["dimensions"][0]["weight"] == Decimal("0.5")
    a2 = indicator(spec, "A2")
    assert a2 == {
        "code": "A2",
        "kind": "yes_no",
        "question": "Ada SK?",
        "question_en": "",
        "guidance": "",
        "guidance_en": "",
        "weight": Decimal("1"),
        "required": True,
        "evidence_required": False,
        "unit": "",
        "unit_en": "",
        "min_value": None,
        "max_value": None,
        "bands": [],
        "options": [
            {"value": "yes", "label": "Ya", "label_en": "Yes", "score": Decimal("1")},
            {"value": "no", "label": "Tidak", "label_en": "No", "score": Decimal("0")},
        ],
    }
    b3 = indicator(spec, "B3")
    assert (b3["weight"], b3["required"]) == (Decimal("0"), False)
    assert indicator(spec, "B1")["bands"][1] == {"lower": Decimal("5"), "upper": None, "score": Decimal("2")}


# --- validation messages --------------------------------------------------------------------------


def test_unknown_kind():
    spec = small_spec()
    indicator(spec, "A1")["kind"] = "slider"
    assert problems_of(spec) == [
        "Dimension A, indicator A1, field kind: unknown kind 'slider'; expected one of scale, number, yes_no, "
        "choice, text",
    ]


def test_duplicate_codes_ignore_case_across_dimensions_and_indicators():
    spec = small_spec()
    spec["dimensions"][1]["code"] = "a"
    indicator(spec, "B2")["code"] = "a1"
    assert problems_of(spec) == [
        "Dimension a, field code: duplicate code a; codes must be unique across all dimensions and indicators, "
        "ignoring case",
        "Dimension a, indicator a1, field code: duplicate code a1; codes must be unique across all dimensions "
        "and indicators, ignoring case",
    ]


def test_negative_weights():
    spec = small_spec()
    spec["dimensions"][0]["weight"] = "-0.5"
    indicator(spec, "B2")["weight"] = "-1"
    assert problems_of(spec) == [
        "Dimension A, field weight: must not be negative",
        "Dimension B, indicator B2, field weight: must not be negative",
    ]


def test_dimension_weights_all_zero():
    spec = small_spec()
    for dim in spec["dimensions"]:
        dim["weight"] = "0"
    assert problems_of(spec) == ["Instrument, field dimensions: all dimension weights are zero"]


def test_weighted_dimension_without_weighted_indicator():
    spec = small_spec()
    for code in ("A1", "A2"):
        indicator(spec, code)["weight"] = 0
    assert problems_of(spec) == [
        "Dimension A, field indicators: the dimension has a weight but none of its scored indicators has a "
        "weight above zero",
    ]


def test_scale_needs_two_levels():
    spec = small_spec()
    indicator(spec, "A1")["options"].pop()
    assert problems_of(spec) == [
        "Dimension A, indicator A1, field options: a scale needs at least 2 levels, got 1"
    ]


def test_scale_levels_must_be_distinct_whole_numbers_scored_by_level():
    spec = small_spec()
    options = indicator(spec, "A1")["options"]
    options.append({"value": "x", "label": "tiga", "score": "3"})
    options.append({"value": "2", "label": "dua lagi", "score": "2"})
    options.append({"value": "4", "label": "empat", "score": "5"})
    assert problems_of(spec) == [
        "Dimension A, indicator A1, field options[3].value: level x is not a whole number",
        "Dimension A, indicator A1, field options[5].score: the score of level 4 must be 4, got 5",
        "Dimension A, indicator A1, field options[4].value: duplicate level 2",
    ]


def test_choice_needs_two_options():
    spec = small_spec()
    indicator(spec, "B2")["options"].pop()
    assert problems_of(spec) == [
        "Dimension B, indicator B2, field options: a choice needs at least 2 options, got 1"
    ]


def test_yes_no_options_must_be_exactly_yes_and_no():
    spec = small_spec()
    indicator(spec, "A2")["options"] = [
        {"value": "ya", "label": "Ya", "score": "1"},
        {"value": "tidak", "label": "Tidak", "score": "0"},
    ]
    assert problems_of(spec) == [
        "Dimension A, indicator A2, field options: a yes/no indicator needs exactly the options yes and no, in "
        "that order; got ya, tidak",
    ]


def test_bands_overlapping():
    spec = small_spec()
    indicator(spec, "B1")["bands"][1]["lower"] = "4"
    assert problems_of(spec) == [
        "Dimension B, indicator B1, field bands[2].lower: overlaps the previous band, which ends at 5",
    ]


def test_bands_unsorted_and_gapped_and_not_covering_the_minimum():
    spec = small_spec()
    indicator(spec, "B1")["bands"] = [
        {"lower": "5", "upper": "10", "score": "1"},
        {"lower": "0", "upper": "5", "score": "0"},
        {"lower": "10", "upper": None, "score": "2"},
    ]
    assert problems_of(spec) == [
        "Dimension B, indicator B1, field bands[2].lower: the bands must be sorted: 0 comes after 5",
        "Dimension B, indicator B1, field bands[3].lower: leaves a gap after the previous band, which ends at 5",
        "Dimension B, indicator B1, field bands[1].lower: the bands start at 5, above the minimum 0",
    ]


def test_band_lower_not_below_upper():
    spec = small_spec()
    indicator(spec, "B1")["bands"] = [
        {"lower": "0", "upper": "5", "score": "0"},
        {"lower": "5", "upper": "5", "score": "1"},
        {"lower": "5", "upper": None, "score": "2"},
    ]
    assert problems_of(spec) == [
        "Dimension B, indicator B1, field bands[2]: the lower bound 5 must be below the upper bound 5",
    ]


def test_bands_must_cover_the_maximum_and_only_the_ends_may_be_open():
    spec = small_spec()
    indicator(spec, "B1")["bands"] = [
        {"lower": "0", "upper": None, "score": "0"},
        {"lower": None, "upper": "50", "score": "2"},
    ]
    assert problems_of(spec) == [
        "Dimension B, indicator B1, field bands[1].upper: only the last band may be open above (empty upper)",
        "Dimension B, indicator B1, field bands[2].lower: only the first band may be open below (empty lower)",
        "Dimension B, indicator B1, field bands[2].upper: the bands end below 50 but the maximum is 100",
    ]


def test_number_min_above_max():
    spec = small_spec()
    indicator(spec, "B1")["min_value"] = "10"
    indicator(spec, "B1")["max_value"] = "5"
    assert problems_of(spec) == [
        "Dimension B, indicator B1, field min_value: the minimum 10 is greater than the maximum 5"
    ]


def test_scored_indicators_whose_points_are_all_equal():
    spec = small_spec()
    indicator(spec, "B2")["options"][0]["score"] = "1"
    indicator(spec, "B1")["bands"][0]["score"] = "2"
    assert problems_of(spec) == [
        "Dimension B, indicator B1, field bands: all bands have the same score 2, so the indicator cannot tell "
        "centres apart",
        "Dimension B, indicator B2, field options: all options have the same score 1, so the indicator cannot "
        "tell centres apart",
    ]


def test_text_indicator_with_a_weight():
    spec = small_spec()
    indicator(spec, "B3")["weight"] = "1"
    assert problems_of(spec) == [
        "Dimension B, indicator B3, field weight: text indicators are not scored: the weight must be 0, got 1",
    ]


def test_empty_question():
    spec = small_spec()
    indicator(spec, "A1")["question"] = "   "
    assert problems_of(spec) == ["Dimension A, indicator A1, field question: is required"]


@pytest.mark.parametrize("code", ["1A", "A 1", "A" + "x" * 20, "A/1"])
def test_codes_must_be_xlsform_names(code):
    spec = small_spec()
    indicator(spec, "A1")["code"] = code
    assert problems_of(spec) == [
        f"Dimension A, indicator {code}, field code: {code} is not a valid code: use a letter followed by up to "
        "19 letters, digits, '_', '.' or '-'",
    ]


def test_codes_the_form_uses_itself_are_reserved():
    spec = small_spec()
    indicator(spec, "A1")["code"] = "Location"
    indicator(spec, "B2")["code"] = "A2_note"
    assert problems_of(spec) == [
        "Dimension A, indicator Location, field code: Location is reserved for a field of the form; choose "
        "another code",
        "Dimension B, indicator A2_note, field code: A2_note ends in _note or _photo, which the form uses for "
        "its own fields",
    ]


def test_every_problem_is_listed_at_once():
    spec = small_spec()
    spec["version"] = 0
    indicator(spec, "A1")["kind"] = "likert"
    indicator(spec, "B1")["bands"][0]["score"] = "banyak"
    indicator(spec, "B2")["options"][1]["label"] = ""
    indicator(spec, "B3")["required"] = "ya"
    assert problems_of(spec) == [
        "Instrument, field version: must be a whole number of at least 1",
        "Dimension A, indicator A1, field kind: unknown kind 'likert'; expected one of scale, number, yes_no, "
        "choice, text",
        "Dimension B, indicator B1, field bands[1].score: must be a number, got 'banyak'",
        "Dimension B, indicator B2, field options[2].label: is required",
        "Dimension B, indicator B3, field required: must be true or false",
    ]


def test_numbers_must_fit_the_database_columns():
    spec = small_spec()
    spec["dimensions"][0]["weight"] = "0.12345"
    indicator(spec, "B1")["max_value"] = "100.125"
    assert problems_of(spec) == [
        "Dimension A, field weight: must have at most 4 decimal places and 4 digits before the point",
        "Dimension B, indicator B1, field max_value: must have at most 2 decimal places and 12 digits before the "
        "point",
    ]
