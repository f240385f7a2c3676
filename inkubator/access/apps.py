from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "inkubator.access"
    label = "access"
    verbose_name = _("Access and scope")

    def ready(self):
        from inkubator.access.resolver import GrantResolver
        from inkubator.core import scoping

        scoping.register_resolver(GrantResolver())
