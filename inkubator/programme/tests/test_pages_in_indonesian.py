"""Every page of every role reads Indonesian (issue 9 §2).

The pages are those of the scope matrix (every URL pattern of the project, declared by the apps in
`<app>/tests/scope_expectations.py`) against the matrix's world (`scope_world.py`), each opened by every
principal the matrix lets open it (status 200) — and the refusals too, which show the error pages. The
browser asks for English (Accept-Language: en-US): the interface must answer in Indonesian all the same.
A page fails on English interface text (`page_text.english_leaks`), on a year with a thousands separator
and on raw JSON in its change history.
"""

from __future__ import annotations

import logging

import pytest

from inkubator.programme.tests import scope_matrix
from inkubator.programme.tests.page_text import (
    english_leaks,
    grouped_years,
    raw_structures,
    untitled_filter_choices,
    visible_text,
)
from inkubator.programme.tests.scope_world import PRINCIPALS, build_world

pytestmark = pytest.mark.django_db

DECLARED = scope_matrix.collect()


def pages() -> list[scope_matrix.Expect]:
    """The GET rows that answer with a page (not the API, not exports, which name a format)."""
    return [
        e
        for expects in DECLARED.values()
        for e in expects
        if not e.is_api and e.method == "GET" and not e.query and not e.target.endswith(("_pdf", "_xlsx"))
    ]


def problems_of(response) -> list[str]:
    if not response.get("Content-Type", "").startswith("text/html") or getattr(response, "streaming", False):
        return []
    html = response.content.decode()
    text, history = visible_text(html)
    found = ["a filter offers '---------' instead of 'Semua'"] if untitled_filter_choices(html) else []
    if leaks := english_leaks(text):
        found.append(f"English {leaks}")
    if years := grouped_years(text):
        found.append(f"years with separators {years}")
    if structures := raw_structures(history):
        found.append(f"raw structures in the change history {structures}")
    return found


def test_every_page_of_every_role_reads_indonesian(registry, users, caplog):
    caplog.set_level(logging.CRITICAL, logger="django.request")  # the refusals are expected here
    world = build_world(registry, users)
    sessions = scope_matrix.Sessions(world)
    sessions.client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9"
    problems, seen = [], 0
    for expect in pages():
        path = expect.path(world)
        for principal in PRINCIPALS:
            if expect.statuses[principal] not in (200, 403, 404):
                continue
            response = sessions.request(principal, expect, path, None)
            seen += 1
            problems += [f"{expect} as {principal}: {p}" for p in problems_of(response)]
    assert seen > 300  # the whole project, not a handful of pages
    assert not problems, "\n".join([f"{len(problems)} pages are not all Indonesian:", *problems])


def test_the_checks_catch_what_they_look_for():
    """The three checks really fail: English, a grouped year, JSON in the history."""
    page = (
        "<html><body><p>Cari BLK</p><p>Tahun 2.021</p><label>Sort</label><p>Search the registry</p>"
        '<section id="history"><li>Nama: {"a": 1}</li></section><script>var Search = 1;</script></body></html>'
    )
    text, history = visible_text(page)
    assert english_leaks(text) == ["Search", "Sort"]
    assert grouped_years(text) == ["2.021"]
    assert raw_structures(history) == ['"a":', "{", "}"]
    assert english_leaks("Tahun 2021, Jl. Raya No. 5, Semua provinsi") == []
    assert grouped_years("2021 · Rp1.250.000 · 4.700 BLK") == []
