"""Small helpers the selection pages share."""

from __future__ import annotations

from django.core.paginator import Paginator

PAGE_SIZE = 25


def page_of(request, queryset, size: int = PAGE_SIZE):
    """The page of `queryset` that `?page=` asks for."""
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def instrument_dimensions(instrument) -> list[tuple[str, str]]:
    """(code, "A. Label") of an instrument's dimensions, in order."""
    return [(d.code, f"{d.code}. {d.label}") for d in instrument.dimensions.order_by("position")]


def form_initial(data) -> dict:
    """What a form posted, as initial values (to show it again with a row or an expert more)."""
    return {k: data.get(k) for k in data if k not in ("csrfmiddlewaretoken", "action")}
