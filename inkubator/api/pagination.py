"""List endpoints answer {"items": [...], "count": N} with `limit`/`offset`."""

from django.conf import settings
from ninja import Schema
from ninja.errors import HttpError
from pydantic import create_model


class Page(Schema):
    count: int


def paginate(queryset, limit: int, offset: int):
    if limit < 1 or limit > settings.NINJA_PAGINATION_MAX_LIMIT:
        raise HttpError(422, f"limit must be between 1 and {settings.NINJA_PAGINATION_MAX_LIMIT}")
    if offset < 0:
        raise HttpError(422, "offset must be 0 or more")
    count = len(queryset) if isinstance(queryset, list) else queryset.count()
    return {"count": count, "items": list(queryset[offset : offset + limit])}


def paged(item: type[Schema], name: str | None = None) -> type[Schema]:
    """The list schema of an endpoint: {"items": [item], "count": N}, named `<Item>List` in the OpenAPI."""
    name = name or item.__name__.removesuffix("Out") + "List"
    return create_model(name, __base__=Page, items=(list[item], ...))
