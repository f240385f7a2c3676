"""Weight-set pages: the AHP form (inconsistent judgements flagged and named, several experts), the other
sources through the form, weight sets side by side."""

from decimal import Decimal as D

import pytest
from django.utils import translation
from django.utils.translation import gettext

from inkubator.assessment.models import Instrument
from inkubator.selection import presenters, services
from inkubator.selection.models import WeightSet

from .page_helpers import indonesian

pytestmark = pytest.mark.django_db


def _ahp_post(judgements: dict, **extra) -> dict:
    """The form's data for the shipped 8-dimension instrument: every judgement 1 except `judgements`."""
    data = {"name": "AHP pakar", "source": "ahp", "experts": "1", "note": "", "action": "save", **extra}
    for i in range(8):
        for j in range(i + 1, 8):
            data[f"e1_{i}_{j}"] = "1"
    data.update(judgements)
    return data


INCONSISTENT = {"e1_0_1": "7", "e1_1_2": "5", "e1_0_2": "1/3", "e1_3_4": "2"}  # A ≫ B ≫ C, yet C > A


def test_ahp_form_flags_inconsistent_judgements(client, users):
    instrument = Instrument.objects.get(code="kesiapan-blkk", version=1)
    client.force_login(users["researcher"])
    url = f"/seleksi/bobot/baru/?instrument={instrument.pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert len(page.context["grids"]) == 1 and len(page.context["grids"][0]["rows"]) == 8
    before = WeightSet.objects.count()
    response = client.post(url, _ahp_post(INCONSISTENT))
    assert response.status_code == 422  # not saved without confirmation
    assert WeightSet.objects.count() == before
    preview = response.context["preview"]
    # weights, λmax, CI and CR of the eigenvector method on this matrix (methods/ahp.py)
    assert [str(w["weight"]) for w in preview["weights"]] == [
        "0.188416",
        "0.145081",
        "0.133335",
        "0.116291",
        "0.099607",
        "0.105757",
        "0.105757",
        "0.105757",
    ]
    assert (preview["lambda_max"], preview["ci"], preview["cr"], preview["consistent"]) == (
        D("9.4557"),
        D("0.2080"),
        D("0.1475"),
        False,
    )
    with translation.override("id"):
        a, b, c = (
            f"{code}. {name}"
            for code, name in (
                ("A", "Kelembagaan dan legalitas"),
                ("B", "Pengelola dan SDM"),
                ("C", "Sarana dan prasarana"),
            )
        )
        text = gettext(
            "%(row)s compared with %(column)s: judged %(given)s, the other judgements imply about %(implied)s"
        )
        expected = [
            text % {"row": a, "column": b, "given": "7", "implied": "1,30"},
            text % {"row": b, "column": c, "given": "5", "implied": "1,09"},
            text % {"row": a, "column": c, "given": "1/3", "implied": "1,41"},
        ]
    assert preview["inconsistent"] == expected
    html = response.content.decode()
    assert '<dd class="col-6" id="ahp-cr">0,1475 ' in html
    for line in expected:
        assert f"<li>{line}</li>" in html
    # confirmed: saved anyway, flagged, with the judgements named by dimension code
    response = client.post(url, _ahp_post(INCONSISTENT, confirm_inconsistent="on"))
    ws = WeightSet.objects.get(name="AHP pakar")
    assert response.status_code == 302 and response["Location"] == f"/seleksi/bobot/{ws.pk}/"
    assert (ws.details["cr"], ws.details["consistent"]) == (0.147484, False)
    assert [(j["row"], j["column"]) for j in ws.details["inconsistent"]] == [
        ("A", "B"),
        ("B", "C"),
        ("A", "C"),
    ]
    assert sum(D(v) for v in ws.weights.values()) == D(1)
    detail = client.get(response["Location"])
    assert presenters.saved_inconsistent(ws, {"A": a, "B": b, "C": c}) == expected
    assert f"<li>{expected[0]}</li>" in detail.content.decode()


def test_ahp_form_with_two_experts(client, users):
    instrument = Instrument.objects.get(code="kesiapan-blkk", version=1)
    client.force_login(users["researcher"])
    url = f"/seleksi/bobot/baru/?instrument={instrument.pk}"
    added = client.post(url, _ahp_post({"e1_0_1": "4"}, action="add_expert"))
    assert added.status_code == 200 and len(added.context["grids"]) == 2
    assert added.context["form"]["e1_0_1"].value() == "4"  # the first expert's judgement is kept
    data = _ahp_post({"e1_0_1": "4"}, experts="2")
    data.update({f"e2_{i}_{j}": "1" for i in range(8) for j in range(i + 1, 8)})
    data["e2_0_1"] = "1/4"  # the second expert disagrees exactly: the geometric mean is 1
    response = client.post(url, data)
    assert response.status_code == 302
    ws = WeightSet.objects.get(name="AHP pakar")
    assert len(ws.details["pairwise"]) == 2
    assert set(ws.weights.values()) == {"0.125000"}  # equal weights once the two are combined


def test_other_sources_through_the_form(client, users, finished):
    client.force_login(users["researcher"])
    url = f"/seleksi/bobot/baru/?instrument={finished['instrument'].pk}"
    response = client.post(
        url,
        {
            "name": "Manual",
            "source": "manual",
            "weight_A": "3",
            "weight_B": "1",
            "experts": "1",
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert WeightSet.objects.get(name="Manual").weights == {"A": "0.750000", "B": "0.250000"}
    missing = client.post(url, {"name": "Manual", "source": "manual", "weight_A": "3", "experts": "1"})
    assert missing.status_code == 422
    assert missing.context["form"].errors["weight_B"] == [indonesian("Give a weight for every dimension.")]
    response = client.post(
        url,
        {
            "name": "Entropi",
            "source": "entropy",
            "basis_round": finished["round"].pk,
            "experts": "1",
            "action": "save",
        },
    )
    ws = WeightSet.objects.get(name="Entropi")
    assert (
        response.status_code == 302 and ws.basis_round == finished["round"] and ws.details == {"centres": 5}
    )


def test_weight_sets_side_by_side(client, users, finished):
    other = services.weight_set_create(
        actor=users["researcher"],
        name="Manual",
        instrument=finished["instrument"],
        source="manual",
        weights=[1, 3],
    )
    client.force_login(users["national_viewer"])
    response = client.get(f"/seleksi/bobot/?compare={finished['weights'].pk}&compare={other.pk}")
    assert response.status_code == 200
    assert [(r["label"], r["values"]) for r in response.context["rows"]] == [
        ("A. Kelembagaan", ["0.600000", "0.250000"]),
        ("B. Sumber daya", ["0.400000", "0.750000"]),
    ]
    assert response.context["chart"]["series"] == [
        {"name": "Bobot instrumen v1", "values": [0.6, 0.4]},
        {"name": "Manual v1", "values": [0.25, 0.75]},
    ]
    assert 'id="weights-chart-data"' in response.content.decode()
    alone = client.get(f"/seleksi/bobot/?compare={other.pk}")
    assert alone.status_code == 400 and alone.context["error"] == indonesian(
        "Choose at least two weight sets to compare."
    )
