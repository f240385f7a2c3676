"""PDF reports from templates (WeasyPrint), shared by every app.

Reports are self-contained: styles inline, charts as inline SVG. WeasyPrint is not allowed to fetch
any file or URL while rendering (a template can never make the server read a local file or call out).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string


def _no_fetch(url, *args, **kwargs):
    raise ValueError(f"external resources are not allowed in reports: {url}")


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    import weasyprint  # imported here: it loads pango and fonts, which only report views need

    html = render_to_string(template, context, request=request)
    return weasyprint.HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def pdf_response(template: str, context: dict, filename: str, *, request=None) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context, request=request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
