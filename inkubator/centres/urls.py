from django.urls import path

from inkubator.centres.views import centres, grants, hosts, imports, vocations

app_name = "centres"
urlpatterns = [
    path("blk/", centres.centre_list, name="centre_list"),
    path("blk/baru/", centres.centre_create, name="centre_create"),
    path("blk/<int:pk>/", centres.centre_detail, name="centre_detail"),
    path("blk/<int:pk>/ubah/", centres.centre_update, name="centre_update"),
    path("blk/<int:pk>/nonaktifkan/", centres.centre_deactivate, name="centre_deactivate"),
    path("blk/<int:pk>/aktifkan/", centres.centre_reactivate, name="centre_reactivate"),
    path("lembaga/", hosts.host_list, name="host_list"),
    path("lembaga/baru/", hosts.host_form, name="host_create"),
    path("lembaga/<int:pk>/", hosts.host_detail, name="host_detail"),
    path("lembaga/<int:pk>/ubah/", hosts.host_form, name="host_update"),
    path("bantuan/", grants.grant_list, name="grant_list"),
    path("bantuan/baru/", grants.grant_form, name="grant_create"),
    path("bantuan/<int:pk>/ubah/", grants.grant_form, name="grant_update"),
    path("keluaran-pelatihan/baru/", grants.output_form, name="output_create"),
    path("kejuruan/", vocations.vocation_list, name="vocation_list"),
    path("kejuruan/baru/", vocations.vocation_form, name="vocation_create"),
    path("kejuruan/<int:pk>/ubah/", vocations.vocation_form, name="vocation_update"),
    path("impor/", imports.import_start, name="import_start"),
    path("impor/templat/<str:kind>/", imports.import_template, name="import_template"),
    path("impor/<uuid:uuid>/", imports.import_detail, name="import_detail"),
    path("impor/<uuid:uuid>/simpan/", imports.import_commit, name="import_commit"),
]
