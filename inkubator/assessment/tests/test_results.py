"""Results of a round: consolidation by hand, exports read back, scope, the PDF report, comparison,
reliability against the `krippendorff` package, and a query-count bound for the results table.

Given: the small instrument of conftest (A: A1 scale 1–5 ×2, A2 yes/no ×1, weight 0.6;
B: B1 choice 0/2/3 ×1, B2 number bands 0/1/2/4 ×3, B3 text, weight 0.4) and the round over sby and bali.
Two assessors (asesor1, asesor2) of the same cluster both assess sby; asesor1 also assesses bali.
"""

import csv
import datetime
import io
import re
import zlib
from decimal import Decimal as D

import krippendorff
import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from python_calamine import CalamineWorkbook

from inkubator.assessment import results, services
from inkubator.assessment.models import Answer, Assessment, Evidence
from inkubator.assessment.tests.conftest import HAND_ANSWERS, PNG
from inkubator.centres.tests.factories import CentreFactory, make_user

pytestmark = pytest.mark.django_db

# asesor1 on sby (HAND_ANSWERS): A1=4 → 75, A2=no → 0, B1=koperasi → 66.67, B2=7 → 100;
#   A = (2·75 + 0)/3 = 50, B = (66.67 + 3·100)/4 = 91.67, index = 0.6·50 + 0.4·91.67 = 66.67 (assisted).
# asesor2 on sby (SECOND): A1=2 → 25, A2=yes → 100, B1=koperasi → 66.67, B2=2 → band [1,3) = 1 of 4 → 25;
#   A = (2·25 + 100)/3 = 50, B = (66.67 + 3·25)/4 = 35.42, index = 30 + 14.17 = 44.17 (not ready).
SECOND = {"A1": {"value": "2"}, "A2": {"value": "yes"}, "B1": {"value": "koperasi"}, "B2": {"number": "2"}}
# asesor2 on bali (used where bali is verified too): A1=5 → 100, A2=no → 0, B1=yayasan → 100, B2=7 → 100.
BALI_SECOND = {"A1": {"value": "5"}, "A2": {"value": "no"}, "B1": {"value": "yayasan"}, "B2": {"number": "7"}}

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _complete(users, assessor, assessment, answers, *, verify=True):
    """Fill in, attach the required evidence, submit and (optionally) verify, through the services."""
    a = services.assessment_save(actor=assessor, assessment=assessment, answers=answers)
    services.evidence_add(
        actor=assessor, assessment=a, indicator_code="A1",
        upload=SimpleUploadedFile(f"sk-{assessor.username}.png", PNG, content_type="image/png"),
    )
    a = services.assessment_submit(actor=assessor, assessment=Assessment.objects.get(pk=a.pk))
    if verify:
        a = services.assessment_verify(actor=users["researcher"], assessment=a)
    return a


@pytest.fixture
def cluster(users):
    return users["assessor"].scope_grants.get(kind="cluster").cluster


@pytest.fixture
def asesor2(cluster):
    return make_user("asesor2", "assessor", cluster=cluster)


@pytest.fixture
def done(users, registry, round_, asesor2):
    """sby verified by asesor1 and asesor2; bali submitted by asesor1 but not verified."""
    services.round_assign(actor=users["researcher"], round=round_, centre=registry["sby"], assessor=asesor2)
    sby = {a.assessor_id: a for a in Assessment.objects.filter(round=round_, centre=registry["sby"])}
    _complete(users, users["assessor"], sby[users["assessor"].pk], HAND_ANSWERS)
    _complete(users, asesor2, sby[asesor2.pk], SECOND)
    bali = Assessment.objects.get(round=round_, centre=registry["bali"])
    _complete(users, users["assessor"], bali, HAND_ANSWERS, verify=False)
    return round_


@pytest.fixture
def both(users, registry, done, asesor2):
    """As `done`, and bali verified by asesor1 and asesor2 too."""
    services.round_assign(actor=users["researcher"], round=done, centre=registry["bali"], assessor=asesor2)
    bali1 = Assessment.objects.get(round=done, centre=registry["bali"], assessor=users["assessor"])
    services.assessment_verify(actor=users["researcher"], assessment=bali1)
    bali2 = Assessment.objects.get(round=done, centre=registry["bali"], assessor=asesor2)
    _complete(users, asesor2, bali2, BALI_SECOND)
    return done


