"""Working a complaint stage: acknowledge with the definition, clarify, add issues, extend, respond."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.cases.models import AgreedAction, Case, ContactAttempt, Extension, PointDecision, Remedy, Stage
from putright.cases.services._base import (
    authorise,
    deadline_fields,
    handle_action,
    issue_letter,
    locked_case,
    now,
    profile_of,
    recompute,
    record,
    require_past,
    require_text,
    stage_of,
    transition,
)
from putright.cases.services.colleagues import colleague_complaint_handler
from putright.cases.services.intake import feedback_log
from putright.domain import deadlines as domain_deadlines
from putright.domain.additional_issues import Route, route_additional_issue
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.hazards import hazard_clocks
from putright.domain.letters import LetterKind
from putright.domain.lifecycle import Command, Kind
from putright.letters.models import Letter
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_calendar
from putright.reminders.services import staff_event_notify


def _points(definition: list[dict[str, str]]) -> list[dict[str, str]]:
    """The complaint definition: each point with the outcome the customer seeks."""
    if not definition:
        raise InvalidInputError("definition", "the complaint definition needs at least one point")
    cleaned = []
    for index, item in enumerate(definition):
        point = (item.get("point") or "").strip()
        if not point:
            raise InvalidInputError(
                f"definition[{index}].point", "each point of the complaint needs its words"
            )
        cleaned.append({"point": point, "outcome_sought": (item.get("outcome_sought") or "").strip()})
    return cleaned


@transaction.atomic
def complaint_acknowledge(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    acknowledged_on: date,
    definition: list[dict[str, str]],
    responsible_for: str,
    not_responsible_for: str = "",
    handler: User | None = None,
    logged_on: date | None = None,
) -> Case:
    """Acknowledge the current stage, setting out the complaint definition, what the landlord is and is not
    responsible for, and who investigates (Code 6.2, 6.11; Brighter Places 7.ii.a, 7.iv.a)."""
    case = locked_case(landlord, case_id)
    stage = stage_of(case)
    authorise(actor, case, handle_action(stage.number))
    require_past("acknowledged_on", acknowledged_on, "The acknowledgement date")
    if stage.number == 2:
        # Stage 2's handler is assigned with its checks (a senior leader, not the stage 1 handler).
        if stage.handler is None:
            raise InvalidInputError("handler", "assign a stage 2 handler before acknowledging stage 2")
        if handler is not None and handler != stage.handler:
            raise InvalidInputError(
                "handler", "change the stage 2 handler by assigning it, not at acknowledgement"
            )
        handler = stage.handler
    else:
        handler = colleague_complaint_handler(case, handler or stage.handler, actor)
    before_status, after_status = transition(case, Command.ACKNOWLEDGE)
    before = {"status": before_status.value, **deadline_fields(stage)}
    stage.definition = _points(definition)
    stage.responsible_for = require_text(
        "responsible_for", responsible_for, "What the landlord is responsible for"
    )
    stage.not_responsible_for = not_responsible_for.strip()
    stage.acknowledged_on = acknowledged_on
    stage.logged_on = logged_on or stage.logged_on or acknowledged_on
    stage.handler = handler
    recompute(stage, case)
    case.save()
    kind = LetterKind.STAGE1_ACKNOWLEDGEMENT if stage.number == 1 else LetterKind.STAGE2_ACKNOWLEDGEMENT
    issue_letter(case, actor, kind, on=acknowledged_on, stage=stage)
    if handler != actor:
        staff_event_notify(
            landlord=landlord,
            kind="case_assigned",
            key=f"case:{case.pk}:stage:{stage.number}:handler:{handler.pk}",
            message=f"{case.reference}: stage {stage.number} assigned to you; respond by {stage.respond_by:%d %B %Y}",
            recipient=handler,
            role="feedback_officer",
            case_id=case.pk,
        )
    record(
        case,
        actor,
        f"stage{stage.number}_acknowledged",
        f"Stage {stage.number} acknowledged on {acknowledged_on}; {len(stage.definition)} point(s) defined; "
        f"investigated by {handler}",
        before=before,
        after={"status": after_status.value, **deadline_fields(stage)},
    )
    return case


@transaction.atomic
def stage_record_clarification(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    at: datetime,
    channel: str,
    reached: bool,
    note: str = "",
    letter: bool = False,
    questions: str = "",
) -> ContactAttempt:
    """Record an attempt to reach the customer about an unclear complaint (Code 5.6; Brighter Places 7.ii.c).
    With `letter`, the clarification request asks the customer `questions` in writing (for when they could
    not be reached, or staff chose to write), dated the day of the attempt and shaped by their adjustments."""
    case = locked_case(landlord, case_id)
    stage = stage_of(case)
    authorise(actor, case, handle_action(stage.number))
    transition(case, Command.RECORD_CLARIFICATION)
    require_past("at", at, "The time of the attempt")
    if letter:
        questions = require_text("questions", questions, "What the letter asks the customer")
    attempt = ContactAttempt.objects.create(
        stage=stage, at=at, channel=channel, reached=reached, note=note.strip(), recorded_by=actor
    )
    window = domain_deadlines.clarification_contact_by(
        profile_of(case), landlord_calendar(landlord), stage.received_at
    )
    extra = f"; the policy's window to make contact ends {window.due}" if window else ""
    after: dict[str, object] = {"reached": reached, "note": note}
    if letter:
        sent = issue_letter(
            case,
            actor,
            LetterKind.CLARIFICATION_REQUEST,
            on=timezone.localdate(at),
            stage=stage,
            questions=questions,
        )
        extra += f"; clarification request letter of {sent.sent_on}: {sent.get_status_display().lower()}"
        after.update(letter=sent.pk, questions=questions)
    record(
        case,
        actor,
        "clarification_attempt",
        f"{'Reached' if reached else 'Could not reach'} the customer by {channel}{extra}",
        after=after,
    )
    return attempt


@dataclass(frozen=True)
class IssueOutcome:
    case: Case
    """The complaint the issue joined, or the new complaint logged for it."""
    incorporated: bool
    reason: str


@transaction.atomic
def complaint_add_issue(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    point: str,
    outcome_sought: str = "",
    related: bool,
    would_unreasonably_delay: bool = False,
    at_escalation: bool = False,
) -> IssueOutcome:
    """Add an issue raised during a complaint: incorporated into the current stage, or logged as a new,
    linked complaint, as the policy says (Code 6.8; Brighter Places 7.iii.a)."""
    case = locked_case(landlord, case_id)
    stage = stage_of(case)
    authorise(actor, case, handle_action(stage.number) if stage.number == 1 else "stage2.assign")
    point = require_text("point", point, "The issue")
    transition(case, Command.ADD_ISSUE)
    routing = route_additional_issue(
        profile_of(case),
        stage=stage.number,
        response_issued=stage.responded_on is not None,
        related=related,
        would_unreasonably_delay=would_unreasonably_delay,
        at_escalation=at_escalation,
    )
    if routing.route is Route.INCORPORATE:
        stage.definition = [*stage.definition, {"point": point, "outcome_sought": outcome_sought.strip()}]
        stage.save(update_fields=["definition"])
        record(
            case,
            actor,
            "issue_incorporated",
            f"Issue added to stage {stage.number}: {routing.reason}",
            after={"point": point},
        )
        return IssueOutcome(case, True, routing.reason)
    new = feedback_log(
        landlord=landlord,
        actor=actor,
        kind=Kind.COMPLAINT,
        channel=case.channel,
        received_at=now(),
        customer=case.customer,
        representative=case.representative,
        summary=point[:300],
        description=point,
        service_area=case.service_area,
        category=case.category,
        linked_case=case,
    )
    letter = _tell_customer_of_new_complaint(new, actor, case, point)
    record(
        case,
        actor,
        "issue_logged_separately",
        f"Issue logged as new complaint {new.reference}: {routing.reason}",
        after={"complaint": new.reference, "letter": letter.pk},
    )
    return IssueOutcome(new, False, routing.reason)


def _tell_customer_of_new_complaint(new: Case, actor: User, earlier: Case, point: str) -> Letter:
    """Brighter Places 7.iii.a: the customer is advised that the issue became a new complaint, with its
    reference and when it will be acknowledged, rather than hearing nothing until the acknowledgement."""
    stage = stage_of(new)
    today = timezone.localdate()
    letter = issue_letter(
        new, actor, LetterKind.NEW_COMPLAINT_NOTICE, on=today, stage=stage, earlier_case=earlier, issue=point
    )
    record(
        new,
        actor,
        "new_complaint_notice",
        f"Customer told this issue, raised during {earlier.reference}, is logged as a new complaint; "
        f"acknowledgement due by {stage.acknowledge_by}: letter {letter.get_status_display().lower()}",
        after={
            "letter": letter.pk,
            "earlier_case": earlier.reference,
            "acknowledge_by": stage.acknowledge_by,
        },
    )
    return letter


@transaction.atomic
def stage_extend(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    days: int,
    notified_on: date,
    reason: str,
    justification: str = "none",
) -> Extension:
    """Extend the response date. Refused, naming the rule, where the policy does not allow it; a notice
    given after the current deadline is recorded but does not move it (the breach stands)."""
    case = locked_case(landlord, case_id)
    stage = stage_of(case)
    authorise(actor, case, handle_action(stage.number))
    transition(case, Command.EXTEND)
    require_past("notified_on", notified_on, "The date the customer was told")
    reason = require_text("reason", reason, "The reason for the extension, as explained to the customer")
    if justification not in ("none", "good-reason", "agreed"):
        raise InvalidInputError("justification", "justification is 'none', 'good-reason' or 'agreed'")
    before = deadline_fields(stage)
    extension = Extension.objects.create(
        stage=stage,
        days=days,
        notified_on=notified_on,
        justification=justification,
        reason=reason,
        applied=True,
        recorded_by=actor,
    )
    recompute(stage, case)  # raises ExtensionRefusedError, rolling the row back, when the policy refuses it
    extension.refresh_from_db()
    case.save()
    issue_letter(case, actor, LetterKind.EXTENSION_NOTICE, on=notified_on, stage=stage, extension=extension)
    outcome = (
        "applied" if extension.applied else "recorded; notified after the deadline, so it does not move it"
    )
    record(
        case,
        actor,
        "extended",
        f"Extension of {days} working days {outcome}: {reason}",
        before=before,
        after={**deadline_fields(stage), "notified_on": notified_on, "justification": justification},
    )
    if profile_of(case).stage(stage.number).extension.notify_feedback_team:
        _tell_feedback_team_of_extension(case, actor, stage, extension)
    return extension


def _tell_feedback_team_of_extension(case: Case, actor: User, stage: Stage, extension: Extension) -> None:
    """Brighter Places 7.ii.g: the Feedback Team is notified of an extension as well as the customer."""
    message = (
        f"{case.reference}: stage {stage.number} extended by {extension.days} working days "
        f"(customer told {extension.notified_on:%d %B %Y}); respond by {stage.respond_by:%d %B %Y}. "
        f"Reason: {extension.reason}"
    )
    staff_event_notify(
        landlord=case.landlord,
        kind="extension_notified",
        key=f"case:{case.pk}:stage:{stage.number}:extension:{extension.pk}",
        message=message,
        recipient=None,
        role="feedback_officer",
        case_id=case.pk,
    )
    record(
        case,
        actor,
        "feedback_team_notified",
        f"Feedback Team told of the stage {stage.number} extension",
        after={"extension": extension.pk, "respond_by": stage.respond_by},
    )


@transaction.atomic
def complaint_warn_no_contact(*, landlord: Landlord, actor: User, case_id: int, letter_on: date) -> Case:
    """Record the letter allowing the customer time to make contact before closure (Brighter Places 7.ii.e)."""
    case = locked_case(landlord, case_id)
    stage = stage_of(case)
    authorise(actor, case, handle_action(stage.number))
    transition(case, Command.WARN_NO_CONTACT)
    closure = domain_deadlines.no_contact_closure(profile_of(case), landlord_calendar(landlord), letter_on)
    if closure is None:
        raise InvalidInputError("letter_on", f"{case.policy_name} sets no closure for lack of contact")
    stage.no_contact_letter_on = letter_on
    stage.close_without_contact_after = closure.due
    stage.save(update_fields=["no_contact_letter_on", "close_without_contact_after"])
    case.save(update_fields=["updated_at"])
    issue_letter(case, actor, LetterKind.NO_CONTACT_WARNING, on=letter_on, stage=stage, reply_by=closure.due)
    record(
        case,
        actor,
        "no_contact_warning",
        f"No-contact letter sent; may close after {closure.due}",
        after={"letter_on": letter_on, "close_after": closure.due},
    )
    return case


@transaction.atomic
def complaint_close_no_contact(*, landlord: Landlord, actor: User, case_id: int, on: date) -> Case:
    """Close a complaint the customer has not engaged with, once the period in the letter has passed."""
    case = locked_case(landlord, case_id)
    stage = stage_of(case)
    authorise(actor, case, "case.close")
    require_past("on", on, "The closure date")
    if stage.close_without_contact_after is None:
        raise InvalidInputError("on", "send the no-contact letter first")
    if on <= stage.close_without_contact_after:
        raise InvalidInputError("on", f"the customer has until {stage.close_without_contact_after} to reply")
    before, after = transition(case, Command.CLOSE_NO_CONTACT)
    case.closed_at = now()
    case.save()
    issue_letter(case, actor, LetterKind.NO_CONTACT_CLOSURE, on=on, stage=stage)
    record(
        case,
        actor,
        "closed_no_contact",
        "Closed: no contact from the customer; a later reply is a new complaint",
        before={"status": before.value},
        after={"status": after.value},
    )
    return case


@dataclass(frozen=True)
class PointAnswer:
    point: str
    decision: str
    reasons: str


@dataclass(frozen=True)
class RemedyInput:
    type: str
    description: str
    compensation_offered: Decimal | None = None


@dataclass(frozen=True)
class ActionInput:
    description: str
    owner: User
    due_on: date


@transaction.atomic
def stage_respond(
    *,
    landlord: Landlord,
    actor: User,
    case_id: int,
    responded_on: date,
    outcome: str,
    answers: list[PointAnswer],
    summary: str,
    remedies: list[RemedyInput] | None = None,
    actions: list[ActionInput] | None = None,
) -> Case:
    """Send the stage's response: a decision with reasons on every point of the definition, the remedy and
    the agreed actions with dates (Code 6.6-6.9, 6.17-6.19). It counts even if agreed works are to come."""
    case = locked_case(landlord, case_id)
    stage = stage_of(case)
    authorise(actor, case, handle_action(stage.number))
    require_past("responded_on", responded_on, "The response date")
    if outcome not in Stage.Outcome.values:
        raise InvalidInputError("outcome", f"outcome is one of {', '.join(Stage.Outcome.values)}")
    points = [p["point"] for p in stage.definition]
    answered = {a.point for a in answers}
    missing = [p for p in points if p not in answered]
    if missing:
        raise InvalidInputError("answers", f"no decision on: {'; '.join(missing)}")
    for index, answer in enumerate(answers):
        if answer.decision not in Stage.Outcome.values:
            raise InvalidInputError(
                f"answers[{index}].decision", f"decision is one of {', '.join(Stage.Outcome.values)}"
            )
        require_text(f"answers[{index}].reasons", answer.reasons, "The reasons for each decision")
    before_status, after_status = transition(case, Command.RESPOND)
    before = {"status": before_status.value, **deadline_fields(stage)}
    stage.responded_on = responded_on
    stage.outcome = outcome
    stage.response_summary = require_text("summary", summary, "The response")
    recompute(stage, case)
    for answer in answers:
        PointDecision.objects.create(
            stage=stage, point=answer.point, decision=answer.decision, reasons=answer.reasons
        )
    for remedy in remedies or []:
        if remedy.type not in Remedy.Type.values:
            raise InvalidInputError("remedies", f"unknown remedy {remedy.type!r}")
        Remedy.objects.create(
            stage=stage,
            type=remedy.type,
            description=remedy.description,
            compensation_offered=remedy.compensation_offered,
        )
    for action in actions or []:
        if action.owner.memberships.filter(landlord=landlord).exists() is False:
            raise NotFoundError(f"{action.owner} does not work for {landlord.name}")
        AgreedAction.objects.create(
            landlord=landlord,
            stage=stage,
            description=action.description,
            owner=action.owner,
            due_on=action.due_on,
        )
    case.save()
    if stage.number == 1:
        contact = ", ".join(x for x in (landlord.email, landlord.phone) if x) or landlord.name
        issue_letter(
            case,
            actor,
            LetterKind.STAGE1_RESPONSE,
            on=responded_on,
            stage=stage,
            escalate_by=stage.escalate_by,
            escalation_contact=contact,
        )
    else:
        issue_letter(case, actor, LetterKind.STAGE2_RESPONSE, on=responded_on, stage=stage)
    breaches = f"; {len(stage.breaches)} breach(es) of the timescales" if stage.breaches else ""
    record(
        case,
        actor,
        f"stage{stage.number}_responded",
        f"Stage {stage.number} response sent on {responded_on}: {stage.get_outcome_display()}{breaches}",
        before=before,
        after={"status": after_status.value, **deadline_fields(stage), "outcome": outcome},
    )
    return case


@transaction.atomic
def action_complete(
    *, landlord: Landlord, actor: User, action_id: int, completed_on: date, note: str = ""
) -> AgreedAction:
    """Mark an agreed action done; for the last one at stage 1, the escalation window may run from now on."""
    try:
        action = (
            AgreedAction.objects.select_for_update()
            .select_related("stage__case")
            .get(pk=action_id, landlord=landlord)
        )
    except AgreedAction.DoesNotExist:
        raise NotFoundError(f"no agreed action {action_id} at {landlord.name}") from None
    case = locked_case(landlord, action.stage.case_id)
    if action.owner_id != actor.pk:  # the person who owns an action may always record it done
        authorise(actor, case, "action.complete")
    require_past("completed_on", completed_on, "The completion date")
    if action.completed_on:
        raise InvalidInputError("completed_on", f"already completed on {action.completed_on}")
    action.completed_on = completed_on
    action.completion_note = note.strip()
    action.save(update_fields=["completed_on", "completion_note"])
    stage = action.stage
    if stage.number == 1 and not stage.actions.filter(completed_on__isnull=True).exists():
        recompute(stage, case, works_completed=completed_on)
        case.save()
    record(
        case,
        actor,
        "action_completed",
        f"Agreed action completed on {completed_on}: {action.description}",
        after={"action": action.pk, "completed_on": completed_on},
    )
    return action


@transaction.atomic
def hazard_investigation_conclude(
    *, landlord: Landlord, actor: User, case_id: int, concluded_on: date
) -> Case:
    """Record that a reported hazard's investigation concluded, starting the clocks that run from it
    (Awaab's Law: written summary, make safe, further work)."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "action.complete")
    if not case.hazard_kind or case.hazard_aware_at is None:
        raise InvalidInputError("case", f"{case.reference} reports no hazard")
    require_past("concluded_on", concluded_on, "The date the investigation concluded")
    clocks = hazard_clocks(case.hazard_kind, case.hazard_aware_at, concluded_on)
    before = dict(case.hazard_due)
    case.hazard_investigation_concluded = concluded_on
    case.hazard_due = {c.code: c.due.isoformat() for c in clocks.clocks}
    case.save()
    record(
        case,
        actor,
        "hazard_investigation_concluded",
        f"Hazard investigation concluded on {concluded_on}",
        before=before,
        after=case.hazard_due,
    )
    return case


@transaction.atomic
def hazard_duty_complete(*, landlord: Landlord, actor: User, case_id: int, duty: str, done_on: date) -> Case:
    """Record that an Awaab's Law duty was carried out, and whether it was on time."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "action.complete")
    if duty not in case.hazard_due:
        known = ", ".join(case.hazard_due) or "none yet"
        raise InvalidInputError("duty", f"{case.reference} has no hazard clock {duty!r}; its clocks: {known}")
    require_past("done_on", done_on, "The date it was done")
    if duty in case.hazard_done:
        raise InvalidInputError("duty", f"already recorded as done on {case.hazard_done[duty]}")
    case.hazard_done = {**case.hazard_done, duty: done_on.isoformat()}
    case.save()
    due = case.hazard_due[duty]
    late = "" if done_on.isoformat() <= due[:10] else f", after the deadline {due}"
    record(
        case,
        actor,
        "hazard_duty_done",
        f"Awaab's Law duty {duty.replace('_', ' ')} done on {done_on}{late}",
        after={"duty": duty, "done_on": done_on},
    )
    return case


@transaction.atomic
def remedy_pay(*, landlord: Landlord, actor: User, remedy_id: int, amount: Decimal, paid_on: date) -> Remedy:
    """Record compensation paid, following the remedy through to completion."""
    try:
        remedy = (
            Remedy.objects.select_for_update()
            .select_related("stage")
            .get(pk=remedy_id, stage__landlord=landlord)
        )
    except Remedy.DoesNotExist:
        raise NotFoundError(f"no remedy {remedy_id} at {landlord.name}") from None
    case = locked_case(landlord, remedy.stage.case_id)
    authorise(actor, case, "action.complete")
    require_past("paid_on", paid_on, "The payment date")
    if amount <= 0:
        raise InvalidInputError("amount", "the amount paid must be more than zero")
    remedy.compensation_paid = amount
    remedy.paid_on = paid_on
    remedy.save(update_fields=["compensation_paid", "paid_on"])
    record(
        case,
        actor,
        "compensation_paid",
        f"Compensation of £{amount:,.2f} paid on {paid_on}",
        after={"remedy": remedy.pk, "amount": str(amount)},
    )
    return remedy
