"""Included by putright/portal/urls.py, so the names are in the "portal" namespace."""

from django.urls import URLPattern

resident_urlpatterns: list[URLPattern] = []
