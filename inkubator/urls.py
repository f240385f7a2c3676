from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from inkubator.accounts.views import set_language
from inkubator.api.api import api

urlpatterns = [
    path("", include("inkubator.programme.urls")),
    path("", include("inkubator.core.urls")),
    path("", include("inkubator.accounts.urls")),
    path("", include("inkubator.access.urls")),
    path("", include("inkubator.centres.urls")),
    path("", include("inkubator.assessment.urls")),
    path("", include("inkubator.selection.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("api/docs", RedirectView.as_view(url="/api/v1/docs", permanent=False)),
    path("admin/", admin.site.urls),
]
