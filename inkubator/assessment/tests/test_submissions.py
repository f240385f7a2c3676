"""Field submissions from KoboToolbox and ODK Central: files shaped like the servers' exports of the XLSForm we
generate, imported exactly; refused by row and column, with nothing written, when anything is wrong."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal as D

import pytest
import xlsxwriter
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from pyxform.xls2xform import convert

from inkubator.accounts.models import Cluster
from inkubator.assessment import instrument_io, services, submission_services
from inkubator.assessment.models import Answer, Assessment, Transition
from inkubator.assessment.submissions import submission_import_run
from inkubator.assessment.tests.conftest import HAND_ANSWERS, PNG, SMALL_SPEC
from inkubator.centres.tests.factories import make_user
from inkubator.core.models import AuditEntry, Job

pytestmark = pytest.mark.django_db

XF = "{http://www.w3.org/2002/xforms}"
UUID_SBY = "3f0c0b9e-8a1e-4c53-9a53-1b8d2f6c7a01"
UUID_BALI = "9b2e4d71-0c6f-4e8a-b5d3-7a1f2c9e8d02"
FORMULA = "=cmd|' /C calc'!A0"
HTML = "<script>alert('x')</script> & <b>tebal</b>"

# Two submissions as the assessor entered them on the phone. sby: complete (the answers of HAND_ANSWERS);
# bali: B1 (required) skipped, B3 left empty.
SUBMISSIONS = [
    {
        "uuid": UUID_SBY, "centre": "2035000001", "assessor": "asesor1",
        "start": "2026-02-03T08:15:02.125+07:00", "end": "2026-02-03T10:41:57.380+07:00",
        "location": ("-7.2574719", "112.7520883", "12.5", "4.8"),
        "answers": {"A1": "4", "A2": "no", "B1": "koperasi", "B2": "7", "B3": "Pengelola aktif."},
        "notes": {"A1": "SK No. 12/2024 dilihat.\nTanda tangan lengkap.", "B1": "Ruang 3×4 m²; “baik”",
                  "B2": FORMULA},
    },
    {
        "uuid": UUID_BALI, "centre": "2051000001", "assessor": "asesor1",
        "start": "2026-02-05T09:00:00.000+08:00", "end": "2026-02-05T09:47:12.004+08:00",
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


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def fields():
    """The form's fields as pyxform compiles our XLSForm: {"lists": paths, "plain": paths} (without /data/)."""
    result = {}
    for flavour, people in (("lists", {"centres": [("2035000001", "Nurul Huda"), ("2051000001", "Widya Dharma")],
                                       "assessors": [("asesor1", "Siti")]}), ("plain", {})):
        xlsform = instrument_io.spec_to_xlsform(SMALL_SPEC, form_id="uji_kecil_v1", version="1", **people)
        root = ET.fromstring(convert(xlsform=xlsform).xform)
        result[flavour] = [b.get("nodeset").removeprefix("/data/") for b in root.iter(f"{XF}bind")]
    assert result["lists"] == [
        "start", "end", "instrument_code", "instrument_version", "centre", "assessor", "location",
        "A/A1", "A/A1_note", "A/A1_photo", "A/A2", "A/A2_note",
        "B/B1", "B/B1_note", "B/B2", "B/B2_note", "B/B3", "B/B3_note", "meta/instanceID", "meta/instanceName",
    ]
    assert result["plain"][4] == "centre_code"
    return result


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


def _csv(header, rows, delimiter=","):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


KOBO_EXTRA = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
              "__version__", "_tags", "_index"]


def kobo_table(fields, subs):
    """KoboToolbox's export ("XML values and headers", groups with "/"): geopoint kept and split with `_`."""
    header = []
    for path in fields["lists"]:
        header += [path, "_location_latitude", "_location_longitude", "_location_altitude",
                   "_location_precision"] if path == "location" else [path]
    header += KOBO_EXTRA
    rows = []
    for n, sub in enumerate(subs, start=1):
        row = []
        for path in fields["lists"]:
            row.append(_value(sub, path))
            if path == "location":
                row += list(sub["location"] or ("", "", "", ""))
        row += [str(100 + n), sub["uuid"], "2026-02-06T02:11:09", "", "", "submitted_via_web", "", "vQz7", "",
                str(n)]
        rows.append(row)
    return header, rows


def kobo_csv(fields, subs):
    return _csv(*kobo_table(fields, subs), delimiter=";")  # Kobo's CSV export separates with semicolons


def kobo_xlsx(fields, subs):
    header, rows = kobo_table(fields, subs)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
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


