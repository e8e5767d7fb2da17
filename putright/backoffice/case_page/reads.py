"""What the case page shows, read in a fixed number of queries however long the case's history is.

Who may see the case is decided by putright/cases/access.py (a hidden case and an absent one are the same
NotFoundError); what is shown of the customer by putright/accounts/permissions.py (disclosed disabilities
only to roles with `disability.view`). This module only gathers and arranges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import can, roles_at
from putright.cases.access import access_case_by_reference, may_see, visible_cases
from putright.cases.models import (
    AgreedAction,
    Case,
    CaseAttachment,
    CaseCustomer,
    CaseNote,
    ContactAttempt,
    Decision,
    Extension,
    PointDecision,
    Satisfaction,
    Stage,
    TimelineEvent,
)
from putright.customers.models import Adjustment, Customer, Disability, Representative, Restriction
from putright.domain.hazards import hazard_rules
from putright.domain.lifecycle import Kind, Status
from putright.letters.models import Delivery, Letter
from putright.letters.selectors import CONTENT
from putright.organisations.models import Landlord

TIMELINE_CAP = 30
"""Entries shown until "Show all" is chosen."""

STATUS_COLOURS = {
    Status.STAGE1_RECEIVED: "blue",
    Status.STAGE1_INVESTIGATING: "light-blue",
    Status.STAGE1_RESPONDED: "turquoise",
    Status.STAGE2_REQUESTED: "purple",
    Status.STAGE2_INVESTIGATING: "pink",
    Status.STAGE2_RESPONDED: "green",
    Status.OPEN: "blue",
    Status.ACKNOWLEDGED: "light-blue",
    Status.PASSED_ON: "green",
    Status.RESOLVED: "green",
}
"""Open states in colour; every ending in grey (as on the case list)."""

_LABELS = {
    "status": "Status",
    "acknowledge_by": "Acknowledge by",
    "respond_by": "Respond by",
    "respond_by_provisional": "Response date provisional",
    "escalate_by": "Escalate by",
    "handler": "Handler",
    "complaint_choice": "Customer's choice",
    "outcome": "Outcome",
    "reason_code": "Reason",
    "score": "Score out of 5",
    "reached": "Customer reached",
    "note": "Note",
    "point": "Point",
    "complaint": "Complaint",
    "notified_on": "Customer told on",
    "justification": "Justification",
    "letter_on": "Letter sent on",
    "close_after": "May close after",
    "completed_on": "Completed on",
    "duty": "Duty",
    "done_on": "Done on",
    "amount": "Amount paid (£)",
    "kind": "Kind",
    "reference": "Reference",
}
_HIDDEN = {"note_id", "attachment_id", "action", "remedy", "size", "name"}
"""Keys that identify rows shown another way (the note itself, the file's link)."""


def _status_label(value: str) -> str:
    try:
        return Status(value).label.capitalize()
    except ValueError:
        return value


def plain_value(key: str, value: Any, people: dict[int, str]) -> str:
    """One before/after value in plain words: dates as people write them, statuses and people by name."""
    if value is None or value == "":
        return "none"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if key == "handler" and isinstance(value, int):
        return people.get(value, "someone no longer on record")
    if key == "status":
        return _status_label(str(value))
    if key == "outcome":
        return dict(Stage.Outcome.choices).get(str(value), str(value))
    if key == "justification":
        choices = dict(Extension._meta.get_field("justification").choices or [])
        return str(choices.get(str(value), value))
    if key == "kind":
        return next((k.label.capitalize() for k in Kind if k.value == value), str(value))
    if isinstance(value, str):
        for parse, form in ((date.fromisoformat, "%-d %b %Y"), (datetime.fromisoformat, "%-d %b %Y %H:%M")):
            try:
                parsed = parse(value)
            except ValueError:
                continue
            if isinstance(parsed, datetime) and timezone.is_aware(parsed):
                parsed = timezone.localtime(parsed)
            return parsed.strftime(form)
    return str(value)


@dataclass(frozen=True)
class Change:
    label: str
    before: str | None
    after: str


def _duty_labels() -> dict[str, str]:
    return {duty.code: duty.label for hazard in hazard_rules().hazards for duty in hazard.duties}


def changes(event: TimelineEvent, people: dict[int, str]) -> list[Change]:
    """The event's before and after as "label: before → after" rows (only what it recorded)."""
    labels = {**_duty_labels(), **_LABELS}
    rows = []
    for key, after in event.after.items():
        if key in _HIDDEN:
            continue
        before = event.before.get(key) if key in event.before else None
        shown_before = plain_value(key, before, people) if key in event.before else None
        shown_after = plain_value(key, after, people)
        if shown_before == shown_after:
            continue
        rows.append(Change(labels.get(key, key.replace("_", " ").capitalize()), shown_before, shown_after))
    for key, before in event.before.items():
        if key not in event.after and key not in _HIDDEN:
            label = labels.get(key, key.replace("_", " ").capitalize())
            rows.append(Change(label, plain_value(key, before, people), "none"))
    return rows


@dataclass
class Entry:
    """One item of the timeline: a recorded event or a letter."""

    at: datetime
    order: tuple[int, int]
    title: str
    actor: str
    changes: list[Change] = field(default_factory=list)
    note: CaseNote | None = None
    attachment: CaseAttachment | None = None
    letter: Letter | None = None


@dataclass(frozen=True)
class Deadline:
    label: str
    due: date | None
    note: str
    explanation: list[str]


@dataclass(frozen=True)
class StageView:
    stage: Stage
    deadlines: list[Deadline]
    general: list[str]
    extensions: list[Extension]
    attempts: list[ContactAttempt]
    actions: list[AgreedAction]


@dataclass(frozen=True)
class HazardClock:
    label: str
    due: str
    done: str
    overdue: bool = False


@dataclass(frozen=True)
class CustomerPanel:
    customer: Customer
    adjustments: list[Adjustment]
    restrictions: list[Restriction]
    representatives: list[Representative]
    disabilities: list[Disability] | None
    """None when this person's roles may not see them."""


@dataclass(frozen=True)
class CasePage:
    case: Case
    status_colour: str
    customer: CustomerPanel
    group_customers: list[Customer]
    linked_case: Case | None
    """The case this one was raised from, if this person may see it."""
    stages: list[StageView]
    hazard_clocks: list[HazardClock]
    timeline: list[Entry]
    timeline_total: int
    timeline_capped: bool
    attachments: list[CaseAttachment]


def _deadlines(stage: Stage) -> tuple[list[Deadline], list[str]]:
    """Each stored deadline with the explanation lines about it, and the lines about them all."""
    lines = list(stage.explanation)
    prefixes = {"acknowledge": "Acknowledge by", "respond": "Respond by", "escalate": "Escalate by"}
    mine = {key: [line for line in lines if line.startswith(prefix)] for key, prefix in prefixes.items()}
    general = [line for line in lines if not any(line.startswith(p) for p in prefixes.values())]
    respond_note = "provisional" if stage.respond_by_provisional else ""
    if stage.extensions.all() and any(e.applied for e in stage.extensions.all()):
        respond_note = "extended" + (", provisional" if stage.respond_by_provisional else "")
    rows = [
        Deadline(
            "Acknowledge by",
            stage.acknowledge_by,
            f"acknowledged {stage.acknowledged_on:%-d %b %Y}" if stage.acknowledged_on else "",
            mine["acknowledge"],
        ),
        Deadline(
            "Respond by",
            stage.respond_by,
            f"responded {stage.responded_on:%-d %b %Y}" if stage.responded_on else respond_note,
            mine["respond"],
        ),
    ]
    if stage.escalate_by is not None:
        rows.append(Deadline("Escalate by", stage.escalate_by, "", mine["escalate"]))
    return rows, general


def _hazard_clocks(case: Case) -> list[HazardClock]:
    labels = _duty_labels()
    return [
        HazardClock(
            labels.get(code, code),
            plain_value("due", due, {}),
            plain_value("done", case.hazard_done.get(code), {}) if code in case.hazard_done else "",
            code not in case.hazard_done and _past(due),
        )
        # By due date: PostgreSQL's jsonb does not keep the order the clocks were stored in.
        for code, due in sorted(case.hazard_due.items(), key=lambda item: str(item[1]))
    ]


def _past(due: str) -> bool:
    """Whether a stored hazard clock (an ISO date, or a date and time) has passed: a date at the day's end."""
    try:
        when = datetime.fromisoformat(due)
    except (TypeError, ValueError):
        return False
    if len(due) <= 10:
        return when.date() < timezone.localdate()
    return when < timezone.now()


def _customer_panel(customer: Customer, user: User, landlord: Landlord, roles: set[str]) -> CustomerPanel:
    today = timezone.localdate()
    adjustments = list(
        Adjustment.objects.filter(landlord=landlord, customer=customer)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))
        .order_by("type", "id")
    )
    restrictions = list(
        Restriction.objects.filter(
            landlord=landlord, customer=customer, status=Restriction.Status.ACTIVE
        ).order_by("review_by", "id")
    )
    representatives = list(
        Representative.objects.filter(landlord=landlord, customer=customer)
        .exclude(expires_on__lt=today)
        .order_by("name", "id")
    )
    disabilities = (
        list(Disability.objects.filter(landlord=landlord, customer=customer).order_by("disclosed_on", "id"))
        if can(user, landlord, "disability.view", roles)
        else None
    )
    return CustomerPanel(customer, adjustments, restrictions, representatives, disabilities)


