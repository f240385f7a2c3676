"""Demo assessment data, written through the services (so it obeys every rule a user meets).

- a finished round, "Pra-identifikasi 2025 — Klaster UINSA", over every centre of the researcher's
  cluster: two assessors per centre, every assessment verified by `peneliti` (input for the selection);
- an open round, "Pra-identifikasi 2026 — Klaster UINSA", in which `asesor` has assessments assigned,
  in draft, submitted and returned.

Answers follow each centre's Kemnaker maturity class plus deterministic noise, so readiness varies
the way it would in the field. Loaded once: `programme.demo.seed_demo` skips it when the rounds exist.
"""

from __future__ import annotations

import datetime
import random
import struct
import zlib
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from inkubator.access.models import Cluster
from inkubator.accounts.models import User
from inkubator.assessment import services
from inkubator.assessment.models import Assessment, Instrument
from inkubator.programme.demo.accounts import EXTRA_ASSESSORS

DEFAULT_CODE = "kesiapan-blkk"
FINISHED = "Pra-identifikasi 2025 — Klaster UINSA"
OPEN = "Pra-identifikasi 2026 — Klaster UINSA"
LATENT = {"tumbuh": 0.35, "berkembang": 0.55, "mandiri": 0.78}


def _png(seed: int) -> bytes:
    """A small valid PNG (8×8, one colour from the seed): stands in for an assessor's photo."""
    colour = bytes([(seed * 37) % 256, (seed * 91) % 256, (seed * 53) % 256])
    raw = b"".join(b"\x00" + colour * 8 for _ in range(8))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _answer_for(indicator, level: float, rng: random.Random) -> dict:
    """An answer for a centre whose readiness is `level` in [0, 1]."""
    x = min(1.0, max(0.0, level + rng.gauss(0, 0.15)))
    if indicator.kind == "text":
        return {"text": "Catatan asesor: pengelola terbuka, perlu pendampingan pemasaran digital."}
    if indicator.kind == "number":
        bands = list(indicator.bands.all())
        band = bands[min(len(bands) - 1, int(x * len(bands)))]
        low = (
            band.lower
            if band.lower is not None
            else (band.upper - 1 if band.upper is not None else Decimal(0))
        )
        low = max(low, indicator.min_value) if indicator.min_value is not None else low
        high = band.upper - Decimal("0.01") if band.upper is not None else low + 10
        high = min(high, indicator.max_value) if indicator.max_value is not None else high
        value = low + (high - low) * Decimal(rng.random()).quantize(Decimal("0.01"))
        return {"number": value.quantize(Decimal(1)) if value.quantize(Decimal(1)) >= low else low}
    options = sorted(indicator.options.all(), key=lambda o: o.score)
    return {"value": options[min(len(options) - 1, int(x * len(options)))].value}


def _fill(
    assessment: Assessment, assessor, level: float, rng: random.Random, *, complete: bool = True
) -> Assessment:
    indicators = list(
        assessment.round.instrument.indicators.prefetch_related("options", "bands").order_by(
            "dimension__position", "position"
        )
    )
    chosen = indicators if complete else indicators[: len(indicators) // 2]
    answers = {i.code: _answer_for(i, level, rng) for i in chosen}
    assessment = services.assessment_save(actor=assessor, assessment=assessment, answers=answers)
    if complete:
        for i in indicators:
            if i.evidence_required:
                upload = SimpleUploadedFile(
                    f"foto-{i.code.lower()}.png", _png(assessment.pk * 100 + i.pk), "image/png"
                )
                services.evidence_add(
                    actor=assessor, assessment=assessment, indicator_code=i.code, upload=upload
                )
    return assessment


@transaction.atomic
def seed_assessment(*, seed: int = 2024) -> dict:
    """Both demo rounds (needs the registry and the demo accounts)."""
    rng = random.Random(seed)
    researcher = User.objects.get(username="peneliti")
    assessor = User.objects.get(username="asesor")
    cluster = Cluster.objects.filter(partner=researcher.organisation).order_by("pk").first()
    instrument = Instrument.objects.filter(code=DEFAULT_CODE).order_by("version").first()
    if cluster is None or instrument is None:
        raise RuntimeError("Seed the registry and the demo accounts first (inkubator seed).")
    others = [User.objects.get(username=username) for username, _first, _last in EXTRA_ASSESSORS]
    centres = list(cluster.centres.order_by("code"))

    finished = services.round_create(
        actor=researcher,
        centres=centres,
        data={
            "name": FINISHED,
            "instrument": instrument,
            "partner": researcher.organisation,
            "starts_on": datetime.date(2025, 7, 1),
            "ends_on": datetime.date(2025, 9, 30),
            "due_on": datetime.date(2025, 9, 15),
        },
    )
    team = [assessor, *others]
    for n, centre in enumerate(centres):
        level = LATENT.get(centre.maturity_class, 0.5) + rng.uniform(-0.2, 0.2)
        for who in (team[n % 3], team[(n + 1) % 3]):
            a = services.round_assign(actor=researcher, round=finished, centre=centre, assessor=who)
            a = _fill(a, who, level, rng)
            a = services.assessment_submit(actor=who, assessment=a)
            services.assessment_verify(actor=researcher, assessment=a, comment="Sesuai bukti lapangan.")
    services.round_set_status(actor=researcher, round=finished, status="closed")

    open_centres = centres[:12]
    current = services.round_create(
        actor=researcher,
        centres=open_centres,
        data={
            "name": OPEN,
            "instrument": instrument,
            "partner": researcher.organisation,
            "starts_on": datetime.date(2026, 10, 1),
            "ends_on": datetime.date(2026, 12, 31),
            "due_on": datetime.date(2026, 12, 15),
        },
    )
    services.round_set_status(actor=researcher, round=current, status="open")
    services.round_assign_balanced(actor=researcher, round=current, assessors=[assessor, others[0]])
    mine = list(
        current.assessments.filter(assessor=assessor).select_related("centre").order_by("centre__code")
    )
    states = ["draft", "draft", "submitted", "returned", "assigned", "assigned"]
    for a, state in zip(mine, states, strict=False):
        level = LATENT.get(a.centre.maturity_class, 0.5)
        if state == "assigned":
            continue
        a = _fill(a, assessor, level, rng, complete=state != "draft")
        if state in ("submitted", "returned"):
            a = services.assessment_submit(actor=assessor, assessment=a)
        if state == "returned":
            code = a.round.instrument.indicators.filter(evidence_required=True).order_by("code").first().code
            services.assessment_return(
                actor=researcher,
                assessment=a,
                comment="Mohon lengkapi satu indikator.",
                indicators={
                    code: "Foto ruang inkubasi tidak jelas; unggah foto yang menunjukkan ruangannya."
                },
            )
    return {
        "finished_round": finished.pk,
        "open_round": current.pk,
        "verified": Assessment.objects.filter(round=finished, status="verified").count(),
        "open_assessments": current.assessments.count(),
    }