ODK_SYSTEM = ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
              "ReviewState", "DeviceID", "Edits", "FormVersion"]


def odk_csv(fields, subs):
    """ODK Central's CSV (form without choice lists: `centre_code`): groups joined with "-", geopoint split."""
    header = ["SubmissionDate"]
    for path in fields["plain"]:
        name = path.replace("/", "-")
        header += [f"location-{p}" for p in ("Latitude", "Longitude", "Altitude", "Accuracy")] if name == "location" \
            else [name]
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
    return _csv(header, rows)


def kobo_json(fields, subs):
    """KoboToolbox's /api/v2/assets/<uid>/data/: flat "group/field" keys; unanswered fields are left out."""
    results = []
    for n, sub in enumerate(subs, start=1):
        item = {"_id": 100 + n, "formhub/uuid": "6c3f1e", "__version__": "vQz7"}
        for path in fields["lists"]:
            value = _value(sub, path)
            if value != "":
                item[path] = value
        item.update({"_uuid": sub["uuid"], "_attachments": [], "_status": "submitted_via_web",
                     "_geolocation": [None, None], "_submission_time": "2026-02-06T02:11:09", "_tags": [],
                     "_notes": [], "_validation_status": {}, "_submitted_by": None})
        results.append(item)
    return json.dumps({"count": len(results), "next": None, "previous": None, "results": results},
                      ensure_ascii=False).encode()


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
                target[name] = {"type": "Point", "coordinates": [_number(lon), _number(lat), _number(alt)],
                                "properties": {"accuracy": _number(acc)}} if lat else None
            elif name == "B2" and raw:
                target[name] = _number(raw)
            else:
                target[name] = raw or None
        item["__system"] = {"submissionDate": "2026-02-06T02:11:09.301Z", "submitterId": "7",
                            "submitterName": "Siti Aminah", "attachmentsPresent": 1, "status": None,
                            "reviewState": None, "edits": 0, "formVersion": "1"}
        value.append(item)
    return json.dumps({"@odata.context": "https://central.example/v1/projects/3/forms/uji_kecil_v1.svc/$metadata"
                                         "#Submissions", "value": value}, ensure_ascii=False).encode()


def plain_json(fields, subs):
    """A list of flat objects with bare field names (Kobo with "include groups in headers" off)."""
    items = []
    for sub in subs:
        item = {path.rsplit("/", 1)[-1]: _value(sub, path) for path in fields["lists"] if not path.startswith("meta/")}
        item["_uuid"] = sub["uuid"]
        items.append(item)
    return json.dumps(items, ensure_ascii=False).encode()


FLAVOURS = {"kobo_csv": kobo_csv, "kobo_xlsx": kobo_xlsx, "odk_csv": odk_csv, "kobo_json": kobo_json,
            "odk_json": odk_json, "plain_json": plain_json}
FIRST_ROW = {"kobo_csv": 2, "kobo_xlsx": 2, "odk_csv": 2, "kobo_json": 1, "odk_json": 1, "plain_json": 1}


def counts():
    return (Answer.objects.count(), Assessment.objects.count(), AuditEntry.objects.count(),
            Transition.objects.count(), sorted(Assessment.objects.values_list("status", "external_id")))


def stored(assessment):
    return {a.indicator.code: (a.value, a.number, a.text, a.note)
            for a in Answer.objects.filter(assessment=assessment).select_related("indicator")}


def attach_sk(users, assessment):
    """The photo of the founding decree, the evidence A1 requires, uploaded by the assessor on the web."""
    return services.evidence_add(actor=users["assessor"], assessment=assessment, indicator_code="A1",
                                 upload=SimpleUploadedFile("sk.png", PNG, "image/png"))


def run(users, round_, data, *, dry_run=False, actor="researcher"):
    return submission_import_run(actor=users[actor], round=round_, data=data, filename="ekspor.csv", dry_run=dry_run)


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


