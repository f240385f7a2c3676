"""Registry reads. Every selector takes the user and starts from `visible_to` (core.scoping)."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.http import Http404

from inkubator.centres.filters import CentreFilterSet, GrantFilterSet, HostFilterSet
from inkubator.centres.models import Centre, Grant, HostInstitution, TrainingOutput, Vocation
from inkubator.centres.permissions import REGISTRY_VIEW


def centre_queryset(*, user, perm: str = REGISTRY_VIEW):
    return Centre.objects.visible_to(user, perm).select_related(
        "host", "regency", "regency__province", "vocation"
    )


def centre_filterset(*, user, params, perm: str = REGISTRY_VIEW) -> CentreFilterSet:
    """The registry list with the user's filters and scope applied (shared by page, export and API)."""
    filterset = CentreFilterSet(params, queryset=centre_queryset(user=user, perm=perm))
    return filterset


def centre_list(*, user, params, perm: str = REGISTRY_VIEW):
    filterset = centre_filterset(user=user, params=params, perm=perm)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    if not (params or {}).get("sort"):
        qs = qs.order_by("name", "pk")
    return filterset, qs


def centre_get(*, user, pk, perm: str = REGISTRY_VIEW) -> Centre:
    centre = centre_queryset(user=user, perm=perm).filter(pk=pk).first()
    if centre is None:
        raise Http404
    return centre


def centre_points(*, user, exclude=None, limit: int = 6000) -> list[list[float]]:
    """[lon, lat] of the centres in scope, for the dot map (one query)."""
    qs = Centre.objects.visible_to(user, REGISTRY_VIEW).filter(
        latitude__isnull=False, longitude__isnull=False
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    return [[float(lon), float(lat)] for lon, lat in qs.values_list("longitude", "latitude")[:limit]]


def centre_grants(*, user, centre: Centre):
    return Grant.objects.visible_to(user, REGISTRY_VIEW).filter(centre=centre).order_by("-year", "kind")


def centre_outputs(*, user, centre: Centre):
    return TrainingOutput.objects.visible_to(user, REGISTRY_VIEW).filter(centre=centre).order_by("-year")


def centre_summary(*, user) -> dict:
    qs = Centre.objects.visible_to(user, REGISTRY_VIEW)
    by_class = dict(qs.values_list("maturity_class").annotate(n=Count("pk")).order_by())
    return {
        "total": qs.count(),
        "active": qs.filter(status="active").count(),
        "by_class": by_class,
        "grants_total": Grant.objects.visible_to(user, REGISTRY_VIEW).aggregate(s=Sum("amount"))["s"] or 0,
    }


def host_list(*, user, params, perm: str = REGISTRY_VIEW):
    filterset = HostFilterSet(
        params,
        queryset=HostInstitution.objects.visible_to(user, perm)
        .select_related("regency", "regency__province")
        .annotate(centre_count=Count("centres")),
    )
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    if not (params or {}).get("sort"):
        qs = qs.order_by("name", "pk")
    return filterset, qs


def host_get(*, user, pk, perm: str = REGISTRY_VIEW) -> HostInstitution:
    host = HostInstitution.objects.visible_to(user, perm).select_related("regency").filter(pk=pk).first()
    if host is None:
        raise Http404
    return host


def grant_list(*, user, params, perm: str = REGISTRY_VIEW):
    filterset = GrantFilterSet(
        params,
        queryset=Grant.objects.visible_to(user, perm).select_related(
            "centre", "centre__regency", "centre__regency__province"
        ),
    )
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    if not (params or {}).get("sort"):
        qs = qs.order_by("-year", "centre__name", "pk")
    return filterset, qs


def vocation_list(*, active_only: bool = False):
    qs = Vocation.objects.order_by("name")
    return qs.filter(is_active=True) if active_only else qs
