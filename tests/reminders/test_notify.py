"""Notifying staff about a reminder: the right people, at the right landlord, once each."""

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.domain.errors import NotFoundError
from putright.reminders.models import Reminder, StaffNotification
from putright.reminders.selectors import notifications_for
from putright.reminders.services import notification_mark_read, reminder_notify
from putright.reminders.sweep import sweep
from putright.reminders.tasks import notify, sweep_task

from .conftest import D, make_staff, told


def overdue_acknowledgement(org, handler=None):
    return org.complaint(acknowledge_by=D("2026-04-01"), respond_by=D("2026-06-30"), handler=handler)


def test_a_retried_notification_task_never_notifies_twice(org, run_sweep):
    overdue_acknowledgement(org)
    run_sweep("2026-04-07")
    reminder = Reminder.objects.get()
    assert StaffNotification.objects.count() == 2
    first_notified = reminder.notified_at

    result = notify.enqueue(reminder.pk)  # a retry, or the same task enqueued twice
    assert result.return_value == 0
    assert reminder_notify(reminder_id=reminder.pk) == 0
    assert StaffNotification.objects.count() == 2
    reminder.refresh_from_db()
    assert reminder.notified_at == first_notified


def test_a_notification_for_a_vanished_reminder_does_nothing(db):
    assert reminder_notify(reminder_id=12345) == 0


def test_a_handler_with_no_role_at_the_landlord_is_never_told_the_feedback_officers_are(
    org, other, run_sweep
):
    overdue_acknowledgement(org, handler=other.manager)  # a data fault: a handler from another landlord
    run_sweep("2026-04-07")
    reminder = Reminder.objects.get()
    assert reminder.recipient == other.manager
    assert told(reminder) == {org.officer, org.officer2}
    assert not StaffNotification.objects.filter(recipient__in=[other.officer, other.officer2, other.manager])


def test_a_handler_who_has_left_is_replaced_by_the_feedback_officers(org, run_sweep):
    org.manager.is_active = False
    org.manager.save()
    overdue_acknowledgement(org, handler=org.manager)
    run_sweep("2026-04-07")
    assert told(Reminder.objects.get()) == {org.officer, org.officer2}


def test_someone_at_two_landlords_sees_each_landlords_notifications_apart(org, other, run_sweep):
    both = make_staff(org.landlord, "both@example.test", Role.FEEDBACK_OFFICER)
    make_staff(other.landlord, "both@example.test", Role.FEEDBACK_OFFICER)
    ours = overdue_acknowledgement(org)
    theirs = overdue_acknowledgement(other)
    run_sweep("2026-04-07")

    assert [n.case for n in notifications_for(landlord=org.landlord, user=both)] == [ours]
    assert [n.case for n in notifications_for(landlord=other.landlord, user=both)] == [theirs]
    assert all(n.landlord == n.reminder.landlord for n in StaffNotification.objects.all())


def test_a_notification_is_marked_read_only_by_its_recipient(org, other, run_sweep):
    overdue_acknowledgement(org)
    run_sweep("2026-04-07")
    notification = StaffNotification.objects.get(recipient=org.officer)
    assert notification.message.endswith(
        "stage 1 acknowledgement overdue: due by 1 April 2026 (2 working days late)"
    )

    with pytest.raises(NotFoundError):
        notification_mark_read(landlord=org.landlord, user=org.officer2, notification_id=notification.pk)
    with pytest.raises(NotFoundError):
        notification_mark_read(landlord=other.landlord, user=org.officer, notification_id=notification.pk)

    assert list(notifications_for(landlord=org.landlord, user=org.officer, unread_only=True)) == [
        notification
    ]
    notification_mark_read(landlord=org.landlord, user=org.officer, notification_id=notification.pk)
    assert list(notifications_for(landlord=org.landlord, user=org.officer, unread_only=True)) == []
    assert list(notifications_for(landlord=org.landlord, user=org.officer)) == [notification]
    assert list(notifications_for(landlord=org.landlord, user=org.officer2, unread_only=True)) != []


def test_a_reminder_whose_task_was_lost_is_enqueued_again_later(org, django_capture_on_commit_callbacks):
    overdue_acknowledgement(org)
    with django_capture_on_commit_callbacks(execute=False):
        sweep(today=D("2026-04-07"))  # the process stops before the task is enqueued
    reminder = Reminder.objects.get()
    assert reminder.notified_at is None

    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(today=D("2026-04-07")).re_enqueued == 0  # too soon to tell it from a busy worker
    Reminder.objects.update(enqueued_at=timezone.now() - timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        result = sweep(today=D("2026-04-07"))
    assert (result.total, result.re_enqueued) == (0, 1)
    assert told(reminder) == {org.officer, org.officer2}
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(today=D("2026-04-07")).re_enqueued == 0


def test_the_sweep_task_runs_the_sweep(org, django_capture_on_commit_callbacks):
    org.restriction(timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        result = sweep_task.enqueue()
    assert result.return_value["created"] == {"restriction_review_due": 1}
    assert result.return_value["locked_out"] is False
    assert told(Reminder.objects.get()) == {org.housing}