# --- the must-show: what the row said is what is stored ----------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_export_imports_exactly_what_the_rows_said(users, registry, round_, fields, flavour):
    # A1's photo is uploaded for sby before the import, so the complete sby row is submitted
    attach_sk(users, Assessment.objects.get(round=round_, centre=registry["sby"]))
    data = FLAVOURS[flavour](fields, SUBMISSIONS)
    before = counts()
    check = run(users, round_, data, dry_run=True)
    assert check.file_error == "" and texts(check) == []
    assert check.preview == [
        {"row": FIRST_ROW[flavour], "submission": f"uuid:{UUID_SBY}", "centre": "2035000001",
         "centre_name": "BLK Komunitas Nurul Huda", "assessor": "asesor1", "answers": 5, "status": "submitted"},
        {"row": FIRST_ROW[flavour] + 1, "submission": f"uuid:{UUID_BALI}", "centre": "2051000001",
         "centre_name": "BLK Komunitas Widya Dharma", "assessor": "asesor1", "answers": 3, "status": "draft"},
    ]
    assert (check.rows, check.submitted, check.draft, check.ignored_columns) == (2, 1, 1, [])
    assert counts() == before  # a dry run writes nothing

    report = run(users, round_, data)
    assert report.committed and texts(report) == []
    sby = Assessment.objects.get(round=round_, centre=registry["sby"])
    bali = Assessment.objects.get(round=round_, centre=registry["bali"])
    assert stored(sby) == EXPECTED_SBY
    assert stored(bali) == EXPECTED_BALI
    assert {k: tuple(map(str, v)) for k, v in stored(sby).items()}["B2"] == ("", "7.00", "", FORMULA)
    assert (sby.status, sby.source, sby.external_id) == ("submitted", "xlsform", f"uuid:{UUID_SBY}")
    assert (bali.status, bali.source, bali.external_id) == ("draft", "xlsform", f"uuid:{UUID_BALI}")
    assert (sby.latitude, sby.longitude, sby.location_accuracy) == (D("-7.257472"), D("112.752088"), D("4.8"))
    assert (bali.latitude, bali.longitude, bali.location_accuracy) == (None, None, None)
    wib, wita = datetime.timezone(datetime.timedelta(hours=7)), datetime.timezone(datetime.timedelta(hours=8))
    assert sby.started_at == datetime.datetime(2026, 2, 3, 8, 15, 2, 125000, tzinfo=wib)
    assert sby.submitted_at == datetime.datetime(2026, 2, 3, 10, 41, 57, 380000, tzinfo=wib)
    assert (bali.started_at, bali.submitted_at) == (datetime.datetime(2026, 2, 5, 9, 0, tzinfo=wita), None)
    assert (sby.composite_score, sby.dimension_scores, sby.readiness_class) == (
        D("66.67"), {"A": "50.00", "B": "91.67"}, "assisted")
    assert list(sby.transitions.values_list("from_status", "to_status", "actor__username", "comment")) == [
        ("assigned", "draft", "peneliti1", f"Imported from the field form (submission uuid:{UUID_SBY})."),
        ("draft", "submitted", "peneliti1", f"Imported from the field form (submission uuid:{UUID_SBY})."),
    ]
    assert list(bali.transitions.values_list("from_status", "to_status")) == [("assigned", "draft")]
    entries = AuditEntry.objects.filter(object_id__in=[str(sby.pk), str(bali.pk)], content_type__model="assessment").exclude(action="assign")
    assert sorted(entries.values_list("object_id", "action")) == sorted([
        (str(sby.pk), "update"), (str(sby.pk), "submit"), (str(sby.pk), "import"),
        (str(bali.pk), "update"), (str(bali.pk), "import"),
    ])
    imported = entries.get(object_id=str(sby.pk), action="import")
    assert imported.changes["answers_imported"] == [None, ["A1", "A2", "B1", "B2", "B3"]]
    assert imported.changes["external_id"] == ["", f"uuid:{UUID_SBY}"]
    assert imported.object_repr == f"assessment #{sby.pk}"  # the assessor's name is not copied into the log


UUID_SBY_AGAIN = "5a7c9e1b-3d2f-4b6a-8c0e-2f4d6b8a0c04"


