"""End-to-end: a whole assessment round in a real Chromium (Debian's, driven by Playwright).

The scenario of the assessment issue, tried as a new user would: the assessor fills the field form on a
phone (answers saved automatically while they work), is refused while the required evidence is missing,
uploads the photo and submits; the researcher, on a desktop, returns one indicator with a reason; the
assessor corrects it and submits again; the researcher verifies; the round's results show the centre
with its index and class, and the export has the same figures. A second test keeps an Upload tap made
while an autosave is on its way from being lost.

The round is built through the services by the fixtures of `tests/conftest.py` (`round_`: the small test
instrument, the cluster's centres Nurul Huda and Widya Dharma, the assessor assigned to both). Expected
Indonesian strings come from the catalogues at run time (`gettext` under `translation.override("id")`).
Browser fixtures and helpers: `inkubator.core.testing.browser`.
"""

import hashlib
import re
from decimal import Decimal as D

import pytest
from playwright.sync_api import expect
from python_calamine import CalamineWorkbook

from inkubator.assessment.models import Assessment, Evidence, Transition
from inkubator.assessment.tests.browser_steps import (
    autosaved,
    choose,
    list_row,
    no_problems,
    status_of,
    stored_answers,
)
from inkubator.assessment.tests.conftest import PNG
from inkubator.core.testing.browser import PASSWORD, id_text, lang, log_in, open_menu, open_phase

