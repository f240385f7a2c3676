"""Core mechanisms: jobs, deterministic demo data, production settings, security headers."""

import os
import subprocess
import sys

import pytest

from inkubator.centres.models import Centre, Grant
from inkubator.core.jobs import job_execute
from inkubator.core.models import Job
from inkubator.programme.demo import seed_registry

pytestmark = pytest.mark.django_db


def test_demo_data_is_deterministic_and_idempotent():
    first = seed_registry(scale="demo", seed=11)
    codes = list(Centre.objects.order_by("code").values_list("code", "name", "regency_id"))
    second = seed_registry(scale="demo", seed=11)
    assert first == second and first["centres"] == 300
    assert list(Centre.objects.order_by("code").values_list("code", "name", "regency_id")) == codes
    assert Centre.objects.values("regency__province").distinct().count() == 38
    assert Grant.objects.filter(kind="construction").count() == 300


def test_failing_job_ends_failed_with_a_message(users, monkeypatch):
    from inkubator.core import jobs

    job = Job.objects.create(kind="test_boom", created_by=users["national_admin"], params={"dry_run": True})
    monkeypatch.setitem(jobs._HANDLERS, "test_boom", _boom)
    job = job_execute(job.pk)
    assert job.status == "failed" and job.message and job.finished_at is not None
    assert "RuntimeError" not in job.message


def _boom(job, progress):
    raise RuntimeError("secret internals")


def test_job_page_is_private(client, users):
    job = Job.objects.create(kind="registry_import", created_by=users["national_admin"])
    client.force_login(users["regional_officer"])
    assert client.get(f"/pekerjaan/{job.uuid}/").status_code == 404
    client.force_login(users["national_admin"])
    assert client.get(f"/pekerjaan/{job.uuid}/").status_code == 200


def test_security_headers_and_csp(client):
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert len(response["X-Request-ID"]) == 32


def test_production_settings_refuse_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "inkubator.settings.production"
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_check_deploy_is_clean():
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "inkubator.settings.production",
            "SECRET_KEY": "k" * 20 + "Zq8vN3xP0rT6wY1uB4eH7jL2mC5sF9aD-_" + "x" * 20,
            "ALLOWED_HOSTS": "inkubator.example.org",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
