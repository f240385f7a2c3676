"""The default instrument: its data file, what migration 0002 installed from it, and its content."""

import hashlib
import json
from collections import Counter
from decimal import Decimal

import pytest
from django.utils import translation

from inkubator.assessment import services
from inkubator.assessment.default_instrument import default_instrument_spec
from inkubator.assessment.instrument_io import validate_spec
from inkubator.assessment.models import Instrument
from inkubator.assessment.tests.instrument_specs import DEFAULT_INSTRUMENT, all_indicators

# sha256 of the default instrument's spec as the module `default_instrument.py` held it in Python before it
# became the data file (canonical JSON: sorted keys, no spaces, UTF-8). Migration 0002 installed that
# instrument, so the file must keep describing exactly it.
MODULE_SPEC_SHA256 = "d3aa8e1b6e3b603dd76db9da03e6e08fda14ed574c3a9d71f81e25d905b37025"


@pytest.fixture(autouse=True)
def english():
    """Messages are English source strings; pin the language so a future translation cannot change them."""
    with translation.override("en"):
        yield


def test_default_instrument_validates_with_the_announced_shape():
    spec = validate_spec(DEFAULT_INSTRUMENT)

    assert spec["code"] == "kesiapan-blkk"
    assert spec["version"] == 1
    assert spec["name"] == "Kesiapan BLK Komunitas sebagai Inkubator Wirausaha"
    assert (
        "Permenkop UKM 3/2021" in spec["description"]
        and "BUKAN instrumen resmi Kemnaker" in spec["description"]
    )
    assert "NOT an official Kemnaker instrument" in spec["description_en"]
    assert [d["code"] for d in spec["dimensions"]] == list("ABCDEFGH")
    assert [d["weight"] for d in spec["dimensions"]] == [Decimal("0.15")] * 4 + [Decimal("0.10")] * 4
    assert sum(d["weight"] for d in spec["dimensions"]) == Decimal("1")
    assert [len(d["indicators"]) for d in spec["dimensions"]] == [5, 4, 5, 6, 4, 3, 5, 4]
    n = sum(len(d["indicators"]) for d in spec["dimensions"])
    assert n == 36 and 30 <= n <= 40
    assert Counter(i["kind"] for _d, i in all_indicators(spec)) == {
        "scale": 20,
        "number": 6,
        "yes_no": 5,
        "choice": 2,
        "text": 3,
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
            assert len(option["label"]) >= 10 and len(option["label_en"]) >= 10, (
                ind["code"],
                option["value"],
            )
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
    numbers = {
        c: (i["unit"], i["min_value"], i["max_value"], len(i["bands"]))
        for c, i in by_code.items()
        if i["kind"] == "number"
    }
    assert numbers == {
        "B1": ("orang", Decimal("0"), Decimal("100"), 4),
        "B4": ("orang", Decimal("0"), Decimal("100"), 3),
        "C1": ("m²", Decimal("0"), Decimal("10000"), 4),
        "G2": ("orang", Decimal("0"), Decimal("5000"), 4),
        "G3": ("orang", Decimal("0"), Decimal("5000"), 4),
        "H1": ("km", Decimal("0"), Decimal("500"), 4),
    }
    assert [(b["lower"], b["upper"], b["score"]) for b in by_code["H1"]["bands"]] == [
        (Decimal("0"), Decimal("5"), Decimal("3")),
        (Decimal("5"), Decimal("15"), Decimal("2")),
        (Decimal("15"), Decimal("30"), Decimal("1")),
        (Decimal("30"), None, Decimal("0")),
    ]
    assert [o["value"] for o in by_code["A2"]["options"]] == [
        "yayasan",
        "perkumpulan",
        "koperasi",
        "serikat",
        "belum_bh",
        "tidak_ada",
    ]
    assert {c: i["weight"] for c, i in by_code.items() if i["weight"] not in (0, 1)} == {
        "A1": Decimal("2"),
        "B1": Decimal("2"),
        "D1": Decimal("2"),
    }
    assert sum(1 for i in by_code.values() if i["evidence_required"]) == 30


def test_the_data_file_holds_exactly_the_spec_the_module_held():
    canonical = json.dumps(
        default_instrument_spec(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    assert hashlib.sha256(canonical.encode()).hexdigest() == MODULE_SPEC_SHA256


def test_every_load_is_a_fresh_copy():
    spec = default_instrument_spec()
    spec["dimensions"].clear()
    assert len(default_instrument_spec()["dimensions"]) == 8


@pytest.mark.django_db
def test_migration_installed_exactly_the_loaded_spec():
    installed = Instrument.objects.get(code="kesiapan-blkk", version=1)
    assert validate_spec(services.instrument_to_spec(installed)) == validate_spec(default_instrument_spec())
