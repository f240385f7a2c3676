"""Navigation for the base template: which menu entries the user's role offers."""

from inkubator.core import permissions as perms
from inkubator.core.scoping import can_place_anywhere


def navigation(request):
    user = getattr(request, "user", None)
    can = {
        "registry": perms.role_has_permission(user, perms.REGISTRY_VIEW),
        "registry_change": perms.role_has_permission(user, perms.REGISTRY_CHANGE),
        "registry_create": can_place_anywhere(user, perms.REGISTRY_CHANGE) if user.is_authenticated else False,
        "registry_import": perms.role_has_permission(user, perms.REGISTRY_IMPORT),
        "registry_export": perms.role_has_permission(user, perms.REGISTRY_EXPORT),
        "registry_deactivate": perms.role_has_permission(user, perms.REGISTRY_DEACTIVATE),
        "reference": perms.role_has_permission(user, perms.REFERENCE_MANAGE),
        "history": perms.role_has_permission(user, perms.HISTORY_VIEW),
        "users": perms.role_has_permission(user, perms.USERS_MANAGE),
        "assessment": perms.role_has_permission(user, perms.ASSESSMENT_VIEW),
        "selection": perms.role_has_permission(user, perms.SELECTION_VIEW),
    } if user is not None else {}
    return {"can": can}
