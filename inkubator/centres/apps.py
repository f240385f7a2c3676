from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "inkubator.centres"
    label = "centres"
    verbose_name = _("BLK Komunitas registry")

    def ready(self):
        from inkubator.centres import permissions  # noqa: F401 - declares the permissions
        from inkubator.centres.importers import RegistryImporter
        from inkubator.core import imports

        imports.register(RegistryImporter)
