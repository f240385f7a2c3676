"""Public reference data: provinces and regencies with their Kemendagri codes."""

from ninja import Router, Schema

from inkubator.api.pagination import paged
from inkubator.regions import selectors

router = Router(tags=["regions"])


class ProvinceOut(Schema):
    code: str
    name: str


class RegencyOut(Schema):
    code: str
    name: str
    kind: str
    province: str


ProvinceList = paged(ProvinceOut)


RegencyList = paged(RegencyOut)


@router.get("/provinces", response=ProvinceList, auth=None)
def provinces(request):
    items = list(selectors.province_list().values("code", "name"))
    return {"items": items, "count": len(items)}


@router.get("/regencies", response=RegencyList, auth=None)
def regencies(request, province: str | None = None):
    items = [
        {"code": r["code"], "name": r["name"], "kind": r["kind"], "province": r["province_id"]}
        for r in selectors.regency_list(province=province).values("code", "name", "kind", "province_id")
    ]
    return {"items": items, "count": len(items)}
