"""Selection API: weight sets, runs queued as jobs (202, then followed at /api/v1/jobs/<uuid>), the one
check of a run's parameters shared with the page (422 at once), re-run checks, publishing, public decisions."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from inkubator.core.models import Job
from inkubator.selection.models import Decision, SelectionRun, WeightSet

from .page_helpers import BGR, QUOTA, SBY, db_state, indonesian, post_json, run_post

pytestmark = pytest.mark.django_db


def test_api_weight_sets(client, users, finished):
    client.force_login(users["researcher"])
    listing = client.get("/api/v1/selection/weight-sets").json()
    assert [(w["name"], w["source"], w["weights"]) for w in listing["items"]] == [
        ("Bobot instrumen", "instrument", {"A": "0.600000", "B": "0.400000"})
    ]
    ws_id = listing["items"][0]["id"]
    assert client.get(f"/api/v1/selection/weight-sets/{ws_id}").json()["instrument"] == "uji-kecil v1"
    created = post_json(
        client,
        "/api/v1/selection/weight-sets",
        {
            "name": "AHP API",
            "instrument_id": finished["instrument"].pk,
            "source": "ahp",
            "pairwise": [[[1, 3], [1 / 3, 1]], [[1, 3], [1 / 3, 1]]],
        },
    )
    assert created.status_code == 201
    assert (created.json()["weights"], created.json()["version"]) == ({"A": "0.750000", "B": "0.250000"}, 1)
    critic = post_json(
        client,
        "/api/v1/selection/weight-sets",
        {
            "name": "CRITIC",
            "instrument_id": finished["instrument"].pk,
            "source": "critic",
            "basis_round_id": finished["round"].pk,
        },
    )
    assert critic.status_code == 201 and critic.json()["basis_round_id"] == finished["round"].pk
    bad = post_json(
        client,
        "/api/v1/selection/weight-sets",
        {"name": "x", "instrument_id": finished["instrument"].pk, "source": "manual", "weights": [1]},
    )
    assert bad.status_code == 422
    assert bad.json()["errors"] == {
        "weights": [indonesian("Give %(n)s weights, one per dimension (%(codes)s).", n=2, codes="A, B")]
    }
    client.force_login(users["national_viewer"])
    before = WeightSet.objects.count()
    assert (
        post_json(
            client,
            "/api/v1/selection/weight-sets",
            {"name": "x", "instrument_id": finished["instrument"].pk, "source": "instrument"},
        ).status_code
        == 403
    )
    assert WeightSet.objects.count() == before
    client.logout()
    assert client.get("/api/v1/selection/weight-sets").status_code == 401


def _run_body(finished, **constraints) -> dict:
    return {
        "name": "Seleksi API",
        "round_id": finished["round"].pk,
        "weight_set_id": finished["weights"].pk,
        "method": "saw",
        "constraints": constraints or QUOTA,
        "draws": 200,
        "seed": 11,
    }


def _follow(client, response) -> dict:
    """The job a run's creation answered with, as GET /api/v1/jobs/<uuid> shows it now."""
    job = Job.objects.get(uuid=response.json()["job"])
    assert response.json() == {"job": str(job.uuid), "status": "queued", "url": f"/api/v1/jobs/{job.uuid}"}
    return client.get(response.json()["url"]).json()


def test_api_runs_verify_and_publish(client, users, finished, django_capture_on_commit_callbacks):
    client.force_login(users["researcher"])
    with django_capture_on_commit_callbacks(execute=True):  # the job runs once the request has committed
        response = post_json(client, "/api/v1/selection/runs", _run_body(finished))
    assert response.status_code == 202
    job = _follow(client, response)
    run = SelectionRun.objects.get()
    assert (job["kind"], job["status"], job["result"], job["message"]) == (
        "selection_run",
        "succeeded",
        {"run_id": run.pk},
        "",
    )
    assert job["run_url"] == f"/api/v1/selection/runs/{run.pk}"
    body = client.get(job["run_url"]).json()
    assert (body["id"], body["input_hash"], body["output_hash"]) == (run.pk, run.input_hash, run.output_hash)
    assert run.created_by == users["researcher"]
    assert body["outputs"]["selected"] == [BGR, SBY]
    assert body["inputs"]["alternatives"] == 5 and body["inputs"]["criteria"] == ["A", "B"]
    assert body["inputs"]["constraints"] == {**QUOTA, "require_active": True}
    # the same inputs as the page's run of test_run_through_the_page… give the same result
    assert body["outputs"] == run.outputs
    assert [r["id"] for r in client.get("/api/v1/selection/runs").json()["items"]] == [run.pk]
    check = client.post(f"/api/v1/selection/runs/{run.pk}/verify").json()
    assert check == {
        "identical": True,
        "input_hash_ok": True,
        "output_hash_ok": True,
        "output_hash": run.output_hash,
        "stored_output_hash": run.output_hash,
    }
    client.force_login(users["national_admin"])
    published = post_json(client, f"/api/v1/selection/runs/{run.pk}/publish", {"title": "Penetapan API"})
    assert published.status_code == 201
    assert [c["code"] for c in published.json()["selected"]] == [BGR, SBY]
    again = post_json(client, f"/api/v1/selection/runs/{run.pk}/publish", {"title": "Lagi"})
    assert again.status_code == 422 and Decision.objects.count() == 1
    client.logout()
    public = client.get("/api/v1/selection/decisions").json()
    assert public["count"] == 1
    item = public["items"][0]
    assert (item["title"], item["input_hash"], item["output_hash"], item["method"]) == (
        "Penetapan API",
        run.input_hash,
        run.output_hash,
        "saw",
    )
    assert item["selected"][0] == {
        "code": BGR,
        "name": "BLK Komunitas Darul Ulum",
        "province": "32",
        "province_name": "Jawa Barat",
    }
    assert client.get(item["report_url"]).content.startswith(b"%PDF")


