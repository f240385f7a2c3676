"""Assessment pages and API endpoints: scope, downloads that are real workbooks, transitions, stale saves."""

import io
import json
from decimal import Decimal as D

import pytest
from django.utils import translation
from django.utils.translation import gettext
from pyxform.xls2xform import convert

from inkubator.assessment import instrument_io, services
from inkubator.assessment.models import Assessment, Instrument
from inkubator.assessment.tests.conftest import HAND_ANSWERS, PNG, SMALL_SPEC
from inkubator.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _json(client, method, url, body):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_default_instrument_is_shipped():
    default = Instrument.objects.get(code="kesiapan-blkk", version=1)
    assert default.name == "Kesiapan BLK Komunitas sebagai Inkubator Wirausaha"
    assert default.dimensions.count() == 8
    assert default.indicators.count() == 36
    assert not default.is_frozen  # editable until a round uses it


def test_instrument_pages_and_downloads(client, users, instrument):
    client.force_login(users["researcher"])
    assert client.get("/asesmen/instrumen/").status_code == 200
    page = client.get(f"/asesmen/instrumen/{instrument.pk}/")
    assert page.status_code == 200
    assert b"Kejelasan SK pendirian inkubator" in page.content and b'id="ind-B2"' in page.content
    xlsx = client.get(f"/asesmen/instrumen/{instrument.pk}/xlsx/")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert instrument_io.validate_spec(
        instrument_io.spec_from_xlsx(xlsx.content)
    ) == instrument_io.validate_spec(services.instrument_to_spec(instrument))


def test_instrument_pages_need_permission(client, users, instrument):
    assert client.get("/asesmen/instrumen/").status_code == 302  # to the login page
    from inkubator.access.tests.factories import make_user

    client.force_login(make_user("pendamping1", "mentor"))
    assert client.get("/asesmen/instrumen/").status_code == 403
    assert client.get(f"/asesmen/instrumen/{instrument.pk}/xlsx/").status_code == 403
    client.force_login(users["assessor"])  # may view, may not manage
    assert client.post(f"/asesmen/instrumen/{instrument.pk}/versi-baru/").status_code == 403
    assert Instrument.objects.filter(code="uji-kecil").count() == 1


def test_new_version_and_import(client, users, instrument):
    client.force_login(users["researcher"])
    response = client.post(f"/asesmen/instrumen/{instrument.pk}/versi-baru/")
    copy = Instrument.objects.get(code="uji-kecil", version=2)
    assert response.status_code == 302 and response["Location"] == f"/asesmen/instrumen/{copy.pk}/"
    workbook = instrument_io.spec_to_xlsx({**SMALL_SPEC, "name": "Instrumen uji (revisi)"})
    upload = io.BytesIO(workbook)
    upload.name = "revisi.xlsx"
    response = client.post("/asesmen/instrumen/impor/", {"file": upload})
    third = Instrument.objects.get(code="uji-kecil", version=3)
    assert response.status_code == 302 and third.name == "Instrumen uji (revisi)"


def test_import_of_a_bad_workbook_writes_nothing(client, users):
    client.force_login(users["researcher"])
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(instrument_io.spec_to_xlsx({**SMALL_SPEC, "code": "rusak"})))
    sheet = book["dimensions"]
    weight_column = [c.value for c in sheet[1]].index("weight") + 1
    sheet.cell(row=2, column=weight_column, value=-1)  # dimension A's weight
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = "rusak.xlsx"
    before = (Instrument.objects.count(), AuditEntry.objects.count())
    response = client.post("/asesmen/instrumen/impor/", {"file": upload})
    assert response.status_code == 422
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("id"):  # the page speaks the user's language (Indonesian by default)
        expected = gettext("Dimension %(dimension)s, field %(field)s: %(problem)s") % {
            "dimension": "A",
            "field": "weight",
            "problem": gettext("must not be negative"),
        }
    assert response.context["errors"] == [expected]
    png = io.BytesIO(PNG)
    png.name = "foto.xlsx"
    assert client.post("/asesmen/instrumen/impor/", {"file": png}).status_code == 422
    import zipfile

    macro = io.BytesIO()
    with zipfile.ZipFile(macro, "a") as book:  # a valid instrument workbook that also carries a VBA project
        with zipfile.ZipFile(
            io.BytesIO(instrument_io.spec_to_xlsx({**SMALL_SPEC, "code": "makro"}))
        ) as plain:
            for item in plain.infolist():
                book.writestr(item, plain.read(item.filename))
        book.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0")
    macro.seek(0)
    macro.name = "makro.xlsx"
    refused = client.post("/asesmen/instrumen/impor/", {"file": macro})
    with translation.override("id"):
        assert refused.context["errors"] == [
            gettext("The workbook carries macros; save it as a plain .xlsx without macros.")
        ]
    assert (Instrument.objects.count(), AuditEntry.objects.count()) == before


