"""Ending a case: withdrawal, closure with learning, the satisfaction survey, and the other kinds'
endings (compliments passed on, comments answered, feedback and service requests resolved)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from putright.accounts.models import Membership, Role, User
from putright.accounts.permissions import roles_at
from putright.accounts.selectors import line_manager_copies
from putright.cases.models import Case, Learning, Satisfaction
from putright.cases.services._base import (
    authorise,
    issue_letter,
    locked_case,
    now,
    record,
    require_past,
    require_text,
    transition,
)
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.letters import LetterKind
from putright.domain.lifecycle import Command, Kind
from putright.organisations.models import Landlord
from putright.reminders.services import staff_event_notify

LOW_SATISFACTION = 2
"""Scores at or below this tell the feedback team."""


@transaction.atomic
def case_withdraw(*, landlord: Landlord, actor: User, case_id: int, on: date, reason: str) -> Case:
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.log")
    require_past("on", on, "The date the customer withdrew")
    reason = require_text("reason", reason, "What the customer said")
    before, after = transition(case, Command.WITHDRAW)
    case.closed_at = now()
    case.save()
    record(
        case,
        actor,
        "withdrawn",
        f"Withdrawn by the customer on {on}: {reason}",
        before={"status": before.value},
        after={"status": after.value},
    )
    return case


@transaction.atomic
def case_close(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    lesson: str = "",
    improvement: str = "",
    survey_url: str = "",
) -> Case:
    """Close a case. A complaint closes with its learning: the lesson (possibly "none") and any service
    improvement, for the learning log and "you said, we did"."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.close")
    before, after = transition(case, Command.CLOSE)
    if case.kind == Kind.COMPLAINT.value:
        lesson = require_text("lesson", lesson, "The lesson learned (write 'none' if there is none)")
        Learning.objects.create(
            case=case, lesson=lesson, improvement=improvement.strip(), recorded_by=actor, recorded_at=now()
        )
    case.closed_at = now()
    case.save()
    if case.kind == Kind.COMPLAINT.value:  # the survey at the end of the process (Brighter Places 9.i)
        issue_letter(
            case, actor, LetterKind.SATISFACTION_SURVEY, on=timezone.localdate(), survey_url=survey_url
        )
    record(
        case,
        actor,
        "closed",
        "Closed" + (f"; lesson: {lesson}" if lesson else ""),
        before={"status": before.value},
        after={"status": after.value},
    )
    return case


STAFF_SURVEY_SOURCES = [
    s for s in Satisfaction.Source if s not in (Satisfaction.Source.PORTAL, Satisfaction.Source.UNKNOWN)
]
"""How staff may say an answer reached them; the portal records its own, and UNKNOWN is only for old answers."""


@transaction.atomic
def satisfaction_record(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    score: int,
    comment: str = "",
    source: str = Satisfaction.Source.PHONE,
) -> Satisfaction:
    """The customer's answer to the satisfaction survey sent at the end of the process and how it was given:
    recorded by staff (by default from a phone call, the way staff most often take one), or sent by the
    customer through the resident portal, whose integration account may log what customers send but holds
    no staff permission."""
    case = locked_case(landlord, case_id)
    if source == Satisfaction.Source.PORTAL:
        if Role.INTEGRATION not in roles_at(actor, landlord):
            raise NotPermittedError(f"{actor} is not a customer channel of {landlord.name}")
        authorise(actor, case, "case.log")
    else:
        authorise(actor, case, "case.feedback")
    transition(case, Command.RECORD_SATISFACTION)
    if not 1 <= score <= 5:
        raise InvalidInputError("score", "the score is from 1 (very dissatisfied) to 5 (very satisfied)")
    if source != Satisfaction.Source.PORTAL and source not in STAFF_SURVEY_SOURCES:
        raise InvalidInputError(
            "source", "say how the customer answered: " + ", ".join(s.value for s in STAFF_SURVEY_SOURCES)
        )
    answer = Satisfaction.objects.create(
        case=case, score=score, comment=comment.strip(), source=source, recorded_at=now()
    )
    if score <= LOW_SATISFACTION:
        staff_event_notify(
            landlord=landlord,
            kind="low_satisfaction",
            key=f"case:{case.pk}:satisfaction:{answer.pk}",
            message=f"{case.reference}: satisfaction {score} out of 5"
            + (f": {answer.comment}" if answer.comment else ""),
            recipient=None,
            role="feedback_officer",
            case_id=case.pk,
        )
    how = answer.get_source_display().lower()
    summary = f"Satisfaction recorded ({how}): {score} out of 5"
    if source == Satisfaction.Source.PORTAL:
        summary = (
            f"Satisfaction survey answered by the customer through the resident portal: {score} out of 5"
        )
    after: dict[str, object] = {"score": score, "source": source}
    record(case, actor, "satisfaction", summary, after=after)
    return answer


