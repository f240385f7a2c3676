"""The field form (/asesmen/<id>/), autosave, evidence upload and serving, the review page, and page weight."""

import datetime
import gzip
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile

from inkubator.assessment import services
from inkubator.assessment.models import Answer, Assessment, Evidence, Instrument
from inkubator.assessment.tests.conftest import PNG
from inkubator.core.models import AuditEntry

pytestmark = pytest.mark.django_db

FORM = {
    "v_A1": "4",
    "v_A2": "no",
    "v_B1": "koperasi",
    "n_B2": "7",
    "t_B3": "Pengelola aktif.",
    "note_A1": "SK 2021",
}


def _a(round_, registry, key="sby"):
    return Assessment.objects.get(round=round_, centre=registry[key])


def test_assessor_sees_the_form(client, users, registry, round_):
    a = _a(round_, registry)
    client.force_login(users["assessor"])
    page = client.get(f"/asesmen/{a.pk}/")
    assert page.status_code == 200 and page.context["editable"] is True
    html = page.content.decode()
    assert 'name="v_A1"' in html and 'name="n_B2"' in html and 'name="t_B3"' in html
    assert 'id="ev-A1"' in html  # evidence upload for the indicator that needs it
    assert "echarts" not in html and "htmx" not in html and "bootstrap.bundle" not in html


def test_autosave_stores_exact_answers(client, users, registry, round_):
    a = _a(round_, registry)
    client.force_login(users["assessor"])
    response = client.post(
        f"/asesmen/{a.pk}/simpan/", {**FORM, "version": "1", "latitude": "-7,2575", "longitude": "112.752"}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["ok"], body["version"], body["status"], body["composite"]) == (True, 2, "draft", "66.67")
    a.refresh_from_db()
    stored = {
        x.indicator.code: (x.value, x.number, x.text, x.note) for x in a.answers.select_related("indicator")
    }
    assert stored == {
        "A1": ("4", None, "", "SK 2021"),
        "A2": ("no", None, "", ""),
        "B1": ("koperasi", None, "", ""),
        "B2": ("", D("7.00"), "", ""),
        "B3": ("", None, "Pengelola aktif.", ""),
    }
    assert (a.latitude, a.longitude) == (D("-7.257500"), D("112.752000"))


def test_autosave_leaves_unanswered_indicators_alone(client, users, registry, round_):
    a = _a(round_, registry)
    client.force_login(users["assessor"])
    client.post(f"/asesmen/{a.pk}/simpan/", {"v_A1": "2", "version": "1"})
    assert list(Answer.objects.filter(assessment=a).values_list("indicator__code", flat=True)) == ["A1"]


def test_stale_and_invalid_autosave_change_nothing(client, users, registry, round_):
    a = _a(round_, registry)
    client.force_login(users["assessor"])
    client.post(f"/asesmen/{a.pk}/simpan/", {"v_A1": "5", "version": "1"})
    stale = client.post(f"/asesmen/{a.pk}/simpan/", {"v_A1": "1", "version": "1"})
    assert stale.status_code == 409 and stale.json()["stale"] is True
    bad = client.post(f"/asesmen/{a.pk}/simpan/", {"v_A1": "1", "n_B2": "sepuluh", "version": "2"})
    assert bad.status_code == 422 and list(bad.json()["errors"]) == ["B2"]
    hostile = client.post(f"/asesmen/{a.pk}/simpan/", {"v_A1": "<script>", "version": "2"})
    assert hostile.status_code == 422 and list(hostile.json()["errors"]) == ["A1"]
    assert Answer.objects.get(assessment=a, indicator__code="A1").value == "5"
    assert not Answer.objects.filter(assessment=a, indicator__code="B2").exists()


def test_others_cannot_save(client, users, registry, round_):
    a = _a(round_, registry)
    client.force_login(users["researcher"])
    assert client.post(f"/asesmen/{a.pk}/simpan/", {**FORM, "version": "1"}).status_code == 403
    client.force_login(users["centre_manager"])
    assert client.get(f"/asesmen/{a.pk}/").status_code == 404  # drafts are invisible to managers
    assert not Answer.objects.filter(assessment=a).exists()


def test_refused_submit_keeps_the_draft_and_lists_problems(client, users, registry, round_):
    a = _a(round_, registry)
    client.force_login(users["assessor"])
    response = client.post(f"/asesmen/{a.pk}/kirim/", {"v_A1": "4", "n_B2": "2", "version": "1"})
    assert response.status_code == 422
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("id"):
        expected = [
            gettext("%(code)s: attach a photo or PDF as evidence.") % {"code": "A1"},
            gettext("%(code)s: an answer is required.") % {"code": "A2"},
            gettext("%(code)s: an answer is required.") % {"code": "B1"},
        ]
    assert response.context["submit_errors"] == expected
    a.refresh_from_db()
    assert a.status == "draft"
    assert Answer.objects.get(assessment=a, indicator__code="A1").value == "4"  # nothing lost


