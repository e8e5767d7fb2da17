"""Included by putright/portal/urls.py, so the names are in the "portal" namespace."""

from django.urls import URLPattern, path

from putright.portal.learning import views

learning_urlpatterns: list[URLPattern] = [
    path("<slug:slug>/you-said-we-did/", views.you_said_we_did, name="you-said-we-did"),
]
