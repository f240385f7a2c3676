from django.urls import path

from inkubator.centres import views

app_name = "centres"
urlpatterns = [
    path("blk/", views.centre_list, name="centre_list"),
    path("blk/baru/", views.centre_create, name="centre_create"),
    path("blk/<int:pk>/", views.centre_detail, name="centre_detail"),
    path("blk/<int:pk>/ubah/", views.centre_update, name="centre_update"),
    path("blk/<int:pk>/nonaktifkan/", views.centre_deactivate, name="centre_deactivate"),
    path("blk/<int:pk>/aktifkan/", views.centre_reactivate, name="centre_reactivate"),
    path("lembaga/", views.host_list, name="host_list"),
    path("lembaga/baru/", views.host_form, name="host_create"),
    path("lembaga/<int:pk>/", views.host_detail, name="host_detail"),
    path("lembaga/<int:pk>/ubah/", views.host_form, name="host_update"),
    path("bantuan/", views.grant_list, name="grant_list"),
    path("bantuan/baru/", views.grant_form, name="grant_create"),
    path("bantuan/<int:pk>/ubah/", views.grant_form, name="grant_update"),
    path("keluaran-pelatihan/baru/", views.output_form, name="output_create"),
    path("kejuruan/", views.vocation_list, name="vocation_list"),
    path("kejuruan/baru/", views.vocation_form, name="vocation_create"),
    path("kejuruan/<int:pk>/ubah/", views.vocation_form, name="vocation_update"),
    path("impor/", views.import_start, name="import_start"),
    path("impor/templat/<str:kind>/", views.import_template, name="import_template"),
    path("impor/<uuid:uuid>/", views.import_detail, name="import_detail"),
    path("impor/<uuid:uuid>/simpan/", views.import_commit, name="import_commit"),
]
