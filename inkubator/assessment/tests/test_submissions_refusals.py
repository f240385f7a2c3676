"""Field submissions refused: by row and column with nothing written, or the whole file (type, size, shape)."""

from decimal import Decimal as D

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation

from inkubator.access.models import Cluster
from inkubator.access.tests.factories import make_user
from inkubator.assessment import services
from inkubator.assessment.models import Answer, Assessment
from inkubator.assessment.tests.conftest import HAND_ANSWERS, PNG
from inkubator.assessment.tests.submission_exports import (
    FORMULA,
    SUBMISSIONS,
    UUID_BALI,
    UUID_SBY,
    attach_sk,
    counts,
    csv_bytes,
    kobo_csv,
    kobo_table,
    odk_csv,
    odk_json,
    png_upload,
    refused,
    run,
    stored,
    sub,
    texts,
    upload,
)
from inkubator.core.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


# --- refusals: by row and column, nothing written -------------------------------------------------------


def test_unknown_centre_and_centre_outside_the_round(users, round_, fields):
    refused(
        users,
        round_,
        kobo_csv(fields, [sub(0, centre="2099000001"), sub(1, centre="2035000002")]),
        [
            "Row 2, column centre: 2099000001 is not a centre of this round.",
            "Row 3, column centre: 2035000002 is not a centre of this round.",
        ],
    )


def test_assessor_must_be_assigned_to_the_centre(users, round_, fields):
    make_user("asesor2", "assessor", cluster=Cluster.objects.get())  # an assessor in scope, not assigned
    refused(
        users,
        round_,
        odk_csv(fields, [sub(0, assessor="asesor2"), sub(1, assessor="asesor9")]),
        [
            "Row 2, column assessor: asesor2 is not an assessor assigned to 2035000001 in this round.",
            "Row 3, column assessor: asesor9 is not an assessor assigned to 2051000001 in this round.",
        ],
    )


def test_assessor_typed_with_a_capital_letter(users, registry, round_, fields):
    report = run(users, round_, odk_csv(fields, [sub(0, assessor="Asesor1")]))
    assert report.committed
    assert Assessment.objects.get(round=round_, centre=registry["sby"]).external_id == f"uuid:{UUID_SBY}"


def test_missing_centre_and_assessor(users, round_, fields):
    refused(
        users,
        round_,
        odk_csv(fields, [sub(0, centre="", assessor=" ")]),
        [
            "Row 2, column centre_code: This field is required.",
            "Row 2, column assessor: This field is required.",
        ],
    )


def test_answers_the_form_does_not_allow(users, round_, fields):
    refused(
        users,
        round_,
        kobo_csv(
            fields,
            [
                sub(0, B2="51", A1="6", A2="Ya"),
                sub(1, B2="tujuh"),
                sub(1, uuid="0d7d8a52-55a1-4d3e-9b55-3e0f2a1c4b03", B2="-1", centre="2035000001"),
            ],
        ),
        [
            "Row 2, column A/A1: “6” is not an option of A1; use one of: 1, 2, 3, 4, 5.",
            "Row 2, column A/A2: “Ya” is not an option of A2; use one of: yes, no.",
            "Row 2, column B/B2: Enter a number of at most 50.",
            "Row 3, column B/B2: “tujuh” is not a number.",
            "Row 4, column centre: Row 2 already holds a submission for 2035000001 by asesor1; keep only one of them.",
            "Row 4, column B/B2: Enter a number of at least 0.",
        ],
    )


def test_odk_headers_are_named_in_errors(users, round_, fields):
    refused(
        users,
        round_,
        odk_csv(fields, [sub(0, B2="50.125"), sub(1, A2_note="x" * 2001)]),
        [
            "Row 2, column B-B2: Ensure that there are no more than 2 decimal places.",
            "Row 3, column A-A2_note: Ensure this value has at most 2000 characters (it has 2001).",
        ],
    )


def test_json_errors_name_the_submission_and_the_field(users, round_, fields):
    refused(
        users,
        round_,
        odk_json(fields, [sub(0, B2="51"), sub(1, centre="2099000001")]),
        [
            "Row 1, column B/B2: Enter a number of at most 50.",
            "Row 2, column centre_code: 2099000001 is not a centre of this round.",
        ],
    )


