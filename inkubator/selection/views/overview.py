"""The selection's start page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from inkubator.core.permissions import require, role_has_permission
from inkubator.selection import selectors
from inkubator.selection.permissions import SELECTION_MANAGE, SELECTION_VIEW


@login_required
def overview(request):
    """Rounds with their verified centres, recent runs and published decisions."""
    require(request.user, SELECTION_VIEW)
    return render(
        request,
        "selection/overview.html",
        {
            "rounds": selectors.rounds_with_verified(request.user),
            "runs": selectors.runs(request.user)[:10],
            "decisions": selectors.decisions().defer("run__inputs", "run__outputs")[:10],
            "can_manage": role_has_permission(request.user, SELECTION_MANAGE),
        },
    )
