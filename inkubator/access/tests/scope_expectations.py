"""Scope rows of user administration (national admins only) for the project's matrix
(`programme/tests/scope_matrix.py`). The world's `person` is an invited regional officer with a province grant.
"""

from inkubator.programme.tests.scope_matrix import Expect, row

ADMIN_PAGE = row(
    anonymous=302,
    no_scope=403,
    outsider=403,
    national_viewer=403,
    regional_officer=403,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=200,
)
ADMIN_WRITE = row(
    anonymous=302,
    no_scope=403,
    outsider=403,
    national_viewer=403,
    regional_officer=403,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=302,
)


def _person(w):
    return {"pk": w.person.pk}


EXPECTATIONS = [
    Expect("access:user_list", ADMIN_PAGE),
    Expect("access:user_invite", ADMIN_PAGE),
    Expect(
        "access:user_invite",
        ADMIN_WRITE,
        method="POST",
        changes=True,
        data=lambda w: {
            "username": "staf2",
            "first_name": "Staf",
            "last_name": "Kedua",
            "email": "",
            "role": "assessor",
            "organisation": "",
        },
    ),
    Expect("access:user_detail", ADMIN_PAGE, kwargs=_person),
    Expect(
        "access:user_detail",
        ADMIN_WRITE,
        method="POST",
        changes=True,
        kwargs=_person,
        data=lambda w: {
            "user-first_name": "Staf",
            "user-last_name": "Diubah",
            "user-email": "",
            "user-role": "regional_officer",
            "user-organisation": "",
        },
    ),
    Expect(
        "access:user_set_active",
        ADMIN_WRITE,
        method="POST",
        changes=True,
        kwargs=_person,
        data=lambda w: {"active": "0"},
    ),
    Expect(
        "access:grant_add",
        ADMIN_WRITE,
        method="POST",
        changes=True,
        kwargs=_person,
        data=lambda w: {"grant-kind": "province", "grant-province": "32"},
    ),
    Expect(
        "access:grant_remove",
        ADMIN_WRITE,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.person.pk, "grant_pk": w.person_grant.pk},
    ),
]
