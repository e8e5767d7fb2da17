"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import URLPattern, path

from putright.backoffice.ombudsman import views

ombudsman_urlpatterns: list[URLPattern] = [
    path("landlords/<slug:slug>/ombudsman/", views.ombudsman, name="ombudsman"),
    path("landlords/<slug:slug>/ombudsman/refer/", views.refer, name="ombudsman-refer"),
    path(
        "landlords/<slug:slug>/ombudsman/orders/<int:order_id>/complete/",
        views.order_complete,
        name="ombudsman-order-complete",
    ),
    path("landlords/<slug:slug>/learning/", views.learning, name="learning"),
    path(
        "landlords/<slug:slug>/learning/<int:learning_id>/publish/",
        views.lesson_publish,
        name="learning-publish",
    ),
]
