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

Inter-rater reliability (Krippendorff's alpha)
----------------------------------------------
Reliability data has one row per assessor and one column per centre; units rated by fewer than two
assessors drop out (so only centres with two or more verified assessments count).

- **Per indicator, on the answers**: scale, choice and yes/no indicators at the **ordinal** level on the
  option *points* (the rubric's levels are ordered, their distances are not known); number indicators at
  the **interval** level on the number entered (e.g. the count of staff).
- **Per indicator, on the scores**: every scored indicator at the **interval** level on its 0–100 score.
  For option indicators this equals the interval alpha on points (alpha is invariant under the affine
  normalisation); for number indicators it measures agreement after banding.
- **Pooled over the round** (`reliability.pooled_alpha`, every (indicator, centre) pair one unit):
  *ordinal* over the scale/choice/yes-no indicators on their **0–100 scores** — per indicator this is
  the same as ordinal on points (the normalisation keeps the order), and it puts rubrics with different
  point ranges (1–5, 0–1, 0–3) on one scale, which pooling needs; *interval* over every scored
  indicator on the 0–100 scores. Raw numbers are never pooled (their units differ).

Alpha is ``None`` (shown "—") when undefined: no centre rated twice, or all pairable ratings equal.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from django.db.models import Q
from django.utils.translation import gettext as _

from inkubator.assessment import reliability, scoring, services
from inkubator.assessment.choices import AssessmentStatus, IndicatorKind, ReadinessClass
from inkubator.assessment.models import Answer, Assessment, AssessmentRound, Dimension, Evidence, Indicator
from inkubator.core import permissions as perms

DISAGREEMENT_POINTS = 25
TOP_N = 5
COMPARE_MIN, COMPARE_MAX = 2, 6
SORTS = ("-index", "index", "name", "code")
OPTION_KINDS = (IndicatorKind.SCALE, IndicatorKind.CHOICE, IndicatorKind.YES_NO)


# --------------------------------------------------------------------------------------------------
# Data shapes
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessorResult:
    """One verified assessment of a centre: its assessor and its own (rounded) scores."""

    assessment_id: int
    assessor_id: int
    username: str
    indicators: dict[str, Decimal | None]
    dimensions: dict[str, Decimal | None]
    composite: Decimal | None
    readiness_class: str

    @property
    def readiness_label(self) -> str:
        return ReadinessClass(self.readiness_class).label if self.readiness_class else ""


@dataclass
class CentreResult:
    """The consolidated result of one centre (rounded to 2 decimals) and what it was made from."""

    centre_id: int
    code: str
    name: str
    province_code: str
    province_name: str
    regency_name: str
    indicators: dict[str, Decimal | None]
    dimensions: dict[str, Decimal | None]
    composite: Decimal | None
    readiness_class: str
    assessors: list[AssessorResult]
    disagreement: dict[str, dict]  # indicator code → reliability.disagreement of the assessors' scores

    @property
    def n_assessors(self) -> int:
        return len(self.assessors)

    @property
    def readiness_label(self) -> str:
        return ReadinessClass(self.readiness_class).label if self.readiness_class else ""

    @property
    def dimension_list(self) -> list[Decimal | None]:
        return list(self.dimensions.values())


@dataclass
class RoundResults:
    """Consolidated results of the centres of a round the user may see (after filters and sort)."""

    round: AssessmentRound
    dimensions: list[Dimension]
    indicators: list[Indicator]  # scored indicators, in instrument order
    centres: list[CentreResult]

    def by_id(self) -> dict[int, CentreResult]:
        return {c.centre_id: c for c in self.centres}


@dataclass(frozen=True)
class ItemReliability:
    indicator: Indicator
    level: str  # of the alpha on the answers: "ordinal" (option points) or "interval" (numbers)
    alpha: float | None
    score_alpha: float | None  # interval alpha on the 0–100 scores
    units: int  # centres with two or more ratings of this indicator


@dataclass(frozen=True)
class RoundReliability:
    items: list[ItemReliability]
    pooled_ordinal: float | None
    pooled_interval: float | None
    centres: int  # centres with a verified result
    centres_pairable: int  # centres with two or more verified assessments
    assessors: int
    rule: str


# --------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------


@dataclass
class _Loaded:
    rules: list[scoring.IndicatorRule]
    weights: dict[str, Decimal]
    dimensions: list[Dimension]
    indicators: list[Indicator]  # every indicator, instrument order
    assessments: list[Assessment]
    answers: dict[int, dict[str, tuple[str, Decimal | None]]]  # assessment id → code → (value, number)
    sheets: dict[int, scoring.ScoreSheet]  # assessment id → unrounded sheet


def round_get(user, pk: int) -> AssessmentRound | None:
    """The round if the user may see it (with its instrument)."""
    return (
        AssessmentRound.objects.visible_to(user, perms.ASSESSMENT_VIEW).select_related("instrument").filter(pk=pk).first()
    )


def _verified(user, rnd: AssessmentRound, perm: str, *, province: str = "", search: str = "",
              centre_ids: Iterable[int] | None = None):
    qs = Assessment.objects.visible_to(user, perm).filter(round=rnd, status=AssessmentStatus.VERIFIED)
    if province:
        qs = qs.filter(centre__regency__province_id=province)
    search = (search or "").strip()[:100]
    if search:
        qs = qs.filter(Q(centre__name__icontains=search) | Q(centre__code__icontains=search))
    if centre_ids is not None:
        qs = qs.filter(centre_id__in=list(centre_ids))
    return qs


def _sheet(rules, weights, answers: dict[str, tuple[str, Decimal | None]]) -> scoring.ScoreSheet:
    """Unrounded scores of one assessment, exactly as `services` scores it (unscorable answer → None)."""
    scores: dict[str, Decimal | None] = {}
    for rule in rules:
        value, number = answers.get(rule.code, ("", None))
        try:
            scores[rule.code] = rule.score(value, number)
        except scoring.ScoringError:
            scores[rule.code] = None
    return scoring.aggregate(rules, weights, scores)


def _load(user, rnd: AssessmentRound, perm: str, **filters) -> _Loaded:
    instrument = rnd.instrument
    rules, weights = services.instrument_rules(instrument)
    dimensions = list(instrument.dimensions.order_by("position"))
    indicators = list(instrument.indicators.order_by("dimension__position", "position"))
    code_of = {i.pk: i.code for i in indicators}
    qs = _verified(user, rnd, perm, **filters)
    assessments = list(
        qs.select_related("centre__regency__province", "assessor").order_by(
            "centre__name", "centre_id", "assessor__username", "pk"
        )
    )
    answers: dict[int, dict[str, tuple[str, Decimal | None]]] = defaultdict(dict)
    if assessments:
        rows = Answer.objects.filter(assessment__in=qs.values("pk")).values_list(
            "assessment_id", "indicator_id", "value", "number"
        )
        for assessment_id, indicator_id, value, number in rows:
            answers[assessment_id][code_of[indicator_id]] = (value, number)
    sheets = {a.pk: _sheet(rules, weights, answers.get(a.pk, {})) for a in assessments}
    return _Loaded(rules, weights, dimensions, indicators, assessments, dict(answers), sheets)


def _disagreement(rules, assessors: Sequence[AssessorResult]) -> dict[str, dict]:
    result = {}
    for rule in rules:
        if not rule.is_scored:
            continue
        values = [a.indicators.get(rule.code) for a in assessors]
        if any(v is not None for v in values):
            result[rule.code] = reliability.disagreement(values)
    return result


def _centre_results(rnd: AssessmentRound, loaded: _Loaded) -> list[CentreResult]:
    by_centre: dict[int, list[Assessment]] = defaultdict(list)
    for a in loaded.assessments:
        by_centre[a.centre_id].append(a)
    results = []
    for assessments in by_centre.values():
        centre = assessments[0].centre
        sheets = [loaded.sheets[a.pk] for a in assessments]
        assessors = []
        for a, sheet in zip(assessments, sheets, strict=True):
            rounded = sheet.rounded()
            assessors.append(AssessorResult(
                assessment_id=a.pk, assessor_id=a.assessor_id, username=a.assessor.username,
                indicators=rounded.indicators, dimensions=rounded.dimensions, composite=rounded.composite,
                readiness_class=rnd.readiness_class(sheet.composite),
            ))
        consolidated = scoring.consolidate_sheets(loaded.rules, loaded.weights, sheets, rule=rnd.consolidation_rule)
        rounded = consolidated.rounded()
        results.append(CentreResult(
            centre_id=centre.pk, code=centre.code, name=centre.name,
            province_code=centre.regency.province_id, province_name=centre.regency.province.name,
            regency_name=centre.regency.name, indicators=rounded.indicators, dimensions=rounded.dimensions,
            composite=rounded.composite, readiness_class=rnd.readiness_class(consolidated.composite),
            assessors=assessors, disagreement=_disagreement(loaded.rules, assessors),
        ))
    return results


def _scored(loaded: _Loaded) -> list[Indicator]:
    scored = {r.code for r in loaded.rules if r.is_scored}
    return [i for i in loaded.indicators if i.code in scored]


# --------------------------------------------------------------------------------------------------
# Results table, comparison, centre report
# --------------------------------------------------------------------------------------------------


def sort_results(centres: list[CentreResult], sort: str = "-index") -> list[CentreResult]:
    """By index (highest first by default; centres without an index last), by name or by code."""
    if sort == "name":
        return sorted(centres, key=lambda c: (c.name, c.code))
    if sort == "code":
        return sorted(centres, key=lambda c: c.code)
    missing = [c for c in centres if c.composite is None]
    present = [c for c in centres if c.composite is not None]
    if sort == "index":
        present.sort(key=lambda c: (c.composite, c.name))
    else:
        present.sort(key=lambda c: (-c.composite, c.name))
    return present + sorted(missing, key=lambda c: c.name)


def round_results(
    *, user, round: AssessmentRound, perm: str = perms.ASSESSMENT_VIEW, province: str = "", search: str = "",
    readiness: str = "", sort: str = "-index", centre_ids: Iterable[int] | None = None,
) -> RoundResults:
    """Consolidated result per centre from the verified assessments the user may see.

    `province` (code) and `search` (in code or name) filter in the database; `readiness` (a
    ReadinessClass value) filters the consolidated classes; `sort` is one of SORTS.
    """
    loaded = _load(user, round, perm, province=province, search=search, centre_ids=centre_ids)
    centres = _centre_results(round, loaded)
    if readiness:
        centres = [c for c in centres if c.readiness_class == readiness]
    return RoundResults(
        round=round, dimensions=loaded.dimensions, indicators=_scored(loaded),
        centres=sort_results(centres, sort if sort in SORTS else "-index"),
    )


def round_provinces(*, user, round: AssessmentRound, perm: str = perms.ASSESSMENT_VIEW) -> list[tuple[str, str]]:
    """(code, name) of the provinces with an assessment of the round the user may see: the filter's choices.

    Any status counts, so that the long export (which has every status a reviewer may see) can be
    filtered by a province whose assessments are not verified yet.
    """
    return list(
        Assessment.objects.visible_to(user, perm)
        .filter(round=round)
        .order_by("centre__regency__province_id")
        .values_list("centre__regency__province_id", "centre__regency__province__name")
        .distinct()
    )


def index_distribution(centres: Sequence[CentreResult]) -> dict:
    """Counts of the index in bins of 10 points (the last one is 90–100 inclusive) and per class."""
    bins = [0] * 10
    for c in centres:
        if c.composite is not None:
            bins[min(int(c.composite // 10), 9)] += 1
    classes = {value: 0 for value in ReadinessClass.values}
    for c in centres:
        if c.readiness_class:
            classes[c.readiness_class] += 1
    return {
        "bins": [f"{10 * i}–{10 * i + 10}" for i in range(10)],
        "counts": bins,
        "classes": [{"value": v, "label": str(ReadinessClass(v).label), "count": n} for v, n in classes.items()],
        "label": _("Centres"),
    }


def parse_centre_ids(raw: Sequence[str]) -> tuple[list[int], list[str]]:
    """Centre ids of a comparison, in the order given, without repeats; and what is wrong with them."""
    ids: list[int] = []
    bad: list[str] = []
    for value in raw:
        value = (value or "").strip()
        if value.isdigit() and len(value) <= 12:
            if int(value) not in ids:
                ids.append(int(value))
        else:
            bad.append(value[:20])
    errors = []
    if bad:
        errors.append(_("These are not centre ids: %(values)s.") % {"values": ", ".join(repr(v) for v in bad)})
    if len(ids) < COMPARE_MIN:
        errors.append(_("Choose at least %(min)d centres to compare.") % {"min": COMPARE_MIN})
    elif len(ids) > COMPARE_MAX:
        errors.append(
            _("Choose at most %(max)d centres to compare (you chose %(n)d).") % {"max": COMPARE_MAX, "n": len(ids)}
        )
    return ids, errors


def round_comparison(*, user, round: AssessmentRound, raw_ids: Sequence[str]) -> tuple[RoundResults | None, list[str]]:
    """Results of 2–6 centres in the order asked, or the reasons the selection cannot be compared.

    A centre outside the user's scope and one without a verified result get the same message, so the
    page never tells whether an id exists.
    """
    ids, errors = parse_centre_ids(raw_ids)
    if errors:
        return None, errors
    results = round_results(user=user, round=round, centre_ids=ids)
    found = results.by_id()
    missing = [i for i in ids if i not in found]
    if missing:
        return None, [
            _("No verified result you may see in this round for centre id(s) %(ids)s.")
            % {"ids": ", ".join(str(i) for i in missing)}
        ]
    results.centres = [found[i] for i in ids]
    return results, []


def _points(x: float) -> Decimal:
    """A float computed from 2-decimal scores back to 2 decimals (75.00000000000001 → 75.00)."""
    return scoring.round2(Decimal(repr(x)))


@dataclass
class CentreReport:
    results: RoundResults
    centre: CentreResult
    strengths: list[tuple[Indicator, Decimal]]
    weaknesses: list[tuple[Indicator, Decimal]]
    dimension_rows: list[dict]  # dimension, consolidated score, each assessor's score
    disagreements: list[dict]  # indicator, each assessor's score, range, consolidated score
    evidence: list[Evidence]


def centre_report(*, user, round: AssessmentRound, centre_id: int) -> CentreReport | None:
    """A centre's consolidated profile, strengths, weaknesses, assessors, evidence and disagreements.

    None when the user may see no verified assessment of the centre in this round.
    """
    results = round_results(user=user, round=round, centre_ids=[centre_id])
    if not results.centres:
        return None
    centre = results.centres[0]
    scored = [(i, centre.indicators[i.code]) for i in results.indicators if centre.indicators.get(i.code) is not None]
    position = {i.code: n for n, (i, _score) in enumerate(scored)}
    strengths = sorted(scored, key=lambda pair: (-pair[1], position[pair[0].code]))[:TOP_N]
    weaknesses = sorted(scored, key=lambda pair: (pair[1], position[pair[0].code]))[:TOP_N]
    dimension_rows = [
        {"dimension": d, "score": centre.dimensions.get(d.code), "assessors": [a.dimensions.get(d.code) for a in centre.assessors]}
        for d in results.dimensions
    ]
    disagreements = []
    for i in results.indicators:
        spread = centre.disagreement.get(i.code)
        if spread and spread["n"] >= 2 and _points(spread["range"]) >= DISAGREEMENT_POINTS:
            disagreements.append({
                "indicator": i, "assessors": [a.indicators.get(i.code) for a in centre.assessors],
                "range": _points(spread["range"]),
                "score": centre.indicators.get(i.code),
            })
    evidence = list(
        Evidence.objects.visible_to(user, perms.ASSESSMENT_VIEW)
        .filter(assessment_id__in=[a.assessment_id for a in centre.assessors])
        .select_related("indicator", "assessment__assessor")
        .order_by("indicator__dimension__position", "indicator__position", "assessment__assessor__username", "uploaded_at")
    )
    return CentreReport(
        results=results, centre=centre, strengths=strengths, weaknesses=weaknesses,
        dimension_rows=dimension_rows, disagreements=disagreements, evidence=evidence,
    )


# --------------------------------------------------------------------------------------------------
# Reliability
# --------------------------------------------------------------------------------------------------


def _table(columns: list[int], rows: list[int], ratings: dict[tuple[int, int], float | None]) -> np.ndarray:
    """Assessors × centres with NaN where an assessor did not rate a centre."""
    data = np.full((len(rows), len(columns)), np.nan)
    row_of = {r: n for n, r in enumerate(rows)}
    col_of = {c: n for n, c in enumerate(columns)}
    for (assessor, centre), value in ratings.items():
        if value is not None:
            data[row_of[assessor], col_of[centre]] = float(value)
    return data


def _units(data: np.ndarray) -> int:
    return int(((~np.isnan(data)).sum(axis=0) >= 2).sum())


def round_reliability(*, user, round: AssessmentRound) -> RoundReliability:
    """Krippendorff's alpha of the round per indicator and pooled (levels: module docstring)."""
    loaded = _load(user, round, perms.ASSESSMENT_VIEW)
    rules = {r.code: r for r in loaded.rules}
    assessors = sorted({a.assessor_id for a in loaded.assessments})
    centres = sorted({a.centre_id for a in loaded.assessments})
    per_centre: dict[int, int] = defaultdict(int)
    for a in loaded.assessments:
        per_centre[a.centre_id] += 1

    answer_tables: dict[str, np.ndarray] = {}
    score_tables: dict[str, np.ndarray] = {}
    scored = _scored(loaded)
    for indicator in scored:
        rule = rules[indicator.code]
        raw: dict[tuple[int, int], float | None] = {}
        scores: dict[tuple[int, int], float | None] = {}
        for a in loaded.assessments:
            value, number = loaded.answers.get(a.pk, {}).get(indicator.code, ("", None))
            if indicator.kind == IndicatorKind.NUMBER:
                raw[(a.assessor_id, a.centre_id)] = number
            else:
                raw[(a.assessor_id, a.centre_id)] = rule.options.get(value) if value else None
            scores[(a.assessor_id, a.centre_id)] = loaded.sheets[a.pk].indicators.get(indicator.code)
        answer_tables[indicator.code] = _table(centres, assessors, raw)
        score_tables[indicator.code] = _table(centres, assessors, scores)

    ordinal_codes = [i.code for i in scored if i.kind in OPTION_KINDS]
    interval_codes = [i.code for i in scored if i.kind == IndicatorKind.NUMBER]
    alphas = {
        **reliability.alpha_by_item({c: answer_tables[c] for c in ordinal_codes}, "ordinal"),
        **reliability.alpha_by_item({c: answer_tables[c] for c in interval_codes}, "interval"),
    }
    score_alphas = reliability.alpha_by_item(score_tables, "interval")
    items = [
        ItemReliability(
            indicator=i, level="interval" if i.kind == IndicatorKind.NUMBER else "ordinal",
            alpha=_finite(alphas[i.code]), score_alpha=_finite(score_alphas[i.code]), units=_units(score_tables[i.code]),
        )
        for i in scored
    ]
    return RoundReliability(
        items=items,
        pooled_ordinal=_finite(reliability.pooled_alpha({c: score_tables[c] for c in ordinal_codes}, "ordinal")),
        pooled_interval=_finite(reliability.pooled_alpha(score_tables, "interval")),
        centres=len(centres), centres_pairable=sum(1 for n in per_centre.values() if n >= 2),
        assessors=len(assessors), rule=round.consolidation_rule,
    )


def _finite(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else value


# --------------------------------------------------------------------------------------------------
# Exports
# --------------------------------------------------------------------------------------------------


def export_wide(results: RoundResults) -> tuple[list[str], list[list]]:
    """One row per centre: every indicator's consolidated score, the dimension scores, index and class."""
    headers = [
        _("Centre code"), _("Centre name"), _("Province"), _("Regency/city"), _("Verified assessors"),
        *[i.code for i in results.indicators],
        *[_("Dimension %(code)s") % {"code": d.code} for d in results.dimensions],
        _("Readiness index"), _("Readiness class"),
    ]
    rows = [
        [
            c.code, c.name, c.province_name, c.regency_name, c.n_assessors,
            *[c.indicators.get(i.code) for i in results.indicators],
            *[c.dimensions.get(d.code) for d in results.dimensions],
            c.composite, c.readiness_label,
        ]
        for c in results.centres
    ]
    return headers, rows


LONG_FIELDS = (
    "assessment__centre__code", "assessment__centre__name", "assessment__centre__regency__province__name",
    "assessment__assessor__username", "assessment__status", "indicator__code", "indicator__dimension__code",
    "indicator__kind", "value", "number", "text", "score", "returned",
)


def export_long(
    *, user, round: AssessmentRound, province: str = "", search: str = "", readiness: str = "",
) -> tuple[list[str], Iterable[list]]:
    """One row per answer of every assessment of the round the user may export, whatever its status.

    For researchers: codes (status, indicator, dimension, type) rather than labels, so scripts do not
    depend on the interface language; `returned` is 1 or 0. A `readiness` filter keeps the centres
    whose consolidated (verified) class matches.
    """
    headers = [
        _("Round"), _("Centre code"), _("Centre name"), _("Province"), _("Assessor"), _("Status"),
        _("Indicator"), _("Dimension"), _("Type"), _("Option"), _("Number"), _("Text"), _("Score (0–100)"),
        _("Returned"),
    ]
    qs = Answer.objects.visible_to(user, perms.ASSESSMENT_EXPORT).filter(assessment__round=round)
    if province:
        qs = qs.filter(assessment__centre__regency__province_id=province)
    search = (search or "").strip()[:100]
    if search:
        qs = qs.filter(Q(assessment__centre__name__icontains=search) | Q(assessment__centre__code__icontains=search))
    if readiness:
        keep = [
            c.centre_id
            for c in round_results(
                user=user, round=round, perm=perms.ASSESSMENT_EXPORT, province=province, search=search,
                readiness=readiness,
            ).centres
        ]
        qs = qs.filter(assessment__centre_id__in=keep)
    qs = qs.order_by(
        "assessment__centre__name", "assessment__centre_id", "assessment__assessor__username",
        "indicator__dimension__position", "indicator__position",
    ).values_list(*LONG_FIELDS)
    name = round.name

    def rows():
        for row in qs.iterator(chunk_size=2000):
            *head, returned = row
            yield [name, *head, 1 if returned else 0]

    return headers, rows()
