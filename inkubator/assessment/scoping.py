"""How a user's scope reaches the assessment's records (the policies of `core.scoping`).

Assessors see only the assessments assigned to them, whatever their scope grants say. Other roles see
the assessments of centres in their scope; those who cannot review (viewers, regional officers, centre
managers) see only verified ones, never a draft in progress. Answers, evidence and status changes are
visible with their assessment. A round is visible with one of its assessments or centres, or to the
members of its partner organisation.
"""

from __future__ import annotations

from django.db.models import Q

from inkubator.assessment.permissions import ASSESSMENT_REVIEW, is_field_assessor
from inkubator.centres.scoping import via_centre
from inkubator.core.permissions import role_has_permission
from inkubator.core.scoping import NOTHING, ScopePolicy, is_nothing, unrestricted


class AssessmentPolicy(ScopePolicy):
    """An assessment (`prefix` = "" ) or a record of one (`prefix` = "assessment__")."""

    def __init__(self, prefix: str = ""):
        self.prefix = prefix
        self.centre = via_centre(f"{prefix}centre")
        super().__init__(**self.centre.lookups)

    def q(self, user, perm: str):
        if not role_has_permission(user, perm):
            return NOTHING
        if is_field_assessor(user):
            return Q(**{f"{self.prefix}assessor": user})
        q = self.centre.q(user, perm)
        if not role_has_permission(user, ASSESSMENT_REVIEW):
            verified = Q(**{f"{self.prefix}status": "verified"})
            q = verified if q is None else (q & verified)
        return q


class RoundPolicy(ScopePolicy):
    def __init__(self):
        self.centres = via_centre("centres")
        super().__init__(**self.centres.lookups)

    def q(self, user, perm: str):
        if not role_has_permission(user, perm):
            return NOTHING
        if unrestricted(user):
            return None
        from inkubator.assessment.models import Assessment, AssessmentRound

        q = Q(pk__in=Assessment.objects.visible_to(user, perm).values("round_id"))
        if not is_field_assessor(user):
            centre_q = self.centres.q(user, perm)
            if centre_q is not None and not is_nothing(centre_q):
                q |= Q(pk__in=AssessmentRound.objects.filter(centre_q).values("pk"))
            if user.organisation_id:
                q |= Q(partner_id=user.organisation_id)
        return q
