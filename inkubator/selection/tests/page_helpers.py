"""What the page and API tests of the selection share: the quota constraints, the centres' codes, posting
JSON, the Indonesian text a page shows, the run form's data and the state that a refusal must leave alone.

Expected Indonesian strings come from the catalogues at run time (`gettext` under
`translation.override("id")`), so the tests hold whether or not the new strings are translated yet.
"""

import json

from django.utils import translation
from django.utils.translation import gettext

from inkubator.core.models import AuditEntry
from inkubator.selection.models import Decision, SelectionRun, WeightSet

# The constraints of test_runs.py::test_run_under_quota_with_explanations: Aceh (2nd best) is kept out
# because Jawa Barat needs one centre, which brings in Darul Ulum (3rd).
QUOTA = {
    "n": 2,
    "min_class": "assisted",
    "require_aid": True,
    "max_per_province": {"35": 1},
    "min_per_province": {"32": 1},
}
SBY, MLG, BGR, BALI, ACEH = "2035000001", "2035000002", "2032000001", "2051000001", "2011000001"


def post_json(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def indonesian(text: str, **values) -> str:
    """The Indonesian text the pages show (the msgid itself while the catalogue lacks it)."""
    with translation.override("id"):
        return gettext(text) % values if values else gettext(text)


def db_state():
    """Runs, weight sets, decisions, audit entries and the runs' statuses: what a refusal leaves as it was."""
    return (
        SelectionRun.objects.count(),
        WeightSet.objects.count(),
        Decision.objects.count(),
        AuditEntry.objects.count(),
        list(SelectionRun.objects.values_list("status", flat=True)),
    )


def run_post(**extra) -> dict:
    """The run form's data over the finished round; `extra` adds or replaces fields."""
    data = {
        "name": "Seleksi 2026",
        "method": "saw",
        "n": "2",
        "min_class": "assisted",
        "require_aid": "on",
        "require_active": "on",
        "draws": "200",
        "concentration": "100",
        "seed": "11",
        "rows": "5",
        "action": "compute",
    }
    data.update(extra)
    return data
