"""Presenters and data: a run's refusals in the user's words; the province tiles of the maps."""

import pytest

from inkubator.regions.models import Province
from inkubator.selection import presenters
from inkubator.selection.province_tiles import TILES

from .page_helpers import indonesian

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "message,expected",
    [
        (
            "only 2 centres are eligible; cannot select 3.",
            (
                "Only %(eligible)s centres are eligible; %(n)s cannot be selected.",
                {"eligible": "2", "n": "3"},
            ),
        ),
        (
            "2051000001 is not a centre of this round with a verified assessment.",
            ("Centre %(code)s has no verified assessment in this round.", {"code": "2051000001"}),
        ),
        (
            "min_per_group names group(s) that no alternative belongs to: 32.",
            (
                "%(provinces)s: no eligible centre, so a per-province minimum or maximum cannot apply there; remove it.",
                {"provinces": "Jawa Barat"},
            ),
        ),
    ],
)
def test_run_refusals_in_words(message, expected):
    text, values = expected
    assert presenters.error_text(message, {}) == indonesian(text, **values)


def test_province_tiles_cover_the_38_provinces():
    assert sorted(TILES) == sorted(Province.objects.values_list("code", flat=True))
    assert len(TILES) == 38
    assert len({(row, col) for row, col, _abbr in TILES.values()}) == 38  # one tile per cell
    assert len({abbr for _row, _col, abbr in TILES.values()}) == 38
    assert {code: TILES[code][2] for code in ("91", "92", "93", "94", "95", "96")} == {
        "91": "PA",
        "92": "PB",
        "93": "PS",
        "94": "PT",
        "95": "PE",
        "96": "PD",
    }
