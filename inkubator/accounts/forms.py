from django import forms
from django.utils.translation import gettext_lazy as _

from inkubator.accounts.models import Cluster, PartnerOrganisation, ScopeGrant, User
from inkubator.centres.models import Centre
from inkubator.regions.models import Province, Regency


class UserInviteForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        self.fields["organisation"].queryset = PartnerOrganisation.objects.filter(is_active=True)


class UserUpdateForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "role", "organisation"]


class ScopeGrantForm(forms.ModelForm):
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.all(), required=False)
    regency = forms.ModelChoiceField(label=_("Regency/city"), queryset=Regency.objects.all(), required=False)
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.select_related("partner"), required=False)
    centre = forms.ModelChoiceField(
        label=_("Centre"), queryset=Centre.objects.order_by("name"), required=False,
        widget=forms.TextInput(attrs={"placeholder": _("centre id")}),
    )

    class Meta:
        model = ScopeGrant
        fields = ["kind", "province", "regency", "cluster", "centre"]

    def service_data(self):
        return {name: self.cleaned_data.get(name) for name in self._meta.fields}


class TokenCreateForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100)
