"""Field submissions: who may import them, and the import pages (check, then commit; someone else's check)."""

from decimal import Decimal as D

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from inkubator.access.tests.factories import make_user
from inkubator.assessment import services
from inkubator.assessment.models import Assessment
from inkubator.assessment.submissions import submission_import_run
from inkubator.assessment.tests.submission_exports import (
    EXPECTED_SBY,
    SUBMISSIONS,
    UUID_SBY,
    attach_sk,
    counts,
    kobo_csv,
    run,
    stored,
    sub,
    upload,
)
from inkubator.core.models import AuditEntry, Job

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


# --- who may import -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["assessor", "regional_officer", "centre_manager", "national_viewer"])
def test_only_round_managers_import(users, round_, fields, who):
    before = counts()
    with pytest.raises(PermissionDenied):
        run(users, round_, kobo_csv(fields, SUBMISSIONS), actor=who)
    assert counts() == before


def test_round_manager_of_another_partner_cannot_import(users, round_, fields):
    outsider = make_user("peneliti2", "researcher")
    before = counts()
    with pytest.raises(PermissionDenied):
        submission_import_run(actor=outsider, round=round_, data=kobo_csv(fields, SUBMISSIONS))
    assert counts() == before


def test_service_refuses_wrong_answers_whole(users, registry, round_):
    assessment = Assessment.objects.get(round=round_, centre=registry["sby"])
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.assessment_import_submission(
            actor=users["researcher"],
            assessment=assessment,
            external_id="uuid:x",
            answers={"A1": {"value": "4"}, "B2": {"number": D("99")}, "Z9": {"value": "1"}},
        )
    assert error.value.message_dict == {
        "B2": ["B2: Enter a number of at most 50."],
        "Z9": ["Unknown indicator Z9."],
    }
    with pytest.raises(PermissionDenied):
        services.assessment_import_submission(
            actor=users["assessor"],
            assessment=assessment,
            external_id="uuid:x",
            answers={"A1": {"value": "4"}},
        )
    assert counts() == before


# --- pages ----------------------------------------------------------------------------------------------


def test_upload_check_then_commit(
    client, users, registry, round_, fields, django_capture_on_commit_callbacks
):
    client.force_login(users["researcher"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = f"/asesmen/putaran/{round_.pk}/impor/"
    assert client.get(url).status_code == 200
    attach_sk(users, Assessment.objects.get(round=round_, centre=registry["sby"]))
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": upload(kobo_csv(fields, SUBMISSIONS), "kobo.csv")})
    assert response.status_code == 302
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.context["job"].status == "succeeded" and page.context["job"].errors == []
    assert "2 submissions checked without errors: 1 will be submitted for review, 1 will stay drafts." in body
    assert [
        (cells[2].split(" – ")[0], cells[3], cells[4], cells[5]) for cells in page.context["preview_rows"]
    ] == [("2035000001", "asesor1", 5, "Submitted"), ("2051000001", "asesor1", 3, "Draft")]
    assert f"uuid:{UUID_SBY}" in body and 'id="import-commit"' in body
    assert counts() == before

    with django_capture_on_commit_callbacks(execute=True):
        commit = client.post(response["Location"] + "simpan/")
    done = client.get(commit["Location"])
    assert done.context["job"].status == "succeeded" and done.context["job"].result["committed"] is True
    assert "2 submissions imported: 1 submitted for review, 1 drafts." in done.content.decode()
    assert stored(Assessment.objects.get(round=round_, centre=registry["sby"])) == EXPECTED_SBY
    assert AuditEntry.objects.filter(action="import", job=done.context["job"]).count() == 2
    # the same check cannot be committed twice
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(response["Location"] + "simpan/")
    failed = client.get(again["Location"]).context["job"]
    assert failed.status == "failed" and {e["column"] for e in failed.errors} == {"_uuid", "centre"}
    assert AuditEntry.objects.filter(action="import").count() == 2


def test_errors_page_escapes_html_and_commit_is_refused(
    client, users, round_, fields, django_capture_on_commit_callbacks
):
    client.force_login(users["researcher"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = kobo_csv(fields, [sub(0, centre="<script>alert(1)</script>")])
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/asesmen/putaran/{round_.pk}/impor/", {"file": upload(data, "kobo.csv")})
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.context["job"].errors == [
        {"row": 2, "column": "centre", "message": "<script>alert(1)</script> is not a centre of this round."}
    ]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is not a centre of this round." in body
    assert "<script>alert(1)</script>" not in body and 'id="import-commit"' not in body
    client.post(response["Location"] + "simpan/")
    assert counts() == before and Job.objects.count() == 1


@pytest.mark.parametrize(
    "who,status",
    [
        (None, 302),
        ("assessor", 403),
        ("regional_officer", 403),
        ("centre_manager", 403),
        ("national_viewer", 403),
        ("outsider", 404),
        ("researcher", 200),
        ("national_admin", 200),
    ],
)
def test_import_page_by_role(client, users, round_, who, status):
    if who == "outsider":
        client.force_login(make_user("peneliti2", "researcher"))
    elif who:
        client.force_login(users[who])
    assert client.get(f"/asesmen/putaran/{round_.pk}/impor/").status_code == status


def test_someone_elses_check_cannot_be_seen_or_committed(
    client, users, round_, fields, django_capture_on_commit_callbacks
):
    client.force_login(users["researcher"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/asesmen/putaran/{round_.pk}/impor/",
            {"file": upload(kobo_csv(fields, SUBMISSIONS), "kobo.csv")},
        )
    own = client.get(response["Location"])  # the interface's default language (Indonesian)
    assert own.status_code == 200 and 'id="import-commit"' in own.content.decode()
    client.force_login(users["national_admin"])
    assert client.get(response["Location"]).status_code == 404
    before = counts()
    assert client.post(response["Location"] + "simpan/").status_code == 404
    assert counts() == before and Job.objects.count() == 1
