"""Registry endpoints: centres (list, create, read, partial update), hosts and grants (read).

Scope and validation are exactly those of the pages: the same selectors, FilterSets, forms and services.
"""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import ConfigDict

from inkubator.api.pagination import paged, paginate
from inkubator.centres import selectors, services
from inkubator.centres.forms import CentreForm
from inkubator.centres.permissions import REGISTRY_CHANGE
from inkubator.centres.scoping import can_place_anywhere

router = Router(tags=["registry"])


class Ref(Schema):
    id: int
    name: str


class RegionRef(Schema):
    code: str
    name: str


class CentreOut(Schema):
    id: int
    code: str
    name: str
    host: Ref
    host_kind: str
    province: RegionRef
    regency: RegionRef
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    established_year: int
    vocation: Ref
    instructors: int
    facilities: str
    licence_number: str
    accreditation: str
    maturity_class: str
    status: str
    deactivation_reason: str
    version: int
    updated_at: datetime


CentreList = paged(CentreOut)


class CentreFilters(Schema):
    q: str | None = None
    province: str | None = None
    regency: str | None = None
    vocation: int | None = None
    maturity_class: str | None = None
    host_kind: str | None = None
    grant_year: int | None = None
    status: str | None = None
    sort: str | None = None


class CentreIn(Schema):
    model_config = ConfigDict(extra="forbid")

    code: str
    name: str
    host: int
    regency: str
    address: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    established_year: int
    vocation: int
    instructors: int = 0
    facilities: str = ""
    licence_number: str = ""
    accreditation: str = ""
    maturity_class: str = ""


class CentrePatch(Schema):
    model_config = ConfigDict(extra="forbid")

    code: str | None = None
    name: str | None = None
    host: int | None = None
    regency: str | None = None
    address: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    established_year: int | None = None
    vocation: int | None = None
    instructors: int | None = None
    facilities: str | None = None
    licence_number: str | None = None
    accreditation: str | None = None
    maturity_class: str | None = None
    version: int | None = None


def centre_out(c) -> dict:
    return {
        "id": c.pk,
        "code": c.code,
        "name": c.name,
        "host": {"id": c.host_id, "name": c.host.name},
        "host_kind": c.host.kind,
        "province": {"code": c.regency.province_id, "name": c.regency.province.name},
        "regency": {"code": c.regency_id, "name": c.regency.name},
        "address": c.address,
        "latitude": c.latitude,
        "longitude": c.longitude,
        "established_year": c.established_year,
        "vocation": {"id": c.vocation_id, "name": c.vocation.name},
        "instructors": c.instructors,
        "facilities": c.facilities,
        "licence_number": c.licence_number,
        "accreditation": c.accreditation,
        "maturity_class": c.maturity_class,
        "status": c.status,
        "deactivation_reason": c.deactivation_reason,
        "version": c.version,
        "updated_at": c.updated_at,
    }


def _form_errors(form) -> ValidationError:
    return ValidationError({name: list(messages) for name, messages in form.errors.items()})


@router.get("/centres", response=CentreList)
def centre_list(request, filters: Query[CentreFilters], limit: int = 50, offset: int = 0):
    params = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    filterset, qs = selectors.centre_list(user=request.auth, params=params)
    if not filterset.is_valid():
        raise ValidationError({k: list(v) for k, v in filterset.errors.items()})
    page = paginate(qs, limit, offset)
    page["items"] = [centre_out(c) for c in page["items"]]
    return page


@router.get("/centres/{centre_id}", response=CentreOut)
def centre_detail(request, centre_id: int):
    return centre_out(selectors.centre_get(user=request.auth, pk=centre_id))


@router.post("/centres", response={201: CentreOut})
def centre_create(request, payload: CentreIn):
    if not can_place_anywhere(request.auth, REGISTRY_CHANGE):
        raise PermissionDenied(_("You may not register centres."))
    form = CentreForm(data=payload.dict(), user=request.auth)
    if not form.is_valid():
        raise _form_errors(form)
    centre = services.centre_create(actor=request.auth, data=form.service_data())
    return Status(201, centre_out(selectors.centre_get(user=request.auth, pk=centre.pk)))


@router.patch("/centres/{centre_id}", response=CentreOut)
def centre_update(request, centre_id: int, payload: CentrePatch):
    centre = selectors.centre_get(user=request.auth, pk=centre_id)
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version", None)
    data = model_to_dict(centre, fields=CentreForm._meta.fields)
    data.update(changes)
    if not selectors.centre_queryset(user=request.auth, perm=REGISTRY_CHANGE).filter(pk=centre.pk).exists():
        raise PermissionDenied(_("You do not have permission to change this centre."))
    form = CentreForm(data=data, instance=centre, user=request.auth)
    if not form.is_valid():
        raise _form_errors(form)
    services.centre_update(
        actor=request.auth, centre=centre, data=form.service_data(), expected_version=version
    )
    return centre_out(selectors.centre_get(user=request.auth, pk=centre.pk))


class HostOut(Schema):
    id: int
    name: str
    kind: str
    foundation: str
    regency: RegionRef
    province: RegionRef
    address: str
    centre_count: int


HostList = paged(HostOut)


@router.get("/hosts", response=HostList)
def host_list(
    request,
    q: str | None = None,
    kind: str | None = None,
    province: str | None = None,
    limit: int = 50,
    offset: int = 0,
):
    params = {k: v for k, v in {"q": q, "kind": kind, "province": province}.items() if v}
    _fs, qs = selectors.host_list(user=request.auth, params=params)
    page = paginate(qs, limit, offset)
    page["items"] = [
        {
            "id": h.pk,
            "name": h.name,
            "kind": h.kind,
            "foundation": h.foundation,
            "address": h.address,
            "regency": {"code": h.regency_id, "name": h.regency.name},
            "province": {"code": h.regency.province_id, "name": h.regency.province.name},
            "centre_count": h.centre_count,
        }
        for h in page["items"]
    ]
    return page


class GrantOut(Schema):
    id: int
    centre: Ref
    centre_code: str
    kind: str
    year: int
    amount: Decimal
    status: str
    note: str


GrantList = paged(GrantOut)


@router.get("/grants", response=GrantList)
def grant_list(
    request,
    q: str | None = None,
    kind: str | None = None,
    year: int | None = None,
    province: str | None = None,
    limit: int = 50,
    offset: int = 0,
):
    params = {k: v for k, v in {"q": q, "kind": kind, "year": year, "province": province}.items() if v}
    _fs, qs = selectors.grant_list(user=request.auth, params=params)
    page = paginate(qs, limit, offset)
    page["items"] = [
        {
            "id": g.pk,
            "centre": {"id": g.centre_id, "name": g.centre.name},
            "centre_code": g.centre.code,
            "kind": g.kind,
            "year": g.year,
            "amount": g.amount,
            "status": g.status,
            "note": g.note,
        }
        for g in page["items"]
    ]
    return page
