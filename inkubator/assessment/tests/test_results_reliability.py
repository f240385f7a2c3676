"""Results of a round: inter-rater reliability against the `krippendorff` package, undefined shown as a dash.

Given (conftest): the small instrument and the round over sby and bali; `done` has sby verified by two
assessors (asesor1, asesor2) and bali submitted by asesor1; `both` has bali verified by both too.
"""

import re

import krippendorff
import numpy as np
import pytest
from django.conf import settings

from inkubator.assessment import results
from inkubator.assessment.models import Answer, Assessment

pytestmark = pytest.mark.django_db


def en(client):
    """The client with English chosen (the language cookie): the interface ignores Accept-Language."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# --------------------------------------------------------------------------------------------------
# Reliability
# --------------------------------------------------------------------------------------------------


def _package(data, level):
    value = krippendorff.alpha(reliability_data=np.array(data, dtype=float), level_of_measurement=level)
    return float(value)


def test_reliability_equals_the_krippendorff_package(client, users, registry, both):
    rel = results.round_reliability(user=users["researcher"], round=both)
    assert (rel.centres, rel.centres_pairable, rel.assessors, rel.rule) == (2, 2, 2, "median")
    # Rows asesor1, asesor2; columns sby, bali.
    points = {
        "A1": [[4, 4], [2, 5]],  # scale levels
        "A2": [[0, 0], [1, 0]],  # no = 0, yes = 1
        "B1": [[2, 2], [2, 3]],  # koperasi = 2, yayasan = 3
    }
    numbers = {"B2": [[7, 7], [2, 7]]}  # staff counted
    third = 200 / 3
    scores = {
        "A1": [[75, 75], [25, 100]],
        "A2": [[0, 0], [100, 0]],
        "B1": [[third, third], [third, 100]],
        "B2": [[100, 100], [25, 100]],
    }
    by_code = {item.indicator.code: item for item in rel.items}
    assert list(by_code) == ["A1", "A2", "B1", "B2"]  # B3 (text) is not scored
    for code, data in points.items():
        assert by_code[code].level == "ordinal"
        assert by_code[code].alpha == pytest.approx(_package(data, "ordinal"), abs=1e-12)
    assert by_code["B2"].level == "interval"
    assert by_code["B2"].alpha == pytest.approx(_package(numbers["B2"], "interval"), abs=1e-12)
    for code, data in scores.items():
        assert by_code[code].score_alpha == pytest.approx(_package(data, "interval"), abs=1e-12)
        assert by_code[code].units == 2
    pooled_ordinal = np.hstack([scores[c] for c in ("A1", "A2", "B1")])
    pooled_interval = np.hstack([scores[c] for c in ("A1", "A2", "B1", "B2")])
    assert rel.pooled_ordinal == pytest.approx(_package(pooled_ordinal, "ordinal"), abs=1e-12)
    assert rel.pooled_interval == pytest.approx(_package(pooled_interval, "interval"), abs=1e-12)
    # A spot check by hand: B2's numbers, interval. Pairable values 7,7,2,7 (sby) and 7,7 (bali):
    # D_o = (2·25 + 0) / 4 = 12.5 (sby's pair (7, 2) counted both ways, weight 1/(2−1)); the values 7,7,7,2
    # give D_e = Σ n_c n_k δ² / (n(n−1)) = (2·3·1·25) / 12 = 12.5, so alpha = 1 − 12.5/12.5 = 0.
    assert by_code["B2"].alpha == pytest.approx(0.0, abs=1e-12)

    client.force_login(users["researcher"])
    page = en(client).get(f"/asesmen/putaran/{both.pk}/reliabilitas/")
    assert page.status_code == 200
    assert re.search(rb'id="centres-pairable">2<', page.content)
    assert b'id="consolidation-rule">Median of the assessors&#x27; scores<' in page.content


def test_reliability_undefined_is_shown_as_a_dash(client, users, done):
    client.force_login(users["researcher"])
    page = en(client).get(f"/asesmen/putaran/{done.pk}/reliabilitas/")
    rel = page.context["reliability"]
    # one centre rated twice: B1 koperasi/koperasi → all pairable ratings equal → undefined;
    # A1 4 vs 2 → a single pair of different values → D_o = D_e → alpha 0.
    by_code = {item.indicator.code: item for item in rel.items}
    assert (by_code["B1"].alpha, by_code["B1"].score_alpha) == (None, None)
    assert by_code["A1"].alpha == pytest.approx(0.0, abs=1e-12)
    row = re.search(rb'<tr id="alpha-B1">(.*?)</tr>', page.content, re.S).group(1)
    assert row.count("—".encode()) == 2
    assert (rel.centres, rel.centres_pairable) == (1, 1)

    # no centre rated twice at all: both pooled alphas undefined, with the explanation
    client.force_login(users["national_admin"])
    only_one = Assessment.objects.filter(round=done, assessor__username="asesor2")
    Answer.objects.filter(assessment__in=only_one).delete()
    Assessment.objects.filter(pk__in=only_one).update(status="submitted")
    page = en(client).get(f"/asesmen/putaran/{done.pk}/reliabilitas/")
    rel = page.context["reliability"]
    assert (rel.pooled_ordinal, rel.pooled_interval, rel.centres_pairable) == (None, None, 0)
    assert b'id="alpha-undefined"' in page.content
    assert re.search(rb'id="pooled-ordinal">\xe2\x80\x94<', page.content)
