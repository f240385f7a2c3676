"""Deterministic, programme-like synthetic registry data for the demo and for benchmarks.

`--scale demo` gives about 300 centres across all 38 provinces; `--scale national` gives 4,700 (the 2024
size). The same seed always gives the same data, and loading twice adds nothing (upsert on codes).
Coordinates are a province reference point plus a small offset: plausible, not surveyed.
"""

from __future__ import annotations

import random
from decimal import Decimal

from django.db import transaction

from inkubator.centres.models import Centre, Grant, HostInstitution, TrainingOutput, Vocation
from inkubator.regions.models import Province, Regency

SCALES = {"demo": 300, "national": 4700}

# Approximate reference points (lat, lon) of each province, for plausible demo coordinates.
PROVINCE_POINTS = {
    "11": (4.70, 96.75),
    "12": (2.20, 99.10),
    "13": (-0.74, 100.80),
    "14": (0.29, 101.70),
    "15": (-1.61, 103.61),
    "16": (-3.32, 104.91),
    "17": (-3.79, 102.26),
    "18": (-4.56, 105.41),
    "19": (-2.74, 106.44),
    "21": (3.95, 108.14),
    "31": (-6.20, 106.85),
    "32": (-6.92, 107.62),
    "33": (-7.15, 110.14),
    "34": (-7.80, 110.36),
    "35": (-7.54, 112.24),
    "36": (-6.41, 106.06),
    "51": (-8.41, 115.19),
    "52": (-8.65, 117.36),
    "53": (-8.66, 121.08),
    "61": (0.13, 111.10),
    "62": (-1.68, 113.38),
    "63": (-3.09, 115.28),
    "64": (0.54, 116.42),
    "65": (3.07, 116.04),
    "71": (0.62, 123.98),
    "72": (-1.43, 121.45),
    "73": (-3.67, 119.97),
    "74": (-4.14, 122.17),
    "75": (0.70, 122.45),
    "76": (-2.84, 119.23),
    "81": (-3.24, 130.15),
    "82": (1.57, 127.81),
    "91": (-2.53, 140.70),
    "92": (-1.34, 133.17),
    "93": (-7.50, 139.50),
    "94": (-3.99, 136.36),
    "95": (-4.09, 138.94),
    "96": (-1.00, 131.50),
}
# Relative weight of provinces: most BLK Komunitas are in Java's pesantren heartlands.
PROVINCE_WEIGHT = {
    "35": 14,
    "32": 13,
    "33": 11,
    "36": 5,
    "11": 3,
    "12": 3,
    "18": 3,
    "73": 3,
    "52": 3,
    "16": 2,
    "13": 2,
    "15": 2,
    "14": 2,
    "34": 2,
    "63": 2,
    "61": 2,
    "64": 2,
    "71": 1,
    "53": 1,
    "51": 1,
}
PESANTREN_NAMES = [
    "Al-Hikmah",
    "Darul Ulum",
    "Nurul Huda",
    "Miftahul Ulum",
    "Al-Falah",
    "Darussalam",
    "Al-Ikhlas",
    "Raudlatul Ulum",
    "Bahrul Ulum",
    "Al-Amien",
    "Hidayatullah",
    "Darul Falah",
    "Mambaul Ulum",
    "Nurul Iman",
    "Al-Muhajirin",
    "Sabilul Muttaqin",
    "Manbaul Hikmah",
    "Darun Najah",
    "Al-Mubarok",
    "Nurul Jadid",
    "Salafiyah Syafi'iyah",
    "Al-Anwar",
    "Roudlotut Tholibin",
    "Darul Qur'an",
    "Al-Ittihad",
    "Annuqayah",
    "Tarbiyatul Islam",
    "Nurul Falah",
    "Al-Munawwir",
    "Sunan Drajat",
    "Hidayatul Mubtadiin",
    "Al-Khoirot",
    "Walisongo",
    "Al-Mukhlishin",
    "Darul Hikmah",
    "Al-Barokah",
    "Riyadlul Jannah",
    "Baitul Hikmah",
]
SEMINARI_NAMES = [
    "St. Petrus Kanisius",
    "St. Yohanes Berkhmans",
    "Mataloko",
    "St. Rafael",
    "Pius XII",
    "Hati Kudus",
    "St. Paulus",
    "Santo Fransiskus Xaverius",
]
PASRAMAN_NAMES = ["Widya Dharma", "Saraswati", "Dharma Sastra", "Gurukula Bangli", "Tri Hita Karana"]
DHAMMASEKHA_NAMES = ["Saddhapala Jaya", "Bodhi Dharma", "Vidyasena", "Dhammadipa"]
UNION_NAMES = ["DPC SPSI", "DPC KSPSI", "PC SP KEP SPSI", "DPC Serikat Pekerja Nasional", "DPC KSBSI"]
COMMUNITY_NAMES = ["Pemuda Muhammadiyah", "GP Ansor", "Aisyiyah", "Karang Taruna", "Muslimat NU"]
CHRISTIAN_PROVINCES = {"53", "71", "81", "91", "92", "93", "94", "95", "96", "61"}
STREETS = ["Raya", "KH. Hasyim Asy'ari", "Pesantren", "Merdeka", "Pendidikan"]
YEAR_WEIGHTS = {2017: 50, 2018: 75, 2019: 988, 2020: 1014, 2021: 785, 2022: 845, 2023: 525, 2024: 418}


