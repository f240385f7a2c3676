"""Forms of the Grand Design pages: the page filters, unemployment rates and roadmap scenarios."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inkubator.selection.models import RoadmapScenario, UnemploymentRate

MEASURE_CHOICES = [
    ("centres", _("Active centres")),
    ("assessed", _("Assessed centres")),
    ("ready", _("Ready centres")),
    ("selected", _("Selected centres")),
    ("tpt", _("Open unemployment rate (%)")),
]


class GrandDesignFilterForm(forms.Form):
    """Round, selection run, TPT year and map measure of the overview (an invalid choice is ignored)."""

    round = forms.ModelChoiceField(
        label=_("Assessment round"), queryset=None, required=False, empty_label=_("No round")
    )
    run = forms.ModelChoiceField(
        label=_("Selection run"), queryset=None, required=False, empty_label=_("No run")
    )
    tpt_year = forms.TypedChoiceField(label=_("TPT year"), required=False, coerce=int, empty_value=None)
    measure = forms.ChoiceField(label=_("Map colour"), choices=MEASURE_CHOICES, required=False)

    def __init__(self, *args, rounds, runs, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["run"].queryset = runs
        self.fields["tpt_year"].choices = [("", _("Latest per province")), *((y, y) for y in years)]


class UnemploymentRateForm(forms.ModelForm):
    class Meta:
        model = UnemploymentRate
        fields = ["province", "year", "rate", "source"]
        widgets = {"source": forms.Textarea(attrs={"rows": 3})}


class RoadmapScenarioForm(forms.ModelForm):
    class Meta:
        model = RoadmapScenario
        fields = [
            "name",
            "start_year",
            "years",
            "incubators_first_year",
            "growth_per_year",
            "tenants_per_incubator_per_year",
            "survival_rate",
            "jobs_per_tenant",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 6})}
