"""The home page: the signed-in person's own work first (programme.home), then what their role may do."""

from django.shortcuts import render

from inkubator.access.selectors import grants_of
from inkubator.centres.permissions import REGISTRY_VIEW
from inkubator.centres.selectors import centre_summary
from inkubator.core.permissions import role_has_permission
from inkubator.programme.home import panels_for


def home(request):
    context = {}
    if request.user.is_authenticated:
        context["grants"] = list(grants_of(request.user))
        context["panels"] = panels_for(request.user)
        if role_has_permission(request.user, REGISTRY_VIEW):
            context["summary"] = centre_summary(user=request.user)
    return render(request, "programme/home.html", context)
