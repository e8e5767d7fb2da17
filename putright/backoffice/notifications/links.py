"""Where each notification on a page leads: the Ombudsman case, the case or the customer it is about, and
only if this person may open that page (the same access rules as those pages). A few queries per page,
however many notifications it shows."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from putright.accounts.models import User
from putright.accounts.permissions import can, roles_at
from putright.cases.access import visible_cases
from putright.ombudsman.models import Order
from putright.organisations.models import Landlord
from putright.reminders.models import ReminderKind, StaffNotification

ORDER_KINDS = {ReminderKind.OMBUDSMAN_ORDER_DUE_SOON, ReminderKind.OMBUDSMAN_ORDER_OVERDUE}
ORDER_SUBJECT = "ombudsman-order:"


@dataclass(frozen=True)
class Link:
    url: str
    text: str


@dataclass(frozen=True)
class NotificationRow:
    notification: StaffNotification
    what: str
    link: Link | None


def _order_ids(notifications: list[StaffNotification]) -> dict[int, int]:
    """Each Ombudsman-order notification's order id (from its reminder's subject), by notification id."""
    found = {}
    for n in notifications:
        subject = n.reminder.subject
        if n.kind in ORDER_KINDS and subject.startswith(ORDER_SUBJECT):
            order_id = subject.removeprefix(ORDER_SUBJECT)
            if order_id.isdigit():
                found[n.pk] = int(order_id)
    return found


def notification_rows(
    user: User, landlord: Landlord, notifications: list[StaffNotification]
) -> list[NotificationRow]:
    """The page's notifications with what they are and a link for those this person may open."""
    roles = roles_at(user, landlord)
    views_cases = can(user, landlord, "case.view", roles)
    case_ids = {n.case_id for n in notifications if n.case_id}
    visible = set(visible_cases(user, landlord).filter(pk__in=case_ids).values_list("pk", flat=True))
    order_ids = _order_ids(notifications)
    referrals = (
        dict(
            Order.objects.filter(pk__in=set(order_ids.values()), landlord=landlord).values_list(
                "pk", "ombudsman_case_id"
            )
        )
        if order_ids
        else {}
    )
    rows = []
    for n in notifications:
        link = None
        referral = referrals.get(order_ids.get(n.pk, 0))
        if referral is not None and n.case_id in visible:
            link = Link(
                reverse("backoffice:ombudsman-case", args=[landlord.slug, referral]), "Ombudsman case"
            )
        elif n.case is not None and n.case_id in visible:
            link = Link(reverse("backoffice:case", args=[landlord.slug, n.case.reference]), n.case.reference)
        elif n.reminder.customer_id and views_cases and n.case_id is None:
            link = Link(
                reverse("backoffice:customer", args=[landlord.slug, n.reminder.customer_id]),
                "Customer record",
            )
        rows.append(NotificationRow(n, ReminderKind(n.kind).label, link))
    return rows
