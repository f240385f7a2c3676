"""Registry querysets: every read starts from `visible_to(user, perm)` (core.scoping)."""

from django.db import models

from inkubator.core import scoping


class CentreQuerySet(scoping.ScopedQuerySet, models.QuerySet):
    centre_path = ""

    def active(self):
        return self.filter(status="active")


class CentreChildQuerySet(scoping.ScopedQuerySet, models.QuerySet):
    """Grants, training outputs: scoped through their centre."""

    centre_path = "centre"


class HostInstitutionQuerySet(models.QuerySet):
    def visible_to(self, user, perm: str):
        """Hosts in the user's regions, or hosts of a centre the user can see."""
        from inkubator.centres.models import Centre

        by_centre = scoping.centre_scope_q(user, perm)
        by_region = scoping.region_scope_q(user, perm)
        if by_centre is None or by_region is None:
            return self
        if by_centre == scoping.NOTHING and by_region == scoping.NOTHING:
            return self.none()
        host_ids = Centre.objects.filter(by_centre).values("host_id")
        return self.filter(by_region | models.Q(pk__in=host_ids))