pytestmark = [
    pytest.mark.browser,
    # live_server needs a transactional database; serialized_rollback restores the regions and vocations
    # loaded by data migrations, which the flush after each transactional test would otherwise wipe.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CENTRE = "BLK Komunitas Nurul Huda"  # registry["sby"]: 2035000001, Kota Surabaya, Jawa Timur
REASON = "Hitung hanya pengelola purna waktu, bukan relawan."

# The answers, scored by hand with the rules of scoring.py (indicator score = 100 × (points − min) /
# (max − min); dimension = weighted mean of its indicators; index = weighted mean of the dimensions,
# A 0.6 and B 0.4; class: ≥ 70 ready, ≥ 50 ready with mentoring):
#   A1 scale level 4 of 1–5         → 100 × 3/4 = 75
#   A2 yes (1 of 0–1)               → 100
#   A = (2 × 75 + 1 × 100) / 3      = 83.333… → 83.33
#   B1 "Koperasi" (2 of 0–3)        → 66.666… → 66.67
#   B3 free text                    → not scored
# First submission, B2 = 2 people: band [1, 3) = 1 point of 0–4 → 25
#   B = (1 × 66.666… + 3 × 25) / 4  = 35.416…
#   index = 0.6 × 83.333… + 0.4 × 35.416… = 50 + 14.1666… = 64.17 → ready with mentoring
# After the return, B2 = 4 people: band [3, 6) = 2 points → 50
#   B = (1 × 66.666… + 3 × 50) / 4  = 54.166… → 54.17
#   index = 50 + 0.4 × 54.166… = 50 + 21.666… = 71.67 → ready


# --- helpers -----------------------------------------------------------------------------------


def test_round_end_to_end(live_server, phone, desktop, users, registry, round_, tmp_path):
    base = live_server.url
    assessor_page, assessor_problems = phone
    researcher_page, researcher_problems = desktop
    page = assessor_page
    assessment = Assessment.objects.get(round=round_, centre=registry["sby"])
    form_url = f"{base}/asesmen/{assessment.pk}/"
    assert status_of(assessment) == "assigned"

    # --- 1. The assessor logs in on a phone and finds the assessment through the collapsed menu.
    page.goto(f"{base}/accounts/login/")
    assert lang(page) == "id"
    login = page.locator("#login-form")
    login.locator("input[name=username]").fill(users["assessor"].username)
    login.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        login.locator("button[type=submit]").tap()
    expect(page).to_have_url(f"{base}/")  # LOGIN_REDIRECT_URL

    # The assessor's one link in the "Asesmen" phase of the menu: their own assessments.
    assessments_link = page.locator("#nav a.nav-link[href='/asesmen/']")
    expect(assessments_link).to_be_hidden()
    open_menu(page)
    expect(assessments_link).to_contain_text(id_text("My assessments"))
    with page.expect_navigation():
        assessments_link.tap()
    expect(page).to_have_url(f"{base}/asesmen/")
    # Both centres of the cluster are assigned to this assessor, neither started.
    expect(page.locator("#assessment-table tbody tr")).to_have_count(2)
    expect(list_row(page, CENTRE).locator("td").nth(4)).to_have_text(id_text("Assigned"))
    expect(list_row(page, "BLK Komunitas Widya Dharma").locator("td").nth(4)).to_have_text(
        id_text("Assigned")
    )
    no_problems(assessor_problems)

    with page.expect_navigation():
        page.get_by_role("link", name=CENTRE).tap()
    expect(page).to_have_url(form_url)
    expect(page.locator("h1")).to_contain_text(CENTRE)
    expect(page.locator("#status-badge")).to_have_text(id_text("Assigned"))
    expect(page.locator("#save-status")).to_have_text("")
    # Made for the phone: nothing wider than the screen, and the submit button always in reach.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the field form is {overflow}px wider than the phone screen"
    expect(page.locator("#submit-button")).to_be_in_viewport()

    # --- 2. Answer. The first tap is saved on its own: the status line says so, the database has it.
    with autosaved(page, assessment, v_A1="4") as saved:
        choose(page, "A1", "4 Tingkat 4")
    assert saved["status"] == "draft"
    assert status_of(assessment) == "draft"
    assert stored_answers(assessment) == {"A1": ("4", None, "", False, "")}

    # The rest in one go, the way a user works through the form; the autosave that follows the last
    # tap carries every answer.
    page.locator("#n_B2").fill("2")
    page.locator("#t_B3").fill("Dua pengelola, satu relawan.")
    choose(page, "A2", "Ya")
    with autosaved(
        page, assessment, v_A1="4", v_A2="yes", v_B1="koperasi", n_B2="2", t_B3="Dua pengelola, satu relawan."
    ) as saved:
        choose(page, "B1", "Koperasi")
    assert (saved["composite"], saved["readiness_class"]) == ("64.17", id_text("Ready with mentoring"))
    expect(page.locator("#score-value")).to_have_text("64,17")
    expect(page.locator("#class-value")).to_have_text(id_text("Ready with mentoring"))
    assert stored_answers(assessment) == {
        "A1": ("4", None, "", False, ""),
        "A2": ("yes", None, "", False, ""),
        "B1": ("koperasi", None, "", False, ""),
        "B2": ("", D("2.00"), "", False, ""),
        "B3": ("", None, "Dua pengelola, satu relawan.", False, ""),
    }
    no_problems(assessor_problems)

    # --- 3. Submit without the evidence A1 requires: refused, the problem shown at A1, still a draft.
    with page.expect_navigation() as nav:
        page.locator("#submit-button").tap()
    assert nav.value.status == 422
    evidence_missing = id_text("%(code)s: attach a photo or PDF as evidence.") % {"code": "A1"}
    expect(page.locator("#submit-errors li")).to_have_text([evidence_missing])
    expect(page.locator("#ind-A1")).to_have_class(re.compile(r"\bind-problem\b"))
    expect(page.locator("#ind-A1 div.text-danger[role=alert]")).to_have_text(evidence_missing)
    expect(page.locator("#ind-B2")).not_to_have_class(re.compile(r"\bind-problem\b"))
    expect(page.locator("#n_B2")).to_have_value("2")  # nothing the assessor entered is lost
    assert status_of(assessment) == "draft"
    assert not Evidence.objects.exists()
    no_problems(assessor_problems)

    # --- 4. Attach the photo of the founding decree to A1.
    photo = tmp_path / "sk-pendirian.png"
    photo.write_bytes(PNG)
    page.locator("#ind-A1 input[type=file]").set_input_files(photo)
    with page.expect_navigation():
        page.locator("#ind-A1 button[form=ev-A1]").tap()
    expect(page).to_have_url(f"{form_url}#ind-A1")
    expect(page.locator(".alert-success")).to_have_text(
        id_text("%(code)s: evidence uploaded.") % {"code": "A1"}
    )
    expect(page.locator("#ev-list-A1 a")).to_have_text(["sk-pendirian.png"])
    evidence = Evidence.objects.get()
    assert (evidence.assessment_id, evidence.indicator.code, evidence.original_name) == (
        assessment.pk,
        "A1",
        "sk-pendirian.png",
    )
    assert (evidence.content_type, evidence.size, evidence.sha256) == (
        "image/png",
        len(PNG),
        hashlib.sha256(PNG).hexdigest(),
    )
    no_problems(assessor_problems)

    # --- 5. Submit: accepted, back on the list.
    with page.expect_navigation():
        page.locator("#submit-button").tap()
    expect(page).to_have_url(f"{base}/asesmen/")
    expect(page.locator(".alert-success")).to_have_text(id_text("Assessment submitted for review."))
    expect(list_row(page, CENTRE).locator("td").nth(4)).to_have_text(id_text("Submitted"))
    assert status_of(assessment) == "submitted"
    no_problems(assessor_problems)

    # --- 6. The researcher, on a desktop, opens it from the list: a submitted assessment opens for review.
    page = researcher_page
    log_in(page, base, users["researcher"].username, next_path="/asesmen/")
    with page.expect_navigation():
        page.get_by_role("link", name=CENTRE).click()
    expect(page).to_have_url(f"{form_url}tinjau/")
    expect(page.locator("#review-index")).to_have_text("64,17")
    review = page.locator("#review-form")
    expect(review.locator("#ind-A1 td").nth(2)).to_have_text("75")
    expect(review.locator("#ind-A1 td").nth(3)).to_have_text("sk-pendirian.png")
    expect(review.locator("#ind-B1 td").nth(2)).to_have_text("66,67")
    expect(review.locator("#ind-B2 td").nth(1)).to_have_text("2 orang")
    expect(review.locator("#ind-B2 td").nth(2)).to_have_text("25")
    no_problems(researcher_problems)

    # Return B2 with a reason.
    review.locator("#ret-B2").check()
    review.locator("#why-B2").fill(REASON)
    with page.expect_navigation():
        review.locator("#return-button").click()
    expect(page).to_have_url(form_url)
    expect(page.locator(".alert-success")).to_have_text(id_text("Assessment returned to the assessor."))
    expect(page.locator("#status-badge")).to_have_text(id_text("Returned"))
    assert status_of(assessment) == "returned"
    assert stored_answers(assessment)["B2"] == ("", D("2.00"), "", True, REASON)
    assert [a for a, (*_, returned, _why) in stored_answers(assessment).items() if returned] == ["B2"]
    returned = Transition.objects.filter(assessment=assessment).latest("pk")
    assert (returned.from_status, returned.to_status, returned.actor_id, returned.indicators) == (
        "submitted",
        "returned",
        users["researcher"].pk,
        ["B2"],
    )
    no_problems(researcher_problems)

    # --- 7. The assessor sees what was returned and why, corrects B2 and submits again.
    page = assessor_page
    page.reload()
    expect(list_row(page, CENTRE).locator("td").nth(4)).to_have_text(id_text("Returned"))
    with page.expect_navigation():
        page.get_by_role("link", name=CENTRE).tap()
    expect(page).to_have_url(form_url)
    expect(page.locator("#returned-note")).to_contain_text(id_text("Returned by the reviewer"))
    expect(page.locator("#ind-B2")).to_have_class(re.compile(r"\bind-problem\b"))
    expect(page.locator("#ind-B2 .alert-warning")).to_have_text(f"{id_text('Returned')}: {REASON}")
    expect(page.locator(".ind-problem")).to_have_count(1)
    expect(page.locator("#n_B2")).to_have_value("2")

    with autosaved(page, assessment, n_B2="4") as saved:
        page.locator("#n_B2").fill("4")
    assert (saved["status"], saved["composite"], saved["readiness_class"]) == (
        "returned",
        "71.67",
        id_text("Ready"),
    )
    expect(page.locator("#score-value")).to_have_text("71,67")
    expect(page.locator("#class-value")).to_have_text(id_text("Ready"))
    # Changing the answer counts as the correction; the reviewer's reason stays on record.
    assert stored_answers(assessment)["B2"] == ("", D("4.00"), "", False, REASON)

    with page.expect_navigation():
        page.locator("#submit-button").tap()
    expect(page).to_have_url(f"{base}/asesmen/")
    expect(page.locator(".alert-success")).to_have_text(id_text("Assessment submitted for review."))
    assert status_of(assessment) == "submitted"
    no_problems(assessor_problems)

    # --- 8. The researcher verifies.
    page = researcher_page
    page.goto(f"{base}/asesmen/")
    expect(list_row(page, CENTRE).locator("td").nth(4)).to_have_text(id_text("Submitted"))
    with page.expect_navigation():
        page.get_by_role("link", name=CENTRE).click()
    expect(page).to_have_url(f"{form_url}tinjau/")
    expect(page.locator("#review-index")).to_have_text("71,67")
    expect(page.locator("#ind-B2 td").nth(2)).to_have_text("50")
    with page.expect_navigation():
        page.locator("#verify-button").click()
    expect(page).to_have_url(form_url)
    expect(page.locator(".alert-success")).to_have_text(id_text("Assessment verified."))
    expect(page.locator("#status-badge")).to_have_text(id_text("Verified"))
    verified = Assessment.objects.get(pk=assessment.pk)
    assert (verified.status, verified.composite_score, verified.readiness_class) == (
        "verified",
        D("71.67"),
        "ready",
    )
    assert verified.dimension_scores == {"A": "83.33", "B": "54.17"}
    no_problems(researcher_problems)

    # --- 9. The round's results: rounds → the round → results. Only the verified centre is there.
    page.goto(f"{base}/")
    open_phase(page, "assessment")
    with page.expect_navigation():
        page.locator("#nav a[href='/asesmen/putaran/']").click()
    with page.expect_navigation():
        page.get_by_role("link", name=round_.name, exact=True).click()
    with page.expect_navigation():
        page.locator("#round-results-nav").get_by_role("link", name=id_text("Results"), exact=True).click()
    expect(page).to_have_url(f"{base}/asesmen/putaran/{round_.pk}/hasil/")
    rows = page.locator("#results-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td")).to_have_text(
        [
            "2035000001",
            CENTRE,
            "Jawa Timur",
            "Kota Surabaya",
            "1",
            "83,33",
            "54,17",
            "71,67",
            id_text("Ready"),
        ]
    )
    expect(page.locator("#class-counts td")).to_have_text(
        [id_text("Ready"), "1", id_text("Ready with mentoring"), "0", id_text("Not ready"), "0"]
    )
    # The charts were drawn (ECharts, SVG renderer) — under the site's Content-Security-Policy.
    expect(page.locator("#results-histogram svg")).to_have_count(1)
    expect(page.locator("#results-classes svg")).to_have_count(1)
    no_problems(researcher_problems)

    # --- 10. Export one row per centre as XLSX and read the workbook.
    with page.expect_download() as download_info:
        page.get_by_role("link", name=id_text("XLSX, one row per centre"), exact=True).click()
    download = download_info.value
    assert re.fullmatch(rf"hasil-asesmen-{round_.pk}-wide-\d{{8}}-\d{{4}}\.xlsx", download.suggested_filename)
    workbook = CalamineWorkbook.from_path(str(download.path()))
    assert workbook.sheet_names == [f"hasil-asesmen-{round_.pk}-wide"]
    sheet = workbook.get_sheet_by_index(0).to_python()
    assert sheet == [
        [
            id_text("Centre code"),
            id_text("Centre name"),
            id_text("Province"),
            id_text("Regency/city"),
            id_text("Verified assessors"),
            "A1",
            "A2",
            "B1",
            "B2",
            id_text("Dimension %(code)s") % {"code": "A"},
            id_text("Dimension %(code)s") % {"code": "B"},
            id_text("Readiness index"),
            id_text("Readiness class"),
        ],
        [
            "2035000001",
            CENTRE,
            "Jawa Timur",
            "Kota Surabaya",
            1,
            75,
            100,
            66.67,
            50,
            83.33,
            54.17,
            71.67,
            id_text("Ready"),
        ],
    ]
    no_problems(researcher_problems, assessor_problems)


