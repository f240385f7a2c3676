"""Results of a round: consolidation by hand (median and mean).

Given (conftest): the small instrument and the round over sby and bali; `done` has sby verified by two
assessors (asesor1, asesor2) and bali submitted by asesor1; `both` has bali verified by both too.
"""

from decimal import Decimal as D

import pytest

from inkubator.access.tests.factories import make_user
from inkubator.assessment import results, services
from inkubator.assessment.tests.conftest import complete

pytestmark = pytest.mark.django_db


def test_consolidated_result_by_hand(users, registry, done):
    data = results.round_results(user=users["researcher"], round=done)
    assert [c.code for c in data.centres] == ["2035000001"]  # bali is not verified: no result
    sby = data.centres[0]
    # Median of two = mean: A1 (75+25)/2 = 50, A2 (0+100)/2 = 50, B1 66.67, B2 (100+25)/2 = 62.5.
    assert sby.indicators == {"A1": D("50.00"), "A2": D("50.00"), "B1": D("66.67"), "B2": D("62.50")}
    # A = (2·50 + 50)/3 = 50; B = (66.666… + 3·62.5)/4 = 254.1666…/4 = 63.5416… → 63.54;
    # index = 0.6·50 + 0.4·63.5416… = 30 + 25.4166… = 55.4166… → 55.42: ready with mentoring (50 ≤ R < 70).
    assert sby.dimensions == {"A": D("50.00"), "B": D("63.54")}
    assert (sby.composite, sby.readiness_class, sby.n_assessors) == (D("55.42"), "assisted", 2)
    assert [(a.username, a.composite, a.readiness_class) for a in sby.assessors] == [
        ("asesor1", D("66.67"), "assisted"),
        ("asesor2", D("44.17"), "not_ready"),
    ]
    assert (sby.province_name, sby.regency_name) == (
        registry["sby"].regency.province.name,
        registry["sby"].regency.name,
    )
    # Disagreement on the 0–100 scores: A1 75 vs 25, A2 0 vs 100, B1 equal, B2 100 vs 25.
    assert {code: (d["n"], d["range"], d["mean"]) for code, d in sby.disagreement.items()} == {
        "A1": (2, 50.0, 50.0),
        "A2": (2, 100.0, 50.0),
        "B1": (2, 0.0, 66.67),
        "B2": (2, 75.0, 62.5),
    }


def test_median_and_mean_differ_with_three_assessors(users, registry, done, cluster):
    asesor3 = make_user("asesor3", "assessor", cluster=cluster)
    a3 = services.round_assign(
        actor=users["researcher"], round=done, centre=registry["sby"], assessor=asesor3
    )
    # asesor3: A1=5 → 100, A2=yes → 100, B1=none → 0, B2=0 → band (−∞,1) = 0 points → 0.
    complete(
        users,
        asesor3,
        a3,
        {"A1": {"value": "5"}, "A2": {"value": "yes"}, "B1": {"value": "none"}, "B2": {"number": "0"}},
    )
    sby = results.round_results(user=users["researcher"], round=done).centres[0]
    # Median: A1 med(75,25,100) = 75, A2 med(0,100,100) = 100, B1 med(66.67,66.67,0) = 66.67,
    # B2 med(100,25,0) = 25; A = (150+100)/3 = 83.33; B = (66.67+75)/4 = 35.42; R = 50 + 14.17 = 64.17.
    assert sby.indicators == {"A1": D("75.00"), "A2": D("100.00"), "B1": D("66.67"), "B2": D("25.00")}
    assert (sby.dimensions, sby.composite, sby.readiness_class) == (
        {"A": D("83.33"), "B": D("35.42")},
        D("64.17"),
        "assisted",
    )
    rnd = services.round_update(actor=users["researcher"], round=done, data={"consolidation_rule": "mean"})
    sby = results.round_results(user=users["researcher"], round=rnd).centres[0]
    # Mean: A1 200/3 = 66.67, A2 200/3 = 66.67, B1 400/9 = 44.44, B2 125/3 = 41.67;
    # A = (2·200/3 + 200/3)/3 = 66.67; B = (400/9 + 125)/4 = 42.36; R = 40 + 16.94 = 56.94.
    assert sby.indicators == {"A1": D("66.67"), "A2": D("66.67"), "B1": D("44.44"), "B2": D("41.67")}
    assert (sby.dimensions, sby.composite, sby.n_assessors) == (
        {"A": D("66.67"), "B": D("42.36")},
        D("56.94"),
        3,
    )
