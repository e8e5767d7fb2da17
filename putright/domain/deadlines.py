"""Deadlines of a complaint stage, and the other clocks a policy sets, as pure functions of the facts.

Given a profile, a calendar and what has happened so far, each function says when something is due, and
why, in sentences a customer or the Ombudsman could check against a calendar. Nothing here reads a clock:
a breach is only ever a breach "by the dates given".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from putright.domain.calendar import NATION_NAMES, DayZero, WorkingCalendar, WorkingDayCount, add_months
from putright.domain.errors import CalendarError, ExtensionRefusedError, ImpossibleDatesError
from putright.domain.periods import Base, Period, Unit
from putright.domain.profiles import CODE_FLOOR_FROM, DayCounting, LateEscalation, Profile

LONDON = ZoneInfo("Europe/London")
END_OF_DAY = time(23, 59)


def local_date(value: date | datetime) -> date:
    """The Europe/London date of an instant (which must carry its timezone), or the date itself."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ImpossibleDatesError(f"{value.isoformat()} has no timezone; give an offset such as +00:00")
        return value.astimezone(LONDON).date()
    return value


def end_of_day(day: date) -> datetime:
    """23:59 UK time on `day`: the moment a "within N working days" deadline runs out."""
    return datetime.combine(day, END_OF_DAY, tzinfo=LONDON)


def counting_start(
    calendar: WorkingCalendar, counting: DayCounting, event: date | datetime
) -> tuple[date, str]:
    """Day 0 for an event, under the profile's day-counting rule, and a sentence saying why if it moved."""
    day = local_date(event)
    if counting.day_zero is DayZero.EVENT_DATE:
        return day, ""
    if isinstance(event, datetime) and counting.cutoff and event.astimezone(LONDON).time() >= counting.cutoff:
        zero = calendar.day_zero(day + timedelta(days=1), DayZero.NEXT_WORKING_DAY)
        return zero, f"received after the {counting.cutoff:%H:%M} cut-off, so deemed received on {zero}"
    zero = calendar.day_zero(day, DayZero.NEXT_WORKING_DAY)
    if zero != day:
        return (
            zero,
            f"{day} is not a working day ({calendar.is_working_day(day).reason}), so deemed to be {zero}",
        )
    return zero, ""


class Reckoning(NamedTuple):
    """How a date was reached from an event. The sentence is built only when read: deadlines are
    recomputed for every case whenever a fact changes, and most are never explained to anyone."""

    period: Period
    event: date
    end: date
    calendar: WorkingCalendar | None
    """The calendar a working-day count used; None for calendar units."""
    zero: date
    """Day 0: the event's date, or the day it is deemed to happen under the next-working-day convention."""
    moved: str
    """Why day 0 differs from the event's date."""

    @property
    def working_days(self) -> WorkingDayCount | None:
        """The working-day count behind the date, with the days it skipped; None for calendar units."""
        if self.calendar is None:
            return None
        return WorkingDayCount(self.event, self.zero, self.period.amount, self.end, self.calendar)

    def describe(self) -> str:
        period = self.period
        text = f"{period.unit.phrase(period.amount)} from {period.base.phrase} on {self.event}"
        if self.moved:
            text += f" ({self.moved})"
        count = self.working_days
        if count is not None:
            return f"{text}, {count.describe_skipped()}"
        if period.unit is Unit.MONTHS and self.end.day != self.event.day:
            text += f"; the month has no day {self.event.day}, so its last day"
        return text


def reckon(
    calendar: WorkingCalendar, counting: DayCounting, period: Period, event: date | datetime
) -> Reckoning:
    """The last day of `period` counted from `event`, with how it was reached."""
    unit = period.unit
    if unit is Unit.WORKING_DAYS:
        if counting.day_zero is DayZero.EVENT_DATE and type(event) is date:
            return Reckoning(period, event, calendar.working_day(event, period.amount), calendar, event, "")
        zero, moved = counting_start(calendar, counting, event)
        return Reckoning(
            period, local_date(event), calendar.working_day(zero, period.amount), calendar, zero, moved
        )
    day = local_date(event)
    if unit is Unit.CALENDAR_DAYS:
        end = day + timedelta(days=period.amount)
    elif unit is Unit.WEEKS:
        end = day + timedelta(weeks=period.amount)
    elif unit is Unit.MONTHS:
        end = add_months(day, period.amount)
    else:
        raise CalendarError("an allowance in hours ends at an instant, not on a day: use hours_after()")
    return Reckoning(period, day, end, None, day, "")


