"""Template helpers: Bootstrap widget classes, Rupiah and number formats as Indonesians write them."""

from decimal import Decimal, InvalidOperation

from django import template
from django.forms import CheckboxInput, RadioSelect, Select, SelectMultiple

register = template.Library()


@register.filter
def bs(bound_field):
    """Render a form field's widget with Bootstrap classes and accessible error/help references."""
    widget = bound_field.field.widget
    if isinstance(widget, CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, Select | SelectMultiple) and not isinstance(widget, RadioSelect):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": css + (" is-invalid" if bound_field.errors else "")}
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if bound_field.help_text:
        attrs["aria-describedby"] = f"{bound_field.id_for_label}_help"
    return bound_field.as_widget(attrs=attrs)


def _group(integer: int) -> str:
    return f"{integer:,}".replace(",", ".")


@register.filter
def rupiah(value):
    """`Rp1.250.000` (decimals only when they are not zero: `Rp1.250.000,50`)."""
    if value in (None, ""):
        return "—"
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    sign = "-" if amount < 0 else ""
    amount = abs(amount).quantize(Decimal("0.01"))
    whole = int(amount)
    cents = int((amount - whole) * 100)
    text = f"{sign}Rp{_group(whole)}"
    return f"{text},{cents:02d}" if cents else text


@register.filter
def angka(value):
    """Thousands with dots: 4.700."""
    try:
        return _group(int(value))
    except (TypeError, ValueError):
        return value


@register.filter
def desimal(value, places=2):
    """A decimal in the active language's format, trailing zeros dropped: 0,15 (id) / 0.15 (en); — when empty."""
    from django.utils.formats import number_format

    if value in (None, ""):
        return "—"
    try:
        number = Decimal(str(value)).quantize(Decimal(1).scaleb(-int(places)))
    except (InvalidOperation, TypeError, ValueError):
        return value
    normalized = number.normalize()
    decimals = max(0, -normalized.as_tuple().exponent)
    return number_format(normalized, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@register.simple_tag
def readable_history(entries):
    """The change history with field names and values in the reader's language (core.history)."""
    from inkubator.core.history import readable

    return readable(entries)


@register.filter
def safe_referer(request):
    """The page the visitor came from, when it is a page of this site other than this one; else ''."""
    from urllib.parse import urlsplit

    referer = request.META.get("HTTP_REFERER", "") if request is not None else ""
    parts = urlsplit(referer)
    if not referer or parts.netloc != request.get_host() or parts.scheme not in ("http", "https"):
        return ""
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return "" if parts.path == request.path else path
