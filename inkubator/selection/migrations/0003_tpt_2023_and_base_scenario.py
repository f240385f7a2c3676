"""Ship the BPS August 2023 open unemployment rates (TPT) and the default roadmap scenario.

The rates are those of the domain brief (BRIEF.md §5.3), typed from its table and nothing else: the brief
lists 24 of the 34 provinces BPS reported in August 2023. Not loaded, because the brief has no August 2023
figure for them: Bengkulu, DI Yogyakarta, Bali, NTB, NTT, Kalimantan Utara, Sulawesi Tengah, Sulawesi
Tenggara, Gorontalo and Papua (the brief gives only their February 2023 values, another survey round), nor
the four provinces created in 2022 (Papua Selatan, Papua Tengah, Papua Pegunungan, Papua Barat Daya), which
BPS did not yet report separately. National admins add the missing rows on the Grand Design TPT page.
"""

from decimal import Decimal

from django.db import migrations

YEAR = 2023
SOURCE = (
    "BPS, Sakernas Agustus 2023 (Tingkat Pengangguran Terbuka menurut provinsi; nasional 5,32%), "
    "dilaporkan oleh https://databoks.katadata.co.id/ketenagakerjaan/statistik/9e78cd0b0805185/"
    "banten-masih-puncaki-tingkat-pengangguran-tertinggi-nasional-agustus-2023 dan "
    "https://gowest.id/kepri-nomor-3-tingkat-pengangguran-tertinggi-di-indonesia. "
    "Tabel ringkasan memuat 24 dari 34 provinsi; provinsi lain belum dimuat."
)
PAPUA_BARAT_NOTE = (
    " Angka Papua Barat menurut wilayah 34 provinsi BPS (sebelum Papua Barat Daya dipisahkan)."
)

# Kemendagri code → TPT % (BRIEF §5.3, August 2023), in the brief's order.
RATES = {
    "36": "7.52",  # Banten
    "32": "7.44",  # Jawa Barat
    "21": "6.80",  # Kepulauan Riau
    "31": "6.53",  # DKI Jakarta
    "81": "6.31",  # Maluku
    "71": "6.10",  # Sulawesi Utara
    "11": "6.03",  # Aceh
    "13": "5.94",  # Sumatera Barat
    "12": "5.89",  # Sumatera Utara
    "92": "5.38",  # Papua Barat (BPS's 34-province area)
    "64": "5.31",  # Kalimantan Timur
    "33": "5.13",  # Jawa Tengah
    "61": "5.05",  # Kalimantan Barat
    "35": "4.88",  # Jawa Timur
    "19": "4.56",  # Kepulauan Bangka Belitung
    "15": "4.53",  # Jambi
    "73": "4.33",  # Sulawesi Selatan
    "63": "4.31",  # Kalimantan Selatan
    "82": "4.31",  # Maluku Utara
    "14": "4.23",  # Riau
    "18": "4.23",  # Lampung
    "16": "4.11",  # Sumatera Selatan
    "62": "4.10",  # Kalimantan Tengah
    "76": "2.27",  # Sulawesi Barat (lowest)
}

SCENARIO = {
    "name": "Skenario dasar",
    "start_year": 2025,
    "years": 5,
    "incubators_first_year": 142,
    "growth_per_year": 17,
    "tenants_per_incubator_per_year": Decimal("20"),
    "survival_rate": Decimal("80"),
    "jobs_per_tenant": Decimal("2"),
    "note": (
        "ASUMSI (bukan target resmi Kemnaker), masing-masing dengan dasarnya di BRIEF.md:\n"
        "1. Inkubator tahun pertama 2025 = 142: jumlah \"BLK Komunitas Inkubator Wirausaha\" yang dilaporkan "
        "untuk 2024 (§1, kompasiana Des 2024), dibawa ke awal 2025.\n"
        "2. Tambahan 17 inkubator per tahun: kenaikan yang teramati dari 125 (Agustus 2023, tribunnews) "
        "ke 142 (2024); lima tahun sampai 2029 memberi 210 inkubator, sejalan dengan ukuran rancangan sistem "
        "(200 inkubator).\n"
        "3. 20 tenant per inkubator per tahun: target minimum Pemda untuk inkubator kabupaten/kota "
        "(§3.1, bisnisjakarta; target provinsi 50), karena BLK Komunitas melayani wilayah setingkat "
        "kabupaten/kota.\n"
        "4. Tingkat bertahan 80%: sekitar 80% tenant mencapai tahap roll-out/lulus menurut studi BI/BIT (§3.3).\n"
        "5. 2 pekerjaan per tenant yang bertahan: pemilik (berwirausaha) ditambah minimal 1 pekerja baru, "
        "ambang kelayakan TKM Lanjutan (§4).\n"
        "Ubah angka-angka ini bila data program yang lebih baik tersedia."
    ),
}


def forwards(apps, schema_editor):
    Province = apps.get_model("regions", "Province")
    UnemploymentRate = apps.get_model("selection", "UnemploymentRate")
    RoadmapScenario = apps.get_model("selection", "RoadmapScenario")
    known = set(Province.objects.filter(code__in=RATES).values_list("code", flat=True))
    for code, rate in RATES.items():
        if code not in known:
            continue  # an empty database without regions: nothing to attach the rate to
        UnemploymentRate.objects.update_or_create(
            province_id=code, year=YEAR,
            defaults={"rate": Decimal(rate), "source": SOURCE + (PAPUA_BARAT_NOTE if code == "92" else "")},
        )
    if not RoadmapScenario.objects.filter(name=SCENARIO["name"]).exists():
        RoadmapScenario.objects.create(**SCENARIO)


def backwards(apps, schema_editor):
    apps.get_model("selection", "UnemploymentRate").objects.filter(year=YEAR, source__startswith=SOURCE).delete()
    apps.get_model("selection", "RoadmapScenario").objects.filter(name=SCENARIO["name"], created_by=None).delete()


class Migration(migrations.Migration):
    dependencies = [("selection", "0002_grand_design")]
    operations = [migrations.RunPython(forwards, backwards)]