def _host_for(rng: random.Random, province: str, regency: Regency) -> tuple[str, str]:
    roll = rng.random()
    short = regency.name.replace("Kabupaten ", "Kab. ").replace("Kota Administrasi ", "Kota ")
    if province == "51":
        if roll < 0.7:
            return f"Pasraman {rng.choice(PASRAMAN_NAMES)}", "pasraman"
    elif province in CHRISTIAN_PROVINCES:
        if roll < 0.45:
            return f"Seminari Menengah {rng.choice(SEMINARI_NAMES)}", "seminari"
        if roll < 0.6:
            return (
                f"Yayasan Gereja {rng.choice(['Kristen Injili', 'Masehi Injili', 'Protestan', 'Katolik'])} {short}",
                "religious",
            )
    if roll < 0.80:
        return f"Pondok Pesantren {rng.choice(PESANTREN_NAMES)}", "pesantren"
    if roll < 0.90:
        return f"{rng.choice(UNION_NAMES)} {short}", "union"
    if roll < 0.94:
        return f"Dhammasekha {rng.choice(DHAMMASEKHA_NAMES)}", "dhammasekha"
    if roll < 0.97:
        return f"{rng.choice(COMMUNITY_NAMES)} {short}", "community"
    return f"Yayasan Pendidikan Islam {rng.choice(PESANTREN_NAMES)}", "religious"


def _maturity(rng: random.Random, year: int) -> str:
    if year >= 2023 and rng.random() < 0.6:
        return ""
    roll = rng.random()
    return "tumbuh" if roll < 0.46 else "berkembang" if roll < 0.87 else "mandiri"


def _pick_provinces(rng: random.Random, provinces: list[str], n: int) -> list[str]:
    chosen = list(provinces)  # every province at least once
    weights = [PROVINCE_WEIGHT.get(p, 1) for p in provinces]
    chosen += rng.choices(provinces, weights=weights, k=max(0, n - len(provinces)))
    return chosen[:n]


