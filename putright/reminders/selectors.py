"""Reads of staff notifications, always for one person at one landlord."""

from __future__ import annotations

from django.db.models import QuerySet

from putright.accounts.models import User
from putright.organisations.models import Landlord
from putright.reminders.models import StaffNotification


def notifications_for(
    *, landlord: Landlord, user: User, unread_only: bool = False
) -> QuerySet[StaffNotification]:
    """This person's notifications at this landlord, newest first, with their cases."""
    notifications = StaffNotification.objects.filter(landlord=landlord, recipient=user)
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.select_related("case").order_by("-created_at", "-id")


def unread_notification_count(*, landlord: Landlord, user: User) -> int:
    """How many of this person's notifications at this landlord are unread: one COUNT for the header."""
    return notifications_for(landlord=landlord, user=user, unread_only=True).count()
