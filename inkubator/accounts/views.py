"""Login, password, accepting an invitation and personal API tokens (user administration: `access`)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST

from inkubator.accounts import selectors, services
from inkubator.accounts.forms import TokenCreateForm


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


@login_required
def token_list(request):
    form = TokenCreateForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = services.token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error("name", exc.messages)
    return render(
        request,
        "accounts/token_list.html",
        {
            "form": form,
            "tokens": selectors.token_list(user=request.user),
            "new_key": new_key,
        },
    )


@login_required
@require_POST
def token_revoke(request, pk):
    services.token_revoke(user=request.user, token_id=pk)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:token_list")


@require_POST
def set_language(request):
    """Django's language switch (cookie, safe `next`), and for a signed-in person also their account.

    Only the interface's own languages count (Django would take any it has a catalogue for).
    """
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        request.POST = request.POST.copy()
        request.POST.pop("language", None)  # Django's view then only redirects
    elif request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    return i18n.set_language(request)
