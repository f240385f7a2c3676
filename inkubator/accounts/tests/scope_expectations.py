"""Scope rows of the account pages (sign-in, password, invitation, personal tokens) for the project's matrix
(`programme/tests/scope_matrix.py`). Everything here is about the signed-in person's own account.
"""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from inkubator.programme.tests.scope_matrix import Expect, row
from inkubator.programme.tests.scope_world import PASSWORD

SIGNED_IN = row(
    anonymous=302,
    no_scope=200,
    outsider=200,
    national_viewer=200,
    regional_officer=200,
    researcher=200,
    assessor=200,
    centre_manager=200,
    national_admin=200,
)
SIGNED_IN_REDIRECTED = row(
    anonymous=302,
    no_scope=302,
    outsider=302,
    national_viewer=302,
    regional_officer=302,
    researcher=302,
    assessor=302,
    centre_manager=302,
    national_admin=302,
)


def _invitation(w):
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(w.person.pk)),
        "token": default_token_generator.make_token(w.person),
    }


EXPECTATIONS = [
    # Public: signed-in people are sent on to the home page.
    Expect(
        "accounts:login",
        row(
            anonymous=200,
            no_scope=302,
            outsider=302,
            national_viewer=302,
            regional_officer=302,
            researcher=302,
            assessor=302,
            centre_manager=302,
            national_admin=302,
        ),
        public=True,
    ),
    Expect("accounts:logout", SIGNED_IN_REDIRECTED, method="POST", public=True),
    Expect("accounts:password_change", SIGNED_IN),
    Expect(
        "accounts:password_change",
        SIGNED_IN_REDIRECTED,
        method="POST",
        changes=True,
        data=lambda w: {
            "old_password": PASSWORD,
            "new_password1": "Ganti-sandi-2026!",
            "new_password2": "Ganti-sandi-2026!",
        },
    ),
    Expect("accounts:password_change_done", SIGNED_IN),
    # The one-time link of an invitation: whoever holds it goes on to set the password (the link is the key).
    Expect("accounts:invitation", SIGNED_IN_REDIRECTED, kwargs=_invitation, public=True),
    Expect("accounts:token_list", SIGNED_IN),
    Expect(
        "accounts:token_list", SIGNED_IN, method="POST", changes=True, data=lambda w: {"name": "skrip baru"}
    ),
    # The world's token is the researcher's.
    # NOTE: someone else's token answers 403 ("not yours"), which tells that the token id exists; elsewhere
    # the project answers 404 for what is not the user's.
    Expect(
        "accounts:token_revoke",
        row(
            anonymous=302,
            no_scope=403,
            outsider=403,
            national_viewer=403,
            regional_officer=403,
            researcher=302,
            assessor=403,
            centre_manager=403,
            national_admin=403,
        ),
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.token.pk},
    ),
]
