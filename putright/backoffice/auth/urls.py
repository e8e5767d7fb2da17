"""Sign-in, account and password reset pages, included by putright/backoffice/urls.py (namespace backoffice)."""

from django.urls import path

from putright.backoffice.auth import views

auth_urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-in/code/", views.sign_in_code, name="sign-in-code"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("account/", views.account, name="account"),
    path("account/two-factor/", views.two_factor_setup, name="two-factor-setup"),
    path("account/two-factor/turn-off/", views.two_factor_remove, name="two-factor-remove"),
    path("password-reset/", views.PasswordReset.as_view(), name="password-reset"),
    path("password-reset/sent/", views.PasswordResetDone.as_view(), name="password-reset-done"),
    path("password-reset/complete/", views.PasswordResetComplete.as_view(), name="password-reset-complete"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirm.as_view(),
        name="password-reset-confirm",
    ),
]
urlpatterns = auth_urlpatterns
