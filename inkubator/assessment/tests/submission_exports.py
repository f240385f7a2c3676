"""Field submissions as KoboToolbox and ODK Central export them, for the submission tests.

Two submissions (`SUBMISSIONS`) of the XLSForm made from conftest's SMALL_SPEC, what must be stored from
them (`EXPECTED_SBY`, `EXPECTED_BALI`), the export file of each server flavour (`FLAVOURS`), and the
helpers that run an import and read back what it wrote. `fields` (conftest) gives the form's field paths.
"""

import csv
import io
import json
from decimal import Decimal as D

import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile

from inkubator.assessment import services
from inkubator.assessment.models import Answer, Assessment, Transition
from inkubator.assessment.submissions import submission_import_run
from inkubator.assessment.tests.conftest import PNG
from inkubator.core.models import AuditEntry

UUID_SBY = "3f0c0b9e-8a1e-4c53-9a53-1b8d2f6c7a01"
UUID_BALI = "9b2e4d71-0c6f-4e8a-b5d3-7a1f2c9e8d02"
FORMULA = "=cmd|' /C calc'!A0"
HTML = "<script>alert('x')</script> & <b>tebal</b>"

# Two submissions as the assessor entered them on the phone. sby: complete (the answers of HAND_ANSWERS);
# bali: B1 (required) skipped, B3 left empty.
SUBMISSIONS = [
    {
        "uuid": UUID_SBY,
        "centre": "2035000001",
        "assessor": "asesor1",
        "start": "2026-02-03T08:15:02.125+07:00",
        "end": "2026-02-03T10:41:57.380+07:00",
        "location": ("-7.2574719", "112.7520883", "12.5", "4.8"),
        "answers": {"A1": "4", "A2": "no", "B1": "koperasi", "B2": "7", "B3": "Pengelola aktif."},
        "notes": {
            "A1": "SK No. 12/2024 dilihat.\nTanda tangan lengkap.",
            "B1": "Ruang 3×4 m²; “baik”",
            "B2": FORMULA,
        },
    },
    {
        "uuid": UUID_BALI,
        "centre": "2051000001",
        "assessor": "asesor1",
        "start": "2026-02-05T09:00:00.000+08:00",
        "end": "2026-02-05T09:47:12.004+08:00",
        "location": None,
        "answers": {"A1": "2", "A2": "yes", "B1": "", "B2": "2.5", "B3": ""},
        "notes": {"A2": HTML},
    },
]

# What must be stored: (value, number, text, note) per indicator, exactly.
EXPECTED_SBY = {
    "A1": ("4", None, "", "SK No. 12/2024 dilihat.\nTanda tangan lengkap."),
    "A2": ("no", None, "", ""),
    "B1": ("koperasi", None, "", "Ruang 3×4 m²; “baik”"),
    "B2": ("", D("7"), "", FORMULA),
    "B3": ("", None, "Pengelola aktif.", ""),
}
EXPECTED_BALI = {
    "A1": ("2", None, "", ""),
    "A2": ("yes", None, "", HTML),
    "B2": ("", D("2.5"), "", ""),
}


def _value(sub, path):
    """The value a submission has for a field path of the form, as the servers export text."""
    name = path.rsplit("/", 1)[-1]
    if name in ("start", "end", "assessor"):
        return sub[name]
    if name in ("centre", "centre_code"):
        return sub["centre"]
    if name == "instrument_code":
        return "uji-kecil"
    if name == "instrument_version":
        return "1"
    if name == "location":
        return " ".join(sub["location"]) if sub["location"] else ""
    if name == "instanceID":
        return f"uuid:{sub['uuid']}"
    if name == "instanceName":
        return f"{sub['centre']} - {sub['assessor']}"
    if name.endswith("_note"):
        return sub["notes"].get(name.removesuffix("_note"), "")
    if name.endswith("_photo"):
        return "1770087362116.jpg" if name == "A1_photo" and sub["answers"]["A1"] else ""
    return sub["answers"][name]


