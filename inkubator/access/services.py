"""Writes of scope grants (national admins only), audited by id: never names or e-mail (UU PDP)."""

from __future__ import annotations

from django.db import transaction

from inkubator.access.models import ScopeGrant
from inkubator.accounts.models import User
from inkubator.accounts.services import require_user_admin
from inkubator.core import audit
from inkubator.core.models import AuditEntry


@transaction.atomic
def scope_grant_add(*, actor, user: User, data: dict) -> ScopeGrant:
    require_user_admin(actor)
    grant = ScopeGrant(user=user, granted_by=actor, **data)
    grant.full_clean()
    grant.save()
    audit.record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=grant,
        before={},
        label=f"scope grant #{grant.pk}",
        after={"user": user.pk, "kind": grant.kind, "target": str(grant.target or "")},
    )
    return grant


@transaction.atomic
def scope_grant_remove(*, actor, grant: ScopeGrant) -> None:
    require_user_admin(actor)
    audit.record(
        actor=actor,
        action=AuditEntry.Action.DELETE,
        obj=grant,
        label=f"scope grant #{grant.pk}",
        before={"user": grant.user_id, "kind": grant.kind, "target": str(grant.target or "")},
        after={},
    )
    grant.delete()