def test_xlsform_endpoint_converts_with_pyxform(client, users, instrument):
    client.force_login(users["assessor"])
    response = client.get(f"/api/v1/assessment/instruments/{instrument.pk}/xlsform")
    assert response.status_code == 200
    result = convert(xlsform=response.content)
    assert result.warnings == []
    for code in ("A1", "A2", "B1", "B2", "B3"):
        assert f"/{code}" in result.xform


def test_api_instruments_and_rounds(client, users, instrument, round_):
    client.force_login(users["researcher"])
    listing = client.get("/api/v1/assessment/instruments").json()
    assert {(i["code"], i["version"], i["frozen"]) for i in listing["items"]} == {
        ("kesiapan-blkk", 1, False),
        ("uji-kecil", 1, True),
    }
    detail = client.get(f"/api/v1/assessment/instruments/{instrument.pk}").json()
    assert detail["dimensions"][1]["indicators"][1]["bands"][1] == {"lower": "1", "upper": "3", "score": "1"}
    rounds = client.get("/api/v1/assessment/rounds").json()
    assert [(r["name"], r["centres"], r["assessments"]) for r in rounds["items"]] == [
        ("Pra-identifikasi uji", 2, 2)
    ]
    client.force_login(users["national_viewer"])
    assert client.get("/api/v1/assessment/assessments").json()["count"] == 0  # nothing verified yet


def test_api_workflow_with_stale_save(client, users, registry, round_):
    a = Assessment.objects.get(round=round_, centre=registry["sby"])
    client.force_login(users["assessor"])
    mine = client.get("/api/v1/assessment/assessments").json()
    assert mine["count"] == 2
    saved = _json(
        client, "patch", f"/api/v1/assessment/assessments/{a.pk}", {"version": 1, "answers": HAND_ANSWERS}
    )
    assert saved.status_code == 200
    assert (saved.json()["composite_score"], saved.json()["readiness_class"], saved.json()["version"]) == (
        "66.67",
        "assisted",
        2,
    )
    stale = _json(
        client,
        "patch",
        f"/api/v1/assessment/assessments/{a.pk}",
        {"version": 1, "answers": {"A1": {"value": "1"}}},
    )
    assert stale.status_code == 409
    a.refresh_from_db()
    assert a.answers.get(indicator__code="A1").value == "4"
    refused = _json(client, "post", f"/api/v1/assessment/assessments/{a.pk}/submit", {"version": 2})
    assert refused.status_code == 422
    with translation.override("id"):
        assert refused.json()["errors"] == {
            "A1": [gettext("%(code)s: attach a photo or PDF as evidence.") % {"code": "A1"}]
        }
    from django.core.files.uploadedfile import SimpleUploadedFile

    services.evidence_add(
        actor=users["assessor"],
        assessment=a,
        indicator_code="A1",
        upload=SimpleUploadedFile("sk.png", PNG, "image/png"),
    )
    submitted = _json(client, "post", f"/api/v1/assessment/assessments/{a.pk}/submit", {"version": 2})
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    denied = _json(client, "post", f"/api/v1/assessment/assessments/{a.pk}/verify", {"version": 3})
    assert denied.status_code == 403
    client.force_login(users["researcher"])
    returned = _json(
        client,
        "post",
        f"/api/v1/assessment/assessments/{a.pk}/return",
        {"version": 3, "indicators": {"A2": "Periksa NIB di OSS."}},
    )
    assert returned.status_code == 200
    body = returned.json()
    assert body["status"] == "returned"
    assert [
        (x["indicator"], x["returned"], x["return_comment"]) for x in body["answers"] if x["returned"]
    ] == [
        ("A2", True, "Periksa NIB di OSS."),
    ]
    client.force_login(users["centre_manager"])  # a manager never sees work in progress
    assert client.get(f"/api/v1/assessment/assessments/{a.pk}").status_code == 404


