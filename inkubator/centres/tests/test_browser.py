"""End-to-end: a real Chromium (Debian's, driven by Playwright) against pytest-django's live server.

The scenario of the registry issue: log in through the form, filter the list, open a centre, make an
invalid edit (refused, nothing saved), make a valid edit (saved and audited), and switch the language —
on a desktop viewport and, for the list, on a phone.

The expected Indonesian strings are taken from the project's catalogues at run time (`gettext` under
`translation.override("id")`), so the test holds whether or not the Indonesian translation is compiled.
The browser fixtures and helpers are shared with the other browser tests: `inkubator.core.testing.browser`.
"""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils import translation
from playwright.sync_api import expect

from inkubator.centres.models import Centre
from inkubator.centres.tests.factories import CentreFactory
from inkubator.core.models import AuditEntry
from inkubator.core.testing.browser import PASSWORD, id_text, lang, log_in, open_menu, open_phase

pytestmark = [
    pytest.mark.browser,
    # live_server needs a transactional database; serialized_rollback restores the regions and vocations
    # loaded by data migrations, which the flush after each transactional test would otherwise wipe.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# --- fixtures (`browser`, `desktop`, `phone`: inkubator.core.testing.browser) ------------------


@pytest.fixture
def extra_centres(registry):
    """Two more centres so a name search and a province filter each exclude something:
    "Falah" matches Al-Falah (Jawa Timur), Darul Falah (Jawa Timur) and Miftahul Falah (Jawa Barat);
    "Darul" matches Darul Falah (Jawa Timur) and Darul Ulum (Jawa Barat)."""
    return {
        "sidoarjo": CentreFactory(code="2035000003", regency_id="35.15", name="BLK Komunitas Darul Falah"),
        "bogor": CentreFactory(code="2032000002", regency_id="32.01", name="BLK Komunitas Miftahul Falah"),
    }


# --- helpers -----------------------------------------------------------------------------------


def apply_filters(page, **values):
    """Fill the list's filter form (text inputs and selects by field name) and submit it."""
    form = page.locator("#filter-form")
    for name, value in values.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def listed(page):
    """(code, name) of every centre row in the list table, in order (one round trip to the browser)."""
    rows = page.locator("#centre-list tbody tr").evaluate_all(
        """rows => rows.filter(r => r.querySelector("td code"))   // not the "no centres match" row
                      .map(r => [r.querySelector("td code").textContent.trim(),
                                 r.querySelector("td a").textContent.trim()])"""
    )
    return [tuple(row) for row in rows]


def field_box(page, name):
    """The `.mb-3` wrapper of a form field: its label, widget, help and errors."""
    return page.locator(f"#centre-form #id_{name}").locator("xpath=ancestor::div[contains(@class,'mb-3')][1]")


def latitude_max_message():
    """The error Django gives for a latitude above 6.5, in Indonesian."""
    try:
        MaxValueValidator(6.5)(Decimal("50"))
    except ValidationError as exc:
        with translation.override("id"):
            return exc.messages[0]
    raise AssertionError("MaxValueValidator(6.5) accepted 50")


# --- tests -------------------------------------------------------------------------------------


def test_regional_officer_filters_edits_and_switches_language(
    live_server, desktop, users, registry, extra_centres
):
    page, problems = desktop
    base = live_server.url
    officer = users["regional_officer"]  # dinas1, scope: Jawa Timur (35)
    centre = extra_centres["sidoarjo"]
    before = Centre.objects.get(pk=centre.pk)
    audits_before = AuditEntry.objects.count()

    # 1. Log in through the form; the site starts in Indonesian.
    log_in(page, base, officer.username, next_path="/blk/")
    assert lang(page) == "id"
    expect(page.locator("h1")).to_have_text(id_text("BLK Komunitas registry"))

    # 2. Filter: a name search alone, then the same search AND a province.
    apply_filters(page, q="Falah")
    expect(page).to_have_url(re.compile(r"[?&]q=Falah"))
    # Miftahul Falah (Jawa Barat) matches the search but is outside the officer's province.
    assert listed(page) == [
        ("2035000002", "BLK Komunitas Al-Falah"),
        ("2035000003", "BLK Komunitas Darul Falah"),
    ]

    apply_filters(page, q="Darul", province="32")  # Darul Ulum is in Jawa Barat: outside the officer's scope
    assert listed(page) == []
    expect(page.locator("#centre-list tbody")).to_contain_text(id_text("No centres match these filters."))
    apply_filters(page, q="Darul", province="35")
    expect(page).to_have_url(re.compile(r"[?&]q=Darul(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]province=35(&|$)"))
    assert listed(page) == [("2035000003", "BLK Komunitas Darul Falah")]
    # The form keeps what was asked for.
    expect(page.locator("#filter-form [name=q]")).to_have_value("Darul")
    expect(page.locator("#filter-form [name=province]")).to_have_value("35")

    # 3. Open the centre and go to its edit form.
    with page.expect_navigation():
        page.locator("#centre-list tbody").get_by_role("link", name="BLK Komunitas Darul Falah").click()
    expect(page).to_have_url(f"{base}/blk/{centre.pk}/")
    expect(page.locator("#centre-name")).to_have_text("BLK Komunitas Darul Falah")
    with page.expect_navigation():
        page.locator("#edit-centre").click()
    expect(page).to_have_url(f"{base}/blk/{centre.pk}/ubah/")
    form = page.locator("#centre-form")
    expect(form.locator("#id_name")).to_have_value("BLK Komunitas Darul Falah")

    # 4. An invalid value: a latitude north of Indonesia. Refused with 422, the error beside the field,
    #    the other input kept, and nothing saved.
    form.locator("#id_name").fill("BLK Komunitas Darul Falah Sidoarjo")
    form.locator("#id_latitude").fill("50")
    with page.expect_navigation() as nav:
        form.locator("button[type=submit]").click()
    assert nav.value.status == 422
    assert nav.value.request.method == "POST"
    expect(page).to_have_url(f"{base}/blk/{centre.pk}/ubah/")
    expect(page.locator("#centre-form .alert-danger")).to_have_text(
        id_text("Please correct the fields marked below.")
    )
    latitude = page.locator("#id_latitude")
    expect(latitude).to_have_attribute("aria-invalid", "true")
    expect(latitude).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(latitude).to_have_value("50")
    expect(field_box(page, "latitude").locator(".invalid-feedback")).to_have_text(latitude_max_message())
    expect(page.locator("#centre-form .invalid-feedback")).to_have_count(1)  # only the latitude is wrong
    expect(page.locator("#id_name")).to_have_value("BLK Komunitas Darul Falah Sidoarjo")

    unchanged = Centre.objects.get(pk=centre.pk)
    assert (unchanged.name, unchanged.latitude, unchanged.version) == (
        before.name,
        before.latitude,
        before.version,
    )
    assert unchanged.updated_at == before.updated_at
    assert AuditEntry.objects.count() == audits_before

    # 5. A valid edit: put the latitude right and keep the new name. Saved, audited, shown.
    page.locator("#id_latitude").fill("-7.447800")
    with page.expect_navigation() as nav:
        page.locator("#centre-form button[type=submit]").click()
    expect(page).to_have_url(f"{base}/blk/{centre.pk}/")
    assert nav.value.status == 200
    expect(page.locator("#centre-name")).to_have_text("BLK Komunitas Darul Falah Sidoarjo")
    expect(page.locator(".alert-success")).to_contain_text("BLK Komunitas Darul Falah Sidoarjo")
    # The change history on the page shows who changed what.
    latest = page.locator("section[aria-labelledby=history-title] tbody tr").first
    expect(latest).to_contain_text(officer.username)
    expect(latest).to_contain_text("BLK Komunitas Darul Falah → BLK Komunitas Darul Falah Sidoarjo")

    saved = Centre.objects.get(pk=centre.pk)
    assert saved.name == "BLK Komunitas Darul Falah Sidoarjo"
    assert saved.latitude == Decimal("-7.447800")
    assert saved.version == before.version + 1
    entry = AuditEntry.objects.get(object_id=str(centre.pk), action=AuditEntry.Action.UPDATE)
    assert entry.actor_id == officer.pk
    assert entry.content_type.model_class() is Centre
    assert entry.changes["name"] == ["BLK Komunitas Darul Falah", "BLK Komunitas Darul Falah Sidoarjo"]
    assert Decimal(str(entry.changes["latitude"][1])) == Decimal("-7.447800")
    assert AuditEntry.objects.count() == audits_before + 1

    # 6. Switch the language with the selector in the navbar: the page comes back in English, same URL.
    hosts_link = page.locator("#nav a[href='/lembaga/']")  # in the "Registri" phase of the menu
    expect(hosts_link).to_have_text(id_text("Host institutions"))
    expect(page.locator("#language-select")).to_have_value("id")
    with page.expect_navigation():
        page.locator("#language-select").select_option("en")  # app.js submits on change
    expect(page).to_have_url(f"{base}/blk/{centre.pk}/")
    assert lang(page) == "en"
    expect(page.locator("#language-select")).to_have_value("en")
    expect(hosts_link).to_have_text("Host institutions")
    expect(page.locator("#language-submit")).to_have_text("Switch")
    expect(page.locator("#edit-centre")).to_have_text("Edit")
    expect(page.locator("#centre-name")).to_have_text("BLK Komunitas Darul Falah Sidoarjo")

    # The choice sticks for the next page.
    page.goto(f"{base}/")
    assert lang(page) == "en"
    expect(hosts_link).to_have_text("Host institutions")

    assert problems.items == []


def test_phone_national_admin_uses_collapsed_menu_and_filters(
    live_server, phone, users, registry, extra_centres
):
    page, problems = phone
    base = live_server.url
    admin = users["national_admin"]  # sees every province

    # The navbar is collapsed on a phone: "Log in" and the menu links only show once the toggler opens it.
    page.goto(f"{base}/")
    assert lang(page) == "id"
    toggler = page.locator("button.navbar-toggler")
    login_link = page.locator("#nav a[href='/accounts/login/']")
    expect(toggler).to_be_visible()
    expect(login_link).to_be_hidden()
    open_menu(page)
    expect(login_link).to_be_visible()
    with page.expect_navigation():
        login_link.click()
    form = page.locator("#login-form")
    form.locator("input[name=username]").fill(admin.username)
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page).to_have_url(f"{base}/")  # LOGIN_REDIRECT_URL

    registry_link = page.locator("#nav a[href='/blk/']")
    expect(registry_link).to_be_hidden()
    open_menu(page)
    open_phase(page, "registry")  # the menu groups pages by programme phase
    expect(registry_link).to_be_visible()
    with page.expect_navigation():
        registry_link.click()
    expect(page).to_have_url(f"{base}/blk/")

    # All seven centres, ordered by name.
    assert [name for _code, name in listed(page)] == [
        "BLK Komunitas Al-Falah",
        "BLK Komunitas Darul Falah",
        "BLK Komunitas Darul Ulum",
        "BLK Komunitas Darussalam",
        "BLK Komunitas Miftahul Falah",
        "BLK Komunitas Nurul Huda",
        "BLK Komunitas Widya Dharma",
    ]

    # A search alone finds both Darul centres; with the province it finds only the Jawa Timur one.
    apply_filters(page, q="Darul")
    assert listed(page) == [
        ("2035000003", "BLK Komunitas Darul Falah"),
        ("2032000001", "BLK Komunitas Darul Ulum"),
    ]
    apply_filters(page, province="35")
    assert listed(page) == [("2035000003", "BLK Komunitas Darul Falah")]

    # Usable at 390px: nothing wider than the screen, the filter button and the row's link reachable.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the phone screen"
    expect(page.locator("#filter-form button[type=submit]")).to_be_in_viewport()
    link = page.locator("#centre-list tbody").get_by_role("link", name="BLK Komunitas Darul Falah")
    link.scroll_into_view_if_needed()
    expect(link).to_be_visible()
    # Columns that would not fit are hidden on a phone (host institution, vocation, year, status).
    expect(page.locator("#centre-list thead th").nth(2)).to_be_hidden()
    expect(page.locator("#centre-list thead th").nth(1)).to_be_visible()

    with page.expect_navigation():
        link.tap()
    expect(page.locator("#centre-name")).to_have_text("BLK Komunitas Darul Falah")
    expect(page.locator("#edit-centre")).to_be_visible()

    # The language selector lives in the collapsed menu too.
    open_menu(page)
    expect(page.locator("#language-select")).to_be_visible()
    with page.expect_navigation():
        page.locator("#language-select").select_option("en")
    assert lang(page) == "en"
    expect(page.locator("#edit-centre")).to_have_text("Edit")

    assert problems.items == []
