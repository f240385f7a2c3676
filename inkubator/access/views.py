"""User administration (national admins): accounts, their roles and their scope grants."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkubator.access import selectors, services
from inkubator.access.forms import ScopeGrantForm
from inkubator.access.models import ScopeGrant
from inkubator.accounts import services as account_services
from inkubator.accounts.forms import UserInviteForm, UserUpdateForm
from inkubator.accounts.models import User
from inkubator.accounts.permissions import USERS_MANAGE
from inkubator.core.audit import history_for
from inkubator.core.permissions import role_has_permission


def _require_admin(user):
    if not role_has_permission(user, USERS_MANAGE):
        raise PermissionDenied


@login_required
def user_list(request):
    _require_admin(request.user)
    users = selectors.user_list(actor=request.user, q=request.GET.get("q", ""))
    return render(request, "access/user_list.html", {"users": users, "q": request.GET.get("q", "")})


@login_required
def user_invite(request):
    _require_admin(request.user)
    form = UserInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, link = account_services.user_invite(actor=request.user, data=form.cleaned_data)
        messages.success(
            request,
            _("Account %(username)s created. Send them this one-time link to set a password: %(link)s")
            % {"username": user.username, "link": request.build_absolute_uri(link)},
        )
        return redirect("access:user_detail", pk=user.pk)
    return render(request, "access/user_invite.html", {"form": form}, status=422 if form.errors else 200)


@login_required
def user_detail(request, pk):
    _require_admin(request.user)
    person = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
    form = UserUpdateForm(request.POST or None, instance=person, prefix="user")
    grant_form = ScopeGrantForm(prefix="grant")
    if request.method == "POST" and form.is_valid():
        account_services.user_update(actor=request.user, user=person, data=form.cleaned_data)
        messages.success(request, _("Account saved."))
        return redirect("access:user_detail", pk=person.pk)
    grants = selectors.grants_of(person)
    return render(
        request,
        "access/user_detail.html",
        {
            "person": person,
            "form": form,
            "grant_form": grant_form,
            "grants": grants,
            "history": history_for(person)[:30],
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def user_set_active(request, pk):
    _require_admin(request.user)
    person = get_object_or_404(User, pk=pk)
    try:
        account_services.user_set_active(
            actor=request.user, user=person, active=request.POST.get("active") == "1"
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("access:user_detail", pk=person.pk)


@login_required
@require_POST
def grant_add(request, pk):
    _require_admin(request.user)
    person = get_object_or_404(User, pk=pk)
    form = ScopeGrantForm(request.POST, prefix="grant")
    if form.is_valid():
        try:
            services.scope_grant_add(actor=request.user, user=person, data=form.service_data())
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Scope granted."))
    else:
        messages.error(request, " ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
    return redirect("access:user_detail", pk=person.pk)


@login_required
@require_POST
def grant_remove(request, pk, grant_pk):
    _require_admin(request.user)
    grant = get_object_or_404(ScopeGrant, pk=grant_pk, user_id=pk)
    services.scope_grant_remove(actor=request.user, grant=grant)
    messages.success(request, _("Scope grant removed."))
    return redirect("access:user_detail", pk=pk)
