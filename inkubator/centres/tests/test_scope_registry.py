"""Scope holds on every page and endpoint: anonymous, out of scope, in scope without permission, in scope,
national admin. Denied attempts change nothing and leave no audit entry."""

import json

import pytest

from inkubator.centres.models import Centre
from inkubator.core.models import AuditEntry

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def _get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


# (who, centre key, expected status) for reading a centre page and its API resource.
READ_CASES = [
    (None, "sby", 302, 401),
    ("regional_officer", "aceh", 404, 404),  # out of scope
    ("researcher", "sby", 200, 200),  # in scope (cluster)
    ("researcher", "mlg", 404, 404),  # same province, not in the cluster
    ("centre_manager", "sby", 200, 200),
    ("centre_manager", "mlg", 404, 404),
    ("assessor", "bali", 200, 200),
    ("no_scope", "sby", 404, 404),
    ("national_viewer", "aceh", 200, 200),
    ("national_admin", "aceh", 200, 200),
]


@pytest.mark.parametrize("who,key,page_status,api_status", READ_CASES)
def test_reading_a_centre(client, users, registry, who, key, page_status, api_status):
    user = users.get(who) if who else None
    centre = registry[key]
    response = _get(client, user, f"/blk/{centre.pk}/")
    assert response.status_code == page_status
    if page_status == 302:
        assert response["Location"].startswith(LOGIN)
    api = client.get(f"/api/v1/centres/{centre.pk}")
    assert api.status_code == api_status
    if api_status == 200:
        assert api.json()["code"] == centre.code
    else:
        assert set(api.json()) == {"detail", "errors"}


# (who, centre key, expected page status on GET of the edit form)
EDIT_CASES = [
    (None, "sby", 302),
    ("regional_officer", "aceh", 404),  # out of scope
    ("researcher", "sby", 403),  # in scope without permission
    ("assessor", "sby", 403),
    ("national_viewer", "sby", 403),
    ("regional_officer", "sby", 200),  # in scope with permission
    ("centre_manager", "sby", 200),
    ("national_admin", "aceh", 200),
]


@pytest.mark.parametrize("who,key,status", EDIT_CASES)
def test_edit_form_access(client, users, registry, who, key, status):
    user = users.get(who) if who else None
    assert _get(client, user, f"/blk/{registry[key].pk}/ubah/").status_code == status


def _edit_payload(centre, **changes):
    data = {
        "code": centre.code,
        "name": centre.name,
        "host": centre.host_id,
        "regency": centre.regency_id,
        "address": "",
        "latitude": "",
        "longitude": "",
        "established_year": centre.established_year,
        "vocation": centre.vocation_id,
        "instructors": 2,
        "facilities": "",
        "licence_number": "",
        "accreditation": "",
        "maturity_class": "berkembang",
        "expected_version": centre.version,
    }
    data.update(changes)
    return data


DENIED_WRITES = [
    (None, "sby", 302),
    ("regional_officer", "aceh", 404),
    ("researcher", "sby", 403),
    ("national_viewer", "sby", 403),
    ("centre_manager", "mlg", 404),
]


@pytest.mark.parametrize("who,key,status", DENIED_WRITES)
def test_denied_page_edit_changes_nothing(client, users, registry, who, key, status):
    centre = registry[key]
    before = Centre.objects.filter(pk=centre.pk).values().get()
    if who:
        client.force_login(users[who])
    response = client.post(f"/blk/{centre.pk}/ubah/", _edit_payload(centre, name="Diubah tanpa hak"))
    assert response.status_code == status
    assert Centre.objects.filter(pk=centre.pk).values().get() == before
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize(
    "who,key,status",
    [
        (None, "sby", 401),
        ("regional_officer", "aceh", 404),
        ("researcher", "sby", 403),
        ("national_viewer", "sby", 403),
        ("centre_manager", "mlg", 404),
    ],
)
def test_denied_api_patch_changes_nothing(client, users, registry, who, key, status):
    centre = registry[key]
    before = Centre.objects.filter(pk=centre.pk).values().get()
    if who:
        client.force_login(users[who])
    response = client.patch(
        f"/api/v1/centres/{centre.pk}", json.dumps({"name": "Diubah"}), content_type="application/json"
    )
    assert response.status_code == status
    assert set(response.json()) == {"detail", "errors"}
    assert Centre.objects.filter(pk=centre.pk).values().get() == before
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize("who", ["regional_officer", "centre_manager", "national_admin"])
def test_allowed_page_edit_saves_and_audits(client, users, registry, who):
    centre = registry["sby"]
    client.force_login(users[who])
    response = client.post(
        f"/blk/{centre.pk}/ubah/", _edit_payload(centre, name="BLK Komunitas Nurul Huda Baru")
    )
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.name == "BLK Komunitas Nurul Huda Baru"
    entry = AuditEntry.objects.get()
    assert entry.actor == users[who]
    assert entry.changes["name"] == ["BLK Komunitas Nurul Huda", "BLK Komunitas Nurul Huda Baru"]


