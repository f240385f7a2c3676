"""Lenient reading of the values ministry spreadsheets hold: kinds in words, region names, whole numbers."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from inkubator.centres.choices import GrantKind, GrantStatus, HostKind
from inkubator.core.spreadsheets import normalise_header, parse_decimal, region_key
from inkubator.regions.models import Province, Regency


class RowInvalid(Exception):
    def __init__(self, column: str, message: str):
        self.column, self.message = column, message


# --- lenient value parsing -----------------------------------------------------------------------

HOST_KIND_WORDS = {
    "pesantren": HostKind.PESANTREN,
    "pondok pesantren": HostKind.PESANTREN,
    "ponpes": HostKind.PESANTREN,
    "pp": HostKind.PESANTREN,
    "seminari": HostKind.SEMINARI,
    "seminary": HostKind.SEMINARI,
    "dhammasekha": HostKind.DHAMMASEKHA,
    "pasraman": HostKind.PASRAMAN,
    "lembaga keagamaan": HostKind.RELIGIOUS,
    "lembaga keagamaan lainnya": HostKind.RELIGIOUS,
    "keagamaan": HostKind.RELIGIOUS,
    "religious": HostKind.RELIGIOUS,
    "serikat pekerja": HostKind.UNION,
    "serikat buruh": HostKind.UNION,
    "sp sb": HostKind.UNION,
    "union": HostKind.UNION,
    "trade union": HostKind.UNION,
    "komunitas": HostKind.COMMUNITY,
    "organisasi masyarakat": HostKind.COMMUNITY,
    "ormas": HostKind.COMMUNITY,
    "community": HostKind.COMMUNITY,
}
GRANT_KIND_WORDS = {
    "pembangunan": GrantKind.CONSTRUCTION,
    "pembangunan gedung": GrantKind.CONSTRUCTION,
    "pembangunan workshop": GrantKind.CONSTRUCTION,
    "konstruksi": GrantKind.CONSTRUCTION,
    "peralatan": GrantKind.EQUIPMENT,
    "peralatan pelatihan": GrantKind.EQUIPMENT,
    "operasional": GrantKind.OPERATIONAL,
    "operasional lembaga": GrantKind.OPERATIONAL,
    "program pelatihan": GrantKind.TRAINING,
    "pelatihan": GrantKind.TRAINING,
    "kewirausahaan": GrantKind.ENTREPRENEURSHIP,
    "wirausaha": GrantKind.ENTREPRENEURSHIP,
    "tkm": GrantKind.ENTREPRENEURSHIP,
    "inkubator": GrantKind.INCUBATOR,
    "lainnya": GrantKind.OTHER,
}
STATUS_WORDS = {
    "diterima": GrantStatus.RECEIVED,
    "terealisasi": GrantStatus.RECEIVED,
    "direncanakan": GrantStatus.PLANNED,
    "rencana": GrantStatus.PLANNED,
}


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
        aliases = {
            "dki jakarta": "31",
            "jakarta": "31",
            "diy": "34",
            "yogyakarta": "34",
            "di yogyakarta": "34",
            "babel": "19",
            "bangka belitung": "19",
            "kepri": "21",
            "jabar": "32",
            "jateng": "33",
            "jatim": "35",
            "ntb": "52",
            "ntt": "53",
            "sulsel": "73",
            "sumut": "12",
            "sumbar": "13",
        }
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
