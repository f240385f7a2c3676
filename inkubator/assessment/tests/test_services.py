"""The assessment workflow through the services: instruments, rounds, answers, evidence, review, scores."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from inkubator.assessment import services
from inkubator.assessment.models import Answer, Assessment, Evidence, Instrument, Transition
from inkubator.assessment.tests.conftest import HAND_ANSWERS, PNG, SMALL_SPEC
from inkubator.core.models import AuditEntry
from inkubator.core.services import StaleEdit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Service messages are compared in English (the source language); pages are tested in Indonesian."""
    with translation.override("en"):
        yield


def _assessment(round_, registry, key="sby"):
    return Assessment.objects.get(round=round_, centre=registry[key])


def _png(name="foto.png", data=PNG):
    return SimpleUploadedFile(name, data, content_type="image/png")


def _fill_and_submit(users, assessment):
    a = services.assessment_save(actor=users["assessor"], assessment=assessment, answers=HAND_ANSWERS)
    services.evidence_add(actor=users["assessor"], assessment=a, indicator_code="A1", upload=_png())
    return services.assessment_submit(actor=users["assessor"], assessment=Assessment.objects.get(pk=a.pk))


def test_instrument_round_trip_and_freeze(users, instrument, round_):
    assert instrument.indicators.count() == 5
    assert services.instrument_to_spec(instrument)["dimensions"][1]["indicators"][1]["bands"][3] == {
        "lower": D("6.00"),
        "upper": None,
        "score": D("4.0000"),
    }
    instrument.refresh_from_db()
    assert instrument.is_frozen  # the round froze it
    with pytest.raises(ValidationError, match="cannot change"):
        services.instrument_replace(actor=users["researcher"], instrument=instrument, spec=SMALL_SPEC)
    copy = services.instrument_new_version(actor=users["researcher"], instrument=instrument)
    assert (copy.code, copy.version, copy.previous_id, copy.is_frozen) == (
        "uji-kecil",
        2,
        instrument.pk,
        False,
    )
    assert copy.indicators.count() == 5


def test_only_instrument_managers_create_instruments(users):
    before = Instrument.objects.count()
    with pytest.raises(PermissionDenied):
        services.instrument_create_from_spec(actor=users["assessor"], spec={**SMALL_SPEC, "code": "lain"})
    assert Instrument.objects.count() == before


def test_draft_scores_from_answers(users, registry, round_):
    a = services.assessment_save(
        actor=users["assessor"], assessment=_assessment(round_, registry), answers=HAND_ANSWERS
    )
    a.refresh_from_db()
    assert a.status == "draft"
    assert a.composite_score == D("66.67")
    assert a.dimension_scores == {"A": "50.00", "B": "91.67"}
    assert a.readiness_class == "assisted"
    assert Answer.objects.get(assessment=a, indicator__code="B1").score == D("66.67")
    assert list(Transition.objects.filter(assessment=a).values_list("from_status", "to_status")) == [
        ("assigned", "draft")
    ]


def test_thresholds_change_reclassifies(users, registry, round_):
    a = services.assessment_save(
        actor=users["assessor"], assessment=_assessment(round_, registry), answers=HAND_ANSWERS
    )
    services.round_update(actor=users["researcher"], round=round_, data={"threshold_ready": D(65)})
    a.refresh_from_db()
    assert (a.composite_score, a.readiness_class) == (D("66.67"), "ready")
    entry = AuditEntry.objects.get(object_id=str(a.pk), content_type__model="assessment", action="rescore")
    assert (entry.actor, entry.changes) == (users["researcher"], {"readiness_class": ["assisted", "ready"]})
    services.round_update(
        actor=users["researcher"], round=round_, data={"threshold_ready": D(80), "threshold_assisted": D(67)}
    )
    a.refresh_from_db()
    assert a.readiness_class == "not_ready"


def test_invalid_answers_refused_whole(users, registry, round_):
    a = _assessment(round_, registry)
    services.assessment_save(actor=users["assessor"], assessment=a, answers={"A1": {"value": "3"}})
    with pytest.raises(ValidationError) as error:
        services.assessment_save(
            actor=users["assessor"],
            assessment=a,
            answers={
                "A1": {"value": "5"},
                "B2": {"number": "51"},
                "B1": {"value": "pt"},
                "A2": {"value": "yes"},
                "Z9": {"value": "1"},
            },
        )
    assert error.value.message_dict == {
        "B2": ["B2: Enter a number of at most 50."],
        "B1": ["B1: Choose one of the listed options."],
        "Z9": ["Unknown indicator Z9."],
    }
    assert Answer.objects.get(assessment=a, indicator__code="A1").value == "3"  # nothing written
    assert not Answer.objects.filter(assessment=a, indicator__code="A2").exists()
    with pytest.raises(ValidationError) as error:
        services.assessment_save(actor=users["assessor"], assessment=a, answers={"B2": {"number": "tujuh"}})
    assert error.value.message_dict == {"B2": ["B2: enter a number."]}


