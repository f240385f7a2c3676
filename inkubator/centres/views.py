"""Registry pages: thin views that parse input, call one selector or service, and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkubator.centres import selectors, services
from inkubator.centres.forms import (
    CentreForm,
    DeactivateForm,
    GrantForm,
    HostInstitutionForm,
    ImportUploadForm,
    TrainingOutputForm,
    VocationForm,
)
from inkubator.centres.importers import IMPORTERS, template_response
from inkubator.centres.models import Vocation
from inkubator.core import exports, jobs
from inkubator.core import permissions as perms
from inkubator.core.audit import history_for
from inkubator.core.models import Job
from inkubator.core.permissions import require
from inkubator.core.scoping import can_place_anywhere
from inkubator.core.services import StaleEdit

PAGE_SIZES = (25, 50, 100)



def _require_create(user):
    """Creating needs a region to create in: a centre manager's one-centre grant is not enough."""
    if not can_place_anywhere(user, perms.REGISTRY_CHANGE):
        raise PermissionDenied


def _page(request, qs):
    try:
        size = int(request.GET.get("per_page", 25))
    except ValueError:
        size = 25
    size = size if size in PAGE_SIZES else 25
    return Paginator(qs, size).get_page(request.GET.get("page"))


def _query_without(request, *names):
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def _add_form_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


# --- centres -----------------------------------------------------------------------------------

CENTRE_EXPORT_HEADERS = [
    "Kode", "Nama", "Lembaga", "Jenis lembaga", "Provinsi", "Kode kab/kota", "Kabupaten/Kota", "Alamat",
    "Lintang", "Bujur", "Tahun bantuan", "Kejuruan", "Instruktur", "Izin operasional", "Akreditasi",
    "Klasifikasi", "Status",
]


def centre_export_rows(qs):
    for c in qs.iterator(chunk_size=2000):
        yield [
            c.code, c.name, c.host.name, c.host.get_kind_display(), c.regency.province.name, c.regency_id,
            c.regency.name, c.address, c.latitude, c.longitude, c.established_year, c.vocation.name,
            c.instructors, c.licence_number, c.accreditation, c.get_maturity_class_display(), c.get_status_display(),
        ]


@login_required
def centre_list(request):
    require(request.user, perms.REGISTRY_VIEW)
    fmt = request.GET.get("format")
    if fmt in exports.FORMATS:
        require(request.user, perms.REGISTRY_EXPORT)
        _fs, qs = selectors.centre_list(user=request.user, params=request.GET, perm=perms.REGISTRY_EXPORT)
        return exports.export_response(fmt, "blk-komunitas", CENTRE_EXPORT_HEADERS, centre_export_rows(qs))
    filterset, qs = selectors.centre_list(user=request.user, params=request.GET)
    page = _page(request, qs)
    context = {
        "filter": filterset, "page": page, "query": _query_without(request, "page"),
        "export_query": _query_without(request, "page", "format", "per_page"), "page_sizes": PAGE_SIZES,
    }
    template = "centres/partials/_centre_table.html" if request.headers.get("HX-Request") else "centres/centre_list.html"
    return render(request, template, context)


@login_required
def centre_detail(request, pk):
    require(request.user, perms.REGISTRY_VIEW)
    centre = selectors.centre_get(user=request.user, pk=pk)
    context = {
        "centre": centre,
        "grants": selectors.centre_grants(user=request.user, centre=centre),
        "outputs": selectors.centre_outputs(user=request.user, centre=centre),
        "can_change": selectors.centre_queryset(user=request.user, perm=perms.REGISTRY_CHANGE).filter(pk=pk).exists(),
        "can_deactivate": selectors.centre_queryset(user=request.user, perm=perms.REGISTRY_DEACTIVATE).filter(pk=pk).exists(),
        "history": history_for(centre)[:50] if perms.role_has_permission(request.user, perms.HISTORY_VIEW) else None,
        "map_point": {
            "lat": float(centre.latitude), "lon": float(centre.longitude), "name": centre.name,
            "others": selectors.centre_points(user=request.user, exclude=centre.pk),
        } if centre.latitude is not None and centre.longitude is not None else None,
    }
    return render(request, "centres/centre_detail.html", context)


