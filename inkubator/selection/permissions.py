"""Permissions of the selection and the Grand Design."""

from inkubator.accounts.roles import Role
from inkubator.core.permissions import declare

R = Role
SELECTION_VIEW = declare("selection.view", roles=[R.NATIONAL_ADMIN, R.NATIONAL_VIEWER, R.RESEARCHER])
SELECTION_MANAGE = declare("selection.manage", roles=[R.NATIONAL_ADMIN, R.RESEARCHER])
DECISION_PUBLISH = declare("selection.publish", roles=[R.NATIONAL_ADMIN])