def test_round_progress_page(client, users, registry, round_):
    services.assessment_save(
        actor=users["assessor"],
        assessment=Assessment.objects.get(round=round_, centre=registry["sby"]),
        answers={"A1": {"value": "2"}},
    )
    client.force_login(users["researcher"])
    response = client.get(f"/asesmen/putaran/{round_.pk}/")
    assert response.status_code == 200
    progress = response.context["progress"]
    assert progress["total"] == [1, 1, 0, 0, 0]  # assigned, draft, submitted, returned, verified
    assert [(p["code"], p["counts"]) for p in progress["by_province"]] == [
        ("35", [0, 1, 0, 0, 0]),
        ("51", [1, 0, 0, 0, 0]),
    ]
    assert progress["by_assessor"] == [{"username": "asesor1", "counts": [1, 1, 0, 0, 0], "count": 2}]
    client.force_login(users["regional_officer"])  # Jawa Timur officer: no verified assessment to count
    response = client.get(f"/asesmen/putaran/{round_.pk}/")
    assert response.status_code == 200 and response.context["progress"]["count"] == 0


def test_round_created_and_assigned_through_the_pages(client, users, registry, instrument):
    from inkubator.access.models import Cluster
    from inkubator.assessment.models import AssessmentRound

    client.force_login(users["researcher"])
    cluster = Cluster.objects.get(name="Klaster UINSA")
    form = {
        "name": "Pra-identifikasi 2027",
        "instrument": instrument.pk,
        "starts_on": "2027-01-04",
        "ends_on": "2027-03-31",
        "due_on": "2027-03-01",
        "threshold_ready": "70",
        "threshold_assisted": "50",
        "consolidation_rule": "median",
        "cluster": cluster.pk,
        "codes": "",
    }
    outside = client.post("/asesmen/putaran/baru/", {**form, "codes": "2011000001 9999"})
    assert outside.status_code == 422
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("id"):  # Aceh is outside the cluster; 9999 is no centre at all
        expected = gettext("Not a centre in your scope: %(codes)s.") % {"codes": "2011000001, 9999"}
    assert outside.context["form"].errors["codes"] == [expected]
    bad_dates = client.post("/asesmen/putaran/baru/", {**form, "ends_on": "2026-12-31"})
    assert bad_dates.status_code == 422
    assert not AssessmentRound.objects.filter(name="Pra-identifikasi 2027").exists()
    created = client.post("/asesmen/putaran/baru/", form)
    rnd = AssessmentRound.objects.get(name="Pra-identifikasi 2027")
    assert created.status_code == 302 and created["Location"] == f"/asesmen/putaran/{rnd.pk}/penugasan/"
    assert sorted(rnd.centres.values_list("code", flat=True)) == ["2035000001", "2051000001"]
    page = client.post(
        f"/asesmen/putaran/{rnd.pk}/penugasan/",
        {"action": "balanced", "assessors": [users["assessor"].pk], "per_centre": "1"},
    )
    assert page.status_code == 302
    assert sorted(rnd.assessments.values_list("centre__code", "assessor__username")) == [
        ("2035000001", "asesor1"),
        ("2051000001", "asesor1"),
    ]
    client.post(f"/asesmen/putaran/{rnd.pk}/penugasan/", {"action": "open"})
    rnd.refresh_from_db()
    assert rnd.status == "open"
    client.force_login(users["assessor"])  # an assessor cannot manage rounds
    assert client.get(f"/asesmen/putaran/{rnd.pk}/penugasan/").status_code == 403
    assert client.post("/asesmen/putaran/baru/", {**form, "name": "Lain"}).status_code == 403
    assert AssessmentRound.objects.count() == 1


def test_round_thresholds_edited_through_the_page(client, users, registry, round_):
    a = Assessment.objects.get(round=round_, centre=registry["sby"])
    services.assessment_save(actor=users["assessor"], assessment=a, answers=HAND_ANSWERS)
    client.force_login(users["researcher"])
    form = {
        "name": round_.name,
        "instrument": round_.instrument_id,
        "starts_on": "2026-01-05",
        "ends_on": "2026-03-31",
        "due_on": "2026-03-01",
        "threshold_ready": "65",
        "threshold_assisted": "50",
        "consolidation_rule": "median",
        "version": round_.version,
    }
    assert client.post(f"/asesmen/putaran/{round_.pk}/ubah/", form).status_code == 302
    a.refresh_from_db()
    assert a.readiness_class == "ready"
    stale = client.post(f"/asesmen/putaran/{round_.pk}/ubah/", {**form, "threshold_ready": "90"})
    assert stale.status_code == 422
    a.refresh_from_db()
    assert a.readiness_class == "ready"