def test_complete_submission_is_submitted_only_with_the_required_evidence(users, registry, round_, fields):
    """The same complete row: a draft while A1's photo is missing, submitted once it is in the application."""
    sby = Assessment.objects.get(round=round_, centre=registry["sby"])
    bali = Assessment.objects.get(round=round_, centre=registry["bali"])
    attach_sk(users, bali)  # bali's photo is uploaded; sby's is not
    complete = SUBMISSIONS[0]["answers"]
    # the same answers and notes for both centres
    rows = [sub(0), sub(0, uuid=UUID_BALI, centre="2051000001")]
    assert [r["answers"] for r in rows] == [complete, complete]
    data = kobo_csv(fields, rows)

    before = counts()
    check = run(users, round_, data, dry_run=True)
    assert texts(check) == [] and (check.submitted, check.draft) == (1, 1)
    assert [(r["centre"], r["answers"], r["status"]) for r in check.preview] == [
        ("2035000001", 5, "draft"), ("2051000001", 5, "submitted")]
    assert counts() == before

    report = run(users, round_, data)
    assert report.committed and texts(report) == [] and (report.submitted, report.draft) == (1, 1)
    sby.refresh_from_db()
    bali.refresh_from_db()
    assert stored(sby) == EXPECTED_SBY
    assert {k: v[:3] for k, v in stored(bali).items()} == {k: v[:3] for k, v in EXPECTED_SBY.items()}
    assert (sby.status, sby.external_id, sby.submitted_at) == ("draft", f"uuid:{UUID_SBY}", None)
    assert (bali.status, bali.external_id) == ("submitted", f"uuid:{UUID_BALI}")
    wib = datetime.timezone(datetime.timedelta(hours=7))
    assert bali.submitted_at == datetime.datetime(2026, 2, 3, 10, 41, 57, 380000, tzinfo=wib)
    assert list(Transition.objects.filter(assessment=sby).values_list(
        "from_status", "to_status", "actor__username", "comment")) == [
        ("assigned", "draft", "peneliti1", f"Imported from the field form (submission uuid:{UUID_SBY})."),
    ]
    assert list(Transition.objects.filter(assessment=bali).values_list(
        "from_status", "to_status", "actor__username", "comment")) == [
        ("assigned", "draft", "peneliti1", f"Imported from the field form (submission uuid:{UUID_BALI})."),
        ("draft", "submitted", "peneliti1", f"Imported from the field form (submission uuid:{UUID_BALI})."),
    ]
    # the scores do not depend on the evidence
    assert (sby.composite_score, sby.readiness_class) == (bali.composite_score, bali.readiness_class) == (
        D("66.67"), "assisted")

    # once sby's photo is uploaded, the same row submits it (as a new submission id: the first is imported)
    attach_sk(users, sby)
    again = kobo_csv(fields, [sub(0, uuid=UUID_SBY_AGAIN)])
    check = run(users, round_, again, dry_run=True)
    assert texts(check) == [] and (check.submitted, check.draft) == (1, 0)
    assert [(r["centre"], r["answers"], r["status"]) for r in check.preview] == [
        ("2035000001", 5, "submitted")]
    report = run(users, round_, again)
    assert report.committed and texts(report) == []
    sby.refresh_from_db()
    assert (sby.status, sby.external_id) == ("submitted", f"uuid:{UUID_SBY_AGAIN}")
    assert sby.submitted_at == datetime.datetime(2026, 2, 3, 10, 41, 57, 380000, tzinfo=wib)
    assert stored(sby) == EXPECTED_SBY
    assert list(Transition.objects.filter(assessment=sby).values_list(
        "from_status", "to_status", "comment")) == [
        ("assigned", "draft", f"Imported from the field form (submission uuid:{UUID_SBY})."),
        ("draft", "submitted", f"Imported from the field form (submission uuid:{UUID_SBY_AGAIN})."),
    ]
    assert Transition.objects.filter(assessment=bali).count() == 2


def test_scores_equal_those_of_the_same_answers_entered_on_the_web(users, registry, round_, fields):
    report = run(users, round_, kobo_csv(fields, [sub(0, A1_note="", B1_note="", B2_note="")]))
    assert report.committed
    imported = Assessment.objects.get(round=round_, centre=registry["sby"])
    typed = services.assessment_save(
        actor=users["assessor"], assessment=Assessment.objects.get(round=round_, centre=registry["bali"]),
        answers=HAND_ANSWERS,
    )
    typed.refresh_from_db()
    assert (imported.composite_score, imported.dimension_scores, imported.readiness_class) == (
        typed.composite_score, typed.dimension_scores, typed.readiness_class)
    assert imported.composite_score == D("66.67")

    def scores(a):
        return dict(Answer.objects.filter(assessment=a).values_list("indicator__code", "score"))

    assert scores(imported) == scores(typed) == {
        "A1": D("75.00"), "A2": D("0.00"), "B1": D("66.67"), "B2": D("100.00"), "B3": None,
    }
    assert {k: v[:3] for k, v in stored(imported).items()} == {k: v[:3] for k, v in stored(typed).items()}


@pytest.mark.parametrize("cell,number", [("2,5", D("2.5")), ("2.5", D("2.5")), (" 12 ", D("12")), ("0", D("0")),
                                         ("50", D("50")), ("1e1", D("10"))])
def test_decimals_with_point_or_comma(users, registry, round_, fields, cell, number):
    report = run(users, round_, kobo_csv(fields, [sub(0, B2=cell)]))
    assert report.committed, texts(report)
    assert Answer.objects.get(assessment__centre=registry["sby"], indicator__code="B2").number == number


