"""End-to-end: a real Chromium (Debian's, driven by Playwright) against pytest-django's live server.

The scenario of the registry issue: log in through the form, filter the list, open a centre, make an
invalid edit (refused, nothing saved), make a valid edit (saved and audited), and switch the language —
on a desktop viewport and, for the list, on a phone.

The expected Indonesian strings are taken from the project's catalogues at run time (`gettext` under
`translation.override("id")`), so the test holds whether or not the Indonesian translation is compiled.
"""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils import translation
from django.utils.translation import gettext
from playwright import sync_api
from playwright.sync_api import expect

from inkubator.centres.models import Centre
from inkubator.centres.tests.factories import CentreFactory
from inkubator.core.models import AuditEntry

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PASSWORD = "s3cret-pass-123"  # make_user's default
TIMEOUT_MS = 60_000  # generous: a loaded CI machine is slow, a passing run never waits for it

pytestmark = [
    pytest.mark.browser,
    # live_server needs a transactional database; serialized_rollback restores the regions and vocations
    # loaded by data migrations, which the flush after each transactional test would otherwise wipe.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """One Chromium per module; every test gets its own context (cookies, viewport).

    While Playwright's sync API is active, its event loop counts as running in this thread, and Django
    then keeps a *separate* set of database connections for "async" code (asgiref's thread-critical
    Local). Without help, everything from here on — pytest-django's per-test setup and flush, the
    fixtures, the ORM checks — would use fresh connection objects that lack the serialized copy of the
    migration data, so `serialized_rollback` would silently do nothing and the second test would find
    no regions. Handing Django back the connections it had before keeps one connection per alias, as
    in any other test (and the live server, on in-memory SQLite, shares that very connection).
    """
    from django.db import connections

    expect.set_options(timeout=TIMEOUT_MS)
    before = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as mp, sync_api.sync_playwright() as pw:
        # The ORM calls in these tests are plain blocking calls between browser steps, but with the
        # loop "running" Django would refuse them; allowed for this module only, not the whole session.
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, connection in before.items():
            connections[alias] = connection
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module", autouse=True)
def migration_data_restored_afterwards(django_db_setup, django_db_blocker):
    """Put the data migrations' rows (regions, vocations) back once this module is done.

    serialized_rollback reloads them before each test here, but the flush after the last test leaves
    those tables empty: a transactional test that ran later, or the next session on a kept database
    (--reuse-db), would find no regions. (The flush keeps sequences, so the reloaded ids cannot collide
    with later inserts.)
    """
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


class PageProblems:
    """Everything the browser saw go wrong: script errors, console errors (CSP reports included),
    missing static files and server errors."""

    def __init__(self, page):
        self.items = []
        page.on("pageerror", lambda exc: self.items.append(f"page error: {exc}"))
        page.on("console", self._console)
        page.on("response", self._response)
        page.on("requestfailed", lambda req: self.items.append(f"request failed: {req.url} {req.failure}"))

    def _console(self, msg):
        # Chromium logs every 4xx document as a console error; the 422 of a refused form is intended.
        if msg.type == "error" and "status of 422" not in msg.text:
            self.items.append(f"console error: {msg.text}")

    def _response(self, response):
        if response.status >= 500 or ("/static/" in response.url and response.status >= 400):
            self.items.append(f"HTTP {response.status}: {response.url}")


def _new_page(browser, *, viewport, is_mobile=False):
    # An Indonesian browser: Accept-Language id-ID, so the site starts in its default language even
    # though Chromium alone would ask for en-US (LocaleMiddleware honours Accept-Language).
    context = browser.new_context(
        viewport=viewport,
        is_mobile=is_mobile,
        has_touch=is_mobile,
        locale="id-ID",
        timezone_id="Asia/Jakarta",
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    return context, page, PageProblems(page)


@pytest.fixture
def desktop(browser):
    context, page, problems = _new_page(browser, viewport={"width": 1280, "height": 900})
    yield page, problems
    context.close()


@pytest.fixture
def phone(browser):
    context, page, problems = _new_page(browser, viewport={"width": 390, "height": 844}, is_mobile=True)
    yield page, problems
    context.close()


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


def id_text(message):
    """`message` as the Indonesian UI shows it (the msgid itself while the catalogue lacks it)."""
    with translation.override("id"):
        return gettext(message)


def lang(page):
    return page.evaluate("document.documentElement.lang")


def log_in(page, base_url, username, *, next_path):
    """Open a protected page, get sent to the login form, log in through it, and land back."""
    page.goto(f"{base_url}{next_path}")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    form = page.locator("#login-form")
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}{next_path}")


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


def open_menu(page):
    """Open the collapsed navbar with its toggler and wait until Bootstrap's slide-down has finished
    (`#nav` gets `show` only then). Until then `#nav` clips its items, Playwright's scroll-into-view
    scrolls `#nav` itself, and the item slides back down frame by frame as `#nav` grows: on a loaded
    machine a click then lands on the neighbour above, or its press and release land on different
    elements, the link never gets the click, and the expected navigation never comes."""
    toggler = page.locator("button.navbar-toggler")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#nav")).to_have_class(re.compile(r"(^|\s)show(\s|$)"))


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
    hosts_link = page.locator("nav a.nav-link[href='/lembaga/']")
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

    registry_link = page.locator("#nav a.nav-link[href='/blk/']")
    expect(registry_link).to_be_hidden()
    open_menu(page)
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
