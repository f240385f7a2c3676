"""Writes to the readiness assessment. Each function checks permission and scope inside its transaction,
refuses stale saves (optimistic locking on `version`) and records an audit entry.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from inkubator.assessment import scoring
from inkubator.assessment.choices import AssessmentStatus, IndicatorKind, RoundStatus
from inkubator.assessment.models import (
    Answer,
    Assessment,
    AssessmentRound,
    Evidence,
    Indicator,
    Instrument,
    Transition,
)
from inkubator.core import audit
from inkubator.core import permissions as perms
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import Role, role_has_permission
from inkubator.core.services import StaleEdit, apply_data

ROUND_FIELDS = (
    "name", "instrument", "partner", "starts_on", "ends_on", "due_on", "threshold_ready", "threshold_assisted",
    "consolidation_rule",
)


def _require(actor, perm):
    if not role_has_permission(actor, perm):
        raise PermissionDenied(_("You do not have permission to do this."))


def _check_version(obj, expected_version, message):
    if expected_version is not None and obj.version != int(expected_version):
        raise StaleEdit(message)


# --- instruments -------------------------------------------------------------------------------


@transaction.atomic
def instrument_create_from_spec(*, actor, spec: Mapping, next_version_of: Instrument | None = None) -> Instrument:
    """Create an instrument (with its dimensions, indicators, options and bands) from a spec.

    The spec is validated first (`instrument_io.validate_spec`), so nothing is written unless all of it
    is valid. With `next_version_of`, the new instrument takes that instrument's code and the next
    version number whatever the spec says.
    """
    from inkubator.assessment.instrument_io import validate_spec

    if actor is not None:
        _require(actor, perms.INSTRUMENT_MANAGE)
    clean = validate_spec(spec)
    code = next_version_of.code if next_version_of else clean["code"]
    latest = Instrument.objects.filter(code=code).aggregate(v=Max("version"))["v"]
    if next_version_of is not None or latest is not None:
        version = (latest or 0) + 1
    else:
        version = clean["version"]
    instrument = Instrument.objects.create(
        code=code, version=version, name=clean["name"], name_en=clean.get("name_en", ""),
        description=clean.get("description", ""), description_en=clean.get("description_en", ""),
        previous=next_version_of, created_by=actor if getattr(actor, "pk", None) else None,
    )
    _build(instrument, clean)
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=instrument, before={})
    return instrument


def install_default_instrument(apps=None) -> None:
    """Install "Kesiapan BLK Komunitas sebagai Inkubator Wirausaha" v1 unless it is there (data migration)."""
    from inkubator.assessment.default_instrument import DEFAULT_INSTRUMENT
    from inkubator.assessment.instrument_io import validate_spec

    model = apps.get_model("assessment", "Instrument") if apps is not None else Instrument
    clean = validate_spec(DEFAULT_INSTRUMENT)
    if model.objects.filter(code=clean["code"], version=clean["version"]).exists():
        return
    instrument = model.objects.create(
        code=clean["code"], version=clean["version"], name=clean["name"], name_en=clean.get("name_en", ""),
        description=clean.get("description", ""), description_en=clean.get("description_en", ""),
    )
    _build(instrument, clean, apps=apps)


def _build(instrument: Instrument, clean: Mapping, *, apps=None) -> None:
    """Write the dimensions, indicators, options and bands of a validated spec into `instrument`.

    `apps` is a migration's app registry when the default instrument is installed by a data migration.
    """
    if apps is not None:
        Dimension, Indicator, IndicatorOption, ScoreBand = (  # noqa: N806 - historical models
            apps.get_model("assessment", name) for name in ("Dimension", "Indicator", "IndicatorOption", "ScoreBand")
        )
    else:
        from inkubator.assessment.models import Dimension, Indicator, IndicatorOption, ScoreBand
    for d_pos, d in enumerate(clean["dimensions"]):
        dimension = Dimension.objects.create(
            instrument=instrument, code=d["code"], name=d["name"], name_en=d.get("name_en", ""),
            weight=d["weight"], position=d_pos,
        )
        for i_pos, i in enumerate(d["indicators"]):
            indicator = Indicator.objects.create(
                instrument=instrument, dimension=dimension, code=i["code"], kind=i["kind"],
                question=i["question"], question_en=i.get("question_en", ""), guidance=i.get("guidance", ""),
                guidance_en=i.get("guidance_en", ""), weight=i["weight"], required=i["required"],
                evidence_required=i["evidence_required"], unit=i.get("unit", ""), unit_en=i.get("unit_en", ""),
                min_value=i.get("min_value"), max_value=i.get("max_value"), position=i_pos,
            )
            IndicatorOption.objects.bulk_create(
                IndicatorOption(
                    indicator=indicator, value=o["value"], label=o["label"], label_en=o.get("label_en", ""),
                    score=o["score"], position=pos,
                )
                for pos, o in enumerate(i.get("options") or [])
            )
            ScoreBand.objects.bulk_create(
                ScoreBand(indicator=indicator, lower=b["lower"], upper=b["upper"], score=b["score"], position=pos)
                for pos, b in enumerate(i.get("bands") or [])
            )


def instrument_to_spec(instrument: Instrument) -> dict:
    """The spec of a stored instrument (the inverse of `instrument_create_from_spec`)."""
    dimensions = []
    for d in instrument.dimensions.prefetch_related("indicators__options", "indicators__bands").order_by("position"):
        indicators = []
        for i in d.indicators.all().order_by("position"):
            indicators.append(
                {
                    "code": i.code, "kind": i.kind, "question": i.question, "question_en": i.question_en,
                    "guidance": i.guidance, "guidance_en": i.guidance_en, "weight": i.weight,
                    "required": i.required, "evidence_required": i.evidence_required, "unit": i.unit,
                    "unit_en": i.unit_en, "min_value": i.min_value, "max_value": i.max_value,
                    "options": [
                        {"value": o.value, "label": o.label, "label_en": o.label_en, "score": o.score}
                        for o in i.options.all()
                    ],
                    "bands": [{"lower": b.lower, "upper": b.upper, "score": b.score} for b in i.bands.all()],
                }
            )
        dimensions.append(
            {"code": d.code, "name": d.name, "name_en": d.name_en, "weight": d.weight, "indicators": indicators}
        )
    return {
        "code": instrument.code, "version": instrument.version, "name": instrument.name,
        "name_en": instrument.name_en, "description": instrument.description,
        "description_en": instrument.description_en, "dimensions": dimensions,
    }


@transaction.atomic
def instrument_new_version(*, actor, instrument: Instrument, spec: Mapping | None = None) -> Instrument:
    """Copy an instrument into its next version (optionally with an edited spec)."""
    _require(actor, perms.INSTRUMENT_MANAGE)
    return instrument_create_from_spec(
        actor=actor, spec=spec if spec is not None else instrument_to_spec(instrument), next_version_of=instrument
    )


@transaction.atomic
def instrument_replace(*, actor, instrument: Instrument, spec: Mapping) -> Instrument:
    """Edit a draft instrument in place (a frozen one is refused: make a new version instead)."""
    _require(actor, perms.INSTRUMENT_MANAGE)
    instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
    if instrument.is_frozen:
        raise ValidationError(
            _("This instrument is used by a round and cannot change. Make a new version to edit it.")
        )
    from inkubator.assessment.instrument_io import validate_spec

    clean = validate_spec(spec)
    before = audit.snapshot(instrument)
    instrument.dimensions.all().delete()
    for name in ("name", "name_en", "description", "description_en"):
        setattr(instrument, name, clean.get(name, ""))
    instrument.save()
    _build(instrument, clean)
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, obj=instrument, before=before)
    return instrument


def _freeze(actor, instrument: Instrument) -> None:
    if instrument.frozen_at is None:
        before = audit.snapshot(instrument)
        instrument.frozen_at = timezone.now()
        instrument.save(update_fields=["frozen_at", "updated_at"])
        audit.record(actor=actor, action=AuditEntry.Action.FREEZE, obj=instrument, before=before)


def instrument_rules(instrument: Instrument) -> tuple[list[scoring.IndicatorRule], dict[str, Decimal]]:
    """The scoring rules of an instrument: one query per table, in instrument order."""
    dimensions = list(instrument.dimensions.order_by("position"))
    weights = {d.code: d.weight for d in dimensions}
    dim_code = {d.pk: d.code for d in dimensions}
    indicators = list(instrument.indicators.prefetch_related("options", "bands").order_by("dimension__position", "position"))
    rules = [
        scoring.IndicatorRule(
            code=i.code, dimension=dim_code[i.dimension_id], kind=i.kind, weight=i.weight,
            options={o.value: o.score for o in i.options.all()},
            bands=tuple(scoring.Band(b.lower, b.upper, b.score) for b in i.bands.all()),
        )
        for i in indicators
    ]
    return rules, weights


# --- rounds and assignments ----------------------------------------------------------------------


@transaction.atomic
def round_create(*, actor, data: dict, centres: Iterable = ()) -> AssessmentRound:
    """Create a round over centres the actor may see; the instrument is frozen from now on."""
    from inkubator.centres.models import Centre

    _require(actor, perms.ROUND_MANAGE)
    rnd = AssessmentRound(created_by=actor)
    apply_data(rnd, data, allowed=ROUND_FIELDS)
    rnd.full_clean()
    centre_ids = {c.pk if hasattr(c, "pk") else int(c) for c in centres}
    visible = set(
        Centre.objects.visible_to(actor, perms.ROUND_MANAGE).filter(pk__in=centre_ids).values_list("pk", flat=True)
    )
    if centre_ids - visible:
        raise ValidationError({"centres": [_("Some chosen centres are outside your scope.")]})
    rnd.save()
    rnd.centres.set(sorted(visible))
    _freeze(actor, rnd.instrument)
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=rnd, before={})
    return rnd


def _locked_round(actor, rnd: AssessmentRound) -> AssessmentRound:
    locked = AssessmentRound.objects.visible_to(actor, perms.ROUND_MANAGE).select_for_update().filter(pk=rnd.pk).first()
    if locked is None:
        raise PermissionDenied(_("You do not have permission to change this round."))
    return locked


@transaction.atomic
def round_update(*, actor, round: AssessmentRound, data: dict, expected_version: int | None = None) -> AssessmentRound:
    """Change a round; new thresholds or consolidation rule rescore every assessment of the round."""
    rnd = _locked_round(actor, round)
    _check_version(rnd, expected_version, _("Someone else saved this round after you opened it. Reload the page."))
    before = audit.snapshot(rnd)
    if "instrument" in data and data["instrument"].pk != rnd.instrument_id and rnd.assessments.exclude(
        status=AssessmentStatus.ASSIGNED
    ).exists():
        raise ValidationError({"instrument": [_("Assessments have started: the instrument can no longer change.")]})
    apply_data(rnd, data, allowed=ROUND_FIELDS)
    rnd.full_clean()
    changes = audit.diff(before, audit.snapshot(rnd))
    if not changes:
        return rnd
    rnd.version += 1
    rnd.save()
    _freeze(actor, rnd.instrument)
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, obj=rnd, before=before)
    if {"threshold_ready", "threshold_assisted", "instrument"} & set(changes):
        for assessment in rnd.assessments.all():
            assessment_rescore(assessment)
    return rnd


@transaction.atomic
def round_set_status(*, actor, round: AssessmentRound, status: str) -> AssessmentRound:
    rnd = _locked_round(actor, round)
    if status not in RoundStatus.values:
        raise ValidationError({"status": [_("Unknown status.")]})
    before = audit.snapshot(rnd)
    rnd.status = status
    rnd.version += 1
    rnd.save()
    audit.record(actor=actor, action=AuditEntry.Action.UPDATE, obj=rnd, before=before)
    return rnd


def _assessor_ok(assessor) -> bool:
    return assessor.is_active and assessor.role == Role.ASSESSOR


@transaction.atomic
def round_assign(*, actor, round: AssessmentRound, centre, assessor, due_on=None) -> Assessment:
    """Assign an assessor to a centre of the round (idempotent: an existing assignment is returned)."""
    rnd = _locked_round(actor, round)
    if not rnd.centres.filter(pk=centre.pk).exists():
        raise ValidationError({"centre": [_("%(centre)s is not in this round.") % {"centre": centre}]})
    if not _assessor_ok(assessor):
        raise ValidationError({"assessor": [_("%(user)s is not an active field assessor.") % {"user": assessor}]})
    assessment, created = Assessment.objects.get_or_create(
        round=rnd, centre=centre, assessor=assessor, defaults={"due_on": due_on or rnd.due_on}
    )
    if created:
        audit.record(actor=actor, action=AuditEntry.Action.ASSIGN, obj=assessment, before={},
                     label=f"assessment #{assessment.pk}")
    return assessment


@transaction.atomic
def round_assign_balanced(*, actor, round: AssessmentRound, assessors: list, per_centre: int = 1) -> list[Assessment]:
    """Give every centre of the round `per_centre` assessors, balancing the load and keeping regions together.

    Centres are taken province by province, regency by regency. Each goes to an assessor whose load in
    this round is at most one above the least loaded one, preferring an assessor who already works in
    that province (less travel), then the least loaded. Existing assignments count and are kept.
    """
    rnd = _locked_round(actor, round)
    assessors = [a for a in assessors if _assessor_ok(a)]
    if per_centre < 1:
        raise ValidationError({"per_centre": [_("Assign at least one assessor per centre.")]})
    if len(assessors) < per_centre:
        raise ValidationError(
            {"assessors": [ngettext("Choose at least %(n)s active field assessor.",
                                    "Choose at least %(n)s active field assessors.", per_centre) % {"n": per_centre}]}
        )
    load = Counter({a.pk: 0 for a in assessors})
    provinces: dict[int, set[str]] = defaultdict(set)
    existing = defaultdict(set)
    for a in rnd.assessments.select_related("centre__regency"):
        existing[a.centre_id].add(a.assessor_id)
        if a.assessor_id in load:
            load[a.assessor_id] += 1
            provinces[a.assessor_id].add(a.centre.regency.province_id)
    by_pk = {a.pk: a for a in assessors}
    created = []
    for centre in rnd.centres.select_related("regency").order_by("regency__province_id", "regency_id", "code"):
        have = existing[centre.pk]
        while len(have) < per_centre:
            candidates = [pk for pk in load if pk not in have]
            if not candidates:
                break
            province = centre.regency.province_id
            # balance first (no one more than one assignment above the least loaded), then keep provinces together
            least = min(load[p] for p in candidates)
            pk = min(
                (p for p in candidates if load[p] <= least + 1),
                key=lambda p: (province not in provinces[p], load[p], p),
            )
            assessment = Assessment.objects.create(round=rnd, centre=centre, assessor=by_pk[pk], due_on=rnd.due_on)
            audit.record(actor=actor, action=AuditEntry.Action.ASSIGN, obj=assessment, before={},
                         label=f"assessment #{assessment.pk}")
            created.append(assessment)
            have.add(pk)
            load[pk] += 1
            provinces[pk].add(province)
    return created


# --- assessments -------------------------------------------------------------------------------


def _locked_assessment(actor, assessment: Assessment, perm: str) -> Assessment:
    locked = (
        Assessment.objects.visible_to(actor, perm).select_for_update().filter(pk=assessment.pk).select_related(
            "round__instrument"
        ).first()
    )
    if locked is None:
        raise PermissionDenied(_("You do not have permission to change this assessment."))
    return locked


STALE_ASSESSMENT = gettext_noop("Someone saved this assessment after you opened it. Reload it to see the newer answers; your changes were not saved.")


def _parse_number(text) -> Decimal | None:
    if text is None or (isinstance(text, str) and text.strip() == ""):
        return None
    if isinstance(text, Decimal | int):
        return Decimal(text)
    try:
        value = Decimal(str(text).strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValueError
    if not value.is_finite():
        raise ValueError
    return value


def _fmt(number: Decimal) -> str:
    """50.00 → "50", 2.50 → "2.5" (never 5E+1)."""
    return format(number.normalize(), "f")


def _check_answer(indicator: Indicator, answer: Answer) -> str | None:
    """A problem with one (non-empty) answer, or None."""
    if indicator.has_options:
        if answer.value and answer.value not in {o.value for o in indicator.options.all()}:
            return _("Choose one of the listed options.")
    if indicator.kind == IndicatorKind.NUMBER and answer.number is not None:
        if indicator.min_value is not None and answer.number < indicator.min_value:
            return _("Enter a number of at least %(min)s.") % {"min": _fmt(indicator.min_value)}
        if indicator.max_value is not None and answer.number > indicator.max_value:
            return _("Enter a number of at most %(max)s.") % {"max": _fmt(indicator.max_value)}
        if not any(scoring.Band(b.lower, b.upper, b.score).contains(answer.number) for b in indicator.bands.all()):
            return _("This number is outside the scoring bands of the indicator.")
    return None


@transaction.atomic
def assessment_save(
    *, actor, assessment: Assessment, answers: Mapping[str, Mapping], expected_version: int | None = None,
    location: Mapping | None = None, general_note: str | None = None,
) -> Assessment:
    """Save answers (a draft: incomplete is fine, wrong is not). `answers` maps indicator code →
    {"value", "number", "text", "note"} (keys optional). Only the assessor, while the assessment is
    assigned, a draft or returned. Refused whole, naming each indicator, if any answer is invalid.
    """
    _require(actor, perms.ASSESSMENT_FILL)
    assessment = _locked_assessment(actor, assessment, perms.ASSESSMENT_FILL)
    if assessment.assessor_id != actor.pk:
        raise PermissionDenied(_("Only the assigned assessor may fill in this assessment."))
    if not assessment.is_editable_by_assessor:
        raise ValidationError(_("This assessment has been submitted and cannot be changed now."))
    _check_version(assessment, expected_version, _(STALE_ASSESSMENT))
    indicators = {
        i.code: i for i in assessment.round.instrument.indicators.prefetch_related("options", "bands")
    }
    existing = {a.indicator.code: a for a in assessment.answers.select_related("indicator")}
    errors: dict[str, list[str]] = {}
    changed: list[Answer] = []
    for code, data in answers.items():
        indicator = indicators.get(code)
        if indicator is None:
            errors[code] = [_("Unknown indicator %(code)s.") % {"code": code}]
            continue
        answer = existing.get(code) or Answer(assessment=assessment, indicator=indicator)
        before = (answer.value, answer.number, answer.text, answer.note)
        if "value" in data:
            answer.value = str(data["value"] or "").strip()[:40]
        if "number" in data:
            try:
                answer.number = _parse_number(data["number"])
            except ValueError:
                errors[code] = [_("%(code)s: enter a number.") % {"code": code}]
                continue
        if "text" in data:
            answer.text = str(data["text"] or "")[:5000]
        if "note" in data:
            answer.note = str(data["note"] or "")[:2000]
        problem = _check_answer(indicator, answer)
        if problem:
            errors[code] = [f"{code}: {problem}"]
            continue
        if (answer.value, answer.number, answer.text, answer.note) != before or answer.pk is None:
            answer.returned = False  # a returned answer counts as corrected once the assessor changes it
            changed.append(answer)
    if location:
        for name in ("latitude", "longitude", "location_accuracy"):
            if name in location:
                try:
                    setattr(assessment, name, _parse_number(location[name]))
                except ValueError:
                    errors[name] = [_("Enter a number.")]
    if general_note is not None:
        assessment.general_note = general_note[:5000]
    if errors:
        raise ValidationError(errors)
    try:
        assessment.full_clean(exclude=["round", "centre", "assessor", "reviewer"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict)
    for answer in changed:
        answer.save()
    if assessment.status == AssessmentStatus.ASSIGNED:
        _transition(actor, assessment, AssessmentStatus.DRAFT)
        assessment.started_at = timezone.now()
    assessment.version += 1
    assessment.save()
    _rescore(assessment)
    return assessment


def submission_problems(assessment: Assessment) -> dict[str, list[str]]:
    """What stops an assessment from being submitted: indicator code → problems (empty when ready)."""
    problems: dict[str, list[str]] = {}
    answers = {a.indicator_id: a for a in assessment.answers.all()}
    evidence = set(assessment.evidence.values_list("indicator_id", flat=True))
    for indicator in assessment.round.instrument.indicators.prefetch_related("options", "bands").order_by(
        "dimension__position", "position"
    ):
        answer = answers.get(indicator.pk)
        mine = []
        if indicator.required and (answer is None or answer.is_empty):
            mine.append(_("%(code)s: an answer is required.") % {"code": indicator.code})
        elif answer is not None and not answer.is_empty:
            problem = _check_answer(indicator, answer)
            if problem:
                mine.append(f"{indicator.code}: {problem}")
        if indicator.evidence_required and indicator.pk not in evidence:
            mine.append(_("%(code)s: attach a photo or PDF as evidence.") % {"code": indicator.code})
        if answer is not None and answer.returned:
            mine.append(_("%(code)s: the reviewer returned this answer; change it before submitting.")
                        % {"code": indicator.code})
        if mine:
            problems[indicator.code] = mine
    return problems


def _transition(actor, assessment: Assessment, to_status: str, *, comment: str = "", indicators=()) -> None:
    Transition.objects.create(
        assessment=assessment, from_status=assessment.status, to_status=to_status, actor=actor,
        comment=comment, indicators=list(indicators),
    )
    before = {"status": assessment.status}
    assessment.status = to_status
    action = {
        AssessmentStatus.SUBMITTED: AuditEntry.Action.SUBMIT,
        AssessmentStatus.RETURNED: AuditEntry.Action.RETURN,
        AssessmentStatus.VERIFIED: AuditEntry.Action.VERIFY,
    }.get(to_status, AuditEntry.Action.UPDATE)
    audit.record(actor=actor, action=action, obj=assessment, before=before, after={"status": to_status},
                 label=f"assessment #{assessment.pk}")


@transaction.atomic
def assessment_submit(*, actor, assessment: Assessment, expected_version: int | None = None) -> Assessment:
    """Submit for review: every required answer and evidence present, every answer in range."""
    _require(actor, perms.ASSESSMENT_FILL)
    assessment = _locked_assessment(actor, assessment, perms.ASSESSMENT_FILL)
    if assessment.assessor_id != actor.pk:
        raise PermissionDenied(_("Only the assigned assessor may submit this assessment."))
    _check_version(assessment, expected_version, _(STALE_ASSESSMENT))
    if assessment.status not in (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED):
        raise ValidationError(_("Only a draft or returned assessment can be submitted."))
    problems = submission_problems(assessment)
    if problems:
        raise ValidationError(problems)
    _transition(actor, assessment, AssessmentStatus.SUBMITTED)
    assessment.submitted_at = timezone.now()
    assessment.version += 1
    assessment.save()
    _rescore(assessment)
    return assessment


@transaction.atomic
def assessment_return(
    *, actor, assessment: Assessment, comment: str = "", indicators: Mapping[str, str] | None = None,
    expected_version: int | None = None,
) -> Assessment:
    """Send a submitted assessment back to its assessor, whole or for single indicators (code → comment)."""
    _require(actor, perms.ASSESSMENT_REVIEW)
    assessment = _locked_assessment(actor, assessment, perms.ASSESSMENT_REVIEW)
    _check_version(assessment, expected_version, _(STALE_ASSESSMENT))
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted assessment can be returned."))
    indicators = {k: (v or "").strip() for k, v in (indicators or {}).items()}
    comment = (comment or "").strip()
    if not comment and not indicators:
        raise ValidationError({"comment": [_("Say what the assessor should correct.")]})
    known = {i.code: i for i in assessment.round.instrument.indicators.all()}
    unknown = sorted(set(indicators) - set(known))
    if unknown:
        raise ValidationError({"indicators": [_("Unknown indicator(s): %(codes)s.") % {"codes": ", ".join(unknown)}]})
    missing_reason = sorted(code for code, text in indicators.items() if not text)
    if missing_reason:
        raise ValidationError(
            {"indicators": [_("Say why each returned indicator must change: %(codes)s.") % {"codes": ", ".join(missing_reason)}]}
        )
    for code, text in indicators.items():
        answer, _created = Answer.objects.get_or_create(assessment=assessment, indicator=known[code])
        answer.returned = True
        answer.return_comment = text[:2000]
        answer.save()
    assessment.review_comment = comment[:5000]
    assessment.reviewer = actor
    _transition(actor, assessment, AssessmentStatus.RETURNED, comment=comment, indicators=sorted(indicators))
    assessment.version += 1
    assessment.save()
    return assessment


@transaction.atomic
def assessment_verify(*, actor, assessment: Assessment, comment: str = "", expected_version: int | None = None) -> Assessment:
    _require(actor, perms.ASSESSMENT_REVIEW)
    assessment = _locked_assessment(actor, assessment, perms.ASSESSMENT_REVIEW)
    _check_version(assessment, expected_version, _(STALE_ASSESSMENT))
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted assessment can be verified."))
    assessment.answers.filter(returned=True).update(returned=False)
    assessment.reviewer = actor
    assessment.review_comment = (comment or "").strip()[:5000]
    _transition(actor, assessment, AssessmentStatus.VERIFIED, comment=assessment.review_comment)
    assessment.verified_at = timezone.now()
    assessment.version += 1
    assessment.save()
    return assessment


def _rescore(assessment: Assessment) -> None:
    rules, weights = instrument_rules(assessment.round.instrument)
    answers = {a.indicator.code: a for a in assessment.answers.select_related("indicator")}
    indicator_scores: dict[str, Decimal | None] = {}
    for rule in rules:
        answer = answers.get(rule.code)
        try:
            indicator_scores[rule.code] = rule.score(answer.value, answer.number) if answer else None
        except scoring.ScoringError:
            indicator_scores[rule.code] = None
    sheet = scoring.aggregate(rules, weights, indicator_scores)
    rounded = sheet.rounded()
    for code, answer in answers.items():
        new = rounded.indicators.get(code)
        if answer.score != new:
            Answer.objects.filter(pk=answer.pk).update(score=new)
    assessment.composite_score = rounded.composite
    assessment.dimension_scores = {k: (str(v) if v is not None else None) for k, v in rounded.dimensions.items()}
    assessment.readiness_class = assessment.round.readiness_class(sheet.composite)
    Assessment.objects.filter(pk=assessment.pk).update(
        composite_score=assessment.composite_score, dimension_scores=assessment.dimension_scores,
        readiness_class=assessment.readiness_class,
    )


def assessment_rescore(assessment: Assessment) -> Assessment:
    """Recompute an assessment's scores and class from its answers (after a threshold change, say)."""
    _rescore(assessment)
    return assessment


