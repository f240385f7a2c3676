"""Round services: create, update, open/close, and assign assessors to centres (one by one or balanced)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inkubator.assessment.choices import AssessmentStatus, RoundStatus
from inkubator.assessment.models import Assessment, AssessmentRound
from inkubator.assessment.permissions import ROUND_MANAGE, is_field_assessor
from inkubator.assessment.services.assessments import assessment_rescore
from inkubator.assessment.services.checks import check_version
from inkubator.assessment.services.instruments import freeze_instrument, instrument_rules
from inkubator.centres.models import Centre
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import require
from inkubator.core.services import apply_data

ROUND_FIELDS = (
    "name",
    "instrument",
    "partner",
    "starts_on",
    "ends_on",
    "due_on",
    "threshold_ready",
    "threshold_assisted",
    "consolidation_rule",
)


@transaction.atomic
def round_create(*, actor, data: dict, centres: Iterable = ()) -> AssessmentRound:
    """Create a round over centres the actor may see; the instrument is frozen from now on."""

    require(actor, ROUND_MANAGE)
    rnd = AssessmentRound(created_by=actor)
    apply_data(rnd, data, allowed=ROUND_FIELDS)
    rnd.full_clean()
    centre_ids = {c.pk if hasattr(c, "pk") else int(c) for c in centres}
    visible = set(
        Centre.objects.visible_to(actor, ROUND_MANAGE).filter(pk__in=centre_ids).values_list("pk", flat=True)
    )
    if centre_ids - visible:
        raise ValidationError({"centres": [_("Some chosen centres are outside your scope.")]})
    rnd.save()
    rnd.centres.set(sorted(visible))
    freeze_instrument(actor, rnd.instrument)
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=rnd, before={})
    return rnd


def _locked_round(actor, rnd: AssessmentRound) -> AssessmentRound:
    locked = (
        AssessmentRound.objects.visible_to(actor, ROUND_MANAGE).select_for_update().filter(pk=rnd.pk).first()
    )
    if locked is None:
        raise PermissionDenied(_("You do not have permission to change this round."))
    return locked


@transaction.atomic
def round_update(
    *, actor, round: AssessmentRound, data: dict, expected_version: int | None = None
) -> AssessmentRound:
    """Change a round; new thresholds or consolidation rule rescore every assessment of the round."""
    rnd = _locked_round(actor, round)
    check_version(
        rnd, expected_version, _("Someone else saved this round after you opened it. Reload the page.")
    )
    before = audit.snapshot(rnd)
    if (
        "instrument" in data
        and data["instrument"].pk != rnd.instrument_id
        and rnd.assessments.exclude(status=AssessmentStatus.ASSIGNED).exists()
    ):
        raise ValidationError(
            {"instrument": [_("Assessments have started: the instrument can no longer change.")]}
        )
    apply_data(rnd, data, allowed=ROUND_FIELDS)
    rnd.full_clean()
    changes = audit.diff(before, audit.snapshot(rnd))
    if not changes:
        return rnd
    rnd.version += 1
    rnd.save()
    freeze_instrument(actor, rnd.instrument)
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, obj=rnd, before=before)
    if {"threshold_ready", "threshold_assisted", "instrument"} & set(changes):
        rules = instrument_rules(rnd.instrument)
        for assessment in rnd.assessments.all():
            assessment.round = rnd  # the thresholds just saved
            before = {
                "composite_score": str(assessment.composite_score),
                "readiness_class": assessment.readiness_class,
            }
            assessment_rescore(assessment, rules=rules)
            after = {
                "composite_score": str(assessment.composite_score),
                "readiness_class": assessment.readiness_class,
            }
            if after != before:
                audit.record(
                    actor=actor,
                    action=AuditEntry.Action.RESCORE,
                    obj=assessment,
                    before=before,
                    after=after,
                    label=f"assessment #{assessment.pk}",
                )
    return rnd


@transaction.atomic
def round_set_status(*, actor, round: AssessmentRound, status: str) -> AssessmentRound:
    rnd = _locked_round(actor, round)
    if status not in RoundStatus.values:
        raise ValidationError({"status": [_("Unknown status.")]})
    before = audit.snapshot(rnd)
    rnd.status = status
    rnd.version += 1
    rnd.save()
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, obj=rnd, before=before)
    return rnd


def _assessor_ok(assessor) -> bool:
    return is_field_assessor(assessor)


@transaction.atomic
def round_assign(*, actor, round: AssessmentRound, centre, assessor, due_on=None) -> Assessment:
    """Assign an assessor to a centre of the round (idempotent: an existing assignment is returned)."""
    rnd = _locked_round(actor, round)
    if not rnd.centres.filter(pk=centre.pk).exists():
        raise ValidationError({"centre": [_("%(centre)s is not in this round.") % {"centre": centre}]})
    if not Centre.objects.visible_to(actor, ROUND_MANAGE).filter(pk=centre.pk).exists():
        raise PermissionDenied(_("%(centre)s is outside your scope.") % {"centre": centre})
    if not _assessor_ok(assessor):
        raise ValidationError(
            {"assessor": [_("%(user)s is not an active field assessor.") % {"user": assessor}]}
        )
    assessment, created = Assessment.objects.get_or_create(
        round=rnd, centre=centre, assessor=assessor, defaults={"due_on": due_on or rnd.due_on}
    )
    if created:
        audit.record(
            actor=actor,
            action=AuditEntry.Action.ASSIGN,
            obj=assessment,
            before={},
            label=f"assessment #{assessment.pk}",
        )
    return assessment


@transaction.atomic
def round_assign_balanced(
    *, actor, round: AssessmentRound, assessors: list, per_centre: int = 1
) -> list[Assessment]:
    """Give every centre of the round within the actor's scope `per_centre` assessors, balancing the load and
    keeping regions together.

    Centres are taken province by province, regency by regency. Each goes to an assessor whose load in
    this round is at most one above the least loaded one, preferring an assessor who already works in
    that province (less travel), then the least loaded. Existing assignments count and are kept.
    """
    rnd = _locked_round(actor, round)
    assessors = [a for a in assessors if _assessor_ok(a)]
    if per_centre < 1:
        raise ValidationError({"per_centre": [_("Assign at least one assessor per centre.")]})
    if len(assessors) < per_centre:
        raise ValidationError(
            {
                "assessors": [
                    ngettext(
                        "Choose at least %(n)s active field assessor.",
                        "Choose at least %(n)s active field assessors.",
                        per_centre,
                    )
                    % {"n": per_centre}
                ]
            }
        )
    load = Counter({a.pk: 0 for a in assessors})
    provinces: dict[int, set[str]] = defaultdict(set)
    existing = defaultdict(set)
    for a in rnd.assessments.select_related("centre__regency"):
        existing[a.centre_id].add(a.assessor_id)
        if a.assessor_id in load:
            load[a.assessor_id] += 1
            provinces[a.assessor_id].add(a.centre.regency.province_id)
    by_pk = {a.pk: a for a in assessors}
    created = []
    in_scope = rnd.centres.filter(pk__in=Centre.objects.visible_to(actor, ROUND_MANAGE).values("pk"))
    for centre in in_scope.select_related("regency").order_by("regency__province_id", "regency_id", "code"):
        have = existing[centre.pk]
        while len(have) < per_centre:
            candidates = [pk for pk in load if pk not in have]
            if not candidates:
                break
            province = centre.regency.province_id
            # balance first (no one more than one assignment above the least loaded), then keep provinces together
            least = min(load[p] for p in candidates)
            pk = min(
                (p for p in candidates if load[p] <= least + 1),
                key=lambda p: (province not in provinces[p], load[p], p),
            )
            assessment = Assessment.objects.create(
                round=rnd, centre=centre, assessor=by_pk[pk], due_on=rnd.due_on
            )
            audit.record(
                actor=actor,
                action=AuditEntry.Action.ASSIGN,
                obj=assessment,
                before={},
                label=f"assessment #{assessment.pk}",
            )
            created.append(assessment)
            have.add(pk)
            load[pk] += 1
            provinces[pk].add(province)
    return created
