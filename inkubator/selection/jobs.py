"""The background job of a selection run (kind ``selection_run``): computes and stores one run.

The page and the API enqueue it through `services.run_enqueue` with the checked parameters; the job
loads the round and the weight set by id and calls `services.run_create` as the user who asked, so
the permission, scope and parameter checks are the service's. A refusal (constraints that cannot all
be met, …) fails the job with the reason in the user's language.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from inkubator.assessment.models import AssessmentRound
from inkubator.selection import presenters, services
from inkubator.selection.models import WeightSet


def run_selection_job(job, progress) -> dict:
    from inkubator.core.jobs import JobFailed

    params = job.params
    with translation.override(params.get("language") or None):
        progress(0, 1)
        rnd = (
            AssessmentRound.objects.unscoped(
                reason="loaded by id; run_create checks the scope of the job's creator"
            )
            .filter(pk=params.get("round"))
            .select_related("instrument")
            .first()
        )
        weight_set = WeightSet.objects.filter(pk=params.get("weight_set")).first()
        if rnd is None or weight_set is None:
            raise JobFailed(_("The round or the weight set no longer exists."))
        try:
            run = services.run_create(
                actor=job.created_by,
                name=params.get("name", ""),
                rnd=rnd,
                weight_set=weight_set,
                method=params.get("method", "saw"),
                normalization=params.get("normalization", ""),
                constraints=params["constraints"],
                seed=int(params["seed"]),
                draws=int(params["draws"]),
                concentration=params["concentration"],
            )
        except ValidationError as exc:
            messages = presenters.validation_messages(exc, params["constraints"])
            raise JobFailed(" ".join(m for ms in messages.values() for m in ms))
        except PermissionDenied as exc:
            raise JobFailed(str(exc) or _("You do not have permission to do this."))
    return {"run_id": run.pk}
