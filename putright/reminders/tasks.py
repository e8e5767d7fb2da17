"""Background tasks (Django Tasks API; the `django-tasks-db` backend runs them in `manage.py db_worker`)."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from putright.letters.delivery import deliveries_recover
from putright.reminders.services import notifications_email, reminder_notify
from putright.reminders.sweep import sweep


@task()
def notify(reminder_id: int) -> int:
    """Notify the right staff about one reminder; safe to run again."""
    return reminder_notify(reminder_id=reminder_id)


@task()
def sweep_task(lead_days: int | None = None) -> dict[str, Any]:
    """Run the reminder sweep (enqueued every few minutes by `manage.py sweep_reminders --every N`), and
    recover letter deliveries whose task was lost."""
    result = sweep(lead_days=lead_days).as_dict()
    result["deliveries_uncertain"], result["deliveries_reenqueued"] = deliveries_recover()
    return result


@task()
def email_notifications(reminder_id: int) -> int:
    """Email staff their new notifications for one reminder, at most once each."""
    return notifications_email(reminder_id=reminder_id)