def test_stale_save_is_refused(users, registry, round_):
    a = _assessment(round_, registry)
    opened = a.version
    services.assessment_save(
        actor=users["assessor"], assessment=a, answers={"A1": {"value": "5"}}, expected_version=opened
    )
    with pytest.raises(StaleEdit, match="Someone saved this assessment"):
        services.assessment_save(
            actor=users["assessor"], assessment=a, answers={"A1": {"value": "1"}}, expected_version=opened
        )
    assert Answer.objects.get(assessment=a, indicator__code="A1").value == "5"


def test_submit_needs_required_answers_and_evidence(users, registry, round_):
    a = _assessment(round_, registry)
    services.assessment_save(
        actor=users["assessor"], assessment=a, answers={"A1": {"value": "4"}, "B2": {"number": "2"}}
    )
    with pytest.raises(ValidationError) as error:
        services.assessment_submit(actor=users["assessor"], assessment=a)
    assert error.value.message_dict == {
        "A1": ["A1: attach a photo or PDF as evidence."],
        "A2": ["A2: an answer is required."],
        "B1": ["B1: an answer is required."],
    }
    a.refresh_from_db()
    assert a.status == "draft" and a.submitted_at is None


def test_review_cycle(users, registry, round_):
    a = _fill_and_submit(users, _assessment(round_, registry))
    assert a.status == "submitted"
    with pytest.raises(PermissionDenied):  # an assessor cannot review
        services.assessment_verify(actor=users["assessor"], assessment=a)
    with pytest.raises(ValidationError, match="Say why each returned indicator"):
        services.assessment_return(actor=users["researcher"], assessment=a, indicators={"B2": ""})
    a = services.assessment_return(
        actor=users["researcher"],
        assessment=a,
        indicators={"B2": "Hitung ulang: hanya pengelola purna waktu."},
    )
    assert a.status == "returned"
    answer = Answer.objects.get(assessment=a, indicator__code="B2")
    assert (answer.returned, answer.return_comment) == (True, "Hitung ulang: hanya pengelola purna waktu.")
    with pytest.raises(ValidationError) as error:  # unchanged returned answer blocks resubmission
        services.assessment_submit(actor=users["assessor"], assessment=a)
    assert error.value.message_dict == {
        "B2": ["B2: the reviewer returned this answer; change it before submitting."]
    }
    a = services.assessment_save(actor=users["assessor"], assessment=a, answers={"B2": {"number": "4"}})
    a = services.assessment_submit(actor=users["assessor"], assessment=a)
    a = services.assessment_verify(actor=users["researcher"], assessment=a)
    a.refresh_from_db()
    assert a.status == "verified" and a.reviewer == users["researcher"]
    # B2 = 4 → band [3, 6) → 2 of 0..4 points = 50; B = (66.67 + 3·50)/4 = 54.17; R = 0.6·50 + 0.4·54.166… = 51.67
    assert (a.composite_score, a.readiness_class) == (D("51.67"), "assisted")
    assert list(Transition.objects.filter(assessment=a).values_list("to_status", "actor__username")) == [
        ("draft", "asesor1"),
        ("submitted", "asesor1"),
        ("returned", "peneliti1"),
        ("submitted", "asesor1"),
        ("verified", "peneliti1"),
    ]
    actions = list(
        AuditEntry.objects.filter(object_id=str(a.pk), content_type__model="assessment")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["assign", "update", "submit", "return", "submit", "verify"]
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.assessment_save(actor=users["assessor"], assessment=a, answers={"A1": {"value": "1"}})


def test_other_users_cannot_fill(users, registry, round_):
    a = _assessment(round_, registry)
    with pytest.raises(PermissionDenied):
        services.assessment_save(actor=users["researcher"], assessment=a, answers={"A1": {"value": "1"}})
    assert not Answer.objects.filter(assessment=a).exists()


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("kosong.png", b"", "kosong.png is empty."),
        ("skrip.png", b"<script>alert(1)</script>", "skrip.png is not a photo (JPEG, PNG, WebP) or a PDF."),
        (
            "dokumen.docx",
            b"PK\x03\x04" + b"\x00" * 40,
            "dokumen.docx is not a photo (JPEG, PNG, WebP) or a PDF.",
        ),
    ],
)
def test_bad_evidence_refused(users, registry, round_, name, data, message):
    a = _assessment(round_, registry)
    with pytest.raises(ValidationError) as error:
        services.evidence_add(
            actor=users["assessor"], assessment=a, indicator_code="A1", upload=_png(name, data)
        )
    assert error.value.message_dict == {"file": [message]}
    assert not Evidence.objects.exists()