def test_hostile_text_is_stored_as_plain_text_and_escaped_on_pages(client, users, registry, round_, fields):
    report = run(users, round_, kobo_csv(fields, [sub(1, B3=HTML, A1_note="=HYPERLINK(\"http://x\")")]))
    assert report.committed
    bali = Assessment.objects.get(round=round_, centre=registry["bali"])
    assert stored(bali)["B3"] == ("", None, HTML, "")
    assert stored(bali)["A1"] == ("2", None, "", "=HYPERLINK(\"http://x\")")
    assert stored(bali)["A2"][3] == HTML
    client.force_login(users["assessor"])
    page = client.get(f"/asesmen/{bali.pk}/").content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in page
    assert "<script>alert('x')</script>" not in page and "<b>tebal</b>" not in page


# --- refusals: by row and column, nothing written -------------------------------------------------------


def refused(users, round_, data, expected, *, file_error=""):
    before = counts()
    report = run(users, round_, data)
    assert texts(report) == expected
    assert report.file_error == file_error
    assert not report.committed
    assert counts() == before
    return report


def test_unknown_centre_and_centre_outside_the_round(users, round_, fields):
    refused(users, round_, kobo_csv(fields, [sub(0, centre="2099000001"), sub(1, centre="2035000002")]), [
        "Row 2, column centre: 2099000001 is not a centre of this round.",
        "Row 3, column centre: 2035000002 is not a centre of this round.",
    ])


def test_assessor_must_be_assigned_to_the_centre(users, round_, fields):
    make_user("asesor2", "assessor", cluster=Cluster.objects.get())  # an assessor in scope, not assigned
    refused(users, round_, odk_csv(fields, [sub(0, assessor="asesor2"), sub(1, assessor="asesor9")]), [
        "Row 2, column assessor: asesor2 is not an assessor assigned to 2035000001 in this round.",
        "Row 3, column assessor: asesor9 is not an assessor assigned to 2051000001 in this round.",
    ])


def test_assessor_typed_with_a_capital_letter(users, registry, round_, fields):
    report = run(users, round_, odk_csv(fields, [sub(0, assessor="Asesor1")]))
    assert report.committed
    assert Assessment.objects.get(round=round_, centre=registry["sby"]).external_id == f"uuid:{UUID_SBY}"


def test_missing_centre_and_assessor(users, round_, fields):
    refused(users, round_, odk_csv(fields, [sub(0, centre="", assessor=" ")]), [
        "Row 2, column centre_code: This field is required.",
        "Row 2, column assessor: This field is required.",
    ])


def test_answers_the_form_does_not_allow(users, round_, fields):
    refused(users, round_, kobo_csv(fields, [sub(0, B2="51", A1="6", A2="Ya"), sub(1, B2="tujuh"),
                                             sub(1, uuid="0d7d8a52-55a1-4d3e-9b55-3e0f2a1c4b03", B2="-1",
                                                 centre="2035000001")]), [
        "Row 2, column A/A1: “6” is not an option of A1; use one of: 1, 2, 3, 4, 5.",
        "Row 2, column A/A2: “Ya” is not an option of A2; use one of: yes, no.",
        "Row 2, column B/B2: Enter a number of at most 50.",
        "Row 3, column B/B2: “tujuh” is not a number.",
        "Row 4, column centre: Row 2 already holds a submission for 2035000001 by asesor1; keep only one of them.",
        "Row 4, column B/B2: Enter a number of at least 0.",
    ])


def test_odk_headers_are_named_in_errors(users, round_, fields):
    refused(users, round_, odk_csv(fields, [sub(0, B2="50.125"), sub(1, A2_note="x" * 2001)]), [
        "Row 2, column B-B2: Ensure that there are no more than 2 decimal places.",
        "Row 3, column A-A2_note: Ensure this value has at most 2000 characters (it has 2001).",
    ])


def test_json_errors_name_the_submission_and_the_field(users, round_, fields):
    refused(users, round_, odk_json(fields, [sub(0, B2="51"), sub(1, centre="2099000001")]), [
        "Row 1, column B/B2: Enter a number of at most 50.",
        "Row 2, column centre_code: 2099000001 is not a centre of this round.",
    ])


def test_same_submission_twice_in_one_file(users, round_, fields):
    refused(users, round_, kobo_csv(fields, [sub(0), sub(1, uuid=UUID_SBY)]), [
        f"Row 3, column _uuid: Submission uuid:{UUID_SBY} is also on row 2 of this file.",
    ])