def hours_after(instant: datetime, hours: int) -> datetime:
    """`hours` real hours after an instant (across a clock change too), shown in UK time."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ImpossibleDatesError(f"{instant.isoformat()} has no timezone")
    return (instant.astimezone(ZoneInfo("UTC")) + timedelta(hours=hours)).astimezone(LONDON)


# -- a stage's deadlines ---------------------------------------------------------------------------------


class Justification(Enum):
    NONE = "none"
    GOOD_REASON = "good-reason"
    """A good reason for the extension is recorded."""
    AGREED = "agreed"
    """Both parties agreed the extension; the good reason is recorded too."""


@dataclass(frozen=True)
class Extension:
    days: int
    notified: date
    """The date the customer was told of the extension and the new date."""
    justification: Justification = Justification.NONE


@dataclass(frozen=True)
class StageFacts:
    stage: int
    received: date | datetime
    """Stage 1: the complaint reached any member of staff. Stage 2: the escalation request did."""
    logged: date | None = None
    acknowledged: date | None = None
    extensions: tuple[Extension, ...] = ()
    responded: date | None = None
    works_completed: date | None = None
    """Stage 1: the date agreed works or actions were completed, for an escalation window counted from it."""
    case_received: date | None = None
    """The stage 1 receipt date, which decides whether the Code's floor applies; defaults to `received`."""


class Deadline(NamedTuple):
    label: str
    """What is due, as a sentence opens: "Acknowledge by", "Respond by"."""
    due: date
    reckoning: Reckoning
    provisional: bool = False
    """The clock runs from an event not yet recorded, assumed to happen on time."""
    note: str = ""

    @property
    def due_at(self) -> datetime:
        return end_of_day(self.due)

    @property
    def explanation(self) -> str:
        provisional = " (provisional)" if self.provisional else ""
        reckoned = self.reckoning.end
        text = f"{self.label} {reckoned}{provisional}: {self.reckoning.describe()} ({self.reckoning.period.source})."
        if self.due != reckoned:
            text += f" Extended to {self.due}, as follows."
        return f"{text} {self.note}" if self.note else text


@dataclass(frozen=True)
class ExtensionOutcome:
    extension: Extension
    applied: bool
    respond_by_before: date
    respond_by_after: date
    total: int
    """Working days of applied extension at this stage so far, this one included."""
    count: WorkingDayCount | None
    source: str

    @property
    def note(self) -> str:
        e = self.extension
        if not self.applied:
            return (
                f"Extension of {e.days} working days notified on {e.notified}, after the respond-by date "
                f"{self.respond_by_before}: recorded, but it does not move the deadline."
            )
        how = {
            Justification.NONE: "",
            Justification.GOOD_REASON: " with a good reason recorded",
            Justification.AGREED: " agreed by both parties",
        }[e.justification]
        skipped = self.count.describe_skipped() if self.count else ""
        return (
            f"Respond by {self.respond_by_after}: extended by {e.days} working days{how}, notified on {e.notified}, "
            f"from {self.respond_by_before}, {skipped} ({self.total} working days of extension in all; {self.source})."
        )


