"""factory_boy factories for the registry (users with scope grants: `access.tests.factories`)."""

from decimal import Decimal

import factory

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
