from django.urls import path

from inkubator.selection import views, views_analytics

app_name = "selection"
urlpatterns = [
    path("seleksi/", views.overview, name="overview"),
    path("seleksi/bobot/", views.weightset_list, name="weightset_list"),
    path("seleksi/bobot/baru/", views.weightset_create, name="weightset_create"),
    path("seleksi/bobot/<int:pk>/", views.weightset_detail, name="weightset_detail"),
    path("seleksi/run/", views.run_list, name="run_list"),
    path("seleksi/run/baru/", views.run_create, name="run_create"),
    path("seleksi/run/proses/<uuid:uuid>/", views.run_job, name="run_job"),
    path("seleksi/run/<int:pk>/", views.run_detail, name="run_detail"),
    path("seleksi/run/<int:pk>/periksa/", views.run_verify, name="run_verify"),
    path("seleksi/run/<int:pk>/xlsx/", views.run_xlsx, name="run_xlsx"),
    path("seleksi/run/<int:pk>/pdf/", views.run_pdf, name="run_pdf"),
    path("seleksi/run/<int:pk>/terbitkan/", views.run_publish, name="run_publish"),
    path("seleksi/keputusan/", views.decision_list, name="decision_list"),
    path("seleksi/keputusan/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("seleksi/keputusan/<int:pk>/pdf/", views.decision_pdf, name="decision_pdf"),
    # Grand Design analytics (views of another module) are appended below.
    path("seleksi/grand-design/", views_analytics.grand_design, name="grand_design"),
    path("seleksi/grand-design/tipologi/", views_analytics.grand_design_typology, name="grand_design_typology"),
    path("seleksi/grand-design/peta-jalan/", views_analytics.scenario_list, name="roadmapscenario_list"),
    path("seleksi/grand-design/peta-jalan/baru/", views_analytics.scenario_form, name="roadmapscenario_create"),
    path("seleksi/grand-design/peta-jalan/<int:pk>/", views_analytics.scenario_detail, name="roadmapscenario_detail"),
    path("seleksi/grand-design/peta-jalan/<int:pk>/ubah/", views_analytics.scenario_form, name="roadmapscenario_update"),
    path("seleksi/grand-design/tpt/", views_analytics.unemployment_list, name="unemploymentrate_list"),
    path("seleksi/grand-design/tpt/baru/", views_analytics.unemployment_form, name="unemploymentrate_create"),
    path("seleksi/grand-design/tpt/<int:pk>/ubah/", views_analytics.unemployment_form, name="unemploymentrate_update"),
]
