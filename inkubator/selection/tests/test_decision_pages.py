"""Publishing a run as a decision (national admins only; refused means unchanged) and the public decisions."""

import pytest

from inkubator.selection import services
from inkubator.selection.models import Decision

from .page_helpers import BGR, SBY, db_state, indonesian, post_json

pytestmark = pytest.mark.django_db


def test_publish_by_admin_not_by_researcher(client, users, run):
    client.force_login(users["researcher"])
    page = client.get(f"/seleksi/run/{run.pk}/")
    assert page.context["publish_form"] is None and b'id="publish-form"' not in page.content
    before = db_state()
    response = client.post(f"/seleksi/run/{run.pk}/terbitkan/", {"title": "Penetapan"})
    assert response.status_code == 403
    assert db_state() == before
    assert (
        post_json(client, f"/api/v1/selection/runs/{run.pk}/publish", {"title": "Penetapan"}).status_code
        == 403
    )
    assert db_state() == before

    client.force_login(users["national_admin"])
    response = client.post(
        f"/seleksi/run/{run.pk}/terbitkan/",
        {
            "title": "Penetapan BLK Komunitas sebagai Inkubator Wirausaha 2026",
            "reference": "KEP.5/BINAPENTA/2026",
            "note": "Tahap pertama.",
        },
    )
    decision = Decision.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/seleksi/keputusan/{decision.pk}/"
    run.refresh_from_db()
    assert (run.status, decision.published_by, decision.reference) == (
        "published",
        users["national_admin"],
        "KEP.5/BINAPENTA/2026",
    )
    page = client.get(f"/seleksi/run/{run.pk}/")
    assert page.context["publish_form"] is None and page.context["decision"] == decision
    again = client.post(f"/seleksi/run/{run.pk}/terbitkan/", {"title": "Lagi"})
    assert again.status_code == 422 and Decision.objects.count() == 1
    assert again.context["publish_form"].errors["__all__"] == [indonesian("This run is already published.")]


def test_published_decision_is_public(client, users, run):
    decision = services.decision_publish(
        actor=users["national_admin"], run=run, title="Penetapan 2026", reference="KEP.5/2026"
    )
    response = client.get("/seleksi/keputusan/")  # anonymous
    assert response.status_code == 200
    item = response.context["decisions"][0]
    assert item["decision"] == decision
    assert item["rows"] == [
        {"code": BGR, "name": "BLK Komunitas Darul Ulum", "province": "Jawa Barat", "rank": 3},
        {"code": SBY, "name": "BLK Komunitas Nurul Huda", "province": "Jawa Timur", "rank": 1},
    ]
    html = response.content.decode()
    for text in (
        "Penetapan 2026",
        "KEP.5/2026",
        run.input_hash,
        run.output_hash,
        "BLK Komunitas Darul Ulum",
        f"/seleksi/keputusan/{decision.pk}/pdf/",
    ):
        assert text in html
    assert "BLK Komunitas Darussalam" not in html  # not selected
    assert client.get(f"/seleksi/keputusan/{decision.pk}/").status_code == 200
    pdf = client.get(f"/seleksi/keputusan/{decision.pk}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(f"/seleksi/run/{run.pk}/pdf/").status_code == 302  # the run itself is not public
    assert client.get("/seleksi/keputusan/999/").status_code == 404


def test_decisions_page_without_decisions(client):
    response = client.get("/seleksi/keputusan/")
    assert response.status_code == 200 and b'id="no-decisions"' in response.content
