"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import URLPattern

customer_urlpatterns: list[URLPattern] = []
