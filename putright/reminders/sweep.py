"""The reminder sweep: what falls due soon or is overdue, read from the stored deadline columns.

It never recomputes a deadline: the services store every deadline when a fact changes, and the sweep only
reads them. It is idempotent: each (landlord, kind, subject, due date) gets one `Reminder` row, inserted with
`bulk_create(ignore_conflicts=True)`, and only the rows this run inserted (tagged with its `sweep_id`) get a
notification task, enqueued when the transaction commits. Running it twice notifies nobody twice. On
PostgreSQL it takes a transaction-level advisory lock and returns at once if another sweep holds it.

Per landlord it makes a fixed number of queries (the calendar's closure days, one query per kind of
deadline, one insert per batch of new reminders), however many cases there are.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial, reduce
from operator import or_
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases.models import AgreedAction, Case, Stage
from putright.customers.models import Adjustment, Restriction
from putright.domain.calendar import WorkingCalendar
from putright.domain.errors import CalendarError, DomainError
from putright.domain.hazards import hazard_rules
from putright.domain.lifecycle import DUE_NEXT, FINISHED, Status, stage_of
from putright.governance.selectors import submission_due
from putright.ombudsman.selectors import orders_due
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_calendar
from putright.reminders.models import Reminder, ReminderKind

logger = logging.getLogger(__name__)

SWEEP_LOCK_KEY = int.from_bytes(b"PRremind", "big")
"""The PostgreSQL advisory lock key every sweep takes (a fixed 64-bit number: the bytes of "PRremind")."""

RETRY_AFTER = timedelta(hours=1)
"""A reminder whose notification task has not run this long after it was enqueued is enqueued again (the
process may have stopped between the commit and the enqueue); the notification is unique per person, so a
repeat never notifies anyone twice."""

RETRY_BATCH = 500

# A stage's clocks run only while the case is at that stage in a state that owes the customer something.
_ACKNOWLEDGEMENT_OWED = frozenset(s for s, owed in DUE_NEXT.items() if owed == "acknowledge")
_RESPONSE_OWED = frozenset(DUE_NEXT)
"""A response is owed from receipt (or the escalation request) until it is sent, acknowledged or not."""
_INVESTIGATING = frozenset(s for s, owed in DUE_NEXT.items() if owed == "respond")
_HAZARD_CLOCKS_STOPPED = frozenset({Status.WITHDRAWN})
"""Awaab's Law duties are the landlord's whatever happens to the complaint: they are reminded until each is
recorded as done; only a report the customer withdrew stops them."""
_DUTIES_ENDED_BY_CONCLUSION = frozenset({"investigate"})
"""Hazard duties done once `Case.hazard_investigation_concluded` is recorded."""

assert not (_RESPONSE_OWED & FINISHED), "a finished case owes no response"


@dataclass(frozen=True)
class SweepResult:
    today: date
    locked_out: bool = False
    """True when another sweep held the lock, so this one did nothing."""
    landlords: int = 0
    created: Mapping[str, int] = field(default_factory=dict)
    """New reminders by kind (each has had one notification task enqueued)."""
    re_enqueued: int = 0
    """Older reminders whose notification task had not run, enqueued again."""

    @property
    def total(self) -> int:
        return sum(self.created.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "locked_out": self.locked_out,
            "landlords": self.landlords,
            "created": dict(self.created),
            "re_enqueued": self.re_enqueued,
        }

    def __str__(self) -> str:
        if self.locked_out:
            return "Another reminder sweep holds the lock: nothing done."
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.created.items()))
        return (
            f"Swept {self.landlords} landlord(s) for {self.today.isoformat()}: {self.total} new reminder(s)"
            f"{f' ({kinds})' if kinds else ''}; {self.re_enqueued} re-enqueued."
        )


def sweep(*, today: date | None = None, lead_days: int | None = None) -> SweepResult:
    """Create a reminder for everything due within `lead_days` working days of `today` (in each landlord's
    calendar) or overdue, and enqueue one notification task per new reminder when the transaction commits."""
    if lead_days is not None and lead_days < 0:
        raise ValueError("lead_days cannot be negative")
    today = today or timezone.localdate()
    run = uuid.uuid4()
    now = timezone.now()
    with transaction.atomic():
        if not _take_lock():
            logger.info("reminder sweep skipped: another sweep holds the advisory lock")
            return SweepResult(today=today, locked_out=True)
        landlords = list(Landlord.objects.order_by("pk"))
        for landlord in landlords:
            lead = landlord.reminder_lead_days if lead_days is None else lead_days
            Reminder.objects.bulk_create(_due_at(landlord, today, lead, run, now), ignore_conflicts=True)
        new = list(Reminder.objects.filter(sweep_id=run).order_by("pk").values_list("pk", "kind"))
        stale = _stale(run, now)
        for pk in [pk for pk, _ in new] + stale:
            transaction.on_commit(partial(_enqueue_notify, pk), robust=True)
    result = SweepResult(
        today=today,
        landlords=len(landlords),
        created=dict(Counter(kind for _, kind in new)),
        re_enqueued=len(stale),
    )
    logger.info("%s", result)
    return result


def _take_lock() -> bool:
    """The advisory lock on PostgreSQL, held until the transaction ends; SQLite serialises writers itself."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SWEEP_LOCK_KEY])
        row = cursor.fetchone()
    return bool(row and row[0])