def csv_bytes(header, rows, delimiter=","):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


KOBO_EXTRA = [
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
]


def kobo_table(fields, subs):
    """KoboToolbox's export ("XML values and headers", groups with "/"): geopoint kept and split with `_`."""
    header = []
    for path in fields["lists"]:
        header += (
            [path, "_location_latitude", "_location_longitude", "_location_altitude", "_location_precision"]
            if path == "location"
            else [path]
        )
    header += KOBO_EXTRA
    rows = []
    for n, sub in enumerate(subs, start=1):
        row = []
        for path in fields["lists"]:
            row.append(_value(sub, path))
            if path == "location":
                row += list(sub["location"] or ("", "", "", ""))
        row += [
            str(100 + n),
            sub["uuid"],
            "2026-02-06T02:11:09",
            "",
            "",
            "submitted_via_web",
            "",
            "vQz7",
            "",
            str(n),
        ]
        rows.append(row)
    return header, rows


def kobo_csv(fields, subs):
    return csv_bytes(*kobo_table(fields, subs), delimiter=";")  # Kobo's CSV export separates with semicolons


def kobo_xlsx(fields, subs):
    header, rows = kobo_table(fields, subs)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    )
    sheet = book.add_worksheet("uji_kecil_v1")
    sheet.write_row(0, 0, header)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if header[c] == "B/B2" and value:
                sheet.write_number(r, c, float(value))  # Kobo writes decimal answers as numbers
            elif value:
                sheet.write_string(r, c, value)
    book.close()
    return buffer.getvalue()


ODK_SYSTEM = [
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
]


def odk_csv(fields, subs):
    """ODK Central's CSV (form without choice lists: `centre_code`): groups joined with "-", geopoint split."""
    header = ["SubmissionDate"]
    for path in fields["plain"]:
        name = path.replace("/", "-")
        header += (
            [f"location-{p}" for p in ("Latitude", "Longitude", "Altitude", "Accuracy")]
            if name == "location"
            else [name]
        )
    header += ODK_SYSTEM
    rows = []
    for sub in subs:
        row = ["2026-02-06T02:11:09.301Z"]
        for path in fields["plain"]:
            if path == "location":
                row += list(sub["location"] or ("", "", "", ""))
            else:
                row.append(_value(sub, path))
        row += [f"uuid:{sub['uuid']}", "7", "Siti Aminah", "1", "1", "", "", "collect:Xb3", "0", "1"]
        rows.append(row)
    return csv_bytes(header, rows)


def kobo_json(fields, subs):
    """KoboToolbox's /api/v2/assets/<uid>/data/: flat "group/field" keys; unanswered fields are left out."""
    results = []
    for n, sub in enumerate(subs, start=1):
        item = {"_id": 100 + n, "formhub/uuid": "6c3f1e", "__version__": "vQz7"}
        for path in fields["lists"]:
            value = _value(sub, path)
            if value != "":
                item[path] = value
        item.update(
            {
                "_uuid": sub["uuid"],
                "_attachments": [],
                "_status": "submitted_via_web",
                "_geolocation": [None, None],
                "_submission_time": "2026-02-06T02:11:09",
                "_tags": [],
                "_notes": [],
                "_validation_status": {},
                "_submitted_by": None,
            }
        )
        results.append(item)
    return json.dumps(
        {"count": len(results), "next": None, "previous": None, "results": results}, ensure_ascii=False
    ).encode()


def _number(text):
    return int(text) if text.isdigit() else float(text)