# --------------------------------------------------------------------------------------------------
# Consolidation
# --------------------------------------------------------------------------------------------------


def test_consolidated_result_by_hand(users, registry, done):
    data = results.round_results(user=users["researcher"], round=done)
    assert [c.code for c in data.centres] == ["2035000001"]  # bali is not verified: no result
    sby = data.centres[0]
    # Median of two = mean: A1 (75+25)/2 = 50, A2 (0+100)/2 = 50, B1 66.67, B2 (100+25)/2 = 62.5.
    assert sby.indicators == {"A1": D("50.00"), "A2": D("50.00"), "B1": D("66.67"), "B2": D("62.50")}
    # A = (2·50 + 50)/3 = 50; B = (66.666… + 3·62.5)/4 = 254.1666…/4 = 63.5416… → 63.54;
    # index = 0.6·50 + 0.4·63.5416… = 30 + 25.4166… = 55.4166… → 55.42: ready with mentoring (50 ≤ R < 70).
    assert sby.dimensions == {"A": D("50.00"), "B": D("63.54")}
    assert (sby.composite, sby.readiness_class, sby.n_assessors) == (D("55.42"), "assisted", 2)
    assert [(a.username, a.composite, a.readiness_class) for a in sby.assessors] == [
        ("asesor1", D("66.67"), "assisted"), ("asesor2", D("44.17"), "not_ready"),
    ]
    assert (sby.province_name, sby.regency_name) == (
        registry["sby"].regency.province.name, registry["sby"].regency.name,
    )
    # Disagreement on the 0–100 scores: A1 75 vs 25, A2 0 vs 100, B1 equal, B2 100 vs 25.
    assert {code: (d["n"], d["range"], d["mean"]) for code, d in sby.disagreement.items()} == {
        "A1": (2, 50.0, 50.0), "A2": (2, 100.0, 50.0), "B1": (2, 0.0, 66.67), "B2": (2, 75.0, 62.5),
    }


def test_median_and_mean_differ_with_three_assessors(users, registry, done, cluster):
    asesor3 = make_user("asesor3", "assessor", cluster=cluster)
    a3 = services.round_assign(actor=users["researcher"], round=done, centre=registry["sby"], assessor=asesor3)
    # asesor3: A1=5 → 100, A2=yes → 100, B1=none → 0, B2=0 → band (−∞,1) = 0 points → 0.
    _complete(users, asesor3, a3, {"A1": {"value": "5"}, "A2": {"value": "yes"}, "B1": {"value": "none"},
                                   "B2": {"number": "0"}})
    sby = results.round_results(user=users["researcher"], round=done).centres[0]
    # Median: A1 med(75,25,100) = 75, A2 med(0,100,100) = 100, B1 med(66.67,66.67,0) = 66.67,
    # B2 med(100,25,0) = 25; A = (150+100)/3 = 83.33; B = (66.67+75)/4 = 35.42; R = 50 + 14.17 = 64.17.
    assert sby.indicators == {"A1": D("75.00"), "A2": D("100.00"), "B1": D("66.67"), "B2": D("25.00")}
    assert (sby.dimensions, sby.composite, sby.readiness_class) == (
        {"A": D("83.33"), "B": D("35.42")}, D("64.17"), "assisted",
    )
    rnd = services.round_update(actor=users["researcher"], round=done, data={"consolidation_rule": "mean"})
    sby = results.round_results(user=users["researcher"], round=rnd).centres[0]
    # Mean: A1 200/3 = 66.67, A2 200/3 = 66.67, B1 400/9 = 44.44, B2 125/3 = 41.67;
    # A = (2·200/3 + 200/3)/3 = 66.67; B = (400/9 + 125)/4 = 42.36; R = 40 + 16.94 = 56.94.
    assert sby.indicators == {"A1": D("66.67"), "A2": D("66.67"), "B1": D("44.44"), "B2": D("41.67")}
    assert (sby.dimensions, sby.composite, sby.n_assessors) == ({"A": D("66.67"), "B": D("42.36")}, D("56.94"), 3)


# --------------------------------------------------------------------------------------------------
# Results page and exports
# --------------------------------------------------------------------------------------------------


