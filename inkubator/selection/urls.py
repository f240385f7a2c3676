from django.urls import path

from inkubator.selection.views import decisions, grand_design, overview, reference_data, runs, weight_sets

app_name = "selection"
urlpatterns = [
    path("seleksi/", overview.overview, name="overview"),
    path("seleksi/bobot/", weight_sets.weightset_list, name="weightset_list"),
    path("seleksi/bobot/baru/", weight_sets.weightset_create, name="weightset_create"),
    path("seleksi/bobot/<int:pk>/", weight_sets.weightset_detail, name="weightset_detail"),
    path("seleksi/run/", runs.run_list, name="run_list"),
    path("seleksi/run/baru/", runs.run_create, name="run_create"),
    path("seleksi/run/proses/<uuid:uuid>/", runs.run_job, name="run_job"),
    path("seleksi/run/<int:pk>/", runs.run_detail, name="run_detail"),
    path("seleksi/run/<int:pk>/periksa/", runs.run_verify, name="run_verify"),
    path("seleksi/run/<int:pk>/xlsx/", runs.run_xlsx, name="run_xlsx"),
    path("seleksi/run/<int:pk>/pdf/", runs.run_pdf, name="run_pdf"),
    path("seleksi/run/<int:pk>/terbitkan/", runs.run_publish, name="run_publish"),
    path("seleksi/keputusan/", decisions.decision_list, name="decision_list"),
    path("seleksi/keputusan/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("seleksi/keputusan/<int:pk>/pdf/", decisions.decision_pdf, name="decision_pdf"),
    path("seleksi/grand-design/", grand_design.grand_design, name="grand_design"),
    path("seleksi/grand-design/tipologi/", grand_design.grand_design_typology, name="grand_design_typology"),
    path("seleksi/grand-design/peta-jalan/", reference_data.scenario_list, name="roadmapscenario_list"),
    path(
        "seleksi/grand-design/peta-jalan/baru/", reference_data.scenario_form, name="roadmapscenario_create"
    ),
    path(
        "seleksi/grand-design/peta-jalan/<int:pk>/",
        reference_data.scenario_detail,
        name="roadmapscenario_detail",
    ),
    path(
        "seleksi/grand-design/peta-jalan/<int:pk>/ubah/",
        reference_data.scenario_form,
        name="roadmapscenario_update",
    ),
    path("seleksi/grand-design/tpt/", reference_data.unemployment_list, name="unemploymentrate_list"),
    path("seleksi/grand-design/tpt/baru/", reference_data.unemployment_form, name="unemploymentrate_create"),
    path(
        "seleksi/grand-design/tpt/<int:pk>/ubah/",
        reference_data.unemployment_form,
        name="unemploymentrate_update",
    ),
]
