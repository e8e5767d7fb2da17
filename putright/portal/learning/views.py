"""The landlord's "you said, we did" page. Anyone may read it; it shows only the wording staff wrote for
the public (`PublishedLesson`), never anything from the case itself."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from putright.ombudsman.selectors import published_lessons
from putright.organisations.models import Landlord

PAGE_SIZE = 25


def you_said_we_did(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = get_object_or_404(Landlord, slug=slug)
    page = Paginator(published_lessons(landlord), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/learning/you_said_we_did.html", {"landlord": landlord, "page": page})
