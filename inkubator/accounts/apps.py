from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "inkubator.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from inkubator.accounts import permissions  # noqa: F401 - declares the permissions
