"""Open unemployment rates (TPT) by province, BPS Sakernas August 2023 and August 2024, as reported.

Every value listed in the domain brief (§5.3), each with its round and source. Loaded through the
selection's service (audited) by the demo and by `inkubator load_unemployment_rates` on a real install;
a (province, year) already present is left as it is, so an admin's correction is never overwritten.
With both rounds, the latest value covers 35 of the 38 provinces; Kalimantan Utara (65), Papua Selatan
(93) and Papua Tengah (94) have no published value found and are entered by an admin
(`/seleksi/grand-design/tpt/`). August 2023 was still published for 34 provinces (Papua and Papua Barat
before the 2022 split). For production, the BPS WebAPI table "Tingkat Pengangguran Terbuka Menurut
Provinsi" is the authoritative source.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

AUG_2023 = (
    "BPS, Sakernas Agustus 2023 (34 provinsi), dilaporkan oleh databoks.katadata.co.id "
    "(banten-masih-puncaki-tingkat-pengangguran-tertinggi-nasional-agustus-2023) dan rilis BPS provinsi"
)
AUG_2024 = "BPS, Sakernas Agustus 2024, rilis BPS provinsi sebagaimana dimuat ulang media daerah"
RATES_2023 = {
    "36": "7.52", "32": "7.44", "21": "6.80", "31": "6.53", "81": "6.31", "71": "6.10", "11": "6.03",
    "13": "5.94", "12": "5.89", "92": "5.38", "64": "5.31", "33": "5.13", "61": "5.05", "35": "4.88",
    "19": "4.56", "15": "4.53", "73": "4.33", "63": "4.31", "82": "4.31", "14": "4.23", "18": "4.23",
    "16": "4.11", "62": "4.10", "76": "2.27", "17": "3.42", "34": "3.69", "51": "2.69", "52": "2.80",
    "53": "3.14", "72": "2.95", "74": "3.15", "75": "3.06",
}  # fmt: skip
RATES_2024 = {
    "11": "5.75", "13": "5.75", "14": "3.70", "15": "4.48", "17": "3.11", "18": "4.19", "21": "6.39",
    "31": "6.21", "32": "6.75", "33": "4.78", "35": "4.19", "36": "6.68", "51": "1.79", "52": "2.73",
    "53": "3.02", "61": "4.86", "62": "4.01", "64": "5.14", "71": "5.85", "72": "2.94", "73": "4.19",
    "74": "3.09", "81": "6.11", "82": "4.03", "91": "6.48", "92": "4.13", "95": "1.32", "96": "6.48",
}  # fmt: skip
RATES = [(2023, RATES_2023, AUG_2023), (2024, RATES_2024, AUG_2024)]


@transaction.atomic
def load_unemployment_rates(*, actor) -> int:
    """Add the rates not yet recorded (through `selection.services.unemployment_rate_save`); returns how many."""
    from inkubator.regions.models import Province
    from inkubator.selection.models import UnemploymentRate
    from inkubator.selection.services import unemployment_rate_save

    have = set(UnemploymentRate.objects.values_list("province_id", "year"))
    provinces = {p.code: p for p in Province.objects.all()}
    added = 0
    for year, rates, source in RATES:
        for code, rate in rates.items():
            if (code, year) in have:
                continue
            unemployment_rate_save(
                actor=actor,
                data={"province": provinces[code], "year": year, "rate": Decimal(rate), "source": source},
            )
            added += 1
    return added
