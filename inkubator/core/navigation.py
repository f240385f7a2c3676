"""A menu entry as an app declares it; `programme.navigation` groups the declared entries by phase.

Core knows no phase and no page: an app lists its entries in `<app>/navigation.py` as `ENTRIES`, naming
the phase by key (``"registry"``, ``"assessment"``, ``"selection"``, ``"incubation"``, ``"outcomes"``,
``"administration"``), and the top of the stack (`programme`) collects them. See ADR 0017.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from inkubator.core.permissions import role_has_permission


@dataclass(frozen=True)
class MenuEntry:
    """One link of the main menu.

    `permission` (a declared name) or `visible` (a predicate on the user) decides who sees it; with neither,
    everyone does (a public page). `order` sorts within the phase; `prefix` is the path beneath which the
    entry counts as the current one (defaults to the entry's own URL).
    """

    phase: str
    label: str
    url_name: str
    permission: str | None = None
    visible: Callable[[object], bool] | None = None
    order: int = 50
    prefix: str | None = None
    signed_in: bool = True

    def shown_to(self, user) -> bool:
        if self.signed_in and not getattr(user, "is_authenticated", False):
            return False
        if self.permission is not None and not role_has_permission(user, self.permission):
            return False
        return self.visible is None or bool(self.visible(user))
