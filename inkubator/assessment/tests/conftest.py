"""A small instrument and a round over the shared registry, built through the services; the round with
verified results (results tests); the fields of the small instrument's XLSForm (submission tests)."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pyxform.xls2xform import convert

from inkubator.access.tests.factories import make_user
from inkubator.assessment import instrument_io, services
from inkubator.assessment.models import Assessment

SMALL_SPEC = {
    "code": "uji-kecil",
    "version": 1,
    "name": "Instrumen uji",
    "name_en": "Test instrument",
    "dimensions": [
        {
            "code": "A",
            "name": "Kelembagaan",
            "name_en": "Institution",
            "weight": "0.6",
            "indicators": [
                {
                    "code": "A1",
                    "kind": "scale",
                    "question": "Kejelasan SK pendirian inkubator",
                    "question_en": "Clarity of the incubator's founding decree",
                    "weight": "2",
                    "required": True,
                    "evidence_required": True,
                    "options": [
                        {"value": str(v), "label": f"Tingkat {v}", "label_en": f"Level {v}", "score": str(v)}
                        for v in range(1, 6)
                    ],
                },
                {
                    "code": "A2",
                    "kind": "yes_no",
                    "question": "Lembaga memiliki NIB",
                    "question_en": "Host has an NIB",
                    "weight": "1",
                    "required": True,
                    "evidence_required": False,
                    "options": [
                        {"value": "yes", "label": "Ya", "label_en": "Yes", "score": "1"},
                        {"value": "no", "label": "Tidak", "label_en": "No", "score": "0"},
                    ],
                },
            ],
        },
        {
            "code": "B",
            "name": "Sumber daya",
            "name_en": "Resources",
            "weight": "0.4",
            "indicators": [
                {
                    "code": "B1",
                    "kind": "choice",
                    "question": "Bentuk badan hukum lembaga",
                    "question_en": "Legal form of the host",
                    "weight": "1",
                    "required": True,
                    "evidence_required": False,
                    "options": [
                        {"value": "yayasan", "label": "Yayasan", "label_en": "Foundation", "score": "3"},
                        {"value": "koperasi", "label": "Koperasi", "label_en": "Cooperative", "score": "2"},
                        {"value": "none", "label": "Belum berbadan hukum", "label_en": "None", "score": "0"},
                    ],
                },
                {
                    "code": "B2",
                    "kind": "number",
                    "question": "Jumlah pengelola purna waktu",
                    "question_en": "Full-time staff",
                    "weight": "3",
                    "required": True,
                    "evidence_required": False,
                    "unit": "orang",
                    "unit_en": "people",
                    "min_value": "0",
                    "max_value": "50",
                    "bands": [
                        {"lower": None, "upper": "1", "score": "0"},
                        {"lower": "1", "upper": "3", "score": "1"},
                        {"lower": "3", "upper": "6", "score": "2"},
                        {"lower": "6", "upper": None, "score": "4"},
                    ],
                },
                {
                    "code": "B3",
                    "kind": "text",
                    "question": "Catatan lain",
                    "question_en": "Other notes",
                    "weight": "0",
                    "required": False,
                    "evidence_required": False,
                },
            ],
        },
    ],
}

# The answers of tests/test_scoring.py::test_assessment_sheet_by_hand: index 66.67, "assisted".
HAND_ANSWERS = {
    "A1": {"value": "4"},
    "A2": {"value": "no"},
    "B1": {"value": "koperasi"},
    "B2": {"number": "7"},
    "B3": {"text": "Pengelola aktif."},
}

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def instrument(users):
    return services.instrument_create_from_spec(actor=users["researcher"], spec=SMALL_SPEC)


@pytest.fixture
def round_(users, registry, instrument):
    """A round over the researcher's cluster (sby, bali); the assessor assigned to both."""
    rnd = services.round_create(
        actor=users["researcher"],
        centres=[registry["sby"], registry["bali"]],
        data={
            "name": "Pra-identifikasi uji",
            "instrument": instrument,
            "starts_on": datetime.date(2026, 1, 5),
            "ends_on": datetime.date(2026, 3, 31),
            "due_on": datetime.date(2026, 3, 1),
        },
    )
    for key in ("sby", "bali"):
        services.round_assign(
            actor=users["researcher"], round=rnd, centre=registry[key], assessor=users["assessor"]
        )
    return rnd


# --- a round with verified results (the results tests) ---------------------------------------------
# Given: the small instrument above (A: A1 scale 1–5 ×2, A2 yes/no ×1, weight 0.6; B: B1 choice 0/2/3 ×1,
# B2 number bands 0/1/2/4 ×3, B3 text, weight 0.4) and the round over sby and bali. Two assessors
# (asesor1, asesor2) of the same cluster both assess sby; asesor1 also assesses bali.

