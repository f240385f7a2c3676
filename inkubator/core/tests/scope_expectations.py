"""Scope rows of core's URLs (jobs) for the project's matrix (`programme/tests/scope_matrix.py`).

A job is its creator's: anyone else — a national admin too, who is not a superuser — gets 404.
The world's job here is the regional officer's checked registry import (it has a result file).
"""

from inkubator.programme.tests.scope_matrix import Expect, row

ONLY_THE_CREATOR = row(
    anonymous=302,
    no_scope=404,
    outsider=404,
    national_viewer=404,
    regional_officer=200,
    researcher=404,
    assessor=404,
    centre_manager=404,
    national_admin=404,
)


def _job(w):
    return {"uuid": w.registry_job.uuid}


EXPECTATIONS = [
    Expect("core:job_detail", ONLY_THE_CREATOR, kwargs=_job),
    Expect("core:job_result", ONLY_THE_CREATOR, kwargs=_job),
    # The job a queued API request gives to follow (here the researcher's selection run).
    Expect(
        "GET /api/v1/jobs/{uuid}",
        row(
            anonymous=401,
            no_scope=404,
            outsider=404,
            national_viewer=404,
            regional_officer=404,
            researcher=200,
            assessor=404,
            centre_manager=404,
            national_admin=404,
        ),
        kwargs=lambda w: {"uuid": w.run_job.uuid},
    ),
]
