"""Background tasks (Django Tasks API): the mailbox poll, enqueued by `manage.py poll_mailboxes --every N`."""

from __future__ import annotations

from django_tasks import task

from putright.triage.imap import mailboxes_poll


@task()
def poll_task() -> list[str]:
    """Take in every configured mailbox's unseen messages; one line per mailbox says what happened."""
    return [str(result) for result in mailboxes_poll()]
