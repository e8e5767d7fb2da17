"""Run the reminder sweep once, or enqueue it every N minutes for the task worker to run.

    python manage.py sweep_reminders                # sweep now, in this process, and report
    python manage.py sweep_reminders --every 5      # enqueue `sweep_task` every 5 minutes until stopped

The Django Tasks API has no periodic scheduler, so `--every` is the clock: it only enqueues, and the
`db_worker` processes run the sweep. Several schedulers are harmless: the sweep is idempotent and, on
PostgreSQL, a second concurrent sweep returns at once. SIGTERM or Ctrl-C stops the loop cleanly.
"""

from __future__ import annotations

import argparse
import logging
import signal
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from putright.reminders.sweep import sweep

logger = logging.getLogger(__name__)


def _minutes(value: str) -> float:
    try:
        minutes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of minutes") from None
    if not 0 < minutes <= 24 * 60:
        raise argparse.ArgumentTypeError("give a number of minutes above 0 and at most 1440")
    return minutes


def _lead_days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of working days") from None
    if days < 0:
        raise argparse.ArgumentTypeError("the lead time cannot be negative")
    return days


class Command(BaseCommand):
    help = (
        "Run the reminder sweep once, or with --every MINUTES enqueue it for the task worker every N minutes."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--every",
            type=_minutes,
            metavar="MINUTES",
            help="Keep running, enqueuing the sweep task every MINUTES minutes until SIGTERM or Ctrl-C",
        )
        parser.add_argument(
            "--lead-days",
            type=_lead_days,
            default=None,
            metavar="DAYS",
            help="Remind this many working days before a deadline (default: each landlord's own setting)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        lead_days: int | None = options["lead_days"]
        every: float | None = options["every"]
        if every is None:
            self.stdout.write(str(sweep(lead_days=lead_days)))
            return
        self._schedule(every, lead_days)

    def _schedule(self, minutes: float, lead_days: int | None) -> None:
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        self.stdout.write(f"Enqueuing the reminder sweep every {minutes:g} minute(s); Ctrl-C stops.")
        try:
            while not stopping:
                self._enqueue(lead_days)
                wake = time.monotonic() + minutes * 60
                while not stopping and (left := wake - time.monotonic()) > 0:
                    time.sleep(min(1.0, left))
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("Reminder scheduler stopped.")

    def _enqueue(self, lead_days: int | None) -> None:
        from putright.reminders.tasks import sweep_task

        close_old_connections()  # a long-lived process: drop a connection the database has closed
        try:
            result = sweep_task.enqueue(lead_days=lead_days)
        except DatabaseError:
            logger.exception("could not enqueue the reminder sweep; trying again next time")
            return
        self.stdout.write(
            f"{timezone.localtime():%Y-%m-%d %H:%M:%S} enqueued the reminder sweep ({result.id})"
        )