def _timeline(case: Case, show_all: bool) -> tuple[list[Entry], int, bool]:
    """Events and letters, newest first; the newest TIMELINE_CAP unless `show_all`."""
    events_qs = TimelineEvent.objects.filter(case=case).select_related("actor").order_by("-at", "-id")
    letters_qs = (
        Letter.objects.filter(case=case)
        .select_related("created_by")
        .defer(*CONTENT)
        .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("id")))
        .order_by("-created_at", "-id")
    )
    total = events_qs.count() + letters_qs.count()
    capped = not show_all and total > TIMELINE_CAP
    events = list(events_qs[:TIMELINE_CAP] if capped else events_qs)
    letters = list(letters_qs[:TIMELINE_CAP] if capped else letters_qs)

    note_ids = [e.after["note_id"] for e in events if e.kind == "note_added" and "note_id" in e.after]
    file_ids = [
        e.after["attachment_id"]
        for e in events
        if e.kind == "attachment_added" and "attachment_id" in e.after
    ]
    notes = CaseNote.objects.filter(case=case, pk__in=note_ids).in_bulk() if note_ids else {}
    files = CaseAttachment.objects.filter(case=case, pk__in=file_ids).in_bulk() if file_ids else {}
    handler_ids = {
        v for e in events for values in (e.before, e.after) for k, v in values.items() if k == "handler"
    } - {None}
    people = {u.pk: str(u) for u in User.objects.filter(pk__in=handler_ids)} if handler_ids else {}

    entries = [
        Entry(
            at=e.at,
            order=(1, e.pk),
            title="Internal note" if e.kind == "note_added" else e.summary,
            actor=str(e.actor) if e.actor else "PutRight",
            changes=changes(e, people),
            note=notes.get(e.after.get("note_id")) if e.kind == "note_added" else None,
            attachment=files.get(e.after.get("attachment_id")) if e.kind == "attachment_added" else None,
        )
        for e in events
    ]
    entries += [
        Entry(
            at=letter.created_at,
            order=(0, letter.pk),
            title=f"Letter: {letter.get_kind_display()}",
            actor=str(letter.created_by) if letter.created_by else "PutRight",
            letter=letter,
        )
        for letter in letters
    ]
    entries.sort(key=lambda entry: (entry.at, entry.order), reverse=True)
    return (entries[:TIMELINE_CAP] if capped else entries), total, capped


