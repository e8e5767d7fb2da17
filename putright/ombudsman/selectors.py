"""Reading Ombudsman cases, orders, non-compliance records and lessons, always for one landlord."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from putright.accounts.models import User
from putright.cases.access import visible_cases
from putright.cases.models import Learning
from putright.ombudsman.models import NonCompliance, OmbudsmanCase, Order, PublishedLesson
from putright.organisations.models import Landlord


def orders_due(landlord: Landlord, on: date) -> QuerySet[Order]:
    """Orders and recommendations not yet complied with and due on or before `on`: overdue when earlier."""
    return (
        Order.objects.filter(landlord=landlord, completed_on__isnull=True, due_on__lte=on)
        .select_related("ombudsman_case__case")
        .order_by("due_on", "id")
    )


def ombudsman_cases(landlord: Landlord, viewer: User) -> QuerySet[OmbudsmanCase]:
    """The landlord's Ombudsman cases about complaints the viewer may see."""
    return (
        OmbudsmanCase.objects.filter(landlord=landlord, case__in=visible_cases(viewer, landlord))
        .select_related("case")
        .prefetch_related("findings", "orders")
    )


def non_compliance(landlord: Landlord) -> QuerySet[NonCompliance]:
    return NonCompliance.objects.filter(landlord=landlord)


def learning_log(
    landlord: Landlord,
    viewer: User,
    *,
    service_area: str = "",
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[Learning]:
    """The lessons from the landlord's closed complaints the viewer may see, newest first, filtered by
    service area and by the date the lesson was recorded."""
    rows = Learning.objects.filter(
        case__landlord=landlord, case__in=visible_cases(viewer, landlord)
    ).select_related("case")
    if service_area:
        rows = rows.filter(case__service_area=service_area)
    if start:
        rows = rows.filter(recorded_at__date__gte=start)
    if end:
        rows = rows.filter(recorded_at__date__lte=end)
    return rows.order_by("-recorded_at", "-id")


def published_lessons(landlord: Landlord) -> QuerySet[PublishedLesson]:
    """The public "you said, we did" lessons: only the wording staff wrote for the public."""
    return PublishedLesson.objects.filter(landlord=landlord).only(
        "you_said", "we_did", "service_area", "published_on"
    )
