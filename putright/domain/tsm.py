"""The Regulator's Tenant Satisfaction Measures for complaints (CH01, CH02) as rules: what a reporting year
is, when a response is "within the Code's timescales", and the arithmetic and rounding of each figure.

The counting itself happens in the database (`putright/reporting/selectors.py`); the functions here say
what it must count, and `response_within_code` is the reference the database's answer is tested against.
Source: complaint-rules.md section 7, which summarises the TSM technical requirements.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import NamedTuple
from zoneinfo import ZoneInfo

from putright.domain.calendar import DayZero, WorkingCalendar
from putright.domain.errors import DomainError, InvalidInputError
from putright.domain.periods import Base, Unit
from putright.domain.profiles import Profile

LONDON = ZoneInfo("Europe/London")
ONE_PLACE = Decimal("0.1")


# -- periods -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateRange:
    """Days from `first` to `last` inclusive, on Europe/London dates (a Board pack's period)."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise InvalidInputError(
                "period", f"the period starts on {self.first}, after it ends on {self.last}"
            )

    @property
    def starts_at(self) -> datetime:
        """Midnight UK time at the start of the first day: instants at or after it fall in the range."""
        return datetime.combine(self.first, time(0), tzinfo=LONDON)

    @property
    def ends_before(self) -> datetime:
        """Midnight UK time after the last day: instants before it fall in the range."""
        return datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=LONDON)

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class ReportingYear:
    """The TSM reporting year: 1 April of `starting` to 31 March of the next year."""

    starting: int

    @classmethod
    def of(cls, day: date) -> ReportingYear:
        """The reporting year a date falls in: 31 March 2026 is in 2025/26, 1 April 2026 in 2026/27."""
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def range(self) -> DateRange:
        return DateRange(date(self.starting, 4, 1), date(self.starting + 1, 3, 31))

    @property
    def label(self) -> str:
        return f"{self.starting}/{(self.starting + 1) % 100:02d}"


# -- the measures and what each counts ---------------------------------------------------------------------


class Measure(Enum):
    """The complaint TSMs PutRight computes from its own records."""

    CH01_STAGE1 = "CH01-1"
    CH01_STAGE2 = "CH01-2"
    CH02_STAGE1 = "CH02-1"
    CH02_STAGE2 = "CH02-2"

    @property
    def stage(self) -> int:
        return 1 if self in (Measure.CH01_STAGE1, Measure.CH02_STAGE1) else 2

    @property
    def is_volume(self) -> bool:
        """CH01 counts complaints received; CH02 is a share of responses issued."""
        return self in (Measure.CH01_STAGE1, Measure.CH01_STAGE2)

    @property
    def title(self) -> str:
        return _MEASURE_TITLES[self]

    @property
    def counts(self) -> str:
        """What the figure counts, in a sentence for the page that shows it."""
        return _MEASURE_COUNTS[self]


_MEASURE_TITLES = {
    Measure.CH01_STAGE1: "CH01 part 1: stage 1 complaints received per 1,000 homes",
    Measure.CH01_STAGE2: "CH01 part 2: stage 2 complaints received per 1,000 homes",
    Measure.CH02_STAGE1: "CH02 part 1: stage 1 complaints responded to within the Code's timescales",
    Measure.CH02_STAGE2: "CH02 part 2: stage 2 complaints responded to within the Code's timescales",
}

_MEASURE_COUNTS = {
    Measure.CH01_STAGE1: (
        "Complaints received in the year, including those later withdrawn, escalated or closed without "
        "contact; not those the landlord decided not to accept, and never service requests or other feedback."
    ),
    Measure.CH01_STAGE2: (
        "Escalation requests received in the year, unless the landlord decided not to escalate; the "
        "complaint is counted in part 1 as well (in the year its stage 1 was received)."
    ),
    Measure.CH02_STAGE1: (
        "Stage 1 responses issued in the year; on time when issued within the Code's timescale, "
        "extended by a Code-compliant extension when the landlord's setting says so."
    ),
    Measure.CH02_STAGE2: "Stage 2 responses issued in the year, judged as for part 1 against the stage 2 timescale.",
}


def counts_as_received(*, is_complaint: bool, not_accepted: bool) -> bool:
    """CH01 part 1: a complaint received counts unless the landlord decided not to accept it. A withdrawal
    later does not undo its receipt. Service requests and other feedback never count."""
    return is_complaint and not not_accepted


def counts_as_escalated(*, is_complaint: bool, escalation_refused: bool) -> bool:
    """CH01 part 2: an escalation request counts unless the landlord decided not to escalate it (after the
    request; a later fresh request counts again)."""
    return is_complaint and not escalation_refused


# -- what "within the Code's timescales" means --------------------------------------------------------------


@dataclass(frozen=True)
class CodeTimescale:
    """One stage's Code timescales, read from the Code's own profile so they are never restated here."""

    stage: int
    acknowledge_days: int
    """Working days from receipt (stage 2: the escalation request) to acknowledge."""
    respond_days: int
    respond_from_acknowledgement: bool
    """True where the response clock runs from the acknowledgement (Code 6.3, 6.14), else from receipt."""
    extension_without_reason: int
    """Working days of extension the Code allows without a recorded good reason (6.4, 6.15)."""
    source: str

    def response_days(self, acknowledged: bool) -> int:
        """Working days from the response clock's base day to the deadline, before any extension.

        With no acknowledgement recorded, the clock runs from receipt, assuming acknowledgement on the last
        day allowed for it (as the stage deadlines do); the missing date is a data-quality blocker.
        """
        if self.respond_from_acknowledgement and not acknowledged:
            return self.acknowledge_days + self.respond_days
        return self.respond_days


