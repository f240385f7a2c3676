"""Run pages: a run computed through the page (a job whose progress the page follows), human explanations,
refusals on the form, running again, the re-run check, the full ranking by pages, the workbook and the report."""

import io

import pytest
from django.utils import translation
from python_calamine import CalamineWorkbook

from inkubator.core.exports import XLSX_TYPE
from inkubator.core.models import Job
from inkubator.selection import presenters
from inkubator.selection.models import SelectionRun

from .page_helpers import ACEH, BALI, BGR, MLG, QUOTA, SBY, db_state, indonesian, run_post

pytestmark = pytest.mark.django_db


def test_run_through_the_page_ends_on_the_run(client, users, finished, django_capture_on_commit_callbacks):
    client.force_login(users["researcher"])
    url = f"/seleksi/run/baru/?round={finished['round'].pk}"
    form_page = client.get(url)
    assert [p["code"] for p in form_page.context["form"].provinces] == ["11", "32", "35", "51"]
    data = run_post(
        weight_set=finished["weights"].pk,
        min_32="1",
        max_35="1",
        include_centre_1=SBY,
        include_reason_1="Percontohan nasional",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    job = Job.objects.get(kind="selection_run")
    assert response.status_code == 302 and response["Location"] == f"/seleksi/run/proses/{job.uuid}/"
    page = client.get(response["Location"], follow=True)
    run = SelectionRun.objects.get()
    assert job.__class__.objects.get(pk=job.pk).result == {"run_id": run.pk}
    assert page.redirect_chain == [(f"/seleksi/run/{run.pk}/", 302)]
    assert (run.created_by, run.inputs["constraints"]) == (
        users["researcher"],
        {**QUOTA, "require_active": True, "must_include": [{"code": SBY, "reason": "Percontohan nasional"}]},
    )
    view = page.context["view"]
    assert [(r["code"], r["rank"], str(r["score"]), str(r["margin"])) for r in view["selected"]] == [
        (SBY, 1, "1.000000", "0.133340"),
        (BGR, 3, "0.575020", "-0.291640"),
    ]
    assert view["selected"][0]["included_because"] == "Percontohan nasional"
    kept_out = indonesian(
        "Minimum for %(province)s: at least %(count)s selected", province="Jawa Barat", count=1
    )
    ranking = {r["code"]: r for r in view["ranking"]}
    assert ranking[ACEH]["kept_out"] == [kept_out]
    html = page.content.decode()
    assert f'<td class="small">{kept_out}</td>' in html
    assert "min_per_group" not in html and "must_include" not in html and "no_aid" not in html
    reasons = [
        indonesian("Readiness class below “%(class)s”", **{"class": indonesian("Ready with mentoring")}),
        indonesian("Has neither received nor been planned for entrepreneurship aid"),
    ]
    assert view["ineligible"][0]["reasons"] == reasons
    assert "; ".join(reasons) in html
    assert {
        t["code"]: t["selected"] for t in page.context["charts"]["map"]["tiles"] if t["selected"] is not None
    } == {"11": 0, "32": 1, "35": 1, "51": 0}
    assert page.context["charts"]["probability"]["values"] == [100.0, 100.0, 0.0, 0.0]


def test_run_that_cannot_be_met_fails_its_job_with_the_reason(
    client, users, finished, django_capture_on_commit_callbacks
):
    client.force_login(users["national_admin"])
    url = f"/seleksi/run/baru/?round={finished['round'].pk}"
    data = run_post(weight_set=finished["weights"].pk, budget="50000000", default_cost="30000000")
    before = db_state()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    page = client.get(response["Location"])
    job = page.context["job"]
    assert job.status == "failed"
    expected = (
        indonesian(
            "Even the cheapest selection of %(n)s centres costs %(cost)s, more than the budget of %(budget)s.",
            n=2,
            cost="Rp60.000.000",
            budget="Rp50.000.000",
        )
        + " "
        + indonesian(
            "Constraints in conflict: %(constraints)s.",
            constraints=indonesian("Budget: total cost at most %(budget)s", budget="Rp50.000.000"),
        )
    )
    assert job.message == expected
    assert expected in page.content.decode()
    assert db_state() == before  # no run, no audit entry
    again = client.get(f"/seleksi/run/baru/?from_job={job.uuid}")  # the inputs come back for a change
    assert again.context["form"].initial["budget"] == "50000000"
    assert again.context["form"].initial["min_class"] == "assisted"


def test_run_form_refuses_bad_constraints(client, users, finished):
    client.force_login(users["national_admin"])
    url = f"/seleksi/run/baru/?round={finished['round'].pk}"
    response = client.post(
        url,
        run_post(
            weight_set=finished["weights"].pk, min_35="2", max_35="1", exclude_centre_1=BALI, budget="1000"
        ),
    )
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert errors["exclude_reason_1"] == [indonesian("Give the reason for centre %(code)s.", code=BALI)]
    response = client.post(
        url, run_post(weight_set=finished["weights"].pk, min_35="2", max_35="1", budget="1000")
    )
    errors = response.context["form"].errors
    assert errors["__all__"] == [
        indonesian(
            "%(province)s: the minimum (%(min)s) is larger than the maximum (%(max)s).",
            province="Jawa Timur",
            min=2,
            max=1,
        )
    ]
    assert errors["default_cost"] == [indonesian("With a budget, give the cost per centre.")]
    assert not Job.objects.exists()


def test_more_rows_keeps_what_was_entered(client, users, finished):
    client.force_login(users["national_admin"])
    url = f"/seleksi/run/baru/?round={finished['round'].pk}"
    data = run_post(
        weight_set=finished["weights"].pk,
        action="more_rows",
        min_32="1",
        include_centre_1=SBY,
        include_reason_1="x",
    )
    del data["require_aid"]  # unticked: the browser sends nothing
    response = client.post(url, data)
    form = response.context["form"]
    assert response.status_code == 200 and form.n_rows == 10
    assert (form["min_32"].value(), form["include_centre_1"].value(), form["require_aid"].value()) == (
        "1",
        SBY,
        False,
    )
    assert not Job.objects.exists()


def test_run_again_starts_from_the_frozen_inputs(client, users, run):
    client.force_login(users["national_admin"])
    form = client.get(f"/seleksi/run/baru/?from_run={run.pk}").context["form"]
    assert (
        form.initial["n"],
        form.initial["min_32"],
        form.initial["max_35"],
        form.initial["weight_set"],
    ) == (2, 1, 1, run.weight_set_id)


def test_verify_button(client, users, run):
    client.force_login(users["national_viewer"])
    response = client.post(f"/seleksi/run/{run.pk}/periksa/")
    assert response.context["verification"] == {
        "input_hash_ok": True,
        "output_hash_ok": True,
        "output_hash": run.output_hash,
        "identical": True,
    }
    assert (
        "✓ " + indonesian("Re-run from the frozen inputs: the output is identical (same SHA-256).")
        in response.content.decode()
    )
    assert client.get(f"/seleksi/run/{run.pk}/periksa/").status_code == 405


def test_job_page_polls_until_the_run_is_computed(client, users, finished):
    client.force_login(users["national_admin"])
    response = client.post(
        f"/seleksi/run/baru/?round={finished['round'].pk}", run_post(weight_set=finished["weights"].pk)
    )  # not committed: the job waits
    job = Job.objects.get(kind="selection_run")
    page = client.get(response["Location"])
    assert page.status_code == 200 and job.status == "queued"
    assert 'hx-trigger="every 1s"' in page.content.decode()
    fragment = client.get(response["Location"], headers={"HX-Request": "true"})
    assert fragment.templates[0].name == "selection/partials/_run_job_status.html"
    from inkubator.core.jobs import job_execute

    job_execute(job.pk)
    run = SelectionRun.objects.get()
    done = client.get(response["Location"], headers={"HX-Request": "true"})
    assert (done.status_code, done["HX-Redirect"]) == (200, f"/seleksi/run/{run.pk}/")
    client.force_login(users["researcher"])  # someone else's job
    assert client.get(response["Location"]).status_code == 404


def test_full_ranking_is_paginated(client, users, run, monkeypatch):
    from inkubator.selection.views import runs as run_views

    monkeypatch.setattr(run_views, "RANKING_PAGE", 3)
    client.force_login(users["national_viewer"])
    first = client.get(f"/seleksi/run/{run.pk}/")
    assert [r["code"] for r in first.context["ranking"]] == [SBY, ACEH, BGR]
    second = client.get(f"/seleksi/run/{run.pk}/?page=2")
    assert [r["code"] for r in second.context["ranking"]] == [MLG]
    assert (
        'id="rank-2035000002"' in second.content.decode()
        and 'id="rank-2035000001"' not in second.content.decode()
    )
    assert [r["code"] for r in second.context["view"]["selected"]] == [
        SBY,
        BGR,
    ]  # the rest of the page is whole


# --- workbook and report ----------------------------------------------------------------------------------


def test_workbook_read_back(client, users, run):
    client.force_login(users["national_viewer"])
    response = client.get(f"/seleksi/run/{run.pk}/xlsx/")
    assert response["Content-Type"] == XLSX_TYPE
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == [
        indonesian("Ranking"),
        indonesian("Selected"),
        indonesian("Not eligible"),
        indonesian("Inputs"),
    ]
    ranking = book.get_sheet_by_name(indonesian("Ranking")).to_python()
    yes, no = indonesian("Yes"), indonesian("No")
    kept_out = indonesian(
        "Minimum for %(province)s: at least %(count)s selected", province="Jawa Barat", count=1
    )
    assert ranking[0][:3] == [indonesian("Rank"), indonesian("Code"), indonesian("Name")]
    assert ranking[0][-2:] == ["A. Kelembagaan", "B. Sumber daya"]
    assert ranking[1:] == [
        [
            1.0,
            SBY,
            "BLK Komunitas Nurul Huda",
            "Jawa Timur",
            indonesian("Ready"),
            1.0,
            yes,
            0.13334,
            100.0,
            1.0,
            1.0,
            "",
            100.0,
            100.0,
        ],
        [
            2.0,
            ACEH,
            "BLK Komunitas Darussalam",
            "Aceh",
            indonesian("Ready"),
            0.86666,
            no,
            "",
            100.0,
            2.0,
            2.0,
            kept_out,
            83.33,
            91.67,
        ],
        [
            3.0,
            BGR,
            "BLK Komunitas Darul Ulum",
            "Jawa Barat",
            indonesian("Ready with mentoring"),
            0.57502,
            yes,
            -0.29164,
            0.0,
            3.0,
            3.0,
            "",
            66.67,
            43.75,
        ],
        [
            4.0,
            MLG,
            "BLK Komunitas Al-Falah",
            "Jawa Timur",
            indonesian("Ready with mentoring"),
            0.51668,
            no,
            "",
            0.0,
            4.0,
            4.0,
            "",
            50.0,
            54.17,
        ],
    ]
    selected = book.get_sheet_by_name(indonesian("Selected")).to_python()
    assert [row[:6] for row in selected[1:]] == [
        [1.0, SBY, "BLK Komunitas Nurul Huda", "Jawa Timur", 1.0, 0.13334],
        [3.0, BGR, "BLK Komunitas Darul Ulum", "Jawa Barat", 0.57502, -0.29164],
    ]
    ineligible = book.get_sheet_by_name(indonesian("Not eligible")).to_python()
    assert ineligible[1][:2] == [BALI, "BLK Komunitas Widya Dharma"]
    inputs = dict((row[0], row[1]) for row in book.get_sheet_by_name(indonesian("Inputs")).to_python()[1:])
    assert inputs[indonesian("Input hash (SHA-256)")] == run.input_hash
    assert inputs[indonesian("Output hash (SHA-256)")] == run.output_hash
    assert inputs[indonesian("Weight: %(dimension)s", dimension="A. Kelembagaan")] == 0.6
    assert inputs[indonesian("Random seed")] == 11.0


def test_report_pdf(client, users, run):
    client.force_login(users["researcher"])
    response = client.get(f"/seleksi/run/{run.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == f'attachment; filename="laporan-seleksi-{run.pk}.pdf"'


def test_report_content(rf, users, run):
    """The report's HTML (before WeasyPrint) has the title, method, list, robustness and both hashes."""
    from django.template.loader import render_to_string
    from django.utils import timezone

    view = presenters.run_view(run)
    with translation.override("id"):
        html = render_to_string(
            "selection/report_pdf.html",
            {"run": run, "view": view, "decision": None, "chart": {"bars": []}, "generated": timezone.now()},
        )
    for text in (
        indonesian("Selection Report: BLK Komunitas as Entrepreneurship Incubators"),
        run.input_hash,
        run.output_hash,
        "BLK Komunitas Darul Ulum",
        indonesian("Agreement of SAW and TOPSIS, Spearman ρ"),
        indonesian("Not a published decision: a computed selection for discussion."),
    ):
        assert text in html
