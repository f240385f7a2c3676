"""Selection endpoints: weight sets, runs (computed as a job, like the page), re-run checks and decisions.

Scope and checks are those of the pages: weight sets and runs need `SELECTION_VIEW` (a run only when
its round is visible), creating needs `SELECTION_MANAGE`, publishing `DECISION_PUBLISH`; a run's
parameters pass the page's own check, `services.run_params_validate`. Published decisions are public.

Creating a run answers 202 with the job computing it (`/api/v1/jobs/<uuid>`); a run that cannot be
computed (constraints that cannot all be met, too few eligible centres …) fails that job with the
reason in the user's language as its ``message``. Stored inputs and outputs are returned as stored
(numbers as strings with fixed decimals).
"""

from ninja import Router

from inkubator.api.selection import decisions, runs, weight_sets

router = Router(tags=["selection"])
router.add_router("", weight_sets.router)
router.add_router("", runs.router)
router.add_router("", decisions.router)
