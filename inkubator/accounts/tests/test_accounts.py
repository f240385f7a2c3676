"""Accounts: login, invitations, roles and scope grants managed by national admins, deactivation."""

import re

import pytest

from inkubator.access.models import ScopeGrant
from inkubator.accounts.models import User
from inkubator.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_login_form_and_logout(client, users):
    page = client.get("/accounts/login/")
    assert page.status_code == 200 and 'name="username"' in page.content.decode()
    bad = client.post("/accounts/login/", {"username": "dinas1", "password": "salah"})
    assert bad.status_code == 200 and bad.context["form"].errors
    ok = client.post("/accounts/login/", {"username": "dinas1", "password": "s3cret-pass-123"})
    assert ok.status_code == 302 and ok["Location"] == "/"
    assert client.get("/blk/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/blk/").status_code == 302


def test_password_change(client, users):
    client.force_login(users["researcher"])
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "s3cret-pass-123",
            "new_password1": "kelapa-muda-2024!",
            "new_password2": "kelapa-muda-2024!",
        },
    )
    assert response.status_code == 302
    users["researcher"].refresh_from_db()
    assert users["researcher"].check_password("kelapa-muda-2024!")


def test_admin_invites_user_who_sets_password_through_link(client, users):
    client.force_login(users["national_admin"])
    response = client.post(
        "/pengguna/undang/",
        {
            "username": "asesor2",
            "first_name": "Siti",
            "last_name": "Aminah",
            "email": "",
            "role": "assessor",
        },
        follow=True,
    )
    assert response.status_code == 200
    invited = User.objects.get(username="asesor2")
    assert invited.role == "assessor" and not invited.has_usable_password()
    link = re.search(r"http://testserver(/accounts/undangan/[^\s<]+/)", response.content.decode()).group(1)
    entry = AuditEntry.objects.get(action="create", content_type__model="user")
    assert entry.actor == users["national_admin"]
    assert entry.object_repr == f"user #{invited.pk}" and "Siti" not in str(entry.changes)
    assert entry.changes == {"is_active": [None, True], "role": [None, "assessor"]}
    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Asesor-Lapangan-77", "new_password2": "Asesor-Lapangan-77"},
    )
    assert done.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password("Asesor-Lapangan-77")


def test_admin_assigns_role_and_scope_and_deactivates(client, users):
    admin, person = users["national_admin"], users["no_scope"]
    client.force_login(admin)
    client.post(
        f"/pengguna/{person.pk}/",
        {"user-first_name": "Budi", "user-last_name": "", "user-email": "", "user-role": "regional_officer"},
    )
    client.post(f"/pengguna/{person.pk}/cakupan/", {"grant-kind": "regency", "grant-regency": "35.78"})
    grant = ScopeGrant.objects.get(user=person)
    assert (grant.kind, grant.regency_id) == ("regency", "35.78")
    client.force_login(person)
    assert client.get("/api/v1/centres").json()["count"] == 1
    client.force_login(admin)
    client.post(f"/pengguna/{person.pk}/aktif/", {"active": "0"})
    person.refresh_from_db()
    assert person.is_active is False
    assert client.get("/blk/").status_code == 200  # admin still in
    client.force_login(person)
    assert client.get("/blk/").status_code == 302  # deactivated user is out


def test_grant_with_wrong_target_is_refused(client, users):
    client.force_login(users["national_admin"])
    person = users["no_scope"]
    client.post(f"/pengguna/{person.pk}/cakupan/", {"grant-kind": "province"})  # province missing
    client.post(f"/pengguna/{person.pk}/cakupan/", {"grant-kind": "national", "grant-province": "35"})
    assert ScopeGrant.objects.filter(user=person).count() == 0


def test_non_admins_cannot_manage_accounts(client, users):
    person = users["no_scope"]
    client.force_login(users["regional_officer"])
    assert client.post(f"/pengguna/{person.pk}/cakupan/", {"grant-kind": "national"}).status_code == 403
    assert client.post(f"/pengguna/{person.pk}/aktif/", {"active": "0"}).status_code == 403
    assert client.post("/pengguna/undang/", {"username": "x", "role": "national_admin"}).status_code == 403
    person.refresh_from_db()
    assert person.is_active and not ScopeGrant.objects.filter(user=person).exists()
    assert not User.objects.filter(username="x").exists()
    assert AuditEntry.objects.count() == 0


def test_admin_cannot_deactivate_self(client, users):
    admin = users["national_admin"]
    client.force_login(admin)
    client.post(f"/pengguna/{admin.pk}/aktif/", {"active": "0"})
    admin.refresh_from_db()
    assert admin.is_active


def test_demo_accounts_are_created_with_their_scopes(db):
    from inkubator.programme.demo import DEMO_PASSWORD, seed_accounts, seed_registry

    seed_registry(scale="demo", seed=7)
    seed_accounts()
    seed_accounts()
    documented = ["admin", "asesor", "dinas", "pengelola", "peneliti", "pimpinan"]
    assert sorted(User.objects.values_list("username", flat=True)) == sorted(
        [*documented, "asesor2", "asesor3"]
    )
    for user in User.objects.all():
        # the two extra assessors of the demo rounds cannot log in
        assert user.check_password(DEMO_PASSWORD) == (user.username in documented)
    from inkubator.centres.models import Centre

    assert Centre.objects.visible_to(User.objects.get(username="pengelola"), "centres.view").count() == 1
    assert Centre.objects.visible_to(User.objects.get(username="peneliti"), "centres.view").count() == 40
    dinas = Centre.objects.visible_to(User.objects.get(username="dinas"), "centres.view")
    assert dinas.count() == Centre.objects.filter(regency__province_id="35").count() > 0