# --- evidence ------------------------------------------------------------------------------------

SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)


def sniff_evidence_type(head: bytes) -> str | None:
    """The content type from the file's first bytes (the name and the browser's claim are ignored)."""
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


@transaction.atomic
def evidence_add(*, actor, assessment: Assessment, indicator_code: str, upload) -> Evidence:
    """Attach a photo (JPEG, PNG, WebP) or PDF to an answer. Type from the content, size limited."""
    _require(actor, perms.ASSESSMENT_FILL)
    assessment = _locked_assessment(actor, assessment, perms.ASSESSMENT_FILL)
    if assessment.assessor_id != actor.pk or not assessment.is_editable_by_assessor:
        raise PermissionDenied(_("Evidence can only be added by the assessor while the assessment is open."))
    indicator = assessment.round.instrument.indicators.filter(code=indicator_code).first()
    if indicator is None:
        raise ValidationError({"indicator": [_("Unknown indicator %(code)s.") % {"code": indicator_code}]})
    limit = settings.INKUBATOR_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {"file": [_("%(name)s is larger than %(mb)s MB.") % {"name": upload.name, "mb": limit // (1024 * 1024)}]}
        )
    if upload.size == 0:
        raise ValidationError({"file": [_("%(name)s is empty.") % {"name": upload.name}]})
    data = upload.read()
    content_type = sniff_evidence_type(data[:16])
    if content_type is None:
        raise ValidationError(
            {"file": [_("%(name)s is not a photo (JPEG, PNG, WebP) or a PDF.") % {"name": upload.name}]}
        )
    digest = hashlib.sha256(data).hexdigest()
    if assessment.evidence.filter(indicator=indicator, sha256=digest).exists():
        raise ValidationError({"file": [_("This file is already attached to %(code)s.") % {"code": indicator.code}]})
    evidence = Evidence(
        assessment=assessment, indicator=indicator, original_name=(upload.name or "bukti")[-200:],
        content_type=content_type, size=len(data), sha256=digest, uploaded_by=actor,
    )
    evidence.file.save(f"x{evidence.extension}", ContentFile(data), save=False)
    evidence.save()
    # new evidence answers a return of this indicator (e.g. "the photo does not show the room")
    Answer.objects.filter(assessment=assessment, indicator=indicator, returned=True).update(returned=False)
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=evidence, before={},
                 label=f"evidence #{evidence.pk} of assessment #{assessment.pk}")
    return evidence


@transaction.atomic
def evidence_remove(*, actor, evidence: Evidence) -> None:
    assessment = _locked_assessment(actor, evidence.assessment, perms.ASSESSMENT_FILL)
    if assessment.assessor_id != actor.pk or not assessment.is_editable_by_assessor:
        raise PermissionDenied(_("Evidence can only be removed by the assessor while the assessment is open."))
    audit.record(actor=actor, action=AuditEntry.Action.DELETE, obj=evidence, before=audit.snapshot(evidence),
                 after={}, label=f"evidence #{evidence.pk} of assessment #{assessment.pk}")
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))
