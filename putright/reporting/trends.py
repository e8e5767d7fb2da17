"""The Board pack's 12-month trends: for each month up to the period's end, complaints received at each stage,
responses and the share on time, and complaints open and overdue at the month's end.

Each measure is one grouped query (TruncMonth for what happened in a month, one filtered count per month end
for what stood at it), never a loop over cases; the counting rules are the pack's own (`timing.received_in`,
`with_timing`, `standing.open_at` and `late_at`), so the last month agrees with the pack for that month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, DateField, Q
from django.db.models.functions import TruncMonth

from putright.cases.models import Case
from putright.domain.lifecycle import Kind
from putright.domain.tsm import LONDON, DateRange, percentage
from putright.organisations.models import Landlord
from putright.reporting.calendar import working_day_ranks_sync
from putright.reporting.standing import late_at, open_at
from putright.reporting.timing import (
    code_timescales_on,
    complaint_stages,
    escalation_refused,
    received_in,
    responded_in,
    with_timing,
)

MONTHS = 12


@dataclass(frozen=True)
class Month:
    """One month of the trend; `days.last` is the month's last day, or the period's if that comes first."""

    days: DateRange
    received_stage1: int
    received_stage2: int
    responded: int
    responded_within_policy: int
    responded_within_code: int
    open_at_end: int
    """Complaints open at the end of `days.last`."""
    overdue_at_end: int
    """Of those, complaints past an acknowledgement or response date (as the pack counts them)."""

    @property
    def label(self) -> str:
        """ "June 2025", or "June 2025 (to 15 June)" when the period ends before the month does."""
        name = f"{self.days.first:%B %Y}"
        whole = (self.days.last + timedelta(days=1)).day == 1
        return name if whole else f"{name} (to {self.days.last.day} {self.days.last:%B})"

    @property
    def within_policy_share(self) -> Decimal | None:
        return percentage(self.responded_within_policy, self.responded)

    @property
    def within_code_share(self) -> Decimal | None:
        return percentage(self.responded_within_code, self.responded)


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def trend_months(period: DateRange) -> tuple[DateRange, ...]:
    """The 12 calendar months ending with the one the period ends in, the last cut at the period's end."""
    final = period.last.replace(day=1)
    months = []
    for back in range(MONTHS - 1, -1, -1):
        first = _add_months(final, -back)
        month_last = _add_months(first, 1) - timedelta(days=1)
        months.append(DateRange(first, min(month_last, period.last)))
    return tuple(months)


def _month(field: str, *, tz: bool) -> TruncMonth:
    """The first day of the month a date (or, on UK time, an instant) falls in."""
    return TruncMonth(field, output_field=DateField(), tzinfo=LONDON if tz else None)


def _received(landlord: Landlord, window: DateRange) -> dict[date, tuple[int, int]]:
    rows = (
        received_in(landlord, window)
        .annotate(month=_month("received_at", tz=True))
        .values("month")
        .annotate(s1=Count("pk", filter=Q(number=1)), s2=Count("pk", filter=Q(number=2)))
        .order_by()
        .values_list("month", "s1", "s2")
    )
    return {month: (s1, s2) for month, s1, s2 in rows}


def _responded(
    landlord: Landlord, window: DateRange, *, extensions_count: bool
) -> dict[date, tuple[int, int, int]]:
    working_day_ranks_sync(landlord=landlord)
    stages = with_timing(
        responded_in(landlord, window), code_timescales_on(window.last), extensions_count=extensions_count
    )
    rows = (
        stages.annotate(month=_month("responded_on", tz=False))
        .values("month")
        .annotate(
            n=Count("pk"),
            policy=Count("pk", filter=Q(within_policy=True)),
            code=Count("pk", filter=Q(within_code=True)),
        )
        .order_by()
        .values_list("month", "n", "policy", "code")
    )
    return {month: (n, policy, code) for month, n, policy, code in rows}


def _open_in_window(months: tuple[DateRange, ...], prefix: str = "") -> Q:
    """Open at some month end: received before the last, not closed before the first (narrows the scan)."""
    return Q(**{f"{prefix}received_at__lt": months[-1].ends_before}) & (
        Q(**{f"{prefix}closed_at__isnull": True}) | Q(**{f"{prefix}closed_at__gte": months[0].ends_before})
    )


def _open(landlord: Landlord, months: tuple[DateRange, ...]) -> list[int]:
    complaints = Case.objects.filter(landlord=landlord, kind=Kind.COMPLAINT.value)
    counts = complaints.filter(_open_in_window(months)).aggregate(
        **{f"m{i}": Count("pk", filter=open_at(m.ends_before)) for i, m in enumerate(months)}
    )
    return [counts[f"m{i}"] for i in range(len(months))]


def _overdue(landlord: Landlord, months: tuple[DateRange, ...]) -> list[int]:
    """Distinct complaints with a late stage at each month end: one pass over the stages, not one per month."""
    stages = complaint_stages(landlord).filter(_open_in_window(months, "case__"))
    refused = Q(_refused=True)
    counts = stages.alias(_refused=escalation_refused()).aggregate(
        **{
            f"m{i}": Count(
                "case_id",
                distinct=True,
                filter=open_at(m.ends_before, "case__") & late_at(m.ends_before, m.last, refused=refused),
            )
            for i, m in enumerate(months)
        }
    )
    return [counts[f"m{i}"] for i in range(len(months))]


def trends(landlord: Landlord, period: DateRange, *, extensions_count: bool) -> tuple[Month, ...]:
    """The 12 months ending with the period's, oldest first: four queries whatever the number of cases."""
    months = trend_months(period)
    window = DateRange(months[0].first, months[-1].last)
    received = _received(landlord, window)
    responded = _responded(landlord, window, extensions_count=extensions_count)
    still_open = _open(landlord, months)
    overdue = _overdue(landlord, months)
    return tuple(
        Month(
            m,
            *received.get(m.first, (0, 0)),
            *responded.get(m.first, (0, 0, 0)),
            open_at_end=still_open[i],
            overdue_at_end=overdue[i],
        )
        for i, m in enumerate(months)
    )
