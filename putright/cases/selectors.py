"""Reads for worklists and lists. Each takes the landlord and the person, and returns a queryset with
the joins it needs, so the number of queries does not grow with the page size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Prefetch, QuerySet
from django.utils import timezone

from putright.accounts.models import User
from putright.cases.access import access_case_for_staff, visible_cases
from putright.cases.models import Case, Extension, Stage, TimelineEvent
from putright.organisations.models import Landlord


@dataclass(frozen=True)
class CaseFilters:
    kind: str = ""
    stage: int | None = None
    status: str = ""
    handler_id: int | None = None
    due_before: date | None = None
    overdue: bool = False
    category: str = ""
    service_area: str = ""
    channel: str = ""


def case_list(
    *, landlord: Landlord, user: User, filters: CaseFilters | None = None, today: date | None = None
) -> QuerySet[Case]:
    """The cases this person may see at the landlord, filtered; soonest deadline first, then newest."""
    f = filters or CaseFilters()
    cases = visible_cases(user, landlord).select_related("customer", "handler")
    if f.kind:
        cases = cases.filter(kind=f.kind)
    if f.stage:
        cases = cases.filter(stage=f.stage)
    if f.status:
        cases = cases.filter(status=f.status)
    if f.handler_id:
        cases = cases.filter(handler_id=f.handler_id)
    if f.due_before:
        cases = cases.filter(next_due__lte=f.due_before)
    if f.overdue:
        cases = cases.filter(next_due__lt=today or timezone.localdate())
    if f.category:
        cases = cases.filter(category=f.category)
    if f.service_area:
        cases = cases.filter(service_area=f.service_area)
    if f.channel:
        cases = cases.filter(channel=f.channel)
    return cases.order_by(F("next_due").asc(nulls_last=True), "-received_at", "-id")


def open_cases_soonest_first(
    *, landlord: Landlord, user: User, handler: User | None = None
) -> QuerySet[Case]:
    """Cases with a running clock, the soonest deadline first: the team's (or one handler's) worklist."""
    cases = visible_cases(user, landlord).filter(next_due__isnull=False).select_related("customer", "handler")
    if handler is not None:
        cases = cases.filter(handler=handler)
    return cases.order_by("next_due", "id")


def overdue_counts(*, landlords: list[Landlord], today: date | None = None) -> dict[int, int]:
    """How many cases are past their next deadline, per landlord (for people covering several)."""
    day = today or timezone.localdate()
    rows = (
        Case.objects.filter(landlord__in=landlords, next_due__lt=day)
        .values("landlord_id")
        .annotate(overdue=Count("id"))
    )
    counts = {landlord.pk: 0 for landlord in landlords}
    counts.update({row["landlord_id"]: row["overdue"] for row in rows})
    return counts


def case_detail(*, landlord: Landlord, user: User, case_id: int) -> Case:
    """One case with its stages (and their extensions, decisions, remedies, actions), decisions and timeline."""
    case = access_case_for_staff(user, landlord, case_id)
    return (
        Case.objects.filter(pk=case.pk)
        .select_related("customer", "representative", "handler", "landlord", "linked_case")
        .prefetch_related(
            Prefetch("stages", queryset=Stage.objects.order_by("number").select_related("handler")),
            Prefetch("stages__extensions", queryset=Extension.objects.order_by("notified_on", "id")),
            "stages__decisions",
            "stages__remedies",
            "stages__actions",
            "decisions",
            Prefetch("timeline", queryset=TimelineEvent.objects.order_by("at", "id").select_related("actor")),
        )
        .get()
    )
