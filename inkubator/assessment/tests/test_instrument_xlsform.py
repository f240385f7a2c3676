"""Instrument specs: the XLSForm for ODK Collect / KoboCollect (pyxform converts it) and the submission columns."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation
from pyxform.xls2xform import convert

from inkubator.assessment.instrument_io import (
    META_COLUMNS,
    SUBMISSION_COLUMNS,
    SpecError,
    spec_to_xlsform,
    validate_spec,
)
from inkubator.assessment.tests.instrument_specs import (
    DEFAULT_INSTRUMENT,
    all_indicators,
    indicator,
    small_spec,
)

XF = "{http://www.w3.org/2002/xforms}"


@pytest.fixture(autouse=True)
def english():
    """Messages are English source strings; pin the language so a future translation cannot change them."""
    with translation.override("en"):
        yield


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
            assert by_path[f"{path}_photo"] == {
                "nodeset": f"{path}_photo",
                "type": "binary",
                "{http://openrosa.org/xforms}max-pixels": "1600",
            }
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
    assert (
        "A4. What is the licensing and quality status of the BLK Komunitas as a training provider?"
        in result.xform
    )
    assert "1. Belum memiliki VIN dan belum memiliki izin operasional." in result.xform
    assert "1. No VIN and no operating licence." in result.xform
    assert (
        "C1. Berapa luas ruang di dalam lokasi (in-wall) yang dapat dipakai tenant untuk usahanya? (m²)"
        in result.xform
    )
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
        spec_to_xlsform(
            small_spec(), form_id="bad id", version="", centres=[("2035000001", "A"), ("2035000001", "B")]
        )
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
    assert SUBMISSION_COLUMNS(DEFAULT_INSTRUMENT, suffix="_note")["C1"] == [
        "C-C1_note",
        "C/C1_note",
        "C1_note",
    ]
    assert SUBMISSION_COLUMNS(DEFAULT_INSTRUMENT, suffix="_photo")["C1"] == [
        "C-C1_photo",
        "C/C1_photo",
        "C1_photo",
    ]
    assert META_COLUMNS["location_latitude"] == ["location-Latitude", "_location_latitude"]
