"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import URLPattern, path

from putright.backoffice.governance import annual_views, views

BASE = "landlords/<slug:slug>/governance/"

governance_urlpatterns: list[URLPattern] = [
    path(BASE, views.index, name="governance"),
    path(f"{BASE}start/<str:what>/", views.start, name="governance-start"),
    path(f"{BASE}self-assessments/<int:pk>/", views.assessment, name="governance-assessment"),
    path(f"{BASE}self-assessments/<int:pk>/pdf/", views.assessment_pdf, name="governance-assessment-pdf"),
    path(f"{BASE}self-assessments/<int:pk>/rows/<int:row_id>/", views.row, name="governance-row"),
    path(f"{BASE}self-assessments/<int:pk>/approve/", views.approve, name="governance-approve"),
    path(
        f"{BASE}self-assessments/<int:pk>/<str:what>/",
        views.assessment_change,
        name="governance-assessment-change",
    ),
    path(f"{BASE}annual-reports/<int:year>/", annual_views.annual_report, name="governance-annual"),
    path(f"{BASE}annual-reports/<int:year>/pdf/", annual_views.annual_pdf, name="governance-annual-pdf"),
    path(f"{BASE}annual-reports/<int:year>/edit/", annual_views.annual_edit, name="governance-annual-edit"),
    path(
        f"{BASE}annual-reports/<int:year>/respond/",
        annual_views.annual_respond,
        name="governance-annual-respond",
    ),
]