def test_same_submission_imported_again_later_from_either_server(users, registry, round_, fields):
    attach_sk(users, Assessment.objects.get(round=round_, centre=registry["sby"]))
    assert run(users, round_, kobo_csv(fields, SUBMISSIONS)).committed
    refused(users, round_, kobo_csv(fields, SUBMISSIONS), [
        f"Row 2, column _uuid: Submission uuid:{UUID_SBY} was already imported.",
        "Row 2, column centre: This assessment is already submitted; ask the reviewer to return it first.",
        f"Row 3, column _uuid: Submission uuid:{UUID_BALI} was already imported.",
    ])
    refused(users, round_, odk_json(fields, SUBMISSIONS[1:]), [
        f"Row 1, column __id: Submission uuid:{UUID_BALI} was already imported.",
    ])


def test_submitted_assessment_is_refused_until_returned(users, registry, round_, fields):
    assessment = Assessment.objects.get(round=round_, centre=registry["sby"])
    services.assessment_save(actor=users["assessor"], assessment=assessment, answers=HAND_ANSWERS)
    services.evidence_add(actor=users["assessor"], assessment=assessment, indicator_code="A1", upload=_png())
    services.assessment_submit(actor=users["assessor"], assessment=Assessment.objects.get(pk=assessment.pk))
    refused(users, round_, kobo_csv(fields, [sub(0)]), [
        "Row 2, column centre: This assessment is already submitted; ask the reviewer to return it first.",
    ])
    services.assessment_return(actor=users["researcher"], assessment=Assessment.objects.get(pk=assessment.pk),
                               indicators={"B2": "Hitung ulang pengelola purna waktu."})
    report = run(users, round_, kobo_csv(fields, [sub(0, B2="8")]))
    assert report.committed
    assessment.refresh_from_db()
    assert (assessment.status, assessment.external_id) == ("submitted", f"uuid:{UUID_SBY}")
    assert stored(assessment)["B2"] == ("", D("8"), "", FORMULA)
    assert not Answer.objects.filter(assessment=assessment, returned=True).exists()
    assert list(assessment.transitions.values_list("to_status", flat=True)) == [
        "draft", "submitted", "returned", "submitted"]


def test_instrument_of_another_form_is_refused(users, round_, fields):
    data = kobo_csv(fields, [sub(0)]).replace(b";uji-kecil;1;", b";kesiapan-blkk;2;")
    refused(users, round_, data, [
        "Row 2, column instrument_code: This submission was made with instrument kesiapan-blkk; this round uses "
        "uji-kecil.",
        "Row 2, column instrument_version: This submission was made with version 2 of the instrument; this round "
        "uses version 1.",
    ])


def test_location_outside_indonesia_and_bad_timestamps(users, round_, fields):
    refused(users, round_, kobo_csv(fields, [sub(0, location=["48.8584", "2.2945", "35", "5"], start="kemarin")]), [
        "Row 2, column location: 48.858400, 2.294500 is outside Indonesia.",
        "Row 2, column start: “kemarin” is not a date and time.",
    ])
    refused(users, round_, odk_csv(fields, [sub(0, location=["-7,25", "lintang", "", ""])]), [
        "Row 2, column location-Latitude: “-7,25 lintang” is not a location (latitude longitude altitude accuracy).",
    ])


def test_missing_submission_id(users, round_, fields):
    header, rows = kobo_table(fields, [sub(0)])
    rows[0][header.index("_uuid")] = ""
    rows[0][header.index("meta/instanceID")] = ""
    refused(users, round_, _csv(header, rows), ["Row 2, column _uuid: The submission id is missing."])


# --- refusals of the whole file ---------------------------------------------------------------------------


