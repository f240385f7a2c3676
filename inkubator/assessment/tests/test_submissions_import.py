"""Field submissions from KoboToolbox and ODK Central: files shaped like the servers' exports of the XLSForm we
generate, imported exactly (every flavour), with the statuses, scores and escaping of the web form."""

import datetime
from decimal import Decimal as D

import pytest
from django.utils import translation

from inkubator.assessment import services
from inkubator.assessment.models import Answer, Assessment, Transition
from inkubator.assessment.tests.conftest import HAND_ANSWERS
from inkubator.assessment.tests.submission_exports import (
    EXPECTED_BALI,
    EXPECTED_SBY,
    FIRST_ROW,
    FLAVOURS,
    FORMULA,
    HTML,
    SUBMISSIONS,
    UUID_BALI,
    UUID_SBY,
    attach_sk,
    counts,
    kobo_csv,
    run,
    stored,
    sub,
    texts,
)
from inkubator.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


# --- the must-show: what the row said is what is stored ----------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_export_imports_exactly_what_the_rows_said(users, registry, round_, fields, flavour):
    # A1's photo is uploaded for sby before the import, so the complete sby row is submitted
    attach_sk(users, Assessment.objects.get(round=round_, centre=registry["sby"]))
    data = FLAVOURS[flavour](fields, SUBMISSIONS)
    before = counts()
    check = run(users, round_, data, dry_run=True)
    assert check.file_error == "" and texts(check) == []
    assert check.preview == [
        {
            "row": FIRST_ROW[flavour],
            "submission": f"uuid:{UUID_SBY}",
            "centre": "2035000001",
            "centre_name": "BLK Komunitas Nurul Huda",
            "assessor": "asesor1",
            "answers": 5,
            "status": "submitted",
        },
        {
            "row": FIRST_ROW[flavour] + 1,
            "submission": f"uuid:{UUID_BALI}",
            "centre": "2051000001",
            "centre_name": "BLK Komunitas Widya Dharma",
            "assessor": "asesor1",
            "answers": 3,
            "status": "draft",
        },
    ]
    assert (check.rows, check.counts["submitted"], check.counts["draft"], check.ignored_columns) == (
        2,
        1,
        1,
        [],
    )
    assert counts() == before  # a dry run writes nothing

    report = run(users, round_, data)
    assert report.committed and texts(report) == []
    sby = Assessment.objects.get(round=round_, centre=registry["sby"])
    bali = Assessment.objects.get(round=round_, centre=registry["bali"])
    assert stored(sby) == EXPECTED_SBY
    assert stored(bali) == EXPECTED_BALI
    assert {k: tuple(map(str, v)) for k, v in stored(sby).items()}["B2"] == ("", "7.00", "", FORMULA)
    assert (sby.status, sby.source, sby.external_id) == ("submitted", "xlsform", f"uuid:{UUID_SBY}")
    assert (bali.status, bali.source, bali.external_id) == ("draft", "xlsform", f"uuid:{UUID_BALI}")
    assert (sby.latitude, sby.longitude, sby.location_accuracy) == (D("-7.257472"), D("112.752088"), D("4.8"))
    assert (bali.latitude, bali.longitude, bali.location_accuracy) == (None, None, None)
    wib, wita = datetime.timezone(datetime.timedelta(hours=7)), datetime.timezone(datetime.timedelta(hours=8))
    assert sby.started_at == datetime.datetime(2026, 2, 3, 8, 15, 2, 125000, tzinfo=wib)
    assert sby.submitted_at == datetime.datetime(2026, 2, 3, 10, 41, 57, 380000, tzinfo=wib)
    assert (bali.started_at, bali.submitted_at) == (datetime.datetime(2026, 2, 5, 9, 0, tzinfo=wita), None)
    assert (sby.composite_score, sby.dimension_scores, sby.readiness_class) == (
        D("66.67"),
        {"A": "50.00", "B": "91.67"},
        "assisted",
    )
    assert list(sby.transitions.values_list("from_status", "to_status", "actor__username", "comment")) == [
        ("assigned", "draft", "peneliti1", f"Imported from the field form (submission uuid:{UUID_SBY})."),
        ("draft", "submitted", "peneliti1", f"Imported from the field form (submission uuid:{UUID_SBY})."),
    ]
    assert list(bali.transitions.values_list("from_status", "to_status")) == [("assigned", "draft")]
    entries = AuditEntry.objects.filter(
        object_id__in=[str(sby.pk), str(bali.pk)], content_type__model="assessment"
    ).exclude(action="assign")
    assert sorted(entries.values_list("object_id", "action")) == sorted(
        [
            (str(sby.pk), "update"),
            (str(sby.pk), "submit"),
            (str(sby.pk), "import"),
            (str(bali.pk), "update"),
            (str(bali.pk), "import"),
        ]
    )
    imported = entries.get(object_id=str(sby.pk), action="import")
    assert imported.changes["answers_imported"] == [None, ["A1", "A2", "B1", "B2", "B3"]]
    assert imported.changes["external_id"] == ["", f"uuid:{UUID_SBY}"]
    assert imported.object_repr == f"assessment #{sby.pk}"  # the assessor's name is not copied into the log


