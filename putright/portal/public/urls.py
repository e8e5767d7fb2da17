"""Included by putright/portal/urls.py, so the names are in the "portal" namespace."""

from django.urls import URLPattern, path

from putright.portal.public import views

public_urlpatterns: list[URLPattern] = [
    path("<slug:slug>/", views.how_to, name="how-to"),
    path("<slug:slug>/logo/", views.logo, name="logo"),
    path("<slug:slug>/give-feedback/", views.start, name="start"),
    path("<slug:slug>/give-feedback/check-your-answers/", views.check, name="check"),
    path("<slug:slug>/give-feedback/<slug:step>/", views.step, name="step"),
    path("<slug:slug>/sent/<str:reference>/", views.sent, name="sent"),
]
