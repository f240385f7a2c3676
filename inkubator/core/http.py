"""Small helpers every page uses: one view serving a page or its htmx fragment, query strings."""

from __future__ import annotations

from django.shortcuts import render


def is_htmx(request) -> bool:
    return bool(request.headers.get("HX-Request"))


def render_page_or_fragment(request, page: str, fragment: str, context: dict, *, status: int = 200):
    """The whole page, or only `fragment` when htmx asks for it (STYLE.md rule 8)."""
    return render(request, fragment if is_htmx(request) else page, context, status=status)


def query_without(request, *names: str) -> str:
    """The current query string without `names` (for links that change one filter, sort or page)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