def code_timescales(code: Profile) -> tuple[CodeTimescale, CodeTimescale]:
    """Stage 1 and stage 2 timescales of the Code's profile (`hos-code-2024`)."""
    if code.day_counting.day_zero is not DayZero.EVENT_DATE:
        raise DomainError(f"{code.name} must count day 0 as the event's date for the TSM arithmetic")
    result = []
    for number in (1, 2):
        rules = code.stage(number)
        for period in (rules.acknowledge, rules.respond):
            if period.unit is not Unit.WORKING_DAYS:
                raise DomainError(f"{code.name} stage {number}: TSM timescales must be in working days")
        if rules.acknowledge.base not in (Base.RECEIVED, Base.ESCALATION_REQUESTED):
            raise DomainError(f"{code.name} stage {number}: acknowledgement must run from receipt")
        if rules.respond.base not in (Base.ACKNOWLEDGED, Base.RECEIVED, Base.ESCALATION_REQUESTED):
            raise DomainError(
                f"{code.name} stage {number}: response must run from acknowledgement or receipt"
            )
        result.append(
            CodeTimescale(
                stage=number,
                acknowledge_days=rules.acknowledge.amount,
                respond_days=rules.respond.amount,
                respond_from_acknowledgement=rules.respond.base is Base.ACKNOWLEDGED,
                extension_without_reason=rules.extension.good_reason_above,
                source=f"{rules.acknowledge.source}, {rules.respond.source}, {rules.extension.source}",
            )
        )
    return result[0], result[1]


def code_extension_allowance(
    timescale: CodeTimescale, applied_days: int, good_reason: bool, *, extensions_count: bool
) -> int:
    """Working days of extension that move the Code deadline for the TSMs.

    `applied_days` are the stage's extensions notified in time (the ones that moved its deadline). Under
    the named setting "extensions count as on time" off, none do. On, all of them do when a good reason (or
    both parties' agreement) is recorded; without one, only as many as the Code allows without a reason.
    """
    if not extensions_count:
        return 0
    if good_reason:
        return applied_days
    return min(applied_days, timescale.extension_without_reason)


def response_within_code(
    timescale: CodeTimescale,
    calendar: WorkingCalendar,
    *,
    received: date,
    acknowledged: date | None,
    responded: date,
    allowance: int,
) -> bool:
    """Whether a response met the Code's timescale (plus `allowance` days of extension): the reference rule."""
    base = acknowledged if (acknowledged and timescale.respond_from_acknowledgement) else received
    return responded <= calendar.working_day(
        base, timescale.response_days(acknowledged is not None) + allowance
    )


def acknowledged_within_code(
    timescale: CodeTimescale, calendar: WorkingCalendar, *, received: date, acknowledged: date
) -> bool:
    return acknowledged <= calendar.working_day(received, timescale.acknowledge_days)


class DayRank(NamedTuple):
    """A day's place among working days, which lets a database decide "within N working days" by
    subtraction: `responded` is on or before working day N after `base` exactly when
    `before(responded) - through(base) < N`."""

    day: date
    through: int
    """Working days on or before this day (from the calendar's first day)."""
    before: int
    """Working days strictly before this day."""


def day_ranks(calendar: WorkingCalendar) -> Iterator[DayRank]:
    """Every day the calendar covers, with its ranks."""
    closed = {skipped.day for skipped in calendar.non_working_days(calendar.first, calendar.last)}
    count = 0
    day = calendar.first
    while day <= calendar.last:
        before = count
        if day not in closed:
            count += 1
        yield DayRank(day, count, before)
        day += timedelta(days=1)


# -- arithmetic ---------------------------------------------------------------------------------------------


def one_decimal(value: Decimal) -> Decimal:
    """Published TSM figures are given to one decimal place, halves rounded up."""
    return value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def per_thousand_homes(count: int, homes: int) -> Decimal:
    """CH01: complaints per 1,000 homes, unrounded (the raw value is kept beside the published one)."""
    if homes <= 0:
        raise InvalidInputError("homes", "the number of homes must be more than 0")
    return Decimal(count) * 1000 / Decimal(homes)


def percentage(numerator: int, denominator: int) -> Decimal | None:
    """CH02: the share as a percentage, unrounded; None when nothing was responded to (no figure, not 0%)."""
    if denominator == 0:
        return None
    return Decimal(numerator) * 100 / Decimal(denominator)


# -- what blocks sign-off -------------------------------------------------------------------------------------


class Blocker(Enum):
    """A fault in the records that makes a TSM figure unreliable until someone corrects it."""

    MISSING_HOMES_COUNT = "missing_homes_count"
    RESPONSE_WITHOUT_ACKNOWLEDGEMENT = "response_without_acknowledgement"
    STAGE_WITHOUT_DATES = "stage_without_dates"
    RECEIVED_BEFORE_OCCURRED = "received_before_occurred"

    @property
    def label(self) -> str:
        return _BLOCKER_LABELS[self]


_BLOCKER_LABELS = {
    Blocker.MISSING_HOMES_COUNT: "No homes count is recorded for the year, so CH01 cannot be worked out",
    Blocker.RESPONSE_WITHOUT_ACKNOWLEDGEMENT: "A response is recorded with no acknowledgement date",
    Blocker.STAGE_WITHOUT_DATES: (
        "A stage the complaint has moved past has neither an acknowledgement nor a response date"
    ),
    Blocker.RECEIVED_BEFORE_OCCURRED: "The complaint was received before the date its issue occurred",
}
