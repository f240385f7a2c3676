"""Selection runs in the application: frozen inputs, exact outputs, hashes, refusals, decisions."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from inkubator.assessment import services as assessment_services
from inkubator.assessment.models import Instrument
from inkubator.core.models import AuditEntry
from inkubator.selection import compute, selectors, services
from inkubator.selection.models import Decision, SelectionRun, WeightSet

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Service messages are compared in English (the source language); pages are tested in Indonesian."""
    with translation.override("en"):
        yield


def test_consolidated_rows(finished):
    rows = selectors.consolidated_rows(finished["round"])
    assert [(r["code"], r["composite"], r["class"], r["aid"]) for r in rows] == [
        ("2011000001", "86.67", "ready", True),
        ("2032000001", "57.50", "assisted", True),
        ("2035000001", "100.00", "ready", True),
        ("2035000002", "51.67", "assisted", True),
        ("2051000001", "10.00", "not_ready", False),
    ]
    assert rows[1]["dimensions"] == {"A": "66.67", "B": "43.75"}


def test_run_under_quota_with_explanations(users, finished):
    run = services.run_create(
        actor=users["national_admin"],
        name="Seleksi 2026",
        rnd=finished["round"],
        weight_set=finished["weights"],
        constraints={
            "n": 2,
            "min_class": "assisted",
            "require_aid": True,
            "max_per_province": {"35": 1},
            "min_per_province": {"32": 1},
        },
        draws=200,
        seed=11,
    )
    out = run.outputs
    assert out["eligible"] == 4
    assert out["ineligible"] == [
        {"code": "2051000001", "reasons": ["readiness_class", "no_aid"], "reason_text": ""}
    ]
    # SAW (max normalisation): A/max(A) and B/max(B) with max 100 → score = 0.6·A/100 + 0.4·B/100 = R/100
    ranking = {r["code"]: r for r in out["ranking"]}
    assert ranking["2035000001"]["score"] == "1.000000"
    # from the stored (2-decimal) dimension scores: 0.6·0.8333 + 0.4·0.9167 = 0.86666
    assert ranking["2011000001"]["score"] == "0.866660"
    # Top 2 by score are sby (1.0) and aceh (0.867), but Jawa Barat needs one: bgr (0.575) replaces aceh.
    assert out["selected"] == ["2032000001", "2035000001"]
    assert out["binding"] == ["min_per_group:32"]
    assert ranking["2011000001"]["kept_out_by"] == ["min_per_group:32"]
    # bgr: 0.6·0.6667 + 0.4·0.4375 = 0.57502; margin 0.57502 − 0.86666: in thanks to the quota
    assert ranking["2032000001"]["margin"] == "-0.291640"
    assert out["objective"] == "1.575020"


def test_same_inputs_same_hash(users, finished):
    kwargs = dict(
        rnd=finished["round"],
        weight_set=finished["weights"],
        method="topsis",
        constraints={"n": 3, "min_class": "assisted"},
        draws=300,
        seed=5,
    )
    one = services.run_create(actor=users["national_admin"], name="a", **kwargs)
    two = services.run_create(actor=users["researcher"], name="b", **kwargs)  # another user, same data
    assert (one.input_hash, one.output_hash) == (two.input_hash, two.output_hash)
    assert one.outputs == two.outputs
    assert services.run_verify(SelectionRun.objects.get(pk=one.pk)) == {
        "input_hash_ok": True,
        "output_hash": one.output_hash,
        "output_hash_ok": True,
    }
    # Identical on SQLite and PostgreSQL: the suite runs on both and this constant must hold on each
    # (outputs name centres by code, never by database id, so the hash does not depend on the backend).
    assert one.output_hash == compute.content_hash(one.outputs)
    assert one.output_hash == "84d4209c9e0bf46c556fd12949c884055f992a090376b39f5ce236c3bddc0793"
    assert one.outputs["selected"] == ["2011000001", "2032000001", "2035000001"]


