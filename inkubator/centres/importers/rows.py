"""What each kind of registry row holds: its columns, how a row becomes the manual-entry form's data,
its natural key (the upsert key), and how it is saved through the services."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkubator.centres import services
from inkubator.centres.choices import Accreditation, GrantKind, GrantStatus, HostKind, MaturityClass
from inkubator.centres.forms import CentreForm, GrantForm, HostInstitutionForm
from inkubator.centres.importers.values import (
    GRANT_KIND_WORDS,
    HOST_KIND_WORDS,
    STATUS_WORDS,
    RegionIndex,
    RowInvalid,
    choice_value,
    parse_int,
)
from inkubator.centres.models import Centre, Grant, HostInstitution, Vocation
from inkubator.centres.permissions import REGISTRY_VIEW
from inkubator.core.models import AuditEntry
from inkubator.core.spreadsheets import normalise_header, parse_coordinate, parse_decimal

# The upsert keys are unique across the whole registry: a row must find the existing record even
# outside the importer's scope, so that the write is refused (by the service's scope check) instead of
# creating a duplicate.
UPSERT = "an upsert key is unique across the registry; the service refuses out-of-scope writes"


class RowKind:
    """One kind of registry row (hosts, centres, grants)."""

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

    def prepare_form_data(self, data: dict) -> dict:
        """The data bound to the form (a kind may hold values the form cannot take yet)."""
        return data

    def bind(self, data: dict, instance, user):
        """The manual-entry form bound to one row's data."""
        return self.form_class(data=self.prepare_form_data(data), instance=instance, user=user)

    def save(self, form, instance, data: dict):
        """Write one checked row; returns (object, created)."""
        raise NotImplementedError


class HostRows(RowKind):
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
    template_example = [
        "Pondok Pesantren Al-Ikhlas",
        "Pondok Pesantren",
        "Yayasan Al-Ikhlas",
        "Jawa Barat",
        "KAB. BOGOR",
        "Jl. Raya Cibinong No. 12",
    ]

    def to_form_data(self, values):
        regency = self.regions.regency(values.get("regency", ""), values.get("province", ""))
        kind = choice_value(values.get("kind", ""), HostKind.choices, HOST_KIND_WORDS)
        if kind is None:
            raise RowInvalid("kind", _("Unknown host kind “%(value)s”.") % {"value": values.get("kind")})
        name = values.get("name", "").strip()
        instance = (
            HostInstitution.objects.unscoped(reason=UPSERT).filter(name__iexact=name, regency=regency).first()
            if name
            else None
        )
        data = {
            "name": name,
            "kind": kind,
            "foundation": values.get("foundation", ""),
            "regency": regency.pk,
            "address": values.get("address", ""),
        }
        return data, instance

    def natural_key(self, data):
        return (data["name"].lower(), data["regency"])

    def save(self, form, instance, data):
        if instance is None:
            return services.host_create(
                actor=self.user, data=form.service_data(), action=AuditEntry.Action.IMPORT
            ), True
        return services.host_update(
            actor=self.user, host=instance, data=form.service_data(), action=AuditEntry.Action.IMPORT
        ), False


