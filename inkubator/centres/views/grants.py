"""Registry pages of grants (bantuan) and training outputs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inkubator.centres import selectors, services
from inkubator.centres.forms import (
    GrantForm,
    TrainingOutputForm,
)
from inkubator.centres.permissions import (
    REGISTRY_CHANGE,
    REGISTRY_EXPORT,
    REGISTRY_VIEW,
)
from inkubator.centres.views.common import paginate
from inkubator.core import exports
from inkubator.core.errors import add_to_form
from inkubator.core.http import query_without
from inkubator.core.permissions import require


@login_required
def grant_list(request):
    require(request.user, REGISTRY_VIEW)
    fmt = request.GET.get("format")
    if fmt in exports.FORMATS:
        require(request.user, REGISTRY_EXPORT)
        _fs, qs = selectors.grant_list(user=request.user, params=request.GET, perm=REGISTRY_EXPORT)
        rows = (
            [
                g.centre.code,
                g.centre.name,
                g.centre.regency.province.name,
                g.get_kind_display(),
                g.year,
                g.amount,
                g.get_status_display(),
                g.note,
            ]
            for g in qs
        )
        headers = [
            "Kode BLK",
            "Nama BLK",
            "Provinsi",
            "Jenis bantuan",
            "Tahun",
            "Nilai (Rp)",
            "Status",
            "Keterangan",
        ]
        return exports.export_response(fmt, "bantuan", headers, rows)
    filterset, qs = selectors.grant_list(user=request.user, params=request.GET)
    return render(
        request,
        "centres/grant_list.html",
        {
            "filter": filterset,
            "page": paginate(request, qs),
            "query": query_without(request, "page"),
            "export_query": query_without(request, "page", "format", "per_page"),
        },
    )


@login_required
def grant_form(request, pk=None):
    require(request.user, REGISTRY_CHANGE)
    grant = None
    if pk:
        grant = selectors.Grant.objects.visible_to(request.user, REGISTRY_CHANGE).filter(pk=pk).first()
        if grant is None:
            raise Http404
    initial = {"centre": request.GET.get("centre")} if not grant else None
    form = GrantForm(request.POST or None, instance=grant, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if grant:
                grant = services.grant_update(actor=request.user, grant=grant, data=form.service_data())
            else:
                grant = services.grant_create(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Grant saved."))
            return redirect("centres:centre_detail", pk=grant.centre_id)
    return render(
        request, "centres/grant_form.html", {"form": form, "grant": grant}, status=422 if form.errors else 200
    )


@login_required
def output_form(request):
    require(request.user, REGISTRY_CHANGE)
    form = TrainingOutputForm(
        request.POST or None, initial={"centre": request.GET.get("centre")}, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            output = services.output_save(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Training output saved."))
            return redirect("centres:centre_detail", pk=output.centre_id)
    return render(request, "centres/output_form.html", {"form": form}, status=422 if form.errors else 200)
