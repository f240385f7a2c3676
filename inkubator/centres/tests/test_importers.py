"""Import of ministry spreadsheets: messy input understood, bad input refused by row and column, nothing
half-written, re-import upserts on the centre code, every write audited."""

import io
import zipfile
from decimal import Decimal

import pytest
import xlsxwriter

from inkubator.centres.importers import import_run
from inkubator.centres.models import Centre, Grant, HostInstitution
from inkubator.core.exports import write_xlsx
from inkubator.core.models import AuditEntry
from inkubator.core.spreadsheets import parse_decimal, region_key

pytestmark = pytest.mark.django_db


def xlsx(rows, *, title=None):
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    offset = 0
    if title:
        sheet.write(0, 0, title)
        offset = 2
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r + offset, c, value)
    book.close()
    return buffer.getvalue()


MESSY_HEADER = [
    "No",
    "  KODE VIN ",
    "Nama BLK Komunitas",
    "Lembaga Induk",
    "Jenis Lembaga",
    "PROVINSI",
    "Kab/Kota",
    "Tahun Bantuan",
    "Kejuruan",
    "Jumlah Instruktur",
    "Klasifikasi",
]


def messy_rows():
    return [
        MESSY_HEADER,
        [
            1,
            "1935000101",
            "BLK Komunitas Al-Ikhlas",
            "Pondok Pesantren Al-Ikhlas",
            "Ponpes",
            "JAWA TIMUR",
            "KAB.  MALANG",
            2019,
            "teknik las",
            2,
            "BERKEMBANG",
        ],
        [
            2,
            "1932000102 ",
            "  BLK Komunitas Darul Hikmah",
            "Pondok Pesantren Darul Hikmah",
            "pondok pesantren",
            "Jawa Barat",
            "kota depok",
            "2020",
            "Multimedia",
            "3",
            "tumbuh",
        ],
        [
            3,
            "2151000103",
            "BLK Komunitas Saraswati",
            "Pasraman Saraswati",
            "Pasraman",
            "Bali",
            "Kabupaten Gianyar",
            2021.0,
            "Kuliner",
            1,
            "",
        ],
    ]


def test_messy_spreadsheet_with_title_row_imports(users):
    admin = users["national_admin"]
    data = xlsx(messy_rows(), title="DAFTAR BLK KOMUNITAS TAHUN 2019-2021")
    check = import_run(actor=admin, kind="centres", data=data, filename="blk.xlsx", dry_run=True)
    assert check.errors == [] and check.file_error == ""
    assert (check.rows, check.counts["created"], check.counts["updated"]) == (3, 3, 0)
    assert not Centre.objects.filter(code__in=["1935000101", "1932000102", "2151000103"]).exists()

    report = import_run(actor=admin, kind="centres", data=data, filename="blk.xlsx", dry_run=False)
    assert report.committed and (report.counts["created"], report.counts["updated"]) == (3, 0)
    malang = Centre.objects.get(code="1935000101")
    assert (malang.regency_id, malang.maturity_class, malang.instructors, malang.established_year) == (
        "35.07",
        "berkembang",
        2,
        2019,
    )
    assert malang.host.kind == "pesantren" and malang.vocation.code == "teknik-las"
    depok = Centre.objects.get(code="1932000102")
    assert (depok.name, depok.regency_id, depok.vocation.code) == (
        "BLK Komunitas Darul Hikmah",
        "32.76",
        "multimedia",
    )
    assert Centre.objects.get(code="2151000103").host.kind == "pasraman"
    assert AuditEntry.objects.filter(action="import", content_type__model="centre").count() == 3
    assert AuditEntry.objects.filter(action="import", content_type__model="hostinstitution").count() == 3


def test_reimport_upserts_on_code(users):
    admin = users["national_admin"]
    import_run(actor=admin, kind="centres", data=xlsx(messy_rows()), dry_run=False)
    rows = messy_rows()
    rows[1][2] = "BLK Komunitas Al-Ikhlas Malang"
    report = import_run(actor=admin, kind="centres", data=xlsx(rows), dry_run=False)
    assert (report.counts["created"], report.counts["updated"], report.counts["unchanged"]) == (0, 1, 2)
    assert Centre.objects.filter(code="1935000101").count() == 1
    assert Centre.objects.get(code="1935000101").name == "BLK Komunitas Al-Ikhlas Malang"
    entry = AuditEntry.objects.filter(action="import", content_type__model="centre").first()
    assert entry.changes["name"] == ["BLK Komunitas Al-Ikhlas", "BLK Komunitas Al-Ikhlas Malang"]


