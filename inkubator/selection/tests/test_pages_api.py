"""Selection pages and API: access by role, the AHP form, a run computed through the page (a job),
human explanations, the workbook and the report, publishing, the public decisions, the API.

Expected Indonesian strings come from the catalogues at run time (`gettext` under
`translation.override("id")`), so the tests hold whether or not the new strings are translated yet.
"""

import io
import json
from decimal import Decimal as D

import pytest
from django.utils import translation
from django.utils.translation import gettext
from python_calamine import CalamineWorkbook

from inkubator.assessment.models import Instrument
from inkubator.centres.tests.factories import make_user
from inkubator.core.models import AuditEntry, Job
from inkubator.regions.models import Province
from inkubator.selection import presenters, services
from inkubator.selection.models import Decision, SelectionRun, WeightSet
from inkubator.selection.province_tiles import TILES

pytestmark = pytest.mark.django_db

# The constraints of test_runs.py::test_run_under_quota_with_explanations: Aceh (2nd best) is kept out
# because Jawa Barat needs one centre, which brings in Darul Ulum (3rd).
QUOTA = {"n": 2, "min_class": "assisted", "require_aid": True, "max_per_province": {"35": 1},
         "min_per_province": {"32": 1}}
SBY, MLG, BGR, BALI, ACEH = "2035000001", "2035000002", "2032000001", "2051000001", "2011000001"


def _json(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def _id(text: str, **values) -> str:
    """The Indonesian text the pages show (the msgid itself while the catalogue lacks it)."""
    with translation.override("id"):
        return gettext(text) % values if values else gettext(text)


@pytest.fixture
def run(users, finished):
    return services.run_create(actor=users["national_admin"], name="Seleksi 2026", rnd=finished["round"],
                               weight_set=finished["weights"], constraints=QUOTA, draws=200, seed=11)


def _state():
    return (SelectionRun.objects.count(), WeightSet.objects.count(), Decision.objects.count(),
            AuditEntry.objects.count(), list(SelectionRun.objects.values_list("status", flat=True)))


# --- access ------------------------------------------------------------------------------------------


def test_pages_by_role(client, users, finished, run):
    pages = ["/seleksi/", "/seleksi/bobot/", f"/seleksi/bobot/{finished['weights'].pk}/", "/seleksi/run/",
             f"/seleksi/run/{run.pk}/", f"/seleksi/run/{run.pk}/xlsx/"]
    manage = ["/seleksi/bobot/baru/", "/seleksi/run/baru/", f"/seleksi/run/baru/?round={finished['round'].pk}"]
    for url in pages + manage:
        response = client.get(url)
        assert (response.status_code, response["Location"].split("?")[0]) == (302, "/accounts/login/"), url
    for role in ("regional_officer", "assessor", "centre_manager"):
        client.force_login(users[role])
        assert [client.get(url).status_code for url in pages + manage] == [403] * 9, role
    client.force_login(make_user("pendamping1", "mentor"))
    assert [client.get(url).status_code for url in pages + manage] == [403] * 9
    client.force_login(users["national_viewer"])  # sees everything, manages nothing
    assert [client.get(url).status_code for url in pages] == [200] * 6
    assert [client.get(url).status_code for url in manage] == [403] * 3
    for role in ("researcher", "national_admin"):  # the round has centres of the researcher's cluster
        client.force_login(users[role])
        assert [client.get(url).status_code for url in pages + manage] == [200] * 9, role


def test_run_outside_scope_is_not_found(client, users, run):
    from inkubator.accounts.models import Cluster, PartnerOrganisation

    partner = PartnerOrganisation.objects.create(name="IPB University", short_name="IPB")
    empty = Cluster.objects.create(partner=partner, name="Klaster IPB", year=2024)
    client.force_login(make_user("peneliti2", "researcher", cluster=empty))
    assert client.get("/seleksi/").status_code == 200
    assert client.get(f"/seleksi/run/{run.pk}/").status_code == 404
    assert client.get(f"/seleksi/run/{run.pk}/pdf/").status_code == 404
    assert client.get(f"/api/v1/selection/runs/{run.pk}").status_code == 404
    assert client.get("/api/v1/selection/runs").json()["count"] == 0


def test_menu_shows_selection_by_permission(client, users):
    client.force_login(users["national_viewer"])
    assert b'href="/seleksi/"' in client.get("/").content
    client.force_login(users["assessor"])
    page = client.get("/").content
    assert b'href="/seleksi/"' not in page and b'href="/seleksi/keputusan/"' in page


# --- weight sets ---------------------------------------------------------------------------------------


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
        "0.188416", "0.145081", "0.133335", "0.116291", "0.099607", "0.105757", "0.105757", "0.105757"]
    assert (preview["lambda_max"], preview["ci"], preview["cr"], preview["consistent"]) == (
        D("9.4557"), D("0.2080"), D("0.1475"), False)
    with translation.override("id"):
        a, b, c = (f"{code}. {name}" for code, name in (
            ("A", "Kelembagaan dan legalitas"), ("B", "Pengelola dan SDM"), ("C", "Sarana dan prasarana")))
        text = gettext("%(row)s compared with %(column)s: judged %(given)s, the other judgements imply about %(implied)s")
        expected = [text % {"row": a, "column": b, "given": "7", "implied": "1,30"},
                    text % {"row": b, "column": c, "given": "5", "implied": "1,09"},
                    text % {"row": a, "column": c, "given": "1/3", "implied": "1,41"}]
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
    assert [(j["row"], j["column"]) for j in ws.details["inconsistent"]] == [("A", "B"), ("B", "C"), ("A", "C")]
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
    response = client.post(url, {"name": "Manual", "source": "manual", "weight_A": "3", "weight_B": "1",
                                 "experts": "1", "action": "save"})
    assert response.status_code == 302
    assert WeightSet.objects.get(name="Manual").weights == {"A": "0.750000", "B": "0.250000"}
    missing = client.post(url, {"name": "Manual", "source": "manual", "weight_A": "3", "experts": "1"})
    assert missing.status_code == 422
    assert missing.context["form"].errors["weight_B"] == [_id("Give a weight for every dimension.")]
    response = client.post(url, {"name": "Entropi", "source": "entropy", "basis_round": finished["round"].pk,
                                 "experts": "1", "action": "save"})
    ws = WeightSet.objects.get(name="Entropi")
    assert response.status_code == 302 and ws.basis_round == finished["round"] and ws.details == {"centres": 5}


