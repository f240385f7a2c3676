"""Login, password, invitations, user administration (national admins) and personal API tokens."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkubator.accounts import selectors, services
from inkubator.accounts.forms import ScopeGrantForm, TokenCreateForm, UserInviteForm, UserUpdateForm
from inkubator.accounts.models import ScopeGrant, User
from inkubator.core import permissions as perms
from inkubator.core.audit import history_for


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class InvitationView(auth_views.PasswordResetConfirmView):
    """The invited person sets their first password through a one-time link."""

    template_name = "accounts/invitation.html"
    success_url = reverse_lazy("accounts:login")
    post_reset_login = False


def _require_admin(user):
    if not perms.role_has_permission(user, perms.USERS_MANAGE):
        raise PermissionDenied


@login_required
def user_list(request):
    _require_admin(request.user)
    users = selectors.user_list(actor=request.user, q=request.GET.get("q", ""))
    return render(request, "accounts/user_list.html", {"users": users, "q": request.GET.get("q", "")})


@login_required
def user_invite(request):
    _require_admin(request.user)
    form = UserInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, link = services.user_invite(actor=request.user, data=form.cleaned_data)
        messages.success(
            request,
            _("Account %(username)s created. Send them this one-time link to set a password: %(link)s")
            % {"username": user.username, "link": request.build_absolute_uri(link)},
        )
        return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/user_invite.html", {"form": form}, status=422 if form.errors else 200)


@login_required
def user_detail(request, pk):
    _require_admin(request.user)
    person = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
    form = UserUpdateForm(request.POST or None, instance=person, prefix="user")
    grant_form = ScopeGrantForm(prefix="grant")
    if request.method == "POST" and form.is_valid():
        services.user_update(actor=request.user, user=person, data=form.cleaned_data)
        messages.success(request, _("Account saved."))
        return redirect("accounts:user_detail", pk=person.pk)
    grants = person.scope_grants.select_related("province", "regency", "cluster", "centre")
    return render(request, "accounts/user_detail.html", {
        "person": person, "form": form, "grant_form": grant_form, "grants": grants,
        "history": history_for(person)[:30],
    }, status=422 if form.errors else 200)


@login_required
@require_POST
def user_set_active(request, pk):
    _require_admin(request.user)
    person = get_object_or_404(User, pk=pk)
    try:
        services.user_set_active(actor=request.user, user=person, active=request.POST.get("active") == "1")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("accounts:user_detail", pk=person.pk)


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
    return redirect("accounts:user_detail", pk=person.pk)


@login_required
@require_POST
def grant_remove(request, pk, grant_pk):
    _require_admin(request.user)
    grant = get_object_or_404(ScopeGrant, pk=grant_pk, user_id=pk)
    services.scope_grant_remove(actor=request.user, grant=grant)
    messages.success(request, _("Scope grant removed."))
    return redirect("accounts:user_detail", pk=pk)


@login_required
def token_list(request):
    form = TokenCreateForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = services.token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error("name", exc.messages)
    return render(request, "accounts/token_list.html", {
        "form": form, "tokens": selectors.token_list(user=request.user), "new_key": new_key,
    })


@login_required
@require_POST
def token_revoke(request, pk):
    services.token_revoke(user=request.user, token_id=pk)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:token_list")
