"""Instrument services: create from a spec, new versions, draft edits, freezing and scoring rules."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from inkubator.assessment import scoring
from inkubator.assessment.models import Indicator, Instrument
from inkubator.assessment.permissions import INSTRUMENT_MANAGE
from inkubator.core import audit
from inkubator.core.models import AuditEntry
from inkubator.core.permissions import require


@transaction.atomic
def instrument_create_from_spec(
    *, actor, spec: Mapping, next_version_of: Instrument | None = None
) -> Instrument:
    """Create an instrument (with its dimensions, indicators, options and bands) from a spec.

    The spec is validated first (`instrument_io.validate_spec`), so nothing is written unless all of it
    is valid. With `next_version_of`, the new instrument takes that instrument's code and the next
    version number whatever the spec says.
    """
    from inkubator.assessment.instrument_io import validate_spec

    if actor is not None:
        require(actor, INSTRUMENT_MANAGE)
    clean = validate_spec(spec)
    code = next_version_of.code if next_version_of else clean["code"]
    latest = Instrument.objects.filter(code=code).aggregate(v=Max("version"))["v"]
    if next_version_of is not None or latest is not None:
        version = (latest or 0) + 1
    else:
        version = clean["version"]
    instrument = Instrument.objects.create(
        code=code,
        version=version,
        name=clean["name"],
        name_en=clean.get("name_en", ""),
        description=clean.get("description", ""),
        description_en=clean.get("description_en", ""),
        previous=next_version_of,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _build(instrument, clean)
    audit.record(actor=actor, action=AuditEntry.Action.CREATE, obj=instrument, before={})
    return instrument


def install_default_instrument(apps=None) -> None:
    """Install "Kesiapan BLK Komunitas sebagai Inkubator Wirausaha" v1 unless it is there (data migration)."""
    from inkubator.assessment.default_instrument import default_instrument_spec
    from inkubator.assessment.instrument_io import validate_spec

    model = apps.get_model("assessment", "Instrument") if apps is not None else Instrument
    clean = validate_spec(default_instrument_spec())
    if model.objects.filter(code=clean["code"], version=clean["version"]).exists():
        return
    instrument = model.objects.create(
        code=clean["code"],
        version=clean["version"],
        name=clean["name"],
        name_en=clean.get("name_en", ""),
        description=clean.get("description", ""),
        description_en=clean.get("description_en", ""),
    )
    _build(instrument, clean, apps=apps)


def _build(instrument: Instrument, clean: Mapping, *, apps=None) -> None:
    """Write the dimensions, indicators, options and bands of a validated spec into `instrument`.

    `apps` is a migration's app registry when the default instrument is installed by a data migration.
    """
    if apps is not None:
        Dimension, Indicator, IndicatorOption, ScoreBand = (  # noqa: N806 - historical models
            apps.get_model("assessment", name)
            for name in ("Dimension", "Indicator", "IndicatorOption", "ScoreBand")
        )
    else:
        from inkubator.assessment.models import Dimension, Indicator, IndicatorOption, ScoreBand
    for d_pos, d in enumerate(clean["dimensions"]):
        dimension = Dimension.objects.create(
            instrument=instrument,
            code=d["code"],
            name=d["name"],
            name_en=d.get("name_en", ""),
            weight=d["weight"],
            position=d_pos,
        )
        for i_pos, i in enumerate(d["indicators"]):
            indicator = Indicator.objects.create(
                instrument=instrument,
                dimension=dimension,
                code=i["code"],
                kind=i["kind"],
                question=i["question"],
                question_en=i.get("question_en", ""),
                guidance=i.get("guidance", ""),
                guidance_en=i.get("guidance_en", ""),
                weight=i["weight"],
                required=i["required"],
                evidence_required=i["evidence_required"],
                unit=i.get("unit", ""),
                unit_en=i.get("unit_en", ""),
                min_value=i.get("min_value"),
                max_value=i.get("max_value"),
                position=i_pos,
            )
            IndicatorOption.objects.bulk_create(
                IndicatorOption(
                    indicator=indicator,
                    value=o["value"],
                    label=o["label"],
                    label_en=o.get("label_en", ""),
                    score=o["score"],
                    position=pos,
                )
                for pos, o in enumerate(i.get("options") or [])
            )
            ScoreBand.objects.bulk_create(
                ScoreBand(
                    indicator=indicator, lower=b["lower"], upper=b["upper"], score=b["score"], position=pos
                )
                for pos, b in enumerate(i.get("bands") or [])
            )


def instrument_to_spec(instrument: Instrument) -> dict:
    """The spec of a stored instrument (the inverse of `instrument_create_from_spec`)."""
    dimensions = []
    ordered = Indicator.objects.order_by("position").prefetch_related("options", "bands")
    for d in instrument.dimensions.prefetch_related(Prefetch("indicators", queryset=ordered)).order_by(
        "position"
    ):
        indicators = []
        for i in d.indicators.all():
            indicators.append(
                {
                    "code": i.code,
                    "kind": i.kind,
                    "question": i.question,
                    "question_en": i.question_en,
                    "guidance": i.guidance,
                    "guidance_en": i.guidance_en,
                    "weight": i.weight,
                    "required": i.required,
                    "evidence_required": i.evidence_required,
                    "unit": i.unit,
                    "unit_en": i.unit_en,
                    "min_value": i.min_value,
                    "max_value": i.max_value,
                    "options": [
                        {"value": o.value, "label": o.label, "label_en": o.label_en, "score": o.score}
                        for o in i.options.all()
                    ],
                    "bands": [{"lower": b.lower, "upper": b.upper, "score": b.score} for b in i.bands.all()],
                }
            )
        dimensions.append(
            {
                "code": d.code,
                "name": d.name,
                "name_en": d.name_en,
                "weight": d.weight,
                "indicators": indicators,
            }
        )
    return {
        "code": instrument.code,
        "version": instrument.version,
        "name": instrument.name,
        "name_en": instrument.name_en,
        "description": instrument.description,
        "description_en": instrument.description_en,
        "dimensions": dimensions,
    }


@transaction.atomic
def instrument_new_version(*, actor, instrument: Instrument, spec: Mapping | None = None) -> Instrument:
    """Copy an instrument into its next version (optionally with an edited spec)."""
    require(actor, INSTRUMENT_MANAGE)
    return instrument_create_from_spec(
        actor=actor,
        spec=spec if spec is not None else instrument_to_spec(instrument),
        next_version_of=instrument,
    )


@transaction.atomic
def instrument_replace(*, actor, instrument: Instrument, spec: Mapping) -> Instrument:
    """Edit a draft instrument in place (a frozen one is refused: make a new version instead)."""
    require(actor, INSTRUMENT_MANAGE)
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


def freeze_instrument(actor, instrument: Instrument) -> None:
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
    indicators = list(
        instrument.indicators.prefetch_related("options", "bands").order_by("dimension__position", "position")
    )
    rules = [
        scoring.IndicatorRule(
            code=i.code,
            dimension=dim_code[i.dimension_id],
            kind=i.kind,
            weight=i.weight,
            options={o.value: o.score for o in i.options.all()},
            bands=tuple(scoring.Band(b.lower, b.upper, b.score) for b in i.bands.all()),
        )
        for i in indicators
    ]
    return rules, weights
