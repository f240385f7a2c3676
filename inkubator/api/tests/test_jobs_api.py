"""GET /api/v1/jobs/{uuid}: a job its creator (or a superuser) follows; anyone else gets 404, one error shape."""

import datetime
import uuid

import pytest

from inkubator.accounts.models import User
from inkubator.core.models import Job

pytestmark = pytest.mark.django_db

FIELDS = {
    "uuid",
    "kind",
    "status",
    "progress",
    "total",
    "message",
    "errors",
    "result",
    "created_at",
    "finished_at",
    "run_url",
}


@pytest.fixture
def run_job(users):
    """A selection run's job of the researcher, succeeded: it stored run 7."""
    return Job.objects.create(
        kind="selection_run",
        created_by=users["researcher"],
        status=Job.Status.SUCCEEDED,
        progress=1,
        total=1,
        params={"round": 1},
        result={"run_id": 7},
        finished_at=datetime.datetime(2026, 1, 5, 10, 30, tzinfo=datetime.UTC),
    )


def test_the_creator_follows_a_succeeded_selection_job_to_its_run(client, users, run_job):
    client.force_login(users["researcher"])
    response = client.get(f"/api/v1/jobs/{run_job.uuid}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == FIELDS
    assert {k: v for k, v in body.items() if k != "created_at"} == {
        "uuid": str(run_job.uuid),
        "kind": "selection_run",
        "status": "succeeded",
        "progress": 1,
        "total": 1,
        "message": "",
        "errors": [],
        "result": {"run_id": 7},
        "finished_at": "2026-01-05T10:30:00Z",
        "run_url": "/api/v1/selection/runs/7",
    }


def test_a_job_still_queued_or_failed_has_no_run_url(client, users):
    queued = Job.objects.create(kind="selection_run", created_by=users["researcher"])
    failed = Job.objects.create(
        kind="selection_run",
        created_by=users["researcher"],
        status=Job.Status.FAILED,
        message="Tidak ada pilihan yang memenuhi semua batasan.",
    )
    other = Job.objects.create(
        kind="centre_import",
        created_by=users["researcher"],
        status=Job.Status.SUCCEEDED,
        errors=[{"row": 3, "column": "kode", "message": "x"}],
        result={"created": 2},
    )
    client.force_login(users["researcher"])
    body = client.get(f"/api/v1/jobs/{queued.uuid}").json()
    assert (body["status"], body["finished_at"], body["result"], body["run_url"]) == (
        "queued",
        None,
        {},
        None,
    )
    body = client.get(f"/api/v1/jobs/{failed.uuid}").json()
    assert (body["status"], body["message"], body["run_url"]) == (
        "failed",
        "Tidak ada pilihan yang memenuhi semua batasan.",
        None,
    )
    body = client.get(f"/api/v1/jobs/{other.uuid}").json()
    assert (body["kind"], body["errors"], body["result"], body["run_url"]) == (
        "centre_import",
        [{"row": 3, "column": "kode", "message": "x"}],
        {"created": 2},
        None,
    )


@pytest.mark.parametrize("role", ["national_admin", "national_viewer", "assessor", "regional_officer"])
def test_someone_elses_job_is_not_found(client, users, run_job, role):
    client.force_login(users[role])
    response = client.get(f"/api/v1/jobs/{run_job.uuid}")
    assert response.status_code == 404
    assert set(response.json()) == {"detail", "errors"}


def test_a_superuser_sees_any_job(client, run_job):
    client.force_login(User.objects.create_superuser(username="root", password="s3cret-pass-123"))
    assert client.get(f"/api/v1/jobs/{run_job.uuid}").json()["run_url"] == "/api/v1/selection/runs/7"


def test_unknown_job_anonymous_and_malformed(client, users, run_job):
    assert client.get(f"/api/v1/jobs/{run_job.uuid}").status_code == 401
    client.force_login(users["researcher"])
    assert client.get(f"/api/v1/jobs/{uuid.uuid4()}").status_code == 404
    response = client.get("/api/v1/jobs/not-a-uuid")
    assert response.status_code == 422 and set(response.json()) == {"detail", "errors"}
