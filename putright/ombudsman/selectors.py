"""Reading Ombudsman cases, orders, non-compliance records and lessons, always for one landlord."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet

from putright.accounts.models import User
from putright.cases.access import may_see, visible_cases
from putright.cases.models import Learning, TimelineEvent
from putright.domain.errors import NotFoundError
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


def ombudsman_case(landlord: Landlord, viewer: User, pk: int) -> OmbudsmanCase:
    """One Ombudsman case with its findings and orders; not found for another landlord's, or one about a
    complaint the viewer may not see."""
    found = (
        OmbudsmanCase.objects.filter(pk=pk, landlord=landlord)
        .select_related("case")
        .prefetch_related("findings", "orders")
        .first()
    )
    if found is None or not may_see(viewer, found.case):
        raise NotFoundError(f"no Ombudsman case {pk} at {landlord.name}")
    return found


def ombudsman_case_history(referral: OmbudsmanCase) -> QuerySet[TimelineEvent]:
    """The complaint's timeline events about this Ombudsman case, oldest first: its referral, stages and
    determination (each names its reference) and compliance with each of its orders."""
    orders = list(referral.orders.values_list("pk", flat=True))
    ref = referral.ombudsman_reference
    about = (
        Q(kind="ombudsman_referred", summary__endswith=f"({ref})")
        | Q(kind="ombudsman_stage", summary__startswith=f"Ombudsman case {ref}:")
        | Q(kind="ombudsman_determined", summary__startswith=f"Ombudsman determination {ref}:")
    )
    if orders:
        about |= Q(kind="ombudsman_order_completed", after__order__in=orders)
    return (
        TimelineEvent.objects.filter(landlord=referral.landlord, case=referral.case)
        .filter(about)
        .select_related("actor")
        .order_by("at", "id")
    )


def non_compliance(landlord: Landlord) -> QuerySet[NonCompliance]:
    """The landlord's Code non-compliance records, the latest first."""
    return NonCompliance.objects.filter(landlord=landlord)


def non_compliance_counts(landlord: Landlord) -> dict[str, int]:
    """How many non-compliance records the landlord has (`all`) and how many have not yet ended (`open`)."""
    return non_compliance(landlord).aggregate(
        all=Count("pk"), open=Count("pk", filter=Q(returned_on__isnull=True))
    )


def non_compliance_entry(landlord: Landlord, pk: int) -> NonCompliance:
    found = NonCompliance.objects.filter(pk=pk, landlord=landlord).first()
    if found is None:
        raise NotFoundError(f"no non-compliance record {pk} at {landlord.name}")
    return found


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
