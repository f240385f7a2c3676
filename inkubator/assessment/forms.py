"""Forms of the readiness assessment: rounds (with the centres in scope), assignments, the results
filter and the upload of field submissions."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkubator.access.models import Cluster
from inkubator.accounts.models import PartnerOrganisation, User
from inkubator.accounts.roles import Role
from inkubator.assessment.choices import ReadinessClass
from inkubator.assessment.models import AssessmentRound, Instrument
from inkubator.assessment.permissions import ROUND_MANAGE
from inkubator.centres.models import Centre
from inkubator.core.imports import views as import_views
from inkubator.regions.models import Province

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoundForm(forms.ModelForm):
    """A round and the centres it covers: a partner's cluster, whole provinces, or a list of codes (union)."""

    cluster = forms.ModelChoiceField(
        label=gettext_lazy("partner cluster"), queryset=Cluster.objects.none(), required=False
    )
    provinces = forms.ModelMultipleChoiceField(
        label=gettext_lazy("provinces"),
        queryset=Province.objects.order_by("code"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    codes = forms.CharField(
        label=gettext_lazy("centre codes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One or more centre codes (VIN), separated by spaces, commas or new lines."),
    )

    class Meta:
        model = AssessmentRound
        fields = [
            "name",
            "instrument",
            "partner",
            "starts_on",
            "ends_on",
            "due_on",
            "threshold_ready",
            "threshold_assisted",
            "consolidation_rule",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE, "due_on": DATE}

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = Instrument.objects.order_by("code", "-version")
        self.fields["partner"].queryset = PartnerOrganisation.objects.order_by("name")
        visible = Centre.objects.visible_to(user, ROUND_MANAGE)
        self.fields["cluster"].queryset = (
            Cluster.objects.filter(centres__in=visible).distinct().order_by("name")
        )
        if self.instance.pk:  # editing: the centres are set once, at creation
            for name in ("cluster", "provinces", "codes"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            return data
        visible = Centre.objects.visible_to(self.user, ROUND_MANAGE).filter(status="active")
        chosen = set()
        if data.get("cluster"):
            chosen |= set(visible.filter(clusters=data["cluster"]).values_list("pk", flat=True))
        if data.get("provinces"):
            chosen |= set(
                visible.filter(regency__province__in=data["provinces"]).values_list("pk", flat=True)
            )
        codes = [c for c in re.split(r"[\s,;]+", data.get("codes") or "") if c]
        if codes:
            found = dict(visible.filter(code__in=codes).values_list("code", "pk"))
            unknown = [c for c in codes if c not in found]
            if unknown:
                self.add_error(
                    "codes", _("Not a centre in your scope: %(codes)s.") % {"codes": ", ".join(unknown[:10])}
                )
            chosen |= set(found.values())
        if not chosen and not self.errors:
            raise forms.ValidationError(_("Choose the centres: a cluster, provinces or centre codes."))
        self.centre_ids = sorted(chosen)
        return data

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class BalancedAssignForm(forms.Form):
    assessors = forms.ModelMultipleChoiceField(
        label=gettext_lazy("field assessors"),
        queryset=User.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    per_centre = forms.IntegerField(
        label=gettext_lazy("assessors per centre"), min_value=1, max_value=5, initial=1
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessors"].queryset = User.objects.filter(role=Role.ASSESSOR, is_active=True).order_by(
            "username"
        )


class AssignForm(forms.Form):
    centre = forms.ModelChoiceField(label=gettext_lazy("centre"), queryset=Centre.objects.none())
    assessor = forms.ModelChoiceField(label=gettext_lazy("field assessor"), queryset=User.objects.none())
    due_on = forms.DateField(label=gettext_lazy("due on"), required=False, widget=DATE)

    def __init__(self, *args, round, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = round.centres.filter(
            pk__in=Centre.objects.visible_to(user, ROUND_MANAGE).values("pk")
        ).order_by("code")
        self.fields["assessor"].queryset = User.objects.filter(role=Role.ASSESSOR, is_active=True).order_by(
            "username"
        )


class ResultFilterForm(forms.Form):
    """The results page's search, province, readiness class and sort (shared by its exports)."""

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=100)
    province = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    readiness = forms.ChoiceField(
        label=gettext_lazy("Readiness class"),
        required=False,
        choices=[("", gettext_lazy("All classes")), *ReadinessClass.choices],
    )
    sort = forms.ChoiceField(
        label=gettext_lazy("Sort"),
        required=False,
        choices=[
            ("-index", gettext_lazy("Index, highest first")),
            ("index", gettext_lazy("Index, lowest first")),
            ("name", gettext_lazy("Name")),
            ("code", gettext_lazy("Code")),
        ],
    )

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("All provinces")), *provinces]

    def filters(self) -> dict:
        """The valid filters (an invalid one is ignored and shown as an error on the form)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "search": data.get("q") or "",
            "province": data.get("province") or "",
            "readiness": data.get("readiness") or "",
            "sort": data.get("sort") or "-index",
        }


class SubmissionUploadForm(import_views.UploadForm):
    """An export of field submissions from ODK Central or KoboToolbox."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = gettext_lazy("Export of the submissions (CSV, XLSX or JSON)")
        self.fields["file"].help_text = gettext_lazy(
            "From ODK Central (CSV or OData JSON) or KoboToolbox (CSV, XLSX or JSON), with the form's field names "
            "as headers."
        )