def test_bad_inputs_refused(users, finished, registry):
    admin = users["national_admin"]
    before = SelectionRun.objects.count()
    with pytest.raises(ValidationError) as error:
        services.run_create(
            actor=admin,
            name="x",
            rnd=finished["round"],
            weight_set=finished["weights"],
            constraints={"n": 3, "min_class": "ready", "require_aid": True},
            draws=50,
        )
    assert error.value.message_dict == {"constraints": ["only 2 centres are eligible; cannot select 3."]}
    with pytest.raises(ValidationError) as error:  # Jawa Timur has one ready centre, not two
        services.run_create(
            actor=admin,
            name="x",
            rnd=finished["round"],
            weight_set=finished["weights"],
            constraints={"n": 2, "min_class": "ready", "min_per_province": {"35": 2}},
            draws=50,
        )
    assert "min_per_group" in error.value.message_dict["constraints"][0]
    with pytest.raises(ValidationError) as error:  # refused before computing: the parameters' own check
        services.run_create(
            actor=admin,
            name="x",
            rnd=finished["round"],
            weight_set=finished["weights"],
            constraints={"n": 2, "min_per_province": {"35": 2, "32": 1}},
            draws=50,
        )
    assert error.value.message_dict == {
        "min_per_province": ["The per-province minimums add up to 3, more than the 2 centres to select."]
    }
    with pytest.raises(ValidationError) as error:
        services.run_create(
            actor=admin,
            name="x",
            rnd=finished["round"],
            weight_set=finished["weights"],
            constraints={
                "n": 2,
                "must_include": [{"code": "2051000001", "reason": "x"}],
                "min_class": "assisted",
            },
            draws=50,
        )
    assert "not eligible" in error.value.message_dict["constraints"][0]
    empty = assessment_services.round_create(
        actor=admin,
        centres=[registry["sby"]],
        data={
            "name": "Kosong",
            "instrument": finished["instrument"],
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": datetime.date(2026, 2, 1),
        },
    )
    with pytest.raises(ValidationError, match="no verified assessments"):
        services.run_create(
            actor=admin, name="x", rnd=empty, weight_set=finished["weights"], constraints={"n": 1}
        )
    assert SelectionRun.objects.count() == before
    with pytest.raises(PermissionDenied):
        services.run_create(
            actor=users["assessor"],
            name="x",
            rnd=finished["round"],
            weight_set=finished["weights"],
            constraints={"n": 1},
        )


def test_run_parameters_have_one_check_refusing_everything_at_once(users, finished):
    """`run_params_validate`: the page, the API and the job go through it; each refusal keyed by field."""
    admin = users["national_admin"]
    other = services.weight_set_create(
        actor=admin,
        name="Lain",
        source="instrument",
        instrument=Instrument.objects.get(code="kesiapan-blkk", version=1),
    )
    with pytest.raises(ValidationError) as error:
        services.run_params_validate(
            actor=admin,
            rnd=finished["round"],
            weight_set=other,
            name="x" * 201,
            method="wsm",
            constraints={"n": 0},
            seed=2**31,
            draws=0,
            concentration="0.001",
        )
    assert error.value.message_dict == {
        "name": ["Ensure this value has at most 200 characters (it has 201)."],
        "n": ["Enter a whole number from 1 to 1000."],
        "seed": ["Enter a whole number from 0 to 2147483647."],
        "draws": ["Enter a whole number from 1 to 100000."],
        "concentration": ["Ensure that there are no more than 2 decimal places."],
        "method": ["Choose SAW or TOPSIS."],
        "weight_set": ["The weight set belongs to another instrument than the round's."],
    }
    with pytest.raises(ValidationError) as error:
        services.run_params_validate(
            actor=admin,
            rnd=finished["round"],
            weight_set=finished["weights"],
            method="topsis",
            normalization="sum",
            constraints={"n": 2},
        )
    assert error.value.message_dict == {"normalization": ["Choose one of: vector, minmax."]}
    # the clean parameters are the job's: plain JSON, the concentration without trailing zeros
    assert services.run_params_validate(
        actor=admin,
        rnd=finished["round"],
        weight_set=finished["weights"],
        name=" Uji ",
        method="topsis",
        normalization="minmax",
        constraints={"n": 2},
        concentration=D("100.00"),
    ) == {
        "name": "Uji",
        "round": finished["round"].pk,
        "weight_set": finished["weights"].pk,
        "method": "topsis",
        "normalization": "minmax",
        "constraints": {"n": 2, "require_aid": False, "require_active": True},
        "seed": 2024,
        "draws": 2000,
        "concentration": "100",
    }
    with pytest.raises(PermissionDenied):
        services.run_params_validate(
            actor=users["national_viewer"],
            rnd=finished["round"],
            weight_set=finished["weights"],
            constraints={"n": 2},
        )


