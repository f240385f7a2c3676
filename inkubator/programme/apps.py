from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The top of the stack: pages that span the programme's phases, navigation, the demo."""

    name = "inkubator.programme"
    label = "programme"
    verbose_name = _("Programme")
