from django.urls import path

from inkubator.core import views

app_name = "core"
urlpatterns = [
    path("pekerjaan/<uuid:uuid>/", views.job_detail, name="job_detail"),
    path("pekerjaan/<uuid:uuid>/hasil/", views.job_result, name="job_result"),
    path("health/", views.health, name="health"),
]