# asesor1 on sby (HAND_ANSWERS): A1=4 → 75, A2=no → 0, B1=koperasi → 66.67, B2=7 → 100;
#   A = (2·75 + 0)/3 = 50, B = (66.67 + 3·100)/4 = 91.67, index = 0.6·50 + 0.4·91.67 = 66.67 (assisted).
# asesor2 on sby (SECOND): A1=2 → 25, A2=yes → 100, B1=koperasi → 66.67, B2=2 → band [1,3) = 1 of 4 → 25;
#   A = (2·25 + 100)/3 = 50, B = (66.67 + 3·25)/4 = 35.42, index = 30 + 14.17 = 44.17 (not ready).
SECOND = {"A1": {"value": "2"}, "A2": {"value": "yes"}, "B1": {"value": "koperasi"}, "B2": {"number": "2"}}
# asesor2 on bali (used where bali is verified too): A1=5 → 100, A2=no → 0, B1=yayasan → 100, B2=7 → 100.
BALI_SECOND = {"A1": {"value": "5"}, "A2": {"value": "no"}, "B1": {"value": "yayasan"}, "B2": {"number": "7"}}


def complete(users, assessor, assessment, answers, *, verify=True):
    """Fill in, attach the required evidence, submit and (optionally) verify, through the services."""
    a = services.assessment_save(actor=assessor, assessment=assessment, answers=answers)
    services.evidence_add(
        actor=assessor,
        assessment=a,
        indicator_code="A1",
        upload=SimpleUploadedFile(f"sk-{assessor.username}.png", PNG, content_type="image/png"),
    )
    a = services.assessment_submit(actor=assessor, assessment=Assessment.objects.get(pk=a.pk))
    if verify:
        a = services.assessment_verify(actor=users["researcher"], assessment=a)
    return a


@pytest.fixture
def cluster(users):
    return users["assessor"].scope_grants.get(kind="cluster").cluster


@pytest.fixture
def asesor2(cluster):
    return make_user("asesor2", "assessor", cluster=cluster)


@pytest.fixture
def done(users, registry, round_, asesor2):
    """sby verified by asesor1 and asesor2; bali submitted by asesor1 but not verified."""
    services.round_assign(actor=users["researcher"], round=round_, centre=registry["sby"], assessor=asesor2)
    sby = {a.assessor_id: a for a in Assessment.objects.filter(round=round_, centre=registry["sby"])}
    complete(users, users["assessor"], sby[users["assessor"].pk], HAND_ANSWERS)
    complete(users, asesor2, sby[asesor2.pk], SECOND)
    bali = Assessment.objects.get(round=round_, centre=registry["bali"])
    complete(users, users["assessor"], bali, HAND_ANSWERS, verify=False)
    return round_


@pytest.fixture
def both(users, registry, done, asesor2):
    """As `done`, and bali verified by asesor1 and asesor2 too."""
    services.round_assign(actor=users["researcher"], round=done, centre=registry["bali"], assessor=asesor2)
    bali1 = Assessment.objects.get(round=done, centre=registry["bali"], assessor=users["assessor"])
    services.assessment_verify(actor=users["researcher"], assessment=bali1)
    bali2 = Assessment.objects.get(round=done, centre=registry["bali"], assessor=asesor2)
    complete(users, asesor2, bali2, BALI_SECOND)
    return done


# --- the XLSForm of the small instrument (the submission tests) -------------------------------------

XF = "{http://www.w3.org/2002/xforms}"


@pytest.fixture
def fields():
    """The form's fields as pyxform compiles our XLSForm: {"lists": paths, "plain": paths} (without /data/)."""
    result = {}
    for flavour, people in (
        (
            "lists",
            {
                "centres": [("2035000001", "Nurul Huda"), ("2051000001", "Widya Dharma")],
                "assessors": [("asesor1", "Siti")],
            },
        ),
        ("plain", {}),
    ):
        xlsform = instrument_io.spec_to_xlsform(SMALL_SPEC, form_id="uji_kecil_v1", version="1", **people)
        root = ET.fromstring(convert(xlsform=xlsform).xform)
        result[flavour] = [b.get("nodeset").removeprefix("/data/") for b in root.iter(f"{XF}bind")]
    assert result["lists"] == [
        "start",
        "end",
        "instrument_code",
        "instrument_version",
        "centre",
        "assessor",
        "location",
        "A/A1",
        "A/A1_note",
        "A/A1_photo",
        "A/A2",
        "A/A2_note",
        "B/B1",
        "B/B1_note",
        "B/B2",
        "B/B2_note",
        "B/B3",
        "B/B3_note",
        "meta/instanceID",
        "meta/instanceName",
    ]
    assert result["plain"][4] == "centre_code"
    return result
