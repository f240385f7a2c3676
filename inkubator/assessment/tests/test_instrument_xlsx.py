"""Instrument specs: the editable XLSX round trip (exact values, formula safety, errors by sheet, row, column)."""

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation
from python_calamine import CalamineWorkbook

from inkubator.assessment.instrument_io import SpecError, spec_from_xlsx, spec_to_xlsx, validate_spec
from inkubator.assessment.tests.instrument_specs import DEFAULT_INSTRUMENT, HOSTILE, indicator, small_spec


@pytest.fixture(autouse=True)
def english():
    """Messages are English source strings; pin the language so a future translation cannot change them."""
    with translation.override("en"):
        yield


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
    assert indicator(back, "B1")["bands"][0] == {
        "lower": None,
        "upper": Decimal("-2.5"),
        "score": Decimal("-1.0625"),
    }


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
    again = (
        CalamineWorkbook.from_filelike(io.BytesIO(spec_to_xlsx(spec)))
        .get_sheet_by_name("options")
        .to_python()
    )
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
    assert xlsx_problems(edited(lambda book: book.remove(book["bands"]))) == [
        "Sheet bands: the sheet is missing"
    ]
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
    assert xlsx_problems(b"PK\x03\x04 broken") == [
        "The file looks like a damaged XLSX workbook and cannot be read."
    ]


def test_writing_an_invalid_spec_is_refused():
    spec = small_spec()
    indicator(spec, "A1")["question"] = ""
    with pytest.raises(SpecError):
        spec_to_xlsx(spec)
