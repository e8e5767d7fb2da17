"""Escalation to stage 2: requested (never refused automatically), a handler assigned, or a decision not
to escalate with reasons and the right to go to the Ombudsman."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import can, roles_at
from putright.cases.models import Case, Decision, Stage, TimelineEvent
from putright.cases.services._base import (
    authorise,
    deadline_fields,
    issue_letter,
    locked_case,
    now,
    profile_of,
    recompute,
    record,
    require_past,
    require_text,
    stage_of,
    track,
    transition,
)
from putright.cases.services.late_acceptance import OUTSIDE_TIME_LIMIT
from putright.domain.errors import InvalidInputError, TimeLimitReasonError
from putright.domain.letters import LetterKind
from putright.domain.lifecycle import Command, require_different_handler
from putright.domain.time_limit import OVER_TIME_LIMIT, time_limit_decision
from putright.organisations.models import Landlord
from putright.reminders.services import staff_event_notify


@transaction.atomic
def escalation_request(
    *, landlord: Landlord, actor: User, case_id: int, requested_at: datetime, reason: str = ""
) -> Case:
    """Record the customer's request for stage 2. No reason is needed (Code 6.12), and a late request is
    never refused automatically: it is flagged for a decision with reasons (Code 5.11)."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.log")
    require_past("requested_at", requested_at, "The date and time of the request")
    stage1 = stage_of(case, 1)
    if timezone.localdate(requested_at) < (stage1.responded_on or timezone.localdate(requested_at)):
        raise InvalidInputError("requested_at", "the request cannot come before the stage 1 response")
    before, after = transition(case, Command.REQUEST_ESCALATION)
    requested_on = timezone.localdate(requested_at)
    if stage1.escalate_by and requested_on > stage1.escalate_by:
        case.warnings = [
            *case.warnings,
            f"Escalation requested on {requested_on}, after the window that ended {stage1.escalate_by}: decide "
            "whether to escalate and record the reasons; it is not refused automatically (Code 5.11).",
        ]
    stage2, _ = Stage.objects.select_for_update().get_or_create(
        case=case,
        number=2,
        defaults={
            "landlord": landlord,
            "received_at": requested_at,
            "acknowledge_by": requested_on,
            "respond_by": requested_on,
        },
    )
    stage2.received_at = requested_at
    stage2.escalation_reason = reason.strip()
    case.stage = 2
    recompute(stage2, case)
    case.save()
    record(
        case,
        actor,
        "escalation_requested",
        f"Stage 2 requested on {requested_on}",
        before={"status": before.value},
        after={"status": after.value, **deadline_fields(stage2)},
    )
    return case


