"""Registry pages of the centres (BLK Komunitas): list and export, detail, register, edit, (de)activate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkubator.centres import selectors, services
from inkubator.centres.forms import (
    CentreForm,
    DeactivateForm,
)
from inkubator.centres.permissions import (
    HISTORY_VIEW,
    REGISTRY_CHANGE,
    REGISTRY_DEACTIVATE,
    REGISTRY_EXPORT,
    REGISTRY_VIEW,
)
from inkubator.centres.views.common import PAGE_SIZES, paginate, require_create
from inkubator.core import exports
from inkubator.core.audit import history_for
from inkubator.core.errors import add_to_form
from inkubator.core.http import query_without, render_page_or_fragment
from inkubator.core.permissions import require, role_has_permission
from inkubator.core.services import StaleEdit

CENTRE_EXPORT_HEADERS = [
    "Kode",
    "Nama",
    "Lembaga",
    "Jenis lembaga",
    "Provinsi",
    "Kode kab/kota",
    "Kabupaten/Kota",
    "Alamat",
    "Lintang",
    "Bujur",
    "Tahun bantuan",
    "Kejuruan",
    "Instruktur",
    "Izin operasional",
    "Akreditasi",
    "Klasifikasi",
    "Status",
]


def centre_export_rows(qs):
    for c in qs.iterator(chunk_size=2000):
        yield [
            c.code,
            c.name,
            c.host.name,
            c.host.get_kind_display(),
            c.regency.province.name,
            c.regency_id,
            c.regency.name,
            c.address,
            c.latitude,
            c.longitude,
            c.established_year,
            c.vocation.name,
            c.instructors,
            c.licence_number,
            c.accreditation,
            c.get_maturity_class_display(),
            c.get_status_display(),
        ]


@login_required
def centre_list(request):
    require(request.user, REGISTRY_VIEW)
    fmt = request.GET.get("format")
    if fmt in exports.FORMATS:
        require(request.user, REGISTRY_EXPORT)
        _fs, qs = selectors.centre_list(user=request.user, params=request.GET, perm=REGISTRY_EXPORT)
        return exports.export_response(fmt, "blk-komunitas", CENTRE_EXPORT_HEADERS, centre_export_rows(qs))
    filterset, qs = selectors.centre_list(user=request.user, params=request.GET)
    page = paginate(request, qs)
    context = {
        "filter": filterset,
        "page": page,
        "query": query_without(request, "page"),
        "export_query": query_without(request, "page", "format", "per_page"),
        "page_sizes": PAGE_SIZES,
    }
    return render_page_or_fragment(
        request, "centres/centre_list.html", "centres/partials/_centre_table.html", context
    )


@login_required
def centre_detail(request, pk):
    require(request.user, REGISTRY_VIEW)
    centre = selectors.centre_get(user=request.user, pk=pk)
    context = {
        "centre": centre,
        "grants": selectors.centre_grants(user=request.user, centre=centre),
        "outputs": selectors.centre_outputs(user=request.user, centre=centre),
        "can_change": selectors.centre_queryset(user=request.user, perm=REGISTRY_CHANGE)
        .filter(pk=pk)
        .exists(),
        "can_deactivate": selectors.centre_queryset(user=request.user, perm=REGISTRY_DEACTIVATE)
        .filter(pk=pk)
        .exists(),
        "history": history_for(centre)[:50] if role_has_permission(request.user, HISTORY_VIEW) else None,
        "map_point": {
            "lat": float(centre.latitude),
            "lon": float(centre.longitude),
            "name": centre.name,
            "others": selectors.centre_points(user=request.user, exclude=centre.pk),
        }
        if centre.latitude is not None and centre.longitude is not None
        else None,
    }
    return render(request, "centres/centre_detail.html", context)


@login_required
def centre_create(request):
    require_create(request.user)
    form = CentreForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            centre = services.centre_create(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Centre %(name)s registered.") % {"name": centre.name})
            return redirect("centres:centre_detail", pk=centre.pk)
    return render(
        request,
        "centres/centre_form.html",
        {"form": form, "centre": None},
        status=422 if form.errors else 200,
    )


@login_required
def centre_update(request, pk):
    require(request.user, REGISTRY_CHANGE)
    centre = selectors.centre_get(user=request.user, pk=pk, perm=REGISTRY_CHANGE)
    form = CentreForm(request.POST or None, instance=centre, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.centre_update(
                actor=request.user,
                centre=centre,
                data=form.service_data(),
                expected_version=form.cleaned_data.get("expected_version"),
            )
        except StaleEdit as exc:
            form.add_error(None, exc.messages)
        except ValidationError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Changes to %(name)s saved.") % {"name": centre.name})
            return redirect("centres:centre_detail", pk=centre.pk)
    return render(
        request,
        "centres/centre_form.html",
        {"form": form, "centre": centre},
        status=422 if form.errors else 200,
    )


@login_required
def centre_deactivate(request, pk):
    require(request.user, REGISTRY_DEACTIVATE)
    centre = selectors.centre_get(user=request.user, pk=pk, perm=REGISTRY_DEACTIVATE)
    form = DeactivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.centre_deactivate(actor=request.user, centre=centre, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("%(name)s is now inactive.") % {"name": centre.name})
            return redirect("centres:centre_detail", pk=centre.pk)
    return render(
        request,
        "centres/centre_deactivate.html",
        {"form": form, "centre": centre},
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def centre_reactivate(request, pk):
    require(request.user, REGISTRY_DEACTIVATE)
    centre = selectors.centre_get(user=request.user, pk=pk, perm=REGISTRY_DEACTIVATE)
    try:
        services.centre_reactivate(actor=request.user, centre=centre)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s is active again.") % {"name": centre.name})
    return redirect("centres:centre_detail", pk=centre.pk)
