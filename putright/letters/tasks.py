"""Background tasks for letters (Django Tasks API; run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from putright.letters.delivery import delivery_attempt


@task()
def deliver(delivery_id: int) -> str:
    """Attempt one delivery; safe to run again (a delivery already sent is never sent twice)."""
    return delivery_attempt(delivery_id)