class StageDeadlines(NamedTuple):
    """A stage's deadlines. A named tuple, like the values in it, because one is made per stage per
    case whenever a fact changes; the explanation is built only when read."""

    profile: Profile
    facts: StageFacts
    calendar: WorkingCalendar
    acknowledge_by: Deadline
    respond_by: Deadline
    escalate_by: Deadline | None
    extensions: tuple[ExtensionOutcome, ...]
    breaches: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def nation(self) -> str:
        return self.calendar.nation

    @property
    def explanation(self) -> tuple[str, ...]:
        """Plain sentences, in order, that let anyone check every date against a calendar."""
        counting = self.profile.day_counting
        closures = " and the landlord's closure days" if self.calendar.closures else ""
        convention = (
            "day 0 is the date of the event and day 1 the first working day after it"
            if counting.day_zero is DayZero.EVENT_DATE
            else "an event on a non-working day is deemed to happen on the next working day, which is day 0"
        )
        lines = [
            f"Governed by {self.profile.label}.",
            f"Working days in {NATION_NAMES[self.nation]}: Monday to Friday except bank holidays{closures}; "
            f"{convention}; each deadline ends at 23:59 UK time.",
            self.acknowledge_by.explanation,
        ]
        assumption = self._respond_assumption()
        if assumption:
            lines.append(assumption)
        lines.append(self.respond_by.explanation)
        lines.extend(o.note for o in self.extensions)
        lines.extend(self._escalation_lines())
        return tuple(lines)

    def _respond_assumption(self) -> str:
        if not self.respond_by.provisional:
            return ""
        base = self.respond_by.reckoning.event
        if self.profile.stage(self.facts.stage).respond.base is Base.ACKNOWLEDGED:
            return f"Not yet acknowledged: the response clock assumes acknowledgement on the acknowledge-by date {base}."
        if self.facts.acknowledged:
            return (
                f"Logging date not given: taken as the acknowledgement date {base}, as logging and "
                "acknowledgement go together under this policy."
            )
        return f"Not yet logged: the response clock assumes logging on the acknowledge-by date {base}."

    def _escalation_lines(self) -> list[str]:
        if self.facts.stage == 2:
            return [
                "Stage 2 is the final stage: after its response the customer may refer the complaint to the "
                "Housing Ombudsman."
            ]
        if self.facts.responded is None:
            return []
        if self.escalate_by is None:
            return [
                f"No escalation window: {self.profile.name} sets none, so a request for stage 2 at any time goes to "
                "a decision with reasons (Code 5.11)."
            ]
        return [self.escalate_by.explanation]

    def to_json(self) -> dict[str, Any]:
        return {
            "policy": self.profile.name,
            "policy_version": self.profile.version,
            "stage": self.facts.stage,
            "nation": self.nation,
            "acknowledge_by": self.acknowledge_by.due.isoformat(),
            "respond_by": self.respond_by.due.isoformat(),
            "respond_by_provisional": self.respond_by.provisional,
            "escalate_by": self.escalate_by.due.isoformat() if self.escalate_by else None,
            "extensions": [
                {
                    "days": o.extension.days,
                    "notified": o.extension.notified.isoformat(),
                    "justification": o.extension.justification.value,
                    "applied": o.applied,
                    "respond_by_before": o.respond_by_before.isoformat(),
                    "respond_by_after": o.respond_by_after.isoformat(),
                    "note": o.note,
                }
                for o in self.extensions
            ],
            "breaches": list(self.breaches),
            "warnings": list(self.warnings),
            "explanation": list(self.explanation),
        }


def _received(stage: int) -> str:
    return "the complaint was received" if stage == 1 else "the escalation request was received"


def _check_dates(facts: StageFacts) -> date:
    received = facts.received if type(facts.received) is date else local_date(facts.received)
    logged, acknowledged, responded = facts.logged, facts.acknowledged, facts.responded
    if (
        (logged is not None and logged < received)
        or (acknowledged is not None and acknowledged < received)
        or (responded is not None and responded < received)
    ):
        label, value = next(
            (k, v)
            for k, v in (("logged", logged), ("acknowledged", acknowledged), ("responded", responded))
            if v is not None and v < received
        )
        raise ImpossibleDatesError(f"{label} on {value} is before {_received(facts.stage)} on {received}")
    if facts.responded and facts.acknowledged and facts.responded < facts.acknowledged:
        raise ImpossibleDatesError(
            f"responded on {facts.responded} is before the acknowledgement on {facts.acknowledged}"
        )
    for extension in facts.extensions:
        if extension.notified < received:
            raise ImpossibleDatesError(
                f"extension notified on {extension.notified} is before {_received(facts.stage)} on {received}"
            )
        if extension.days < 1:
            raise ImpossibleDatesError(f"an extension must add at least 1 working day, not {extension.days}")
        if facts.responded and extension.notified > facts.responded:
            raise ImpossibleDatesError(
                f"extension notified on {extension.notified} is after the response on {facts.responded}"
            )
    if facts.works_completed is not None:
        if facts.stage != 1 or facts.responded is None:
            raise ImpossibleDatesError("agreed works completed only counts after a stage 1 response")
        if facts.works_completed < facts.responded:
            raise ImpossibleDatesError(
                f"agreed works completed on {facts.works_completed} is before the response on {facts.responded}"
            )
    if facts.case_received is not None and facts.case_received > received:
        raise ImpossibleDatesError(f"the case was received on {facts.case_received}, after {received}")
    return received


