"""Grand Design analytics: shipped TPT data, silhouette and typology, roadmap arithmetic, province table.

The Grand Design pages are tested in test_grand_design_pages.py; `assessed` is in conftest.py.
"""

from decimal import Decimal as D
from types import SimpleNamespace

import numpy as np
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from inkubator.selection import analytics, services
from inkubator.selection.models import RoadmapScenario, UnemploymentRate
from inkubator.selection.province_tiles import TILES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]  # messages: the msgids (conftest)


# --- the shipped reference data --------------------------------------------------------------------


def test_bps_august_2023_rates_are_loaded_from_the_brief():
    rates = UnemploymentRate.objects.filter(year=2023)
    # BRIEF §5.3 lists 24 of the 34 provinces BPS reported; the others are not invented
    assert rates.count() == 24
    assert {r.province_id: r.rate for r in rates.filter(province_id__in=["36", "76", "92", "35"])} == {
        "36": D("7.52"),
        "76": D("2.27"),
        "92": D("5.38"),
        "35": D("4.88"),
    }
    assert not rates.filter(
        province_id__in=["17", "34", "51", "52", "53", "65", "72", "74", "75", "91", "93", "94", "95", "96"]
    ).exists()
    banten = rates.get(province_id="36")
    assert banten.source.startswith("BPS, Sakernas Agustus 2023")
    assert "https://databoks.katadata.co.id/ketenagakerjaan/statistik/9e78cd0b0805185/" in banten.source
    assert "24 dari 34 provinsi" in banten.source
    assert "sebelum Papua Barat Daya dipisahkan" in rates.get(province_id="92").source


def test_default_scenario_is_shipped_with_its_assumptions():
    base = RoadmapScenario.objects.get(name="Skenario dasar")
    assert (base.start_year, base.years, base.incubators_first_year, base.growth_per_year) == (
        2025,
        5,
        142,
        17,
    )
    assert (base.tenants_per_incubator_per_year, base.survival_rate, base.jobs_per_tenant) == (
        D("20"),
        D("80"),
        D("2"),
    )
    assert base.note.startswith("ASUMSI")
    projection = analytics.roadmap(base)
    # 2025: 142 × 20 = 2,840 tenants; × 0.80 = 2,272 surviving; × 2 = 4,544 jobs. 2029: 142 + 4 × 17 = 210.
    assert [
        (y["year"], y["incubators"], y["tenants"], y["surviving"], y["jobs"]) for y in projection["years"]
    ][::4] == [
        (2025, 142, D("2840"), D("2272"), D("4544")),
        (2029, 210, D("4200"), D("3360"), D("6720")),
    ]
    # 142 + 159 + 176 + 193 + 210 = 880 incubator-years × 20 = 17,600 tenants → 14,080 surviving → 28,160 jobs
    assert projection["totals"] == {"tenants": D("17600"), "surviving": D("14080"), "jobs": D("28160")}


def test_every_province_has_a_tile_and_no_two_share_one():
    from inkubator.regions.models import Province

    assert set(TILES) == set(Province.objects.values_list("code", flat=True))
    assert len({tile[:2] for tile in TILES.values()}) == 38


# --- silhouette and typology (pure) ----------------------------------------------------------------


def test_silhouette_by_hand():
    # Points 0, 1 | 5, 6. For 0: a = 1, b = (5 + 6)/2 = 5.5, s = 4.5/5.5 = 9/11; for 1: a = 1, b = 4.5,
    # s = 3.5/4.5 = 7/9; 5 and 6 mirror them. Mean = (9/11 + 7/9)/2 = 79/99.
    mean, values = analytics.silhouette([0, 1, 5, 6], [0, 0, 1, 1])
    assert values == pytest.approx([9 / 11, 7 / 9, 7 / 9, 9 / 11], abs=1e-12)
    assert mean == pytest.approx(79 / 99, abs=1e-12)
    # A point alone in its cluster scores 0: (4/5 + 3/4 + 0)/3 = 31/60
    mean, values = analytics.silhouette([[0, 0], [1, 0], [5, 0]], [7, 7, 3])
    assert values == pytest.approx([0.8, 0.75, 0.0], abs=1e-12)
    assert mean == pytest.approx(31 / 60, abs=1e-12)
    with pytest.raises(ValueError):
        analytics.silhouette([0, 1, 2], [0, 0, 0])


def _rows(groups):
    return [
        {
            "code": code,
            "name": f"BLK {code}",
            "province": "35",
            "province_name": "Jawa Timur",
            "composite": "50.00",
            "class": "assisted",
            "dimensions": {d: f"{v:.2f}" for d, v in zip("ABC", profile, strict=True)},
        }
        for code, profile in groups
    ]


