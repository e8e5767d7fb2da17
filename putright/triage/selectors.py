"""Reads for the staff triage list: a landlord's inbound email by status, newest first.

Email that joined a case is shown only to people who may see that case: a reply about a complaint
concerning a colleague stays as hidden as the complaint (putright/cases/access.py)."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from putright.accounts.models import User
from putright.cases.access import visible_cases
from putright.organisations.models import Landlord
from putright.triage.models import InboundAttachment, InboundMessage


def _visible(user: User, landlord: Landlord) -> QuerySet[InboundMessage]:
    return InboundMessage.objects.filter(landlord=landlord).filter(
        Q(case__isnull=True) | Q(case__in=visible_cases(user, landlord))
    )


def inbound_messages(*, user: User, landlord: Landlord, status: str) -> QuerySet[InboundMessage]:
    """The landlord's messages with this status that this person may see, newest first, with what a list
    row shows."""
    return (
        _visible(user, landlord)
        .filter(status=status)
        .select_related("customer", "case")
        .prefetch_related(Prefetch("attachments", queryset=InboundAttachment.objects.order_by("id")))
        .order_by("-received_at", "-id")
    )


def status_counts(*, user: User, landlord: Landlord) -> dict[str, int]:
    """How many of the messages this person may see have each status (every status, zero included)."""
    counts = dict(
        _visible(user, landlord).values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in InboundMessage.Status.values}
