"""A finished round over the shared registry (five centres, all verified), built through the services; runs
over it (`run`, `assessed`); English messages (`english`)."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from inkubator.assessment import services as assessment_services
from inkubator.assessment.tests.conftest import PNG, SMALL_SPEC
from inkubator.centres.models import Grant
from inkubator.centres.tests.factories import CentreFactory
from inkubator.selection import services

from .page_helpers import QUOTA

pytest.register_assert_rewrite("inkubator.selection.tests.cli_helpers")  # its asserts report like a test's

# Answers per centre: (A1 level, A2, B1, B2 staff) → scores by hand (tests/test_scoring.py rules):
#   A = (2·s(A1) + s(A2)) / 3, B = (s(B1) + 3·s(B2)) / 4, R = 0.6 A + 0.4 B
ANSWERS = {
    "sby": ("5", "yes", "yayasan", "7"),  # A 100,    B 100   → R 100
    "mlg": ("4", "no", "koperasi", "4"),  # A 50,     B 54.17 → R 51.67
    "bgr": ("3", "yes", "yayasan", "2"),  # A 66.67,  B 43.75 → R 57.50
    "bali": ("2", "no", "none", "0"),  # A 16.67,  B 0     → R 10
    "aceh": ("4", "yes", "koperasi", "7"),  # A 83.33,  B 91.67 → R 86.67
}


@pytest.fixture
def finished(users, registry):
    """Every centre verified; entrepreneurship aid for all but Bali; the instrument's weights saved."""
    admin = users["national_admin"]
    instrument = assessment_services.instrument_create_from_spec(actor=admin, spec=SMALL_SPEC)
    rnd = assessment_services.round_create(
        actor=admin,
        centres=list(registry.values()),
        data={
            "name": "Pra-identifikasi nasional",
            "instrument": instrument,
            "starts_on": datetime.date(2025, 7, 1),
            "ends_on": datetime.date(2025, 9, 30),
        },
    )
    for key, (a1, a2, b1, b2) in ANSWERS.items():
        a = assessment_services.round_assign(
            actor=admin, round=rnd, centre=registry[key], assessor=users["assessor"]
        )
        a = assessment_services.assessment_save(
            actor=users["assessor"],
            assessment=a,
            answers={"A1": {"value": a1}, "A2": {"value": a2}, "B1": {"value": b1}, "B2": {"number": b2}},
        )
        assessment_services.evidence_add(
            actor=users["assessor"],
            assessment=a,
            indicator_code="A1",
            upload=SimpleUploadedFile("sk.png", PNG),
        )
        a = assessment_services.assessment_submit(actor=users["assessor"], assessment=a)
        assessment_services.assessment_verify(actor=admin, assessment=a)
    for key in ("sby", "bgr", "aceh", "mlg"):
        Grant.objects.create(
            centre=registry[key], kind="entrepreneurship", year=2024, amount=D("50000000"), status="received"
        )
    ws = services.weight_set_create(
        actor=admin, name="Bobot instrumen", instrument=instrument, source="instrument"
    )
    return {"round": rnd, "instrument": instrument, "weights": ws}


@pytest.fixture
def english():
    """Messages of the pure functions and services in English (the msgids), whatever the catalogues hold."""
    with translation.override("en"):
        yield


# The `finished` round: (A, B) dimension scores by hand
#   sby (100, 100) ready · mlg (50, 54.17) assisted · bgr (66.67, 43.75) assisted · bali (16.67, 0) not ready
#   · aceh (83.33, 91.67) ready


@pytest.fixture
def assessed(users, finished):
    """The finished round and a run selecting bgr (32) and sby (35)."""
    admin = users["national_admin"]
    rnd, ws = finished["round"], finished["weights"]
    run = services.run_create(
        actor=admin,
        name="Seleksi 2026",
        rnd=rnd,
        weight_set=ws,
        constraints={
            "n": 2,
            "min_class": "assisted",
            "require_aid": True,
            "max_per_province": {"35": 1},
            "min_per_province": {"32": 1},
        },
        draws=50,
        seed=11,
    )
    # not counted: an inactive centre in Jawa Timur
    CentreFactory(code="2035000009", regency_id="35.78", status="inactive")
    return {"round": rnd, "run": run}


@pytest.fixture
def run(users, finished):
    """A run of the finished round under QUOTA (page_helpers.py), computed for a national admin."""
    return services.run_create(
        actor=users["national_admin"],
        name="Seleksi 2026",
        rnd=finished["round"],
        weight_set=finished["weights"],
        constraints=QUOTA,
        draws=200,
        seed=11,
    )
