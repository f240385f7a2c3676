"""User administration in the main menu (phase "administration"; collected by `programme.navigation`)."""

from django.utils.translation import gettext_lazy as _

from inkubator.accounts.permissions import USERS_MANAGE
from inkubator.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry("administration", _("Users and scope"), "access:user_list", USERS_MANAGE, order=10),
]
