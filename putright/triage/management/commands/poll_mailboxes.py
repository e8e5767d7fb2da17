"""Read the configured mailboxes once, or enqueue the poll every N minutes for the task worker to run.

    python manage.py poll_mailboxes                # poll now, in this process, and report per mailbox
    python manage.py poll_mailboxes --every 2      # enqueue `poll_task` every 2 minutes until stopped

With no mailbox configured (PUTRIGHT_MAILBOXES) it says so and stops at once, so `make run` may start it
whether or not a mailbox is set up. Several pollers are harmless: a message read twice is stored once.
SIGTERM or Ctrl-C stops the loop cleanly.
"""

from __future__ import annotations

import argparse
import logging
import signal
import time
from types import FrameType
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from putright.triage.imap import mailboxes_poll
from putright.triage.mailboxes import configured_mailboxes

logger = logging.getLogger(__name__)


def _minutes(value: str) -> float:
    try:
        minutes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of minutes") from None
    if not 0 < minutes <= 24 * 60:
        raise argparse.ArgumentTypeError("give a number of minutes above 0 and at most 1440")
    return minutes


class Command(BaseCommand):
    help = "Take in unseen mail from the configured mailboxes once, or with --every MINUTES enqueue the poll."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--every",
            type=_minutes,
            metavar="MINUTES",
            help="Keep running, enqueuing the poll for the task worker every MINUTES minutes until stopped",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            mailboxes = configured_mailboxes()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from None
        if not mailboxes:
            self.stdout.write("No mailboxes configured (PUTRIGHT_MAILBOXES): nothing to poll.")
            return
        every: float | None = options["every"]
        if every is None:
            for result in mailboxes_poll():
                self.stdout.write(str(result))
            return
        self._schedule(every, len(mailboxes))

    def _schedule(self, minutes: float, count: int) -> None:
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        self.stdout.write(
            f"Enqueuing the poll of {count} mailbox(es) every {minutes:g} minute(s); Ctrl-C stops."
        )
        try:
            while not stopping:
                self._enqueue()
                wake = time.monotonic() + minutes * 60
                while not stopping and (left := wake - time.monotonic()) > 0:
                    time.sleep(min(1.0, left))
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("Mailbox poller stopped.")

    def _enqueue(self) -> None:
        from putright.triage.tasks import poll_task

        close_old_connections()  # a long-lived process: drop a connection the database has closed
        try:
            result = poll_task.enqueue()
        except DatabaseError:
            logger.exception("could not enqueue the mailbox poll; trying again next time")
            return
        self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} enqueued the mailbox poll ({result.id})")