def _enqueue_notify(reminder_id: int) -> None:
    from putright.reminders.tasks import notify  # the tasks module imports this one

    notify.enqueue(reminder_id)


def _stale(run: uuid.UUID, now: datetime) -> list[int]:
    ids = list(
        Reminder.objects.filter(notified_at__isnull=True, enqueued_at__lt=now - RETRY_AFTER)
        .exclude(sweep_id=run)
        .order_by("enqueued_at")
        .values_list("pk", flat=True)[:RETRY_BATCH]
    )
    if ids:
        Reminder.objects.filter(pk__in=ids).update(enqueued_at=now)
    return ids


def _at_stage(statuses: Iterable[Status]) -> Q:
    """Stages that are their case's current stage while the case is in one of `statuses`."""
    by_stage: dict[int, list[str]] = {}
    for status in statuses:
        number = stage_of(status)
        if number is not None:
            by_stage.setdefault(number, []).append(status.value)
    return reduce(
        or_, (Q(number=n, case__status__in=sorted(values)) for n, values in sorted(by_stage.items()))
    )


class _Found:
    """The reminders found at one landlord, with the words for each."""

    def __init__(
        self, landlord: Landlord, today: date, lead_days: int, run: uuid.UUID, now: datetime
    ) -> None:
        self.landlord = landlord
        self.today = today
        self.run = run
        self.now = now
        self.calendar: WorkingCalendar | None
        try:
            self.calendar = landlord_calendar(landlord)
            self.horizon = self.calendar.working_day(today, lead_days)
        except CalendarError as error:
            logger.error(
                "%s: %s; counting calendar days until the bank holidays are refreshed", landlord, error
            )
            self.calendar = None
            self.horizon = today + timedelta(days=lead_days)
        self.reminders: list[Reminder] = []

    def add(
        self,
        kind: ReminderKind,
        subject: str,
        due: date,
        message: str,
        *,
        role: str,
        case_id: int | None = None,
        customer_id: int | None = None,
        recipient_id: int | None = None,
    ) -> None:
        self.reminders.append(
            Reminder(
                landlord=self.landlord,
                kind=kind,
                subject=subject,
                due_date=due,
                case_id=case_id,
                customer_id=customer_id,
                recipient_id=recipient_id,
                recipient_role=role,
                message=message,
                sweep_id=self.run,
                enqueued_at=self.now,
            )
        )

    def when(self, due: date, shown: str | None = None) -> str:
        """'due by 23 April 2026 (2 working days)' or 'overdue: due by 20 April 2026 (1 working day late)'."""
        text = shown or long_date(due)
        if due < self.today:
            return f"overdue: due by {text} ({self._count(due, self.today)} late)"
        if due == self.today:
            return f"due by {text} (today)"
        return f"due by {text} ({self._count(self.today, due)})"

    def _count(self, start: date, end: date) -> str:
        if self.calendar is None:
            days, unit = (end - start).days, "day"
        else:
            try:
                days, unit = self.calendar.working_days_between(start, end).days, "working day"
            except CalendarError:
                days, unit = (end - start).days, "day"
        return f"{days} {unit}{'' if days == 1 else 's'}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """'23 April 2026', whatever the process's locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _due_at(landlord: Landlord, today: date, lead_days: int, run: uuid.UUID, now: datetime) -> list[Reminder]:
    found = _Found(landlord, today, lead_days, run, now)
    _acknowledgements(found)
    _responses(found)
    _no_contact_closures(found)
    _actions(found)
    _restriction_reviews(found)
    _adjustment_reviews(found)
    _hazards(found)
    _ombudsman_submission(found)
    _ombudsman_orders(found)
    return found.reminders


_STAGE_FIELDS = ("number", "handler_id", "case_id", "case__reference", "case__customer_id")


