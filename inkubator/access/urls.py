from django.urls import path

from inkubator.access import views

app_name = "access"
urlpatterns = [
    path("pengguna/", views.user_list, name="user_list"),
    path("pengguna/undang/", views.user_invite, name="user_invite"),
    path("pengguna/<int:pk>/", views.user_detail, name="user_detail"),
    path("pengguna/<int:pk>/aktif/", views.user_set_active, name="user_set_active"),
    path("pengguna/<int:pk>/cakupan/", views.grant_add, name="grant_add"),
    path("pengguna/<int:pk>/cakupan/<int:grant_pk>/hapus/", views.grant_remove, name="grant_remove"),
]
