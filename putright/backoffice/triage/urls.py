"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import path

from putright.backoffice.triage import views

triage_urlpatterns = [
    path("landlords/<slug:slug>/triage/", views.triage_list, name="triage"),
]
