"""Pages of a round's results: results table (+ exports), centre report (+ PDF), comparison, reliability."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _

from inkubator.assessment import results
from inkubator.assessment.forms import ResultFilterForm
from inkubator.assessment.permissions import ASSESSMENT_EXPORT, ASSESSMENT_RESULTS, ASSESSMENT_VIEW
from inkubator.core import exports
from inkubator.core.http import query_without
from inkubator.core.pdf import pdf_response
from inkubator.core.permissions import require, role_has_permission

PAGE_SIZE = 50
LAYOUTS = ("wide", "long")


def _round_or_404(user, pk):
    rnd = results.round_get(user, pk)
    if rnd is None:
        raise Http404
    return rnd


def _to_float(rows):
    """XLSX cells: scores as plain numbers (a Decimal would get the sheet's money format)."""
    for row in rows:
        yield [float(v) if isinstance(v, Decimal) else v for v in row]


@login_required
def round_results(request, pk):
    """The consolidated result of every centre in scope; `?format=xlsx|csv&layout=wide|long` exports."""
    require(request.user, ASSESSMENT_RESULTS)
    rnd = _round_or_404(request.user, pk)
    fmt = request.GET.get("format")
    exporting = fmt in exports.FORMATS
    perm = ASSESSMENT_EXPORT if exporting else ASSESSMENT_VIEW
    if exporting:
        require(request.user, ASSESSMENT_EXPORT)
    form = ResultFilterForm(
        request.GET, provinces=results.round_provinces(user=request.user, round=rnd, perm=perm)
    )
    filters = form.filters()
    if exporting:
        layout = request.GET.get("layout", "wide")
        if layout not in LAYOUTS:
            return HttpResponseBadRequest(_("Unknown layout: choose wide or long."))
        if layout == "long":
            headers, rows = results.export_long(
                user=request.user,
                round=rnd,
                province=filters["province"],
                search=filters["search"],
                readiness=filters["readiness"],
            )
        else:
            headers, rows = results.export_wide(
                results.round_results(user=request.user, round=rnd, perm=perm, **filters)
            )
        if fmt == "xlsx":
            rows = _to_float(rows)
        return exports.export_response(fmt, f"hasil-asesmen-{rnd.pk}-{layout}", headers, rows)
    data = results.round_results(user=request.user, round=rnd, **filters)
    page = Paginator(data.centres, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "assessment/results_round.html",
        {
            "round": rnd,
            "results": data,
            "page": page,
            "filter": {"form": form},
            "distribution": results.index_distribution(data.centres),
            "query": query_without(request, "page"),
            "export_query": query_without(request, "page", "format", "layout"),
            "can_export": role_has_permission(request.user, ASSESSMENT_EXPORT),
        },
    )


def _report_or_404(request, pk, centre_id):
    require(request.user, ASSESSMENT_RESULTS)
    rnd = _round_or_404(request.user, pk)
    report = results.centre_report(user=request.user, round=rnd, centre_id=centre_id)
    if report is None:
        raise Http404
    return rnd, report


def _profile(report) -> dict:
    """Chart data of a centre's dimension profile (for the page's ECharts script)."""
    return {
        "labels": [f"{d.code}. {d.label}" for d in report.results.dimensions],
        "scores": [
            float(row["score"]) if row["score"] is not None else None for row in report.dimension_rows
        ],
        "ready": float(report.results.round.threshold_ready),
        "assisted": float(report.results.round.threshold_assisted),
        "series": _("Dimension score"),
    }


@login_required
def centre_report(request, pk, centre_id):
    rnd, report = _report_or_404(request, pk, centre_id)
    return render(
        request,
        "assessment/results_centre.html",
        {
            "round": rnd,
            "report": report,
            "centre": report.centre,
            "profile": _profile(report),
            "points": results.DISAGREEMENT_POINTS,
        },
    )


BAR_LABEL_WIDTH = 230
BAR_WIDTH = 300
BAR_HEIGHT = 18
BAR_GAP = 10


def svg_bars(report) -> dict:
    """Geometry of the PDF's horizontal bar chart (drawn as inline SVG by the template)."""
    bars = []
    for n, row in enumerate(report.dimension_rows):
        score = row["score"]
        y = BAR_GAP + n * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            {
                "label": f"{row['dimension'].code}. {row['dimension'].label}"[:40],
                "score": score,
                "y": y,
                "text_y": y + BAR_HEIGHT - 5,
                "width": round(float(score) * BAR_WIDTH / 100, 1) if score is not None else 0,
                "value_x": BAR_LABEL_WIDTH
                + (round(float(score) * BAR_WIDTH / 100, 1) if score is not None else 0)
                + 4,
            }
        )
    height = BAR_GAP + len(bars) * (BAR_HEIGHT + BAR_GAP)
    rnd = report.results.round
    return {
        "bars": bars,
        "height": height + 14,
        "axis_y": height,
        "label_width": BAR_LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": BAR_LABEL_WIDTH + BAR_WIDTH + 50,
        "end": BAR_LABEL_WIDTH + BAR_WIDTH,
        "ticks": [{"x": BAR_LABEL_WIDTH + t * BAR_WIDTH // 100, "label": t} for t in (0, 25, 50, 75, 100)],
        "thresholds": [
            {"x": BAR_LABEL_WIDTH + round(float(t) * BAR_WIDTH / 100, 1)}
            for t in (rnd.threshold_assisted, rnd.threshold_ready)
        ],
    }


@login_required
def centre_report_pdf(request, pk, centre_id):
    """The centre report as a PDF (WeasyPrint), the chart as inline SVG."""
    rnd, report = _report_or_404(request, pk, centre_id)
    return pdf_response(
        "assessment/results_centre_pdf.html",
        {
            "round": rnd,
            "report": report,
            "centre": report.centre,
            "chart": svg_bars(report),
            "points": results.DISAGREEMENT_POINTS,
        },
        f"laporan-asesmen-{report.centre.code}.pdf",
        request=request,
    )


@login_required
def round_compare(request, pk):
    """2–6 centres side by side: `?centre=<id>&centre=<id>…`; without centres, a form to choose them."""
    require(request.user, ASSESSMENT_RESULTS)
    rnd = _round_or_404(request.user, pk)
    raw = request.GET.getlist("centre")
    compared, errors = (
        (None, []) if not raw else results.round_comparison(user=request.user, round=rnd, raw_ids=raw)
    )
    choices = results.round_results(user=request.user, round=rnd, sort="name").centres
    chart = None
    if compared is not None:
        chart = {
            "dimensions": [{"name": f"{d.code}. {d.label}", "max": 100} for d in compared.dimensions],
            "series": [
                {"name": c.name, "value": [float(v) if v is not None else None for v in c.dimension_list]}
                for c in compared.centres
            ],
        }
    selected = {str(i) for i in raw}
    return render(
        request,
        "assessment/results_compare.html",
        {
            "round": rnd,
            "compared": compared,
            "errors": errors,
            "choices": choices,
            "selected": selected,
            "chart": chart,
            "compare_min": results.COMPARE_MIN,
            "compare_max": results.COMPARE_MAX,
            "rows": [
                {"indicator": i, "scores": [c.indicators.get(i.code) for c in compared.centres]}
                for i in compared.indicators
            ]
            if compared is not None
            else [],
            "dimension_rows": [
                {"dimension": d, "scores": [c.dimensions.get(d.code) for c in compared.centres]}
                for d in compared.dimensions
            ]
            if compared is not None
            else [],
        },
        status=400 if errors else 200,
    )


@login_required
def round_reliability(request, pk):
    require(request.user, ASSESSMENT_RESULTS)
    rnd = _round_or_404(request.user, pk)
    return render(
        request,
        "assessment/results_reliability.html",
        {
            "round": rnd,
            "reliability": results.round_reliability(user=request.user, round=rnd),
        },
    )
