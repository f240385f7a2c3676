"""The demo accounts (one per role, documented in the README) and the assessors of the demo rounds."""

from __future__ import annotations

from django.db import transaction

from inkubator.access.models import Cluster, ScopeGrant
from inkubator.accounts.models import PartnerOrganisation, User
from inkubator.accounts.roles import Role
from inkubator.centres.models import Centre

DEMO_PASSWORD = "inkubator-demo"  # noqa: S105 - documented demo-only password
UINSA = "Universitas Islam Negeri Sunan Ampel Surabaya"
CLUSTER = "Klaster UINSA Jawa Timur–Bali–NTB"
# Two more field assessors of the UINSA team: the demo rounds have two assessors per centre.
EXTRA_ASSESSORS = [("asesor2", "Asesor", "Kedua"), ("asesor3", "Asesor", "Ketiga")]


DEMO_ACCOUNTS = [
    ("admin", "Admin", "Pusat", Role.NATIONAL_ADMIN),
    ("pimpinan", "Pimpinan", "Direktorat PKK", Role.NATIONAL_VIEWER),
    ("dinas", "Petugas", "Disnaker Jawa Timur", Role.REGIONAL_OFFICER),
    ("peneliti", "Peneliti", "UIN Sunan Ampel", Role.RESEARCHER),
    ("asesor", "Asesor", "Lapangan", Role.ASSESSOR),
    ("pengelola", "Pengelola", "BLK Komunitas", Role.CENTRE_MANAGER),
]


@transaction.atomic
def seed_accounts() -> list[tuple[str, str, str]]:
    """The demo accounts with their scopes; re-running resets them to the documented state."""
    uinsa, _ = PartnerOrganisation.objects.get_or_create(name=UINSA, defaults={"short_name": "UINSA"})
    for name, short in [
        ("IPB University", "IPB"),
        ("UIN Sultan Maulana Hasanuddin Banten", "UIN SMH Banten"),
        ("UIN Prof. K.H. Saifuddin Zuhri Purwokerto", "UIN Saizu"),
    ]:
        PartnerOrganisation.objects.get_or_create(name=name, defaults={"short_name": short})
    cluster, _ = Cluster.objects.get_or_create(partner=uinsa, name=CLUSTER, year=2024)
    members = Centre.objects.filter(regency__province_id__in=["35", "51", "52"], status="active").order_by(
        "code"
    )[:40]
    cluster.centres.set(members)
    first = cluster.centres.order_by("code").first()

    out = []
    for username, first_name, last_name, role in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.role, user.is_active = first_name, last_name, role, True
        user.is_staff = user.is_superuser = username == "admin"
        user.organisation = uinsa if role in (Role.RESEARCHER, Role.ASSESSOR) else None
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.scope_grants.all().delete()
        if username == "dinas":
            ScopeGrant.objects.create(user=user, kind="province", province_id="35")
        elif username in ("peneliti", "asesor"):
            ScopeGrant.objects.create(user=user, kind="cluster", cluster=cluster)
        elif username == "pengelola" and first is not None:
            ScopeGrant.objects.create(user=user, kind="centre", centre=first)
        out.append((username, DEMO_PASSWORD, user.get_role_display()))
    for username, first_name, last_name in EXTRA_ASSESSORS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.role, user.is_active = (
            first_name,
            last_name,
            Role.ASSESSOR,
            True,
        )
        user.organisation = uinsa
        user.set_unusable_password()
        user.save()
        user.scope_grants.all().delete()
        ScopeGrant.objects.create(user=user, kind="cluster", cluster=cluster)
    return out
