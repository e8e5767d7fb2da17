"""Notifications for the page tests, made the way the reminder sweep makes them."""

import uuid
from datetime import date, timedelta

from django.utils import timezone

from putright.cases import services
from putright.cases.models import Case
from putright.domain.lifecycle import Kind
from putright.ombudsman.models import OmbudsmanCase, Order
from putright.reminders.models import Reminder, StaffNotification
from tests.factories import Org, at


def case_for(org: Org) -> Case:
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-02"),
        customer=org.customer,
        summary="Damp in the kitchen",
        description="y",
    )


def notify(
    org,
    user,
    kind="case_assigned",
    *,
    case=None,
    customer=None,
    subject=None,
    message="Hello",
    ago=0,
    due=date(2026, 11, 23),
):
    """One notification for `user`, `ago` minutes older than now (so the order is known)."""
    reminder = Reminder.objects.create(
        landlord=org.landlord,
        kind=kind,
        subject=subject or f"test:{uuid.uuid4()}",
        due_date=due,
        case=case,
        customer=customer,
        recipient=user,
        recipient_role="feedback_officer",
        message=message,
        sweep_id=uuid.uuid4(),
        enqueued_at=timezone.now(),
    )
    notification = StaffNotification.objects.create(
        landlord=org.landlord, recipient=user, reminder=reminder, case=case, kind=kind, message=message
    )
    StaffNotification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(minutes=ago)
    )
    notification.refresh_from_db()
    return notification


def ombudsman_order(org: Org, case: Case) -> Order:
    referral = OmbudsmanCase.objects.create(
        landlord=org.landlord, case=case, ombudsman_reference="HOS-1", referred_on=date(2026, 11, 3)
    )
    return Order.objects.create(
        landlord=org.landlord,
        ombudsman_case=referral,
        type=Order.Type.ORDER,
        description="Apologise",
        due_on=date(2026, 12, 1),
    )
