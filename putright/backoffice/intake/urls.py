"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import path

from putright.backoffice.intake import views

intake_urlpatterns = [
    path("landlords/<slug:slug>/feedback/new/", views.find_customer, name="log-feedback"),
    path(
        "landlords/<slug:slug>/feedback/new/customer/", views.new_customer, name="log-feedback-new-customer"
    ),
    path(
        "landlords/<slug:slug>/feedback/new/representative/",
        views.representative,
        name="log-feedback-representative",
    ),
    path("landlords/<slug:slug>/feedback/new/kind/", views.kind, name="log-feedback-kind"),
    path("landlords/<slug:slug>/feedback/new/details/", views.details, name="log-feedback-details"),
    path("landlords/<slug:slug>/feedback/new/check/", views.check, name="log-feedback-check"),
]
