"""Consolidated centre results: verified assessments rescored, combined under the round's rule, sorted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from inkubator.assessment import reliability, scoring, services
from inkubator.assessment.choices import AssessmentStatus, ReadinessClass
from inkubator.assessment.models import Answer, Assessment, AssessmentRound, Dimension, Indicator
from inkubator.assessment.permissions import ASSESSMENT_VIEW

SORTS = ("-index", "index", "name", "code")


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


@dataclass
class LoadedRound:
    """What results are computed from: the instrument's rules and the verified assessments, scored."""

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
        AssessmentRound.objects.visible_to(user, ASSESSMENT_VIEW)
        .select_related("instrument")
        .filter(pk=pk)
        .first()
    )


def _verified(
    base,
    rnd: AssessmentRound,
    *,
    province: str = "",
    search: str = "",
    centre_ids: Iterable[int] | None = None,
):
    qs = base.filter(round=rnd, status=AssessmentStatus.VERIFIED)
    if province:
        qs = qs.filter(centre__regency__province_id=province)
    search = (search or "").strip()[:100]
    if search:
        qs = qs.filter(Q(centre__name__icontains=search) | Q(centre__code__icontains=search))
    if centre_ids is not None:
        qs = qs.filter(centre_id__in=list(centre_ids))
    return qs


def load_round(base, rnd: AssessmentRound, **filters) -> LoadedRound:
    """The verified assessments of `rnd` among `base` (a `visible_to` queryset, or an `unscoped` one
    that says why), with their answers and unrounded score sheets; `filters` as for `round_results`."""
    instrument = rnd.instrument
    rules, weights = services.instrument_rules(instrument)
    dimensions = list(instrument.dimensions.order_by("position"))
    indicators = list(instrument.indicators.order_by("dimension__position", "position"))
    code_of = {i.pk: i.code for i in indicators}
    qs = _verified(base, rnd, **filters)
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
    sheets = {
        a.pk: scoring.score_answers(rules, weights, answers.get(a.pk, {}), strict=False) for a in assessments
    }
    return LoadedRound(rules, weights, dimensions, indicators, assessments, dict(answers), sheets)


def _disagreement(rules, assessors: Sequence[AssessorResult]) -> dict[str, dict]:
    result = {}
    for rule in rules:
        if not rule.is_scored:
            continue
        values = [a.indicators.get(rule.code) for a in assessors]
        if any(v is not None for v in values):
            result[rule.code] = reliability.disagreement(values)
    return result


def _centre_results(rnd: AssessmentRound, loaded: LoadedRound) -> list[CentreResult]:
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
            assessors.append(
                AssessorResult(
                    assessment_id=a.pk,
                    assessor_id=a.assessor_id,
                    username=a.assessor.username,
                    indicators=rounded.indicators,
                    dimensions=rounded.dimensions,
                    composite=rounded.composite,
                    readiness_class=rnd.readiness_class(sheet.composite),
                )
            )
        consolidated = scoring.consolidate_sheets(
            loaded.rules, loaded.weights, sheets, rule=rnd.consolidation_rule
        )
        rounded = consolidated.rounded()
        results.append(
            CentreResult(
                centre_id=centre.pk,
                code=centre.code,
                name=centre.name,
                province_code=centre.regency.province_id,
                province_name=centre.regency.province.name,
                regency_name=centre.regency.name,
                indicators=rounded.indicators,
                dimensions=rounded.dimensions,
                composite=rounded.composite,
                readiness_class=rnd.readiness_class(consolidated.composite),
                assessors=assessors,
                disagreement=_disagreement(loaded.rules, assessors),
            )
        )
    return results


def scored_indicators(loaded: LoadedRound) -> list[Indicator]:
    """The scored indicators (not free text), in instrument order."""
    scored = {r.code for r in loaded.rules if r.is_scored}
    return [i for i in loaded.indicators if i.code in scored]


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
    *,
    user,
    round: AssessmentRound,
    perm: str = ASSESSMENT_VIEW,
    province: str = "",
    search: str = "",
    readiness: str = "",
    sort: str = "-index",
    centre_ids: Iterable[int] | None = None,
) -> RoundResults:
    """Consolidated result per centre from the verified assessments the user may see.

    `province` (code) and `search` (in code or name) filter in the database; `readiness` (a
    ReadinessClass value) filters the consolidated classes; `sort` is one of SORTS.
    """
    return _round_results(
        Assessment.objects.visible_to(user, perm),
        round,
        province=province,
        search=search,
        readiness=readiness,
        sort=sort,
        centre_ids=centre_ids,
    )


def round_results_unscoped(round: AssessmentRound) -> RoundResults:
    """Every verified centre of the round, whoever asks: the input of a selection run, which is computed
    on the whole round (the caller has already checked that the user may see the round)."""
    whole_round = Assessment.objects.unscoped(
        reason="a selection run ranks every verified centre of the round, not only those in the user's scope"
    )
    return _round_results(whole_round, round, sort="code")


def _round_results(
    base,
    rnd: AssessmentRound,
    *,
    province: str = "",
    search: str = "",
    readiness: str = "",
    sort: str = "-index",
    centre_ids: Iterable[int] | None = None,
) -> RoundResults:
    loaded = load_round(base, rnd, province=province, search=search, centre_ids=centre_ids)
    centres = _centre_results(rnd, loaded)
    if readiness:
        centres = [c for c in centres if c.readiness_class == readiness]
    return RoundResults(
        round=rnd,
        dimensions=loaded.dimensions,
        indicators=scored_indicators(loaded),
        centres=sort_results(centres, sort if sort in SORTS else "-index"),
    )