def _acknowledgements(found: _Found) -> None:
    stages = (
        Stage.objects.filter(
            landlord=found.landlord, acknowledged_on__isnull=True, acknowledge_by__lte=found.horizon
        )
        .filter(_at_stage(_ACKNOWLEDGEMENT_OWED))
        .values("acknowledge_by", *_STAGE_FIELDS)
    )
    for row in stages:
        due: date = row["acknowledge_by"]
        overdue = due < found.today
        found.add(
            ReminderKind.ACKNOWLEDGEMENT_OVERDUE if overdue else ReminderKind.ACKNOWLEDGEMENT_DUE_SOON,
            f"case:{row['case_id']}:stage:{row['number']}",
            due,
            f"{row['case__reference']}: stage {row['number']} acknowledgement {found.when(due)}",
            role=Role.FEEDBACK_OFFICER,
            case_id=row["case_id"],
            customer_id=row["case__customer_id"],
            recipient_id=row["handler_id"],
        )


def _responses(found: _Found) -> None:
    stages = (
        Stage.objects.filter(
            landlord=found.landlord, responded_on__isnull=True, respond_by__lte=found.horizon
        )
        .filter(_at_stage(_RESPONSE_OWED))
        .values("respond_by", "respond_by_provisional", *_STAGE_FIELDS)
    )
    for row in stages:
        due: date = row["respond_by"]
        overdue = due < found.today
        provisional = " (provisional until acknowledged)" if row["respond_by_provisional"] else ""
        found.add(
            ReminderKind.RESPONSE_OVERDUE if overdue else ReminderKind.RESPONSE_DUE_SOON,
            f"case:{row['case_id']}:stage:{row['number']}",
            due,
            f"{row['case__reference']}: stage {row['number']} response {found.when(due)}{provisional}",
            role=Role.FEEDBACK_OFFICER,
            case_id=row["case_id"],
            customer_id=row["case__customer_id"],
            recipient_id=row["handler_id"],
        )


def _no_contact_closures(found: _Found) -> None:
    """Due once the customer's time to reply after the no-contact letter has passed: closure is then allowed
    (not before, so no lead time)."""
    stages = (
        Stage.objects.filter(landlord=found.landlord, close_without_contact_after__lt=found.today)
        .filter(_at_stage(_INVESTIGATING))
        .values("close_without_contact_after", *_STAGE_FIELDS)
    )
    for row in stages:
        last_day: date = row["close_without_contact_after"]
        found.add(
            ReminderKind.NO_CONTACT_CLOSURE_DUE,
            f"case:{row['case_id']}:stage:{row['number']}",
            last_day,
            f"{row['case__reference']}: stage {row['number']} may now be closed without contact: the customer "
            f"had until {long_date(last_day)} to reply",
            role=Role.FEEDBACK_OFFICER,
            case_id=row["case_id"],
            customer_id=row["case__customer_id"],
            recipient_id=row["handler_id"],
        )


def _actions(found: _Found) -> None:
    """Agreed actions are tracked to completion, whatever the case's state: most are agreed in a response,
    and a stage 2 response or a closure ends the complaint's clocks but not the landlord's promise."""
    actions = AgreedAction.objects.filter(
        landlord=found.landlord, completed_on__isnull=True, due_on__lte=found.horizon
    ).values(
        "pk",
        "due_on",
        "owner_id",
        "description",
        "stage__number",
        "stage__case_id",
        "stage__case__reference",
        "stage__case__customer_id",
    )
    for row in actions:
        due: date = row["due_on"]
        found.add(
            ReminderKind.ACTION_DUE,
            f"action:{row['pk']}",
            due,
            f"{row['stage__case__reference']}: agreed action {found.when(due)}: {_short(row['description'])}",
            role=Role.FEEDBACK_OFFICER,
            case_id=row["stage__case_id"],
            customer_id=row["stage__case__customer_id"],
            recipient_id=row["owner_id"],
        )


def _restriction_reviews(found: _Found) -> None:
    restrictions = Restriction.objects.filter(
        landlord=found.landlord, status=Restriction.Status.ACTIVE, review_by__lte=found.horizon
    ).values("pk", "review_by", "type", "customer_id", "customer__name")
    for row in restrictions:
        due: date = row["review_by"]
        found.add(
            ReminderKind.RESTRICTION_REVIEW_DUE,
            f"restriction:{row['pk']}",
            due,
            f"Contact restriction ({row['type']}) for {row['customer__name']}: review {found.when(due)}",
            role=Role.HOUSING_MANAGER,
            customer_id=row["customer_id"],
        )


