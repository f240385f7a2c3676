"""Writes of the selection, one module per sub-domain; every function checks the permission, runs in a
transaction and records an audit entry.

- `weight_sets`: weight sets (instrument, by hand, AHP, entropy, CRITIC);
- `constraints` and `runs`: the one check of a run's parameters, the job that computes it, the run;
- `decisions`: publishing a run as the ministry's decision;
- `reference_data`: the Grand Design's unemployment rates and roadmap scenarios.

The public functions are importable from here (`services.run_create`, …).
"""

from inkubator.selection.services.constraints import constraints_validate
from inkubator.selection.services.decisions import decision_publish
from inkubator.selection.services.reference_data import scenario_save, unemployment_rate_save
from inkubator.selection.services.runs import (
    RUN_JOB,
    plain_decimal,
    run_create,
    run_enqueue,
    run_params_validate,
    run_verify,
    snapshot,
)
from inkubator.selection.services.weight_sets import dimension_codes, normalise_weights, weight_set_create

__all__ = [
    "RUN_JOB",
    "constraints_validate",
    "decision_publish",
    "dimension_codes",
    "normalise_weights",
    "plain_decimal",
    "run_create",
    "run_enqueue",
    "run_params_validate",
    "run_verify",
    "scenario_save",
    "snapshot",
    "unemployment_rate_save",
    "weight_set_create",
]