@transaction.atomic
def compliment_pass_on(*, landlord: Landlord, actor: User, case_id: int, colleague: User) -> Case:
    """Pass a compliment to the colleague and their line manager, unless that manager's account is disabled
    or they no longer work here (the timeline says so)."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.feedback")
    if not Membership.objects.filter(user=colleague, landlord=landlord).exists():
        raise NotFoundError(f"{colleague} does not work for {landlord.name}")
    before, after = transition(case, Command.PASS_ON)
    case.save()
    copy = line_manager_copies(landlord, [colleague])[colleague.pk]
    manager = copy.manager
    today = timezone.localdate()
    issue_letter(case, actor, LetterKind.COMPLIMENT_THANKS, on=today, colleague_name=str(colleague))
    issue_letter(
        case,
        actor,
        LetterKind.COMPLIMENT_COLLEAGUE_NOTE,
        on=today,
        to_staff=[p for p in (colleague, manager) if p],
        colleague_name=str(colleague),
        line_manager_name=str(manager or ""),
        compliment_text=case.description,
    )
    to = f"{colleague} and their line manager {manager}" if manager else f"{colleague} ({copy.why_not})"
    record(
        case,
        actor,
        "compliment_passed_on",
        f"Compliment passed to {to}",
        before={"status": before.value},
        after={
            "status": after.value,
            "colleague": colleague.pk,
            "line_manager": manager.pk if manager else None,
            "no_copy_because": copy.why_not,
        },
    )
    return case


@transaction.atomic
def comment_acknowledge(*, landlord: Landlord, actor: User, case_id: int) -> Case:
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.feedback")
    before, after = transition(case, Command.ACKNOWLEDGE)
    case.save()
    issue_letter(case, actor, LetterKind.COMMENT_ACKNOWLEDGEMENT, on=timezone.localdate())
    record(
        case,
        actor,
        "comment_acknowledged",
        "Comment or suggestion acknowledged",
        before={"status": before.value},
        after={"status": after.value},
    )
    return case


@transaction.atomic
def comment_respond(*, landlord: Landlord, actor: User, case_id: int, response: str) -> Case:
    """Every comment or suggestion gets a response (Brighter Places 11.i)."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.feedback")
    response = require_text("response", response, "The response to the customer")
    before, after = transition(case, Command.RESPOND)
    case.closed_at = now()
    case.save()
    issue_letter(case, actor, LetterKind.COMMENT_RESPONSE, on=timezone.localdate(), response=response)
    record(
        case,
        actor,
        "comment_responded",
        f"Responded: {response}",
        before={"status": before.value},
        after={"status": after.value},
    )
    return case


@transaction.atomic
def case_resolve(*, landlord: Landlord, actor: User, case_id: int, resolution: str) -> Case:
    """Resolve general feedback at first contact, or complete a service request."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.log")
    resolution = require_text("resolution", resolution, "How it was resolved")
    before, after = transition(case, Command.RESOLVE)
    case.save()
    record(
        case,
        actor,
        "resolved",
        f"Resolved: {resolution}",
        before={"status": before.value},
        after={"status": after.value},
    )
    return case
