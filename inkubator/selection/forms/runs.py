"""The form of a selection run over one round: round's weight sets, method, constraints, sensitivity.

The fields only parse what the widgets send (numbers, choices, the rows of centres to include or exclude,
each with its reason); every rule of a run is `services.run_params_validate`'s, whose refusals the
view shows on the form. The widgets carry the service's limits for the browser (`min`, `max`, `step`).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkubator.assessment.choices import ReadinessClass
from inkubator.selection.methods.sensitivity import MAX_DRAWS
from inkubator.selection.models import Method, WeightSet
from inkubator.selection.selectors import round_provinces
from inkubator.selection.services.constraints import MAX_N, REASON_LENGTH
from inkubator.selection.services.runs import MAX_SEED, NAME_LENGTH

MUST_ROWS = 5
MAX_ROWS = 50
MUST_KINDS = ("include", "exclude")
MIN_CLASSES = [
    ("", gettext_lazy("Any class")),
    (ReadinessClass.ASSISTED, ReadinessClass.ASSISTED.label),
    (ReadinessClass.READY, ReadinessClass.READY.label),
]
AMOUNT = {"min": 0, "step": "0.01"}


def _number(**attrs) -> forms.NumberInput:
    return forms.NumberInput(attrs=attrs)


class RunForm(forms.Form):
    """A selection run over one round; `clean` gathers the constraints, `run_params` the service's parameters."""

    name = forms.CharField(
        label=gettext_lazy("Name of the run"), widget=forms.TextInput(attrs={"maxlength": NAME_LENGTH})
    )
    weight_set = forms.ModelChoiceField(label=gettext_lazy("Weight set"), queryset=WeightSet.objects.none())
    method = forms.ChoiceField(label=gettext_lazy("Method"), choices=Method.choices, initial=Method.SAW)
    n = forms.IntegerField(label=gettext_lazy("How many centres to select"), widget=_number(min=1, max=MAX_N))
    only_classes = forms.MultipleChoiceField(
        label=gettext_lazy("Take part: only these readiness classes"),
        choices=ReadinessClass.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=gettext_lazy("Leave empty to use every centre with a verified assessment."),
    )
    min_class = forms.ChoiceField(
        label=gettext_lazy("Eligible: readiness class at least"),
        choices=MIN_CLASSES,
        required=False,
        initial=ReadinessClass.ASSISTED,
    )
    require_aid = forms.BooleanField(
        label=gettext_lazy("Eligible: has received or is planned for entrepreneurship aid"),
        required=False,
        initial=True,
    )
    require_active = forms.BooleanField(
        label=gettext_lazy("Eligible: active centres only"), required=False, initial=True
    )
    budget = forms.DecimalField(
        label=gettext_lazy("Budget (Rupiah)"),
        required=False,
        widget=_number(**AMOUNT),
        help_text=gettext_lazy("Leave empty for no budget limit."),
    )
    default_cost = forms.DecimalField(
        label=gettext_lazy("Cost per centre (Rupiah)"), required=False, widget=_number(**AMOUNT)
    )
    draws = forms.IntegerField(
        label=gettext_lazy("Sensitivity: weight draws"), widget=_number(min=1, max=MAX_DRAWS), initial=2000
    )
    concentration = forms.DecimalField(
        label=gettext_lazy("Sensitivity: concentration"),
        widget=_number(min="0.01", step="0.01"),
        initial=100,
        help_text=gettext_lazy("Larger means weight draws closer to the weight set."),
    )
    seed = forms.IntegerField(
        label=gettext_lazy("Random seed"), widget=_number(min=0, max=MAX_SEED), initial=2024
    )
    rows = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ROWS, initial=MUST_ROWS)

    def __init__(self, *args, rnd, centres: list[dict], rows: int = MUST_ROWS, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = rnd
        self.centres = centres
        self.provinces = round_provinces(centres)
        self.n_rows = max(1, min(MAX_ROWS, rows))
        self.fields["rows"].initial = self.n_rows
        self.fields["weight_set"].queryset = WeightSet.objects.filter(instrument=rnd.instrument).order_by(
            "name", "-version"
        )
        for p in self.provinces:
            for kind, label in (
                ("min", _("Minimum for %(province)s")),
                ("max", _("Maximum for %(province)s")),
            ):
                self.fields[f"{kind}_{p['code']}"] = forms.IntegerField(
                    label=label % {"province": p["name"]}, required=False, widget=_number(min=0, max=MAX_N)
                )
        choices = [("", "—"), *[(c["code"], f"{c['code']} {c['name']}") for c in centres]]
        for kind in MUST_KINDS:
            for k in range(1, self.n_rows + 1):
                self.fields[f"{kind}_centre_{k}"] = forms.ChoiceField(
                    label=_("Centre"), choices=choices, required=False
                )
                self.fields[f"{kind}_reason_{k}"] = forms.CharField(
                    label=_("Reason"),
                    required=False,
                    widget=forms.TextInput(attrs={"maxlength": REASON_LENGTH}),
                )

    def province_rows(self):
        return [
            {**p, "min": self[f"min_{p['code']}"], "max": self[f"max_{p['code']}"]} for p in self.provinces
        ]

    def must_rows(self, kind: str):
        return [
            {"centre": self[f"{kind}_centre_{k}"], "reason": self[f"{kind}_reason_{k}"]}
            for k in range(1, self.n_rows + 1)
        ]

    def must_sections(self):
        return [
            ("include", _("Must be included"), self.must_rows("include")),
            ("exclude", _("Must be excluded"), self.must_rows("exclude")),
        ]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        musts = {kind: self._musts(data, kind) for kind in MUST_KINDS}
        if self.errors:
            return data
        data["constraints"] = {
            "n": data.get("n"),
            "min_class": data.get("min_class") or "",
            "require_aid": data.get("require_aid"),
            "require_active": data.get("require_active"),
            "only_classes": data.get("only_classes") or [],
            "min_per_province": self._quota(data, "min"),
            "max_per_province": self._quota(data, "max"),
            "budget": data.get("budget"),
            "default_cost": data.get("default_cost"),
            "must_include": musts["include"],
            "must_exclude": musts["exclude"],
        }
        return data

    def _quota(self, data, kind: str) -> dict[str, int]:
        return {
            p["code"]: data[f"{kind}_{p['code']}"]
            for p in self.provinces
            if data.get(f"{kind}_{p['code']}") is not None
        }

    def _musts(self, data, kind: str) -> list[dict]:
        """The rows of centres to include (or exclude): a centre and its reason go together."""
        items = []
        for k in range(1, self.n_rows + 1):
            code, reason = data.get(f"{kind}_centre_{k}"), (data.get(f"{kind}_reason_{k}") or "").strip()
            if code and not reason:
                self.add_error(
                    f"{kind}_reason_{k}", _("Give the reason for centre %(code)s.") % {"code": code}
                )
            elif reason and not code:
                self.add_error(f"{kind}_centre_{k}", _("Choose the centre this reason is for."))
            elif code:
                items.append({"code": code, "reason": reason})
        return items

    def run_params(self) -> dict:
        """The parameters of `services.run_enqueue` (checked there)."""
        data = self.cleaned_data
        return {
            "rnd": self.round,
            "weight_set": data["weight_set"],
            "name": data["name"],
            "method": data["method"],
            "constraints": data["constraints"],
            "seed": data["seed"],
            "draws": data["draws"],
            "concentration": data["concentration"],
        }


def initial_from_params(params: dict, provinces: list[dict]) -> dict:
    """Initial values of the run form from a job's parameters or a run's frozen inputs (to run again)."""
    cons = params.get("constraints", {})
    initial = {
        "name": params.get("name", ""),
        "weight_set": params.get("weight_set"),
        "method": params.get("method", "saw"),
        "n": cons.get("n"),
        "min_class": cons.get("min_class", ""),
        "require_aid": cons.get("require_aid", False),
        "require_active": cons.get("require_active", True),
        "only_classes": params.get("only_classes") or cons.get("only_classes", []),
        "budget": cons.get("budget"),
        "default_cost": cons.get("default_cost"),
        "draws": params.get("draws"),
        "concentration": params.get("concentration"),
        "seed": params.get("seed"),
    }
    for p in provinces:
        initial[f"min_{p['code']}"] = (cons.get("min_per_province") or {}).get(p["code"])
        initial[f"max_{p['code']}"] = (cons.get("max_per_province") or {}).get(p["code"])
    for kind in MUST_KINDS:
        for k, item in enumerate(cons.get(f"must_{kind}") or [], start=1):
            initial[f"{kind}_centre_{k}"] = item["code"]
            initial[f"{kind}_reason_{k}"] = item.get("reason", "")
    return {k: v for k, v in initial.items() if v not in (None, "")} | {
        "require_aid": initial["require_aid"],
        "require_active": initial["require_active"],
    }
