"""Grand Design pages: access by role, the province table and typology pages, their exports, editing the
reference data (national admins only, audited) and query counts.

`assessed` (the finished round and a run) is in conftest.py.
"""

import datetime
import io
from decimal import Decimal as D

import openpyxl
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inkubator.assessment import services as assessment_services
from inkubator.centres.tests.factories import CentreFactory
from inkubator.core.exports import XLSX_TYPE
from inkubator.core.models import AuditEntry
from inkubator.selection.models import RoadmapScenario, UnemploymentRate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]  # messages: the msgids (conftest)


def en(client):
    """The client with English chosen (the language cookie): the interface ignores Accept-Language."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# --- pages -----------------------------------------------------------------------------------------

PAGES = (
    "/seleksi/grand-design/",
    "/seleksi/grand-design/tipologi/",
    "/seleksi/grand-design/peta-jalan/",
    "/seleksi/grand-design/tpt/",
)


@pytest.mark.parametrize(
    "role,status",
    [
        ("researcher", 200),
        ("national_viewer", 200),
        ("national_admin", 200),
        ("assessor", 403),
        ("regional_officer", 403),
        ("centre_manager", 403),
    ],
)
def test_pages_by_role(client, users, assessed, role, status):
    client.force_login(users[role])
    scenario = RoadmapScenario.objects.get(name="Skenario dasar")
    for url in (*PAGES, f"/seleksi/grand-design/peta-jalan/{scenario.pk}/"):
        assert client.get(url).status_code == status, url


def test_pages_need_login(client, assessed):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


def test_overview_shows_the_round_and_run(client, users, assessed):
    client.force_login(users["researcher"])
    rnd, run = assessed["round"], assessed["run"]
    response = client.get("/seleksi/grand-design/", {"round": rnd.pk, "run": run.pk, "sort": "-selected"})
    assert response.status_code == 200
    assert response.context["round"] == rnd and response.context["run"] == run
    assert [r["code"] for r in response.context["table"][:2]] == ["32", "35"]
    html = response.content.decode()
    assert 'id="province-35"' in html and 'id="grand-design-provinces"' in html
    assert "inkubator/grand-design.js" in html
    chart = response.context["chart"]
    assert chart["provinces"][0]["code"] == "32" and chart["provinces"][0]["tile"] == (5, 5)
    assert chart["provinces"][0]["abbr"] == "JB"
    # first visit: the latest round with verified assessments is chosen, not a newer empty one
    empty = assessment_services.round_create(
        actor=users["national_admin"],
        centres=[rnd.centres.get(code="2035000001")],
        data={
            "name": "Putaran kosong",
            "instrument": rnd.instrument,
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": datetime.date(2026, 2, 1),
        },
    )
    assert client.get("/seleksi/grand-design/").context["round"] == rnd
    # a run of another round is refused with a message, and the table ignores it
    response = en(client).get("/seleksi/grand-design/", {"round": empty.pk, "run": run.pk})
    assert response.context["round"] == empty and response.context["run"] is None
    assert response.context["filter"]["form"].errors["run"] == ["This run belongs to another round."]
    assert response.context["totals"] == {"centres": 5, "assessed": 0, "ready": 0, "selected": 0}
    # the typology of a round without verified assessments says why there is none
    page = en(client).get("/seleksi/grand-design/tipologi/", {"round": empty.pk})
    assert page.status_code == 200
    assert page.context["result"]["message"] in page.content.decode()
    assert page.context["result"]["message"].startswith("A typology needs at least 3 centres")


def test_typology_page_states_the_criterion(client, users, assessed):
    client.force_login(users["researcher"])
    response = en(client).get("/seleksi/grand-design/tipologi/", {"round": assessed["round"].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "highest mean silhouette coefficient" in html
    assert 'id="silhouette-3"' in html and 'id="type-3"' in html and 'id="type-4"' not in html


def test_province_export(client, users, assessed):
    client.force_login(users["researcher"])
    response = en(client).get(
        "/seleksi/grand-design/", {"round": assessed["round"].pk, "run": assessed["run"].pk, "format": "xlsx"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_TYPE
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Code",
        "Province",
        "Active centres",
        "Assessed",
        "Ready",
        "Selected",
        "TPT (%)",
        "TPT year",
        "TPT source",
    )
    assert len(rows) == 39
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["35"][:8] == ("35", "Jawa Timur", 2, 2, 1, 1, 4.88, 2023)
    assert by_code["35"][8].startswith("BPS, Sakernas Agustus 2023")
    assert by_code["51"] == ("51", "Bali", 1, 1, 0, 0, "", "", "")  # no rate: empty cells


def test_typology_export(client, users, assessed):
    client.force_login(users["national_viewer"])
    response = en(client).get(
        "/seleksi/grand-design/tipologi/", {"round": assessed["round"].pk, "format": "xlsx"}
    )
    assert response.status_code == 200
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == (
        "Code",
        "Name",
        "Province",
        "Type",
        "Type label",
        "Index",
        "Class",
        "A. Institution",
        "B. Resources",
    )
    assert rows[1:] == [
        (
            "2011000001",
            "BLK Komunitas Darussalam",
            "Aceh",
            1,
            "Above average on every dimension, most on Resources",
            86.67,
            "ready",
            83.33,
            91.67,
        ),
        (
            "2032000001",
            "BLK Komunitas Darul Ulum",
            "Jawa Barat",
            2,
            "Below average on every dimension, most on Resources",
            57.5,
            "assisted",
            66.67,
            43.75,
        ),
        (
            "2035000001",
            "BLK Komunitas Nurul Huda",
            "Jawa Timur",
            1,
            "Above average on every dimension, most on Resources",
            100,
            "ready",
            100,
            100,
        ),
        (
            "2035000002",
            "BLK Komunitas Al-Falah",
            "Jawa Timur",
            2,
            "Below average on every dimension, most on Resources",
            51.67,
            "assisted",
            50,
            54.17,
        ),
        (
            "2051000001",
            "BLK Komunitas Widya Dharma",
            "Bali",
            3,
            "Below average on every dimension, most on Resources",
            10,
            "not_ready",
            16.67,
            0,
        ),
    ]


def test_exports_refused_without_export_permission(client, users, assessed):
    client.force_login(users["assessor"])
    assert client.get("/seleksi/grand-design/", {"format": "xlsx"}).status_code == 403


# --- editing: national admins only, audited --------------------------------------------------------


def test_tpt_edit_is_admin_only_and_audited(client, users):
    rate = UnemploymentRate.objects.get(province_id="35", year=2023)
    url = f"/seleksi/grand-design/tpt/{rate.pk}/ubah/"
    form = {"province": "35", "year": "2023", "rate": "4.90", "source": "BPS, koreksi"}
    for role in ("researcher", "national_viewer", "assessor"):
        client.force_login(users[role])
        assert client.get(url).status_code == 403
        assert client.post(url, form).status_code == 403
        assert client.post("/seleksi/grand-design/tpt/baru/", {**form, "year": "2024"}).status_code == 403
    rate.refresh_from_db()
    assert rate.rate == D("4.88") and rate.source.startswith("BPS, Sakernas")
    assert not UnemploymentRate.objects.filter(year=2024).exists()
    assert not AuditEntry.objects.filter(content_type__model="unemploymentrate").exists()

    client.force_login(users["national_admin"])
    response = client.post(url, form)
    assert response.status_code == 302 and response["Location"] == "/seleksi/grand-design/tpt/"
    rate.refresh_from_db()
    assert (rate.rate, rate.source) == (D("4.90"), "BPS, koreksi")
    entry = AuditEntry.objects.get(content_type__model="unemploymentrate", object_id=str(rate.pk))
    assert entry.changes["rate"] == ["4.88", "4.90"]
    # add a year; the same province and year twice is refused
    assert (
        client.post("/seleksi/grand-design/tpt/baru/", {**form, "year": "2024", "rate": "4.19"}).status_code
        == 302
    )
    assert UnemploymentRate.objects.get(province_id="35", year=2024).rate == D("4.19")
    again = client.post("/seleksi/grand-design/tpt/baru/", {**form, "year": "2024", "rate": "5"})
    assert again.status_code == 422
    assert UnemploymentRate.objects.filter(province_id="35", year=2024).count() == 1
    bad = client.post(url, {**form, "rate": "120"})
    assert bad.status_code == 422 and "rate" in bad.context["form"].errors


def test_scenario_forms_are_admin_only_and_audited(client, users):
    base = RoadmapScenario.objects.get(name="Skenario dasar")
    data = {
        "name": "Skenario cepat",
        "start_year": "2025",
        "years": "3",
        "incubators_first_year": "10",
        "growth_per_year": "5",
        "tenants_per_incubator_per_year": "20",
        "survival_rate": "75",
        "jobs_per_tenant": "1.5",
        "note": "Asumsi uji.",
    }
    update_url = f"/seleksi/grand-design/peta-jalan/{base.pk}/ubah/"
    for role in ("researcher", "national_viewer"):
        client.force_login(users[role])
        assert client.get("/seleksi/grand-design/peta-jalan/baru/").status_code == 403
        assert client.post("/seleksi/grand-design/peta-jalan/baru/", data).status_code == 403
        assert client.post(update_url, {**data, "name": "Skenario dasar"}).status_code == 403
    base.refresh_from_db()
    assert (base.incubators_first_year, base.growth_per_year, base.years) == (142, 17, 5)
    assert RoadmapScenario.objects.count() == 1
    assert not AuditEntry.objects.filter(content_type__model="roadmapscenario").exists()

    admin = users["national_admin"]
    client.force_login(admin)
    response = client.post("/seleksi/grand-design/peta-jalan/baru/", data)
    created = RoadmapScenario.objects.get(name="Skenario cepat")
    assert (
        response.status_code == 302
        and response["Location"] == f"/seleksi/grand-design/peta-jalan/{created.pk}/"
    )
    assert created.created_by == admin
    assert (
        AuditEntry.objects.filter(
            content_type__model="roadmapscenario", object_id=str(created.pk), action="create"
        ).count()
        == 1
    )
    page = client.get(f"/seleksi/grand-design/peta-jalan/{created.pk}/")
    assert [(y["year"], y["jobs"], y["cumulative_jobs"]) for y in page.context["projection"]["years"]] == [
        (2025, D("225"), D("225")),
        (2026, D("337.5"), D("562.5")),
        (2027, D("450"), D("1012.5")),
    ]
    assert 'id="year-2027"' in page.content.decode()
    response = client.post(update_url, {**data, "name": "Skenario dasar", "growth_per_year": "20"})
    assert response.status_code == 302
    base.refresh_from_db()
    assert base.growth_per_year == 20
    entry = AuditEntry.objects.get(content_type__model="roadmapscenario", object_id=str(base.pk))
    assert entry.changes["growth_per_year"] == [17, 20]
    invalid = client.post("/seleksi/grand-design/peta-jalan/baru/", {**data, "years": "0"})
    assert invalid.status_code == 422 and "years" in invalid.context["form"].errors


def test_overview_queries_do_not_grow_with_the_registry(client, users, assessed):
    client.force_login(users["national_viewer"])
    params = {"round": assessed["round"].pk, "run": assessed["run"].pk}
    with CaptureQueriesContext(connection) as before:
        client.get("/seleksi/grand-design/", params)
    for i in range(20):
        CentreFactory(code=f"20330000{i:02d}", regency_id="33.01")
    with CaptureQueriesContext(connection) as after:
        response = client.get("/seleksi/grand-design/", params)
    assert response.context["table"][12]["code"] == "33" and response.context["table"][12]["centres"] == 20
    assert len(after) == len(before)
