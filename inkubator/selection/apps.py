from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "inkubator.selection"
    label = "selection"
    verbose_name = _("Selection")

    def ready(self):
        from inkubator.core.jobs import register_handler
        from inkubator.selection import jobs, permissions  # noqa: F401 - declares the permissions
        from inkubator.selection.services import RUN_JOB

        register_handler(RUN_JOB, jobs.run_selection_job)
