"""Deadlines of a complaint stage, and the other clocks a policy sets, as pure functions of the facts.

Given a profile, a calendar and what has happened so far, each function says when something is due, and
why, in sentences a customer or the Ombudsman could check against a calendar. Nothing here reads a clock:
a breach is only ever a breach "by the dates given".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from putright.domain.calendar import NATION_NAMES, DayZero, WorkingCalendar, add_months
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


def period_end(
    calendar: WorkingCalendar, counting: DayCounting, period: Period, event: date | datetime
) -> tuple[date, str]:
    """The last day of `period` counted from `event`, and a phrase explaining the count."""
    if period.unit is Unit.HOURS:
        raise CalendarError("an allowance in hours ends at an instant, not on a day: use hours_after()")
    if period.unit is Unit.WORKING_DAYS:
        zero, moved = counting_start(calendar, counting, event)
        count = calendar.add_working_days(zero, period.amount)
        phrase = f"{period.unit.phrase(period.amount)} from {period.base.phrase} on {local_date(event)}"
        phrase += f" ({moved})" if moved else ""
        return count.end, f"{phrase}, {count.describe_skipped()}"
    day = local_date(event)
    if period.unit is Unit.CALENDAR_DAYS:
        end = day + timedelta(days=period.amount)
    elif period.unit is Unit.WEEKS:
        end = day + timedelta(weeks=period.amount)
    else:
        end = add_months(day, period.amount)
        if end.day != day.day:
            return end, (
                f"{period.unit.phrase(period.amount)} from {period.base.phrase} on {day}; the month has no "
                f"day {day.day}, so its last day"
            )
    return end, f"{period.unit.phrase(period.amount)} from {period.base.phrase} on {day}"


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


@dataclass(frozen=True)
class Deadline:
    due: date
    explanation: str
    provisional: bool = False

    @property
    def due_at(self) -> datetime:
        return end_of_day(self.due)


@dataclass(frozen=True)
class ExtensionOutcome:
    extension: Extension
    applied: bool
    respond_by_before: date
    respond_by_after: date
    note: str


@dataclass(frozen=True)
class StageDeadlines:
    profile: Profile
    nation: str
    facts: StageFacts
    acknowledge_by: Deadline
    respond_by: Deadline
    escalate_by: Deadline | None
    extensions: tuple[ExtensionOutcome, ...]
    breaches: tuple[str, ...]
    explanation: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=())

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


def _check_dates(facts: StageFacts) -> date:
    received = local_date(facts.received)
    what = "the complaint was received" if facts.stage == 1 else "the escalation request was received"
    for label, value in (
        ("logged", facts.logged),
        ("acknowledged", facts.acknowledged),
        ("responded", facts.responded),
        *(("extension notified", e.notified) for e in facts.extensions),
    ):
        if value is not None and value < received:
            raise ImpossibleDatesError(f"{label} on {value} is before {what} on {received}")
    if facts.responded and facts.acknowledged and facts.responded < facts.acknowledged:
        raise ImpossibleDatesError(
            f"responded on {facts.responded} is before the acknowledgement on {facts.acknowledged}"
        )
    for extension in facts.extensions:
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
    stage = profile.stage(facts.stage)
    counting = profile.day_counting
    closures = " and the landlord's closure days" if calendar.closures else ""
    convention = (
        "day 0 is the date of the event and day 1 the first working day after it"
        if counting.day_zero is DayZero.EVENT_DATE
        else "an event on a non-working day is deemed to happen on the next working day, which is day 0"
    )
    explanation = [
        f"Governed by {profile.label}.",
        f"Working days in {NATION_NAMES[calendar.nation]}: Monday to Friday except bank holidays{closures}; "
        f"{convention}; each deadline ends at 23:59 UK time.",
    ]
    breaches: list[str] = []
    warnings: list[str] = []

    ack_due, why = period_end(calendar, counting, stage.acknowledge, facts.received)
    acknowledge_by = Deadline(ack_due, f"Acknowledge by {ack_due}: {why} ({stage.acknowledge.source}).")
    explanation.append(acknowledge_by.explanation)
    if facts.acknowledged and facts.acknowledged > ack_due:
        breaches.append(
            f"Stage {facts.stage} acknowledged on {facts.acknowledged}, "
            f"{_late_by(calendar, ack_due, facts.acknowledged)}: it was due by {ack_due}."
        )

    base_date, provisional, assumption = _respond_base(profile, facts, ack_due)
    respond_due, why = period_end(
        calendar, counting, stage.respond, base_date if base_date else facts.received
    )
    if assumption:
        explanation.append(assumption)
    respond_reason = f"{why} ({stage.respond.source})"
    explanation.append(
        f"Respond by {respond_due}{' (provisional)' if provisional else ''}: {respond_reason}."
    )

    outcomes, respond_due, late_notice = _apply_extensions(profile, calendar, facts, respond_due, explanation)
    respond_by = Deadline(respond_due, explanation[-1], provisional)

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

    escalate_by = _escalate_by(profile, calendar, facts, received, explanation, warnings)
    return StageDeadlines(
        profile=profile,
        nation=calendar.nation,
        facts=facts,
        acknowledge_by=acknowledge_by,
        respond_by=respond_by,
        escalate_by=escalate_by,
        extensions=tuple(outcomes),
        breaches=tuple(breaches),
        explanation=tuple(explanation),
        warnings=tuple(warnings),
    )


def _respond_base(profile: Profile, facts: StageFacts, ack_due: date) -> tuple[date | None, bool, str]:
    """The date the response clock runs from, whether it is assumed, and a sentence if so."""
    base = profile.stage(facts.stage).respond.base
    if base is Base.ACKNOWLEDGED:
        if facts.acknowledged:
            return facts.acknowledged, False, ""
        return (
            ack_due,
            True,
            (
                f"Not yet acknowledged: the response clock assumes acknowledgement on the acknowledge-by date {ack_due}."
            ),
        )
    if base is Base.LOGGED:
        if facts.logged:
            return facts.logged, False, ""
        if facts.acknowledged:
            return (
                facts.acknowledged,
                True,
                (
                    f"Logging date not given: taken as the acknowledgement date {facts.acknowledged}, "
                    "as logging and acknowledgement go together under this policy."
                ),
            )
        return (
            ack_due,
            True,
            (f"Not yet logged: the response clock assumes logging on the acknowledge-by date {ack_due}."),
        )
    return None, False, ""


def _apply_extensions(
    profile: Profile,
    calendar: WorkingCalendar,
    facts: StageFacts,
    respond_due: date,
    explanation: list[str],
) -> tuple[list[ExtensionOutcome], date, date | None]:
    outcomes = []
    total = 0
    late_notice: date | None = None
    for extension in sorted(facts.extensions, key=lambda e: e.notified):
        before = respond_due
        if extension.notified > respond_due:
            note = (
                f"Extension of {extension.days} working days notified on {extension.notified}, after the "
                f"respond-by date {respond_due}: recorded, but it does not move the deadline."
            )
            late_notice = late_notice or extension.notified
            outcomes.append(ExtensionOutcome(extension, False, before, before, note))
            explanation.append(note)
            continue
        total += extension.days
        _extension_rule(profile, facts.stage, total, extension)
        count = calendar.add_working_days(respond_due, extension.days)
        respond_due = count.end
        justification = {
            Justification.NONE: "",
            Justification.GOOD_REASON: " with a good reason recorded",
            Justification.AGREED: " agreed by both parties",
        }[extension.justification]
        note = (
            f"Respond by {respond_due}: extended by {extension.days} working days{justification}, notified on "
            f"{extension.notified}, from {before}, {count.describe_skipped()} "
            f"({total} working days of extension in all; {profile.stage(facts.stage).extension.source})."
        )
        outcomes.append(ExtensionOutcome(extension, True, before, respond_due, note))
        explanation.append(note)
    return outcomes, respond_due, late_notice


def _escalate_by(
    profile: Profile,
    calendar: WorkingCalendar,
    facts: StageFacts,
    received: date,
    explanation: list[str],
    warnings: list[str],
) -> Deadline | None:
    if facts.stage == 2:
        explanation.append(
            "Stage 2 is the final stage: after its response the customer may refer the complaint to the "
            "Housing Ombudsman."
        )
        return None
    if facts.responded is None:
        return None
    escalation = profile.escalation
    if escalation.window is None:
        explanation.append(
            f"No escalation window: {profile.name} sets none, so a request for stage 2 at any time goes to a "
            "decision with reasons (Code 5.11)."
        )
        return None
    due, why = period_end(calendar, profile.day_counting, escalation.window, facts.responded)
    sentence = f"Escalate by {due}: {why} ({escalation.window.source})."
    if escalation.window_from_works and facts.works_completed:
        works_due, works_why = period_end(
            calendar, profile.day_counting, escalation.window_from_works, facts.works_completed
        )
        if works_due > due:
            due = works_due
            sentence = f"Escalate by {due}: {works_why} ({escalation.window_from_works.source})."
    explanation.append(sentence)
    case_received = facts.case_received or received
    if escalation.late_request is LateEscalation.REFUSE and case_received >= CODE_FLOOR_FROM:
        warnings.append(
            f"{profile.name} treats its escalation window as a limit, but the Complaint Handling Code 2024 "
            f"(5.11) applies to cases received from {CODE_FLOOR_FROM}: a request after {due} is not refused "
            "automatically; it goes to a decision with reasons."
        )
    return Deadline(due, sentence)


# -- other clocks a profile sets -------------------------------------------------------------------------


def no_contact_closure(profile: Profile, calendar: WorkingCalendar, letter_sent: date) -> Deadline | None:
    """When a complaint may be closed after the no-contact letter, or None where the policy sets no such step."""
    period = profile.no_contact.closure
    if period is None:
        return None
    due, why = period_end(calendar, profile.day_counting, period, letter_sent)
    return Deadline(
        due, f"Close without contact after {due}: {why} ({period.source}). {profile.no_contact.late_reply}."
    )


def clarification_contact_by(
    profile: Profile, calendar: WorkingCalendar, received: date | datetime
) -> Deadline | None:
    """The end of the window for contacting the customer about an unclear complaint, where the policy sets one."""
    period = profile.clarification.window
    if period is None:
        return None
    due, why = period_end(calendar, profile.day_counting, period, received)
    return Deadline(due, f"Contact the customer to clarify by {due}: {why} ({period.source}).")


def restriction_review(profile: Profile, calendar: WorkingCalendar, started: date) -> Deadline:
    """The date a contact restriction must be reviewed."""
    period = profile.restrictions.review
    due, why = period_end(calendar, profile.day_counting, period, started)
    return Deadline(due, f"Review the restriction by {due}: {why} ({period.source}).")