def test_weight_sets_side_by_side(client, users, finished):
    other = services.weight_set_create(actor=users["researcher"], name="Manual", instrument=finished["instrument"],
                                       source="manual", weights=[1, 3])
    client.force_login(users["national_viewer"])
    response = client.get(f"/seleksi/bobot/?compare={finished['weights'].pk}&compare={other.pk}")
    assert response.status_code == 200
    assert [(r["label"], r["values"]) for r in response.context["rows"]] == [
        ("A. Kelembagaan", ["0.600000", "0.250000"]), ("B. Sumber daya", ["0.400000", "0.750000"])]
    assert response.context["chart"]["series"] == [
        {"name": "Bobot instrumen v1", "values": [0.6, 0.4]}, {"name": "Manual v1", "values": [0.25, 0.75]}]
    assert 'id="weights-chart-data"' in response.content.decode()
    alone = client.get(f"/seleksi/bobot/?compare={other.pk}")
    assert alone.status_code == 400 and alone.context["error"] == _id("Choose at least two weight sets to compare.")


# --- runs through the page --------------------------------------------------------------------------------


def _run_post(**extra) -> dict:
    data = {"name": "Seleksi 2026", "method": "saw", "n": "2", "min_class": "assisted", "require_aid": "on",
            "require_active": "on", "draws": "200", "concentration": "100", "seed": "11", "rows": "5",
            "action": "compute"}
    data.update(extra)
    return data


