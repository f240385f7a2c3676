from django import forms
from django.utils.translation import gettext_lazy as _

from inkubator.accounts.models import PartnerOrganisation, User


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


class TokenCreateForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100)