def odk_json(fields, subs):
    """ODK Central's OData: groups as nested objects, numbers as JSON numbers, geopoint as GeoJSON, `__id`."""
    value = []
    for sub in subs:
        item = {"__id": f"uuid:{sub['uuid']}"}
        for path in fields["plain"]:
            *groups, name = path.split("/")
            target = item
            for group in groups:
                target = target.setdefault(group, {})
            raw = _value(sub, path)
            if name == "location":
                lat, lon, alt, acc = sub["location"] or (None,) * 4
                target[name] = (
                    {
                        "type": "Point",
                        "coordinates": [_number(lon), _number(lat), _number(alt)],
                        "properties": {"accuracy": _number(acc)},
                    }
                    if lat
                    else None
                )
            elif name == "B2" and raw:
                target[name] = _number(raw)
            else:
                target[name] = raw or None
        item["__system"] = {
            "submissionDate": "2026-02-06T02:11:09.301Z",
            "submitterId": "7",
            "submitterName": "Siti Aminah",
            "attachmentsPresent": 1,
            "status": None,
            "reviewState": None,
            "edits": 0,
            "formVersion": "1",
        }
        value.append(item)
    return json.dumps(
        {
            "@odata.context": "https://central.example/v1/projects/3/forms/uji_kecil_v1.svc/$metadata"
            "#Submissions",
            "value": value,
        },
        ensure_ascii=False,
    ).encode()


def plain_json(fields, subs):
    """A list of flat objects with bare field names (Kobo with "include groups in headers" off)."""
    items = []
    for sub in subs:
        item = {
            path.rsplit("/", 1)[-1]: _value(sub, path)
            for path in fields["lists"]
            if not path.startswith("meta/")
        }
        item["_uuid"] = sub["uuid"]
        items.append(item)
    return json.dumps(items, ensure_ascii=False).encode()


FLAVOURS = {
    "kobo_csv": kobo_csv,
    "kobo_xlsx": kobo_xlsx,
    "odk_csv": odk_csv,
    "kobo_json": kobo_json,
    "odk_json": odk_json,
    "plain_json": plain_json,
}
FIRST_ROW = {"kobo_csv": 2, "kobo_xlsx": 2, "odk_csv": 2, "kobo_json": 1, "odk_json": 1, "plain_json": 1}


def counts():
    return (
        Answer.objects.count(),
        Assessment.objects.count(),
        AuditEntry.objects.count(),
        Transition.objects.count(),
        sorted(Assessment.objects.values_list("status", "external_id")),
    )


def stored(assessment):
    return {
        a.indicator.code: (a.value, a.number, a.text, a.note)
        for a in Answer.objects.filter(assessment=assessment).select_related("indicator")
    }


def attach_sk(users, assessment):
    """The photo of the founding decree, the evidence A1 requires, uploaded by the assessor on the web."""
    return services.evidence_add(
        actor=users["assessor"],
        assessment=assessment,
        indicator_code="A1",
        upload=SimpleUploadedFile("sk.png", PNG, "image/png"),
    )


def run(users, round_, data, *, dry_run=False, actor="researcher"):
    return submission_import_run(
        actor=users[actor], round=round_, data=data, filename="ekspor.csv", dry_run=dry_run
    )


def texts(report):
    return [e.text for e in report.errors]


def sub(index=0, **changes):
    """A copy of one of SUBMISSIONS with fields, answers or notes changed."""
    base = json.loads(json.dumps(SUBMISSIONS[index]))
    for key, value in changes.items():
        if key in base["answers"]:
            base["answers"][key] = value
        elif key.endswith("_note"):
            base["notes"][key.removesuffix("_note")] = value
        else:
            base[key] = value
    return base


def refused(users, round_, data, expected, *, file_error=""):
    """Import `data`: refused with exactly `expected` row errors (or `file_error`), nothing written."""
    before = counts()
    report = run(users, round_, data)
    assert texts(report) == expected
    assert report.file_error == file_error
    assert not report.committed
    assert counts() == before
    return report


def upload(data, name):
    """A file as the upload form posts it."""
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def png_upload():
    return SimpleUploadedFile("foto.png", PNG, content_type="image/png")