def test_run_through_the_page_ends_on_the_run(client, users, finished, django_capture_on_commit_callbacks):
    client.force_login(users["researcher"])
    url = f"/seleksi/run/baru/?round={finished['round'].pk}"
    form_page = client.get(url)
    assert [p["code"] for p in form_page.context["form"].provinces] == ["11", "32", "35", "51"]
    data = _run_post(weight_set=finished["weights"].pk, min_32="1", max_35="1", include_centre_1=SBY,
                     include_reason_1="Percontohan nasional")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    job = Job.objects.get(kind="selection_run")
    assert response.status_code == 302 and response["Location"] == f"/seleksi/run/proses/{job.uuid}/"
    page = client.get(response["Location"], follow=True)
    run = SelectionRun.objects.get()
    assert job.__class__.objects.get(pk=job.pk).result == {"run_id": run.pk}
    assert page.redirect_chain == [(f"/seleksi/run/{run.pk}/", 302)]
    assert (run.created_by, run.inputs["constraints"]) == (users["researcher"], {
        **QUOTA, "require_active": True, "must_include": [{"code": SBY, "reason": "Percontohan nasional"}]})
    view = page.context["view"]
    assert [(r["code"], r["rank"], str(r["score"]), str(r["margin"])) for r in view["selected"]] == [
        (SBY, 1, "1.000000", "0.133340"), (BGR, 3, "0.575020", "-0.291640")]
    assert view["selected"][0]["included_because"] == "Percontohan nasional"
    kept_out = _id("Minimum for %(province)s: at least %(count)s selected", province="Jawa Barat", count=1)
    ranking = {r["code"]: r for r in view["ranking"]}
    assert ranking[ACEH]["kept_out"] == [kept_out]
    html = page.content.decode()
    assert f'<td class="small">{kept_out}</td>' in html
    assert "min_per_group" not in html and "must_include" not in html and "no_aid" not in html
    reasons = [_id("Readiness class below “%(class)s”", **{"class": _id("Ready with mentoring")}),
               _id("Has neither received nor been planned for entrepreneurship aid")]
    assert view["ineligible"][0]["reasons"] == reasons
    assert "; ".join(reasons) in html
    assert {t["code"]: t["selected"] for t in page.context["charts"]["map"]["tiles"] if t["selected"] is not None} == {
        "11": 0, "32": 1, "35": 1, "51": 0}
    assert page.context["charts"]["probability"]["values"] == [100.0, 100.0, 0.0, 0.0]


def test_run_that_cannot_be_met_fails_its_job_with_the_reason(client, users, finished,
                                                             django_capture_on_commit_callbacks):
    client.force_login(users["national_admin"])
    url = f"/seleksi/run/baru/?round={finished['round'].pk}"
    data = _run_post(weight_set=finished["weights"].pk, budget="50000000", default_cost="30000000")
    before = _state()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    page = client.get(response["Location"])
    job = page.context["job"]
    assert job.status == "failed"
    expected = _id("Even the cheapest selection of %(n)s centres costs %(cost)s, more than the budget of %(budget)s.",
                   n=2, cost="Rp60.000.000", budget="Rp50.000.000") + " " + _id(
        "Constraints in conflict: %(constraints)s.",
        constraints=_id("Budget: total cost at most %(budget)s", budget="Rp50.000.000"))
    assert job.message == expected
    assert expected in page.content.decode()
    assert _state() == before  # no run, no audit entry
    again = client.get(f"/seleksi/run/baru/?from_job={job.uuid}")  # the inputs come back for a change
    assert again.context["form"].initial["budget"] == "50000000"
    assert again.context["form"].initial["min_class"] == "assisted"


def test_run_form_refuses_bad_constraints(client, users, finished):
    client.force_login(users["national_admin"])
    url = f"/seleksi/run/baru/?round={finished['round'].pk}"
    response = client.post(url, _run_post(weight_set=finished["weights"].pk, min_35="2", max_35="1",
                                          exclude_centre_1=BALI, budget="1000"))
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert errors["exclude_reason_1"] == [_id("Give the reason for centre %(code)s.", code=BALI)]
    response = client.post(url, _run_post(weight_set=finished["weights"].pk, min_35="2", max_35="1", budget="1000"))
    errors = response.context["form"].errors
    assert errors["__all__"] == [_id("%(province)s: the minimum (%(min)s) is larger than the maximum (%(max)s).",
                                     province="Jawa Timur", min=2, max=1)]
    assert errors["default_cost"] == [_id("With a budget, give the cost per centre.")]
    assert not Job.objects.exists()


