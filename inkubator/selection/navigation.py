"""The selection's entries in the main menu (phase "selection"; collected by `programme.navigation`)."""

from django.utils.translation import gettext_lazy as _

from inkubator.centres.permissions import REFERENCE_MANAGE
from inkubator.core.navigation import MenuEntry
from inkubator.selection.permissions import SELECTION_VIEW

ENTRIES = [
    MenuEntry("selection", _("Overview"), "selection:overview", SELECTION_VIEW, order=10, prefix="/seleksi/"),
    MenuEntry("selection", _("Weight sets"), "selection:weightset_list", SELECTION_VIEW, order=20),
    MenuEntry("selection", _("Selection runs"), "selection:run_list", SELECTION_VIEW, order=30),
    MenuEntry("selection", _("Grand Design"), "selection:grand_design", SELECTION_VIEW, order=40),
    # Published decisions are public: everyone, signed in or not.
    MenuEntry("selection", _("Decisions"), "selection:decision_list", order=50, signed_in=False),
]
ENTRIES.append(
    MenuEntry(
        "administration",
        _("Unemployment rates (TPT)"),
        "selection:unemploymentrate_list",
        REFERENCE_MANAGE,
        order=40,
    )
)
