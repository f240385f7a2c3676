"""Scope rows of the API-only operations (regions) for the project's matrix (`programme/tests/scope_matrix.py`).

The other operations are declared by the app they serve (centres, assessment, selection, core).
"""

from inkubator.programme.tests.scope_matrix import Expect, row

PUBLIC = row(
    anonymous=200,
    no_scope=200,
    outsider=200,
    national_viewer=200,
    regional_officer=200,
    researcher=200,
    assessor=200,
    centre_manager=200,
    national_admin=200,
)

EXPECTATIONS = [
    # Reference data with Kemendagri codes: public.
    Expect("GET /api/v1/regions/provinces", PUBLIC, public=True),
    Expect("GET /api/v1/regions/regencies", PUBLIC, public=True, query=lambda w: {"province": "35"}),
]
