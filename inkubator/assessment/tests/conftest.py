"""A small instrument and a round over the shared registry, built through the services."""

import datetime

import pytest

from inkubator.assessment import services

SMALL_SPEC = {
    "code": "uji-kecil",
    "version": 1,
    "name": "Instrumen uji",
    "name_en": "Test instrument",
    "dimensions": [
        {
            "code": "A", "name": "Kelembagaan", "name_en": "Institution", "weight": "0.6",
            "indicators": [
                {
                    "code": "A1", "kind": "scale", "question": "Kejelasan SK pendirian inkubator",
                    "question_en": "Clarity of the incubator's founding decree", "weight": "2",
                    "required": True, "evidence_required": True,
                    "options": [
                        {"value": str(v), "label": f"Tingkat {v}", "label_en": f"Level {v}", "score": str(v)}
                        for v in range(1, 6)
                    ],
                },
                {
                    "code": "A2", "kind": "yes_no", "question": "Lembaga memiliki NIB", "question_en": "Host has an NIB",
                    "weight": "1", "required": True, "evidence_required": False,
                    "options": [
                        {"value": "yes", "label": "Ya", "label_en": "Yes", "score": "1"},
                        {"value": "no", "label": "Tidak", "label_en": "No", "score": "0"},
                    ],
                },
            ],
        },
        {
            "code": "B", "name": "Sumber daya", "name_en": "Resources", "weight": "0.4",
            "indicators": [
                {
                    "code": "B1", "kind": "choice", "question": "Bentuk badan hukum lembaga",
                    "question_en": "Legal form of the host", "weight": "1", "required": True,
                    "evidence_required": False,
                    "options": [
                        {"value": "yayasan", "label": "Yayasan", "label_en": "Foundation", "score": "3"},
                        {"value": "koperasi", "label": "Koperasi", "label_en": "Cooperative", "score": "2"},
                        {"value": "none", "label": "Belum berbadan hukum", "label_en": "None", "score": "0"},
                    ],
                },
                {
                    "code": "B2", "kind": "number", "question": "Jumlah pengelola purna waktu",
                    "question_en": "Full-time staff", "weight": "3", "required": True, "evidence_required": False,
                    "unit": "orang", "unit_en": "people", "min_value": "0", "max_value": "50",
                    "bands": [
                        {"lower": None, "upper": "1", "score": "0"},
                        {"lower": "1", "upper": "3", "score": "1"},
                        {"lower": "3", "upper": "6", "score": "2"},
                        {"lower": "6", "upper": None, "score": "4"},
                    ],
                },
                {
                    "code": "B3", "kind": "text", "question": "Catatan lain", "question_en": "Other notes",
                    "weight": "0", "required": False, "evidence_required": False,
                },
            ],
        },
    ],
}

# The answers of tests/test_scoring.py::test_assessment_sheet_by_hand: index 66.67, "assisted".
HAND_ANSWERS = {
    "A1": {"value": "4"}, "A2": {"value": "no"}, "B1": {"value": "koperasi"}, "B2": {"number": "7"},
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
        actor=users["researcher"], centres=[registry["sby"], registry["bali"]],
        data={
            "name": "Pra-identifikasi uji", "instrument": instrument, "starts_on": datetime.date(2026, 1, 5),
            "ends_on": datetime.date(2026, 3, 31), "due_on": datetime.date(2026, 3, 1),
        },
    )
    for key in ("sby", "bali"):
        services.round_assign(actor=users["researcher"], round=rnd, centre=registry[key], assessor=users["assessor"])
    return rnd
