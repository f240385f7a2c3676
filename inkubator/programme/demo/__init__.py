"""The demo: synthetic but programme-like data for every phase, written through the services.

`seed_demo` loads, in the order of the stack: the registry (upserted on codes), the demo accounts
(reset to their documented state), then — only when they are not there yet — the assessment rounds
and the selection built on them. Loading twice adds nothing and deletes nothing; to start over,
delete the demo database (`var/inkubator.sqlite3`).
"""

from __future__ import annotations

from inkubator.accounts.models import User
from inkubator.assessment.models import AssessmentRound
from inkubator.programme.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_accounts
from inkubator.programme.demo.assessment import FINISHED, seed_assessment
from inkubator.programme.demo.registry import SCALES, seed_registry
from inkubator.programme.demo.selection import seed_selection
from inkubator.programme.demo.unemployment import load_unemployment_rates

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "SCALES", "seed_accounts", "seed_demo", "seed_registry"]


def seed_demo(*, scale: str = "demo", seed: int = 2024, accounts: bool = True) -> dict:
    """Load the demo; returns what each phase holds afterwards (and whether it was loaded now)."""
    out = {"registry": seed_registry(scale=scale, seed=seed)}
    if not accounts:
        return out
    seed_accounts()
    if AssessmentRound.objects.filter(name=FINISHED).exists():
        out["loaded_before"] = True
        return out
    out["assessment"] = seed_assessment(seed=seed)
    out["selection"] = seed_selection()
    out["unemployment_rates"] = load_unemployment_rates(actor=User.objects.get(username="admin"))
    return out
