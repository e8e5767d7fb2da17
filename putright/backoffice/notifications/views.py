"""A person's own notifications at one of their landlords (what PutRight emailed them), and marking them
read: pages over `putright.reminders` selectors and services. Any role may see their own; another
landlord's, or someone else's, notification is not found."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from putright.backoffice.auth.access import staff_required
from putright.backoffice.notifications.links import notification_rows
from putright.backoffice.ombudsman.access import signed_in
from putright.domain.errors import NotFoundError
from putright.reminders.selectors import notifications_for, unread_notification_count
from putright.reminders.services import notification_mark_read, notifications_mark_all_read

PAGE_SIZE = 25


@require_GET
@staff_required
def notification_list(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = signed_in(request, slug)
    page = Paginator(
        notifications_for(landlord=landlord, user=user).select_related("reminder"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "backoffice/notifications/list.html",
        {
            "landlord": landlord,
            "page": page,
            "rows": notification_rows(user, landlord, list(page.object_list)),
            "unread": unread_notification_count(landlord=landlord, user=user),
        },
    )


def _back(slug: str, page: str | None) -> str:
    url = reverse("backoffice:notifications", args=[slug])
    return f"{url}?page={page}" if page and page.isdigit() else url


@require_POST
@staff_required
def notification_read(request: HttpRequest, slug: str, notification_id: int) -> HttpResponse:
    user, landlord = signed_in(request, slug)
    try:
        notification_mark_read(landlord=landlord, user=user, notification_id=notification_id)
    except NotFoundError:
        raise Http404("No such notification of yours") from None
    messages.success(request, "Notification marked as read")
    return redirect(_back(landlord.slug, request.POST.get("page")))


@require_POST
@staff_required
def notification_read_all(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = signed_in(request, slug)
    marked = notifications_mark_all_read(landlord=landlord, user=user)
    messages.success(request, f"{marked} notification{'s' if marked != 1 else ''} marked as read")
    return redirect(_back(landlord.slug, None))
