"""Telling staff about a reminder, once each, and marking a notification read."""

from __future__ import annotations

import logging
import uuid
from functools import partial

from django.core.mail import send_mail
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
    if new:
        transaction.on_commit(partial(_enqueue_email, reminder.pk), robust=True)
    if reminder.notified_at is None:
        reminder.notified_at = timezone.now()
        reminder.save(update_fields=["notified_at"])
    return len(new)


def _enqueue_email(reminder_id: int) -> None:
    from putright.reminders.tasks import email_notifications

    email_notifications.enqueue(reminder_id)


def notifications_email(*, reminder_id: int) -> int:
    """Email each new notification of a reminder to its recipient, at most once each: a notification is
    marked emailed before the email goes, so a retry never sends it twice (the in-app copy always stays)."""
    sent = 0
    while True:
        with transaction.atomic():
            notification = (
                StaffNotification.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("recipient", "landlord", "case")
                .filter(reminder_id=reminder_id, emailed_at__isnull=True)
                .first()
            )
            if notification is None:
                return sent
            notification.emailed_at = timezone.now()
            notification.save(update_fields=["emailed_at"])
        recipient = notification.recipient
        if recipient.email and recipient.is_active:
            send_mail(
                subject=f"PutRight ({notification.landlord.name}): {notification.get_kind_display()}",
                message=f"{notification.message}\n\nThis is also in your PutRight notifications.",
                from_email=None,
                recipient_list=[recipient.email],
                fail_silently=True,
            )
            sent += 1


@transaction.atomic
def staff_event_notify(
    *,
    landlord: Landlord,
    kind: str,
    key: str,
    message: str,
    recipient: User | None,
    role: str,
    case_id: int | None = None,
    customer_id: int | None = None,
) -> Reminder:
    """Tell staff about something that just happened (a case assigned to them, a low satisfaction score, a
    customer asking for help) through the same machinery as reminders: once per landlord, kind, key and day.
    The case or customer it is about is kept so the notice can take staff to it."""
    reminder, created = Reminder.objects.get_or_create(
        landlord=landlord,
        kind=kind,
        subject=key[:100],
        due_date=timezone.localdate(),
        defaults={
            "case_id": case_id,
            "customer_id": customer_id,
            "recipient": recipient,
            "recipient_role": role,
            "message": message,
            "sweep_id": uuid.uuid4(),
            "enqueued_at": timezone.now(),
        },
    )
    if created:
        transaction.on_commit(partial(_enqueue_notify, reminder.pk), robust=True)
    return reminder


def _enqueue_notify(reminder_id: int) -> None:
    from putright.reminders.tasks import notify

    notify.enqueue(reminder_id)


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


def notifications_mark_all_read(*, landlord: Landlord, user: User) -> int:
    """Mark every unread notification of this person at this landlord read; how many were unread."""
    return StaffNotification.objects.filter(landlord=landlord, recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
