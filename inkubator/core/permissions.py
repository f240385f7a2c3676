"""Named permissions and the roles that hold them: the only place that says which role may do what.

Scope (which objects) is decided in `core.scoping`; this module only decides which actions a role has.
"""

from django.utils.translation import gettext_lazy as _

REGISTRY_VIEW = "centres.view"
REGISTRY_CHANGE = "centres.change"
REGISTRY_DEACTIVATE = "centres.deactivate"
REGISTRY_IMPORT = "centres.import"
REGISTRY_EXPORT = "centres.export"
REFERENCE_MANAGE = "core.manage_reference"
HISTORY_VIEW = "core.view_history"
USERS_MANAGE = "accounts.manage_users"
ASSESSMENT_VIEW = "assessment.view"
ASSESSMENT_FILL = "assessment.fill"
ASSESSMENT_REVIEW = "assessment.review"
ASSESSMENT_EXPORT = "assessment.export"
ASSESSMENT_RESULTS = "assessment.view_results"  # consolidated results; not for assessors, who see only their own work
INSTRUMENT_MANAGE = "assessment.manage_instruments"
ROUND_MANAGE = "assessment.manage_rounds"
SELECTION_VIEW = "selection.view"
SELECTION_MANAGE = "selection.manage"
DECISION_PUBLISH = "selection.publish"


class Role:
    """Role codes of DESIGN.md §1."""

    NATIONAL_ADMIN = "national_admin"
    NATIONAL_VIEWER = "national_viewer"
    REGIONAL_OFFICER = "regional_officer"
    RESEARCHER = "researcher"
    ASSESSOR = "assessor"
    CENTRE_MANAGER = "centre_manager"
    MENTOR = "mentor"
    ENTREPRENEUR = "entrepreneur"

    CHOICES = [
        (NATIONAL_ADMIN, _("National admin (Directorate PKK)")),
        (NATIONAL_VIEWER, _("National leadership / analyst")),
        (REGIONAL_OFFICER, _("Regional officer (Disnaker / UPT)")),
        (RESEARCHER, _("Partner university researcher")),
        (ASSESSOR, _("Field assessor")),
        (CENTRE_MANAGER, _("Centre manager")),
        (MENTOR, _("Mentor")),
        (ENTREPRENEUR, _("Entrepreneur / tenant")),
    ]
    # Roles that see every centre whatever their scope grants say.
    NATIONAL = frozenset({NATIONAL_ADMIN, NATIONAL_VIEWER})


ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.NATIONAL_ADMIN: frozenset(
        {
            REGISTRY_VIEW,
            REGISTRY_CHANGE,
            REGISTRY_DEACTIVATE,
            REGISTRY_IMPORT,
            REGISTRY_EXPORT,
            REFERENCE_MANAGE,
            HISTORY_VIEW,
            USERS_MANAGE,
            ASSESSMENT_VIEW,
            ASSESSMENT_RESULTS,
            ASSESSMENT_REVIEW,
            ASSESSMENT_EXPORT,
            INSTRUMENT_MANAGE,
            ROUND_MANAGE,
            SELECTION_VIEW,
            SELECTION_MANAGE,
            DECISION_PUBLISH,
        }
    ),
    Role.NATIONAL_VIEWER: frozenset(
        {REGISTRY_VIEW, REGISTRY_EXPORT, HISTORY_VIEW, ASSESSMENT_VIEW, ASSESSMENT_RESULTS, ASSESSMENT_EXPORT, SELECTION_VIEW}
    ),
    Role.REGIONAL_OFFICER: frozenset(
        {
            REGISTRY_VIEW, REGISTRY_CHANGE, REGISTRY_IMPORT, REGISTRY_EXPORT, HISTORY_VIEW, ASSESSMENT_VIEW,
            ASSESSMENT_RESULTS, ASSESSMENT_EXPORT,
        }
    ),
    Role.RESEARCHER: frozenset(
        {
            REGISTRY_VIEW,
            REGISTRY_EXPORT,
            HISTORY_VIEW,
            ASSESSMENT_VIEW,
            ASSESSMENT_RESULTS,
            ASSESSMENT_REVIEW,
            ASSESSMENT_EXPORT,
            INSTRUMENT_MANAGE,
            ROUND_MANAGE,
            SELECTION_VIEW,
            SELECTION_MANAGE,
        }
    ),
    Role.ASSESSOR: frozenset({REGISTRY_VIEW, ASSESSMENT_VIEW, ASSESSMENT_FILL}),
    Role.CENTRE_MANAGER: frozenset({REGISTRY_VIEW, REGISTRY_CHANGE, REGISTRY_EXPORT, HISTORY_VIEW, ASSESSMENT_VIEW, ASSESSMENT_RESULTS}),
    Role.MENTOR: frozenset(),
    Role.ENTREPRENEUR: frozenset(),
}


def role_has_permission(user, perm: str) -> bool:
    """True when the user's role grants `perm` (scope is checked separately)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return perm in ROLE_PERMISSIONS.get(user.role, frozenset())


def is_field_assessor(user) -> bool:
    """An active field assessor: sees only the assessments assigned to them, whatever their grants."""
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and not user.is_superuser
        and user.role == Role.ASSESSOR
    )


def require(user, perm: str) -> None:
    """Refuse (PermissionDenied, 403) unless the user's role grants `perm`; scope is checked separately."""
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext

    if not role_has_permission(user, perm):
        raise PermissionDenied(gettext("You do not have permission to do this."))

