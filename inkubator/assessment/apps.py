from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "inkubator.assessment"
    label = "assessment"
    verbose_name = _("Readiness assessment")

    def ready(self):
        from inkubator.assessment import permissions  # noqa: F401 - declares the permissions
        from inkubator.assessment.submissions import SubmissionImporter
        from inkubator.core import imports

        imports.register(SubmissionImporter)