def _three_clusters():
    """Six centres around each of three clearly separated profiles (noise sd 3 on a 0–100 scale)."""
    rng = np.random.default_rng(42)
    centres = {"a": (85, 80, 20), "b": (20, 30, 90), "c": (50, 90, 50)}
    return _rows(
        (f"{name}{i}", tuple(v + rng.normal(0, 3) for v in centre))
        for name, centre in centres.items()
        for i in range(6)
    )


def test_typology_finds_the_three_clusters_and_is_deterministic():
    rows = _three_clusters()
    result = analytics.typology(rows, seed=2024, names={"A": "Institution", "B": "Staff", "C": "Funding"})
    assert result["ok"] is True
    assert result["k"] == 3
    assert [s["k"] for s in result["scores"]] == [2, 3, 4, 5, 6]
    best = max(result["scores"], key=lambda s: s["silhouette"])
    assert best["k"] == 3
    groups = sorted(sorted(m["code"] for m in t["members"]) for t in result["types"])
    assert groups == [[f"a{i}" for i in range(6)], [f"b{i}" for i in range(6)], [f"c{i}" for i in range(6)]]
    assert [t["size"] for t in result["types"]] == [6, 6, 6]
    by_first = {t["members"][0]["code"][0]: t for t in result["types"]}
    assert by_first["a"]["label"] == "Strong on Institution, weak on Funding"
    assert by_first["b"]["label"] == "Strong on Funding, weak on Staff"
    # the same rows in another order, the same seed: the same result
    again = analytics.typology(
        list(reversed(rows)), seed=2024, names={"A": "Institution", "B": "Staff", "C": "Funding"}
    )
    assert again == result
    assert "highest mean silhouette" in result["criterion"]


def test_typology_with_too_few_centres_says_so():
    rows = _three_clusters()
    result = analytics.typology(rows[:2])
    assert result["ok"] is False
    assert result["types"] == [] and result["k"] is None
    assert result["message"] == (
        "A typology needs at least 3 centres with verified assessments (k from 2 and at most n − 1 types); "
        "there are 2."
    )
    small = analytics.typology(rows[:3])  # three centres: only k = 2 can be tried
    assert small["ok"] is True and small["k"] == 2
    assert [s["k"] for s in small["scores"]] == [2]
    assert small["message"] == "With 3 centres (3 different profiles) k was tried up to 2."
    same = analytics.typology(_rows([("x1", (50, 50, 50)), ("x2", (50, 50, 50)), ("x3", (50, 50, 50))]))
    assert same["ok"] is False
    assert (
        same["message"]
        == "The centres' profiles are too alike to form 2 or more types (1 different profiles)."
    )


# --- roadmap (exact arithmetic) --------------------------------------------------------------------


def test_roadmap_by_hand():
    scenario = SimpleNamespace(
        start_year=2025,
        years=3,
        incubators_first_year=10,
        growth_per_year=5,
        tenants_per_incubator_per_year=D("20"),
        survival_rate=D("75"),
        jobs_per_tenant=D("1.5"),
    )
    projection = analytics.roadmap(scenario)
    # incubators 10, 15, 20 → tenants 200, 300, 400 → surviving (×0.75) 150, 225, 300 → jobs (×1.5) 225, 337.5, 450
    assert [
        (y["year"], y["incubators"], y["tenants"], y["surviving"], y["jobs"]) for y in projection["years"]
    ] == [
        (2025, 10, D("200"), D("150"), D("225")),
        (2026, 15, D("300"), D("225"), D("337.5")),
        (2027, 20, D("400"), D("300"), D("450")),
    ]
    assert [
        (y["cumulative_tenants"], y["cumulative_surviving"], y["cumulative_jobs"])
        for y in projection["years"]
    ] == [
        (D("200"), D("150"), D("225")),
        (D("500"), D("375"), D("562.5")),
        (D("900"), D("675"), D("1012.5")),
    ]
    # exact, not floating point: 10 × 12.5 = 125 tenants × 0.3333 = 41.6625 surviving × 1.5 = 62.49375 jobs
    odd = SimpleNamespace(
        start_year=2030,
        years=1,
        incubators_first_year=10,
        growth_per_year=0,
        tenants_per_incubator_per_year=D("12.5"),
        survival_rate=D("33.33"),
        jobs_per_tenant=D("1.5"),
    )
    (year,) = analytics.roadmap(odd)["years"]
    assert (year["tenants"], year["surviving"], year["jobs"]) == (D("125.0"), D("41.6625"), D("62.49375"))


