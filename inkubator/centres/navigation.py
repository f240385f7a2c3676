"""The registry's entries in the main menu (phase "registry"; collected by `programme.navigation`)."""

from django.utils.translation import gettext_lazy as _

from inkubator.centres.permissions import REFERENCE_MANAGE, REGISTRY_IMPORT, REGISTRY_VIEW
from inkubator.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry("registry", _("BLK Komunitas"), "centres:centre_list", REGISTRY_VIEW, order=10),
    MenuEntry("registry", _("Host institutions"), "centres:host_list", REGISTRY_VIEW, order=20),
    MenuEntry("registry", _("Grants"), "centres:grant_list", REGISTRY_VIEW, order=30),
    MenuEntry("registry", _("Import"), "centres:import_start", REGISTRY_IMPORT, order=40, prefix="/impor/"),
    MenuEntry("administration", _("Vocation list"), "centres:vocation_list", REFERENCE_MANAGE, order=30),
]