class CentreRows(RowKind):
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
        "established_year": [
            "tahun",
            "tahun bantuan",
            "tahun pembangunan",
            "tahun berdiri",
            "tahun anggaran",
        ],
        "vocation": ["kejuruan", "bidang kejuruan", "program kejuruan", "vocation"],
        "instructors": ["instruktur", "jumlah instruktur", "jml instruktur"],
        "facilities": ["sarana prasarana", "sarpras", "fasilitas"],
        "licence_number": ["izin operasional", "nomor izin", "no izin", "izin"],
        "accreditation": ["akreditasi", "status akreditasi"],
        "maturity_class": ["klasifikasi", "kelas", "kategori", "klasifikasi blk", "maturity class"],
    }
    required = ["code", "name", "host", "regency", "established_year", "vocation"]
    template_example = [
        "1912321401",
        "BLK Komunitas Al-Ikhlas",
        "Pondok Pesantren Al-Ikhlas",
        "Pondok Pesantren",
        "Jawa Barat",
        "KAB. BOGOR",
        "Jl. Raya Cibinong No. 12",
        -6.4817,
        106.854,
        2019,
        "Teknik Las",
        2,
        "Workshop 160 m2, 8 mesin las",
        "503/12-DPMPTSP/2020",
        "",
        "Berkembang",
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
        hosts = HostInstitution.objects.unscoped(reason=UPSERT)
        host = hosts.filter(name__iexact=host_name, regency=regency).first() or (
            hosts.filter(name__iexact=host_name, regency__province=regency.province).first()
        )
        if host is None:
            kind = choice_value(values.get("host_kind", ""), HostKind.choices, HOST_KIND_WORDS)
            if not kind:
                raise RowInvalid(
                    "host",
                    _(
                        "Host institution “%(name)s” is not registered; import it first or fill in the host kind column."
                    )
                    % {"name": host_name},
                )
            host = ("new", host_name, kind, regency)
        vocation = self.vocations.get(normalise_header(values.get("vocation", "")))
        if vocation is None:
            raise RowInvalid(
                "vocation", _("Unknown vocation “%(value)s”.") % {"value": values.get("vocation", "")}
            )
        maturity = choice_value(values.get("maturity_class", ""), MaturityClass.choices)
        if maturity is None:
            raise RowInvalid("maturity_class", _("Use Tumbuh, Berkembang or Mandiri."))
        accreditation = choice_value(
            values.get("accreditation", ""),
            Accreditation.choices,
            {"belum": "", "tidak": "", "belum terakreditasi": ""},
        )
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
        instance = (
            Centre.objects.unscoped(reason=UPSERT).filter(code=data["code"]).first() if data["code"] else None
        )
        return data, instance

    def natural_key(self, data):
        return data["code"]

    def bind(self, data, instance, user):
        form = super().bind(data, instance, user)
        if isinstance(data.get("host"), tuple):  # a host this import creates: not a choice of the form yet
            form.fields["host"].required = False
        return form

    def prepare_form_data(self, data):
        # A host that will be created in this import is not in the form's choices yet.
        form_data = dict(data)
        if isinstance(data["host"], tuple):
            form_data["host"] = None
        else:
            form_data["host"] = data["host"].pk
        return form_data

    def save(self, form, instance, data):
        payload = form.service_data()
        if isinstance(data["host"], tuple):
            _, name, kind, regency = data["host"]
            host = HostInstitution.objects.unscoped(reason=UPSERT).filter(
                name__iexact=name, regency=regency
            ).first() or services.host_create(
                actor=self.user,
                data={"name": name, "kind": kind, "regency": regency},
                action=AuditEntry.Action.IMPORT,
            )
            payload["host"] = host
        if instance is None:
            return services.centre_create(
                actor=self.user, data=payload, action=AuditEntry.Action.IMPORT
            ), True
        return services.centre_update(
            actor=self.user, centre=instance, data=payload, action=AuditEntry.Action.IMPORT
        ), False


class GrantRows(RowKind):
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
        centre = Centre.objects.visible_to(self.user, REGISTRY_VIEW).filter(code=code).first()
        if centre is None:
            raise RowInvalid("code", _("No centre with code “%(code)s” in your scope.") % {"code": code})
        kind = choice_value(values.get("kind", ""), GrantKind.choices, GRANT_KIND_WORDS)
        if not kind:
            raise RowInvalid("kind", _("Unknown grant kind “%(value)s”.") % {"value": values.get("kind", "")})
        status = (
            choice_value(values.get("status", ""), GrantStatus.choices, STATUS_WORDS) or GrantStatus.RECEIVED
        )
        amount_text = values.get("amount", "")
        try:
            amount = parse_decimal(amount_text)
        except ValueError:
            raise RowInvalid("amount", _("“%(value)s” is not an amount in Rupiah.") % {"value": amount_text})
        year = parse_int(values.get("year", ""), "year")
        data = {
            "centre": centre.pk,
            "kind": kind,
            "year": year,
            "amount": str(amount),
            "status": status,
            "note": values.get("note", ""),
        }
        instance = (
            Grant.objects.unscoped(reason=UPSERT).filter(centre=centre, kind=kind, year=year).first()
            if year
            else None
        )
        return data, instance

    def natural_key(self, data):
        return (data["centre"], data["kind"], data["year"])

    def save(self, form, instance, data):
        if instance is None:
            return services.grant_create(
                actor=self.user, data=form.service_data(), action=AuditEntry.Action.IMPORT
            ), True
        return services.grant_update(
            actor=self.user, grant=instance, data=form.service_data(), action=AuditEntry.Action.IMPORT
        ), False


ROW_KINDS = {cls.kind: cls for cls in (HostRows, CentreRows, GrantRows)}
