"""Publishing a run as the ministry's decision (national admins only); afterwards neither changes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import require
from inkubator.selection.models import Decision, RunStatus, SelectionRun
from inkubator.selection.permissions import DECISION_PUBLISH
from inkubator.selection.services.runs import run_verify


@transaction.atomic
def decision_publish(
    *, actor, run: SelectionRun, title: str, reference: str = "", note: str = ""
) -> Decision:
    """Publish a run as the ministry's decision (national admins only). Afterwards nothing changes."""
    require(actor, DECISION_PUBLISH)
    run = SelectionRun.objects.select_for_update().get(pk=run.pk)
    if run.status == RunStatus.PUBLISHED or Decision.objects.filter(run=run).exists():
        raise ValidationError(_("This run is already published."))
    check = run_verify(run)
    if not (check["input_hash_ok"] and check["output_hash_ok"]):
        raise ValidationError(
            _("Re-running this selection does not reproduce its stored result; it cannot be published.")
        )
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("Give the decision a title.")]})
    before = audit.snapshot(run, exclude=("inputs", "outputs"))
    run.status = RunStatus.PUBLISHED
    run.save(update_fields=["status"])
    decision = Decision.objects.create(
        run=run, title=title[:300], reference=reference[:100], note=note, published_by=actor
    )
    audit.record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        obj=run,
        before=before,
        after=audit.snapshot(run, exclude=("inputs", "outputs")),
    )
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=decision, before={})
    return decision
