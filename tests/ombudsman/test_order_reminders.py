"""Ombudsman orders in the reminder sweep: due soon, then overdue, until compliance is recorded; one
notification per (order, kind, due date) to the complaints team, however often the sweep runs."""

from datetime import date

import pytest

from putright.ombudsman import services
from putright.ombudsman.models import Order
from putright.ombudsman.services import FindingInput, OrderInput
from putright.reminders.models import Reminder, StaffNotification
from putright.reminders.sweep import sweep

D = date.fromisoformat


@pytest.fixture
def run_sweep(django_capture_on_commit_callbacks, settings):
    """Sweep as of a day and run the notification tasks it leaves for after the commit."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    def run(today: str):
        with django_capture_on_commit_callbacks(execute=True):
            return sweep(today=D(today), lead_days=2)

    return run


@pytest.fixture
def order(great, case):
    referral = services.ombudsman_case_refer(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        ombudsman_reference="202512345",
        referred_on=D("2026-04-01"),
    )
    services.ombudsman_case_determine(
        landlord=great.landlord,
        actor=great.officer,
        ombudsman_case_id=referral.pk,
        determined_on=D("2026-06-01"),
        summary="",
        findings=[FindingInput("Handling of the leak", "maladministration")],
        orders=[OrderInput("order", "Pay £300 compensation", D("2026-06-30"))],  # a Tuesday
    )
    return Order.objects.get()


def ombudsman_reminders():
    return Reminder.objects.filter(kind__startswith="ombudsman_order").order_by("pk")


def test_ombudsman_order_due_soon_then_overdue_tells_the_feedback_officers_once_each(
    great, brighter, case, order, run_sweep
):
    run_sweep("2026-06-25")  # Thursday: 3 working days before
    assert not ombudsman_reminders().exists()
    assert run_sweep("2026-06-26").created.get("ombudsman_order_due_soon") == 1
    soon = ombudsman_reminders().get()
    assert (soon.subject, soon.due_date, soon.case) == (f"ombudsman-order:{order.pk}", D("2026-06-30"), case)
    assert soon.message == (
        f"{case.reference}: Ombudsman order (202512345) due by 30 June 2026 (2 working days): "
        "Pay £300 compensation"
    )
    told = set(StaffNotification.objects.filter(reminder=soon).values_list("recipient", flat=True))
    assert told == {great.officer.pk}  # the complaints team at this landlord only

    assert "ombudsman_order_due_soon" not in run_sweep("2026-06-29").created  # already told
    assert run_sweep("2026-07-01").created.get("ombudsman_order_overdue") == 1
    overdue = ombudsman_reminders().last()
    assert overdue.message.startswith(
        f"{case.reference}: Ombudsman order (202512345) overdue: due by 30 June"
    )
    again = run_sweep("2026-07-02").created
    assert "ombudsman_order_overdue" not in again
    assert StaffNotification.objects.filter(reminder__in=ombudsman_reminders()).count() == 2


def test_an_order_complied_with_is_not_reminded(great, order, run_sweep):
    services.order_complete(
        landlord=great.landlord,
        actor=great.housing,
        order_id=order.pk,
        completed_on=D("2026-06-20"),
        evidence="Paid by BACS",
    )
    assert "ombudsman_order_overdue" not in run_sweep("2026-07-01").created
    assert not ombudsman_reminders().exists()


def test_a_changed_due_date_is_a_new_reminder(great, order, run_sweep):
    run_sweep("2026-07-01")
    Order.objects.filter(pk=order.pk).update(due_on=D("2026-07-14"))  # as an extension agreed would
    assert run_sweep("2026-07-15").created.get("ombudsman_order_overdue") == 1
    assert list(ombudsman_reminders().values_list("due_date", flat=True)) == [
        D("2026-06-30"),
        D("2026-07-14"),
    ]
