"""Matching an export's headers to the form's fields (`map_columns`) and normalising submission ids."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inkubator.assessment.instrument_io import META_COLUMNS, SUBMISSION_COLUMNS

# Where the submission id may be, most trustworthy first: ODK Central's KEY (CSV) and __id (OData) stay the
# same when a submission is edited; so does Kobo's meta/rootUuid; _uuid and meta/instanceID change.
ID_COLUMNS = ["KEY", "__id", "meta/rootUuid", "meta-rootUuid", "_uuid", "meta/instanceID", "meta-instanceID"]
CENTRE_COLUMNS = ["centre", "centre_code"]
# Columns the servers add that mean nothing here (not listed as "ignored" in the check's report).
SYSTEM_COLUMNS = {
    c.lower()
    for c in (
        "SubmissionDate",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
        "today",
        "deviceid",
        "location-Altitude",
        "_location_altitude",
    )
}
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


@dataclass
class Columns:
    """Which headers of the file hold what: each field → its headers present in the file, best first."""

    meta: dict[str, list[str]]
    answers: dict[str, str]
    notes: dict[str, str]
    ignored: list[str]

    def first(self, values: dict[str, str], name: str) -> tuple[str, str]:
        """(value, header) of the first non-empty header of a field; ("", first header) when all are empty."""
        headers = self.meta.get(name, [])
        for header in headers:
            value = values.get(header, "")
            if value.strip():
                return value, header
        return "", headers[0] if headers else name


def map_columns(spec: dict, headers: list[str]) -> Columns:
    """Match the file's headers to the form's fields, ignoring case."""
    present = {}
    for header in headers:
        present.setdefault(header.strip().lower(), header)
    known: set[str] = set()

    def find(variants) -> list[str]:
        found = []
        for variant in variants:
            header = present.get(variant.lower())
            if header is not None and header not in found:
                found.append(header)
                known.add(header)
        return found

    meta = {name: find(variants) for name, variants in META_COLUMNS.items() if name != "instance_id"}
    meta["instance_id"] = find(ID_COLUMNS + META_COLUMNS["instance_id"])
    meta["centre"] = find(CENTRE_COLUMNS)
    meta.pop("centre_code", None)
    answers, notes = {}, {}
    for target, suffix in ((answers, ""), (notes, "_note")):
        columns = SUBMISSION_COLUMNS(spec, suffix=suffix)
        for code, variants in columns.items():
            found = find(variants)
            if found:
                target[code] = found[0]
    find(v for variants in SUBMISSION_COLUMNS(spec, suffix="_photo").values() for v in variants)
    ignored = [
        h
        for h in headers
        if h not in known
        and h.strip().lower() not in SYSTEM_COLUMNS
        and not h.startswith(("_", "meta", "formhub"))
    ]
    return Columns(meta=meta, answers=answers, notes=notes, ignored=ignored)


def normalise_id(text: str) -> str:
    text = text.strip()
    return f"uuid:{text}" if UUID_RE.match(text) else text
