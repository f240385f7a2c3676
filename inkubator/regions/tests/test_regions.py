import pytest

from inkubator.regions.models import Province, Regency
from inkubator.regions.services import regions_load

pytestmark = pytest.mark.django_db


def test_migration_loads_all_38_provinces_and_514_regencies():
    assert Province.objects.count() == 38
    assert Regency.objects.count() == 514
    assert Regency.objects.filter(kind="kota").count() == 98
    assert Regency.objects.filter(kind="kabupaten").count() == 416


def test_codes_follow_kemendagri():
    assert Province.objects.get(code="32").name == "Jawa Barat"
    depok = Regency.objects.get(code="32.76")
    assert (depok.name, depok.kind, depok.province_id) == ("Kota Depok", "kota", "32")
    assert Province.objects.get(code="96").name == "Papua Barat Daya"


def test_loading_again_changes_nothing():
    assert regions_load() == (38, 514)
    assert Province.objects.count() == 38
    assert Regency.objects.count() == 514


def test_public_api_lists_provinces_and_regencies(client):
    provinces = client.get("/api/v1/regions/provinces").json()
    assert provinces["count"] == 38
    assert provinces["items"][0] == {"code": "11", "name": "Aceh"}
    all_regencies = client.get("/api/v1/regions/regencies").json()
    assert all_regencies["count"] == 514
    jabar = client.get("/api/v1/regions/regencies", {"province": "32"}).json()
    assert jabar["count"] == 27
    assert {"code": "32.76", "name": "Kota Depok", "kind": "kota", "province": "32"} in jabar["items"]
    assert client.get("/api/v1/regions/regencies", {"province": "99"}).json() == {"items": [], "count": 0}