@pytest.mark.parametrize("data,message", [
    (PNG, "The file is not an export of submissions (CSV, XLSX or JSON expected)."),
    (b"%PDF-1.7\n1 0 obj", "The file is not an export of submissions (CSV, XLSX or JSON expected)."),
    (b"", "The file is empty."),
    (b"  \r\n ", "The file is empty."),
    (b"start,end,centre,assessor,A/A1,_uuid\r\n", "The file has a header but no data rows."),
    (b'{"results": [', "The file is not valid JSON (line 1, column 14)."),
    (b'{"data": []}', "The JSON file holds no list of submissions: expected KoboToolbox's “results”, ODK Central's "
                      "“value” or a list."),
    (b'{"results": []}', "The file holds no submissions."),
    (b"centre,A/A1\r\n2035000001,4\r\n", "Required columns are missing: assessor, KEY / __id / _uuid / meta/instanceID."),
    (b"BLK Komunitas yang dinilai;Nama pengguna asesor;A1. Kejelasan SK pendirian inkubator;_uuid\r\n"
     b"2035000001;asesor1;4;x\r\n",
     "Required columns are missing: centre / centre_code, assessor."),
    (b"centre,assessor,_uuid,A1. Kejelasan SK pendirian inkubator\r\n2035000001,asesor1,x,4\r\n",
     "No column holds an answer to Instrumen uji (v1): the headers must be the form's field names (such as A/A1, "
     "A-A1 or A1), not the question texts."),
], ids=["png", "pdf", "empty", "blank", "header-only", "broken-json", "json-shape", "json-empty", "missing-columns",
        "label-headers", "no-answer-columns"])
def test_files_refused_whole(users, round_, data, message):
    refused(users, round_, data, [], file_error=message)


