from django import forms
from django.utils.translation import gettext_lazy as _

from inkubator.access.models import Cluster, ScopeGrant
from inkubator.centres.models import Centre
from inkubator.regions.models import Province, Regency


class ScopeGrantForm(forms.ModelForm):
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.all(), required=False)
    regency = forms.ModelChoiceField(label=_("Regency/city"), queryset=Regency.objects.all(), required=False)
    cluster = forms.ModelChoiceField(
        label=_("Cluster"), queryset=Cluster.objects.select_related("partner"), required=False
    )
    centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=Centre.objects.order_by("name"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("centre id")}),
    )

    class Meta:
        model = ScopeGrant
        fields = ["kind", "province", "regency", "cluster", "centre"]

    def service_data(self):
        return {name: self.cleaned_data.get(name) for name in self._meta.fields}