LIST_COUNTS = [
    ("national_admin", 5),
    ("national_viewer", 5),
    ("regional_officer", 2),
    ("researcher", 2),
    ("assessor", 2),
    ("centre_manager", 1),
    ("no_scope", 0),
]


@pytest.mark.parametrize("who,count", LIST_COUNTS)
def test_lists_exports_and_api_show_exactly_the_scope(client, users, registry, who, count):
    client.force_login(users[who])
    page = client.get("/blk/")
    assert page.status_code == 200
    assert page.context["page"].paginator.count == count
    api = client.get("/api/v1/centres").json()
    assert api["count"] == count
    expected_codes = set(Centre.objects.visible_to(users[who], "centres.view").values_list("code", flat=True))
    assert {item["code"] for item in api["items"]} == expected_codes
    export = client.get("/blk/", {"format": "csv"})
    if who == "assessor":
        assert export.status_code == 403  # may look, may not export
    else:
        lines = export.content.decode("utf-8-sig").strip().splitlines()
        assert len(lines) == count + 1
        assert {line.split(",")[0] for line in lines[1:]} == expected_codes


def test_centre_manager_sees_one_centre_everywhere(client, users, registry):
    manager = users["centre_manager"]
    client.force_login(manager)
    assert [c.code for c in client.get("/blk/").context["page"]] == ["2035000001"]
    assert client.get("/api/v1/centres").json()["count"] == 1
    form = client.get(f"/bantuan/baru/?centre={registry['sby'].pk}").context["form"]
    assert list(form.fields["centre"].queryset.values_list("code", flat=True)) == ["2035000001"]
    edit = client.get(f"/blk/{registry['sby'].pk}/ubah/").context["form"]
    assert list(edit.fields["regency"].queryset.values_list("code", flat=True)) == ["35.78"]
    assert client.get("/api/v1/grants").json()["count"] == 0
    assert client.get("/api/v1/hosts").json()["count"] == 1


@pytest.mark.parametrize(
    "url,anonymous,researcher,admin",
    [
        ("/blk/", 302, 200, 200),
        ("/blk/baru/", 302, 403, 200),
        ("/lembaga/", 302, 200, 200),
        ("/lembaga/baru/", 302, 403, 200),
        ("/bantuan/", 302, 200, 200),
        ("/bantuan/baru/", 302, 403, 200),
        ("/keluaran-pelatihan/baru/", 302, 403, 200),
        ("/kejuruan/", 302, 200, 200),
        ("/kejuruan/baru/", 302, 403, 200),
        ("/impor/", 302, 403, 200),
        ("/impor/templat/centres/", 302, 403, 200),
        ("/pengguna/", 302, 403, 200),
        ("/pengguna/undang/", 302, 403, 200),
        ("/akun/token/", 302, 200, 200),
        ("/api/v1/centres", 401, 200, 200),
        ("/api/v1/hosts", 401, 200, 200),
        ("/api/v1/grants", 401, 200, 200),
    ],
)
def test_every_page_by_role(client, users, url, anonymous, researcher, admin):
    assert client.get(url).status_code == anonymous
    client.force_login(users["researcher"])
    assert client.get(url).status_code == researcher
    client.force_login(users["national_admin"])
    assert client.get(url).status_code == admin


def test_deactivate_is_for_national_admins_only(client, users, registry):
    centre = registry["sby"]
    client.force_login(users["regional_officer"])
    assert client.post(f"/blk/{centre.pk}/nonaktifkan/", {"reason": "tutup"}).status_code == 403
    centre.refresh_from_db()
    assert centre.status == "active"
    assert AuditEntry.objects.count() == 0
    client.force_login(users["national_admin"])
    assert (
        client.post(
            f"/blk/{centre.pk}/nonaktifkan/", {"reason": "Lembaga tidak aktif sejak 2023"}
        ).status_code
        == 302
    )
    centre.refresh_from_db()
    assert (centre.status, centre.deactivation_reason) == ("inactive", "Lembaga tidak aktif sejak 2023")
    assert AuditEntry.objects.get().action == "deactivate"


def test_centre_manager_cannot_register_centres(client, users, registry):
    client.force_login(users["centre_manager"])
    assert client.get("/blk/baru/").status_code == 403
    assert client.get("/lembaga/baru/").status_code == 403
    response = client.post(
        "/api/v1/centres",
        json.dumps(
            {
                "code": "2135000999",
                "name": "BLK Baru",
                "host": registry["sby"].host_id,
                "regency": "35.78",
                "established_year": 2021,
                "vocation": registry["sby"].vocation_id,
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Centre.objects.count() == 5 and AuditEntry.objects.count() == 0
    assert "/blk/baru/" not in client.get("/").content.decode()