def test_results_page_filters_and_sort(client, users, registry, both):
    client.force_login(users["researcher"])
    url = f"/asesmen/putaran/{both.pk}/hasil/"
    page = client.get(url, **EN)
    assert page.status_code == 200
    # bali: A1 (75+100)/2 = 87.5, A2 0, B1 (66.67+100)/2 = 83.33, B2 100; A = 175/3 = 58.33,
    # B = (83.33 + 300)/4 = 95.83; R = 35 + 38.33 = 73.33 → ready. Highest index first.
    assert [c.code for c in page.context["page"]] == ["2051000001", "2035000001"]
    row = re.search(rb'<tr id="result-%d">(.*?)</tr>' % registry["bali"].pk, page.content, re.S).group(1)
    assert b"58.33" in row and b"95.83" in row and b"73.33" in row and b"Ready</span>" in row
    assert page.context["distribution"]["counts"] == [0, 0, 0, 0, 0, 1, 0, 1, 0, 0]
    assert [(c["value"], c["count"]) for c in page.context["distribution"]["classes"]] == [
        ("ready", 1), ("assisted", 1), ("not_ready", 0),
    ]
    assert b'id="results-distribution"' in page.content and b"inkubator/results.js" in page.content
    assert b"layout=long" in page.content  # the researcher may export

    def codes(query):
        return [c.code for c in client.get(url + query, **EN).context["page"]]

    assert codes("?sort=index") == ["2035000001", "2051000001"]
    assert codes("?readiness=assisted") == ["2035000001"]
    assert codes("?province=51") == ["2051000001"]
    assert codes("?q=nurul") == ["2035000001"]
    assert codes("?q=zzz") == []
    assert codes("?readiness=bogus") == ["2051000001", "2035000001"]  # an invalid filter is ignored


