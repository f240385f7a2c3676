"""Permissions of the registry, its reference lists and change history (scope decides which records)."""

from inkubator.accounts.roles import Role
from inkubator.core.permissions import declare

R = Role
REGISTRY_VIEW = declare(
    "centres.view",
    roles=[
        R.NATIONAL_ADMIN,
        R.NATIONAL_VIEWER,
        R.REGIONAL_OFFICER,
        R.RESEARCHER,
        R.ASSESSOR,
        R.CENTRE_MANAGER,
    ],
)
REGISTRY_CHANGE = declare("centres.change", roles=[R.NATIONAL_ADMIN, R.REGIONAL_OFFICER, R.CENTRE_MANAGER])
REGISTRY_DEACTIVATE = declare("centres.deactivate", roles=[R.NATIONAL_ADMIN])
REGISTRY_IMPORT = declare("centres.import", roles=[R.NATIONAL_ADMIN, R.REGIONAL_OFFICER])
REGISTRY_EXPORT = declare(
    "centres.export",
    roles=[R.NATIONAL_ADMIN, R.NATIONAL_VIEWER, R.REGIONAL_OFFICER, R.RESEARCHER, R.CENTRE_MANAGER],
)
# Reference lists every phase uses (vocations here; unemployment rates in the Grand Design).
REFERENCE_MANAGE = declare("centres.manage_reference", roles=[R.NATIONAL_ADMIN])
# The change history ("Riwayat perubahan") of registry records and of what is built on them.
HISTORY_VIEW = declare(
    "centres.view_history",
    roles=[R.NATIONAL_ADMIN, R.NATIONAL_VIEWER, R.REGIONAL_OFFICER, R.RESEARCHER, R.CENTRE_MANAGER],
)
