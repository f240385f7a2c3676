from django.urls import path

from inkubator.programme import views

app_name = "programme"
urlpatterns = [
    path("", views.home, name="home"),
]