@login_required
def centre_create(request):
    _require_create(request.user)
    form = CentreForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            centre = services.centre_create(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            _add_form_errors(form, exc)
        else:
            messages.success(request, _("Centre %(name)s registered.") % {"name": centre.name})
            return redirect("centres:centre_detail", pk=centre.pk)
    return render(request, "centres/centre_form.html", {"form": form, "centre": None}, status=422 if form.errors else 200)


@login_required
def centre_update(request, pk):
    require(request.user, perms.REGISTRY_CHANGE)
    centre = selectors.centre_get(user=request.user, pk=pk, perm=perms.REGISTRY_CHANGE)
    form = CentreForm(request.POST or None, instance=centre, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.centre_update(
                actor=request.user, centre=centre, data=form.service_data(),
                expected_version=form.cleaned_data.get("expected_version"),
            )
        except StaleEdit as exc:
            form.add_error(None, exc.messages)
        except ValidationError as exc:
            _add_form_errors(form, exc)
        else:
            messages.success(request, _("Changes to %(name)s saved.") % {"name": centre.name})
            return redirect("centres:centre_detail", pk=centre.pk)
    return render(request, "centres/centre_form.html", {"form": form, "centre": centre}, status=422 if form.errors else 200)


@login_required
def centre_deactivate(request, pk):
    require(request.user, perms.REGISTRY_DEACTIVATE)
    centre = selectors.centre_get(user=request.user, pk=pk, perm=perms.REGISTRY_DEACTIVATE)
    form = DeactivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.centre_deactivate(actor=request.user, centre=centre, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("%(name)s is now inactive.") % {"name": centre.name})
            return redirect("centres:centre_detail", pk=centre.pk)
    return render(request, "centres/centre_deactivate.html", {"form": form, "centre": centre},
                  status=422 if form.errors else 200)


@login_required
@require_POST
def centre_reactivate(request, pk):
    require(request.user, perms.REGISTRY_DEACTIVATE)
    centre = selectors.centre_get(user=request.user, pk=pk, perm=perms.REGISTRY_DEACTIVATE)
    try:
        services.centre_reactivate(actor=request.user, centre=centre)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s is active again.") % {"name": centre.name})
    return redirect("centres:centre_detail", pk=centre.pk)


# --- host institutions -------------------------------------------------------------------------


@login_required
def host_list(request):
    require(request.user, perms.REGISTRY_VIEW)
    fmt = request.GET.get("format")
    if fmt in exports.FORMATS:
        require(request.user, perms.REGISTRY_EXPORT)
        _fs, qs = selectors.host_list(user=request.user, params=request.GET, perm=perms.REGISTRY_EXPORT)
        rows = ([h.name, h.get_kind_display(), h.foundation, h.regency.province.name, h.regency_id, h.regency.name,
                 h.address, h.centre_count] for h in qs)
        headers = ["Nama lembaga", "Jenis lembaga", "Yayasan", "Provinsi", "Kode kab/kota", "Kabupaten/Kota",
                   "Alamat", "Jumlah BLK"]
        return exports.export_response(fmt, "lembaga", headers, rows)
    filterset, qs = selectors.host_list(user=request.user, params=request.GET)
    return render(request, "centres/host_list.html", {
        "filter": filterset, "page": _page(request, qs), "query": _query_without(request, "page"),
        "export_query": _query_without(request, "page", "format", "per_page"),
    })


@login_required
def host_detail(request, pk):
    require(request.user, perms.REGISTRY_VIEW)
    host = selectors.host_get(user=request.user, pk=pk)
    centres = selectors.centre_queryset(user=request.user).filter(host=host).order_by("name")
    can_change = selectors.HostInstitution.objects.visible_to(request.user, perms.REGISTRY_CHANGE).filter(pk=pk).exists()
    history = history_for(host)[:50] if perms.role_has_permission(request.user, perms.HISTORY_VIEW) else None
    return render(request, "centres/host_detail.html", {"host": host, "centres": centres, "can_change": can_change,
                                                         "history": history})


@login_required
def host_form(request, pk=None):
    require(request.user, perms.REGISTRY_CHANGE)
    if pk is None:
        _require_create(request.user)
    host = selectors.host_get(user=request.user, pk=pk, perm=perms.REGISTRY_CHANGE) if pk else None
    form = HostInstitutionForm(request.POST or None, instance=host, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if host:
                host = services.host_update(actor=request.user, host=host, data=form.service_data())
            else:
                host = services.host_create(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            _add_form_errors(form, exc)
        else:
            messages.success(request, _("Host institution %(name)s saved.") % {"name": host.name})
            return redirect("centres:host_detail", pk=host.pk)
    return render(request, "centres/host_form.html", {"form": form, "host": host}, status=422 if form.errors else 200)


# --- grants and training outputs ---------------------------------------------------------------


@login_required
def grant_list(request):
    require(request.user, perms.REGISTRY_VIEW)
    fmt = request.GET.get("format")
    if fmt in exports.FORMATS:
        require(request.user, perms.REGISTRY_EXPORT)
        _fs, qs = selectors.grant_list(user=request.user, params=request.GET, perm=perms.REGISTRY_EXPORT)
        rows = ([g.centre.code, g.centre.name, g.centre.regency.province.name, g.get_kind_display(), g.year, g.amount,
                 g.get_status_display(), g.note] for g in qs)
        headers = ["Kode BLK", "Nama BLK", "Provinsi", "Jenis bantuan", "Tahun", "Nilai (Rp)", "Status", "Keterangan"]
        return exports.export_response(fmt, "bantuan", headers, rows)
    filterset, qs = selectors.grant_list(user=request.user, params=request.GET)
    return render(request, "centres/grant_list.html", {
        "filter": filterset, "page": _page(request, qs), "query": _query_without(request, "page"),
        "export_query": _query_without(request, "page", "format", "per_page"),
    })


@login_required
def grant_form(request, pk=None):
    require(request.user, perms.REGISTRY_CHANGE)
    grant = None
    if pk:
        grant = selectors.Grant.objects.visible_to(request.user, perms.REGISTRY_CHANGE).filter(pk=pk).first()
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
            _add_form_errors(form, exc)
        else:
            messages.success(request, _("Grant saved."))
            return redirect("centres:centre_detail", pk=grant.centre_id)
    return render(request, "centres/grant_form.html", {"form": form, "grant": grant}, status=422 if form.errors else 200)


@login_required
def output_form(request):
    require(request.user, perms.REGISTRY_CHANGE)
    form = TrainingOutputForm(request.POST or None, initial={"centre": request.GET.get("centre")}, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            output = services.output_save(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            _add_form_errors(form, exc)
        else:
            messages.success(request, _("Training output saved."))
            return redirect("centres:centre_detail", pk=output.centre_id)
    return render(request, "centres/output_form.html", {"form": form}, status=422 if form.errors else 200)


# --- vocations (reference list) ----------------------------------------------------------------


@login_required
def vocation_list(request):
    require(request.user, perms.REGISTRY_VIEW)
    return render(request, "centres/vocation_list.html", {"vocations": selectors.vocation_list()})


@login_required
def vocation_form(request, pk=None):
    require(request.user, perms.REFERENCE_MANAGE)
    vocation = Vocation.objects.filter(pk=pk).first() if pk else None
    if pk and vocation is None:
        raise Http404
    form = VocationForm(request.POST or None, instance=vocation)
    if request.method == "POST" and form.is_valid():
        services.vocation_save(actor=request.user, data=form.cleaned_data, vocation=vocation)
        messages.success(request, _("Vocation saved."))
        return redirect("centres:vocation_list")
    return render(request, "centres/vocation_form.html", {"form": form, "vocation": vocation},
                  status=422 if form.errors else 200)


# --- import ------------------------------------------------------------------------------------


@login_required
def import_start(request):
    """Upload a spreadsheet; a job checks it (dry run) and shows every error by row and column."""
    require(request.user, perms.REGISTRY_IMPORT)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = jobs.job_create(
            kind="registry_import", actor=request.user,
            params={"kind": form.cleaned_data["kind"], "dry_run": True, "filename": upload.name[:200]},
            input_file=upload,
        )
        return redirect("centres:import_detail", uuid=job.uuid)
    recent = Job.objects.filter(created_by=request.user, kind="registry_import")[:10]
    return render(request, "centres/import_start.html", {"form": form, "recent": recent, "kinds": IMPORTERS},
                  status=422 if form.errors else 200)


def _own_import_job(request, uuid):
    job = Job.objects.filter(uuid=uuid, kind="registry_import", created_by=request.user).first()
    if job is None:
        raise Http404
    return job


@login_required
def import_detail(request, uuid):
    require(request.user, perms.REGISTRY_IMPORT)
    job = _own_import_job(request, uuid)
    template = "centres/partials/_import_status.html" if request.headers.get("HX-Request") else "centres/import_detail.html"
    return render(request, template, {"job": job})


@login_required
@require_POST
def import_commit(request, uuid):
    """Write a checked file: a new job, all rows in one transaction or none."""
    require(request.user, perms.REGISTRY_IMPORT)
    checked = _own_import_job(request, uuid)
    if not checked.params.get("dry_run") or checked.status != Job.Status.SUCCEEDED or checked.errors:
        messages.error(request, _("Only a checked file without errors can be imported."))
        return redirect("centres:import_detail", uuid=checked.uuid)
    with transaction.atomic():
        job = jobs.job_create(
            kind="registry_import", actor=request.user,
            params={**checked.params, "dry_run": False, "checked_job": str(checked.uuid)},
        )
        job.input_file.name = checked.input_file.name
        job.save(update_fields=["input_file"])
    return redirect("centres:import_detail", uuid=job.uuid)


@login_required
def import_template(request, kind):
    require(request.user, perms.REGISTRY_IMPORT)
    if kind not in IMPORTERS:
        raise Http404
    return template_response(kind, "csv" if request.GET.get("format") == "csv" else "xlsx")


def import_detail_url(job):
    return reverse("centres:import_detail", kwargs={"uuid": job.uuid})
