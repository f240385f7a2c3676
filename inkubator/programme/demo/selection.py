"""Demo selection: weight sets and one published decision built from the finished demo round.

Written through the services, after `programme.demo.assessment.seed_assessment`; loaded once.
"""

from __future__ import annotations

from django.db import transaction

from inkubator.accounts.models import User
from inkubator.assessment.models import AssessmentRound
from inkubator.programme.demo.assessment import FINISHED
from inkubator.selection import services

WEIGHT_NAMES = ("Bobot instrumen (demo)", "AHP pakar UINSA (demo)", "Entropi putaran 2025 (demo)")
RUN_NAME = "Seleksi inkubator 2026 — Klaster UINSA (demo)"

# Two experts' judgements over the eight dimensions (A … H), Saaty's 1–9 scale, upper triangle:
# management and facilities first, then programme, funding and track record, networks and local economy.
EXPERT_UPPER = [
    [1, 1 / 2, 1 / 2, 1, 2, 2, 1, 3],
    [1, 1 / 3, 1, 1, 2, 2, 1, 2],
]


def _matrix(row: list[float], n: int = 8) -> list[list[float]]:
    """A consistent-ish pairwise matrix from one row of judgements (a_1j), filled by transitivity."""
    a = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            a[i][j] = row[j] / row[i]
    return a


@transaction.atomic
def seed_selection() -> dict:
    admin = User.objects.get(username="admin")
    researcher = User.objects.get(username="peneliti")
    rnd = AssessmentRound.objects.get(name=FINISHED)
    instrument_weights = services.weight_set_create(
        actor=researcher, name=WEIGHT_NAMES[0], instrument=rnd.instrument, source="instrument"
    )
    ahp = services.weight_set_create(
        actor=researcher,
        name=WEIGHT_NAMES[1],
        instrument=rnd.instrument,
        source="ahp",
        pairwise=[_matrix(row) for row in EXPERT_UPPER],
        note="Dua pakar, digabung dengan rata-rata geometrik.",
    )
    services.weight_set_create(
        actor=researcher, name=WEIGHT_NAMES[2], instrument=rnd.instrument, source="entropy", basis_round=rnd
    )
    run = services.run_create(
        actor=researcher,
        name=RUN_NAME,
        rnd=rnd,
        weight_set=ahp,
        method="saw",
        constraints={
            "n": 8,
            "min_class": "assisted",
            "require_aid": False,
            "require_active": True,
            "min_per_province": {"51": 1, "52": 1},
            "max_per_province": {"35": 5},
            "budget": "4000000000",
            "default_cost": "500000000",
        },
        seed=2026,
        draws=2000,
        concentration=100,
    )
    decision = services.decision_publish(
        actor=admin,
        run=run,
        title="Penetapan BLK Komunitas calon inkubator wirausaha 2026 (demo)",
        reference="DEMO/PKK/2026",
        note="Data sintetis untuk demo.",
    )
    return {
        "weight_sets": 3,
        "run": run.pk,
        "decision": decision.pk,
        "selected": len(run.outputs["selected"]),
        "instrument_weight_set": instrument_weights.pk,
    }