def test_evidence_upload_serve_and_submit(client, users, registry, round_):
    a = _a(round_, registry)
    client.force_login(users["assessor"])
    client.post(f"/asesmen/{a.pk}/simpan/", {**FORM, "version": "1"})
    bad = client.post(
        f"/asesmen/{a.pk}/bukti/", {"indicator": "A1", "file": SimpleUploadedFile("x.png", b"GIF89a....")}
    )
    assert bad.status_code == 302 and not Evidence.objects.exists()
    ok = client.post(
        f"/asesmen/{a.pk}/bukti/", {"indicator": "A1", "file": SimpleUploadedFile("sk.png", PNG)}
    )
    assert ok.status_code == 302 and ok["Location"] == f"/asesmen/{a.pk}/#ind-A1"
    evidence = Evidence.objects.get()
    served = client.get(f"/asesmen/bukti/{evidence.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == PNG
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "media" not in Path(evidence.file.path).relative_to(Path(evidence.file.storage.location)).parts
    submitted = client.post(f"/asesmen/{a.pk}/kirim/", {**FORM, "version": "2"})
    assert submitted.status_code == 302
    a.refresh_from_db()
    assert a.status == "submitted"
    client.force_login(users["centre_manager"])  # not verified yet: not visible
    assert client.get(f"/asesmen/bukti/{evidence.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/asesmen/bukti/{evidence.pk}/").status_code == 302


def test_review_page_returns_one_indicator_then_verifies(client, users, registry, round_):
    a = _a(round_, registry)
    services.assessment_save(
        actor=users["assessor"],
        assessment=a,
        answers={
            "A1": {"value": "4"},
            "A2": {"value": "no"},
            "B1": {"value": "koperasi"},
            "B2": {"number": "7"},
        },
    )
    services.evidence_add(
        actor=users["assessor"], assessment=a, indicator_code="A1", upload=SimpleUploadedFile("sk.png", PNG)
    )
    a = services.assessment_submit(actor=users["assessor"], assessment=Assessment.objects.get(pk=a.pk))
    client.force_login(users["researcher"])
    assert client.get(f"/asesmen/{a.pk}/")["Location"] == f"/asesmen/{a.pk}/tinjau/"
    refused = client.post(
        f"/asesmen/{a.pk}/tinjau/", {"action": "return", "version": a.version, "return": ["B2"]}
    )
    assert refused.status_code == 422  # a returned indicator needs a reason
    before = AuditEntry.objects.count()
    response = client.post(
        f"/asesmen/{a.pk}/tinjau/",
        {
            "action": "return",
            "version": a.version,
            "return": ["B2"],
            "why_B2": "Hitung hanya yang purna waktu.",
        },
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == "returned" and AuditEntry.objects.count() == before + 1
    client.force_login(users["assessor"])
    page = client.get(f"/asesmen/{a.pk}/").content.decode()
    assert "Hitung hanya yang purna waktu." in page
    client.post(
        f"/asesmen/{a.pk}/kirim/",
        {"v_A1": "4", "v_A2": "no", "v_B1": "koperasi", "n_B2": "2", "version": a.version},
    )
    a.refresh_from_db()
    assert a.status == "submitted"
    client.force_login(users["researcher"])
    stale = client.post(f"/asesmen/{a.pk}/tinjau/", {"action": "verify", "version": a.version - 1})
    assert stale.status_code == 422
    a.refresh_from_db()
    assert a.status == "submitted"
    client.post(f"/asesmen/{a.pk}/tinjau/", {"action": "verify", "version": a.version})
    a.refresh_from_db()
    assert a.status == "verified"
    # B2 = 2 → band [1, 3) → 25; B = (66.67 + 3·25)/4 = 35.42; R = 0.6·50 + 0.4·35.416… = 44.17
    assert (a.composite_score, a.readiness_class) == (D("44.17"), "not_ready")


def test_field_form_weight_under_100_kb(client, users, registry):
    """The issue's bar: the field form with its scripts and styles under 100 KB gzip (default instrument)."""
    default = Instrument.objects.get(code="kesiapan-blkk", version=1)
    rnd = services.round_create(
        actor=users["researcher"],
        centres=[registry["sby"]],
        data={
            "name": "Berat halaman",
            "instrument": default,
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": datetime.date(2026, 2, 1),
        },
    )
    a = services.round_assign(
        actor=users["researcher"], round=rnd, centre=registry["sby"], assessor=users["assessor"]
    )
    client.force_login(users["assessor"])
    html = client.get(f"/asesmen/{a.pk}/").content
    assets = ["vendor/bootstrap/css/bootstrap.min.css", "inkubator/field-form.css", "inkubator/field-form.js"]
    sizes = {"html": len(gzip.compress(html, 9))}
    for asset in assets:
        sizes[asset] = len(gzip.compress(Path(finders.find(asset)).read_bytes(), 9))
    total = sum(sizes.values())
    print(f"field form weight (gzip): {sizes} total {total} bytes")
    assert total < 100 * 1024
    for tag in (b"<script", b"<link"):  # nothing else is loaded
        assert html.count(tag) == {b"<script": 1, b"<link": 3}[tag]
