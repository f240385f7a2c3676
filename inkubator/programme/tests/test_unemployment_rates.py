"""The shipped BPS rates: both August rounds, the latest value covering 35 of 38 provinces, loaded once."""

from decimal import Decimal

import pytest

from inkubator.access.tests.factories import make_user
from inkubator.core.models import AuditEntry
from inkubator.programme.demo.unemployment import load_unemployment_rates
from inkubator.selection.models import UnemploymentRate

pytestmark = pytest.mark.django_db


def test_rates_load_with_round_and_source_and_cover_35_provinces():
    admin = make_user("admin1", "national_admin")
    before = set(UnemploymentRate.objects.values_list("province_id", "year"))  # a migration's rates
    assert load_unemployment_rates(actor=admin) == 60 - len(before)
    assert UnemploymentRate.objects.count() == 60  # 32 of August 2023, 28 of August 2024
    latest = {}
    for r in UnemploymentRate.objects.order_by("province_id", "-year"):
        latest.setdefault(r.province_id, r)
    assert len(latest) == 35
    assert {"65", "93", "94"}.isdisjoint(latest)  # Kaltara, Papua Selatan, Papua Tengah: entered by an admin
    assert (latest["35"].year, latest["35"].rate) == (2024, Decimal("4.19"))
    assert (latest["12"].year, latest["12"].rate) == (2023, Decimal("5.89"))  # Sumut: no August 2024 value
    assert "Sakernas Agustus 2024" in latest["35"].source
    assert AuditEntry.objects.filter(content_type__model="unemploymentrate").count() == 60 - len(before)


def test_a_recorded_rate_is_never_overwritten():
    admin = make_user("admin1", "national_admin")
    UnemploymentRate.objects.update_or_create(
        province_id="35", year=2024, defaults={"rate": Decimal("4.20"), "source": "koreksi admin"}
    )
    before = UnemploymentRate.objects.count()
    assert load_unemployment_rates(actor=admin) == 60 - before
    assert load_unemployment_rates(actor=admin) == 0
    assert UnemploymentRate.objects.get(province_id="35", year=2024).rate == Decimal("4.20")