def case_page(*, landlord: Landlord, user: User, reference: str, show_all: bool = False) -> CasePage:
    """Everything the case page shows, if this person may see the case (else NotFoundError)."""
    found = access_case_by_reference(user, landlord, reference)
    roles = roles_at(user, landlord)
    case = (
        Case.objects.filter(pk=found.pk)
        .select_related(
            "customer",
            "representative",
            "handler",
            "landlord",
            "linked_case",
            "logged_by",
            "learning__recorded_by",
        )
        .prefetch_related(
            Prefetch(
                "stages",
                queryset=Stage.objects.order_by("number")
                .select_related("handler")
                .prefetch_related(
                    Prefetch(
                        "extensions",
                        queryset=Extension.objects.order_by("notified_on", "id").select_related(
                            "recorded_by"
                        ),
                    ),
                    Prefetch(
                        "contact_attempts",
                        queryset=ContactAttempt.objects.order_by("at", "id").select_related("recorded_by"),
                    ),
                    Prefetch("decisions", queryset=PointDecision.objects.order_by("id")),
                    "remedies",
                    Prefetch(
                        "actions",
                        queryset=AgreedAction.objects.order_by("due_on", "id").select_related("owner"),
                    ),
                ),
            ),
            Prefetch("satisfaction", queryset=Satisfaction.objects.order_by("recorded_at", "id")),
            Prefetch("linked_from", queryset=visible_cases(user, landlord).order_by("received_at", "id")),
            Prefetch(
                "group_members",
                queryset=CaseCustomer.objects.select_related("customer").order_by("customer__name"),
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("decided_by").order_by("decided_at", "id"),
            ),
        )
        .get()
    )
    stages = []
    for stage in case.stages.all():
        deadlines, general = _deadlines(stage)
        stages.append(
            StageView(
                stage,
                deadlines,
                general,
                list(stage.extensions.all()),
                list(stage.contact_attempts.all()),
                list(stage.actions.all()),
            )
        )
    timeline, total, capped = _timeline(case, show_all)
    return CasePage(
        case=case,
        status_colour=STATUS_COLOURS.get(Status(case.status), "grey"),
        customer=_customer_panel(case.customer, user, landlord, roles),
        group_customers=[member.customer for member in case.group_members.all()],
        linked_case=case.linked_case if case.linked_case and may_see(user, case.linked_case) else None,
        stages=stages,
        hazard_clocks=_hazard_clocks(case),
        timeline=timeline,
        timeline_total=total,
        timeline_capped=capped,
        attachments=list(
            CaseAttachment.objects.filter(case=case)
            .select_related("uploaded_by")
            .order_by("-uploaded_at", "-id")
        ),
    )
