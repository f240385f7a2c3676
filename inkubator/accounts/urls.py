from django.contrib.auth import views as auth_views
from django.urls import path

from inkubator.accounts import views

app_name = "accounts"
urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/undangan/<uidb64>/<token>/", views.InvitationView.as_view(), name="invitation"),
    path("akun/token/", views.token_list, name="token_list"),
    path("akun/token/<int:pk>/cabut/", views.token_revoke, name="token_revoke"),
]