def test_upload_tapped_while_an_autosave_runs_is_sent(live_server, phone, users, registry, round_, tmp_path):
    """Choosing the photo starts an autosave; an Upload tap while that save is still on its way must
    not be lost (field-form.js used to drop it, so nothing happened and the user had to tap again)."""
    page, problems = phone
    base = live_server.url
    assessment = Assessment.objects.get(round=round_, centre=registry["sby"])
    log_in(page, base, users["assessor"].username, next_path=f"/asesmen/{assessment.pk}/")
    photo = tmp_path / "sk-pendirian.png"
    photo.write_bytes(PNG)

    # Hold the first autosave on its way (a slow connection) until the Upload button has been tapped.
    held = []

    def hold_first(route):
        if held:
            route.continue_()
        else:
            held.append(route)

    autosave = re.compile(rf"/asesmen/{assessment.pk}/simpan/$")
    page.route(autosave, hold_first)
    with page.expect_request(autosave):
        page.locator("#ind-A1 input[type=file]").set_input_files(photo)  # a change: autosave soon
    expect(page.locator("#save-status")).to_have_text(id_text("Saving…"))
    upload = page.locator("#ind-A1 button[form=ev-A1]")
    upload.tap()
    assert len(held) == 1
    with page.expect_navigation():
        held[0].continue_()
    expect(page).to_have_url(f"{base}/asesmen/{assessment.pk}/#ind-A1")
    expect(page.locator(".alert-success")).to_have_text(
        id_text("%(code)s: evidence uploaded.") % {"code": "A1"}
    )
    expect(page.locator("#ev-list-A1 a")).to_have_text(["sk-pendirian.png"])
    assert list(Evidence.objects.values_list("assessment_id", "indicator__code")) == [(assessment.pk, "A1")]
    no_problems(problems)