UUID_SBY_AGAIN = "5a7c9e1b-3d2f-4b6a-8c0e-2f4d6b8a0c04"


def test_complete_submission_is_submitted_only_with_the_required_evidence(users, registry, round_, fields):
    """The same complete row: a draft while A1's photo is missing, submitted once it is in the application."""
    sby = Assessment.objects.get(round=round_, centre=registry["sby"])
    bali = Assessment.objects.get(round=round_, centre=registry["bali"])
    attach_sk(users, bali)  # bali's photo is uploaded; sby's is not
    complete = SUBMISSIONS[0]["answers"]
    # the same answers and notes for both centres
    rows = [sub(0), sub(0, uuid=UUID_BALI, centre="2051000001")]
    assert [r["answers"] for r in rows] == [complete, complete]
    data = kobo_csv(fields, rows)

    before = counts()
    check = run(users, round_, data, dry_run=True)
    assert texts(check) == [] and (check.counts["submitted"], check.counts["draft"]) == (1, 1)
    assert [(r["centre"], r["answers"], r["status"]) for r in check.preview] == [
        ("2035000001", 5, "draft"),
        ("2051000001", 5, "submitted"),
    ]
    assert counts() == before

    report = run(users, round_, data)
    assert (
        report.committed
        and texts(report) == []
        and (report.counts["submitted"], report.counts["draft"]) == (1, 1)
    )
    sby.refresh_from_db()
    bali.refresh_from_db()
    assert stored(sby) == EXPECTED_SBY
    assert {k: v[:3] for k, v in stored(bali).items()} == {k: v[:3] for k, v in EXPECTED_SBY.items()}
    assert (sby.status, sby.external_id, sby.submitted_at) == ("draft", f"uuid:{UUID_SBY}", None)
    assert (bali.status, bali.external_id) == ("submitted", f"uuid:{UUID_BALI}")
    wib = datetime.timezone(datetime.timedelta(hours=7))
    assert bali.submitted_at == datetime.datetime(2026, 2, 3, 10, 41, 57, 380000, tzinfo=wib)
    assert list(
        Transition.objects.filter(assessment=sby).values_list(
            "from_status", "to_status", "actor__username", "comment"
        )
    ) == [
        ("assigned", "draft", "peneliti1", f"Imported from the field form (submission uuid:{UUID_SBY})."),
    ]
    assert list(
        Transition.objects.filter(assessment=bali).values_list(
            "from_status", "to_status", "actor__username", "comment"
        )
    ) == [
        ("assigned", "draft", "peneliti1", f"Imported from the field form (submission uuid:{UUID_BALI})."),
        ("draft", "submitted", "peneliti1", f"Imported from the field form (submission uuid:{UUID_BALI})."),
    ]
    # the scores do not depend on the evidence
    assert (
        (sby.composite_score, sby.readiness_class)
        == (bali.composite_score, bali.readiness_class)
        == (D("66.67"), "assisted")
    )

    # once sby's photo is uploaded, the same row submits it (as a new submission id: the first is imported)
    attach_sk(users, sby)
    again = kobo_csv(fields, [sub(0, uuid=UUID_SBY_AGAIN)])
    check = run(users, round_, again, dry_run=True)
    assert texts(check) == [] and (check.counts["submitted"], check.counts["draft"]) == (1, 0)
    assert [(r["centre"], r["answers"], r["status"]) for r in check.preview] == [
        ("2035000001", 5, "submitted")
    ]
    report = run(users, round_, again)
    assert report.committed and texts(report) == []
    sby.refresh_from_db()
    assert (sby.status, sby.external_id) == ("submitted", f"uuid:{UUID_SBY_AGAIN}")
    assert sby.submitted_at == datetime.datetime(2026, 2, 3, 10, 41, 57, 380000, tzinfo=wib)
    assert stored(sby) == EXPECTED_SBY
    assert list(
        Transition.objects.filter(assessment=sby).values_list("from_status", "to_status", "comment")
    ) == [
        ("assigned", "draft", f"Imported from the field form (submission uuid:{UUID_SBY})."),
        ("draft", "submitted", f"Imported from the field form (submission uuid:{UUID_SBY_AGAIN})."),
    ]
    assert Transition.objects.filter(assessment=bali).count() == 2


