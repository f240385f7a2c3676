"""Registry pages of the host institutions (lembaga induk)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inkubator.centres import selectors, services
from inkubator.centres.forms import (
    HostInstitutionForm,
)
from inkubator.centres.permissions import (
    HISTORY_VIEW,
    REGISTRY_CHANGE,
    REGISTRY_EXPORT,
    REGISTRY_VIEW,
)
from inkubator.centres.views.common import paginate, require_create
from inkubator.core import exports
from inkubator.core.audit import history_for
from inkubator.core.errors import add_to_form
from inkubator.core.http import query_without
from inkubator.core.permissions import require, role_has_permission


@login_required
def host_list(request):
    require(request.user, REGISTRY_VIEW)
    fmt = request.GET.get("format")
    if fmt in exports.FORMATS:
        require(request.user, REGISTRY_EXPORT)
        _fs, qs = selectors.host_list(user=request.user, params=request.GET, perm=REGISTRY_EXPORT)
        rows = (
            [
                h.name,
                h.get_kind_display(),
                h.foundation,
                h.regency.province.name,
                h.regency_id,
                h.regency.name,
                h.address,
                h.centre_count,
            ]
            for h in qs
        )
        headers = [
            "Nama lembaga",
            "Jenis lembaga",
            "Yayasan",
            "Provinsi",
            "Kode kab/kota",
            "Kabupaten/Kota",
            "Alamat",
            "Jumlah BLK",
        ]
        return exports.export_response(fmt, "lembaga", headers, rows)
    filterset, qs = selectors.host_list(user=request.user, params=request.GET)
    return render(
        request,
        "centres/host_list.html",
        {
            "filter": filterset,
            "page": paginate(request, qs),
            "query": query_without(request, "page"),
            "export_query": query_without(request, "page", "format", "per_page"),
        },
    )


@login_required
def host_detail(request, pk):
    require(request.user, REGISTRY_VIEW)
    host = selectors.host_get(user=request.user, pk=pk)
    centres = selectors.centre_queryset(user=request.user).filter(host=host).order_by("name")
    can_change = (
        selectors.HostInstitution.objects.visible_to(request.user, REGISTRY_CHANGE).filter(pk=pk).exists()
    )
    history = history_for(host)[:50] if role_has_permission(request.user, HISTORY_VIEW) else None
    return render(
        request,
        "centres/host_detail.html",
        {"host": host, "centres": centres, "can_change": can_change, "history": history},
    )


@login_required
def host_form(request, pk=None):
    require(request.user, REGISTRY_CHANGE)
    if pk is None:
        require_create(request.user)
    host = selectors.host_get(user=request.user, pk=pk, perm=REGISTRY_CHANGE) if pk else None
    form = HostInstitutionForm(request.POST or None, instance=host, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if host:
                host = services.host_update(actor=request.user, host=host, data=form.service_data())
            else:
                host = services.host_create(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            add_to_form(form, exc)
        else:
            messages.success(request, _("Host institution %(name)s saved.") % {"name": host.name})
            return redirect("centres:host_detail", pk=host.pk)
    return render(
        request, "centres/host_form.html", {"form": form, "host": host}, status=422 if form.errors else 200
    )
