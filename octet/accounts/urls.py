from django.urls import path

from octet.accounts import views
from octet.core.decorators import ITS_PAGE, kept_when_expired

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("sign-up", views.sign_up, name="sign-up"),
    path("sign-in", views.sign_in, name="sign-in"),
    path("sign-out", views.sign_out, name="sign-out"),
    path("details", views.edit_details, name="details"),
    path("password", views.PasswordChangeView.as_view(), name="password-change"),
    path(
        "password-reset",
        kept_when_expired(ITS_PAGE)(views.PasswordResetView.as_view()),
        name="password-reset",
    ),
    path("password-reset/sent", views.PasswordResetSentView.as_view(), name="password-reset-sent"),
    path(
        "password-reset/<uidb64>/<token>",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("export", views.export_data, name="export"),
    path("delete", views.delete_account, name="delete"),
]
