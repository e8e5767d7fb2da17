"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import path

from putright.backoffice.notifications import views

notification_urlpatterns = [
    path("landlords/<slug:slug>/notifications/", views.notification_list, name="notifications"),
    path(
        "landlords/<slug:slug>/notifications/read/",
        views.notification_read_all,
        name="notifications-read-all",
    ),
    path(
        "landlords/<slug:slug>/notifications/<int:notification_id>/read/",
        views.notification_read,
        name="notification-read",
    ),
]
