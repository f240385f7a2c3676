"""The project's FilterSet: Indonesian-first labels for what django-filter writes itself, fast selects.

An empty choice in a filter reads "All" (Semua) instead of "---------"; a sort select's empty choice is
the list's own order and its descending options read "(descending)" through our catalogue.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from inkubator.core.widgets import FastSelect


class OrderingFilter(django_filters.OrderingFilter):
    descending_fmt = _("%s (descending)")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("Default order"))
        super().__init__(*args, **kwargs)


class FilterSet(django_filters.FilterSet):
    """A FilterSet whose choice filters offer "All" as their empty choice and render fast (`FastSelect`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for f in self.filters.values():
            if isinstance(f, django_filters.ChoiceFilter | django_filters.ModelChoiceFilter):
                f.extra.setdefault("widget", FastSelect)
            if isinstance(
                f, django_filters.ChoiceFilter | django_filters.ModelChoiceFilter
            ) and not isinstance(f, django_filters.OrderingFilter):
                if f.extra.get("empty_label") in (None, "---------"):  # ModelChoiceFilter brings Django's
                    f.extra["empty_label"] = _("All")
