"""What every administration page shares: the sections of its sub-navigation and how a page is rendered."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from putright.organisations.models import Landlord

SECTIONS = [
    ("staff", "Staff and roles", "backoffice:admin-staff"),
    ("policy", "Policy", "backoffice:admin-policy"),
    ("closure-days", "Closure days", "backoffice:admin-closure-days"),
    ("letters", "Letter templates", "backoffice:admin-letters"),
    ("branding", "Branding", "backoffice:admin-branding"),
    ("homes", "Homes owned", "backoffice:admin-homes"),
    ("audit", "Audit log", "backoffice:admin-audit"),
]


def page(
    request: HttpRequest,
    landlord: Landlord,
    section: str,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
) -> HttpResponse:
    """Render an administration page with its landlord and the sub-navigation marking `section`."""
    return render(
        request,
        f"backoffice/administration/{template}",
        {"landlord": landlord, "section": section, "sections": SECTIONS, **context},
        status=status,
    )
