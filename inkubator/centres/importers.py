"""Spreadsheet import of host institutions, centres and grants.

Each row is parsed leniently (header variants, `KAB.`/`KOTA` prefixes, Indonesian numbers, stray spaces),
then validated with the same form used for manual entry, under the importing user's scope. A dry run
lists every error by row and column; a commit writes all rows in one transaction or none at all.
Re-importing upserts: centres on their code, hosts on name + regency, grants on centre + kind + year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkubator.centres import services
from inkubator.centres.choices import Accreditation, GrantKind, GrantStatus, HostKind, MaturityClass
from inkubator.centres.forms import CentreForm, GrantForm, HostInstitutionForm
from inkubator.centres.models import Centre, Grant, HostInstitution, Vocation
from inkubator.core import exports
from inkubator.core import permissions as perms
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import role_has_permission
from inkubator.core.spreadsheets import (
    SpreadsheetError,
    normalise_header,
    parse_coordinate,
    parse_decimal,
    read_table,
    region_key,
)
from inkubator.regions.models import Province, Regency


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self):
        return {"row": self.row, "column": self.column, "message": str(self.message)}


@dataclass
class ImportReport:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error

    def as_dict(self):
        return {
            "kind": self.kind, "rows": self.rows, "created": self.created, "updated": self.updated,
            "unchanged": self.unchanged, "errors": [e.as_dict() for e in self.errors],
            "file_error": self.file_error, "committed": self.committed,
        }


class RowInvalid(Exception):
    def __init__(self, column: str, message: str):
        self.column, self.message = column, message


# --- lenient value parsing -----------------------------------------------------------------------

HOST_KIND_WORDS = {
    "pesantren": HostKind.PESANTREN, "pondok pesantren": HostKind.PESANTREN, "ponpes": HostKind.PESANTREN,
    "pp": HostKind.PESANTREN, "seminari": HostKind.SEMINARI, "seminary": HostKind.SEMINARI,
    "dhammasekha": HostKind.DHAMMASEKHA, "pasraman": HostKind.PASRAMAN,
    "lembaga keagamaan": HostKind.RELIGIOUS, "lembaga keagamaan lainnya": HostKind.RELIGIOUS,
    "keagamaan": HostKind.RELIGIOUS, "religious": HostKind.RELIGIOUS,
    "serikat pekerja": HostKind.UNION, "serikat buruh": HostKind.UNION, "sp sb": HostKind.UNION,
    "union": HostKind.UNION, "trade union": HostKind.UNION,
    "komunitas": HostKind.COMMUNITY, "organisasi masyarakat": HostKind.COMMUNITY, "ormas": HostKind.COMMUNITY,
    "community": HostKind.COMMUNITY,
}
GRANT_KIND_WORDS = {
    "pembangunan": GrantKind.CONSTRUCTION, "pembangunan gedung": GrantKind.CONSTRUCTION,
    "pembangunan workshop": GrantKind.CONSTRUCTION, "konstruksi": GrantKind.CONSTRUCTION,
    "peralatan": GrantKind.EQUIPMENT, "peralatan pelatihan": GrantKind.EQUIPMENT,
    "operasional": GrantKind.OPERATIONAL, "operasional lembaga": GrantKind.OPERATIONAL,
    "program pelatihan": GrantKind.TRAINING, "pelatihan": GrantKind.TRAINING,
    "kewirausahaan": GrantKind.ENTREPRENEURSHIP, "wirausaha": GrantKind.ENTREPRENEURSHIP,
    "tkm": GrantKind.ENTREPRENEURSHIP, "inkubator": GrantKind.INCUBATOR, "lainnya": GrantKind.OTHER,
}
STATUS_WORDS = {"diterima": GrantStatus.RECEIVED, "terealisasi": GrantStatus.RECEIVED, "direncanakan": GrantStatus.PLANNED,
                "rencana": GrantStatus.PLANNED}


def choice_value(text: str, choices, words: dict | None = None) -> str | None:
    """Match a choice by code, label or a known Indonesian word, ignoring case and punctuation."""
    key = normalise_header(text)
    if not key:
        return ""
    for value, label in choices:
        if key in (normalise_header(value), normalise_header(label)):
            return value
        if normalise_header(str(label)).split(" ")[0] == key:
            return value
    if words and key in words:
        return words[key]
    return None


class RegionIndex:
    """Resolve regency names and codes as ministry spreadsheets write them."""

    def __init__(self):
        self.by_code = {}
        self.by_name: dict[tuple[str, str], list[Regency]] = {}
        self.by_bare: dict[str, list[Regency]] = {}
        for r in Regency.objects.select_related("province"):
            self.by_code[r.code] = r
            kind, bare = region_key(r.name)
            self.by_name.setdefault((kind, bare), []).append(r)
            self.by_bare.setdefault(bare, []).append(r)
        self.provinces = {}
        for p in Province.objects.all():
            self.provinces[p.code] = p
            self.provinces[normalise_header(p.name)] = p
        aliases = {"dki jakarta": "31", "jakarta": "31", "diy": "34", "yogyakarta": "34", "di yogyakarta": "34",
                   "babel": "19", "bangka belitung": "19", "kepri": "21", "jabar": "32", "jateng": "33",
                   "jatim": "35", "ntb": "52", "ntt": "53", "sulsel": "73", "sumut": "12", "sumbar": "13"}
        for name, code in aliases.items():
            self.provinces.setdefault(name, self.provinces.get(code))

    def province(self, text: str):
        key = normalise_header(text)
        if not key:
            return None
        digits = re.sub(r"\D", "", text)
        return self.provinces.get(digits) if digits and len(digits) == 2 else self.provinces.get(key)

    def regency(self, text: str, province_text: str = "") -> Regency:
        raw = str(text or "").strip()
        if not raw:
            raise RowInvalid("regency", _("This field is required."))
        digits = re.sub(r"[\s.]", "", raw)
        if digits.isdigit() and len(digits) == 4:
            regency = self.by_code.get(f"{digits[:2]}.{digits[2:]}")
            if regency is None:
                raise RowInvalid("regency", _("No regency/city has the code %(code)s.") % {"code": raw})
            return regency
        kind, bare = region_key(raw)
        candidates = self.by_name.get((kind, bare), []) if kind else self.by_bare.get(bare, [])
        if len(candidates) > 1 and province_text:
            province = self.province(province_text)
            candidates = [c for c in candidates if province and c.province_id == province.code]
        if not candidates:
            raise RowInvalid("regency", _("Unknown regency/city “%(name)s”.") % {"name": raw})
        if len(candidates) > 1:
            names = ", ".join(f"{c.name} ({c.province.name})" for c in candidates)
            raise RowInvalid(
                "regency",
                _("“%(name)s” is ambiguous (%(names)s): write KAB. or KOTA, or add the province.")
                % {"name": raw, "names": names},
            )
        return candidates[0]


def parse_int(text: str, column: str) -> int | None:
    if not str(text).strip():
        return None
    try:
        value = parse_decimal(text)
    except ValueError:
        raise RowInvalid(column, _("“%(value)s” is not a whole number.") % {"value": text})
    if value != value.to_integral_value():
        raise RowInvalid(column, _("“%(value)s” is not a whole number.") % {"value": text})
    return int(value)


# --- importers -----------------------------------------------------------------------------------


class BaseImporter:
    kind = ""
    label = gettext_lazy("records")
    aliases: dict[str, list[str]] = {}
    required: list[str] = []
    template_example: list[str] = []
    form_class = None

    def __init__(self, user):
        self.user = user
        self.regions = RegionIndex()

    def to_form_data(self, values: dict) -> tuple[dict, object | None]:
        """(form data, existing instance or None) for one row; raises RowInvalid."""
        raise NotImplementedError

    def natural_key(self, data: dict):
        raise NotImplementedError

    def save(self, form, instance):
        raise NotImplementedError


class HostImporter(BaseImporter):
    kind = "hosts"
    label = gettext_lazy("host institutions")
    form_class = HostInstitutionForm
    aliases = {
        "name": ["nama", "nama lembaga", "lembaga", "lembaga induk", "nama lembaga induk", "host"],
        "kind": ["jenis", "jenis lembaga", "tipe lembaga", "kategori lembaga"],
        "foundation": ["yayasan", "nama yayasan", "badan hukum"],
        "province": ["provinsi", "prov", "propinsi"],
        "regency": ["kabupaten kota", "kab kota", "kabupaten", "kota", "kab", "regency"],
        "address": ["alamat", "alamat lembaga"],
    }
    required = ["name", "kind", "regency"]
    template_example = ["Pondok Pesantren Al-Ikhlas", "Pondok Pesantren", "Yayasan Al-Ikhlas", "Jawa Barat", "KAB. BOGOR", "Jl. Raya Cibinong No. 12"]

    def to_form_data(self, values):
        regency = self.regions.regency(values.get("regency", ""), values.get("province", ""))
        kind = choice_value(values.get("kind", ""), HostKind.choices, HOST_KIND_WORDS)
        if kind is None:
            raise RowInvalid("kind", _("Unknown host kind “%(value)s”.") % {"value": values.get("kind")})
        name = values.get("name", "").strip()
        instance = HostInstitution.objects.filter(name__iexact=name, regency=regency).first() if name else None
        data = {"name": name, "kind": kind, "foundation": values.get("foundation", ""), "regency": regency.pk,
                "address": values.get("address", "")}
        return data, instance

    def natural_key(self, data):
        return (data["name"].lower(), data["regency"])

    def save(self, form, instance):
        if instance is None:
            return services.host_create(actor=self.user, data=form.service_data(), action=AuditEntry.Action.IMPORT), True
        return services.host_update(actor=self.user, host=instance, data=form.service_data(), action=AuditEntry.Action.IMPORT), False


class CentreImporter(BaseImporter):
    kind = "centres"
    label = gettext_lazy("centres")
    form_class = CentreForm
    aliases = {
        "code": ["kode", "kode blk", "kode blkk", "vin", "no vin", "nomor vin", "kode vin", "nomor induk"],
        "name": ["nama", "nama blk", "nama blkk", "nama blk komunitas", "blk komunitas"],
        "host": ["lembaga", "nama lembaga", "lembaga induk", "lembaga pengusul", "yayasan", "host"],
        "host_kind": ["jenis lembaga", "tipe lembaga"],
        "province": ["provinsi", "prov", "propinsi"],
        "regency": ["kabupaten kota", "kab kota", "kabupaten", "kota", "kab", "regency"],
        "address": ["alamat", "alamat blk"],
        "latitude": ["lintang", "lat", "latitude"],
        "longitude": ["bujur", "lon", "lng", "long", "longitude"],
        "established_year": ["tahun", "tahun bantuan", "tahun pembangunan", "tahun berdiri", "tahun anggaran"],
        "vocation": ["kejuruan", "bidang kejuruan", "program kejuruan", "vocation"],
        "instructors": ["instruktur", "jumlah instruktur", "jml instruktur"],
        "facilities": ["sarana prasarana", "sarpras", "fasilitas"],
        "licence_number": ["izin operasional", "nomor izin", "no izin", "izin"],
        "accreditation": ["akreditasi", "status akreditasi"],
        "maturity_class": ["klasifikasi", "kelas", "kategori", "klasifikasi blk", "maturity class"],
    }
    required = ["code", "name", "host", "regency", "established_year", "vocation"]
    template_example = [
        "1912321401", "BLK Komunitas Al-Ikhlas", "Pondok Pesantren Al-Ikhlas", "Pondok Pesantren", "Jawa Barat",
        "KAB. BOGOR", "Jl. Raya Cibinong No. 12", -6.4817, 106.854, 2019, "Teknik Las", 2,
        "Workshop 160 m2, 8 mesin las", "503/12-DPMPTSP/2020", "", "Berkembang",
    ]

    def __init__(self, user):
        super().__init__(user)
        self.vocations = {}
        for v in Vocation.objects.all():
            for key in (v.code, v.name, v.name_en):
                if key:
                    self.vocations[normalise_header(key)] = v

    def to_form_data(self, values):
        province_text = values.get("province", "")
        regency = self.regions.regency(values.get("regency", ""), province_text)
        host_name = values.get("host", "").strip()
        if not host_name:
            raise RowInvalid("host", _("This field is required."))
        host = HostInstitution.objects.filter(name__iexact=host_name, regency=regency).first() or (
            HostInstitution.objects.filter(name__iexact=host_name, regency__province=regency.province).first()
        )
        if host is None:
            kind = choice_value(values.get("host_kind", ""), HostKind.choices, HOST_KIND_WORDS)
            if not kind:
                raise RowInvalid(
                    "host",
                    _("Host institution “%(name)s” is not registered; import it first or fill in the host kind column.")
                    % {"name": host_name},
                )
            host = ("new", host_name, kind, regency)
        vocation = self.vocations.get(normalise_header(values.get("vocation", "")))
        if vocation is None:
            raise RowInvalid("vocation", _("Unknown vocation “%(value)s”.") % {"value": values.get("vocation", "")})
        maturity = choice_value(values.get("maturity_class", ""), MaturityClass.choices)
        if maturity is None:
            raise RowInvalid("maturity_class", _("Use Tumbuh, Berkembang or Mandiri."))
        accreditation = choice_value(values.get("accreditation", ""), Accreditation.choices,
                                     {"belum": "", "tidak": "", "belum terakreditasi": ""})
        if accreditation is None:
            raise RowInvalid("accreditation", _("Use A, B, C or leave it empty."))
        data = {
            "code": re.sub(r"\s+", "", values.get("code", "")),
            "name": values.get("name", ""),
            "host": host,
            "regency": regency.pk,
            "address": values.get("address", ""),
            "established_year": parse_int(values.get("established_year", ""), "established_year"),
            "vocation": vocation.pk,
            "instructors": parse_int(values.get("instructors", ""), "instructors") or 0,
            "facilities": values.get("facilities", ""),
            "licence_number": values.get("licence_number", ""),
            "accreditation": accreditation,
            "maturity_class": maturity,
        }
        for name in ("latitude", "longitude"):
            text = values.get(name, "").strip()
            if text:
                try:
                    data[name] = str(parse_coordinate(text))
                except ValueError:
                    raise RowInvalid(name, _("“%(value)s” is not a coordinate.") % {"value": text})
        instance = Centre.objects.filter(code=data["code"]).first() if data["code"] else None
        return data, instance

    def natural_key(self, data):
        return data["code"]

    def prepare_form_data(self, data):
        # A host that will be created in this import is not in the form's choices yet.
        form_data = dict(data)
        if isinstance(data["host"], tuple):
            form_data["host"] = None
        else:
            form_data["host"] = data["host"].pk
        return form_data

    def save(self, form, instance, data=None):
        payload = form.service_data()
        if data and isinstance(data["host"], tuple):
            _, name, kind, regency = data["host"]
            host = HostInstitution.objects.filter(name__iexact=name, regency=regency).first() or services.host_create(
                actor=self.user, data={"name": name, "kind": kind, "regency": regency}, action=AuditEntry.Action.IMPORT
            )
            payload["host"] = host
        if instance is None:
            return services.centre_create(actor=self.user, data=payload, action=AuditEntry.Action.IMPORT), True
        return services.centre_update(actor=self.user, centre=instance, data=payload, action=AuditEntry.Action.IMPORT), False


class GrantImporter(BaseImporter):
    kind = "grants"
    label = gettext_lazy("grants")
    form_class = GrantForm
    aliases = {
        "code": ["kode", "kode blk", "kode blkk", "vin", "no vin", "nomor vin", "kode vin"],
        "kind": ["jenis", "jenis bantuan", "bantuan", "kind"],
        "year": ["tahun", "tahun anggaran", "tahun bantuan"],
        "amount": ["nilai", "nilai bantuan", "jumlah", "jumlah bantuan", "anggaran", "nominal", "amount"],
        "status": ["status", "status bantuan"],
        "note": ["keterangan", "catatan", "note"],
    }
    required = ["code", "kind", "year", "amount"]
    template_example = ["1912321401", "Pembangunan gedung", 2019, 500000000, "Diterima", "Workshop 10 x 16 m"]

    def to_form_data(self, values):
        code = re.sub(r"\s+", "", values.get("code", ""))
        centre = Centre.objects.visible_to(self.user, perms.REGISTRY_VIEW).filter(code=code).first()
        if centre is None:
            raise RowInvalid("code", _("No centre with code “%(code)s” in your scope.") % {"code": code})
        kind = choice_value(values.get("kind", ""), GrantKind.choices, GRANT_KIND_WORDS)
        if not kind:
            raise RowInvalid("kind", _("Unknown grant kind “%(value)s”.") % {"value": values.get("kind", "")})
        status = choice_value(values.get("status", ""), GrantStatus.choices, STATUS_WORDS) or GrantStatus.RECEIVED
        amount_text = values.get("amount", "")
        try:
            amount = parse_decimal(amount_text)
        except ValueError:
            raise RowInvalid("amount", _("“%(value)s” is not an amount in Rupiah.") % {"value": amount_text})
        year = parse_int(values.get("year", ""), "year")
        data = {"centre": centre.pk, "kind": kind, "year": year, "amount": str(amount), "status": status,
                "note": values.get("note", "")}
        instance = Grant.objects.filter(centre=centre, kind=kind, year=year).first() if year else None
        return data, instance

    def natural_key(self, data):
        return (data["centre"], data["kind"], data["year"])

    def save(self, form, instance):
        if instance is None:
            return services.grant_create(actor=self.user, data=form.service_data(), action=AuditEntry.Action.IMPORT), True
        return services.grant_update(actor=self.user, grant=instance, data=form.service_data(), action=AuditEntry.Action.IMPORT), False


IMPORTERS = {cls.kind: cls for cls in (HostImporter, CentreImporter, GrantImporter)}


def _plain_value(value):
    from inkubator.core.audit import _plain

    return _plain(value)


def _would_change(before: dict, data: dict) -> bool:
    """Would saving `data` change the record whose values were `before`? Unchanged rows are not rewritten."""
    for name, value in data.items():
        if isinstance(value, tuple):  # a host to be created
            return True
        if not _same(before.get(name), _plain_value(value)):
            return True
    return False


def _same(a, b) -> bool:
    """Equal values, with numbers compared as numbers ("500000000.00" equals "500000000")."""
    if a == b:
        return True
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (InvalidOperation, ValueError, TypeError):
        return False


def _header_labels(importer) -> dict[str, str]:
    return {name: (names[0] if names else name) for name, names in importer.aliases.items()}


def import_run(*, actor, kind: str, data: bytes, filename: str = "", dry_run: bool = True, progress=None) -> ImportReport:
    """Validate (and unless `dry_run`, write) a spreadsheet. Nothing is written if any row has an error."""
    report = ImportReport(kind=kind)
    if not role_has_permission(actor, perms.REGISTRY_IMPORT):
        raise PermissionDenied(_("You do not have permission to import registry data."))
    importer = IMPORTERS[kind](actor)
    try:
        sheet = read_table(data, importer.aliases, required=importer.required, filename=filename,
                           labels=_header_labels(importer))
    except SpreadsheetError as exc:
        report.file_error = str(exc)
        return report
    headers = _header_labels(importer)
    report.rows = len(sheet.rows)
    if not sheet.rows:
        report.file_error = _("The file has a header but no data rows.")
        return report
    prepared = []
    seen = {}
    for index, (row_number, values) in enumerate(sheet.rows):
        if progress and index % 200 == 0:
            progress(index, len(sheet.rows) * (1 if dry_run else 2))
        try:
            form_data, instance = importer.to_form_data(values)
        except RowInvalid as exc:
            report.errors.append(RowError(row_number, headers.get(exc.column, exc.column), exc.message))
            continue
        key = importer.natural_key(form_data)
        if key in seen:
            report.errors.append(
                RowError(row_number, headers.get(importer.required[0]),
                         _("Duplicate of row %(row)s in this file.") % {"row": seen[key]})
            )
            continue
        seen[key] = row_number
        before = {name: _plain_value(getattr(instance, name)) for name in importer.form_class._meta.fields} if instance else None
        bound = importer.prepare_form_data(form_data) if hasattr(importer, "prepare_form_data") else form_data
        form = importer.form_class(data=bound, instance=instance, user=actor)
        if hasattr(importer, "prepare_form_data") and isinstance(form_data.get("host"), tuple):
            form.fields["host"].required = False
        if not form.is_valid():
            for name, messages in form.errors.items():
                column = headers.get(name, name) if name != "__all__" else ""
                for message in messages:
                    report.errors.append(RowError(row_number, column, message))
            continue
        changed = instance is None or _would_change(before, form.service_data())
        if not changed:
            report.unchanged += 1
        prepared.append((row_number, form, instance, form_data, changed))
    if report.errors:
        report.errors.sort(key=lambda e: e.row)
        return report
    if dry_run:
        for _row, _form, instance, _data, changed in prepared:
            if instance is None:
                report.created += 1
            elif changed:
                report.updated += 1
        return report
    try:
        with transaction.atomic():
            for index, (row_number, form, instance, form_data, changed) in enumerate(prepared):
                if not changed:
                    continue
                if progress and index % 200 == 0:
                    progress(len(prepared) + index, len(prepared) * 2)
                try:
                    if importer.kind == "centres":
                        _obj, created = importer.save(form, instance, form_data)
                    else:
                        _obj, created = importer.save(form, instance)
                except ValidationError as exc:
                    for name, messages in exc.message_dict.items() if hasattr(exc, "message_dict") else [("", exc.messages)]:
                        for message in messages:
                            report.errors.append(RowError(row_number, headers.get(name, name), message))
                    raise
                except PermissionDenied as exc:
                    report.errors.append(RowError(row_number, headers.get("regency", ""), str(exc)))
                    raise
                if created:
                    report.created += 1
                else:
                    report.updated += 1
    except (ValidationError, PermissionDenied):
        report.created = report.updated = 0
        return report
    report.committed = True
    return report


def import_template(kind: str) -> tuple[list[str], list[list[str]]]:
    """Headers (Indonesian, as the ministry writes them) and one example row for a downloadable template."""
    importer = IMPORTERS[kind]
    headers = [names[0] if names else name for name, names in importer.aliases.items()]
    return headers, [importer.template_example]


def template_response(kind: str, fmt: str = "xlsx"):
    headers, rows = import_template(kind)
    return exports.export_response(fmt, f"template-{kind}", [h.upper() for h in headers], rows)


def run_import_job(job, progress) -> dict:
    """Job handler: dry run or commit of an uploaded spreadsheet."""
    from inkubator.core.jobs import JobFailed

    job.input_file.open("rb")
    try:
        data = job.input_file.read()
    finally:
        job.input_file.close()
    report = import_run(
        actor=job.created_by, kind=job.params["kind"], data=data, filename=job.input_file.name,
        dry_run=job.params.get("dry_run", True), progress=progress,
    )
    job.errors = [e.as_dict() for e in report.errors]
    if report.file_error:
        job.errors = [{"row": "", "column": "", "message": report.file_error}]
    job.save(update_fields=["errors"])
    if not job.params.get("dry_run", True) and not report.ok:
        raise JobFailed(_("Nothing was imported: fix the errors listed below and upload the file again."))
    if report.file_error:
        raise JobFailed(report.file_error)
    return report.as_dict()
