"""Browser tests: a real Chromium (Debian's, driven by Playwright) against pytest-django's live server.

A pytest plugin (registered in `inkubator/conftest.py`), so the fixtures below are available to every
test module without importing them:

- `browser`: one Chromium per module; it also puts the data migrations' rows back when the module is done
  (`migration_data_restored_afterwards`);
- `desktop` and `phone`: a fresh context and page per test, each with the `PageProblems` it collects.

A browser test module marks itself like this (live_server needs a transactional database;
serialized_rollback restores the regions and vocations loaded by data migrations, which the flush after
each transactional test would otherwise wipe)::

    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

The helpers (`log_in`, `open_menu`, `id_text`, `lang`) drive the pages the way a user does.
"""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright import sync_api
from playwright.sync_api import expect

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
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def migration_data_restored_afterwards(django_db_setup, django_db_blocker):
    """Put the data migrations' rows (regions, vocations) back once the module is done.

    serialized_rollback reloads them before each test of a browser module, but the flush after its last
    test leaves those tables empty: a transactional test that ran later, or the next session on a kept
    database (--reuse-db), would find no regions. (The flush keeps sequences, so the reloaded ids cannot
    collide with later inserts.) Requested by `browser`, so every module that drives a browser has it.
    """
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="module")
def browser(django_db_setup, migration_data_restored_afterwards):
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


class PageProblems:
    """Everything the browser saw go wrong: script errors, console errors (CSP reports included),
    missing static files, server errors and failed requests."""

    def __init__(self, page):
        self._seen = []
        self._failed = []  # (url, failure) of requests that got no response
        self._downloads = set()
        page.on("pageerror", lambda exc: self._seen.append(f"page error: {exc}"))
        page.on("console", self._console)
        page.on("response", self._response)
        page.on("requestfailed", lambda req: self._failed.append((req.url, req.failure)))
        page.on("download", lambda download: self._downloads.add(download.url))

    @property
    def items(self):
        # Following a link to an attachment (an export) turns its navigation into a download, and
        # Chromium reports that navigation request as aborted: not a problem.
        failed = [
            f"request failed: {url} {failure}"
            for url, failure in self._failed
            if not (url in self._downloads and failure == "net::ERR_ABORTED")
        ]
        return self._seen + failed

    def _console(self, msg):
        # Chromium logs every 4xx document as a console error; the 422 of a refused form is intended.
        if msg.type == "error" and "status of 422" not in msg.text:
            self._seen.append(f"console error: {msg.text}")

    def _response(self, response):
        if response.status >= 500 or ("/static/" in response.url and response.status >= 400):
            self._seen.append(f"HTTP {response.status}: {response.url}")


def new_page(browser, *, viewport, is_mobile=False):
    """A new context and its page, with the `PageProblems` of that page."""
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
    """(page, problems) in a 1280×900 window."""
    context, page, problems = new_page(browser, viewport=DESKTOP)
    yield page, problems
    context.close()


@pytest.fixture
def phone(browser):
    """(page, problems) on a 390×844 touch screen (a mobile viewport: meta viewport honoured)."""
    context, page, problems = new_page(browser, viewport=PHONE, is_mobile=True)
    yield page, problems
    context.close()


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


def open_phase(page, phase: str):
    """Open a phase's dropdown in the main menu (`#phase-<key>`, e.g. "registry"), as a click or tap does;
    on a phone open the collapsed menu first with `open_menu`."""
    toggle = page.locator(f"#phase-{phase}")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(f"#phase-{phase} + .dropdown-menu")).to_be_visible()
