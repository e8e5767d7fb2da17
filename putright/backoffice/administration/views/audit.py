"""The audit log: every change made through landlord administration, who made it and when."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from putright.accounts.selectors import administration_events
from putright.backoffice.administration.access import administered
from putright.backoffice.administration.views.common import page
from putright.backoffice.auth.access import staff_required

PAGE_SIZE = 50


@staff_required
def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    _, landlord = administered(request, slug)
    events = Paginator(administration_events(landlord), PAGE_SIZE).get_page(request.GET.get("page"))
    return page(request, landlord, "audit", "audit.html", {"events": events})
