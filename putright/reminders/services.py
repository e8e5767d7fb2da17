"""Telling staff about a reminder, once each, and marking a notification read."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from putright.accounts.models import Membership, User
from putright.domain.errors import NotFoundError
from putright.organisations.models import Landlord
from putright.reminders.models import Reminder, StaffNotification

logger = logging.getLogger(__name__)


def reminder_recipients(reminder: Reminder) -> list[int]:
    """Who is told: the reminder's own recipient (the stage handler or the action owner) while they hold a
    role at the landlord and are active; otherwise every active member of staff in its fallback role there.
    Nobody is ever told about another landlord's reminder."""
    staff = Membership.objects.filter(landlord_id=reminder.landlord_id, user__is_active=True)
    if reminder.recipient_id is not None and staff.filter(user_id=reminder.recipient_id).exists():
        return [reminder.recipient_id]
    return sorted(set(staff.filter(role=reminder.recipient_role).values_list("user_id", flat=True)))


@transaction.atomic
def reminder_notify(*, reminder_id: int) -> int:
    """Create the in-app notifications for a reminder; returns how many were new. Idempotent: a retry or a
    repeated task finds the notifications already made (and the unique constraint backs that up)."""
    reminder = Reminder.objects.select_for_update().filter(pk=reminder_id).first()
    if reminder is None:
        logger.warning("reminder %s no longer exists: nothing to notify", reminder_id)
        return 0
    recipients = reminder_recipients(reminder)
    if not recipients:
        logger.warning(
            "reminder %s (%s %s): no active %s at landlord %s to notify",
            reminder.pk,
            reminder.kind,
            reminder.subject,
            reminder.recipient_role,
            reminder.landlord_id,
        )
    told = set(StaffNotification.objects.filter(reminder=reminder).values_list("recipient_id", flat=True))
    new = [
        StaffNotification(
            landlord_id=reminder.landlord_id,
            recipient_id=user_id,
            reminder=reminder,
            case_id=reminder.case_id,
            kind=reminder.kind,
            message=reminder.message,
        )
        for user_id in recipients
        if user_id not in told
    ]
    StaffNotification.objects.bulk_create(new, ignore_conflicts=True)
    if reminder.notified_at is None:
        reminder.notified_at = timezone.now()
        reminder.save(update_fields=["notified_at"])
    return len(new)


def notification_mark_read(*, landlord: Landlord, user: User, notification_id: int) -> StaffNotification:
    """Mark one of this person's notifications at this landlord read (again is harmless)."""
    notification = StaffNotification.objects.filter(
        pk=notification_id, landlord=landlord, recipient=user
    ).first()
    if notification is None:
        raise NotFoundError(f"no notification {notification_id} for {user} at {landlord.name}")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification
