"""Accepting what came late: an escalation requested after the window, or a complaint made after the time
limit. Neither is refused automatically (Code 5.11, 2.3), so accepting one is a decision of its own, taken
with reasons by someone who may decide, on the timeline; it replaces the warning that asked for it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.cases.models import Case, Stage, TimelineEvent
from putright.cases.services._base import authorise, locked_case, profile_of, record, require_text
from putright.domain.errors import InvalidInputError
from putright.domain.lifecycle import Kind
from putright.domain.time_limit import time_limit_decision
from putright.organisations.models import Landlord

LATE_ESCALATION = "late_escalation_accepted"
OUTSIDE_TIME_LIMIT = "outside_time_limit_accepted"
_WARNING_STARTS = {
    LATE_ESCALATION: "Escalation requested on",  # escalation.escalation_request
    OUTSIDE_TIME_LIMIT: "Made after the time limit",  # intake.feedback_log
}


def lateness_to_accept(case: Case) -> tuple[str, str] | None:
    """(timeline kind, what was late) for what the open case still has to decide, or None: the one
    surfaces use to offer the decision only where there is one to take."""
    if case.closed_at is not None:
        return None
    try:
        kind, what = _what_was_late(case)
    except InvalidInputError:
        return None
    if TimelineEvent.objects.filter(case=case, kind=kind).exists():
        return None
    return kind, what


def _what_was_late(case: Case) -> tuple[str, str]:
    """(timeline kind, what was late) for the one lateness the case has to decide, the escalation first."""
    if case.stage == 2:
        # Read, not locked: offers ask outside a transaction; the service has locked the case already.
        stages = {s.number: s for s in Stage.objects.filter(case=case, number__in=(1, 2))}
        stage1, stage2 = stages[1], stages[2]
        requested_on = timezone.localdate(stage2.received_at)
        if stage1.escalate_by and requested_on > stage1.escalate_by:
            return LATE_ESCALATION, (
                f"Stage 2 requested on {requested_on}, after the window that ended {stage1.escalate_by}"
            )
    if case.kind == Kind.COMPLAINT.value and case.issue_date:
        decision = time_limit_decision(
            profile_of(case),
            received=timezone.localdate(case.received_at),
            occurred=case.issue_date,
            aware=case.aware_date,
        )
        if not decision.within_limit:
            return OUTSIDE_TIME_LIMIT, f"Complaint made after the time limit ({decision.limit_date})"
    raise InvalidInputError("case_id", "nothing on this case came late: there is no lateness to accept")


@transaction.atomic
def late_acceptance_record(*, landlord: Landlord, actor: User, case_id: int, rationale: str) -> Case:
    """Accept a late escalation request or a complaint outside the time limit, with the reasons."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.decide")
    rationale = require_text("rationale", rationale, "The reasons for accepting it")
    if case.closed_at is not None:
        raise InvalidInputError("case_id", f"{case.reference} is closed: there is nothing left to accept")
    kind, what = _what_was_late(case)
    if TimelineEvent.objects.filter(case=case, kind=kind).exists():
        raise InvalidInputError("case_id", f"{what}: already accepted")
    before = list(case.warnings)
    case.warnings = [w for w in before if not w.startswith(_WARNING_STARTS[kind])]
    case.save(update_fields=["warnings"])
    record(
        case,
        actor,
        kind,
        f"{what}: accepted. Reasons: {rationale}",
        before={"warnings": before},
        after={"warnings": case.warnings, "rationale": rationale},
    )
    return case