def test_same_submission_twice_in_one_file(users, round_, fields):
    refused(
        users,
        round_,
        kobo_csv(fields, [sub(0), sub(1, uuid=UUID_SBY)]),
        [
            f"Row 3, column _uuid: Submission uuid:{UUID_SBY} is also on row 2 of this file.",
        ],
    )


def test_same_submission_imported_again_later_from_either_server(users, registry, round_, fields):
    attach_sk(users, Assessment.objects.get(round=round_, centre=registry["sby"]))
    assert run(users, round_, kobo_csv(fields, SUBMISSIONS)).committed
    refused(
        users,
        round_,
        kobo_csv(fields, SUBMISSIONS),
        [
            f"Row 2, column _uuid: Submission uuid:{UUID_SBY} was already imported.",
            "Row 2, column centre: This assessment is already submitted; ask the reviewer to return it first.",
            f"Row 3, column _uuid: Submission uuid:{UUID_BALI} was already imported.",
        ],
    )
    refused(
        users,
        round_,
        odk_json(fields, SUBMISSIONS[1:]),
        [
            f"Row 1, column __id: Submission uuid:{UUID_BALI} was already imported.",
        ],
    )


def test_submitted_assessment_is_refused_until_returned(users, registry, round_, fields):
    assessment = Assessment.objects.get(round=round_, centre=registry["sby"])
    services.assessment_save(actor=users["assessor"], assessment=assessment, answers=HAND_ANSWERS)
    services.evidence_add(
        actor=users["assessor"], assessment=assessment, indicator_code="A1", upload=png_upload()
    )
    services.assessment_submit(actor=users["assessor"], assessment=Assessment.objects.get(pk=assessment.pk))
    refused(
        users,
        round_,
        kobo_csv(fields, [sub(0)]),
        [
            "Row 2, column centre: This assessment is already submitted; ask the reviewer to return it first.",
        ],
    )
    services.assessment_return(
        actor=users["researcher"],
        assessment=Assessment.objects.get(pk=assessment.pk),
        indicators={"B2": "Hitung ulang pengelola purna waktu."},
    )
    report = run(users, round_, kobo_csv(fields, [sub(0, B2="8")]))
    assert report.committed
    assessment.refresh_from_db()
    assert (assessment.status, assessment.external_id) == ("submitted", f"uuid:{UUID_SBY}")
    assert stored(assessment)["B2"] == ("", D("8"), "", FORMULA)
    assert not Answer.objects.filter(assessment=assessment, returned=True).exists()
    assert list(assessment.transitions.values_list("to_status", flat=True)) == [
        "draft",
        "submitted",
        "returned",
        "submitted",
    ]


def test_instrument_of_another_form_is_refused(users, round_, fields):
    data = kobo_csv(fields, [sub(0)]).replace(b";uji-kecil;1;", b";kesiapan-blkk;2;")
    refused(
        users,
        round_,
        data,
        [
            "Row 2, column instrument_code: This submission was made with instrument kesiapan-blkk; this round uses "
            "uji-kecil.",
            "Row 2, column instrument_version: This submission was made with version 2 of the instrument; this round "
            "uses version 1.",
        ],
    )


def test_location_outside_indonesia_and_bad_timestamps(users, round_, fields):
    refused(
        users,
        round_,
        kobo_csv(fields, [sub(0, location=["48.8584", "2.2945", "35", "5"], start="kemarin")]),
        [
            "Row 2, column location: 48.858400, 2.294500 is outside Indonesia.",
            "Row 2, column start: “kemarin” is not a date and time.",
        ],
    )
    refused(
        users,
        round_,
        odk_csv(fields, [sub(0, location=["-7,25", "lintang", "", ""])]),
        [
            "Row 2, column location-Latitude: “-7,25 lintang” is not a location (latitude longitude altitude accuracy).",
        ],
    )


def test_missing_submission_id(users, round_, fields):
    header, rows = kobo_table(fields, [sub(0)])
    rows[0][header.index("_uuid")] = ""
    rows[0][header.index("meta/instanceID")] = ""
    refused(users, round_, csv_bytes(header, rows), ["Row 2, column _uuid: The submission id is missing."])


