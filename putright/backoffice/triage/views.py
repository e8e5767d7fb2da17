"""The triage list: a landlord's inbound email by status (awaiting triage, joined a case, ignored,
rejected), newest first, paged. Read-only; the reads live in putright/triage/selectors.py."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.auth.access import staff_required
from putright.domain.errors import NotFoundError
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user
from putright.triage.models import InboundMessage
from putright.triage.selectors import inbound_messages, status_counts

PAGE_SIZE = 25


def _landlord(user: User, slug: str) -> Landlord:
    """404 unless the person holds a role at the landlord; 403 unless their roles let them log feedback
    (the same people who turn an email into a case)."""
    try:
        landlord = landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None
    if not can(user, landlord, "case.log"):
        raise PermissionDenied("Your roles here do not include logging feedback")
    return landlord


@staff_required
def triage_list(request: HttpRequest, slug: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # staff_required
    landlord = _landlord(user, slug)
    status = request.GET.get("status") or InboundMessage.Status.AWAITING_TRIAGE
    if status not in InboundMessage.Status.values:
        raise Http404("No such status")
    page = Paginator(inbound_messages(user=user, landlord=landlord, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    counts = status_counts(user=user, landlord=landlord)
    tabs = [(value, label, counts[value], value == status) for value, label in InboundMessage.Status.choices]
    return render(
        request,
        "backoffice/triage/list.html",
        {
            "landlord": landlord,
            "status": status,
            "status_label": InboundMessage.Status(status).label,
            "tabs": tabs,
            "page": page,
        },
    )