def test_one_bad_row_writes_nothing_and_names_row_and_column(users):
    rows = messy_rows()
    rows[2][6] = "Kota Atlantis"  # unknown regency on file row 3
    rows[3][7] = "dua ribu"  # bad year on file row 4
    before = (Centre.objects.count(), HostInstitution.objects.count(), AuditEntry.objects.count())
    report = import_run(actor=users["national_admin"], kind="centres", data=xlsx(rows), dry_run=False)
    assert not report.committed
    assert [(e.row, e.column) for e in report.errors] == [(3, "kabupaten kota"), (4, "tahun")]
    assert "Atlantis" in report.errors[0].message
    assert (Centre.objects.count(), HostInstitution.objects.count(), AuditEntry.objects.count()) == before


def test_validation_errors_come_from_the_entry_form(users):
    rows = messy_rows()
    rows[1][7] = 2010  # before the programme began: the form's MinValueValidator(2017)
    rows[2][1] = "x"  # code too short
    report = import_run(actor=users["national_admin"], kind="centres", data=xlsx(rows), dry_run=True)
    assert [(e.row, e.column) for e in report.errors] == [(2, "tahun"), (3, "kode")]


def test_duplicate_code_in_one_file_is_refused(users):
    rows = messy_rows()
    rows[3][1] = "1935000101"
    report = import_run(actor=users["national_admin"], kind="centres", data=xlsx(rows), dry_run=True)
    assert [(e.row, e.column) for e in report.errors] == [(4, "kode")]
    assert " 2 " in report.errors[0].message


def test_rows_outside_the_importers_scope_are_refused(users):
    """A regional officer for Jawa Timur cannot import a centre in Jawa Barat."""
    report = import_run(
        actor=users["regional_officer"], kind="centres", data=xlsx(messy_rows()), dry_run=True
    )
    assert {e.row for e in report.errors} == {3, 4}
    assert Centre.objects.filter(code="1935000101").count() == 0


def test_researcher_may_not_import(users):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_run(actor=users["researcher"], kind="centres", data=xlsx(messy_rows()), dry_run=True)


@pytest.mark.parametrize(
    "payload,needle",
    [
        (b"", "kosong"),
        (b"   \n  ", "kosong"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "bukan lembar kerja"),
        (b"%PDF-1.7\n1 0 obj", "bukan lembar kerja"),
    ],
)
def test_files_that_are_not_spreadsheets_are_refused(users, payload, needle):
    report = import_run(actor=users["national_admin"], kind="centres", data=payload, dry_run=True)
    assert report.file_error
    assert report.rows == 0


def test_macro_workbook_is_refused(users):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/vbaProject.bin", b"\x00macro")
    report = import_run(actor=users["national_admin"], kind="centres", data=buffer.getvalue(), dry_run=True)
    assert "makro" in report.file_error.lower() or "macro" in report.file_error.lower()


def test_oversized_file_is_refused(users, settings):
    settings.INKUBATOR_IMPORT_MAX_BYTES = 1000
    report = import_run(actor=users["national_admin"], kind="centres", data=b"a,b\n" * 400, dry_run=True)
    from django.template.defaultfilters import filesizeformat

    assert filesizeformat(1600) in report.file_error and filesizeformat(1000) in report.file_error
    assert Centre.objects.count() == 5


def test_missing_required_columns_are_named(users):
    data = xlsx([["Kode", "Nama"], ["1935000101", "BLK"]])
    report = import_run(actor=users["national_admin"], kind="centres", data=data, dry_run=True)
    assert "LEMBAGA, KABUPATEN KOTA, TAHUN, KEJURUAN" in report.file_error


def test_csv_with_semicolons_and_indonesian_amounts_imports_grants(users, registry):
    csv_text = (
        "KODE BLK;JENIS BANTUAN;TAHUN;NILAI BANTUAN (RP);KETERANGAN\n"
        "2035000001;Pembangunan Gedung;2020;1.234.567,50;Workshop\n"
        '2035000001;Peralatan;2020;Rp 350.000.000;=HYPERLINK("x")\n'
    )
    report = import_run(
        actor=users["national_admin"], kind="grants", data=csv_text.encode("cp1252"), dry_run=False
    )
    assert report.committed and report.counts["created"] == 2
    grant = Grant.objects.get(centre=registry["sby"], kind="construction", year=2020)
    assert grant.amount == Decimal("1234567.50")
    assert Grant.objects.get(centre=registry["sby"], kind="equipment").amount == Decimal("350000000")


def test_grant_rows_for_unknown_centre_are_named(users):
    data = write_xlsx(
        ["Kode BLK", "Jenis Bantuan", "Tahun", "Nilai"], [["0000000000", "Peralatan", 2020, 1000]]
    )
    report = import_run(actor=users["national_admin"], kind="grants", data=data, dry_run=True)
    assert [(e.row, e.column) for e in report.errors] == [(2, "kode")]


def test_hosts_import(users):
    data = xlsx(
        [
            ["Nama Lembaga", "Jenis", "Yayasan", "Provinsi", "Kabupaten/Kota", "Alamat"],
            [
                "Seminari Menengah St. Rafael",
                "Seminari",
                "Yayasan St. Rafael",
                "NTT",
                "KAB. SIKKA",
                "Maumere",
            ],
        ]
    )
    report = import_run(actor=users["national_admin"], kind="hosts", data=data, dry_run=False)
    assert report.committed and report.counts["created"] == 1
    host = HostInstitution.objects.get(name="Seminari Menengah St. Rafael")
    assert (host.kind, host.regency.name) == ("seminari", "Kabupaten Sikka")