def test_api_assignment_and_results(client, users, registry, round_):
    client.force_login(users["researcher"])
    bad = _json(
        client,
        "post",
        f"/api/v1/assessment/rounds/{round_.pk}/assignments",
        {"centre_id": registry["aceh"].pk, "assessor": "asesor1"},
    )
    assert bad.status_code == 422 and list(bad.json()["errors"]) == ["centre"]  # Aceh is not in the round
    unknown = _json(
        client,
        "post",
        f"/api/v1/assessment/rounds/{round_.pk}/assignments",
        {"centre_id": registry["sby"].pk, "assessor": "tidak-ada"},
    )
    assert unknown.status_code == 422 and list(unknown.json()["errors"]) == ["assessor"]
    same = _json(
        client,
        "post",
        f"/api/v1/assessment/rounds/{round_.pk}/assignments",
        {"centre_id": registry["sby"].pk, "assessor": "asesor1"},
    )
    assert same.status_code == 201 and same.json()["status"] == "assigned"
    assert Assessment.objects.filter(round=round_).count() == 2  # the existing assignment, not a new one
    a = Assessment.objects.get(round=round_, centre=registry["sby"])
    services.assessment_save(actor=users["assessor"], assessment=a, answers=HAND_ANSWERS)
    from django.core.files.uploadedfile import SimpleUploadedFile

    services.evidence_add(
        actor=users["assessor"],
        assessment=a,
        indicator_code="A1",
        upload=SimpleUploadedFile("sk.png", PNG, "image/png"),
    )
    a = services.assessment_submit(actor=users["assessor"], assessment=Assessment.objects.get(pk=a.pk))
    services.assessment_verify(actor=users["researcher"], assessment=a)
    results = client.get(f"/api/v1/assessment/rounds/{round_.pk}/results").json()
    assert results["count"] == 1 and results["consolidation_rule"] == "median"
    item = results["items"][0]
    assert (item["code"], item["composite"], item["readiness_class"], item["assessors"]) == (
        "2035000001",
        "66.67",
        "assisted",
        1,
    )
    assert item["dimensions"] == {"A": "50.00", "B": "91.67"}
    client.force_login(users["assessor"])
    assert client.get(f"/api/v1/assessment/rounds/{round_.pk}/results").status_code == 403
    assert (
        _json(
            client,
            "post",
            f"/api/v1/assessment/rounds/{round_.pk}/assignments",
            {"centre_id": registry["bali"].pk, "assessor": "asesor1"},
        ).status_code
        == 403
    )


def test_draft_instrument_replaced_from_xlsx_frozen_one_refused(client, users, instrument, round_):
    client.force_login(users["researcher"])
    copy = services.instrument_new_version(actor=users["researcher"], instrument=instrument)
    edited = {**SMALL_SPEC, "name": "Instrumen uji, disunting"}
    edited["dimensions"] = [
        {**SMALL_SPEC["dimensions"][0], "weight": "0.7"},
        {**SMALL_SPEC["dimensions"][1], "weight": "0.3"},
    ]
    upload = io.BytesIO(instrument_io.spec_to_xlsx(edited))
    upload.name = "disunting.xlsx"
    assert client.post(f"/asesmen/instrumen/{copy.pk}/ganti/", {"file": upload}).status_code == 302
    copy.refresh_from_db()
    assert (copy.name, copy.version) == ("Instrumen uji, disunting", 2)
    assert list(copy.dimensions.values_list("code", "weight")) == [("A", D("0.7000")), ("B", D("0.3000"))]
    assert copy.indicators.count() == 5
    upload = io.BytesIO(instrument_io.spec_to_xlsx(edited))
    upload.name = "disunting.xlsx"
    client.post(f"/asesmen/instrumen/{instrument.pk}/ganti/", {"file": upload})  # frozen: refused
    instrument.refresh_from_db()
    assert instrument.name == "Instrumen uji"
    assert list(instrument.dimensions.values_list("weight", flat=True)) == [D("0.6000"), D("0.4000")]


def test_instrument_spec_reads_in_constant_queries(django_assert_num_queries):
    default = Instrument.objects.get(code="kesiapan-blkk", version=1)
    with django_assert_num_queries(4):  # dimensions, indicators, options, bands
        spec = services.instrument_to_spec(default)
    assert sum(len(d["indicators"]) for d in spec["dimensions"]) == 36
    assert [i["code"] for i in spec["dimensions"][0]["indicators"]] == ["A1", "A2", "A3", "A4", "A5"]
