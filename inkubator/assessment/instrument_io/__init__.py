"""Instrument specs as plain data: validation, an editable XLSX round trip, and an XLSForm for ODK/Kobo.

An *instrument spec* is a plain dict, independent of the database models (the models are filled from
it and can be dumped back into it)::

    {"code": "kesiapan-blkk", "version": 1, "name": ..., "name_en": ..., "description": ...,
     "description_en": ..., "dimensions": [
        {"code": "A", "name": ..., "name_en": ..., "weight": "0.15", "indicators": [
            {"code": "A1", "kind": "scale" | "number" | "yes_no" | "choice" | "text",
             "question": ..., "question_en": ..., "guidance": ..., "guidance_en": ...,
             "weight": "1", "required": True, "evidence_required": False,
             "unit": "", "unit_en": "", "min_value": None, "max_value": None,      # number only
             "options": [{"value": "1", "label": ..., "label_en": ..., "score": "1"}],  # scale/choice/yes_no
             "bands": [{"lower": "0", "upper": "5", "score": "0"}]},              # number only
        ]}]}

Decimals are given as strings ("0.15") or ints; `validate_spec` turns them into `Decimal`. Bands are
lower-inclusive, upper-exclusive; an empty upper (None) leaves the last band open above and an empty
lower leaves the first band open below. An indicator's score is normalised over its own points,
``100 × (points − min) / (max − min)`` (see `scoring.py`), so every scored indicator needs at least two
different points.

The only Django import here is `gettext` (for the messages; `safe_cell` comes from
`inkubator.core.exports`). Nothing touches the database, so the functions work from a notebook or the
CLI once Django settings are configured.

Parts: `spec` (the spec's vocabulary, limits, SpecError and field readers), `validation`
(`validate_spec`), `xlsx` (the editable workbook round trip), `xlsform` (the ODK/Kobo form) and
`columns` (header names in submission exports).
"""

from inkubator.assessment.instrument_io.columns import META_COLUMNS, SUBMISSION_COLUMNS
from inkubator.assessment.instrument_io.spec import (
    CODE_RE,
    FORM_ID_RE,
    INTEGER_RE,
    KINDS,
    OPTION_KINDS,
    OPTION_VALUE_RE,
    RESERVED_CODES,
    RESERVED_SUFFIXES,
    SCORE_DIGITS,
    SLUG_RE,
    TEXT_LIMITS,
    VALUE_DIGITS,
    WEIGHT_DIGITS,
    YES_NO_OPTIONS,
    SpecError,
)
from inkubator.assessment.instrument_io.validation import validate_spec
from inkubator.assessment.instrument_io.xlsform import (
    CHOICE_COLUMNS,
    LANG_EN,
    LANG_ID,
    PHOTO_MAX_PIXELS,
    SETTINGS_COLUMNS,
    SURVEY_COLUMNS,
    spec_to_xlsform,
)
from inkubator.assessment.instrument_io.xlsx import (
    BAND_COLUMNS,
    BOOL_COLUMNS,
    DECIMAL_COLUMNS,
    DIMENSION_COLUMNS,
    INDICATOR_COLUMNS,
    INSTRUMENT_KEYS,
    OPTION_COLUMNS,
    REQUIRED_COLUMNS,
    SHEETS,
    spec_from_xlsx,
    spec_to_xlsx,
)

__all__ = [
    "BAND_COLUMNS",
    "BOOL_COLUMNS",
    "CHOICE_COLUMNS",
    "CODE_RE",
    "DECIMAL_COLUMNS",
    "DIMENSION_COLUMNS",
    "FORM_ID_RE",
    "INDICATOR_COLUMNS",
    "INSTRUMENT_KEYS",
    "INTEGER_RE",
    "KINDS",
    "LANG_EN",
    "LANG_ID",
    "META_COLUMNS",
    "OPTION_COLUMNS",
    "OPTION_KINDS",
    "OPTION_VALUE_RE",
    "PHOTO_MAX_PIXELS",
    "REQUIRED_COLUMNS",
    "RESERVED_CODES",
    "RESERVED_SUFFIXES",
    "SCORE_DIGITS",
    "SETTINGS_COLUMNS",
    "SHEETS",
    "SLUG_RE",
    "SUBMISSION_COLUMNS",
    "SURVEY_COLUMNS",
    "SpecError",
    "TEXT_LIMITS",
    "VALUE_DIGITS",
    "WEIGHT_DIGITS",
    "YES_NO_OPTIONS",
    "spec_from_xlsx",
    "spec_to_xlsform",
    "spec_to_xlsx",
    "validate_spec",
]