@pytest.mark.parametrize(
    "text,value",
    [
        ("1.234.567,00", Decimal("1234567.00")),
        ("Rp1.250.000", Decimal("1250000")),
        ("1,234,567.5", Decimal("1234567.5")),
        ("350000000", Decimal("350000000")),
        ("12,5", Decimal("12.5")),
        (" 2019 ", Decimal("2019")),
    ],
)
def test_parse_decimal(text, value):
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1.2.3,4,5", "NaN", "Infinity"])
def test_parse_decimal_refuses(text):
    with pytest.raises(ValueError):
        parse_decimal(text)


@pytest.mark.parametrize(
    "text,key",
    [
        ("KAB. BOGOR", ("kabupaten", "bogor")),
        ("Kota  Depok", ("kota", "depok")),
        ("kabupaten bogor", ("kabupaten", "bogor")),
        ("Kota Administrasi Jakarta Pusat", ("kota", "jakarta pusat")),
        ("Malang", ("", "malang")),
    ],
)
def test_region_key(text, key):
    assert region_key(text) == key


def test_import_through_pages_dry_run_then_commit(client, users, django_capture_on_commit_callbacks):
    client.force_login(users["national_admin"])
    upload = io.BytesIO(xlsx(messy_rows()))
    upload.name = "blk.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/impor/", {"kind": "centres", "file": upload})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.context["job"].status == "succeeded"
    assert page.context["job"].result["created"] == 3
    assert Centre.objects.count() == 5
    with django_capture_on_commit_callbacks(execute=True):
        commit = client.post(response["Location"] + "simpan/")
    done = client.get(commit["Location"])
    assert done.context["job"].status == "succeeded"
    assert done.context["job"].result["committed"] is True
    assert Centre.objects.count() == 8


def test_import_page_lists_errors(client, users, django_capture_on_commit_callbacks):
    rows = messy_rows()
    rows[2][6] = "Kota Atlantis"
    client.force_login(users["national_admin"])
    upload = io.BytesIO(xlsx(rows))
    upload.name = "blk.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/impor/", {"kind": "centres", "file": upload})
    page = client.get(response["Location"])
    assert page.context["job"].errors == [
        {"row": 3, "column": "kabupaten kota", "message": page.context["job"].errors[0]["message"]}
    ]
    assert "Atlantis" in page.content.decode()
    # A checked file with errors cannot be committed.
    client.post(response["Location"] + "simpan/")
    assert Centre.objects.count() == 5


def test_templates_download_as_real_xlsx(client, users):
    client.force_login(users["national_admin"])
    response = client.get("/impor/templat/centres/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert zipfile.ZipFile(io.BytesIO(response.content)).testzip() is None
    # The template itself imports cleanly once its example host kind is known.
    report = import_run(actor=users["national_admin"], kind="centres", data=response.content, dry_run=True)
    assert report.errors == [] and report.counts["created"] == 1


def test_row_numbers_count_empty_rows_as_the_file_shows_them(users):
    rows = messy_rows()
    rows.insert(2, ["", "", ""])  # an empty line 3 in the file
    rows[3][6] = "Kota Atlantis"  # now on file line 4
    report = import_run(actor=users["national_admin"], kind="centres", data=xlsx(rows), dry_run=True)
    assert [(e.row, e.column) for e in report.errors] == [(4, "kabupaten kota")]


def test_semicolon_csv_with_title_row_and_decimal_commas(users, registry):
    text = (
        "Rekap Bantuan BLK Komunitas 2020\n"
        "KODE BLK;JENIS BANTUAN;TAHUN;NILAI\n"
        "2035000001;Peralatan;2020;1.000,00\n"
        "2035000002;Peralatan;2020;2.500.000,50\n"
    )
    report = import_run(actor=users["national_admin"], kind="grants", data=text.encode(), dry_run=False)
    assert report.committed and report.counts["created"] == 2
    assert Grant.objects.get(centre=registry["mlg"]).amount == Decimal("2500000.50")


def test_reimporting_unchanged_grants_rewrites_nothing(users, registry):
    data = write_xlsx(
        ["Kode BLK", "Jenis Bantuan", "Tahun", "Nilai"], [["2035000001", "Peralatan", 2020, 500000000]]
    )
    import_run(actor=users["national_admin"], kind="grants", data=data, dry_run=False)
    entries = AuditEntry.objects.count()
    again = import_run(actor=users["national_admin"], kind="grants", data=data, dry_run=False)
    assert (again.counts["created"], again.counts["updated"], again.counts["unchanged"]) == (0, 0, 1)
    assert AuditEntry.objects.count() == entries