def _late_by(calendar: WorkingCalendar, due: date, actual: date) -> str:
    days = calendar.working_days_between(due, actual).days
    return f"{days} working day{'s' if days != 1 else ''} late" if days else "late (on a non-working day)"


def _extension_rule(profile: Profile, stage: int, total: int, extension: Extension) -> None:
    rules = profile.stage(stage).extension
    has_reason = extension.justification in (Justification.GOOD_REASON, Justification.AGREED)
    if (
        rules.agreement_above is not None
        and total > rules.agreement_above
        and (extension.justification is not Justification.AGREED)
    ):
        raise ExtensionRefusedError(
            f"extension of {extension.days} working days notified on {extension.notified} refused: "
            f"{profile.name} allows stage {stage} extensions totalling more than {rules.agreement_above} "
            f"working days only when both parties agree ({rules.source}); this would make {total}"
        )
    if total > rules.good_reason_above and not has_reason:
        limit = (
            "every extension needs a recorded good reason"
            if rules.good_reason_above == 0
            else f"extensions totalling more than {rules.good_reason_above} working days need a good reason"
        )
        raise ExtensionRefusedError(
            f"extension of {extension.days} working days notified on {extension.notified} refused: "
            f"{profile.name} stage {stage}: {limit} ({rules.source}); this would make {total}"
        )


def stage_deadlines(profile: Profile, calendar: WorkingCalendar, facts: StageFacts) -> StageDeadlines:
    """Acknowledge-by, respond-by (with valid extensions), escalate-by and breaches for one stage.

    Raises ImpossibleDatesError for facts that cannot all be true and ExtensionRefusedError for an
    extension the profile does not allow. An extension notified after the current deadline is recorded
    but does not move it: the breach stands.
    """
    received = _check_dates(facts)
    stage = profile.stage1 if facts.stage == 1 else profile.stage(facts.stage)
    counting = profile.day_counting
    breaches: list[str] = []

    ack = reckon(calendar, counting, stage.acknowledge, facts.received)
    acknowledge_by = Deadline("Acknowledge by", ack.end, ack)
    if facts.acknowledged and facts.acknowledged > ack.end:
        breaches.append(
            f"Stage {facts.stage} acknowledged on {facts.acknowledged}, "
            f"{_late_by(calendar, ack.end, facts.acknowledged)}: it was due by {ack.end}."
        )

    base, provisional = _respond_base(stage.respond.base, facts, ack.end)
    respond = reckon(calendar, counting, stage.respond, base)
    outcomes: tuple[ExtensionOutcome, ...] = ()
    respond_due, late_notice = respond.end, None
    if facts.extensions:
        outcomes, respond_due, late_notice = _apply_extensions(profile, calendar, facts, respond.end)
    if facts.responded and facts.responded > respond_due:
        breaches.append(
            f"Stage {facts.stage} response sent on {facts.responded}, "
            f"{_late_by(calendar, respond_due, facts.responded)}: it was due by {respond_due}"
            f"{' (provisional)' if provisional else ''}."
        )
    elif late_notice is not None and facts.responded is None:
        breaches.append(
            f"No stage {facts.stage} response by {respond_due}: the extension notified on {late_notice} came "
            "after that date, so it does not move it and the breach stands."
        )
    respond_by = Deadline("Respond by", respond_due, respond, provisional)

    escalate_by, warnings = _escalate_by(profile, calendar, facts, received)
    return StageDeadlines(
        profile, facts, calendar, acknowledge_by, respond_by, escalate_by, outcomes, tuple(breaches), warnings
    )


def _respond_base(base: Base, facts: StageFacts, ack_due: date) -> tuple[date | datetime, bool]:
    """The event the response clock runs from, and whether its date is assumed rather than known."""
    if base is Base.ACKNOWLEDGED:
        return (facts.acknowledged, False) if facts.acknowledged else (ack_due, True)
    if base is Base.LOGGED:
        if facts.logged:
            return facts.logged, False
        return (facts.acknowledged or ack_due), True
    return facts.received, False


