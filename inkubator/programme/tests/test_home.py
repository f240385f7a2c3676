"""Each role's home page leads to that role's work (issue 9 §3), in the world of the scope matrix.

The world (`scope_world.py`): the assessor has a draft (sby) and a submitted assessment (bali) in the open
round "Pra-identifikasi 2026" (due 1 March 2026); sby's assessments of the finished round are verified; a
decision is published from that round. The centre manager manages sby; the regional officer covers
Jawa Timur (sby, and mlg, deactivated); the researcher covers the UINSA cluster (sby + bali).
"""

import re

import pytest
from django.urls import reverse

from inkubator.programme.tests.page_text import visible_text
from inkubator.programme.tests.scope_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(registry, users):
    return build_world(registry, users)


def home_of(client, user) -> str:
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, element_id: str) -> str:
    found = re.search(rf'<section[^>]*id="{element_id}".*?</section>', html, flags=re.S)
    assert found, f"no #{element_id} on the page"
    return found.group(0)


def test_assessor_sees_open_assignments_first_with_due_dates(client, world):
    html = home_of(client, world.users["assessor"])
    work = section(html, "assessor-work")
    assert html.index('id="assessor-work"') < html.index('id="role-actions"')  # the work comes first
    assert f'href="{reverse("assessment:assessment_form", args=[world.draft.pk])}"' in work
    assert f'href="{reverse("assessment:assessment_form", args=[world.submitted.pk])}"' not in work  # sent
    text, _history = visible_text(work)
    assert "Tugas asesmen terbuka Anda | 1 |" in text
    assert "BLK Komunitas Nurul Huda" in text and "Kota Surabaya" in text
    assert "Draf" in text and "Tenggat 1 Maret 2026" in text
    assert "1 asesmen menunggu ditinjau." in text


def test_centre_manager_sees_the_centre_its_results_and_report(client, world):
    work = section(home_of(client, world.users["centre_manager"]), "manager-centre")
    sby = world.centre
    assert f'href="{reverse("centres:centre_detail", args=[sby.pk])}"' in work
    assert f'href="{reverse("centres:centre_update", args=[sby.pk])}"' in work
    report = reverse("assessment:round_centre_report", args=[world.finished_round.pk, sby.pk])
    pdf = reverse("assessment:round_centre_report_pdf", args=[world.finished_round.pk, sby.pk])
    assert f'href="{report}"' in work and f'href="{pdf}"' in work
    assert "Pra-identifikasi 2026" not in work  # no verified result in the open round


def test_regional_officer_sees_verifications_and_the_region(client, world):
    work = section(home_of(client, world.users["regional_officer"]), "officer-region")
    text, _history = visible_text(work)
    assert 'id="region-total">2<' in work  # sby and mlg (inactive) in Jawa Timur
    assert f'href="{reverse("centres:centre_list")}"' in work
    assert f'href="{reverse("centres:import_start")}"' in work
    assert "BLK Komunitas yang menunggu verifikasi" in text


def test_researcher_sees_rounds_in_progress_and_the_review_queue(client, world):
    work = section(home_of(client, world.users["researcher"]), "researcher-rounds")
    assert f'href="{reverse("assessment:round_detail", args=[world.open_round.pk])}"' in work
    queue = f"{reverse('assessment:assessment_list')}?round={world.open_round.pk}&amp;status=submitted"
    assert f'href="{queue}"' in work
    text, _history = visible_text(work)
    assert "Tinjau 1 asesmen terkirim" in text
    assert "Pra-identifikasi 2025" not in text  # closed rounds are not in progress


@pytest.mark.parametrize("role", ["national_viewer", "national_admin"])
def test_national_roles_see_the_programme_funnel_and_the_province_map(client, world, role):
    html = home_of(client, world.users[role])
    work = section(html, "programme-funnel")
    values = dict(re.findall(r'data-step="(\w+)">.*?<strong>([^<]+)</strong>', work, flags=re.S))
    # 4 active centres (mlg is inactive); sby and bali assessed; sby ready; 1 selected by the decision
    assert values == {
        "centres": "4",
        "assessed": "2",
        "ready": "1",
        "selected": "1",
        "incubators": "fase berikutnya",
    }
    assert f'href="{reverse("selection:decision_detail", args=[world.decision.pk])}"' in work
    assert 'id="tile-map-data"' in work and 'id="tile-map"' in work
    assert "echarts.min" in html


def test_anonymous_home_invites_to_log_in(client):
    html = client.get("/").content.decode()
    assert f'href="{reverse("accounts:login")}"' in html
    assert 'id="assessor-work"' not in html and 'id="programme-funnel"' not in html
