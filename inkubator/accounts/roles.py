"""The programme's roles (DESIGN.md §1): what a person does decides which permissions they hold.

Each app declares its permissions with the roles that hold them (`<app>/permissions.py`); which
records a person sees comes from their scope grants (`inkubator.access`).
"""

from django.utils.translation import gettext_lazy as _


class Role:
    """Role codes, stored on `User.role`."""

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
    # Roles that see every record whatever their scope grants say.
    NATIONAL = frozenset({NATIONAL_ADMIN, NATIONAL_VIEWER})
