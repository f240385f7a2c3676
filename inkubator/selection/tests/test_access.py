"""Selection pages by role and scope: who sees what (a scope matrix), the menu, and list pages whose
query count does not grow with their rows."""

import pytest

from inkubator.access.tests.factories import make_user
from inkubator.selection import services

pytestmark = pytest.mark.django_db


def test_pages_by_role(client, users, finished, run):
    pages = [
        "/seleksi/",
        "/seleksi/bobot/",
        f"/seleksi/bobot/{finished['weights'].pk}/",
        "/seleksi/run/",
        f"/seleksi/run/{run.pk}/",
        f"/seleksi/run/{run.pk}/xlsx/",
    ]
    manage = [
        "/seleksi/bobot/baru/",
        "/seleksi/run/baru/",
        f"/seleksi/run/baru/?round={finished['round'].pk}",
    ]
    for url in pages + manage:
        response = client.get(url)
        assert (response.status_code, response["Location"].split("?")[0]) == (302, "/accounts/login/"), url
    for role in ("regional_officer", "assessor", "centre_manager"):
        client.force_login(users[role])
        assert [client.get(url).status_code for url in pages + manage] == [403] * 9, role
    client.force_login(make_user("pendamping1", "mentor"))
    assert [client.get(url).status_code for url in pages + manage] == [403] * 9
    client.force_login(users["national_viewer"])  # sees everything, manages nothing
    assert [client.get(url).status_code for url in pages] == [200] * 6
    assert [client.get(url).status_code for url in manage] == [403] * 3
    for role in ("researcher", "national_admin"):  # the round has centres of the researcher's cluster
        client.force_login(users[role])
        assert [client.get(url).status_code for url in pages + manage] == [200] * 9, role


def test_run_outside_scope_is_not_found(client, users, run):
    from inkubator.access.models import Cluster
    from inkubator.accounts.models import PartnerOrganisation

    partner = PartnerOrganisation.objects.create(name="IPB University", short_name="IPB")
    empty = Cluster.objects.create(partner=partner, name="Klaster IPB", year=2024)
    client.force_login(make_user("peneliti2", "researcher", cluster=empty))
    assert client.get("/seleksi/").status_code == 200
    assert client.get(f"/seleksi/run/{run.pk}/").status_code == 404
    assert client.get(f"/seleksi/run/{run.pk}/pdf/").status_code == 404
    assert client.get(f"/api/v1/selection/runs/{run.pk}").status_code == 404
    assert client.get("/api/v1/selection/runs").json()["count"] == 0


def test_menu_shows_selection_by_permission(client, users):
    client.force_login(users["national_viewer"])
    assert b'href="/seleksi/"' in client.get("/").content
    client.force_login(users["assessor"])
    page = client.get("/").content
    assert b'href="/seleksi/"' not in page and b'href="/seleksi/keputusan/"' in page


def test_list_pages_query_count_does_not_grow(client, users, finished):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts():
        result = []
        for url in ("/seleksi/", "/seleksi/bobot/", "/seleksi/run/", "/seleksi/keputusan/"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    def one_more(k):
        ws = services.weight_set_create(
            actor=users["national_admin"],
            name=f"Manual {k}",
            instrument=finished["instrument"],
            source="manual",
            weights=[1, k],
        )
        run = services.run_create(
            actor=users["national_admin"],
            name=f"Run {k}",
            rnd=finished["round"],
            weight_set=ws,
            constraints={"n": 2},
            draws=50,
        )
        services.decision_publish(actor=users["national_admin"], run=run, title=f"Keputusan {k}")

    client.force_login(users["national_admin"])
    one_more(1)
    first = counts()
    one_more(2)
    one_more(3)
    assert counts() == first
