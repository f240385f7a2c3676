"""Permissions of account administration."""

from inkubator.accounts.roles import Role
from inkubator.core.permissions import declare

USERS_MANAGE = declare("accounts.manage_users", roles=[Role.NATIONAL_ADMIN])
