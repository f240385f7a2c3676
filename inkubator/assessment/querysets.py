"""Assessment querysets: every read starts from `visible_to(user, perm)` (core.scoping).

Assessors see only the assessments assigned to them, whatever their scope grants say. Other roles see
the assessments of centres in their scope; those who cannot review (viewers, regional officers, centre
managers) see only verified ones, never a draft in progress.
"""

from django.db import models
from django.db.models import Q

from inkubator.core import permissions as perms
from inkubator.core import scoping
from inkubator.core.permissions import is_field_assessor, role_has_permission


def _assessment_q(user, perm: str, prefix: str = "") -> Q | None:
    if not role_has_permission(user, perm):
        return scoping.NOTHING
    if is_field_assessor(user):
        return Q(**{f"{prefix}assessor": user})
    q = scoping.centre_scope_q(user, perm, centre_path=f"{prefix}centre")
    if not role_has_permission(user, perms.ASSESSMENT_REVIEW):
        verified = Q(**{f"{prefix}status": "verified"})
        q = verified if q is None else (q & verified)
    return q


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user, perm: str):
        return scoping.apply(self, _assessment_q(user, perm))


class AssessmentChildQuerySet(models.QuerySet):
    """Answers, evidence and status changes: visible with their assessment."""

    def visible_to(self, user, perm: str):
        return scoping.apply(self, _assessment_q(user, perm, prefix="assessment__"))


class RoundQuerySet(models.QuerySet):
    def visible_to(self, user, perm: str):
        """Rounds of the user's partner organisation or with a centre (or assessment) the user may see."""
        if not role_has_permission(user, perm):
            return self.none()
        if scoping.is_national(user):
            return self
        from inkubator.assessment.models import Assessment

        round_ids = Assessment.objects.visible_to(user, perm).values("round_id")
        q = Q(pk__in=round_ids)
        if not is_field_assessor(user):
            centre_q = scoping.centre_scope_q(user, perm, centre_path="centres")
            if centre_q is not None and centre_q != scoping.NOTHING:
                from inkubator.assessment.models import AssessmentRound

                q |= Q(pk__in=AssessmentRound.objects.filter(centre_q).values("pk"))
            if user.organisation_id:
                q |= Q(partner_id=user.organisation_id)
        return self.filter(q)
