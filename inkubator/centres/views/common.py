"""What the registry pages share: page sizes, pagination, the right to register records."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator

from inkubator.centres.permissions import (
    REGISTRY_CHANGE,
)
from inkubator.centres.scoping import can_place_anywhere

PAGE_SIZES = (25, 50, 100)


def require_create(user):
    """Creating needs a region to create in: a centre manager's one-centre grant is not enough."""
    if not can_place_anywhere(user, REGISTRY_CHANGE):
        raise PermissionDenied


def paginate(request, qs):
    try:
        size = int(request.GET.get("per_page", 25))
    except ValueError:
        size = 25
    size = size if size in PAGE_SIZES else 25
    return Paginator(qs, size).get_page(request.GET.get("page"))
