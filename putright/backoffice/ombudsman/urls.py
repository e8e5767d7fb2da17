"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import URLPattern, path

from putright.backoffice.ombudsman import case_views, non_compliance_views, views

ombudsman_urlpatterns: list[URLPattern] = [
    path("landlords/<slug:slug>/ombudsman/", views.ombudsman, name="ombudsman"),
    path("landlords/<slug:slug>/ombudsman/refer/", views.refer, name="ombudsman-refer"),
    path("landlords/<slug:slug>/ombudsman/<int:pk>/", case_views.ombudsman_case, name="ombudsman-case"),
    path(
        "landlords/<slug:slug>/ombudsman/<int:pk>/advance/",
        case_views.advance,
        name="ombudsman-advance",
    ),
    path(
        "landlords/<slug:slug>/ombudsman/<int:pk>/determine/",
        case_views.determine,
        name="ombudsman-determine",
    ),
    path(
        "landlords/<slug:slug>/ombudsman/orders/<int:order_id>/complete/",
        views.order_complete,
        name="ombudsman-order-complete",
    ),
    path(
        "landlords/<slug:slug>/ombudsman/non-compliance/",
        non_compliance_views.non_compliance_list,
        name="non-compliance",
    ),
    path(
        "landlords/<slug:slug>/ombudsman/non-compliance/new/",
        non_compliance_views.non_compliance_new,
        name="non-compliance-new",
    ),
    path(
        "landlords/<slug:slug>/ombudsman/non-compliance/<int:pk>/",
        non_compliance_views.non_compliance_change,
        name="non-compliance-change",
    ),
    path("landlords/<slug:slug>/learning/", views.learning, name="learning"),
    path(
        "landlords/<slug:slug>/learning/<int:learning_id>/publish/",
        views.lesson_publish,
        name="learning-publish",
    ),
]