def _adjustment_reviews(found: _Found) -> None:
    adjustments = Adjustment.objects.filter(
        landlord=found.landlord, ended_on__isnull=True, review_by__lte=found.horizon
    ).values("pk", "review_by", "type", "customer_id", "customer__name")
    for row in adjustments:
        due: date = row["review_by"]
        label = Adjustment.Type(row["type"]).label if row["type"] in Adjustment.Type.values else row["type"]
        found.add(
            ReminderKind.ADJUSTMENT_REVIEW_DUE,
            f"adjustment:{row['pk']}",
            due,
            f"Reasonable adjustment ({label.lower()}) for {row['customer__name']}: review {found.when(due)}",
            role=Role.FEEDBACK_OFFICER,
            customer_id=row["customer_id"],
        )


def _hazards(found: _Found) -> None:
    cases = (
        Case.objects.filter(landlord=found.landlord)
        .exclude(hazard_kind="")
        .exclude(status__in=[s.value for s in _HAZARD_CLOCKS_STOPPED])
        .values(
            "pk",
            "reference",
            "customer_id",
            "handler_id",
            "hazard_kind",
            "hazard_due",
            "hazard_done",
            "hazard_investigation_concluded",
        )
    )
    for row in cases:
        labels = _duty_labels(row["hazard_kind"])
        for code, value in sorted((row["hazard_due"] or {}).items()):
            if code in _DUTIES_ENDED_BY_CONCLUSION and row["hazard_investigation_concluded"]:
                continue
            if code in (row["hazard_done"] or {}):
                continue
            parsed = _due_of(value)
            if parsed is None:
                logger.error("case %s: unreadable hazard clock %s=%r", row["reference"], code, value)
                continue
            due, shown = parsed
            if due > found.horizon:
                continue
            hazard_label, duty_label = labels.get(code, (row["hazard_kind"], code))
            # Due soon, then once more when overdue: the duty stays owed until it is recorded done.
            found.add(
                ReminderKind.HAZARD_OVERDUE if due < found.today else ReminderKind.HAZARD_DUE,
                f"case:{row['pk']}:hazard:{code}",
                due,
                f"{row['reference']}: Awaab's Law: {duty_label} ({hazard_label.lower()}) "
                f"{found.when(due, shown)}",
                role=Role.FEEDBACK_OFFICER,
                case_id=row["pk"],
                customer_id=row["customer_id"],
                recipient_id=row["handler_id"],
            )


def _ombudsman_submission(found: _Found) -> None:
    """The annual report and self-assessment, due to the Ombudsman by 30 September from landlords with over
    1,000 homes (governance decides when to remind, with weeks of notice rather than the lead days)."""
    due = submission_due(found.landlord, found.today)
    if due is None:
        return
    found.add(
        ReminderKind.OMBUDSMAN_SUBMISSION_DUE,
        f"ombudsman-submission:{due.year.starting}",
        due.due,
        f"Annual complaints report and Code self-assessment {due.year.label} to the Ombudsman "
        f"{found.when(due.due)}",
        role=Role.FEEDBACK_OFFICER,
    )


def _ombudsman_orders(found: _Found) -> None:
    """Orders and recommendations in the Ombudsman's determinations, due soon and then overdue until their
    compliance is recorded: the complaints team's to see done."""
    orders = orders_due(found.landlord, found.horizon).values(
        "pk",
        "type",
        "due_on",
        "description",
        "ombudsman_case__ombudsman_reference",
        "ombudsman_case__case_id",
        "ombudsman_case__case__reference",
        "ombudsman_case__case__customer_id",
    )
    for row in orders:
        due: date = row["due_on"]
        overdue = due < found.today
        what = "recommendation" if row["type"] == "recommendation" else "order"
        found.add(
            ReminderKind.OMBUDSMAN_ORDER_OVERDUE if overdue else ReminderKind.OMBUDSMAN_ORDER_DUE_SOON,
            f"ombudsman-order:{row['pk']}",
            due,
            f"{row['ombudsman_case__case__reference']}: Ombudsman {what} "
            f"({row['ombudsman_case__ombudsman_reference']}) {found.when(due)}: {_short(row['description'])}",
            role=Role.FEEDBACK_OFFICER,
            case_id=row["ombudsman_case__case_id"],
            customer_id=row["ombudsman_case__case__customer_id"],
        )


def _duty_labels(kind: str) -> dict[str, tuple[str, str]]:
    try:
        hazard = hazard_rules().hazard(kind)
    except DomainError:
        return {}
    return {duty.code: (hazard.label, duty.label) for duty in hazard.duties}


def _due_of(value: object) -> tuple[date, str] | None:
    """A stored hazard clock (an ISO date, or an ISO date and time) as its UK date and its words."""
    if not isinstance(value, str):
        return None
    try:
        if "T" not in value:
            day = date.fromisoformat(value)
            return day, long_date(day)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return local.date(), f"{local:%H:%M} on {long_date(local.date())}"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
