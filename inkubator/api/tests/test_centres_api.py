"""The registry API: list shape, filters, create/patch validation naming the field, tokens, one error shape."""

import json

import pytest

from inkubator.accounts.models import ApiToken
from inkubator.accounts.services import token_create, token_revoke
from inkubator.centres.models import Centre
from inkubator.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def post_json(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def patch_json(client, url, data, **extra):
    return client.patch(url, json.dumps(data), content_type="application/json", **extra)


def test_list_shape_pagination_and_filters(client, users, registry):
    client.force_login(users["national_admin"])
    body = client.get("/api/v1/centres", {"limit": 2, "offset": 1}).json()
    assert set(body) == {"items", "count"}
    assert body["count"] == 5
    assert [c["name"] for c in body["items"]] == ["BLK Komunitas Darul Ulum", "BLK Komunitas Darussalam"]
    jatim = client.get("/api/v1/centres", {"province": "35"}).json()
    assert sorted(c["code"] for c in jatim["items"]) == ["2035000001", "2035000002"]
    search = client.get("/api/v1/centres", {"q": "widya"}).json()
    assert [c["code"] for c in search["items"]] == ["2051000001"]
    assert search["items"][0]["province"] == {"code": "51", "name": "Bali"}
    by_code = client.get("/api/v1/centres", {"sort": "-code", "limit": 1}).json()
    assert by_code["items"][0]["code"] == "2051000001"


@pytest.mark.parametrize(
    "params,field",
    [
        ({"limit": 0}, None),
        ({"limit": 501}, None),
        ({"offset": -1}, None),
        ({"maturity_class": "hebat"}, "maturity_class"),
        ({"province": "99"}, "province"),
        ({"limit": "lima"}, "limit"),
    ],
)
def test_bad_list_parameters_are_refused_clearly(client, users, params, field):
    client.force_login(users["national_admin"])
    response = client.get("/api/v1/centres", params)
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"}
    if field:
        assert field in body["errors"]


def _new_centre(registry, **changes):
    data = {
        "code": "2135000999",
        "name": "BLK Komunitas Baru",
        "host": registry["sby"].host_id,
        "regency": "35.78",
        "established_year": 2021,
        "vocation": registry["sby"].vocation_id,
        "maturity_class": "tumbuh",
    }
    data.update(changes)
    return data


def test_create_through_api_is_audited(client, users, registry):
    client.force_login(users["regional_officer"])
    response = post_json(client, "/api/v1/centres", _new_centre(registry))
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["code"], body["regency"]["code"], body["status"], body["version"]) == (
        "2135000999",
        "35.78",
        "active",
        1,
    )
    entry = AuditEntry.objects.get(action="create")
    assert entry.actor == users["regional_officer"] and entry.changes["code"] == [None, "2135000999"]


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"established_year": 2010}, "established_year"),
        ({"latitude": "50"}, "latitude"),
        ({"regency": "99.99"}, "regency"),
        ({"code": "2035000001"}, "code"),  # already used
        ({"maturity_class": "hebat"}, "maturity_class"),
        ({"name": ""}, "name"),
        ({"vocation": 999999}, "vocation"),
    ],
)
def test_invalid_create_names_the_field_and_writes_nothing(client, users, registry, changes, field):
    client.force_login(users["national_admin"])
    response = post_json(client, "/api/v1/centres", _new_centre(registry, **changes))
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert Centre.objects.count() == 5
    assert AuditEntry.objects.count() == 0


def test_unknown_and_missing_body_fields_are_refused(client, users, registry):
    client.force_login(users["national_admin"])
    unknown = post_json(client, "/api/v1/centres", {**_new_centre(registry), "status": "inactive"})
    assert unknown.status_code == 422 and "status" in unknown.json()["errors"]
    missing = post_json(client, "/api/v1/centres", {"code": "2135000999"})
    assert missing.status_code == 422 and {"name", "host", "regency"} <= set(missing.json()["errors"])
    broken = client.post("/api/v1/centres", "{not json", content_type="application/json")
    assert broken.status_code in (400, 422) and set(broken.json()) == {"detail", "errors"}
    assert Centre.objects.count() == 5


def test_create_outside_scope_is_refused(client, users, registry):
    client.force_login(users["regional_officer"])  # Jawa Timur only
    response = post_json(
        client, "/api/v1/centres", _new_centre(registry, regency="32.76", host=registry["bgr"].host_id)
    )
    assert response.status_code in (403, 422)
    assert Centre.objects.count() == 5 and AuditEntry.objects.count() == 0


def test_patch_changes_only_given_fields_and_checks_version(client, users, registry):
    centre = registry["sby"]
    client.force_login(users["centre_manager"])
    response = patch_json(client, f"/api/v1/centres/{centre.pk}", {"instructors": 4, "version": 1})
    assert response.status_code == 200
    assert (response.json()["instructors"], response.json()["version"], response.json()["name"]) == (
        4,
        2,
        "BLK Komunitas Nurul Huda",
    )
    stale = patch_json(client, f"/api/v1/centres/{centre.pk}", {"instructors": 9, "version": 1})
    assert stale.status_code == 409
    centre.refresh_from_db()
    assert (centre.instructors, centre.version) == (4, 2)
    assert AuditEntry.objects.filter(action="update").count() == 1


def test_personal_token_authenticates_and_revocation_stops_it(client, users, registry):
    user = users["researcher"]
    token, key = token_create(user=user, name="notebook")
    assert token.key_hash == ApiToken.hash_key(key) and key not in (token.key_hash, token.prefix)
    ok = client.get("/api/v1/centres", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert ok.status_code == 200 and ok.json()["count"] == 2
    assert client.get("/api/v1/centres", HTTP_AUTHORIZATION="Bearer ink_wrong").status_code == 401
    token_revoke(user=user, token_id=token.pk)
    assert client.get("/api/v1/centres", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_token_of_deactivated_user_stops_working(client, users):
    user = users["researcher"]
    _token, key = token_create(user=user, name="script")
    user.is_active = False
    user.save()
    assert client.get("/api/v1/centres", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_token_page_shows_key_once_and_only_owner_revokes(client, users):
    owner, other = users["researcher"], users["assessor"]
    client.force_login(owner)
    response = client.post("/akun/token/", {"name": "R script"})
    key = response.context["new_key"]
    assert key.startswith("ink_") and key in response.content.decode()
    assert key not in client.get("/akun/token/").content.decode()
    token = ApiToken.objects.get(user=owner)
    client.force_login(other)
    assert client.post(f"/akun/token/{token.pk}/cabut/").status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_openapi_docs_are_served_locally(client):
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn" not in html.lower() and "/static/" in html
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/centres" in schema["paths"] and "/api/v1/regions/provinces" in schema["paths"]
    assert client.get("/api/docs").status_code == 302
