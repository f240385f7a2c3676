"""Shared fixtures: one user per role with a realistic scope, and a small registry spread over regions."""

import pytest

from inkubator.access.tests.factories import make_user
from inkubator.centres.tests.factories import CentreFactory

# The browser-test fixtures (`browser`, `desktop`, `phone`), for any test module that asks for them.
pytest_plugins = ["inkubator.core.testing.browser"]


@pytest.fixture
def registry(db):
    """Five centres: two in Jawa Timur (35), one in Jawa Barat (32), one in Bali (51), one in Aceh (11)."""
    return {
        "sby": CentreFactory(code="2035000001", regency_id="35.78", name="BLK Komunitas Nurul Huda"),
        "mlg": CentreFactory(code="2035000002", regency_id="35.07", name="BLK Komunitas Al-Falah"),
        "bgr": CentreFactory(code="2032000001", regency_id="32.01", name="BLK Komunitas Darul Ulum"),
        "bali": CentreFactory(code="2051000001", regency_id="51.71", name="BLK Komunitas Widya Dharma"),
        "aceh": CentreFactory(code="2011000001", regency_id="11.71", name="BLK Komunitas Darussalam"),
    }


@pytest.fixture
def users(registry):
    """One user per role. Regional officer: Jawa Timur; researcher and assessor: a cluster of sby+bali;
    centre manager: sby only."""
    from inkubator.access.models import Cluster
    from inkubator.accounts.models import PartnerOrganisation

    partner = PartnerOrganisation.objects.create(name="UIN Sunan Ampel Surabaya", short_name="UINSA")
    cluster = Cluster.objects.create(partner=partner, name="Klaster UINSA", year=2024)
    cluster.centres.set([registry["sby"], registry["bali"]])
    return {
        "national_admin": make_user("admin1", "national_admin"),
        "national_viewer": make_user("viewer1", "national_viewer"),
        "regional_officer": make_user("dinas1", "regional_officer", province="35"),
        "researcher": make_user("peneliti1", "researcher", cluster=cluster),
        "assessor": make_user("asesor1", "assessor", cluster=cluster),
        "centre_manager": make_user("pengelola1", "centre_manager", centre=registry["sby"]),
        "no_scope": make_user("kosong1", "regional_officer"),
    }
