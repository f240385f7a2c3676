"""Form widgets that render fast.

`FastSelect` writes its options in Python. Django's `Select` renders every option through a template: the
registry's filters (514 regencies, 38 provinces, the vocations) spent most of the full page's time there
(docs/benchmarks.md). Same HTML, escaped the same way; no option groups (the filters have none).
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class FastSelect(forms.Select):
    """A select rendered in Python. For a model choice field whose options are labelled by one column
    (`label_field`, e.g. "name"), the options are read as (pk, label) rows instead of model instances."""

    def __init__(self, attrs=None, choices=(), *, label_field: str | None = None):
        super().__init__(attrs, choices)
        self.label_field = label_field

    def options(self):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None or self.label_field is None:
            return self.choices
        field = self.choices.field
        head = [("", field.empty_label)] if field.empty_label is not None else []
        return head + list(queryset.values_list("pk", self.label_field))

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        values = value if isinstance(value, list | tuple) else [value]
        chosen = {str(v) for v in values if v not in (None, "")}
        parts = [f"<select{flatatt(final)}>"]
        for option, label in self.options():
            option = getattr(option, "value", option)  # ModelChoiceIteratorValue -> the pk
            option = "" if option is None else str(option)
            selected = " selected" if option in chosen or (not chosen and option == "") else ""
            parts.append(f'<option value="{escape(option)}"{selected}>{escape(label)}</option>')
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value and label escaped above
