"""Instrument pages: list, detail, workbook and XLSForm downloads, import, new version, draft replacement."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkubator.assessment import instrument_io, selectors, services
from inkubator.assessment.models import Instrument
from inkubator.assessment.permissions import ASSESSMENT_VIEW, INSTRUMENT_MANAGE
from inkubator.core.exports import XLSX_TYPE
from inkubator.core.permissions import require, role_has_permission
from inkubator.core.spreadsheets import SpreadsheetError


def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _instrument_or_404(user, pk) -> Instrument:
    instrument = selectors.instrument_detail(user, pk)
    if instrument is None:
        raise Http404
    return instrument


@login_required
def instrument_list(request):
    require(request.user, ASSESSMENT_VIEW)
    return render(
        request,
        "assessment/instrument_list.html",
        {
            "instruments": selectors.instrument_list(request.user),
            "can_manage": role_has_permission(request.user, INSTRUMENT_MANAGE),
        },
    )


@login_required
def instrument_detail(request, pk):
    require(request.user, ASSESSMENT_VIEW)
    instrument = _instrument_or_404(request.user, pk)
    return render(
        request,
        "assessment/instrument_detail.html",
        {
            "instrument": instrument,
            "can_manage": role_has_permission(request.user, INSTRUMENT_MANAGE),
        },
    )


@login_required
def instrument_xlsx(request, pk):
    """The instrument as a workbook (instrument, dimensions, indicators, options, bands sheets)."""
    require(request.user, ASSESSMENT_VIEW)
    instrument = _instrument_or_404(request.user, pk)
    data = instrument_io.spec_to_xlsx(services.instrument_to_spec(instrument))
    return _xlsx_response(data, f"instrumen-{instrument.code}-v{instrument.version}.xlsx")


@login_required
def instrument_xlsform(request, pk):
    """The instrument as an XLSForm for ODK Collect / KoboCollect."""
    require(request.user, ASSESSMENT_VIEW)
    instrument = _instrument_or_404(request.user, pk)
    data = instrument_io.spec_to_xlsform(
        services.instrument_to_spec(instrument),
        form_id=f"{instrument.code}-v{instrument.version}",
        version=str(instrument.version),
    )
    return _xlsx_response(data, f"xlsform-{instrument.code}-v{instrument.version}.xlsx")


@login_required
@require_POST
def instrument_new_version(request, pk):
    require(request.user, INSTRUMENT_MANAGE)
    instrument = _instrument_or_404(request.user, pk)
    copy = services.instrument_new_version(actor=request.user, instrument=instrument)
    messages.success(
        request, _("Version %(version)s created as an editable copy.") % {"version": copy.version}
    )
    return redirect("assessment:instrument_detail", pk=copy.pk)


@login_required
def instrument_import(request):
    """Upload an instrument workbook: a new instrument, or the next version of one with the same code."""
    require(request.user, INSTRUMENT_MANAGE)
    errors: list[str] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            errors = [_("Choose an XLSX file.")]
        else:
            try:
                spec = instrument_io.spec_from_xlsx(upload.read())
                instrument = services.instrument_create_from_spec(actor=request.user, spec=spec)
            except instrument_io.SpecError as exc:
                errors = list(exc.messages)
            except (SpreadsheetError, ValueError) as exc:
                errors = [str(exc)]
            except ValidationError as exc:
                errors = list(exc.messages)
            else:
                messages.success(
                    request,
                    _("Instrument imported as version %(version)s.") % {"version": instrument.version},
                )
                return redirect("assessment:instrument_detail", pk=instrument.pk)
    return render(
        request, "assessment/instrument_import.html", {"errors": errors}, status=422 if errors else 200
    )


@login_required
@require_POST
def instrument_replace(request, pk):
    """Replace a draft (not yet frozen) instrument's contents from an edited workbook, keeping its version."""
    require(request.user, INSTRUMENT_MANAGE)
    instrument = _instrument_or_404(request.user, pk)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ValidationError(_("Choose an XLSX file."))
        spec = instrument_io.spec_from_xlsx(upload.read())
        services.instrument_replace(actor=request.user, instrument=instrument, spec=spec)
    except instrument_io.SpecError as exc:
        for message in exc.messages:
            messages.error(request, message)
    except (SpreadsheetError, ValueError) as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Instrument updated from the workbook."))
    return redirect("assessment:instrument_detail", pk=instrument.pk)
