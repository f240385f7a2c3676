"""`spec_to_xlsform`: an XLSForm (survey, choices, settings) for ODK Collect / KoboCollect."""

from __future__ import annotations

import io
from decimal import Decimal

import xlsxwriter
from django.utils.translation import gettext as _

from inkubator.assessment.instrument_io.spec import FORM_ID_RE, OPTION_KINDS, SpecError
from inkubator.assessment.instrument_io.validation import validate_spec
from inkubator.core.exports import safe_cell

LANG_ID = "Indonesian (id)"
LANG_EN = "English (en)"
SURVEY_COLUMNS = (
    "type",
    "name",
    f"label::{LANG_ID}",
    f"label::{LANG_EN}",
    f"hint::{LANG_ID}",
    f"hint::{LANG_EN}",
    "required",
    "constraint",
    f"constraint_message::{LANG_ID}",
    f"constraint_message::{LANG_EN}",
    "appearance",
    "parameters",
    "calculation",
)
CHOICE_COLUMNS = ("list_name", "name", f"label::{LANG_ID}", f"label::{LANG_EN}")
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language", "instance_name")
PHOTO_MAX_PIXELS = 1600


def _xpath_number(number: Decimal) -> str:
    return format(number, "f")


def _bi(row: dict, column: str, text_id: str, text_en: str):
    row[f"{column}::{LANG_ID}"] = text_id
    row[f"{column}::{LANG_EN}"] = text_en or text_id


def _indicator_rows(ind) -> list[dict]:
    code, kind = ind["code"], ind["kind"]
    label_id, label_en = f"{code}. {ind['question']}", f"{code}. {ind['question_en'] or ind['question']}"
    if kind == "number" and ind["unit"]:
        label_id += f" ({ind['unit']})"
        label_en += f" ({ind['unit_en'] or ind['unit']})"
    row = {"name": code, "required": "yes" if ind["required"] else ""}
    _bi(row, "label", label_id, label_en)
    _bi(row, "hint", ind["guidance"], ind["guidance_en"])
    if kind in OPTION_KINDS:
        row["type"] = f"select_one opt_{code}"
    elif kind == "number":
        row["type"] = "decimal"
        low, high = ind["min_value"], ind["max_value"]
        parts = []
        if low is not None:
            parts.append(f". >= {_xpath_number(low)}")
        if high is not None:
            parts.append(f". <= {_xpath_number(high)}")
        if parts:
            row["constraint"] = " and ".join(parts)
            if low is not None and high is not None:
                _bi(
                    row,
                    "constraint_message",
                    f"Isian harus antara {_xpath_number(low)} dan {_xpath_number(high)}.",
                    f"The answer must be between {_xpath_number(low)} and {_xpath_number(high)}.",
                )
            elif low is not None:
                _bi(
                    row,
                    "constraint_message",
                    f"Isian paling kecil {_xpath_number(low)}.",
                    f"The answer must be at least {_xpath_number(low)}.",
                )
            else:
                _bi(
                    row,
                    "constraint_message",
                    f"Isian paling besar {_xpath_number(high)}.",
                    f"The answer must be at most {_xpath_number(high)}.",
                )
    else:
        row["type"] = "text"
        row["appearance"] = "multiline"
    rows = [row]
    note = {"type": "text", "name": f"{code}_note", "appearance": "multiline"}
    _bi(note, "label", f"Catatan asesor untuk {code}", f"Assessor's note on {code}")
    _bi(
        note,
        "hint",
        "Opsional: temuan, penjelasan, atau sumber informasi.",
        "Optional: findings, explanations or sources of information.",
    )
    rows.append(note)
    if ind["evidence_required"]:
        photo = {"type": "image", "name": f"{code}_photo", "parameters": f"max-pixels={PHOTO_MAX_PIXELS}"}
        _bi(photo, "label", f"Foto bukti untuk {code}", f"Evidence photo for {code}")
        _bi(
            photo,
            "hint",
            "Opsional di formulir ini: foto dokumen atau kondisi yang dinilai. Berkas bukti lengkap diunggah "
            "kemudian di aplikasi.",
            "Optional in this form: photograph the document or the condition assessed. The full evidence files "
            "are uploaded later in the application.",
        )
        rows.append(photo)
    return rows