WIDE_HEADER = [
    "Centre code", "Centre name", "Province", "Regency/city", "Verified assessors", "A1", "A2", "B1", "B2",
    "Dimension A", "Dimension B", "Readiness index", "Readiness class",
]
LONG_HEADER = [
    "Round", "Centre code", "Centre name", "Province", "Assessor", "Status", "Indicator", "Dimension", "Type",
    "Option", "Number", "Text", "Score (0–100)", "Returned",
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
    xlsx = client.get(url + "?format=xlsx&layout=wide", **EN)
    assert re.fullmatch(
        rf'attachment; filename="hasil-asesmen-{done.pk}-wide-\d{{8}}-\d{{4}}\.xlsx"', xlsx["Content-Disposition"]
    )
    assert _xlsx(xlsx) == [
        WIDE_HEADER,
        ["2035000001", "BLK Komunitas Nurul Huda", province, regency, 2.0, 50.0, 50.0, 66.67, 62.5, 50.0, 63.54,
         55.42, "Ready with mentoring"],
    ]
    assert _csv(client.get(url + "?format=csv&layout=wide", **EN)) == [
        WIDE_HEADER,
        ["2035000001", "BLK Komunitas Nurul Huda", province, regency, "2", "50.00", "50.00", "66.67", "62.50",
         "50.00", "63.54", "55.42", "Ready with mentoring"],
    ]
    # filters apply to the export too
    assert _csv(client.get(url + "?format=csv&layout=wide&readiness=ready", **EN)) == [WIDE_HEADER]
    assert client.get(url + "?format=csv&layout=sideways", **EN).status_code == 400


def _long_rows(round_name, centre, status_by_user):
    """The expected long rows of one centre: asesor1 answered HAND_ANSWERS, asesor2 SECOND."""
    code, name, province = centre.code, centre.name, centre.regency.province.name
    answers = {
        "asesor1": [("A1", "A", "scale", "4", "", "", "75.00"), ("A2", "A", "yes_no", "no", "", "", "0.00"),
                    ("B1", "B", "choice", "koperasi", "", "", "66.67"), ("B2", "B", "number", "", "7.00", "", "100.00"),
                    ("B3", "B", "text", "", "", "Pengelola aktif.", "")],
        "asesor2": [("A1", "A", "scale", "2", "", "", "25.00"), ("A2", "A", "yes_no", "yes", "", "", "100.00"),
                    ("B1", "B", "choice", "koperasi", "", "", "66.67"), ("B2", "B", "number", "", "2.00", "", "25.00")],
    }
    return [
        [round_name, code, name, province, user, status, ind, dim, kind, value, number, text, score, "0"]
        for user, status in status_by_user
        for ind, dim, kind, value, number, text, score in answers[user]
    ]


def test_long_export_follows_scope(client, users, registry, done):
    url = f"/asesmen/putaran/{done.pk}/hasil/?format=csv&layout=long"
    sby_rows = _long_rows("Pra-identifikasi uji", registry["sby"], [("asesor1", "verified"), ("asesor2", "verified")])
    bali_rows = _long_rows("Pra-identifikasi uji", registry["bali"], [("asesor1", "submitted")])
    # the researcher reviews: every assessment of the cluster, whatever its status
    client.force_login(users["researcher"])
    assert _csv(client.get(url, **EN)) == [LONG_HEADER, *sby_rows, *bali_rows]
    # a national viewer sees verified assessments only
    client.force_login(users["national_viewer"])
    assert _csv(client.get(url, **EN)) == [LONG_HEADER, *sby_rows]
    # the same as a workbook: numbers as numbers, codes as text
    book = _xlsx(client.get(url.replace("csv", "xlsx"), **EN))
    assert book[0] == LONG_HEADER and len(book) == 10
    assert book[4] == ["Pra-identifikasi uji", "2035000001", "BLK Komunitas Nurul Huda",
                       registry["sby"].regency.province.name, "asesor1", "verified", "B2", "B", "number", "", 7.0, "",
                       100.0, 0.0]
    # a class filter keeps the centres whose consolidated class matches
    client.force_login(users["researcher"])
    assert _csv(client.get(url + "&readiness=assisted", **EN)) == [LONG_HEADER, *sby_rows]
    assert _csv(client.get(url + "&province=51", **EN)) == [LONG_HEADER, *bali_rows]


def test_export_needs_the_export_permission(client, users, registry, done):
    base = f"/asesmen/putaran/{done.pk}/hasil/"
    for key in ("centre_manager", "assessor"):  # the manager may view results, not export; the assessor neither
        client.force_login(users[key])
        assert client.get(base, **EN).status_code == (200 if key == "centre_manager" else 403)
        for query in ("?format=csv&layout=wide", "?format=xlsx&layout=long", "?format=csv"):
            response = client.get(base + query, **EN)
            assert response.status_code == 403
            assert b"Nurul Huda" not in response.content and b"2035000001" not in response.content
    client.force_login(users["centre_manager"])
    page = client.get(base, **EN)
    assert b"layout=long" not in page.content  # no export buttons
    client.logout()
    assert client.get(base + "?format=csv").status_code == 302  # to the login page


def test_scope_of_results(client, users, registry, done):
    sby = registry["sby"]
    # the manager of sby sees sby's verified result
    client.force_login(users["centre_manager"])
    assert [c.code for c in client.get(f"/asesmen/putaran/{done.pk}/hasil/", **EN).context["page"]] == ["2035000001"]
    # the manager of bali (in the round) sees nothing of sby, and bali has no verified result yet
    client.force_login(make_user("pengelola2", "centre_manager", centre=registry["bali"]))
    page = client.get(f"/asesmen/putaran/{done.pk}/hasil/", **EN)
    assert page.status_code == 200 and list(page.context["page"]) == []
    assert b"Nurul Huda" not in page.content
    for url in (f"/asesmen/putaran/{done.pk}/blk/{sby.pk}/", f"/asesmen/putaran/{done.pk}/blk/{sby.pk}/pdf/"):
        assert client.get(url, **EN).status_code == 404
    refused = client.get(f"/asesmen/putaran/{done.pk}/banding/?centre={sby.pk}&centre={registry['bali'].pk}", **EN)
    assert refused.status_code == 400 and b"Nurul Huda" not in refused.content
    assert client.get(f"/asesmen/putaran/{done.pk}/reliabilitas/", **EN).context["reliability"].centres == 0
    # the manager of a centre outside the round does not see the round at all
    client.force_login(make_user("pengelola3", "centre_manager", centre=registry["mlg"]))
    for suffix in ("hasil/", f"blk/{sby.pk}/", f"blk/{sby.pk}/pdf/", "banding/", "reliabilitas/"):
        assert client.get(f"/asesmen/putaran/{done.pk}/{suffix}", **EN).status_code == 404
    # a national viewer: only verified results (bali is only submitted)
    client.force_login(users["national_viewer"])
    assert [c.code for c in client.get(f"/asesmen/putaran/{done.pk}/hasil/", **EN).context["page"]] == ["2035000001"]
    assert client.get(f"/asesmen/putaran/{done.pk}/blk/{registry['bali'].pk}/", **EN).status_code == 404
    # without the view permission at all
    client.force_login(make_user("pendamping1", "mentor"))
    assert client.get(f"/asesmen/putaran/{done.pk}/hasil/", **EN).status_code == 403


# --------------------------------------------------------------------------------------------------
# Centre report and PDF
# --------------------------------------------------------------------------------------------------


def test_centre_report(client, users, registry, done):
    client.force_login(users["researcher"])
    sby = registry["sby"]
    page = client.get(f"/asesmen/putaran/{done.pk}/blk/{sby.pk}/", **EN)
    assert page.status_code == 200
    report = page.context["report"]
    # strengths: highest first (ties in instrument order); weaknesses: lowest first
    assert [(i.code, s) for i, s in report.strengths] == [
        ("B1", D("66.67")), ("B2", D("62.50")), ("A1", D("50.00")), ("A2", D("50.00")),
    ]
    assert [(i.code, s) for i, s in report.weaknesses] == [
        ("A1", D("50.00")), ("A2", D("50.00")), ("B2", D("62.50")), ("B1", D("66.67")),
    ]
    assert [(r["dimension"].code, r["score"], r["assessors"]) for r in report.dimension_rows] == [
        ("A", D("50.00"), [D("50.00"), D("50.00")]), ("B", D("63.54"), [D("91.67"), D("35.42")]),
    ]
    # B1 is scored alike by both: not a disagreement; the others differ by 50, 100 and 75 points
    assert [(r["indicator"].code, r["assessors"], r["range"], r["score"]) for r in report.disagreements] == [
        ("A1", [D("75.00"), D("25.00")], D("50.00"), D("50.00")),
        ("A2", [D("0.00"), D("100.00")], D("100.00"), D("50.00")),
        ("B2", [D("100.00"), D("25.00")], D("75.00"), D("62.50")),
    ]
    assert b'id="disagree-B1"' not in page.content and b'id="disagree-B2"' in page.content
    evidence = list(Evidence.objects.filter(assessment__centre=sby).order_by("assessment__assessor__username"))
    assert [e.pk for e in report.evidence] == [e.pk for e in evidence]
    for e in evidence:
        assert f'href="/asesmen/bukti/{e.pk}/"'.encode() in page.content
    assert b"44.17" in page.content and b"66.67" in page.content  # each assessor's index
    assert b'id="centre-profile-data"' in page.content
    assert f'href="/asesmen/putaran/{done.pk}/blk/{sby.pk}/pdf/"'.encode() in page.content


def _pdf_objects(pdf: bytes) -> bytes:
    """The PDF's streams inflated (WeasyPrint compresses its object streams)."""
    out = b""
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out += zlib.decompress(match.group(1))
        except zlib.error:
            pass
    return out


def test_centre_report_pdf(client, users, registry, done):
    client.force_login(users["national_viewer"])
    response = client.get(f"/asesmen/putaran/{done.pk}/blk/{registry['sby'].pk}/pdf/", **EN)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="laporan-asesmen-2035000001.pdf"'
    assert response.content.startswith(b"%PDF-")
    objects = _pdf_objects(response.content)
    assert re.search(rb"/Producer \(WeasyPrint [\d.]+\)", objects)
    pages = int(re.search(rb"/Type /Pages\b.*?/Count (\d+)", objects, re.S).group(1))
    assert pages >= 1 and len(re.findall(rb"/Type /Page\b", objects)) == pages
    # the chart is inline SVG drawn on the server: one bar per dimension, widths = score × 3 px
    with translation.override("en"):
        from django.template.loader import render_to_string

        from inkubator.assessment.views_results import _svg_bars

        report = results.centre_report(user=users["national_viewer"], round=done, centre_id=registry["sby"].pk)
        html = render_to_string("assessment/results_centre_pdf.html", {
            "round": done, "report": report, "centre": report.centre, "chart": _svg_bars(report), "points": 25,
        })
    assert re.findall(r'<rect x="230" y="\d+" width="([\d.]+)"', html) == ["150.0", "190.6"]
    assert "Where the assessors disagree" in html and "55.42" in html


# --------------------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------------------


def test_comparison_validation(client, users, registry, both):
    client.force_login(users["researcher"])
    url = f"/asesmen/putaran/{both.pk}/banding/"
    sby, bali, aceh = registry["sby"].pk, registry["bali"].pk, registry["aceh"].pk
    chooser = client.get(url, **EN)
    assert chooser.status_code == 200 and chooser.context["errors"] == []
    assert [c.code for c in chooser.context["choices"]] == ["2035000001", "2051000001"]

    def errors(query):
        response = client.get(url + query, **EN)
        assert response.status_code == 400 and response.context["compared"] is None
        for e in response.context["errors"]:
            assert escape(e).encode() in response.content
        return response.context["errors"]

    assert errors(f"?centre={sby}") == ["Choose at least 2 centres to compare."]
    assert errors(f"?centre={sby}&centre={sby}") == ["Choose at least 2 centres to compare."]
    assert errors("".join(f"&centre={n}" for n in range(1, 8)).replace("&", "?", 1)) == [
        "Choose at most 6 centres to compare (you chose 7)."
    ]
    assert errors(f"?centre={sby}&centre=abc") == [
        "These are not centre ids: 'abc'.", "Choose at least 2 centres to compare.",
    ]
    # aceh is outside the researcher's scope; 999999 does not exist: the same message for both
    assert errors(f"?centre={sby}&centre={aceh}&centre=999999") == [
        f"No verified result you may see in this round for centre id(s) {aceh}, 999999."
    ]
    ok = client.get(url + f"?centre={bali}&centre={sby}", **EN)
    assert ok.status_code == 200
    assert [c.code for c in ok.context["compared"].centres] == ["2051000001", "2035000001"]
    assert [(r["dimension"].code, r["scores"]) for r in ok.context["dimension_rows"]] == [
        ("A", [D("58.33"), D("50.00")]), ("B", [D("95.83"), D("63.54")]),
    ]
    assert [(r["indicator"].code, r["scores"]) for r in ok.context["rows"]] == [
        ("A1", [D("87.50"), D("50.00")]), ("A2", [D("0.00"), D("50.00")]),
        ("B1", [D("83.33"), D("66.67")]), ("B2", [D("100.00"), D("62.50")]),
    ]
    assert ok.context["chart"]["series"] == [
        {"name": "BLK Komunitas Widya Dharma", "value": [58.33, 95.83]},
        {"name": "BLK Komunitas Nurul Huda", "value": [50.0, 63.54]},
    ]


# --------------------------------------------------------------------------------------------------
# Reliability
# --------------------------------------------------------------------------------------------------


def _package(data, level):
    value = krippendorff.alpha(reliability_data=np.array(data, dtype=float), level_of_measurement=level)
    return float(value)


def test_reliability_equals_the_krippendorff_package(client, users, registry, both):
    rel = results.round_reliability(user=users["researcher"], round=both)
    assert (rel.centres, rel.centres_pairable, rel.assessors, rel.rule) == (2, 2, 2, "median")
    # Rows asesor1, asesor2; columns sby, bali.
    points = {
        "A1": [[4, 4], [2, 5]],  # scale levels
        "A2": [[0, 0], [1, 0]],  # no = 0, yes = 1
        "B1": [[2, 2], [2, 3]],  # koperasi = 2, yayasan = 3
    }
    numbers = {"B2": [[7, 7], [2, 7]]}  # staff counted
    third = 200 / 3
    scores = {
        "A1": [[75, 75], [25, 100]], "A2": [[0, 0], [100, 0]], "B1": [[third, third], [third, 100]],
        "B2": [[100, 100], [25, 100]],
    }
    by_code = {item.indicator.code: item for item in rel.items}
    assert list(by_code) == ["A1", "A2", "B1", "B2"]  # B3 (text) is not scored
    for code, data in points.items():
        assert by_code[code].level == "ordinal"
        assert by_code[code].alpha == pytest.approx(_package(data, "ordinal"), abs=1e-12)
    assert by_code["B2"].level == "interval"
    assert by_code["B2"].alpha == pytest.approx(_package(numbers["B2"], "interval"), abs=1e-12)
    for code, data in scores.items():
        assert by_code[code].score_alpha == pytest.approx(_package(data, "interval"), abs=1e-12)
        assert by_code[code].units == 2
    pooled_ordinal = np.hstack([scores[c] for c in ("A1", "A2", "B1")])
    pooled_interval = np.hstack([scores[c] for c in ("A1", "A2", "B1", "B2")])
    assert rel.pooled_ordinal == pytest.approx(_package(pooled_ordinal, "ordinal"), abs=1e-12)
    assert rel.pooled_interval == pytest.approx(_package(pooled_interval, "interval"), abs=1e-12)
    # A spot check by hand: B2's numbers, interval. Pairable values 7,7,2,7 (sby) and 7,7 (bali):
    # D_o = (2·25 + 0) / 4 = 12.5 (sby's pair (7, 2) counted both ways, weight 1/(2−1)); the values 7,7,7,2
    # give D_e = Σ n_c n_k δ² / (n(n−1)) = (2·3·1·25) / 12 = 12.5, so alpha = 1 − 12.5/12.5 = 0.
    assert by_code["B2"].alpha == pytest.approx(0.0, abs=1e-12)

    client.force_login(users["researcher"])
    page = client.get(f"/asesmen/putaran/{both.pk}/reliabilitas/", **EN)
    assert page.status_code == 200
    assert re.search(rb'id="centres-pairable">2<', page.content)
    assert b'id="consolidation-rule">Median of the assessors&#x27; scores<' in page.content


def test_reliability_undefined_is_shown_as_a_dash(client, users, done):
    client.force_login(users["researcher"])
    page = client.get(f"/asesmen/putaran/{done.pk}/reliabilitas/", **EN)
    rel = page.context["reliability"]
    # one centre rated twice: B1 koperasi/koperasi → all pairable ratings equal → undefined;
    # A1 4 vs 2 → a single pair of different values → D_o = D_e → alpha 0.
    by_code = {item.indicator.code: item for item in rel.items}
    assert (by_code["B1"].alpha, by_code["B1"].score_alpha) == (None, None)
    assert by_code["A1"].alpha == pytest.approx(0.0, abs=1e-12)
    row = re.search(rb'<tr id="alpha-B1">(.*?)</tr>', page.content, re.S).group(1)
    assert row.count("—".encode()) == 2
    assert (rel.centres, rel.centres_pairable) == (1, 1)

    # no centre rated twice at all: both pooled alphas undefined, with the explanation
    client.force_login(users["national_admin"])
    only_one = Assessment.objects.filter(round=done, assessor__username="asesor2")
    Answer.objects.filter(assessment__in=only_one).delete()
    Assessment.objects.filter(pk__in=only_one).update(status="submitted")
    page = client.get(f"/asesmen/putaran/{done.pk}/reliabilitas/", **EN)
    rel = page.context["reliability"]
    assert (rel.pooled_ordinal, rel.pooled_interval, rel.centres_pairable) == (None, None, 0)
    assert b'id="alpha-undefined"' in page.content
    assert re.search(rb'id="pooled-ordinal">\xe2\x80\x94<', page.content)


# --------------------------------------------------------------------------------------------------
# Query count
# --------------------------------------------------------------------------------------------------


def test_results_page_queries_do_not_grow_with_centres(client, users, registry, cluster, asesor2, instrument,
                                                       django_assert_max_num_queries):
    extra = [CentreFactory(regency_id="35.78") for _ in range(10)]
    cluster.centres.add(*extra)
    centres = [registry["sby"], registry["bali"], *extra]
    rnd = services.round_create(
        actor=users["researcher"], centres=centres,
        data={"name": "Putaran besar", "instrument": instrument, "starts_on": datetime.date(2026, 1, 5),
              "ends_on": datetime.date(2026, 3, 31)},
    )

    def verify(centre):
        for assessor, answers in ((users["assessor"], HAND_ANSWERS), (asesor2, SECOND)):
            a = services.round_assign(actor=users["researcher"], round=rnd, centre=centre, assessor=assessor)
            _complete(users, assessor, a, answers)

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
