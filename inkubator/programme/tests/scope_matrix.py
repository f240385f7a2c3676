"""The project's scope matrix: every URL and API operation × every principal, with the status each must get.

Each app declares its rows in `<app>/tests/scope_expectations.py` as a list `EXPECTATIONS` of `Expect`; the
matrix collects them from every installed `inkubator.*` app that has that module (a new app joins by adding
it). `test_scope_matrix.py` checks that every URL pattern of the project and every operation of the OpenAPI
schema is declared (or listed in `EXEMPT` with its reason), then runs every row as every principal against
the world of `scope_world.py` and fails with the full list of mismatches.

Writing a row: `target` is a URL name (``"centres:centre_update"``, with `method`) or an API operation
written as the schema has it (``"PATCH /api/v1/centres/{centre_id}"``); `kwargs(world)` fills the URL's
parameters, `query(world)` the query string, `data(world)` the body (form data for pages — files included —,
JSON for the API). `statuses = row(...)` names the status of every principal (a missing one is an error).
With `changes=True` (an allowed request writes), every refused request must leave the database exactly as
it was and every allowed one must write something. Requests run one by one inside a transaction that is
rolled back, so the principals never see each other's writes.
"""

from __future__ import annotations

import importlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from unittest import mock
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core import signals
from django.db import close_old_connections, connection, transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inkubator.programme.tests.scope_world import PRINCIPALS, World

OPERATION = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (/\S*)$")
ALLOWED = frozenset({200, 201, 202, 204, 302})

# URL patterns and operations outside the matrix, each with its reason. A key is a URL name, a whole
# namespace ("admin:*"), the route of an unnamed pattern ("/api/docs") or an operation.
EXEMPT: dict[str, str] = {
    "admin:*": "Django admin: superusers (staff accounts) only; no programme role reaches it.",
    "set_language": (
        "The language switch: public; keeps the choice in a cookie and, for a signed-in person, on their own "
        "account (accounts.services.user_set_language); touches no other record."
    ),
    "api:openapi-json": "The API's OpenAPI schema: public description of the endpoints, no data.",
    "api:openapi-view": "The API's interactive docs page (Swagger UI): public, no data.",
    "/api/docs": "A redirect to the API docs page (/api/v1/docs).",
    "api:api-root": "django-ninja's root of the API (no view of ours behind it).",
    "core:health": 'The load balancer\'s health check: public, answers {"status": "ok"}, touches no record.',
}


def row(
    *,
    anonymous: int,
    no_scope: int,
    outsider: int,
    national_viewer: int,
    regional_officer: int,
    researcher: int,
    assessor: int,
    centre_manager: int,
    national_admin: int,
) -> dict[str, int]:
    """The expected status of every principal (all nine, by name: a row is read whole)."""
    return {
        "anonymous": anonymous,
        "no_scope": no_scope,
        "outsider": outsider,
        "national_viewer": national_viewer,
        "regional_officer": regional_officer,
        "researcher": researcher,
        "assessor": assessor,
        "centre_manager": centre_manager,
        "national_admin": national_admin,
    }


def _nothing(world: World) -> dict:
    return {}


@dataclass(frozen=True)
class Expect:
    """One row of the matrix: a URL (name + method) or an API operation, and the status of every principal."""

    target: str
    statuses: dict[str, int]
    method: str = "GET"
    kwargs: Callable[[World], dict] = _nothing
    data: Callable[[World], dict | list | None] | None = None
    query: Callable[[World], dict] | None = None
    changes: bool = False
    # Anonymous may use it (a public page): an anonymous 302 is then not a redirect to the login page.
    public: bool = False
    # Two rows of the same URL and method (e.g. the list and its export) differ by label.
    label: str = ""
    # The URL or operation (or this behaviour of it) is being changed by work in progress elsewhere: the row
    # says what it will be; until then its mismatches are reported as warnings, not failures.
    pending: str = ""

    def __post_init__(self):
        given, wanted = set(self.statuses), set(PRINCIPALS)
        if given != wanted:
            missing, unknown = sorted(wanted - given), sorted(given - wanted)
            raise ValueError(
                f"{self.target}: statuses must name every principal; missing {missing}, unknown {unknown}"
            )
        match = OPERATION.match(self.target)
        if match:
            object.__setattr__(self, "method", match.group(1))
        elif " " in self.target or ":" not in self.target:
            raise ValueError(
                f"{self.target!r}: give a namespaced URL name or 'METHOD /api/v1/…' as in the schema"
            )
        object.__setattr__(self, "method", self.method.upper())

    @property
    def is_api(self) -> bool:
        return bool(OPERATION.match(self.target))

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.target, self.method, self.label)

    def __str__(self):
        name = self.target if self.is_api else f"{self.target} {self.method}"
        return f"{name} [{self.label}]" if self.label else name

    def path(self, world: World) -> str:
        kwargs = self.kwargs(world)
        if self.is_api:
            path = OPERATION.match(self.target).group(2).format(**kwargs)
        else:
            path = reverse(self.target, kwargs=kwargs or None)
        if self.query:
            path = f"{path}?{urlencode(self.query(world), doseq=True)}"
        return path


