"""factory_boy factories for the registry and a helper to make users with scope grants."""

from decimal import Decimal

import factory

from inkubator.accounts.models import ScopeGrant, User
from inkubator.centres.models import Centre, Grant, HostInstitution, Vocation


class HostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HostInstitution

    name = factory.Sequence(lambda n: f"Pondok Pesantren Uji {n}")
    kind = "pesantren"
    regency_id = "35.78"


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre

    code = factory.Sequence(lambda n: f"99{n:08d}")
    name = factory.Sequence(lambda n: f"BLK Komunitas Uji {n}")
    regency_id = "35.78"
    host = factory.LazyAttribute(lambda o: HostFactory(regency_id=o.regency_id))
    established_year = 2020
    vocation = factory.LazyFunction(lambda: Vocation.objects.get(code="teknik-las"))
    latitude = Decimal("-7.250000")
    longitude = Decimal("112.750000")
    maturity_class = "tumbuh"


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant

    centre = factory.SubFactory(CentreFactory)
    kind = "construction"
    year = 2020
    amount = Decimal("500000000")


def make_user(username, role, *, province=None, regency=None, cluster=None, centre=None, password="s3cret-pass-123"):
    user = User.objects.create_user(username=username, password=password, role=role)
    if province:
        ScopeGrant.objects.create(user=user, kind="province", province_id=province)
    if regency:
        ScopeGrant.objects.create(user=user, kind="regency", regency_id=regency)
    if cluster:
        ScopeGrant.objects.create(user=user, kind="cluster", cluster=cluster)
    if centre:
        ScopeGrant.objects.create(user=user, kind="centre", centre=centre)
    return user