def spec_to_xlsform(spec, *, form_id: str, version: str, centres=None, assessors=None) -> bytes:
    """An XLSForm workbook (sheets survey, choices, settings) for ODK Collect / KoboCollect.

    Survey: `start`/`end` timestamps; hidden `instrument_code` and `instrument_version` (calculate) so an
    import can check the submissions belong to this instrument; the centre, as `select_one centres`
    named `centre` when `centres` [(code, name)] is given, else a text field `centre_code`; the assessor,
    as `select_one assessors` named `assessor` when `assessors` [(username, name)] is given, else a text
    field `assessor`; an optional geopoint `location`; then one group per dimension (named by its code)
    with, for each indicator, the answer field named by the indicator code (scale/choice/yes_no →
    `select_one opt_<code>`, number → `decimal` with a constraint from min/max, text → `text`), an
    optional `<code>_note` text field, and, when evidence is required, an `<code>_photo` image field.

    The photo field is *optional in the form* even when evidence is required: photos and documents are
    uploaded and checked afterwards in the application, and a missing camera or full phone must not
    block an assessor in the field. Labels and hints are in Indonesian (default) and English.
    """
    spec = validate_spec(spec)
    problems = _settings_problems(form_id, version, {"centres": centres, "assessors": assessors})
    if problems:
        raise SpecError(problems)

    survey, choices, centre_ref = _intro_rows(spec, centres, assessors)
    for dim in spec["dimensions"]:
        dim_survey, dim_choices = _dimension_rows(dim)
        survey += dim_survey
        choices += dim_choices

    assessor_ref = "${assessor}"
    settings = {
        "form_title": spec["name"],
        "form_id": form_id,
        "version": str(version).strip(),
        "default_language": LANG_ID,
        "instance_name": f"concat({centre_ref}, ' - ', {assessor_ref})",
    }
    return _write_workbook(survey, choices, settings)


def _settings_problems(form_id, version, people: dict) -> list[str]:
    """What is wrong with the form's settings: its id, its version, the centres' and assessors' codes."""
    problems = []
    if not isinstance(form_id, str) or not FORM_ID_RE.match(form_id):
        problems.append(
            _("Form setting %(field)s: %(problem)s")
            % {
                "field": "form_id",
                "problem": _(
                    "%(value)s is not a valid form id: use letters, digits, '_', '.' or "
                    "'-', starting with a letter or '_'"
                )
                % {"value": repr(form_id)},
            }
        )
    if not str(version or "").strip():
        problems.append(
            _("Form setting %(field)s: %(problem)s") % {"field": "version", "problem": _("is required")}
        )
    for field, items in people.items():
        names = [str(code).strip() for code, _name in (items or [])]
        for name in names:
            if not name or " " in name:
                problems.append(
                    _("Form setting %(field)s: %(problem)s")
                    % {
                        "field": field,
                        "problem": _("%(value)s cannot be used as a choice (empty or with spaces)")
                        % {"value": repr(name)},
                    }
                )
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            problems.append(
                _("Form setting %(field)s: %(problem)s")
                % {
                    "field": field,
                    "problem": _("duplicate codes %(codes)s") % {"codes": ", ".join(duplicates)},
                }
            )
    return problems


