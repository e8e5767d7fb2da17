"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import path

from putright.backoffice.triage import actions, views

triage_urlpatterns = [
    path("landlords/<slug:slug>/triage/", views.triage_list, name="triage"),
    path("landlords/<slug:slug>/triage/<int:message_id>/", actions.message_page, name="triage-message"),
    path(
        "landlords/<slug:slug>/triage/<int:message_id>/attachments/<int:attachment_id>/",
        actions.attachment_download,
        name="triage-attachment",
    ),
    path("landlords/<slug:slug>/triage/<int:message_id>/log/", actions.message_log, name="triage-log"),
    path("landlords/<slug:slug>/triage/<int:message_id>/join/", actions.message_join, name="triage-join"),
    path(
        "landlords/<slug:slug>/triage/<int:message_id>/ignore/", actions.message_ignore, name="triage-ignore"
    ),
]
