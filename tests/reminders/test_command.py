"""`manage.py sweep_reminders`: once now, or the clock that enqueues the sweep for the worker."""

import signal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from putright.reminders.management.commands import sweep_reminders
from putright.reminders.models import Reminder


def test_once_sweeps_now_and_reports(org):
    org.restriction(timezone.localdate())
    out = StringIO()
    call_command("sweep_reminders", stdout=out)
    assert out.getvalue() == (
        f"Swept 1 landlord(s) for {timezone.localdate().isoformat()}: 1 new reminder(s) "
        "(restriction_review_due 1); 0 re-enqueued.\n"
    )
    assert Reminder.objects.count() == 1


def test_every_enqueues_the_sweep_task_until_sigterm_and_restores_the_signal_handlers(
    db, settings, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 3:
            signal.raise_signal(signal.SIGTERM)  # as `kill` or `make run`'s trap would

    monkeypatch.setattr(sweep_reminders.time, "sleep", sleep)
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    out = StringIO()
    call_command("sweep_reminders", "--every", "0.05", "--lead-days", "3", stdout=out)

    from django_tasks import task_backends

    results = task_backends["default"].results
    assert [(r.task.name, r.kwargs) for r in results] == [("sweep_task", {"lead_days": 3})]
    assert sleeps == [1.0, 1.0, 1.0]
    assert "Enqueuing the reminder sweep every 0.05 minute(s)" in out.getvalue()
    assert "enqueued the reminder sweep" in out.getvalue()
    assert out.getvalue().endswith("Reminder scheduler stopped.\n")
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before


def test_every_sleeps_between_enqueues(db, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    clock = [0.0]

    def sleep(seconds):
        clock[0] += seconds
        if clock[0] >= 130:  # two and a bit minutes
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(sweep_reminders.time, "sleep", sleep)
    monkeypatch.setattr(sweep_reminders.time, "monotonic", lambda: clock[0])
    call_command("sweep_reminders", "--every", "1", stdout=StringIO())

    from django_tasks import task_backends

    assert len(task_backends["default"].results) == 3  # at 0, 60 and 120 seconds


@pytest.mark.parametrize("value", ["0", "-5", "soon", "2000"])
def test_every_needs_a_sensible_number_of_minutes(db, value):
    with pytest.raises(CommandError, match="minutes"):
        call_command("sweep_reminders", "--every", value)


def test_lead_days_cannot_be_negative(db):
    with pytest.raises(CommandError, match="negative"):
        call_command("sweep_reminders", "--lead-days", "-1")
