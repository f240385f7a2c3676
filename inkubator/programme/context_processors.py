"""For the base template: the menu by programme phase (`navigation.menu`) and what the user's role may do."""

from inkubator.accounts.permissions import USERS_MANAGE
from inkubator.assessment.permissions import ASSESSMENT_VIEW
from inkubator.centres.permissions import (
    HISTORY_VIEW,
    REFERENCE_MANAGE,
    REGISTRY_CHANGE,
    REGISTRY_DEACTIVATE,
    REGISTRY_EXPORT,
    REGISTRY_IMPORT,
    REGISTRY_VIEW,
)
from inkubator.centres.scoping import can_place_anywhere
from inkubator.core.permissions import role_has_permission
from inkubator.programme.navigation import menu
from inkubator.selection.permissions import SELECTION_VIEW


def navigation(request):
    user = getattr(request, "user", None)
    can = (
        {
            "registry": role_has_permission(user, REGISTRY_VIEW),
            "registry_change": role_has_permission(user, REGISTRY_CHANGE),
            "registry_create": can_place_anywhere(user, REGISTRY_CHANGE) if user.is_authenticated else False,
            "registry_import": role_has_permission(user, REGISTRY_IMPORT),
            "registry_export": role_has_permission(user, REGISTRY_EXPORT),
            "registry_deactivate": role_has_permission(user, REGISTRY_DEACTIVATE),
            "reference": role_has_permission(user, REFERENCE_MANAGE),
            "history": role_has_permission(user, HISTORY_VIEW),
            "users": role_has_permission(user, USERS_MANAGE),
            "assessment": role_has_permission(user, ASSESSMENT_VIEW),
            "selection": role_has_permission(user, SELECTION_VIEW),
        }
        if user is not None
        else {}
    )
    return {"can": can, "nav": menu(user, request.path) if user is not None else []}
