"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import path

from putright.backoffice.submissions import views

submission_urlpatterns = [
    path("landlords/<slug:slug>/submissions/", views.submission_list, name="submissions"),
    path(
        "landlords/<slug:slug>/submissions/<str:reference>/retry/",
        views.submission_try_again,
        name="submission-retry",
    ),
]
