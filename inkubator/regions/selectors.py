"""Region reads (public reference data: no scope)."""

from inkubator.regions.models import Province, Regency


def province_list():
    return Province.objects.order_by("code")


def regency_list(*, province: str | None = None):
    qs = Regency.objects.select_related("province").order_by("code")
    if province:
        qs = qs.filter(province_id=province)
    return qs