@pytest.mark.parametrize(
    "kwargs,field,message",
    [
        ({"source": "manual", "weights": [1]}, "weights", "Give 2 weights, one per dimension (A, B)."),
        ({"source": "manual", "weights": [0, 0]}, "weights", "At least one weight must be above 0."),
        ({"source": "manual", "weights": [1, -1]}, "weights", "Weights must be numbers of 0 or more."),
        ({"source": "ahp", "pairwise": [[1, 2], [2, 1]]}, "pairwise", "reciprocal"),
        ({"source": "ahp", "pairwise": [[1, -2], [-0.5, 1]]}, "pairwise", "positive"),
        (
            {"source": "ahp", "pairwise": [[1, 2, 3], [0.5, 1, 2], [1 / 3, 0.5, 1]]},
            "pairwise",
            "one row and column per dimension",
        ),
    ],
)
def test_weight_sets_refuse_bad_input(users, finished, kwargs, field, message):
    before = WeightSet.objects.count()
    with pytest.raises(ValidationError) as error:
        services.weight_set_create(
            actor=users["researcher"], name="w", instrument=finished["instrument"], **kwargs
        )
    assert message in " ".join(error.value.message_dict[field])
    assert WeightSet.objects.count() == before


def test_weight_sets_ahp_and_objective(users, finished):
    ahp = services.weight_set_create(
        actor=users["researcher"],
        name="AHP pakar",
        instrument=finished["instrument"],
        source="ahp",
        pairwise=[[1, 3], [1 / 3, 1]],
    )
    assert ahp.weights == {"A": "0.750000", "B": "0.250000"}
    assert (ahp.details["cr"], ahp.details["consistent"]) == (0.0, True)
    manual = services.weight_set_create(
        actor=users["researcher"],
        name="AHP pakar",
        instrument=finished["instrument"],
        source="manual",
        weights=[1, 2],
    )
    assert (manual.version, manual.weights) == (2, {"A": "0.333333", "B": "0.666667"})
    entropy = services.weight_set_create(
        actor=users["researcher"],
        name="Entropi",
        instrument=finished["instrument"],
        source="entropy",
        basis_round=finished["round"],
    )
    # the same weights by the textbook formula, written out here (0 · ln 0 = 0): p = x / Σx,
    # E = −Σ p ln p / ln m, w = (1 − E) / Σ(1 − E), on the consolidated dimension scores
    import math

    columns = {"A": [83.33, 66.67, 100, 50, 16.67], "B": [91.67, 43.75, 100, 54.17, 0]}
    divergence = {}
    for code, xs in columns.items():
        p = [x / sum(xs) for x in xs]
        divergence[code] = 1 + sum(q * math.log(q) for q in p if q > 0) / math.log(len(xs))
    assert entropy.weights == dict(
        zip(
            "AB",
            services.normalise_weights(
                [divergence["A"] / sum(divergence.values()), divergence["B"] / sum(divergence.values())]
            ),
            strict=True,
        )
    )


def test_publish_decision(users, finished):
    run = services.run_create(
        actor=users["researcher"],
        name="Usulan",
        rnd=finished["round"],
        weight_set=finished["weights"],
        constraints={"n": 2},
        draws=100,
    )
    with pytest.raises(PermissionDenied):
        services.decision_publish(actor=users["researcher"], run=run, title="Penetapan")
    assert not Decision.objects.exists()
    decision = services.decision_publish(
        actor=users["national_admin"],
        run=run,
        title="Penetapan BLK Komunitas 2026",
        reference="KEP.5/BINAPENTA/2026",
    )
    run.refresh_from_db()
    assert (run.status, decision.run_id) == ("published", run.pk)
    with pytest.raises(ValidationError, match="already published"):
        services.decision_publish(actor=users["national_admin"], run=run, title="Lagi")
    assert Decision.objects.count() == 1
    assert AuditEntry.objects.filter(content_type__model="decision", action="create").count() == 1


def test_verify_is_audited_and_idle_caps_are_ignored(users, finished):
    # Bali (51) has no eligible centre (its one centre is not ready): its maximum cannot bind and is dropped.
    # (A province without any centre of the round is refused by the parameters' check.)
    run = services.run_create(
        actor=users["researcher"],
        name="c",
        rnd=finished["round"],
        weight_set=finished["weights"],
        constraints={"n": 2, "min_class": "assisted", "max_per_province": {"51": 1}},
        draws=50,
    )
    assert run.outputs["selected"] == ["2011000001", "2035000001"]
    result = services.run_verify(run, actor=users["national_viewer"])
    assert result["output_hash_ok"] is True
    entry = AuditEntry.objects.get(content_type__model="selectionrun", object_id=str(run.pk), action="verify")
    assert (entry.actor, entry.changes["identical"]) == (users["national_viewer"], [None, True])
