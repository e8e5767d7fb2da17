"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import URLPattern, path

from putright.backoffice.case_actions import views

case_action_urlpatterns: list[URLPattern] = [
    path(
        "landlords/<slug:slug>/cases/<str:reference>/<slug:action>/",
        views.case_action,
        name="case-action",
    ),
]
