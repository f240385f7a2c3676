"""Registry querysets: every read starts from `visible_to(user, perm)` (the model's `scope_policy`)."""

from inkubator.core.scoping import ScopedQuerySet


class CentreQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(status="active")
