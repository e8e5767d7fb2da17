"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import path

from putright.backoffice.worklists import views

worklist_urlpatterns = [
    path("work/", views.my_work, name="my-work"),
    path("landlords/<slug:slug>/cases/", views.case_list, name="case-list"),
    path("landlords/<slug:slug>/cases.csv", views.case_list_csv, name="case-list-csv"),
]

urlpatterns = worklist_urlpatterns