def _intro_rows(spec, centres, assessors) -> tuple[list[dict], list[dict], str]:
    """The survey rows before the dimensions (timestamps, instrument, centre, assessor, location), their
    choices, and how the instance name refers to the centre."""
    survey = [
        {"type": "start", "name": "start"},
        {"type": "end", "name": "end"},
        {"type": "calculate", "name": "instrument_code", "calculation": f"'{spec['code']}'"},
        {"type": "calculate", "name": "instrument_version", "calculation": str(spec["version"])},
    ]
    choices = []
    if centres:
        row = {
            "type": "select_one centres",
            "name": "centre",
            "required": "yes",
            "appearance": "autocomplete",
        }
        _bi(row, "label", "BLK Komunitas yang dinilai", "BLK Komunitas assessed")
        _bi(
            row, "hint", "Ketik kode (VIN) atau nama untuk mencari.", "Type the code (VIN) or name to search."
        )
        choices += _people_choices("centres", centres)
        centre_ref = "${centre}"
    else:
        row = {"type": "text", "name": "centre_code", "required": "yes"}
        _bi(row, "label", "Kode BLK Komunitas (VIN)", "BLK Komunitas code (VIN)")
        _bi(row, "hint", "Salin kode dari surat tugas.", "Copy the code from the assignment letter.")
        centre_ref = "${centre_code}"
    survey.append(row)
    if assessors:
        row = {"type": "select_one assessors", "name": "assessor", "required": "yes", "appearance": "minimal"}
        choices += _people_choices("assessors", assessors)
    else:
        row = {"type": "text", "name": "assessor", "required": "yes"}
    _bi(row, "label", "Nama pengguna asesor", "Assessor's username")
    _bi(
        row,
        "hint",
        "Nama pengguna Anda di aplikasi inkubator.",
        "Your username in the inkubator application.",
    )
    survey.append(row)
    row = {"type": "geopoint", "name": "location"}
    _bi(row, "label", "Lokasi BLK Komunitas", "Location of the BLK Komunitas")
    _bi(
        row,
        "hint",
        "Ambil titik di halaman BLK Komunitas; boleh dilewati bila sinyal GPS lemah.",
        "Take the point in the BLK Komunitas yard; you may skip it when the GPS signal is weak.",
    )
    survey.append(row)
    return survey, choices, centre_ref


def _dimension_rows(dim) -> tuple[list[dict], list[dict]]:
    """A dimension's group of survey rows and the choices of its indicators' options."""
    survey, choices = [], []
    group = {"type": "begin_group", "name": dim["code"]}
    _bi(group, "label", f"{dim['code']}. {dim['name']}", f"{dim['code']}. {dim['name_en'] or dim['name']}")
    survey.append(group)
    for ind in dim["indicators"]:
        survey += _indicator_rows(ind)
        if ind["kind"] in OPTION_KINDS:
            for option in ind["options"]:
                prefix = f"{option['value']}. " if ind["kind"] == "scale" else ""
                choice = {"list_name": f"opt_{ind['code']}", "name": option["value"]}
                _bi(
                    choice,
                    "label",
                    prefix + option["label"],
                    prefix + (option["label_en"] or option["label"]),
                )
                choices.append(choice)
    survey.append({"type": "end_group", "name": dim["code"]})
    return survey, choices


def _write_workbook(survey: list[dict], choices: list[dict], settings: dict) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    # Labels are written verbatim (an XLSForm label must reach the phone unchanged); a text that a
    # spreadsheet program would take for a formula gets Excel's quote prefix, which is a cell style,
    # not a character, so pyxform still reads the exact text.
    quoted = book.add_format({"quote_prefix": True})
    for name, columns, rows in (
        ("survey", SURVEY_COLUMNS, survey),
        ("choices", CHOICE_COLUMNS, choices),
        ("settings", SETTINGS_COLUMNS, [settings]),
    ):
        ws = book.add_worksheet(name)
        ws.write_row(0, 0, columns)
        for r, row in enumerate(rows, start=1):
            for col, column in enumerate(columns):
                text = row.get(column, "")
                if text:
                    ws.write_string(r, col, text, quoted if safe_cell(text) != text else None)
    book.close()
    return buffer.getvalue()


def _people_choices(list_name, items) -> list[dict]:
    rows = []
    for code, name in items:
        code = str(code).strip()
        label = f"{code} – {name}" if name and str(name).strip() != code else code
        row = {"list_name": list_name, "name": code}
        _bi(row, "label", label, label)
        rows.append(row)
    return rows
