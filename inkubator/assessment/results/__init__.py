"""Results of an assessment round (read-only selectors): consolidated scores, disagreement, reliability.

What counts
-----------
Only **verified** assessments the user may see (`Assessment.objects.visible_to(user, perm)`) take part.
Each verified assessment is rescored from its answers with the instrument's rules
(`services.instrument_rules`); the centre's result is `scoring.consolidate_sheets` of those sheets under
the round's `consolidation_rule` (median by default; with two assessors the median is their mean), then
rounded half-up to 2 decimals like `ScoreSheet.rounded`. The readiness class comes from
`round.readiness_class` on the unrounded index, as `services` does for a single assessment.

Queries are bounded whatever the number of centres: the instrument (dimensions, indicators and
`instrument_rules`), the verified assessments with their centres, and *all* their answers in one query.

Disagreement
------------
Per centre and scored indicator, `reliability.disagreement` of the assessors' 0–100 indicator scores
(rounded to 2 decimals, the figures the report shows). The centre report lists the indicators whose
range is at least `DISAGREEMENT_POINTS` (25 points).

Parts: `consolidation` (loading, rescoring and consolidating: `round_results`), `reports`
(province choices, index distribution, comparison, centre report), `interrater` (Krippendorff's alpha;
its docstring says which levels are used) and `exports` (wide and long tables).
"""

from inkubator.assessment.results.consolidation import (
    SORTS,
    AssessorResult,
    CentreResult,
    RoundResults,
    round_get,
    round_results,
    round_results_unscoped,
    sort_results,
)
from inkubator.assessment.results.exports import LONG_FIELDS, export_long, export_wide
from inkubator.assessment.results.interrater import (
    OPTION_KINDS,
    ItemReliability,
    RoundReliability,
    round_reliability,
)
from inkubator.assessment.results.reports import (
    COMPARE_MAX,
    COMPARE_MIN,
    DISAGREEMENT_POINTS,
    TOP_N,
    CentreReport,
    centre_report,
    index_distribution,
    parse_centre_ids,
    round_comparison,
    round_provinces,
)

__all__ = [
    "AssessorResult",
    "COMPARE_MAX",
    "COMPARE_MIN",
    "CentreReport",
    "CentreResult",
    "DISAGREEMENT_POINTS",
    "ItemReliability",
    "LONG_FIELDS",
    "OPTION_KINDS",
    "RoundReliability",
    "RoundResults",
    "SORTS",
    "TOP_N",
    "centre_report",
    "export_long",
    "export_wide",
    "index_distribution",
    "parse_centre_ids",
    "round_comparison",
    "round_get",
    "round_provinces",
    "round_reliability",
    "round_results",
    "round_results_unscoped",
    "sort_results",
]