@transaction.atomic
def seed_registry(*, scale: str = "demo", seed: int = 2024) -> dict:
    """Create (or leave in place) the synthetic registry. Returns counts of what exists afterwards."""
    n = SCALES[scale]
    rng = random.Random(seed)
    provinces = list(Province.objects.order_by("code").values_list("code", flat=True))
    regencies_by_province: dict[str, list[Regency]] = {}
    for r in Regency.objects.order_by("code"):
        regencies_by_province.setdefault(r.province_id, []).append(r)
    vocations = list(Vocation.objects.filter(is_active=True).order_by("code"))
    years = list(YEAR_WEIGHTS)
    year_weights = list(YEAR_WEIGHTS.values())

    existing_codes = set(Centre.objects.values_list("code", flat=True))
    hosts = {(h.name, h.regency_id): h for h in HostInstitution.objects.all()}
    new_hosts, planned = [], []
    serial: dict[str, int] = {}
    for province in _pick_provinces(rng, provinces, n):
        regency = rng.choice(regencies_by_province[province])
        host_name, kind = _host_for(rng, province, regency)
        year = rng.choices(years, weights=year_weights)[0]
        serial[province] = serial.get(province, 0) + 1
        code = f"{year % 100:02d}{province}{serial[province]:06d}"
        lat0, lon0 = PROVINCE_POINTS[province]
        planned.append(
            {
                "code": code,
                "host_key": (host_name, regency.code),
                "host_kind": kind,
                "regency": regency,
                "year": year,
                "vocation": rng.choice(vocations),
                "maturity": _maturity(rng, year),
                "lat": Decimal(str(round(lat0 + rng.uniform(-0.6, 0.6), 6))),
                "lon": Decimal(str(round(lon0 + rng.uniform(-0.8, 0.8), 6))),
                "instructors": rng.choice([1, 2, 2, 2, 3, 4]),
                "accredited": rng.random() < 0.04,
                "entrepreneurship": rng.random() < 0.35,
                "planned_aid": rng.random() < 0.15,
                "graduates": [rng.randint(24, 40) for _ in range(2017, 2026)],
            }
        )
        street, number = rng.choice(STREETS), rng.randint(1, 120)  # drawn always: keeps the sequence stable
        if planned[-1]["host_key"] not in hosts:
            hosts[planned[-1]["host_key"]] = None
            new_hosts.append(
                HostInstitution(
                    name=host_name,
                    kind=kind,
                    regency=regency,
                    foundation=f"Yayasan {host_name.split(' ', 2)[-1]}",
                    address=f"Jl. {street} No. {number}, {regency.name}",
                )
            )
    HostInstitution.objects.bulk_create(new_hosts, batch_size=1000)
    hosts = {(h.name, h.regency_id): h for h in HostInstitution.objects.all()}

    new_centres = []
    for p in planned:
        if p["code"] in existing_codes:
            continue
        host = hosts[p["host_key"]]
        new_centres.append(
            Centre(
                code=p["code"],
                name=f"BLK Komunitas {host.name.replace('Pondok Pesantren ', '')}",
                host=host,
                regency=p["regency"],
                address=host.address,
                latitude=p["lat"],
                longitude=p["lon"],
                established_year=p["year"],
                vocation=p["vocation"],
                instructors=p["instructors"],
                facilities="Gedung workshop 10 x 16 m; peralatan pelatihan 1 paket kejuruan",
                licence_number=f"503/{p['code'][-4:]}/DPMPTSP/{p['year'] + 1}" if p["maturity"] else "",
                accreditation="B" if p["accredited"] else "",
                maturity_class=p["maturity"],
            )
        )
    Centre.objects.bulk_create(new_centres, batch_size=1000)
    centres = {c.code: c for c in Centre.objects.filter(code__in=[p["code"] for p in planned])}

    grants, outputs = [], []
    have_grants = set(Grant.objects.values_list("centre__code", "kind", "year"))
    have_outputs = set(TrainingOutput.objects.values_list("centre__code", "year"))
    for p in planned:
        c = centres[p["code"]]
        items = [
            ("construction", p["year"], Decimal("500000000"), "received"),
            ("equipment", p["year"], Decimal("350000000"), "received"),
            ("operational", p["year"], Decimal("150000000"), "received"),
        ]
        if p["entrepreneurship"]:
            items.append(("entrepreneurship", min(2025, p["year"] + 2), Decimal("20000000") * 3, "received"))
        if p["planned_aid"]:
            items.append(("entrepreneurship", 2026, Decimal("60000000"), "planned"))
        for kind, year, amount, status in items:
            if (c.code, kind, year) not in have_grants:
                have_grants.add((c.code, kind, year))
                grants.append(Grant(centre=c, kind=kind, year=year, amount=amount, status=status))
        for i, year in enumerate(range(p["year"] + 1, 2026)):
            if (c.code, year) not in have_outputs:
                outputs.append(
                    TrainingOutput(centre=c, year=year, packages=2, graduates=p["graduates"][i] * 2)
                )
    Grant.objects.bulk_create(grants, batch_size=2000)
    TrainingOutput.objects.bulk_create(outputs, batch_size=2000)
    return {
        "centres": Centre.objects.count(),
        "hosts": HostInstitution.objects.count(),
        "grants": Grant.objects.count(),
        "outputs": TrainingOutput.objects.count(),
    }
