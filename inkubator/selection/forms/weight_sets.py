"""Forms of the weight-set pages: a weight set for one instrument (instrument, by hand, AHP matrices of one or
more experts, entropy, CRITIC) and the choice of the instrument."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkubator.assessment.models import AssessmentRound
from inkubator.selection.models import WeightSource
from inkubator.selection.presenters.ahp import parse_judgement

SAATY = ["9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"]
MAX_EXPERTS = 10


class WeightSetForm(forms.Form):
    """A weight set for one instrument; the fields of the chosen source are the ones used."""

    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=200,
        help_text=gettext_lazy("A new version is made when the name already exists."),
    )
    source = forms.ChoiceField(
        label=gettext_lazy("Source of the weights"),
        choices=WeightSource.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        initial=WeightSource.AHP,
    )
    basis_round = forms.ModelChoiceField(
        label=gettext_lazy("Round whose scores give the weights"),
        queryset=AssessmentRound.objects.none(),
        required=False,
        help_text=gettext_lazy("Entropy and CRITIC only: the round's verified scores."),
    )
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    experts = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_EXPERTS, initial=1)
    confirm_inconsistent = forms.BooleanField(
        label=gettext_lazy("Save anyway, although the judgements are inconsistent (CR above 0.10)"),
        required=False,
    )

    def __init__(self, *args, instrument, rounds, dimensions, experts: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.dimensions = dimensions  # [(code, label)]
        self.n_experts = max(1, min(MAX_EXPERTS, experts))
        self.fields["experts"].initial = self.n_experts
        self.fields["basis_round"].queryset = rounds
        for code, label in dimensions:
            self.fields[f"weight_{code}"] = forms.DecimalField(
                label=label, required=False, min_value=0, max_digits=12, decimal_places=6
            )
        for k in range(self.n_experts):
            for i, (_ci, row) in enumerate(dimensions):
                for j, (_cj, column) in enumerate(dimensions):
                    if j > i:
                        self.fields[self.judgement_name(k, i, j)] = forms.ChoiceField(
                            label=_("How much more important is %(row)s than %(column)s?")
                            % {"row": row, "column": column},
                            choices=[(v, v) for v in SAATY],
                            initial="1",
                            required=False,
                        )

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
                        cells.append(
                            {
                                "text": self._implied(k, j, i),
                                "mirror": self[self.judgement_name(k, j, i)].auto_id,
                            }
                        )
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