@transaction.atomic
def stage2_assign_handler(*, landlord: Landlord, actor: User, case_id: int, handler: User) -> Case:
    """Assign the stage 2 handler: a senior leader, never the stage 1 handler (Code 6.13)."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "stage2.assign")
    transition(case, Command.ASSIGN_STAGE2_HANDLER)
    if not can(handler, landlord, "stage2.handle", roles_at(handler, landlord)):
        raise InvalidInputError("handler", f"{handler} is not a senior leader at {landlord.name}")
    stage1, stage2 = stage_of(case, 1), stage_of(case, 2)
    require_different_handler(profile_of(case).stage2.handler_must_differ, stage1.handler_id, handler.pk)
    before = stage2.handler_id
    stage2.handler = handler
    stage2.save(update_fields=["handler"])
    track(case, stage2)
    case.save()
    staff_event_notify(
        landlord=landlord,
        kind="case_assigned",
        key=f"case:{case.pk}:stage:2:handler:{handler.pk}",
        message=f"{case.reference}: stage 2 assigned to you; acknowledge by {stage2.acknowledge_by:%d %B %Y}",
        recipient=handler,
        role="senior_leader",
        case_id=case.pk,
    )
    record(
        case,
        actor,
        "stage2_handler_assigned",
        f"Stage 2 assigned to {handler}",
        before={"handler": before},
        after={"handler": handler.pk},
    )
    return case


def _require_outside_the_limit(case: Case) -> None:
    """A complaint is refused as too late only where the time limit, judged on the recorded dates, says it is
    outside the limit and nobody has already accepted it late with reasons (Code 2.2, 2.3)."""
    if case.issue_date is None:
        raise TimeLimitReasonError(
            "the date of the issue is not recorded, so the time limit cannot be judged: record it, or choose "
            "another reason"
        )
    decision = time_limit_decision(
        profile_of(case),
        received=timezone.localdate(case.received_at),
        occurred=case.issue_date,
        aware=case.aware_date,
    )
    if decision.within_limit:
        raise TimeLimitReasonError(
            f"the complaint is within the time limit (it ends {decision.limit_date}), so it cannot be refused "
            "as over it"
        )
    if TimelineEvent.objects.filter(case=case, kind=OUTSIDE_TIME_LIMIT).exists():
        raise TimeLimitReasonError(
            "the complaint was already accepted outside the time limit, with reasons, so it cannot now be "
            "refused as over it"
        )


def _reason(case: Case, reason_code: str) -> str:
    codes = {e.code: e.label for e in profile_of(case).exclusions}
    if reason_code not in codes:
        raise InvalidInputError("reason_code", f"choose a reason from the policy: {', '.join(codes)}")
    return codes[reason_code]


@transaction.atomic
def escalation_refuse(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    reason_code: str,
    rationale: str,
    previous_case: Case | None = None,
) -> Decision:
    """Decide not to escalate: a reason from the policy's list and the rationale; the customer is told why
    and of their right to take the decision to the Housing Ombudsman."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.decide")
    label = _reason(case, reason_code)
    rationale = require_text("rationale", rationale, "The reasons for the decision")
    before, after = transition(case, Command.REFUSE_ESCALATION)
    case.stage = 1
    track(case, stage_of(case, 1))
    case.save()
    decision = Decision.objects.create(
        landlord=landlord,
        case=case,
        type=Decision.Type.NOT_ESCALATED,
        reason_code=reason_code,
        rationale=rationale,
        previous_case=previous_case,
        decided_by=actor,
        decided_at=now(),
    )
    issue_letter(
        case, actor, LetterKind.NOT_ESCALATED, on=timezone.localdate(), decision=decision, reason_label=label
    )
    record(
        case,
        actor,
        "escalation_refused",
        f"Not escalated: {label}. The customer may take this decision to the Housing Ombudsman.",
        before={"status": before.value},
        after={"status": after.value, "reason_code": reason_code},
    )
    return decision


@transaction.atomic
def complaint_not_accept(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    reason_code: str,
    rationale: str,
    previous_case: Case | None = None,
) -> Decision:
    """Decide not to accept a complaint, on its own merits, with a reason from the policy's list; the
    customer is told why and of their right to take the decision to the Housing Ombudsman (Code 2.4)."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.decide")
    label = _reason(case, reason_code)
    rationale = require_text("rationale", rationale, "The reasons for the decision")
    if reason_code == OVER_TIME_LIMIT:
        _require_outside_the_limit(case)
    if reason_code == "previously-considered" and previous_case is None:
        raise InvalidInputError("previous_case", "link the earlier case that considered the matter")
    if previous_case is not None and previous_case.landlord_id != landlord.pk:
        raise InvalidInputError("previous_case", f"no such case at {landlord.name}")
    before, after = transition(case, Command.NOT_ACCEPT)
    case.closed_at = now()
    case.save()
    decision = Decision.objects.create(
        landlord=landlord,
        case=case,
        type=Decision.Type.NOT_ACCEPTED,
        reason_code=reason_code,
        rationale=rationale,
        previous_case=previous_case,
        decided_by=actor,
        decided_at=case.closed_at,
    )
    issue_letter(
        case, actor, LetterKind.NOT_ACCEPTED, on=timezone.localdate(), decision=decision, reason_label=label
    )
    record(
        case,
        actor,
        "not_accepted",
        f"Not accepted as a complaint: {label}. The customer may take this decision to the Housing Ombudsman.",
        before={"status": before.value},
        after={"status": after.value, "reason_code": reason_code},
    )
    return decision
