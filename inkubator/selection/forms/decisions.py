"""The form publishing a run as the ministry's decision."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy


class PublishForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the decision"), max_length=300)
    reference = forms.CharField(label=gettext_lazy("Decree number"), max_length=100, required=False)
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
