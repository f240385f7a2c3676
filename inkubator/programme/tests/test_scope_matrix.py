"""The scope matrix of the whole project (STYLE.md rule 14): every URL and API operation, every principal.

The rows are declared by each app (`<app>/tests/scope_expectations.py`); `scope_matrix.py` explains how.
"""

import warnings

import pytest

from inkubator.programme.tests import scope_matrix
from inkubator.programme.tests.scope_world import build_world

DECLARED = scope_matrix.collect()


def test_every_url_and_api_operation_has_a_scope_expectation():
    """Fails when a URL or operation is added without its row (or an exemption with a reason), when a row
    names something the project does not have, or when a row is declared twice."""
    problems = scope_matrix.coverage_problems(DECLARED)
    assert not problems, "\n".join(["The scope matrix is incomplete:", *problems])


def test_an_undeclared_url_or_operation_and_a_row_of_nothing_are_named():
    """The check above really fails: drop the rows of one URL and one operation, declare a row of nothing."""
    kept = {
        app: [
            e for e in expects if e.target not in ("centres:centre_detail", "GET /api/v1/centres/{centre_id}")
        ]
        for app, expects in DECLARED.items()
    }
    ghost = scope_matrix.Expect("centres:centre_merge", DECLARED["programme"][0].statuses)
    kept["programme"] = [*kept["programme"], ghost]
    assert scope_matrix.coverage_problems(kept) == [
        "centres:centre_merge GET (declared by programme) names no URL pattern or API operation of the project",
        "URL centres:centre_detail (/blk/<int:pk>/) has no scope expectation",
        "API operation GET /api/v1/centres/{centre_id} has no scope expectation",
    ]


def test_a_row_names_every_principal():
    with pytest.raises(ValueError, match=r"missing \['centre_manager'\]"):
        scope_matrix.Expect(
            "centres:centre_list",
            {
                p: 200
                for p in (
                    "anonymous",
                    "no_scope",
                    "outsider",
                    "national_viewer",
                    "regional_officer",
                    "researcher",
                    "assessor",
                    "national_admin",
                )
            },
        )


def test_every_app_with_urls_declares_its_rows():
    assert {"core", "accounts", "access", "centres", "assessment", "selection", "api", "programme"} <= set(
        DECLARED
    )


@pytest.mark.django_db
@pytest.mark.parametrize("app", sorted(DECLARED))
def test_scope_matrix(app, registry, users):
    world = build_world(registry, users)
    report = scope_matrix.run(DECLARED[app], world)
    for line in report.pending:
        warnings.warn(f"scope matrix, pending row: {line}", stacklevel=1)
    problems = report.problems
    assert not problems, "\n".join([f"{len(problems)} cells of the {app} rows do not hold:", *problems])