def test_oversized_and_duplicate_evidence_refused(users, registry, round_, settings):
    a = _assessment(round_, registry)
    settings.INKUBATOR_EVIDENCE_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError) as error:
        services.evidence_add(
            actor=users["assessor"],
            assessment=a,
            indicator_code="A1",
            upload=_png("besar.png", PNG + b"\x00" * (1024 * 1024)),
        )
    assert error.value.message_dict == {"file": ["besar.png is larger than 1 MB."]}
    evidence = services.evidence_add(
        actor=users["assessor"], assessment=a, indicator_code="A1", upload=_png("a.pdf", b"%PDF-1.4\n%%EOF")
    )
    assert (evidence.content_type, evidence.size, evidence.original_name) == ("application/pdf", 14, "a.pdf")
    assert evidence.file.name.endswith(".pdf") and "a.pdf" not in evidence.file.name
    with pytest.raises(ValidationError, match="already attached to A1"):
        services.evidence_add(
            actor=users["assessor"],
            assessment=a,
            indicator_code="A1",
            upload=_png("b.pdf", b"%PDF-1.4\n%%EOF"),
        )
    assert Evidence.objects.count() == 1


def test_balanced_assignment(users, registry, instrument):
    from inkubator.access.tests.factories import make_user

    second = make_user("asesor2", "assessor")
    rnd = services.round_create(
        actor=users["national_admin"],
        centres=list(registry.values()),
        data={
            "name": "Nasional",
            "instrument": instrument,
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": datetime.date(2026, 2, 1),
        },
    )
    created = services.round_assign_balanced(
        actor=users["national_admin"], round=rnd, assessors=[users["assessor"], second], per_centre=1
    )
    assert len(created) == 5
    # Centres in province order (11 aceh, 32 bgr, 35 mlg, 35 sby, 51 bali); loads stay within one of each
    # other and Jawa Timur's two centres go to the assessor already working there.
    assert sorted(Assessment.objects.filter(round=rnd).values_list("centre__code", "assessor__username")) == [
        ("2011000001", "asesor1"),
        ("2032000001", "asesor2"),
        ("2035000001", "asesor1"),
        ("2035000002", "asesor1"),
        ("2051000001", "asesor2"),
    ]
    assert (
        services.round_assign_balanced(
            actor=users["national_admin"], round=rnd, assessors=[users["assessor"], second]
        )
        == []
    )
    with pytest.raises(ValidationError, match="at least 2 active field assessors"):
        services.round_assign_balanced(
            actor=users["national_admin"], round=rnd, assessors=[second], per_centre=2
        )


def test_round_outside_scope_refused(users, registry, instrument):
    with pytest.raises(ValidationError, match="outside your scope"):
        services.round_create(
            actor=users["researcher"],
            centres=[registry["aceh"]],
            data={
                "name": "Luar",
                "instrument": instrument,
                "starts_on": datetime.date(2026, 1, 1),
                "ends_on": datetime.date(2026, 2, 1),
            },
        )
    assert not instrument.rounds.exists()


def test_visibility(users, registry, round_):
    a = _fill_and_submit(users, _assessment(round_, registry))
    visible = {
        role: set(Assessment.objects.visible_to(u, "assessment.view").values_list("pk", flat=True))
        for role, u in users.items()
    }
    both = set(Assessment.objects.filter(round=round_).values_list("pk", flat=True))
    assert visible["assessor"] == both
    assert visible["researcher"] == both
    assert visible["national_admin"] == both
    # viewers, officers and managers never see work in progress
    assert visible["national_viewer"] == set() and visible["centre_manager"] == set()
    assert visible["regional_officer"] == set()
    services.assessment_verify(actor=users["researcher"], assessment=a)
    assert set(
        Assessment.objects.visible_to(users["centre_manager"], "assessment.view").values_list("pk", flat=True)
    ) == {a.pk}
    assert set(
        Assessment.objects.visible_to(users["regional_officer"], "assessment.view").values_list(
            "pk", flat=True
        )
    ) == {a.pk}
    assert not Assessment.objects.visible_to(users["no_scope"], "assessment.view").exists()


def test_assignment_stays_within_the_managers_scope(users, registry, instrument):
    rnd = services.round_create(
        actor=users["national_admin"],
        centres=list(registry.values()),
        data={
            "name": "Nasional",
            "instrument": instrument,
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": datetime.date(2026, 2, 1),
        },
    )
    researcher = users["researcher"]  # cluster: sby and bali only
    with pytest.raises(PermissionDenied):
        services.round_assign(
            actor=researcher, round=rnd, centre=registry["aceh"], assessor=users["assessor"]
        )
    assert not Assessment.objects.filter(round=rnd).exists()
    created = services.round_assign_balanced(actor=researcher, round=rnd, assessors=[users["assessor"]])
    assert sorted(a.centre.code for a in created) == ["2035000001", "2051000001"]
    assert Assessment.objects.filter(round=rnd).count() == 2
