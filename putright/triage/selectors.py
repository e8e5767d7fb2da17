"""Reads for the staff triage list: a landlord's inbound email by status, newest first.

Email that joined a case is shown only to people who may see that case: a reply about a complaint
concerning a colleague stays as hidden as the complaint (putright/cases/access.py)."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from putright.accounts.models import User
from putright.cases.access import visible_cases
from putright.domain.errors import NotFoundError
from putright.organisations.models import Landlord
from putright.triage.models import InboundAttachment, InboundMessage


def visible_inbound_messages(*, user: User, landlord: Landlord) -> QuerySet[InboundMessage]:
    """The landlord's messages this person may see (any that joined a case they may not see are left out)."""
    return InboundMessage.objects.filter(landlord=landlord).filter(
        Q(case__isnull=True) | Q(case__in=visible_cases(user, landlord))
    )


def inbound_messages(*, user: User, landlord: Landlord, status: str) -> QuerySet[InboundMessage]:
    """The landlord's messages with this status that this person may see, newest first, with what a list
    row shows."""
    return (
        visible_inbound_messages(user=user, landlord=landlord)
        .filter(status=status)
        .select_related("customer", "case")
        .prefetch_related(Prefetch("attachments", queryset=InboundAttachment.objects.order_by("id")))
        .order_by("-received_at", "-id")
    )


def status_counts(*, user: User, landlord: Landlord) -> dict[str, int]:
    """How many of the messages this person may see have each status (every status, zero included)."""
    counts = dict(
        visible_inbound_messages(user=user, landlord=landlord)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in InboundMessage.Status.values}


def inbound_message(*, user: User, landlord: Landlord, message_id: int) -> InboundMessage:
    """One message this person may see, with its customer, case and attachments; NotFound otherwise."""
    message = (
        visible_inbound_messages(user=user, landlord=landlord)
        .select_related("customer", "case")
        .prefetch_related(Prefetch("attachments", queryset=InboundAttachment.objects.order_by("id")))
        .filter(pk=message_id)
        .first()
    )
    if message is None:
        raise NotFoundError(f"no email {message_id} at {landlord.name}")
    return message


def inbound_attachment(
    *, user: User, landlord: Landlord, message_id: int, attachment_id: int
) -> InboundAttachment:
    """One kept attachment of a message this person may see; NotFound otherwise (or when it was refused)."""
    message = inbound_message(user=user, landlord=landlord, message_id=message_id)
    attachment = message.attachments.filter(pk=attachment_id).exclude(file="").first()
    if attachment is None:
        raise NotFoundError(f"no attachment {attachment_id} on email {message_id}")
    return attachment