def test_api_infeasible_run_fails_its_job_naming_the_constraint(
    client, users, finished, django_capture_on_commit_callbacks
):
    client.force_login(users["national_admin"])
    before = db_state()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(
            client,
            "/api/v1/selection/runs",
            _run_body(
                finished,
                n=2,
                min_class="assisted",
                min_per_province={"35": 2},
                max_per_province={"35": 2},
                must_include=[{"code": BGR, "reason": "Usulan Disnaker"}],
            ),
        )
    assert response.status_code == 202  # the parameters are valid; the computation finds the conflict
    # Jawa Timur needs both places, yet Darul Ulum (Jawa Barat) must be in: 3 for 2 places.
    with translation.override("id"):
        expected = (
            gettext("No selection meets all the constraints.")
            + " "
            + gettext("Constraints in conflict: %(constraints)s.")
            % {
                "constraints": "; ".join(
                    [
                        gettext("Centres that must be included"),
                        gettext("Minimum for %(province)s: at least %(count)s selected")
                        % {"province": "Jawa Timur", "count": 2},
                    ]
                )
            }
        )
    job = _follow(client, response)
    assert (job["status"], job["message"], job["result"], job["run_url"]) == ("failed", expected, {}, None)
    assert db_state() == before


def test_api_bad_run_is_422_at_once_and_queues_nothing(client, users, finished):
    client.force_login(users["national_admin"])
    before = db_state()
    response = post_json(
        client,
        "/api/v1/selection/runs",
        _run_body(finished, n=2, min_per_province={"91": 1}, must_exclude=[{"code": SBY, "reason": ""}]),
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "min_per_province": [
            indonesian("Province %(code)s has no centre with a verified assessment in this round.", code="91")
        ],
        "must_exclude": [indonesian("Give the reason for centre %(code)s.", code=SBY)],
    }
    response = post_json(client, "/api/v1/selection/runs", _run_body(finished, n=2, quota=1))
    assert response.json()["errors"] == {
        "constraints": [indonesian("Unknown constraint(s): %(names)s.", names="quota")]
    }
    response = post_json(
        client, "/api/v1/selection/runs", {**_run_body(finished), "round_id": 999, "weight_set_id": 999}
    )
    assert response.json() == {
        "detail": indonesian("The request is not valid."),
        "errors": {"round_id": [indonesian("Unknown round.")]},
    }
    assert db_state() == before and not Job.objects.exists()
    client.force_login(users["national_viewer"])  # sees runs, creates none
    assert post_json(client, "/api/v1/selection/runs", _run_body(finished)).status_code == 403
    assert db_state() == before and not Job.objects.exists()


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("seed", 2**31, ("Enter a whole number from %(low)s to %(high)s.", {"low": 0, "high": 2**31 - 1})),
        ("seed", -1, ("Enter a whole number from %(low)s to %(high)s.", {"low": 0, "high": 2**31 - 1})),
        ("draws", 0, ("Enter a whole number from %(low)s to %(high)s.", {"low": 1, "high": 100000})),
        ("concentration", "0", ("Enter a number above 0.", {})),
    ],
)
def test_page_and_api_refuse_a_run_by_the_same_rule(client, users, finished, field, value, message):
    """One check of a run's parameters (`services.run_params_validate`): the same refusal on the page and in the API."""
    client.force_login(users["national_admin"])
    expected = [indonesian(message[0], **message[1])]
    page = client.post(
        f"/seleksi/run/baru/?round={finished['round'].pk}",
        run_post(weight_set=finished["weights"].pk, **{field: str(value)}),
    )
    assert page.status_code == 422 and page.context["form"].errors == {field: expected}
    api = post_json(client, "/api/v1/selection/runs", {**_run_body(finished), field: value})
    assert api.status_code == 422 and api.json()["errors"] == {field: expected}
    assert not Job.objects.exists()


def test_api_run_with_a_normalisation(client, users, finished, django_capture_on_commit_callbacks):
    client.force_login(users["national_admin"])
    bad = post_json(
        client, "/api/v1/selection/runs", {**_run_body(finished), "method": "topsis", "normalization": "sum"}
    )
    assert bad.status_code == 422
    assert bad.json()["errors"] == {
        "normalization": [indonesian("Choose one of: %(values)s.", values="vector, minmax")]
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(
            client,
            "/api/v1/selection/runs",
            {**_run_body(finished), "method": "topsis", "normalization": "minmax"},
        )
    assert response.status_code == 202
    run = SelectionRun.objects.get()
    assert (run.method, run.normalization, run.inputs["normalization"]) == ("topsis", "minmax", "minmax")