def test_png_renamed_csv_is_refused_through_the_page(client, users, round_, django_capture_on_commit_callbacks):
    client.force_login(users["researcher"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/asesmen/putaran/{round_.pk}/impor/", {"file": _upload(PNG, "ekspor.csv")})
    job = Job.objects.get(kind="submission_import")
    assert response.status_code == 302 and job.status == "failed"
    assert job.message == "The file is not an export of submissions (CSV, XLSX or JSON expected)."
    assert counts() == before


def test_oversized_file_is_refused(users, round_, fields):
    data = kobo_csv(fields, SUBMISSIONS)
    assert 1024 < len(data) < 2048
    with override_settings(INKUBATOR_IMPORT_MAX_BYTES=1024):
        refused(users, round_, data, [], file_error=f"The file is {len(data) / 1024:.1f}\xa0KB; the limit is 1.0\xa0KB.")


def test_oversized_upload_is_refused_by_the_page_before_any_job(client, users, round_, fields):
    client.force_login(users["researcher"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    before = counts()
    with override_settings(INKUBATOR_IMPORT_MAX_BYTES=1024):
        response = client.post(f"/asesmen/putaran/{round_.pk}/impor/",
                               {"file": _upload(kobo_csv(fields, SUBMISSIONS), "kobo.csv")})
    assert response.status_code == 422
    assert response.context["form"].errors == {"file": ["The file is 1.1\xa0KB; the limit is 1.0\xa0KB."]}
    assert counts() == before and Job.objects.count() == 0


def test_too_many_rows_are_refused(users, round_, fields):
    with override_settings(INKUBATOR_IMPORT_MAX_ROWS=1):
        refused(users, round_, kobo_csv(fields, SUBMISSIONS), [],
                file_error="The file has 2 rows; at most 1 can be imported at once.")


def test_unknown_columns_are_listed_and_ignored(users, round_, fields):
    header, rows = kobo_table(fields, [sub(0)])
    report = run(users, round_, _csv(header + ["Catatan umum"], [rows[0] + ["baik"]]), dry_run=True)
    assert texts(report) == [] and report.ignored_columns == ["Catatan umum"]


# --- who may import -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["assessor", "regional_officer", "centre_manager", "national_viewer"])
def test_only_round_managers_import(users, round_, fields, who):
    before = counts()
    with pytest.raises(PermissionDenied):
        run(users, round_, kobo_csv(fields, SUBMISSIONS), actor=who)
    assert counts() == before


def test_round_manager_of_another_partner_cannot_import(users, round_, fields):
    outsider = make_user("peneliti2", "researcher")
    before = counts()
    with pytest.raises(PermissionDenied):
        submission_import_run(actor=outsider, round=round_, data=kobo_csv(fields, SUBMISSIONS))
    assert counts() == before


def test_service_refuses_wrong_answers_whole(users, registry, round_):
    assessment = Assessment.objects.get(round=round_, centre=registry["sby"])
    before = counts()
    with pytest.raises(ValidationError) as error:
        submission_services.assessment_import_submission(
            actor=users["researcher"], assessment=assessment, external_id="uuid:x",
            answers={"A1": {"value": "4"}, "B2": {"number": D("99")}, "Z9": {"value": "1"}},
        )
    assert error.value.message_dict == {"B2": ["B2: Enter a number of at most 50."], "Z9": ["Unknown indicator Z9."]}
    with pytest.raises(PermissionDenied):
        submission_services.assessment_import_submission(
            actor=users["assessor"], assessment=assessment, external_id="uuid:x", answers={"A1": {"value": "4"}},
        )
    assert counts() == before


# --- pages ----------------------------------------------------------------------------------------------


def _upload(data, name):
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def _png():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("foto.png", PNG, content_type="image/png")


def test_upload_check_then_commit(client, users, registry, round_, fields, django_capture_on_commit_callbacks):
    client.force_login(users["researcher"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = f"/asesmen/putaran/{round_.pk}/impor/"
    assert client.get(url).status_code == 200
    attach_sk(users, Assessment.objects.get(round=round_, centre=registry["sby"]))
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": _upload(kobo_csv(fields, SUBMISSIONS), "kobo.csv")})
    assert response.status_code == 302
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.context["job"].status == "succeeded" and page.context["job"].errors == []
    assert "2 submissions checked without errors: 1 will be submitted for review, 1 will stay drafts." in body
    assert [(r["centre"], r["assessor"], r["answers"], r["status_label"]) for r in page.context["preview"]] == [
        ("2035000001", "asesor1", 5, "Submitted"), ("2051000001", "asesor1", 3, "Draft")]
    assert f"uuid:{UUID_SBY}" in body and 'id="import-commit"' in body
    assert counts() == before

    with django_capture_on_commit_callbacks(execute=True):
        commit = client.post(response["Location"] + "simpan/")
    done = client.get(commit["Location"])
    assert done.context["job"].status == "succeeded" and done.context["job"].result["committed"] is True
    assert "2 submissions imported: 1 submitted for review, 1 drafts." in done.content.decode()
    assert stored(Assessment.objects.get(round=round_, centre=registry["sby"])) == EXPECTED_SBY
    assert AuditEntry.objects.filter(action="import", job=done.context["job"]).count() == 2
    # the same check cannot be committed twice
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(response["Location"] + "simpan/")
    failed = client.get(again["Location"]).context["job"]
    assert failed.status == "failed" and {e["column"] for e in failed.errors} == {"_uuid", "centre"}
    assert AuditEntry.objects.filter(action="import").count() == 2


def test_errors_page_escapes_html_and_commit_is_refused(client, users, round_, fields,
                                                       django_capture_on_commit_callbacks):
    client.force_login(users["researcher"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = kobo_csv(fields, [sub(0, centre="<script>alert(1)</script>")])
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/asesmen/putaran/{round_.pk}/impor/", {"file": _upload(data, "kobo.csv")})
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.context["job"].errors == [
        {"row": 2, "column": "centre", "message": "<script>alert(1)</script> is not a centre of this round."}]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is not a centre of this round." in body
    assert "<script>alert(1)</script>" not in body and 'id="import-commit"' not in body
    client.post(response["Location"] + "simpan/")
    assert counts() == before and Job.objects.count() == 1


@pytest.mark.parametrize("who,status", [
    (None, 302), ("assessor", 403), ("regional_officer", 403), ("centre_manager", 403), ("national_viewer", 403),
    ("outsider", 404), ("researcher", 200), ("national_admin", 200),
])
def test_import_page_by_role(client, users, round_, who, status):
    if who == "outsider":
        client.force_login(make_user("peneliti2", "researcher"))
    elif who:
        client.force_login(users[who])
    assert client.get(f"/asesmen/putaran/{round_.pk}/impor/").status_code == status


def test_someone_elses_check_cannot_be_seen_or_committed(client, users, round_, fields,
                                                         django_capture_on_commit_callbacks):
    client.force_login(users["researcher"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/asesmen/putaran/{round_.pk}/impor/",
                               {"file": _upload(kobo_csv(fields, SUBMISSIONS), "kobo.csv")})
    own = client.get(response["Location"])  # the interface's default language (Indonesian)
    assert own.status_code == 200 and 'id="import-commit"' in own.content.decode()
    client.force_login(users["national_admin"])
    assert client.get(response["Location"]).status_code == 404
    before = counts()
    assert client.post(response["Location"] + "simpan/").status_code == 404
    assert counts() == before and Job.objects.count() == 1


def test_an_older_submission_is_refused_after_a_newer_one_replaced_it(users, round_, fields):
    """bali stays a draft (B1 missing), so it can be imported again; its first submission id stays used."""
    newer = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e05"
    assert run(users, round_, kobo_csv(fields, [sub(1)])).committed
    assert run(users, round_, kobo_csv(fields, [sub(1, uuid=newer)])).committed
    refused(users, round_, kobo_csv(fields, [sub(1)]), [
        f"Row 2, column _uuid: Submission uuid:{UUID_BALI} was already imported.",
    ])
