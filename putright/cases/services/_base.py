"""What every case service does: lock the row, check the lifecycle and the role, record the change on the
timeline, and recompute the stored deadlines from the facts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.cases.access import may_see
from putright.cases.models import STATUS_RANK, Case, Extension, Stage, TimelineEvent
from putright.domain import deadlines as domain_deadlines
from putright.domain.colleague_complaints import with_colleague_clocks
from putright.domain.deadlines import Justification, StageFacts
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.letters import LetterKind
from putright.domain.lifecycle import DUE_NEXT, Command, Kind, Status, next_status
from putright.domain.profiles import Profile, default_registry
from putright.letters.models import Letter
from putright.letters.services import letter_issue
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_calendar


def now() -> datetime:
    return timezone.now()


def locked_case(landlord: Landlord, case_id: int) -> Case:
    """The case, row-locked for the rest of the transaction; NotFound for another landlord's case."""
    try:
        return Case.objects.select_for_update().get(pk=case_id, landlord=landlord)
    except Case.DoesNotExist:
        raise NotFoundError(f"no case {case_id} at {landlord.name}") from None


def profile_of(case: Case) -> Profile:
    """The profile version the case started under, which it keeps."""
    return default_registry().in_force(case.policy_name, timezone.localdate(case.received_at))


def stage_of(case: Case, number: int | None = None) -> Stage:
    number = number or case.stage
    if number is None:
        raise InvalidInputError("stage", f"{case.reference} is not a complaint at a stage")
    return Stage.objects.select_for_update().get(case=case, number=number)


def transition(case: Case, command: Command) -> tuple[Status, Status]:
    """Move the case as the lifecycle table says, or raise TransitionNotAllowedError."""
    before = Status(case.status)
    after = next_status(Kind(case.kind), before, command)
    case.status, case.status_rank = after.value, STATUS_RANK[after.value]
    if after not in DUE_NEXT:
        case.next_due, case.next_due_kind = None, ""
    return before, after


def track(case: Case, stage: Stage) -> None:
    """Keep the case's worklist columns (handler, next deadline) in step with its current stage."""
    due = DUE_NEXT.get(Status(case.status))
    case.handler_id = stage.handler_id
    case.next_due_kind = due or ""
    case.next_due = (
        stage.acknowledge_by if due == "acknowledge" else stage.respond_by if due == "respond" else None
    )


def handle_action(stage_number: int) -> str:
    """The permission to handle a stage: its handler's work differs by stage (stage 2 is senior)."""
    return "stage1.handle" if stage_number == 1 else "stage2.handle"


def authorise(actor: User, case: Case, action: str) -> None:
    """The actor's role allows `action` at the case's landlord, and the actor may see the case at all
    (a complaint about a colleague is hidden from most staff, and is then simply not found)."""
    require(actor, case.landlord, action)
    if not may_see(actor, case):
        raise NotFoundError(f"no case {case.pk} at {case.landlord.name}")


def record(
    case: Case,
    actor: User | None,
    kind: str,
    summary: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> TimelineEvent:
    """Append an immutable timeline event."""
    return TimelineEvent.objects.create(
        landlord_id=case.landlord_id,
        case=case,
        at=now(),
        actor=actor,
        kind=kind,
        summary=summary,
        before=_jsonable(before or {}),
        after=_jsonable(after or {}),
    )


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in values.items()}


def deadline_fields(stage: Stage) -> dict[str, Any]:
    return {
        "acknowledge_by": stage.acknowledge_by,
        "respond_by": stage.respond_by,
        "respond_by_provisional": stage.respond_by_provisional,
        "escalate_by": stage.escalate_by,
    }


def recompute(stage: Stage, case: Case, works_completed: date | None = None) -> None:
    """Recompute the stage's stored deadlines from its facts; called whenever a fact changes. Stage 1 of a
    complaint about a colleague runs the policy's colleague complaint clocks, where it sets them."""
    profile = profile_of(case)
    if case.about_colleague and stage.number == 1:
        profile = with_colleague_clocks(profile)
    calendar = landlord_calendar(case.landlord)
    # One read of the extensions serves both the computation and the applied flags; a stage not yet
    # saved (recompute() then inserts it) has none.
    rows = list(stage.extensions.order_by("notified_on", "id")) if stage.pk is not None else []
    extensions = tuple(
        domain_deadlines.Extension(e.days, e.notified_on, Justification(e.justification)) for e in rows
    )
    stage1_received = timezone.localdate(case.received_at)
    facts = StageFacts(
        stage=stage.number,
        received=stage.received_at,
        logged=stage.logged_on,
        acknowledged=stage.acknowledged_on,
        extensions=extensions,
        responded=stage.responded_on,
        works_completed=works_completed,
        case_received=stage1_received,
    )
    result = domain_deadlines.stage_deadlines(profile, calendar, facts)
    stage.acknowledge_by = result.acknowledge_by.due
    stage.respond_by = result.respond_by.due
    stage.respond_by_provisional = result.respond_by.provisional
    stage.escalate_by = result.escalate_by.due if result.escalate_by else None
    stage.explanation = list(result.explanation)
    stage.breaches = list(result.breaches)
    stage.warnings = list(result.warnings)
    stage.save()
    applied = {o.extension: o.applied for o in result.extensions}
    for row in rows:
        flag = applied.get(
            domain_deadlines.Extension(row.days, row.notified_on, Justification(row.justification))
        )
        if flag is not None and flag != row.applied:
            Extension.objects.filter(pk=row.pk).update(applied=flag)
    if case.stage == stage.number:
        track(case, stage)


def require_text(field: str, value: str, what: str) -> str:
    if not value or not value.strip():
        raise InvalidInputError(field, f"{what} is required")
    return value.strip()


def require_past(field: str, value: date | datetime, what: str) -> None:
    if isinstance(value, datetime) and timezone.is_naive(value):  # before localdate, which would raise
        raise InvalidInputError(field, f"{what} must include a timezone")
    today = timezone.localdate()
    day = timezone.localdate(value) if isinstance(value, datetime) else value
    if day > today:
        raise InvalidInputError(field, f"{what} cannot be in the future ({day.isoformat()})")


def issue_letter(
    case: Case, actor: User | None, kind: LetterKind, *, on: date, stage: Stage | None = None, **extra: Any
) -> Letter:
    """The letter a step produces. The step's date is the date it is sent: sent now when that is today,
    recorded (sent outside PutRight) when it is an earlier date."""
    return letter_issue(
        landlord=case.landlord,
        actor=actor,
        kind=kind,
        customer=case.customer,
        case=case,
        stage=stage,
        sent_on=on,
        send=on == timezone.localdate(),
        **extra,
    )
