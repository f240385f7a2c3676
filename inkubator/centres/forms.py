"""Registry forms. Choices come from the user's scope; the same forms validate spreadsheet rows."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inkubator.centres.models import Centre, Grant, HostInstitution, TrainingOutput, Vocation
from inkubator.centres.permissions import REGISTRY_CHANGE, REGISTRY_VIEW
from inkubator.centres.scoping import PLACEMENT
from inkubator.core.imports.views import UploadForm
from inkubator.core.scoping import apply
from inkubator.regions.models import Regency


def regency_choices(user, *, include=None):
    """Regencies the user may place records in (plus the record's current one)."""
    qs = Regency.objects.select_related("province").order_by("province__code", "code")
    q = PLACEMENT.q(user, REGISTRY_CHANGE)
    if q is None:
        return qs
    return qs.filter(q | Q(pk=include)) if include is not None else apply(qs, q)


class RegencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.name} — {obj.province.name}"


class ScopedFormMixin:
    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class CentreForm(ScopedFormMixin, forms.ModelForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Centre
        fields = [
            "code",
            "name",
            "host",
            "regency",
            "address",
            "latitude",
            "longitude",
            "established_year",
            "vocation",
            "instructors",
            "facilities",
            "licence_number",
            "accreditation",
            "maturity_class",
        ]
        field_classes = {"regency": RegencyChoiceField}
        widgets = {"facilities": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance if self.instance.pk else None
        self.fields["regency"].queryset = regency_choices(
            self.user, include=instance.regency_id if instance else None
        )
        self.fields["host"].queryset = HostInstitution.objects.visible_to(self.user, REGISTRY_VIEW).order_by(
            "name"
        )
        self.fields["vocation"].queryset = Vocation.objects.filter(
            Q(is_active=True) | Q(pk=instance.vocation_id if instance else None)
        ).order_by("name")
        if instance:
            self.fields["expected_version"].initial = instance.version

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class HostInstitutionForm(ScopedFormMixin, forms.ModelForm):
    class Meta:
        model = HostInstitution
        fields = ["name", "kind", "foundation", "regency", "address"]
        field_classes = {"regency": RegencyChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance if self.instance.pk else None
        self.fields["regency"].queryset = regency_choices(
            self.user, include=instance.regency_id if instance else None
        )

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class GrantForm(ScopedFormMixin, forms.ModelForm):
    class Meta:
        model = Grant
        fields = ["centre", "kind", "year", "amount", "status", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Centre.objects.visible_to(self.user, REGISTRY_CHANGE).order_by(
            "name"
        )

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class TrainingOutputForm(ScopedFormMixin, forms.ModelForm):
    class Meta:
        model = TrainingOutput
        fields = ["centre", "year", "packages", "graduates"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Centre.objects.visible_to(self.user, REGISTRY_CHANGE).order_by(
            "name"
        )

    def validate_unique(self):
        # A second report for the same year updates the first (see services.output_save).
        pass

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class DeactivateForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class VocationForm(forms.ModelForm):
    class Meta:
        model = Vocation
        fields = ["code", "name", "name_en", "is_active"]


class ImportUploadForm(UploadForm):
    KIND_CHOICES = [
        ("hosts", _("Host institutions")),
        ("centres", _("Centres (BLK Komunitas)")),
        ("grants", _("Grants (bantuan)")),
    ]
    kind = forms.ChoiceField(label=_("What the file holds"), choices=KIND_CHOICES)
    field_order = ["kind", "file"]