def test_more_rows_keeps_what_was_entered(client, users, finished):
    client.force_login(users["national_admin"])
    url = f"/seleksi/run/baru/?round={finished['round'].pk}"
    data = _run_post(weight_set=finished["weights"].pk, action="more_rows", min_32="1", include_centre_1=SBY,
                     include_reason_1="x")
    del data["require_aid"]  # unticked: the browser sends nothing
    response = client.post(url, data)
    form = response.context["form"]
    assert response.status_code == 200 and form.n_rows == 10
    assert (form["min_32"].value(), form["include_centre_1"].value(), form["require_aid"].value()) == ("1", SBY, False)
    assert not Job.objects.exists()


def test_run_again_starts_from_the_frozen_inputs(client, users, run):
    client.force_login(users["national_admin"])
    form = client.get(f"/seleksi/run/baru/?from_run={run.pk}").context["form"]
    assert (form.initial["n"], form.initial["min_32"], form.initial["max_35"], form.initial["weight_set"]) == (
        2, 1, 1, run.weight_set_id)


def test_verify_button(client, users, run):
    client.force_login(users["national_viewer"])
    response = client.post(f"/seleksi/run/{run.pk}/periksa/")
    assert response.context["verification"] == {
        "input_hash_ok": True, "output_hash_ok": True, "output_hash": run.output_hash, "identical": True}
    assert "✓ " + _id("Re-run from the frozen inputs: the output is identical (same SHA-256).") in response.content.decode()
    assert client.get(f"/seleksi/run/{run.pk}/periksa/").status_code == 405


# --- workbook and report ----------------------------------------------------------------------------------


