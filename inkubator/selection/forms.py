"""Forms of the selection pages: a weight set (instrument, hand-entered, AHP matrices, entropy, CRITIC)
and a selection run (round, weights, method, constraints, sensitivity).

`validate_constraints` is the one check of a run's constraints, shared by the page and the API.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkubator.assessment.choices import AssessmentStatus, ReadinessClass
from inkubator.assessment.models import Assessment, AssessmentRound
from inkubator.core import permissions as perms
from inkubator.selection.methods.sensitivity import MAX_DRAWS
from inkubator.selection.models import Method, WeightSet, WeightSource
from inkubator.selection.presenters import parse_judgement

SAATY = ["9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"]
MAX_EXPERTS = 10
MUST_ROWS = 5
MAX_N = 1000
CONSTRAINT_KEYS = {
    "n", "min_class", "require_aid", "require_active", "min_per_province", "max_per_province", "budget",
    "default_cost", "costs", "must_include", "must_exclude", "only_classes", "what_if",
}
MIN_CLASSES = [
    ("", gettext_lazy("Any class")),
    (ReadinessClass.ASSISTED, ReadinessClass.ASSISTED.label),
    (ReadinessClass.READY, ReadinessClass.READY.label),
]


# --- reads the forms need ------------------------------------------------------------------------------


def rounds_with_verified(user):
    """Rounds the user may see, with the number of centres that have a verified assessment."""
    return (
        AssessmentRound.objects.visible_to(user, perms.ASSESSMENT_VIEW)
        .select_related("instrument")
        .annotate(n_verified=Count("assessments__centre", filter=Q(assessments__status=AssessmentStatus.VERIFIED),
                                   distinct=True))
        .order_by("-starts_on", "name")
    )


def round_centres(rnd: AssessmentRound) -> list[dict]:
    """The centres of a round with a verified assessment: code, name, province code and name."""
    rows = (
        Assessment.objects.filter(round=rnd, status=AssessmentStatus.VERIFIED)
        .values_list("centre__code", "centre__name", "centre__regency__province_id", "centre__regency__province__name")
        .distinct()
        .order_by("centre__code")
    )
    return [{"code": c, "name": n, "province": p, "province_name": pn} for c, n, p, pn in rows]


def round_provinces(centres: list[dict]) -> list[dict]:
    counts: dict[str, dict] = {}
    for c in centres:
        counts.setdefault(c["province"], {"code": c["province"], "name": c["province_name"], "centres": 0})
        counts[c["province"]]["centres"] += 1
    return [counts[k] for k in sorted(counts)]


# --- the constraints of a run ----------------------------------------------------------------------------


def _whole(value, field: str, errors: dict, *, low: int = 0, high: int | None = None) -> int | None:
    if isinstance(value, bool):
        value = None
    try:
        number = int(value)
        if number != Decimal(str(value)):
            raise ValueError
    except (TypeError, ValueError, ArithmeticError):
        errors.setdefault(field, []).append(_("Enter a whole number."))
        return None
    if number < low or (high is not None and number > high):
        errors.setdefault(field, []).append(
            _("Enter a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
            if high is not None else _("Enter a whole number of at least %(low)s.") % {"low": low})
        return None
    return number


def _amount(value, field: str, errors: dict) -> str | None:
    try:
        amount = Decimal(str(value))
        if not amount.is_finite() or amount < 0:
            raise ValueError
    except (ArithmeticError, ValueError, TypeError):
        errors.setdefault(field, []).append(_("Enter an amount in Rupiah of 0 or more."))
        return None
    return str(amount)


def validate_constraints(raw: dict, *, centres: list[dict]) -> dict:
    """Check a run's constraints against the round's centres; the clean dict for `services.run_create`.

    Raises ValidationError keyed by field (``n``, ``min_per_province``, ``must_include``…), each
    message naming the province or centre concerned.
    """
    errors: dict[str, list[str]] = {}
    if not isinstance(raw, dict):
        raise ValidationError({"constraints": [_("The constraints must be an object.")]})
    unknown = sorted(set(raw) - CONSTRAINT_KEYS)
    if unknown:
        errors["constraints"] = [_("Unknown constraint(s): %(names)s.") % {"names": ", ".join(unknown)}]
    codes = {c["code"] for c in centres}
    province_name = {c["province"]: c["province_name"] for c in centres}
    clean: dict = {}
    n = _whole(raw.get("n"), "n", errors, low=1, high=MAX_N)
    if n is not None:
        clean["n"] = n
        if n > len(codes):
            errors.setdefault("n", []).append(
                _("The round has only %(count)s centres with a verified assessment.") % {"count": len(codes)})
    min_class = raw.get("min_class", "") or ""
    if min_class not in ("", ReadinessClass.ASSISTED, ReadinessClass.READY, ReadinessClass.NOT_READY):
        errors.setdefault("min_class", []).append(_("Unknown readiness class."))
    elif min_class:
        clean["min_class"] = min_class
    clean["require_aid"] = bool(raw.get("require_aid", False))
    clean["require_active"] = bool(raw.get("require_active", True))
    only = raw.get("only_classes") or []
    if not isinstance(only, list) or any(c not in ReadinessClass.values for c in only):
        errors.setdefault("only_classes", []).append(_("Unknown readiness class."))
    elif only:
        clean["only_classes"] = [c for c in ReadinessClass.values if c in only]

    quotas = {}
    for key in ("min_per_province", "max_per_province"):
        given = raw.get(key) or {}
        if not isinstance(given, dict):
            errors.setdefault(key, []).append(_("Give a number per province code."))
            continue
        clean_quota = {}
        for code, value in given.items():
            code = str(code)
            if code not in province_name:
                errors.setdefault(key, []).append(
                    _("Province %(code)s has no centre with a verified assessment in this round.") % {"code": code})
                continue
            number = _whole(value, key, errors, low=0, high=MAX_N)
            if number is not None:
                clean_quota[code] = number
        quotas[key] = clean_quota
        if clean_quota:
            clean[key] = dict(sorted(clean_quota.items()))
    mins, maxs = quotas.get("min_per_province", {}), quotas.get("max_per_province", {})
    for code in sorted(set(mins) & set(maxs)):
        if mins[code] > maxs[code]:
            errors.setdefault("min_per_province", []).append(
                _("%(province)s: the minimum (%(min)s) is larger than the maximum (%(max)s).") % {
                    "province": province_name[code], "min": mins[code], "max": maxs[code]})
    if n is not None and sum(mins.values()) > n:
        errors.setdefault("min_per_province", []).append(
            _("The per-province minimums add up to %(total)s, more than the %(n)s centres to select.") % {
                "total": sum(mins.values()), "n": n})

    if raw.get("budget") not in (None, ""):
        clean["budget"] = _amount(raw["budget"], "budget", errors)
        if raw.get("default_cost") in (None, "") and not raw.get("costs"):
            errors.setdefault("default_cost", []).append(_("With a budget, give the cost per centre."))
    if raw.get("default_cost") not in (None, ""):
        clean["default_cost"] = _amount(raw["default_cost"], "default_cost", errors)
    costs = raw.get("costs") or {}
    if costs:
        if not isinstance(costs, dict):
            errors.setdefault("costs", []).append(_("Give a cost per centre code."))
        else:
            clean["costs"] = {}
            for code, value in sorted(costs.items()):
                if code not in codes:
                    errors.setdefault("costs", []).append(
                        _("Centre %(code)s has no verified assessment in this round.") % {"code": code})
                else:
                    clean["costs"][code] = _amount(value, "costs", errors)

    seen: dict[str, str] = {}
    for key in ("must_include", "must_exclude"):
        items = raw.get(key) or []
        if not isinstance(items, list):
            errors.setdefault(key, []).append(_("Give a list of centres, each with a reason."))
            continue
        clean_items = []
        for item in items:
            code = str((item or {}).get("code", "")).strip() if isinstance(item, dict) else ""
            reason = str(item.get("reason", "")).strip() if isinstance(item, dict) else ""
            if code not in codes:
                errors.setdefault(key, []).append(
                    _("Centre %(code)s has no verified assessment in this round.") % {"code": code or "—"})
                continue
            if not reason:
                errors.setdefault(key, []).append(_("Give the reason for centre %(code)s.") % {"code": code})
                continue
            if code in seen:
                errors.setdefault(key, []).append(
                    _("Centre %(code)s is named twice among the centres to include or exclude.") % {"code": code})
                continue
            seen[code] = key
            clean_items.append({"code": code, "reason": reason[:500]})
        if clean_items:
            clean[key] = sorted(clean_items, key=lambda x: x["code"])
    if n is not None and len(clean.get("must_include", [])) > n:
        errors.setdefault("must_include", []).append(
            _("%(count)s centres must be included, more than the %(n)s to select.") % {
                "count": len(clean["must_include"]), "n": n})
    if raw.get("what_if") not in (None, ""):
        what_if = _whole(raw["what_if"], "what_if", errors, low=0, high=50)
        if what_if is not None:
            clean["what_if"] = what_if
    if errors:
        raise ValidationError(errors)
    return clean


# --- weight sets -------------------------------------------------------------------------------------------


class WeightSetForm(forms.Form):
    """A weight set for one instrument; the fields of the chosen source are the ones used."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=200,
                           help_text=gettext_lazy("A new version is made when the name already exists."))
    source = forms.ChoiceField(label=gettext_lazy("Source of the weights"), choices=WeightSource.choices,
                               widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                               initial=WeightSource.AHP)
    basis_round = forms.ModelChoiceField(
        label=gettext_lazy("Round whose scores give the weights"), queryset=AssessmentRound.objects.none(),
        required=False, help_text=gettext_lazy("Entropy and CRITIC only: the round's verified scores."))
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    experts = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_EXPERTS, initial=1)
    confirm_inconsistent = forms.BooleanField(
        label=gettext_lazy("Save anyway, although the judgements are inconsistent (CR above 0.10)"), required=False)

    def __init__(self, *args, instrument, rounds, dimensions, experts: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.dimensions = dimensions  # [(code, label)]
        self.n_experts = max(1, min(MAX_EXPERTS, experts))
        self.fields["experts"].initial = self.n_experts
        self.fields["basis_round"].queryset = rounds
        for code, label in dimensions:
            self.fields[f"weight_{code}"] = forms.DecimalField(
                label=label, required=False, min_value=0, max_digits=12, decimal_places=6)
        for k in range(self.n_experts):
            for i, (_ci, row) in enumerate(dimensions):
                for j, (_cj, column) in enumerate(dimensions):
                    if j > i:
                        self.fields[self.judgement_name(k, i, j)] = forms.ChoiceField(
                            label=_("How much more important is %(row)s than %(column)s?") % {
                                "row": row, "column": column},
                            choices=[(v, v) for v in SAATY], initial="1", required=False)

    @staticmethod
    def judgement_name(k: int, i: int, j: int) -> str:
        return f"e{k + 1}_{i}_{j}"

    def expert_grids(self) -> list[dict]:
        """Per expert, the n × n grid: the upper triangle as selects, the rest shown as implied."""
        grids = []
        n = len(self.dimensions)
        for k in range(self.n_experts):
            rows = []
            for i in range(n):
                cells = []
                for j in range(n):
                    if j > i:
                        cells.append({"field": self[self.judgement_name(k, i, j)]})
                    elif j == i:
                        cells.append({"text": "1"})
                    else:
                        cells.append({"text": self._implied(k, j, i), "mirror": self[self.judgement_name(k, j, i)].auto_id})
                rows.append({"label": self.dimensions[i][1], "cells": cells})
            grids.append({"number": k + 1, "rows": rows})
        return grids

    def _implied(self, k, i, j) -> str:
        value = (self.data if self.is_bound else self.initial).get(self.judgement_name(k, i, j))
        value = value if value in SAATY else "1"
        if value == "1":
            return "1"
        return value[2:] if value.startswith("1/") else f"1/{value}"

    def clean(self):
        data = super().clean()
        source = data.get("source")
        if source == WeightSource.MANUAL:
            values = [data.get(f"weight_{code}") for code, _label in self.dimensions]
            for (code, _label), value in zip(self.dimensions, values, strict=True):
                if value is None:
                    self.add_error(f"weight_{code}", _("Give a weight for every dimension."))
            data["weights"] = [str(v) for v in values if v is not None]
        elif source == WeightSource.AHP:
            data["pairwise"] = self.pairwise()
        elif source in (WeightSource.ENTROPY, WeightSource.CRITIC) and not data.get("basis_round"):
            self.add_error("basis_round", _("Choose the round whose scores the weights come from."))
        return data

    def pairwise(self):
        """One matrix per expert from the upper-triangle judgements (a_ji = 1 / a_ij, a_ii = 1)."""
        n = len(self.dimensions)
        matrices = []
        for k in range(self.n_experts):
            a = [[1.0] * n for _i in range(n)]
            for i in range(n):
                for j in range(i + 1, n):
                    raw = self.data.get(self.judgement_name(k, i, j)) or "1"
                    value = parse_judgement(raw if raw in SAATY else "1")
                    a[i][j], a[j][i] = value, 1 / value
            matrices.append(a)
        return matrices[0] if len(matrices) == 1 else matrices


class InstrumentChoiceForm(forms.Form):
    instrument = forms.ModelChoiceField(label=gettext_lazy("Instrument"), queryset=None)

    def __init__(self, *args, instruments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = instruments


# --- runs ------------------------------------------------------------------------------------------------


class RunForm(forms.Form):
    """A selection run over one round; `constraints` is built and checked in `clean`."""

    name = forms.CharField(label=gettext_lazy("Name of the run"), max_length=200)
    weight_set = forms.ModelChoiceField(label=gettext_lazy("Weight set"), queryset=WeightSet.objects.none())
    method = forms.ChoiceField(label=gettext_lazy("Method"), choices=Method.choices, initial=Method.SAW)
    n = forms.IntegerField(label=gettext_lazy("How many centres to select"), min_value=1, max_value=MAX_N)
    only_classes = forms.MultipleChoiceField(
        label=gettext_lazy("Take part: only these readiness classes"), choices=ReadinessClass.choices,
        required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=gettext_lazy("Leave empty to use every centre with a verified assessment."))
    min_class = forms.ChoiceField(label=gettext_lazy("Eligible: readiness class at least"), choices=MIN_CLASSES,
                                  required=False, initial=ReadinessClass.ASSISTED)
    require_aid = forms.BooleanField(
        label=gettext_lazy("Eligible: has received or is planned for entrepreneurship aid"), required=False,
        initial=True)
    require_active = forms.BooleanField(label=gettext_lazy("Eligible: active centres only"), required=False,
                                        initial=True)
    budget = forms.DecimalField(label=gettext_lazy("Budget (Rupiah)"), required=False, min_value=0, max_digits=18,
                                decimal_places=2, help_text=gettext_lazy("Leave empty for no budget limit."))
    default_cost = forms.DecimalField(label=gettext_lazy("Cost per centre (Rupiah)"), required=False, min_value=0,
                                      max_digits=18, decimal_places=2)
    draws = forms.IntegerField(label=gettext_lazy("Sensitivity: weight draws"), min_value=1, max_value=MAX_DRAWS,
                               initial=2000)
    concentration = forms.DecimalField(
        label=gettext_lazy("Sensitivity: concentration"), min_value=Decimal("0.01"), max_digits=8, decimal_places=2,
        initial=100, help_text=gettext_lazy("Larger means weight draws closer to the weight set."))
    seed = forms.IntegerField(label=gettext_lazy("Random seed"), min_value=0, max_value=2**31 - 1, initial=2024)
    rows = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=50, initial=MUST_ROWS)

    def __init__(self, *args, rnd, centres: list[dict], rows: int = MUST_ROWS, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = rnd
        self.centres = centres
        self.provinces = round_provinces(centres)
        self.n_rows = max(1, min(50, rows))
        self.fields["rows"].initial = self.n_rows
        self.fields["weight_set"].queryset = WeightSet.objects.filter(instrument=rnd.instrument).order_by(
            "name", "-version")
        for p in self.provinces:
            for kind, label in (("min", _("Minimum for %(province)s")), ("max", _("Maximum for %(province)s"))):
                self.fields[f"{kind}_{p['code']}"] = forms.IntegerField(
                    label=label % {"province": p["name"]}, required=False, min_value=0, max_value=MAX_N)
        choices = [("", "—"), *[(c["code"], f"{c['code']} {c['name']}") for c in centres]]
        for kind in ("include", "exclude"):
            for k in range(1, self.n_rows + 1):
                self.fields[f"{kind}_centre_{k}"] = forms.ChoiceField(
                    label=_("Centre"), choices=choices, required=False)
                self.fields[f"{kind}_reason_{k}"] = forms.CharField(label=_("Reason"), required=False, max_length=500)

    def province_rows(self):
        return [{**p, "min": self[f"min_{p['code']}"], "max": self[f"max_{p['code']}"]} for p in self.provinces]

    def must_rows(self, kind: str):
        return [{"centre": self[f"{kind}_centre_{k}"], "reason": self[f"{kind}_reason_{k}"]}
                for k in range(1, self.n_rows + 1)]

    def must_sections(self):
        return [("include", _("Must be included"), self.must_rows("include")),
                ("exclude", _("Must be excluded"), self.must_rows("exclude"))]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        raw = {
            "n": data.get("n"), "min_class": data.get("min_class") or "", "require_aid": data.get("require_aid"),
            "require_active": data.get("require_active"), "only_classes": data.get("only_classes") or [],
            "min_per_province": {p["code"]: data[f"min_{p['code']}"] for p in self.provinces
                                 if data.get(f"min_{p['code']}") is not None},
            "max_per_province": {p["code"]: data[f"max_{p['code']}"] for p in self.provinces
                                 if data.get(f"max_{p['code']}") is not None},
            "budget": data.get("budget"), "default_cost": data.get("default_cost"),
        }
        for kind in ("include", "exclude"):
            items = []
            for k in range(1, self.n_rows + 1):
                code, reason = data.get(f"{kind}_centre_{k}"), (data.get(f"{kind}_reason_{k}") or "").strip()
                if code and not reason:
                    self.add_error(f"{kind}_reason_{k}", _("Give the reason for centre %(code)s.") % {"code": code})
                elif reason and not code:
                    self.add_error(f"{kind}_centre_{k}", _("Choose the centre this reason is for."))
                elif code:
                    items.append({"code": code, "reason": reason})
            raw[f"must_{kind}"] = items
        if self.errors:
            return data
        try:
            data["constraints"] = validate_constraints(raw, centres=self.centres)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                target = field if field in self.fields else None
                for message in messages:
                    self.add_error(target, message)
        return data

    def job_params(self, language: str) -> dict:
        """The job's parameters: plain JSON (amounts and the concentration as text)."""
        data = self.cleaned_data
        return {
            "name": data["name"], "round": self.round.pk, "weight_set": data["weight_set"].pk,
            "method": data["method"], "constraints": data["constraints"], "seed": data["seed"],
            "draws": data["draws"], "concentration": plain_decimal(data["concentration"]), "language": language,
            "rows": self.n_rows,
        }


def plain_decimal(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent (100.00 → "100"), so equal inputs hash equally."""
    return format(value.normalize(), "f")


def initial_from_params(params: dict, provinces: list[dict]) -> dict:
    """Initial values of the run form from a job's parameters or a run's frozen inputs (to run again)."""
    cons = params.get("constraints", {})
    initial = {
        "name": params.get("name", ""), "weight_set": params.get("weight_set"), "method": params.get("method", "saw"),
        "n": cons.get("n"), "min_class": cons.get("min_class", ""), "require_aid": cons.get("require_aid", False),
        "require_active": cons.get("require_active", True), "only_classes": params.get("only_classes")
        or cons.get("only_classes", []), "budget": cons.get("budget"), "default_cost": cons.get("default_cost"),
        "draws": params.get("draws"), "concentration": params.get("concentration"), "seed": params.get("seed"),
    }
    for p in provinces:
        initial[f"min_{p['code']}"] = (cons.get("min_per_province") or {}).get(p["code"])
        initial[f"max_{p['code']}"] = (cons.get("max_per_province") or {}).get(p["code"])
    for kind in ("include", "exclude"):
        for k, item in enumerate(cons.get(f"must_{kind}") or [], start=1):
            initial[f"{kind}_centre_{k}"] = item["code"]
            initial[f"{kind}_reason_{k}"] = item.get("reason", "")
    return {k: v for k, v in initial.items() if v not in (None, "")} | {
        "require_aid": initial["require_aid"], "require_active": initial["require_active"]}


class PublishForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the decision"), max_length=300)
    reference = forms.CharField(label=gettext_lazy("Decree number"), max_length=100, required=False)
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
