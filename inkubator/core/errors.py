"""Reading a ValidationError the same way everywhere (pages, API, imports, jobs)."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def message_dict(exc: ValidationError) -> dict[str, list[str]]:
    """Messages by field; errors not tied to a field come under "__all__"."""
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"__all__": exc.messages}


def add_to_form(form, exc: ValidationError) -> None:
    """Show a service's refusal on the form: on its fields where the form has them, else on the form."""
    for name, messages in message_dict(exc).items():
        form.add_error(name if name in form.fields else None, messages)