# --- discovery: what the project serves and what the apps declare ---------------------------------------------


def url_patterns() -> dict[str, str]:
    """Every URL pattern of the project: identity (namespaced name, or "/route" when unnamed) -> route."""
    found: dict[str, str] = {}

    def walk(resolver, prefix: str, namespace: str | None):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
                walk(p, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if p.name:
                    identity = f"{namespace}:{p.name}" if namespace else p.name
                else:
                    identity = f"{namespace}:/{route}" if namespace else f"/{route}"
                found.setdefault(identity, route)

    walk(get_resolver(), "", None)
    return found


def api_operations() -> set[str]:
    """Every operation of the API's OpenAPI schema, as "METHOD /path"."""
    from inkubator.api.api import api

    schema = api.get_openapi_schema()
    return {f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops}


def api_namespace() -> str:
    from inkubator.api.api import api

    return api.urls_namespace


def is_exempt(identity: str) -> bool:
    if identity in EXEMPT:
        return True
    return any(key.endswith(":*") and identity.startswith(key[:-1]) for key in EXEMPT)


def _schema_path(route: str) -> str:
    """`api/v1/centres/<centre_id>` (a ninja route) -> `/api/v1/centres/{centre_id}` (the schema's path)."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def collect() -> dict[str, list[Expect]]:
    """`EXPECTATIONS` of every installed `inkubator.*` app with a `tests.scope_expectations` module, by app label."""
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("inkubator."):
            continue
        module_name = f"{config.name}.tests.scope_expectations"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name in (module_name, f"{config.name}.tests"):
                continue
            raise
        found[config.label] = list(module.EXPECTATIONS)
    return found


def coverage_problems(declared: dict[str, list[Expect]]) -> list[str]:
    """Undeclared URLs and operations, declarations of nothing, duplicates and stale exemptions."""
    problems = []
    patterns = url_patterns()
    operations = api_operations()
    namespace = api_namespace()
    api_paths = {op.split(" ", 1)[1] for op in operations}
    expects = [e for app_expects in declared.values() for e in app_expects]

    seen: dict[tuple, str] = {}
    for app, app_expects in declared.items():
        for e in app_expects:
            if e.key in seen:
                problems.append(f"{e} is declared twice ({seen[e.key]} and {app})")
            seen.setdefault(e.key, app)
            if e.is_api:
                exists = e.target in operations
            else:
                exists = e.target in patterns
            if not exists and not e.pending:
                problems.append(
                    f"{e} (declared by {app}) names no URL pattern or API operation of the project"
                )

    page_targets = {e.target for e in expects if not e.is_api}
    api_targets = {e.target for e in expects if e.is_api}
    for identity, route in sorted(patterns.items()):
        if is_exempt(identity) or identity in page_targets:
            continue
        if identity.startswith(f"{namespace}:") and _schema_path(route) in api_paths:
            continue  # an API URL: its operations are checked below
        problems.append(f"URL {identity} (/{route}) has no scope expectation")
    for op in sorted(operations):
        if op not in api_targets and not is_exempt(op):
            problems.append(f"API operation {op} has no scope expectation")
    for key in EXEMPT:
        if key.endswith(":*"):
            stale = not any(identity.startswith(key[:-1]) for identity in patterns)
        else:
            stale = key not in patterns and key not in operations
        if stale:
            problems.append(f"EXEMPT lists {key}, which the project no longer has")
    return problems


# --- running the matrix ----------------------------------------------------------------------------------------------


def _tables() -> list[tuple[str, str]]:
    """(label, table) of every inkubator model, many-to-many tables and the audit table included."""
    tables = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_config.name.startswith("inkubator.") and not model._meta.proxy:
            tables.append((model._meta.label, model._meta.db_table))
    return sorted(set(tables))


def snapshot(tables) -> dict[str, list[tuple]]:
    """Every row of every table (`Model.objects.values()`, read in one raw query per table for speed)."""
    rows = {}
    with connection.cursor() as cursor:
        for label, table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608 - model tables
            rows[label] = cursor.fetchall()
    return rows


def _changed(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after[label]]


class Sessions:
    """One client (one middleware stack) and a session per principal, made once and sent afresh with every
    request: a logout or a cycled session cannot leak into the next request."""

    def __init__(self, world: World):
        self.client = Client()
        self.cookies = {}
        for principal in PRINCIPALS:
            user = world.user(principal)
            if user is not None:
                self.client.force_login(user)
                self.cookies[principal] = self.client.cookies[settings.SESSION_COOKIE_NAME].value
            self.client.cookies.clear()

    def request(self, principal: str, expect: Expect, path: str, data):
        client = self.client
        client.cookies.clear()
        if principal in self.cookies:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.cookies[principal]
        if expect.is_api:
            body = json.dumps(data) if data is not None else ""
            return client.generic(expect.method, path, body, content_type="application/json")
        if expect.method == "GET":
            return client.get(path)
        if expect.method == "POST":
            return client.post(path, data or {})
        return client.generic(expect.method, path)


def _consume(response) -> None:
    """Read a streamed body and close the response (its file), without the end-of-request signal: that
    signal closes a database connection found inside a transaction, and the matrix runs inside one."""
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    signals.request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        signals.request_finished.connect(close_old_connections)


@dataclass
class Report:
    problems: list[str]  # cells that do not hold
    pending: list[str]  # what the rows marked `pending` still wait for (warnings)


def run(expects: list[Expect], world: World, *, operations: set[str] | None = None) -> Report:
    """Every expectation as every principal: the mismatches, one sentence each."""
    operations = api_operations() if operations is None else operations
    patterns = url_patterns()
    sessions = Sessions(world)
    tables = _tables()
    baseline = snapshot(tables)  # after the logins, which stamp `last_login`
    report = Report(problems=[], pending=[])
    # Every refusal would log a warning with its traceback: hundreds of them, formatted for nothing.
    quiet = logging.getLogger("django.request")
    level, quiet.level = quiet.level, logging.ERROR
    try:
        # Who may get a PDF is the question here, not its layout (tested with the reports): the template is
        # rendered with its data, WeasyPrint's layout (a third of the matrix's time) is skipped.
        with mock.patch(
            "weasyprint.HTML.write_pdf", return_value=b"%PDF-1.7 layout skipped by the scope matrix"
        ):
            _run_all(expects, world, report, operations, patterns, sessions, tables, baseline)
    finally:
        quiet.setLevel(level)
    return report


def _run_all(expects, world, report, operations, patterns, sessions, tables, baseline) -> None:
    for expect in expects:
        exists = expect.target in (operations if expect.is_api else patterns)
        if not exists and expect.pending:
            report.pending.append(f"{expect}: not there yet ({expect.pending})")
            continue
        problems = _run_one(expect, world, sessions, tables, baseline)
        if expect.pending:
            if problems:
                report.pending.extend(f"{p} (pending: {expect.pending})" for p in problems)
            else:
                report.pending.append(f"{expect} now holds: remove its `pending`")
        else:
            report.problems.extend(problems)


def _run_one(expect: Expect, world: World, sessions: Sessions, tables, baseline) -> list[str]:
    login = resolve_url(settings.LOGIN_URL)
    path = expect.path(world)
    problems = []
    for principal in PRINCIPALS:
        wanted = expect.statuses[principal]
        where = f"{expect} as {principal}"
        refused = wanted >= 400 or (principal == "anonymous" and not expect.public)
        try:
            with transaction.atomic():
                data = expect.data(world) if expect.data else None
                response = sessions.request(principal, expect, path, data)
                _consume(response)
                changed = _changed(baseline, snapshot(tables)) if expect.changes else []
                transaction.set_rollback(True)
        except Exception as exc:  # noqa: BLE001 - a crash is one more mismatch to list
            problems.append(f"{where}: expected {wanted}, raised {type(exc).__name__}: {exc}")
            continue
        got = response.status_code
        if got != wanted:
            problems.append(f"{where}: expected {wanted}, got {got}")
            continue
        if principal == "anonymous" and got == 302 and not expect.public:
            if not response["Location"].startswith(login):
                problems.append(f"{where}: redirected to {response['Location']}, not to the login page")
        if expect.is_api and got >= 400 and not _error_shape(response):
            problems.append(f"{where}: the {got} does not have the API's error shape")
        if expect.changes and refused and changed:
            problems.append(f"{where}: refused ({got}) but changed {', '.join(changed)}")
        if expect.changes and not refused and got in ALLOWED and not changed:
            problems.append(f"{where}: allowed ({got}) but wrote nothing (check the row's data)")
    return problems


def _error_shape(response) -> bool:
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    return isinstance(body, dict) and set(body) == {"detail", "errors"}
