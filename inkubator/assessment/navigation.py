"""The assessment's entries in the main menu (phase "assessment"; collected by `programme.navigation`)."""

from django.utils.translation import gettext_lazy as _

from inkubator.assessment.permissions import (
    ASSESSMENT_EXPORT,
    ASSESSMENT_FILL,
    ASSESSMENT_RESULTS,
    ASSESSMENT_VIEW,
    is_field_assessor,
)
from inkubator.core.navigation import MenuEntry


def _not_field_assessor(user) -> bool:
    """Everyone with the assessment but the field assessor, whose work is "My assessments"."""
    return not is_field_assessor(user)


ENTRIES = [
    MenuEntry(
        "assessment",
        _("My assessments"),
        "assessment:assessment_list",
        ASSESSMENT_FILL,
        visible=is_field_assessor,
        order=10,
        prefix="/asesmen/",
    ),
    MenuEntry(
        "assessment",
        _("Assessments"),
        "assessment:assessment_list",
        ASSESSMENT_VIEW,
        visible=_not_field_assessor,
        order=10,
        prefix="/asesmen/",
    ),
    MenuEntry("assessment", _("Rounds"), "assessment:round_list", ASSESSMENT_RESULTS, order=20),
    MenuEntry("assessment", _("Instruments"), "assessment:instrument_list", ASSESSMENT_EXPORT, order=30),
]