def _apply_extensions(
    profile: Profile, calendar: WorkingCalendar, facts: StageFacts, respond_due: date
) -> tuple[tuple[ExtensionOutcome, ...], date, date | None]:
    outcomes = []
    total = 0
    late_notice: date | None = None
    source = profile.stage(facts.stage).extension.source
    for extension in sorted(facts.extensions, key=lambda e: e.notified):
        before = respond_due
        if extension.notified > respond_due:
            late_notice = late_notice or extension.notified
            outcomes.append(ExtensionOutcome(extension, False, before, before, total, None, source))
            continue
        total += extension.days
        _extension_rule(profile, facts.stage, total, extension)
        count = calendar.add_working_days(respond_due, extension.days)
        respond_due = count.end
        outcomes.append(ExtensionOutcome(extension, True, before, respond_due, total, count, source))
    return tuple(outcomes), respond_due, late_notice


def _escalate_by(
    profile: Profile, calendar: WorkingCalendar, facts: StageFacts, received: date
) -> tuple[Deadline | None, tuple[str, ...]]:
    escalation = profile.escalation
    if facts.stage == 2 or facts.responded is None or escalation.window is None:
        return None, ()
    window = reckon(calendar, profile.day_counting, escalation.window, facts.responded)
    if escalation.window_from_works and facts.works_completed:
        works = reckon(calendar, profile.day_counting, escalation.window_from_works, facts.works_completed)
        window = works if works.end > window.end else window
    warnings: tuple[str, ...] = ()
    if (
        escalation.late_request is LateEscalation.REFUSE
        and (facts.case_received or received) >= CODE_FLOOR_FROM
    ):
        warnings = (
            f"{profile.name} treats its escalation window as a limit, but the Complaint Handling Code 2024 "
            f"(5.11) applies to cases received from {CODE_FLOOR_FROM}: a request after {window.end} is not "
            "refused automatically; it goes to a decision with reasons.",
        )
    return Deadline("Escalate by", window.end, window), warnings


# -- other clocks a profile sets -------------------------------------------------------------------------


def no_contact_closure(profile: Profile, calendar: WorkingCalendar, letter_sent: date) -> Deadline | None:
    """When a complaint may be closed after the no-contact letter, or None where the policy sets no such step."""
    period = profile.no_contact.closure
    if period is None:
        return None
    how = reckon(calendar, profile.day_counting, period, letter_sent)
    return Deadline("Close without contact after", how.end, how, note=f"{profile.no_contact.late_reply}.")


def clarification_contact_by(
    profile: Profile, calendar: WorkingCalendar, received: date | datetime
) -> Deadline | None:
    """The end of the window for contacting the customer about an unclear complaint, where the policy sets one."""
    period = profile.clarification.window
    if period is None:
        return None
    how = reckon(calendar, profile.day_counting, period, received)
    return Deadline("Contact the customer to clarify by", how.end, how)


def restriction_review(profile: Profile, calendar: WorkingCalendar, started: date) -> Deadline:
    """The date a contact restriction must be reviewed."""
    how = reckon(calendar, profile.day_counting, profile.restrictions.review, started)
    return Deadline("Review the restriction by", how.end, how)


def adjustment_review(profile: Profile, calendar: WorkingCalendar, agreed: date) -> Deadline:
    """The date agreed reasonable adjustments are next reviewed."""
    how = reckon(calendar, profile.day_counting, profile.adjustments.review, agreed)
    return Deadline("Review the adjustments by", how.end, how)


def colleague_complaint_clocks(
    profile: Profile, calendar: WorkingCalendar, received: date, acknowledged: date | None = None
) -> tuple[Deadline, Deadline] | None:
    """Acknowledge-by and respond-by for a complaint about a colleague, where the policy sets its own clocks
    (Great Places); None where complaints about colleagues follow the ordinary stage clocks."""
    rules = profile.colleague_complaints
    if rules.acknowledge is None or rules.respond is None:
        return None
    ack = reckon(calendar, profile.day_counting, rules.acknowledge, received)
    provisional = rules.respond.base is Base.ACKNOWLEDGED and acknowledged is None
    base = (acknowledged or ack.end) if rules.respond.base is Base.ACKNOWLEDGED else received
    respond = reckon(calendar, profile.day_counting, rules.respond, base)
    return (
        Deadline("Acknowledge by", ack.end, ack),
        Deadline(f"{rules.responder} responds by", respond.end, respond, provisional),
    )
