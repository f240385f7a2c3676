"""Registry pages: history, exports (scope, filters, formula injection), constant query counts, forms."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from python_calamine import CalamineWorkbook

from inkubator.centres import services
from inkubator.centres.models import Centre
from inkubator.centres.tests.factories import CentreFactory, GrantFactory
from inkubator.core.exports import safe_cell
from inkubator.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_history_shows_create_update_deactivate(client, users, registry):
    admin = users["national_admin"]
    centre = services.centre_create(
        actor=admin,
        data={
            "code": "2235000777",
            "name": "BLK Komunitas Sabilul Muttaqin",
            "host": registry["sby"].host,
            "regency": registry["sby"].regency,
            "established_year": 2022,
            "vocation": registry["sby"].vocation,
        },
    )
    services.centre_update(actor=admin, centre=centre, data={"instructors": 3})
    services.centre_deactivate(actor=admin, centre=centre, reason="Bangunan rusak berat")
    entries = list(
        AuditEntry.objects.filter(object_id=str(centre.pk), content_type__model="centre")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert entries == ["create", "update", "deactivate"]
    update = AuditEntry.objects.get(action="update")
    assert update.changes == {"instructors": [0, 3], "version": [1, 2]}
    client.force_login(admin)
    page = client.get(f"/blk/{centre.pk}/")
    assert [e.action for e in page.context["history"]] == ["deactivate", "update", "create"]
    assert "Bangunan rusak berat" in page.content.decode()


def test_update_without_changes_records_nothing(users, registry):
    services.centre_update(
        actor=users["national_admin"], centre=registry["sby"], data={"name": registry["sby"].name}
    )
    assert AuditEntry.objects.count() == 0


def test_edit_form_names_the_invalid_field_and_keeps_data(client, users, registry):
    centre = registry["sby"]
    client.force_login(users["regional_officer"])
    data = {
        "code": centre.code,
        "name": "",
        "host": centre.host_id,
        "regency": centre.regency_id,
        "established_year": 2031 * 10,
        "vocation": centre.vocation_id,
        "instructors": 2,
        "latitude": "50",
        "expected_version": 1,
    }
    response = client.post(f"/blk/{centre.pk}/ubah/", data)
    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"name", "established_year", "latitude"}
    centre.refresh_from_db()
    assert centre.name == "BLK Komunitas Nurul Huda"


def test_stale_edit_is_refused(client, users, registry):
    centre = registry["sby"]
    client.force_login(users["regional_officer"])
    base = {
        "code": centre.code,
        "name": "Nama A",
        "host": centre.host_id,
        "regency": centre.regency_id,
        "established_year": 2020,
        "vocation": centre.vocation_id,
        "instructors": 2,
        "expected_version": 1,
    }
    assert client.post(f"/blk/{centre.pk}/ubah/", base).status_code == 302
    stale = client.post(f"/blk/{centre.pk}/ubah/", {**base, "name": "Nama B"})
    assert stale.status_code == 422
    assert stale.context["form"].non_field_errors()
    centre.refresh_from_db()
    assert (centre.name, centre.version) == ("Nama A", 2)


def test_export_applies_filters_scope_and_is_formula_safe(client, users, registry):
    Centre.objects.filter(pk=registry["mlg"].pk).update(name='=HYPERLINK("http://x","klik")')
    client.force_login(users["regional_officer"])
    response = client.get("/blk/", {"format": "xlsx", "q": "HYPERLINK"})
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    rows = book.get_sheet_by_index(0).to_python()
    assert rows[0][:3] == ["Kode", "Nama", "Lembaga"]
    assert len(rows) == 2
    assert rows[1][0] == "2035000002"
    assert rows[1][1] == '\'=HYPERLINK("http://x","klik")'
    csv = client.get("/blk/", {"format": "csv", "province": "35"}).content.decode("utf-8-sig")
    assert csv.count("\n") == 3 and "'=HYPERLINK" in csv


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+1", "'=1+1"),
        ("+62812", "'+62812"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Pondok", "Pondok"),
        (5, 5),
        (None, ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/blk/?per_page=100",
        "/api/v1/centres?limit=100",
        "/lembaga/?per_page=100",
        "/bantuan/?per_page=100",
        "/api/v1/hosts?limit=100",
        "/api/v1/grants?limit=100",
    ],
)
def test_list_query_count_does_not_grow_with_page_size(client, users, registry, url):
    client.force_login(users["national_admin"])
    for c in registry.values():
        GrantFactory(centre=c)
    small = _queries(client, url)
    for i in range(30):
        centre = CentreFactory(code=f"23350{i:05d}", regency_id="35.07")
        GrantFactory(centre=centre)
    assert _queries(client, url) == small


def test_scoped_list_query_count_is_constant(client, users, registry):
    client.force_login(users["researcher"])
    small = _queries(client, "/blk/")
    cluster = users["researcher"].scope_grants.get().cluster
    cluster.centres.add(*[CentreFactory(code=f"24510{i:05d}", regency_id="51.71") for i in range(20)])
    assert _queries(client, "/blk/") == small


def test_list_filters_and_sort(client, users, registry):
    client.force_login(users["national_admin"])
    GrantFactory(centre=registry["bali"], year=2023, kind="entrepreneurship")
    page = client.get("/blk/", {"grant_year": 2023})
    assert [c.code for c in page.context["page"]] == ["2051000001"]
    page = client.get("/blk/", {"sort": "-code"})
    assert [c.code for c in page.context["page"]][:2] == ["2051000001", "2035000002"]
    page = client.get("/blk/", {"regency": "35.07"})
    assert [c.code for c in page.context["page"]] == ["2035000002"]
    bad = client.get("/blk/", {"maturity_class": "hebat"})
    assert (
        bad.status_code == 200 and bad.context["filter"].errors and bad.context["page"].paginator.count == 0
    )


def test_home_page_shows_what_each_role_can_do(client, users, registry):
    assert client.get("/").status_code == 200
    client.force_login(users["centre_manager"])
    body = client.get("/").content.decode()
    # the centre manager's own centre, and nothing of registering, importing or administering
    assert f'href="/blk/{registry["sby"].pk}/"' in body
    assert "/blk/baru/" not in body and "/impor/" not in body and "/pengguna/" not in body
    client.force_login(users["regional_officer"])
    assert "/blk/baru/" in client.get("/").content.decode()
    client.force_login(users["national_admin"])
    body = client.get("/").content.decode()
    assert "/impor/" in body and "/pengguna/" in body