def test_scores_equal_those_of_the_same_answers_entered_on_the_web(users, registry, round_, fields):
    report = run(users, round_, kobo_csv(fields, [sub(0, A1_note="", B1_note="", B2_note="")]))
    assert report.committed
    imported = Assessment.objects.get(round=round_, centre=registry["sby"])
    typed = services.assessment_save(
        actor=users["assessor"],
        assessment=Assessment.objects.get(round=round_, centre=registry["bali"]),
        answers=HAND_ANSWERS,
    )
    typed.refresh_from_db()
    assert (imported.composite_score, imported.dimension_scores, imported.readiness_class) == (
        typed.composite_score,
        typed.dimension_scores,
        typed.readiness_class,
    )
    assert imported.composite_score == D("66.67")

    def scores(a):
        return dict(Answer.objects.filter(assessment=a).values_list("indicator__code", "score"))

    assert (
        scores(imported)
        == scores(typed)
        == {
            "A1": D("75.00"),
            "A2": D("0.00"),
            "B1": D("66.67"),
            "B2": D("100.00"),
            "B3": None,
        }
    )
    assert {k: v[:3] for k, v in stored(imported).items()} == {k: v[:3] for k, v in stored(typed).items()}


@pytest.mark.parametrize(
    "cell,number",
    [
        ("2,5", D("2.5")),
        ("2.5", D("2.5")),
        (" 12 ", D("12")),
        ("0", D("0")),
        ("50", D("50")),
        ("1e1", D("10")),
    ],
)
def test_decimals_with_point_or_comma(users, registry, round_, fields, cell, number):
    report = run(users, round_, kobo_csv(fields, [sub(0, B2=cell)]))
    assert report.committed, texts(report)
    assert Answer.objects.get(assessment__centre=registry["sby"], indicator__code="B2").number == number


def test_hostile_text_is_stored_as_plain_text_and_escaped_on_pages(client, users, registry, round_, fields):
    report = run(users, round_, kobo_csv(fields, [sub(1, B3=HTML, A1_note='=HYPERLINK("http://x")')]))
    assert report.committed
    bali = Assessment.objects.get(round=round_, centre=registry["bali"])
    assert stored(bali)["B3"] == ("", None, HTML, "")
    assert stored(bali)["A1"] == ("2", None, "", '=HYPERLINK("http://x")')
    assert stored(bali)["A2"][3] == HTML
    client.force_login(users["assessor"])
    page = client.get(f"/asesmen/{bali.pk}/").content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in page
    assert "<script>alert('x')</script>" not in page and "<b>tebal</b>" not in page