def test_workbook_read_back(client, users, run):
    client.force_login(users["national_viewer"])
    response = client.get(f"/seleksi/run/{run.pk}/xlsx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == [_id("Ranking"), _id("Selected"), _id("Not eligible"), _id("Inputs")]
    ranking = book.get_sheet_by_name(_id("Ranking")).to_python()
    yes, no = _id("Yes"), _id("No")
    kept_out = _id("Minimum for %(province)s: at least %(count)s selected", province="Jawa Barat", count=1)
    assert ranking[0][:3] == [_id("Rank"), _id("Code"), _id("Name")]
    assert ranking[0][-2:] == ["A. Kelembagaan", "B. Sumber daya"]
    assert ranking[1:] == [
        [1.0, SBY, "BLK Komunitas Nurul Huda", "Jawa Timur", _id("Ready"), 1.0, yes, 0.13334, 100.0, 1.0, 1.0, "",
         100.0, 100.0],
        [2.0, ACEH, "BLK Komunitas Darussalam", "Aceh", _id("Ready"), 0.86666, no, "", 100.0, 2.0, 2.0, kept_out,
         83.33, 91.67],
        [3.0, BGR, "BLK Komunitas Darul Ulum", "Jawa Barat", _id("Ready with mentoring"), 0.57502, yes, -0.29164, 0.0,
         3.0, 3.0, "", 66.67, 43.75],
        [4.0, MLG, "BLK Komunitas Al-Falah", "Jawa Timur", _id("Ready with mentoring"), 0.51668, no, "", 0.0, 4.0,
         4.0, "", 50.0, 54.17],
    ]
    selected = book.get_sheet_by_name(_id("Selected")).to_python()
    assert [row[:6] for row in selected[1:]] == [
        [1.0, SBY, "BLK Komunitas Nurul Huda", "Jawa Timur", 1.0, 0.13334],
        [3.0, BGR, "BLK Komunitas Darul Ulum", "Jawa Barat", 0.57502, -0.29164],
    ]
    ineligible = book.get_sheet_by_name(_id("Not eligible")).to_python()
    assert ineligible[1][:2] == [BALI, "BLK Komunitas Widya Dharma"]
    inputs = dict((row[0], row[1]) for row in book.get_sheet_by_name(_id("Inputs")).to_python()[1:])
    assert inputs[_id("Input hash (SHA-256)")] == run.input_hash
    assert inputs[_id("Output hash (SHA-256)")] == run.output_hash
    assert inputs[_id("Weight: %(dimension)s", dimension="A. Kelembagaan")] == 0.6
    assert inputs[_id("Random seed")] == 11.0


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
        html = render_to_string("selection/report_pdf.html", {
            "run": run, "view": view, "decision": None, "chart": {"bars": []}, "generated": timezone.now()})
    for text in (_id("Selection Report: BLK Komunitas as Entrepreneurship Incubators"), run.input_hash,
                 run.output_hash, "BLK Komunitas Darul Ulum", _id("Agreement of SAW and TOPSIS, Spearman ρ"),
                 _id("Not a published decision: a computed selection for discussion.")):
        assert text in html


# --- publishing and the public decisions --------------------------------------------------------------------


def test_publish_by_admin_not_by_researcher(client, users, run):
    client.force_login(users["researcher"])
    page = client.get(f"/seleksi/run/{run.pk}/")
    assert page.context["publish_form"] is None and b'id="publish-form"' not in page.content
    before = _state()
    response = client.post(f"/seleksi/run/{run.pk}/terbitkan/", {"title": "Penetapan"})
    assert response.status_code == 403
    assert _state() == before
    assert _json(client, f"/api/v1/selection/runs/{run.pk}/publish", {"title": "Penetapan"}).status_code == 403
    assert _state() == before

    client.force_login(users["national_admin"])
    response = client.post(f"/seleksi/run/{run.pk}/terbitkan/", {
        "title": "Penetapan BLK Komunitas sebagai Inkubator Wirausaha 2026", "reference": "KEP.5/BINAPENTA/2026",
        "note": "Tahap pertama."})
    decision = Decision.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/seleksi/keputusan/{decision.pk}/"
    run.refresh_from_db()
    assert (run.status, decision.published_by, decision.reference) == (
        "published", users["national_admin"], "KEP.5/BINAPENTA/2026")
    page = client.get(f"/seleksi/run/{run.pk}/")
    assert page.context["publish_form"] is None and page.context["decision"] == decision
    again = client.post(f"/seleksi/run/{run.pk}/terbitkan/", {"title": "Lagi"})
    assert again.status_code == 422 and Decision.objects.count() == 1
    assert again.context["publish_form"].errors["__all__"] == [_id("This run is already published.")]


def test_published_decision_is_public(client, users, run):
    decision = services.decision_publish(actor=users["national_admin"], run=run, title="Penetapan 2026",
                                         reference="KEP.5/2026")
    response = client.get("/seleksi/keputusan/")  # anonymous
    assert response.status_code == 200
    item = response.context["decisions"][0]
    assert item["decision"] == decision
    assert item["rows"] == [
        {"code": BGR, "name": "BLK Komunitas Darul Ulum", "province": "Jawa Barat", "rank": 3},
        {"code": SBY, "name": "BLK Komunitas Nurul Huda", "province": "Jawa Timur", "rank": 1},
    ]
    html = response.content.decode()
    for text in ("Penetapan 2026", "KEP.5/2026", run.input_hash, run.output_hash, "BLK Komunitas Darul Ulum",
                 f"/seleksi/keputusan/{decision.pk}/pdf/"):
        assert text in html
    assert "BLK Komunitas Darussalam" not in html  # not selected
    assert client.get(f"/seleksi/keputusan/{decision.pk}/").status_code == 200
    pdf = client.get(f"/seleksi/keputusan/{decision.pk}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(f"/seleksi/run/{run.pk}/pdf/").status_code == 302  # the run itself is not public
    assert client.get("/seleksi/keputusan/999/").status_code == 404


def test_decisions_page_without_decisions(client):
    response = client.get("/seleksi/keputusan/")
    assert response.status_code == 200 and b'id="no-decisions"' in response.content


# --- API -------------------------------------------------------------------------------------------------


def test_api_weight_sets(client, users, finished):
    client.force_login(users["researcher"])
    listing = client.get("/api/v1/selection/weight-sets").json()
    assert [(w["name"], w["source"], w["weights"]) for w in listing["items"]] == [
        ("Bobot instrumen", "instrument", {"A": "0.600000", "B": "0.400000"})]
    ws_id = listing["items"][0]["id"]
    assert client.get(f"/api/v1/selection/weight-sets/{ws_id}").json()["instrument"] == "uji-kecil v1"
    created = _json(client, "/api/v1/selection/weight-sets", {
        "name": "AHP API", "instrument_id": finished["instrument"].pk, "source": "ahp",
        "pairwise": [[[1, 3], [1 / 3, 1]], [[1, 3], [1 / 3, 1]]]})
    assert created.status_code == 201
    assert (created.json()["weights"], created.json()["version"]) == ({"A": "0.750000", "B": "0.250000"}, 1)
    critic = _json(client, "/api/v1/selection/weight-sets", {
        "name": "CRITIC", "instrument_id": finished["instrument"].pk, "source": "critic",
        "basis_round_id": finished["round"].pk})
    assert critic.status_code == 201 and critic.json()["basis_round_id"] == finished["round"].pk
    bad = _json(client, "/api/v1/selection/weight-sets", {
        "name": "x", "instrument_id": finished["instrument"].pk, "source": "manual", "weights": [1]})
    assert bad.status_code == 422
    assert bad.json()["errors"] == {"weights": [_id("Give %(n)s weights, one per dimension (%(codes)s).",
                                                    n=2, codes="A, B")]}
    client.force_login(users["national_viewer"])
    before = WeightSet.objects.count()
    assert _json(client, "/api/v1/selection/weight-sets", {
        "name": "x", "instrument_id": finished["instrument"].pk, "source": "instrument"}).status_code == 403
    assert WeightSet.objects.count() == before
    client.logout()
    assert client.get("/api/v1/selection/weight-sets").status_code == 401


def _run_body(finished, **constraints) -> dict:
    return {"name": "Seleksi API", "round_id": finished["round"].pk, "weight_set_id": finished["weights"].pk,
            "method": "saw", "constraints": constraints or QUOTA, "draws": 200, "seed": 11}


def test_api_runs_verify_and_publish(client, users, finished):
    client.force_login(users["researcher"])
    response = _json(client, "/api/v1/selection/runs", _run_body(finished))
    assert response.status_code == 201
    body = response.json()
    run = SelectionRun.objects.get()
    assert (body["id"], body["input_hash"], body["output_hash"]) == (run.pk, run.input_hash, run.output_hash)
    assert body["outputs"]["selected"] == [BGR, SBY]
    assert body["inputs"]["alternatives"] == 5 and body["inputs"]["criteria"] == ["A", "B"]
    assert body["inputs"]["constraints"] == {**QUOTA, "require_active": True}
    # the same inputs as the page's run of test_run_through_the_page… give the same result
    assert client.get(f"/api/v1/selection/runs/{run.pk}").json()["outputs"] == run.outputs
    assert [r["id"] for r in client.get("/api/v1/selection/runs").json()["items"]] == [run.pk]
    check = client.post(f"/api/v1/selection/runs/{run.pk}/verify").json()
    assert check == {"identical": True, "input_hash_ok": True, "output_hash_ok": True,
                     "output_hash": run.output_hash, "stored_output_hash": run.output_hash}
    client.force_login(users["national_admin"])
    published = _json(client, f"/api/v1/selection/runs/{run.pk}/publish", {"title": "Penetapan API"})
    assert published.status_code == 201
    assert [c["code"] for c in published.json()["selected"]] == [BGR, SBY]
    again = _json(client, f"/api/v1/selection/runs/{run.pk}/publish", {"title": "Lagi"})
    assert again.status_code == 422 and Decision.objects.count() == 1
    client.logout()
    public = client.get("/api/v1/selection/decisions").json()
    assert public["count"] == 1
    item = public["items"][0]
    assert (item["title"], item["input_hash"], item["output_hash"], item["method"]) == (
        "Penetapan API", run.input_hash, run.output_hash, "saw")
    assert item["selected"][0] == {"code": BGR, "name": "BLK Komunitas Darul Ulum", "province": "32",
                                   "province_name": "Jawa Barat"}
    assert client.get(item["report_url"]).content.startswith(b"%PDF")


def test_api_infeasible_run_is_422_naming_the_constraint(client, users, finished):
    client.force_login(users["national_admin"])
    before = _state()
    response = _json(client, "/api/v1/selection/runs", _run_body(
        finished, n=2, min_class="assisted", min_per_province={"35": 2}, max_per_province={"35": 2},
        must_include=[{"code": BGR, "reason": "Usulan Disnaker"}]))
    assert response.status_code == 422
    # Jawa Timur needs both places, yet Darul Ulum (Jawa Barat) must be in: 3 for 2 places.
    with translation.override("id"):
        expected = gettext("No selection meets all the constraints.") + " " + gettext(
            "Constraints in conflict: %(constraints)s.") % {"constraints": "; ".join([
                gettext("Centres that must be included"),
                gettext("Minimum for %(province)s: at least %(count)s selected") % {"province": "Jawa Timur", "count": 2},
            ])}
    assert response.json() == {"detail": expected, "errors": {"constraints": [expected]}}
    assert _state() == before
    response = _json(client, "/api/v1/selection/runs", _run_body(finished, n=2, min_per_province={"91": 1},
                                                                 must_exclude=[{"code": SBY, "reason": ""}]))
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "min_per_province": [_id("Province %(code)s has no centre with a verified assessment in this round.",
                                 code="91")],
        "must_exclude": [_id("Give the reason for centre %(code)s.", code=SBY)],
    }
    response = _json(client, "/api/v1/selection/runs", _run_body(finished, n=2, quota=1))
    assert response.json()["errors"] == {"constraints": [_id("Unknown constraint(s): %(names)s.", names="quota")]}
    assert _state() == before


# --- presenters and data -------------------------------------------------------------------------------------


@pytest.mark.parametrize("message,expected", [
    ("only 2 centres are eligible; cannot select 3.",
     ("Only %(eligible)s centres are eligible; %(n)s cannot be selected.", {"eligible": "2", "n": "3"})),
    ("2051000001 is not a centre of this round with a verified assessment.",
     ("Centre %(code)s has no verified assessment in this round.", {"code": "2051000001"})),
    ("min_per_group names group(s) that no alternative belongs to: 32.",
     ("%(provinces)s: no eligible centre, so a per-province minimum or maximum cannot apply there; remove it.",
      {"provinces": "Jawa Barat"})),
])
def test_run_refusals_in_words(message, expected):
    text, values = expected
    assert presenters.error_text(message, {}) == _id(text, **values)


def test_province_tiles_cover_the_38_provinces():
    assert sorted(TILES) == sorted(Province.objects.values_list("code", flat=True))
    assert len(TILES) == 38
    assert len({(row, col) for row, col, _abbr in TILES.values()}) == 38  # one tile per cell
    assert len({abbr for _row, _col, abbr in TILES.values()}) == 38
    assert {code: TILES[code][2] for code in ("91", "92", "93", "94", "95", "96")} == {
        "91": "PA", "92": "PB", "93": "PS", "94": "PT", "95": "PE", "96": "PD"}


def test_job_page_polls_until_the_run_is_computed(client, users, finished):
    client.force_login(users["national_admin"])
    response = client.post(f"/seleksi/run/baru/?round={finished['round'].pk}",
                           _run_post(weight_set=finished["weights"].pk))  # not committed: the job waits
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


def test_list_pages_query_count_does_not_grow(client, users, finished):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts():
        result = []
        for url in ("/seleksi/", "/seleksi/bobot/", "/seleksi/run/", "/seleksi/keputusan/"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    def one_more(k):
        ws = services.weight_set_create(actor=users["national_admin"], name=f"Manual {k}",
                                        instrument=finished["instrument"], source="manual", weights=[1, k])
        run = services.run_create(actor=users["national_admin"], name=f"Run {k}", rnd=finished["round"],
                                  weight_set=ws, constraints={"n": 2}, draws=50)
        services.decision_publish(actor=users["national_admin"], run=run, title=f"Keputusan {k}")

    client.force_login(users["national_admin"])
    one_more(1)
    first = counts()
    one_more(2)
    one_more(3)
    assert counts() == first


def test_full_ranking_is_paginated(client, users, run, monkeypatch):
    from inkubator.selection import views

    monkeypatch.setattr(views, "RANKING_PAGE", 3)
    client.force_login(users["national_viewer"])
    first = client.get(f"/seleksi/run/{run.pk}/")
    assert [r["code"] for r in first.context["ranking"]] == [SBY, ACEH, BGR]
    second = client.get(f"/seleksi/run/{run.pk}/?page=2")
    assert [r["code"] for r in second.context["ranking"]] == [MLG]
    assert 'id="rank-2035000002"' in second.content.decode() and 'id="rank-2035000001"' not in second.content.decode()
    assert [r["code"] for r in second.context["view"]["selected"]] == [SBY, BGR]  # the rest of the page is whole
