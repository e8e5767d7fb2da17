"""Working days for a nation's bank holidays and a landlord's closure days.

Every answer can say which days it skipped and why, because a deadline a customer or the Ombudsman
questions must be explainable. Lookups are O(1) over precomputed tables: deadlines are recomputed for
every case whenever a fact changes, and worklists for a million cases must stay fast.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from putright.domain.errors import CalendarError

NATIONS: tuple[str, ...] = ("england-and-wales", "scotland", "northern-ireland")
NATION_NAMES: Mapping[str, str] = {
    "england-and-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}


class DayZero(Enum):
    """Which day a count starts from (complaint-rules.md section 2)."""

    EVENT_DATE = "event-date"
    """Day 0 is the date of the event, working day or not; day 1 is the first working day after it."""
    NEXT_WORKING_DAY = "next-working-day"
    """An event on a non-working day is deemed to happen on the next working day, which is then day 0."""


@dataclass(frozen=True)
class DayCheck:
    """Whether a day is a working day, and if not, why not. True in a boolean context when it is one."""

    day: date
    working: bool
    reason: str

    def __bool__(self) -> bool:
        return self.working


@dataclass(frozen=True)
class SkippedDay:
    day: date
    reason: str


class WorkingDayCount(NamedTuple):
    """A count of working days from one date to another, able to list the days it skipped.

    A named tuple rather than a dataclass: one is made for every deadline of every case, and building a
    tuple costs a fraction of a frozen dataclass.
    """

    start: date
    """The date given (the event)."""
    day_zero: date
    """The date counted from: the event itself, or the next working day under `DayZero.NEXT_WORKING_DAY`."""
    days: int
    end: date
    calendar: WorkingCalendar

    def skipped(self) -> list[SkippedDay]:
        """The non-working days passed over between day 0 (exclusive) and the end (inclusive)."""
        return self.calendar.non_working_days(self.day_zero + timedelta(days=1), self.end)

    def describe_skipped(self) -> str:
        """One phrase naming the bank holidays and closure days skipped and counting the weekend days."""
        skipped = self.skipped()
        weekend = sum(1 for s in skipped if s.reason in ("Saturday", "Sunday"))
        named = [
            f"{s.reason} ({s.day.isoformat()})" for s in skipped if s.reason not in ("Saturday", "Sunday")
        ]
        parts = []
        if weekend:
            parts.append(f"{weekend} weekend day{'s' if weekend != 1 else ''}")
        parts.extend(named)
        if not parts:
            return "no non-working days skipped"
        return "skipping " + _join(parts)


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


class WorkingCalendar:
    """Monday to Friday, less a nation's bank holidays and any closure days, over the years the data covers.

    Dates outside the covered years raise `CalendarError` rather than guess: a deadline computed without
    the bank holidays would be silently wrong.
    """

    def __init__(
        self,
        nation: str,
        bank_holidays: Mapping[date, str],
        *,
        first: date,
        last: date,
        closures: Mapping[date, str] | None = None,
    ) -> None:
        if first > last:
            raise CalendarError(f"empty calendar for {nation}: {first} is after {last}")
        self.nation = nation
        self.first = first
        self.last = last
        self.bank_holidays: Mapping[date, str] = dict(bank_holidays)
        self.closures: Mapping[date, str] = dict(closures or {})
        self._base = first.toordinal()
        ranks: list[int] = []
        working: list[int] = []
        for ordinal in range(self._base, last.toordinal() + 1):
            if self._reason_not_working(date.fromordinal(ordinal)) is None:
                working.append(ordinal)
            ranks.append(len(working))
        self._rank = ranks
        self._span = len(ranks)
        """_rank[i]: how many working days fall on or before the (base + i)th day."""
        self._working = working
        """Ordinals of the working days, in order."""

    def with_closures(self, closures: Mapping[date, str]) -> WorkingCalendar:
        """The same calendar with a landlord's closure days (date -> reason) added."""
        merged = {**self.closures, **closures}
        return WorkingCalendar(
            self.nation, self.bank_holidays, first=self.first, last=self.last, closures=merged
        )

    # -- single days ---------------------------------------------------------------------------------------

    def _reason_not_working(self, day: date) -> str | None:
        weekday = day.weekday()
        if weekday >= 5:
            return _stdlib_calendar.day_name[weekday]
        if day in self.bank_holidays:
            return self.bank_holidays[day]
        if day in self.closures:
            return f"closure day: {self.closures[day]}"
        return None

    def _offset(self, day: date) -> int:
        offset = day.toordinal() - self._base
        if offset < 0 or offset >= len(self._rank):
            raise CalendarError(
                f"no bank-holiday data for {NATION_NAMES.get(self.nation, self.nation)} on {day.isoformat()}: "
                f"the data covers {self.first.isoformat()} to {self.last.isoformat()}; "
                "refresh it with `putright holidays refresh FILE`"
            )
        return offset

    def _past_the_data(self, what: str) -> CalendarError:
        return CalendarError(
            f"{what} runs past the bank-holiday data for {NATION_NAMES.get(self.nation, self.nation)}, "
            f"which ends on {self.last.isoformat()}; refresh it with `putright holidays refresh FILE`"
        )

    def is_working_day(self, day: date) -> DayCheck:
        """Whether `day` is a working day; `reason` names the weekend day, bank holiday or closure if not."""
        self._offset(day)
        reason = self._reason_not_working(day)
        if reason is None:
            return DayCheck(day, True, "working day")
        return DayCheck(day, False, reason)

    def non_working_days(self, start: date, end: date) -> list[SkippedDay]:
        """Every non-working day from `start` to `end` inclusive, with its reason."""
        result = []
        for day in _days(start, end):
            reason = self._reason_not_working(day)
            if reason is not None:
                result.append(SkippedDay(day, reason))
        return result

    # -- counting ------------------------------------------------------------------------------------------

    def day_zero(self, event: date, rule: DayZero = DayZero.EVENT_DATE) -> date:
        """The date a count starts from, for an event on `event`, under the day-counting `rule`."""
        offset = self._offset(event)
        if rule is DayZero.EVENT_DATE or self._reason_not_working(event) is None:
            return event
        index = self._rank[offset]  # the first working day after `event`
        if index >= len(self._working):
            raise self._past_the_data(f"the next working day after {event.isoformat()}")
        return date.fromordinal(self._working[index])

    def add_working_days(self, event: date, days: int, rule: DayZero = DayZero.EVENT_DATE) -> WorkingDayCount:
        """Working day number `days` counted from `event` (day 0), e.g. the last day of "within 5 working days"."""
        start = event if rule is DayZero.EVENT_DATE else self.day_zero(event, rule)
        return WorkingDayCount(event, start, days, self.working_day(start, days), self)

    def working_day(self, day_zero: date, days: int) -> date:
        """Working day number `days` after `day_zero`: the bare date, for hot paths that explain later."""
        offset = day_zero.toordinal() - self._base
        if offset < 0 or offset >= self._span:
            self._offset(day_zero)  # raises the coverage error
        if days <= 0:
            if days < 0:
                raise CalendarError(f"cannot add a negative number of working days ({days})")
            return day_zero
        working = self._working
        index = self._rank[offset] + days - 1
        if index >= len(working):
            raise self._past_the_data(f"{days} working days from {day_zero.isoformat()}")
        return date.fromordinal(working[index])

    def working_days_between(
        self, start: date, end: date, rule: DayZero = DayZero.EVENT_DATE
    ) -> WorkingDayCount:
        """How many working days `end` is after `start`: the N for which `end` is "working day N".

        Counts the working days after day 0 up to and including `end`; zero when `end` is not after day 0.
        """
        zero = self.day_zero(start, rule)
        end_offset = self._offset(end)
        if end <= zero:
            return WorkingDayCount(start, zero, 0, end, self)
        days = self._rank[end_offset] - self._rank[zero.toordinal() - self._base]
        return WorkingDayCount(start, zero, days, end, self)


def _days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later; the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last_day = _stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))