def test_scenario_validation(users):
    admin = users["national_admin"]
    data = {
        "name": "Turun",
        "start_year": 2025,
        "years": 5,
        "incubators_first_year": 10,
        "growth_per_year": -3,
        "tenants_per_incubator_per_year": D("20"),
        "survival_rate": D("80"),
        "jobs_per_tenant": D("2"),
    }
    with pytest.raises(ValidationError) as error:
        services.scenario_save(actor=admin, data=data)  # 10 − 4 × 3 = −2 in the last year
    assert error.value.message_dict["growth_per_year"] == [
        "With this decline the number of incubators would fall below zero in the last year (-2)."
    ]
    with pytest.raises(ValidationError) as error:
        services.scenario_save(actor=admin, data={**data, "growth_per_year": 0, "survival_rate": D("101")})
    assert list(error.value.message_dict) == ["survival_rate"]
    assert not RoadmapScenario.objects.filter(name="Turun").exists()
    with pytest.raises(PermissionDenied):
        services.scenario_save(actor=users["researcher"], data={**data, "growth_per_year": 0})


# --- province table --------------------------------------------------------------------------------


def test_province_table_counts(assessed):
    rnd, run = assessed["round"], assessed["run"]
    assert run.outputs["selected"] == ["2032000001", "2035000001"]
    table = {r["code"]: r for r in analytics.province_table(rnd, run)}
    assert len(table) == 38
    pick = ("centres", "assessed", "ready", "selected", "tpt", "tpt_year")
    assert {code: tuple(table[code][k] for k in pick) for code in ("11", "32", "35", "51", "36")} == {
        "11": (1, 1, 1, 0, D("6.03"), 2023),  # aceh: ready, not selected
        "32": (1, 1, 0, 1, D("7.44"), 2023),  # bgr: assisted, selected for the Jawa Barat minimum
        "35": (
            2,
            2,
            1,
            1,
            D("4.88"),
            2023,
        ),  # sby ready + selected, mlg assisted; the inactive centre not counted
        "51": (1, 1, 0, 0, None, None),  # bali: not ready; no August 2023 rate in the brief
        "36": (0, 0, 0, 0, D("7.52"), 2023),
    }
    assert analytics.province_totals(list(table.values())) == {
        "centres": 5,
        "assessed": 5,
        "ready": 2,
        "selected": 2,
    }
    # without a round: only the registry and the rates
    bare = {r["code"]: r for r in analytics.province_table()}
    assert (bare["35"]["centres"], bare["35"]["assessed"], bare["35"]["selected"]) == (2, 0, 0)
    # a newer year is used when present, an older one on request
    UnemploymentRate.objects.create(province_id="35", year=2024, rate=D("4.19"), source="uji")
    latest = {r["code"]: r for r in analytics.province_table(rnd)}
    assert (latest["35"]["tpt"], latest["35"]["tpt_year"], latest["36"]["tpt_year"]) == (
        D("4.19"),
        2024,
        2023,
    )
    chosen = {r["code"]: r for r in analytics.province_table(rnd, tpt_year=2023)}
    assert (chosen["35"]["tpt"], chosen["35"]["tpt_year"]) == (D("4.88"), 2023)
    # sorting: by TPT descending, provinces without a rate last
    ordered = analytics.sort_table(list(chosen.values()), "-tpt")
    assert [r["code"] for r in ordered[:3]] == ["36", "32", "21"]
    assert ordered[-1]["tpt"] is None


def test_province_table_typology_of_the_round(assessed):
    from inkubator.selection.selectors import consolidated_rows

    result = analytics.typology(
        consolidated_rows(assessed["round"]), names={"A": "Institution", "B": "Resources"}
    )
    # k = 2, 3, 4 tried (n − 1 = 4); the mean silhouettes 0.5091, 0.5358, 0.2687 pick k = 3 — the same
    # partitions as an exhaustive search over all partitions of the five centres (minimal inertia per k)
    assert [(s["k"], s["silhouette"], s["inertia"]) for s in result["scores"]] == [
        (2, 0.5091, 3122.24),
        (3, 0.5358, 366.87),
        (4, 0.2687, 173.64),
    ]
    assert result["k"] == 3
    assert result["assignments"] == {
        "2011000001": 1,
        "2035000001": 1,
        "2032000001": 2,
        "2035000002": 2,
        "2051000001": 3,
    }
    assert [(t["size"], t["centroid"], t["label"]) for t in result["types"]] == [
        (2, {"A": 91.66, "B": 95.84}, "Above average on every dimension, most on Resources"),
        (2, {"A": 58.34, "B": 48.96}, "Below average on every dimension, most on Resources"),
        (1, {"A": 16.67, "B": 0.0}, "Below average on every dimension, most on Resources"),
    ]
