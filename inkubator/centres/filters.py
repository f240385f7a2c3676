"""One FilterSet per registry list, shared by the HTML list, its export and the API."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from inkubator.centres.choices import CentreStatus, GrantKind, HostKind, MaturityClass
from inkubator.centres.models import Centre, Grant, HostInstitution, Vocation
from inkubator.core.filters import FilterSet, OrderingFilter
from inkubator.core.widgets import FastSelect
from inkubator.regions.models import Province, Regency


class CentreFilterSet(FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        queryset=Province.objects.all(),
        field_name="regency__province",
        widget=FastSelect(label_field="name"),
    )
    regency = django_filters.ModelChoiceFilter(
        label=_("Regency/city"), queryset=Regency.objects.all(), widget=FastSelect(label_field="name")
    )
    vocation = django_filters.ModelChoiceFilter(
        label=_("Vocation"), queryset=Vocation.objects.all(), widget=FastSelect(label_field="name")
    )
    maturity_class = django_filters.ChoiceFilter(label=_("Maturity class"), choices=MaturityClass.choices)
    host_kind = django_filters.ChoiceFilter(
        label=_("Host kind"), choices=HostKind.choices, field_name="host__kind"
    )
    grant_year = django_filters.NumberFilter(label=_("Grant year"), method="filter_grant_year")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CentreStatus.choices)
    sort = OrderingFilter(
        label=_("Sort"),
        fields=(
            ("name", "name"),
            ("code", "code"),
            ("regency__province_id", "province"),
            ("regency__name", "regency"),
            ("established_year", "year"),
            ("maturity_class", "maturity"),
            ("updated_at", "updated"),
        ),
        field_labels={
            "name": _("Name"),
            "code": _("Code"),
            "province": _("Province"),
            "regency": _("Regency/city"),
            "year": _("Grant year"),
            "maturity": _("Maturity class"),
            "updated": _("Last changed"),
        },
    )

    class Meta:
        model = Centre
        fields = [
            "q",
            "province",
            "regency",
            "vocation",
            "maturity_class",
            "host_kind",
            "grant_year",
            "status",
        ]

    def filter_search(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(code__icontains=value) | Q(host__name__icontains=value)
        )

    def filter_grant_year(self, queryset, name, value):
        return queryset.filter(Exists(Grant.objects.filter(centre=OuterRef("pk"), year=value)))


class HostFilterSet(FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=HostKind.choices)
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), queryset=Province.objects.all(), field_name="regency__province"
    )
    sort = OrderingFilter(
        label=_("Sort"),
        fields=(("name", "name"), ("regency__name", "regency")),
        field_labels={"name": _("Name"), "regency": _("Regency/city")},
    )

    class Meta:
        model = HostInstitution
        fields = ["q", "kind", "province"]

    def filter_search(self, queryset, name, value):
        value = value.strip()[:100]
        return (
            queryset.filter(Q(name__icontains=value) | Q(foundation__icontains=value)) if value else queryset
        )


class GrantFilterSet(FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=GrantKind.choices)
    year = django_filters.NumberFilter(label=_("Year"))
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), queryset=Province.objects.all(), field_name="centre__regency__province"
    )
    sort = OrderingFilter(
        label=_("Sort"),
        fields=(("year", "year"), ("amount", "amount"), ("centre__name", "centre")),
        field_labels={"year": _("Year"), "amount": _("Amount"), "centre": _("Centre")},
    )

    class Meta:
        model = Grant
        fields = ["q", "kind", "year", "province"]

    def filter_search(self, queryset, name, value):
        value = value.strip()[:100]
        return (
            queryset.filter(Q(centre__name__icontains=value) | Q(centre__code__icontains=value))
            if value
            else queryset
        )