# --- refusals of the whole file ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,message",
    [
        (PNG, "The file is not an export of submissions (CSV, XLSX or JSON expected)."),
        (b"%PDF-1.7\n1 0 obj", "The file is not an export of submissions (CSV, XLSX or JSON expected)."),
        (b"", "The file is empty."),
        (b"  \r\n ", "The file is empty."),
        (b"start,end,centre,assessor,A/A1,_uuid\r\n", "The file has a header but no data rows."),
        (b'{"results": [', "The file is not valid JSON (line 1, column 14)."),
        (
            b'{"data": []}',
            "The JSON file holds no list of submissions: expected KoboToolbox's “results”, ODK Central's "
            "“value” or a list.",
        ),
        (b'{"results": []}', "The file holds no submissions."),
        (
            b"centre,A/A1\r\n2035000001,4\r\n",
            "Required columns are missing: assessor, KEY / __id / _uuid / meta/instanceID.",
        ),
        (
            b"BLK Komunitas yang dinilai;Nama pengguna asesor;A1. Kejelasan SK pendirian inkubator;_uuid\r\n"
            b"2035000001;asesor1;4;x\r\n",
            "Required columns are missing: centre / centre_code, assessor.",
        ),
        (
            b"centre,assessor,_uuid,A1. Kejelasan SK pendirian inkubator\r\n2035000001,asesor1,x,4\r\n",
            "No column holds an answer to Instrumen uji (v1): the headers must be the form's field names (such as A/A1, "
            "A-A1 or A1), not the question texts.",
        ),
    ],
    ids=[
        "png",
        "pdf",
        "empty",
        "blank",
        "header-only",
        "broken-json",
        "json-shape",
        "json-empty",
        "missing-columns",
        "label-headers",
        "no-answer-columns",
    ],
)
def test_files_refused_whole(users, round_, data, message):
    refused(users, round_, data, [], file_error=message)


def test_png_renamed_csv_is_refused_through_the_page(
    client, users, round_, django_capture_on_commit_callbacks
):
    client.force_login(users["researcher"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/asesmen/putaran/{round_.pk}/impor/", {"file": upload(PNG, "ekspor.csv")})
    job = Job.objects.get(kind="submission_import")
    assert response.status_code == 302 and job.status == "failed"
    assert job.message == "The file is not an export of submissions (CSV, XLSX or JSON expected)."
    assert counts() == before


def test_oversized_file_is_refused(users, round_, fields):
    data = kobo_csv(fields, SUBMISSIONS)
    assert 1024 < len(data) < 2048
    with override_settings(INKUBATOR_IMPORT_MAX_BYTES=1024):
        refused(
            users,
            round_,
            data,
            [],
            file_error=f"The file is {len(data) / 1024:.1f}\xa0KB; the limit is 1.0\xa0KB.",
        )


def test_oversized_upload_is_refused_by_the_page_before_any_job(client, users, round_, fields):
    client.force_login(users["researcher"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    before = counts()
    with override_settings(INKUBATOR_IMPORT_MAX_BYTES=1024):
        response = client.post(
            f"/asesmen/putaran/{round_.pk}/impor/",
            {"file": upload(kobo_csv(fields, SUBMISSIONS), "kobo.csv")},
        )
    assert response.status_code == 422
    assert response.context["form"].errors == {"file": ["The file is 1.1\xa0KB; the limit is 1.0\xa0KB."]}
    assert counts() == before and Job.objects.count() == 0


def test_too_many_rows_are_refused(users, round_, fields):
    with override_settings(INKUBATOR_IMPORT_MAX_ROWS=1):
        refused(
            users,
            round_,
            kobo_csv(fields, SUBMISSIONS),
            [],
            file_error="The file has 2 rows; at most 1 can be imported at once.",
        )


def test_unknown_columns_are_listed_and_ignored(users, round_, fields):
    header, rows = kobo_table(fields, [sub(0)])
    report = run(users, round_, csv_bytes(header + ["Catatan umum"], [rows[0] + ["baik"]]), dry_run=True)
    assert texts(report) == [] and report.ignored_columns == ["Catatan umum"]


def test_an_older_submission_is_refused_after_a_newer_one_replaced_it(users, round_, fields):
    """bali stays a draft (B1 missing), so it can be imported again; its first submission id stays used."""
    newer = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e05"
    assert run(users, round_, kobo_csv(fields, [sub(1)])).committed
    assert run(users, round_, kobo_csv(fields, [sub(1, uuid=newer)])).committed
    refused(
        users,
        round_,
        kobo_csv(fields, [sub(1)]),
        [
            f"Row 2, column _uuid: Submission uuid:{UUID_BALI} was already imported.",
        ],
    )
