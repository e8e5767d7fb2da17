"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import URLPattern, path

from putright.backoffice.case_page import views

CASE = "landlords/<slug:slug>/cases/<str:reference>/"

case_page_urlpatterns: list[URLPattern] = [
    path(CASE, views.case_page, name="case"),
    path(f"{CASE}notes/", views.note_add, name="case-note-add"),
    path(f"{CASE}attachments/", views.attachment_add, name="case-attachment-add"),
    path(f"{CASE}attachments/<int:attachment_id>/", views.attachment_download, name="case-attachment"),
    path(f"{CASE}letters/<int:letter_id>.pdf", views.letter_download, name="case-letter-pdf"),
]
