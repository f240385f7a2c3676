"""Permissions of the readiness assessment (scope decides which rounds, centres and assessments)."""

from inkubator.accounts.roles import Role
from inkubator.core.permissions import declare

R = Role
ASSESSMENT_VIEW = declare(
    "assessment.view",
    roles=[
        R.NATIONAL_ADMIN,
        R.NATIONAL_VIEWER,
        R.REGIONAL_OFFICER,
        R.RESEARCHER,
        R.ASSESSOR,
        R.CENTRE_MANAGER,
    ],
)
ASSESSMENT_FILL = declare("assessment.fill", roles=[R.ASSESSOR])
ASSESSMENT_REVIEW = declare("assessment.review", roles=[R.NATIONAL_ADMIN, R.RESEARCHER])
ASSESSMENT_EXPORT = declare(
    "assessment.export", roles=[R.NATIONAL_ADMIN, R.NATIONAL_VIEWER, R.REGIONAL_OFFICER, R.RESEARCHER]
)
# Consolidated results; not for assessors, who see only their own work.
ASSESSMENT_RESULTS = declare(
    "assessment.view_results",
    roles=[R.NATIONAL_ADMIN, R.NATIONAL_VIEWER, R.REGIONAL_OFFICER, R.RESEARCHER, R.CENTRE_MANAGER],
)
INSTRUMENT_MANAGE = declare("assessment.manage_instruments", roles=[R.NATIONAL_ADMIN, R.RESEARCHER])
ROUND_MANAGE = declare("assessment.manage_rounds", roles=[R.NATIONAL_ADMIN, R.RESEARCHER])


def is_field_assessor(user) -> bool:
    """An active field assessor: sees only the assessments assigned to them, whatever their grants."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and not user.is_superuser
        and user.role == Role.ASSESSOR
    )
