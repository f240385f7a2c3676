"""Results of a round: the results page (filters, sort), its exports read back, scope, and a query-count
bound for the results table.

Given (conftest): the small instrument and the round over sby and bali; `done` has sby verified by two
assessors (asesor1, asesor2) and bali submitted by asesor1; `both` has bali verified by both too.
"""

import csv
import datetime
import io
import re
from decimal import Decimal as D

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from python_calamine import CalamineWorkbook

from inkubator.access.tests.factories import make_user
from inkubator.assessment import services
from inkubator.assessment.tests.conftest import HAND_ANSWERS, SECOND, complete
from inkubator.centres.tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def en(client):
    """The client with English chosen (the language cookie): the interface ignores Accept-Language."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# --------------------------------------------------------------------------------------------------


def test_results_page_filters_and_sort(client, users, registry, both):
    client.force_login(users["researcher"])
    url = f"/asesmen/putaran/{both.pk}/hasil/"
    page = en(client).get(url)
    assert page.status_code == 200
    # bali: A1 (75+100)/2 = 87.5, A2 0, B1 (66.67+100)/2 = 83.33, B2 100; A = 175/3 = 58.33,
    # B = (83.33 + 300)/4 = 95.83; R = 35 + 38.33 = 73.33 → ready. Highest index first.
    assert [c.code for c in page.context["page"]] == ["2051000001", "2035000001"]
    row = re.search(rb'<tr id="result-%d">(.*?)</tr>' % registry["bali"].pk, page.content, re.S).group(1)
    assert b"58.33" in row and b"95.83" in row and b"73.33" in row and b"Ready</span>" in row
    assert page.context["distribution"]["counts"] == [0, 0, 0, 0, 0, 1, 0, 1, 0, 0]
    assert [(c["value"], c["count"]) for c in page.context["distribution"]["classes"]] == [
        ("ready", 1),
        ("assisted", 1),
        ("not_ready", 0),
    ]
    assert b'id="results-distribution"' in page.content and b"inkubator/results.js" in page.content
    assert b"layout=long" in page.content  # the researcher may export

    def codes(query):
        return [c.code for c in en(client).get(url + query).context["page"]]

    assert codes("?sort=index") == ["2035000001", "2051000001"]
    assert codes("?readiness=assisted") == ["2035000001"]
    assert codes("?province=51") == ["2051000001"]
    assert codes("?q=nurul") == ["2035000001"]
    assert codes("?q=zzz") == []
    assert codes("?readiness=bogus") == ["2051000001", "2035000001"]  # an invalid filter is ignored


WIDE_HEADER = [
    "Centre code",
    "Centre name",
    "Province",
    "Regency/city",
    "Verified assessors",
    "A1",
    "A2",
    "B1",
    "B2",
    "Dimension A",
    "Dimension B",
    "Readiness index",
    "Readiness class",
]
LONG_HEADER = [
    "Round",
    "Centre code",
    "Centre name",
    "Province",
    "Assessor",
    "Status",
    "Indicator",
    "Dimension",
    "Type",
    "Option",
    "Number",
    "Text",
    "Score (0–100)",
    "Returned",
]


def _csv(response):
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    return book.get_sheet_by_index(0).to_python()


def test_wide_export_xlsx_and_csv(client, users, registry, done):
    client.force_login(users["researcher"])
    url = f"/asesmen/putaran/{done.pk}/hasil/"
    sby = registry["sby"]
    province, regency = sby.regency.province.name, sby.regency.name
    xlsx = en(client).get(url + "?format=xlsx&layout=wide")
    assert re.fullmatch(
        rf'attachment; filename="hasil-asesmen-{done.pk}-wide-\d{{8}}-\d{{4}}\.xlsx"',
        xlsx["Content-Disposition"],
    )
    assert _xlsx(xlsx) == [
        WIDE_HEADER,
        [
            "2035000001",
            "BLK Komunitas Nurul Huda",
            province,
            regency,
            2.0,
            50.0,
            50.0,
            66.67,
            62.5,
            50.0,
            63.54,
            55.42,
            "Ready with mentoring",
        ],
    ]
    assert _csv(en(client).get(url + "?format=csv&layout=wide")) == [
        WIDE_HEADER,
        [
            "2035000001",
            "BLK Komunitas Nurul Huda",
            province,
            regency,
            "2",
            "50.00",
            "50.00",
            "66.67",
            "62.50",
            "50.00",
            "63.54",
            "55.42",
            "Ready with mentoring",
        ],
    ]
    # filters apply to the export too
    assert _csv(en(client).get(url + "?format=csv&layout=wide&readiness=ready")) == [WIDE_HEADER]
    assert en(client).get(url + "?format=csv&layout=sideways").status_code == 400


def _long_rows(round_name, centre, status_by_user):
    """The expected long rows of one centre: asesor1 answered HAND_ANSWERS, asesor2 SECOND."""
    code, name, province = centre.code, centre.name, centre.regency.province.name
    answers = {
        "asesor1": [
            ("A1", "A", "scale", "4", "", "", "75.00"),
            ("A2", "A", "yes_no", "no", "", "", "0.00"),
            ("B1", "B", "choice", "koperasi", "", "", "66.67"),
            ("B2", "B", "number", "", "7.00", "", "100.00"),
            ("B3", "B", "text", "", "", "Pengelola aktif.", ""),
        ],
        "asesor2": [
            ("A1", "A", "scale", "2", "", "", "25.00"),
            ("A2", "A", "yes_no", "yes", "", "", "100.00"),
            ("B1", "B", "choice", "koperasi", "", "", "66.67"),
            ("B2", "B", "number", "", "2.00", "", "25.00"),
        ],
    }
    return [
        [round_name, code, name, province, user, status, ind, dim, kind, value, number, text, score, "0"]
        for user, status in status_by_user
        for ind, dim, kind, value, number, text, score in answers[user]
    ]


def test_long_export_follows_scope(client, users, registry, done):
    url = f"/asesmen/putaran/{done.pk}/hasil/?format=csv&layout=long"
    sby_rows = _long_rows(
        "Pra-identifikasi uji", registry["sby"], [("asesor1", "verified"), ("asesor2", "verified")]
    )
    bali_rows = _long_rows("Pra-identifikasi uji", registry["bali"], [("asesor1", "submitted")])
    # the researcher reviews: every assessment of the cluster, whatever its status
    client.force_login(users["researcher"])
    assert _csv(en(client).get(url)) == [LONG_HEADER, *sby_rows, *bali_rows]
    # a national viewer sees verified assessments only
    client.force_login(users["national_viewer"])
    assert _csv(en(client).get(url)) == [LONG_HEADER, *sby_rows]
    # the same as a workbook: numbers as numbers, codes as text
    book = _xlsx(en(client).get(url.replace("csv", "xlsx")))
    assert book[0] == LONG_HEADER and len(book) == 10
    assert book[4] == [
        "Pra-identifikasi uji",
        "2035000001",
        "BLK Komunitas Nurul Huda",
        registry["sby"].regency.province.name,
        "asesor1",
        "verified",
        "B2",
        "B",
        "number",
        "",
        7.0,
        "",
        100.0,
        0.0,
    ]
    # a class filter keeps the centres whose consolidated class matches
    client.force_login(users["researcher"])
    assert _csv(en(client).get(url + "&readiness=assisted")) == [LONG_HEADER, *sby_rows]
    assert _csv(en(client).get(url + "&province=51")) == [LONG_HEADER, *bali_rows]


def test_export_needs_the_export_permission(client, users, registry, done):
    base = f"/asesmen/putaran/{done.pk}/hasil/"
    for key in (
        "centre_manager",
        "assessor",
    ):  # the manager may view results, not export; the assessor neither
        client.force_login(users[key])
        assert en(client).get(base).status_code == (200 if key == "centre_manager" else 403)
        for query in ("?format=csv&layout=wide", "?format=xlsx&layout=long", "?format=csv"):
            response = en(client).get(base + query)
            assert response.status_code == 403
            assert b"Nurul Huda" not in response.content and b"2035000001" not in response.content
    client.force_login(users["centre_manager"])
    page = en(client).get(base)
    assert b"layout=long" not in page.content  # no export buttons
    client.logout()
    assert client.get(base + "?format=csv").status_code == 302  # to the login page


def test_scope_of_results(client, users, registry, done):
    sby = registry["sby"]
    # the manager of sby sees sby's verified result
    client.force_login(users["centre_manager"])
    assert [c.code for c in en(client).get(f"/asesmen/putaran/{done.pk}/hasil/").context["page"]] == [
        "2035000001"
    ]
    # the manager of bali (in the round) sees nothing of sby, and bali has no verified result yet
    client.force_login(make_user("pengelola2", "centre_manager", centre=registry["bali"]))
    page = en(client).get(f"/asesmen/putaran/{done.pk}/hasil/")
    assert page.status_code == 200 and list(page.context["page"]) == []
    assert b"Nurul Huda" not in page.content
    for url in (f"/asesmen/putaran/{done.pk}/blk/{sby.pk}/", f"/asesmen/putaran/{done.pk}/blk/{sby.pk}/pdf/"):
        assert en(client).get(url).status_code == 404
    refused = en(client).get(
        f"/asesmen/putaran/{done.pk}/banding/?centre={sby.pk}&centre={registry['bali'].pk}"
    )
    assert refused.status_code == 400 and b"Nurul Huda" not in refused.content
    assert en(client).get(f"/asesmen/putaran/{done.pk}/reliabilitas/").context["reliability"].centres == 0
    # the manager of a centre outside the round does not see the round at all
    client.force_login(make_user("pengelola3", "centre_manager", centre=registry["mlg"]))
    for suffix in ("hasil/", f"blk/{sby.pk}/", f"blk/{sby.pk}/pdf/", "banding/", "reliabilitas/"):
        assert en(client).get(f"/asesmen/putaran/{done.pk}/{suffix}").status_code == 404
    # a national viewer: only verified results (bali is only submitted)
    client.force_login(users["national_viewer"])
    assert [c.code for c in en(client).get(f"/asesmen/putaran/{done.pk}/hasil/").context["page"]] == [
        "2035000001"
    ]
    assert en(client).get(f"/asesmen/putaran/{done.pk}/blk/{registry['bali'].pk}/").status_code == 404
    # without the view permission at all
    client.force_login(make_user("pendamping1", "mentor"))
    assert en(client).get(f"/asesmen/putaran/{done.pk}/hasil/").status_code == 403


# --------------------------------------------------------------------------------------------------
# Query count
# --------------------------------------------------------------------------------------------------


def test_results_page_queries_do_not_grow_with_centres(
    client, users, registry, cluster, asesor2, instrument, django_assert_max_num_queries
):
    extra = [CentreFactory(regency_id="35.78") for _ in range(10)]
    cluster.centres.add(*extra)
    centres = [registry["sby"], registry["bali"], *extra]
    rnd = services.round_create(
        actor=users["researcher"],
        centres=centres,
        data={
            "name": "Putaran besar",
            "instrument": instrument,
            "starts_on": datetime.date(2026, 1, 5),
            "ends_on": datetime.date(2026, 3, 31),
        },
    )

    def verify(centre):
        for assessor, answers in ((users["assessor"], HAND_ANSWERS), (asesor2, SECOND)):
            a = services.round_assign(actor=users["researcher"], round=rnd, centre=centre, assessor=assessor)
            complete(users, assessor, a, answers)

    for centre in centres[:2]:
        verify(centre)
    client.force_login(users["researcher"])
    url = f"/asesmen/putaran/{rnd.pk}/hasil/"
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as two:
        assert len(client.get(url).context["page"]) == 2
    for centre in centres[2:]:
        verify(centre)
    # session, user, scope grants, round, provinces, instrument (dimensions, indicators, options, bands,
    # and dimensions and indicators again for the labels), verified assessments, all their answers
    with django_assert_max_num_queries(13):
        response = client.get(url)
    assert len(response.context["page"]) == 12
    assert all(c.composite == D("55.42") for c in response.context["page"])
    assert len(two) == 13
    with django_assert_max_num_queries(13):
        assert client.get(url + "?format=xlsx&layout=wide").status_code == 200
    with django_assert_max_num_queries(6):  # session, user, grants, round, provinces, answers
        assert len(_csv(client.get(url + "?format=csv&layout=long"))) == 1 + 12 * 9
