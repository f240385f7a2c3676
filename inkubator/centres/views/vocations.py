"""The vocation list (kejuruan), reference data kept by national admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inkubator.centres import selectors, services
from inkubator.centres.forms import (
    VocationForm,
)
from inkubator.centres.models import Vocation
from inkubator.centres.permissions import (
    REFERENCE_MANAGE,
    REGISTRY_VIEW,
)
from inkubator.core.permissions import require


@login_required
def vocation_list(request):
    require(request.user, REGISTRY_VIEW)
    return render(request, "centres/vocation_list.html", {"vocations": selectors.vocation_list()})


@login_required
def vocation_form(request, pk=None):
    require(request.user, REFERENCE_MANAGE)
    vocation = Vocation.objects.filter(pk=pk).first() if pk else None
    if pk and vocation is None:
        raise Http404
    form = VocationForm(request.POST or None, instance=vocation)
    if request.method == "POST" and form.is_valid():
        services.vocation_save(actor=request.user, data=form.cleaned_data, vocation=vocation)
        messages.success(request, _("Vocation saved."))
        return redirect("centres:vocation_list")
    return render(
        request,
        "centres/vocation_form.html",
        {"form": form, "vocation": vocation},
        status=422 if form.errors else 200,
    )
