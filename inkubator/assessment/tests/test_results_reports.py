"""Results of a round: the centre report and its PDF, and the comparison of centres.

Given (conftest): the small instrument and the round over sby and bali; `done` has sby verified by two
assessors (asesor1, asesor2) and bali submitted by asesor1; `both` has bali verified by both too.
"""

import re
import zlib
from decimal import Decimal as D

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.html import escape

from inkubator.assessment import results
from inkubator.assessment.models import Evidence

pytestmark = pytest.mark.django_db


def en(client):
    """The client with English chosen (the language cookie): the interface ignores Accept-Language."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# --------------------------------------------------------------------------------------------------
# Centre report and PDF
# --------------------------------------------------------------------------------------------------


def test_centre_report(client, users, registry, done):
    client.force_login(users["researcher"])
    sby = registry["sby"]
    page = en(client).get(f"/asesmen/putaran/{done.pk}/blk/{sby.pk}/")
    assert page.status_code == 200
    report = page.context["report"]
    # strengths: highest first (ties in instrument order); weaknesses: lowest first
    assert [(i.code, s) for i, s in report.strengths] == [
        ("B1", D("66.67")),
        ("B2", D("62.50")),
        ("A1", D("50.00")),
        ("A2", D("50.00")),
    ]
    assert [(i.code, s) for i, s in report.weaknesses] == [
        ("A1", D("50.00")),
        ("A2", D("50.00")),
        ("B2", D("62.50")),
        ("B1", D("66.67")),
    ]
    assert [(r["dimension"].code, r["score"], r["assessors"]) for r in report.dimension_rows] == [
        ("A", D("50.00"), [D("50.00"), D("50.00")]),
        ("B", D("63.54"), [D("91.67"), D("35.42")]),
    ]
    # B1 is scored alike by both: not a disagreement; the others differ by 50, 100 and 75 points
    assert [(r["indicator"].code, r["assessors"], r["range"], r["score"]) for r in report.disagreements] == [
        ("A1", [D("75.00"), D("25.00")], D("50.00"), D("50.00")),
        ("A2", [D("0.00"), D("100.00")], D("100.00"), D("50.00")),
        ("B2", [D("100.00"), D("25.00")], D("75.00"), D("62.50")),
    ]
    assert b'id="disagree-B1"' not in page.content and b'id="disagree-B2"' in page.content
    evidence = list(
        Evidence.objects.filter(assessment__centre=sby).order_by("assessment__assessor__username")
    )
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
    response = en(client).get(f"/asesmen/putaran/{done.pk}/blk/{registry['sby'].pk}/pdf/")
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

        from inkubator.assessment.views.results import svg_bars

        report = results.centre_report(
            user=users["national_viewer"], round=done, centre_id=registry["sby"].pk
        )
        html = render_to_string(
            "assessment/results_centre_pdf.html",
            {
                "round": done,
                "report": report,
                "centre": report.centre,
                "chart": svg_bars(report),
                "points": 25,
            },
        )
    assert re.findall(r'<rect x="230" y="\d+" width="([\d.]+)"', html) == ["150.0", "190.6"]
    assert "Where the assessors disagree" in html and "55.42" in html


# --------------------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------------------


def test_comparison_validation(client, users, registry, both):
    client.force_login(users["researcher"])
    url = f"/asesmen/putaran/{both.pk}/banding/"
    sby, bali, aceh = registry["sby"].pk, registry["bali"].pk, registry["aceh"].pk
    chooser = en(client).get(url)
    assert chooser.status_code == 200 and chooser.context["errors"] == []
    assert [c.code for c in chooser.context["choices"]] == ["2035000001", "2051000001"]

    def errors(query):
        response = en(client).get(url + query)
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
        "These are not centre ids: 'abc'.",
        "Choose at least 2 centres to compare.",
    ]
    # aceh is outside the researcher's scope; 999999 does not exist: the same message for both
    assert errors(f"?centre={sby}&centre={aceh}&centre=999999") == [
        f"No verified result you may see in this round for centre id(s) {aceh}, 999999."
    ]
    ok = en(client).get(url + f"?centre={bali}&centre={sby}")
    assert ok.status_code == 200
    assert [c.code for c in ok.context["compared"].centres] == ["2051000001", "2035000001"]
    assert [(r["dimension"].code, r["scores"]) for r in ok.context["dimension_rows"]] == [
        ("A", [D("58.33"), D("50.00")]),
        ("B", [D("95.83"), D("63.54")]),
    ]
    assert [(r["indicator"].code, r["scores"]) for r in ok.context["rows"]] == [
        ("A1", [D("87.50"), D("50.00")]),
        ("A2", [D("0.00"), D("50.00")]),
        ("B1", [D("83.33"), D("66.67")]),
        ("B2", [D("100.00"), D("62.50")]),
    ]
    assert ok.context["chart"]["series"] == [
        {"name": "BLK Komunitas Widya Dharma", "value": [58.33, 95.83]},
        {"name": "BLK Komunitas Nurul Huda", "value": [50.0, 63.54]},
    ]
