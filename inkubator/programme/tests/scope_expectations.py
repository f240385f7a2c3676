"""Scope rows of the programme's pages for the project's matrix (`scope_matrix.py`)."""

from inkubator.programme.tests.scope_matrix import Expect, row

EXPECTATIONS = [
    # The home page is public: anonymous visitors see the programme and the sign-in link.
    Expect(
        "programme:home",
        row(
            anonymous=200,
            no_scope=200,
            outsider=200,
            national_viewer=200,
            regional_officer=200,
            researcher=200,
            assessor=200,
            centre_manager=200,
            national_admin=200,
        ),
        public=True,
    ),
]
