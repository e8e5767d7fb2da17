"""Which actions a person is offered on a case, and why an action is not offered now.

One rule for every surface that shows actions: the lifecycle table says what the case's kind and status
allow; the person's roles at the landlord say who may do it; the stage's handler rules (stage 2 is handled
by the assigned senior leader, never the stage 1 handler) and the policy profile (no-contact closure)
narrow it further. Actions the lifecycle allows only later in the case are offered as "not yet", with
when they become possible, so the officer sees the way ahead; a finished case offers nothing it cannot do.
The services still check everything again when the action is taken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from putright.accounts.models import Membership, User
from putright.accounts.permissions import ACTIONS as ROLE_ACTIONS
from putright.accounts.permissions import can, roles_at
from putright.cases.models import AgreedAction, Case, Remedy, Stage
from putright.cases.services._base import handle_action, profile_of
from putright.cases.services.colleagues import acting_line_manager
from putright.cases.services.late_acceptance import lateness_to_accept
from putright.domain.hazards import hazard_clocks
from putright.domain.lifecycle import TRANSITIONS, Command, Kind, Status, allowed_commands
from putright.domain.profiles import ColleagueHandler, Exclusion
from putright.organisations.models import Landlord


@dataclass(frozen=True)
class Offer:
    """One action on the case: `name` is its page's address part, `reason` says why it is not allowed."""

    name: str
    label: str
    allowed: bool
    reason: str = ""
    note: str = ""
    """Something to know before an allowed action (e.g. a notice after the deadline does not move it)."""
    later: bool = False
    """Not possible in the case's present state but later in its lifecycle (the reason says when)."""


@dataclass(frozen=True)
class _Context:
    user: User
    case: Case
    roles: set[str]
    stage: Stage | None
    stage1: Stage | None
    today: date

    def may(self, action: str) -> bool:
        return can(self.user, self.case.landlord, action, self.roles)


@dataclass(frozen=True)
class _Action:
    name: str
    label: str
    command: Command | None
    """The lifecycle command it carries out, or None for steps outside the table (remedies, actions)."""
    kinds: frozenset[Kind]
    check: Callable[[_Context], tuple[str, str]]
    """Given the context, (reason it is not allowed or "", a note for an allowed action or "")."""


ROLE_WORDS = {
    "stage1.handle": "a feedback officer, investigating manager or senior leader",
    "stage2.handle": "a senior leader",
    "stage2.assign": "a feedback officer or senior leader",
    "case.decide": "a feedback officer or senior leader",
    "case.close": "a feedback officer, investigating manager or senior leader",
    "case.log": "a member of staff who logs feedback",
    "case.feedback": "a feedback officer, investigating manager, senior leader or line manager",
    "action.complete": "a feedback officer, investigating manager, senior leader or housing manager",
}


def _role(context: _Context, action: str, doing: str) -> str:
    if context.may(action):
        return ""
    return f"Only {ROLE_WORDS[action]} can {doing}"


def _handle_action(context: _Context) -> str:
    return handle_action(context.stage.number if context.stage is not None else 1)


def _stage2_handler_rule(context: _Context, doing: str) -> str:
    """Stage 2 is acknowledged and answered by its assigned handler (Code 6.13)."""
    stage = context.stage
    if stage is None or stage.number != 2:
        return ""
    if stage.handler_id is None:
        return f"Assign a stage 2 handler before you {doing}"
    if stage.handler_id != context.user.pk:
        return f"Only the stage 2 handler, {stage.handler}, can {doing}"
    return ""


def _stage_role(context: _Context, doing: str) -> str:
    if context.stage is not None and context.stage.number == 2:
        if not context.may("stage2.handle"):
            return f"Only a senior leader can {doing} at stage 2"
        return _stage2_handler_rule(context, doing)
    return _role(context, "stage1.handle", doing)


def _acknowledge(context: _Context) -> tuple[str, str]:
    return _stage_role(context, "acknowledge the complaint"), ""


def _clarify(context: _Context) -> tuple[str, str]:
    return _role(context, _handle_action(context), "record contact with the customer"), ""


def _add_issue(context: _Context) -> tuple[str, str]:
    stage = context.stage
    action = "stage1.handle" if stage is None or stage.number == 1 else "stage2.assign"
    return _role(context, action, "add an issue"), ""


def _extend(context: _Context) -> tuple[str, str]:
    """Allowed to the stage's handlers; the note says what the policy asks of the next extension, given
    the extensions already applied (a good reason, or both parties' agreement), and whether the deadline
    has passed (a notice after it is recorded but does not move it)."""
    reason = _stage_role(context, "extend the response date")
    stage = context.stage
    if reason or stage is None:
        return reason, ""
    rules = profile_of(context.case).stage(stage.number).extension
    total = sum(e.days for e in stage.extensions.filter(applied=True))
    policy = _policy_of(context.case)
    if rules.agreement_above is not None and total >= rules.agreement_above:
        needs = f"{policy} policy allows more only when the customer agrees"
    elif total >= rules.good_reason_above:
        needs = f"{policy} policy allows more only with a good reason"
    else:
        needs = f"{policy} policy allows {rules.good_reason_above - total} more without a good reason"
    note = f"Extensions so far: {total} working days. {needs} ({rules.source})."
    if stage.respond_by < context.today:
        note = (
            f"The response was due on {stage.respond_by:%-d %B %Y}: an extension notified now is recorded "
            f"but does not move the date. {note}"
        )
    return "", note


def _policy_of(case: Case) -> str:
    name = case.landlord.name
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _warn_no_contact(context: _Context) -> tuple[str, str]:
    reason = _stage_role(context, "send the no-contact letter")
    if reason:
        return reason, ""
    profile = profile_of(context.case)
    if profile.no_contact.closure is None:
        return f"{_policy_of(context.case)} policy sets no closure for lack of contact", ""
    return "", ""


def _close_no_contact(context: _Context) -> tuple[str, str]:
    reason = _role(context, "case.close", "close a complaint")
    if reason:
        return reason, ""
    stage = context.stage
    if profile_of(context.case).no_contact.closure is None:
        return f"{_policy_of(context.case)} policy sets no closure for lack of contact", ""
    if stage is None or stage.close_without_contact_after is None:
        return "Send the no-contact letter first", ""
    if context.today <= stage.close_without_contact_after:
        return f"The customer has until {stage.close_without_contact_after:%-d %B %Y} to reply", ""
    return "", ""


def _respond(context: _Context) -> tuple[str, str]:
    return _stage_role(context, "send the response"), ""


def _request_escalation(context: _Context) -> tuple[str, str]:
    return _role(context, "case.log", "record a request for stage 2"), ""


def _assign_handler(context: _Context) -> tuple[str, str]:
    return _role(context, "stage2.assign", "assign the stage 2 handler"), ""


def _decide(doing: str) -> Callable[[_Context], tuple[str, str]]:
    return lambda context: (_role(context, "case.decide", doing), "")


def _log(doing: str) -> Callable[[_Context], tuple[str, str]]:
    return lambda context: (_role(context, "case.log", doing), "")


def _feedback(doing: str) -> Callable[[_Context], tuple[str, str]]:
    return lambda context: (_role(context, "case.feedback", doing), "")


def _close(context: _Context) -> tuple[str, str]:
    return _role(context, "case.close", "close a case"), ""


def _open_actions(case: Case) -> bool:
    return AgreedAction.objects.filter(stage__case=case, completed_on__isnull=True).exists()


def completable_actions(user: User, case: Case) -> QuerySet[AgreedAction]:
    """The case's open agreed actions this person may record done: any, for a role that completes actions;
    otherwise only their own (the owner of an action may always record it done)."""
    actions = AgreedAction.objects.filter(landlord=case.landlord, stage__case=case, completed_on__isnull=True)
    if not can(user, case.landlord, "action.complete"):
        actions = actions.filter(owner=user)
    return actions.select_related("owner").order_by("due_on", "id")


def _complete_action(context: _Context) -> tuple[str, str]:
    if not _open_actions(context.case):
        return "There are no agreed actions waiting to be done", ""
    if completable_actions(context.user, context.case).exists():
        return "", ""
    return _role(context, "action.complete", "record an agreed action done"), ""


def _unpaid_remedies(case: Case) -> bool:
    return Remedy.objects.filter(
        stage__case=case, compensation_offered__isnull=False, paid_on__isnull=True
    ).exists()


def _pay_remedy(context: _Context) -> tuple[str, str]:
    if not _unpaid_remedies(context.case):
        return "No compensation offered is waiting to be paid", ""
    return _role(context, "action.complete", "record a payment"), ""


def _hazard_conclude(context: _Context) -> tuple[str, str]:
    if context.case.hazard_investigation_concluded is not None:
        return f"The investigation concluded on {context.case.hazard_investigation_concluded:%-d %B %Y}", ""
    return _role(context, "action.complete", "record the hazard investigation"), ""


def _hazard_duty(context: _Context) -> tuple[str, str]:
    if not set(context.case.hazard_due) - set(context.case.hazard_done):
        return "Every Awaab's Law duty is recorded as done", ""
    return _role(context, "action.complete", "record an Awaab's Law duty done"), ""


def _identify_colleague(context: _Context) -> tuple[str, str]:
    return _role(context, "case.feedback", "say which colleague a complaint is about"), ""


def _disciplinary(context: _Context) -> tuple[str, str]:
    return _stage_role(context, "record disciplinary procedures"), ""


def _may_identify_colleague(case: Case, stage1: Stage | None) -> bool:
    named = case.about_colleague or bool(case.colleagues_named)
    return named and stage1 is not None and stage1.acknowledged_on is None and case.closed_at is None


def _may_record_disciplinary(case: Case, stage: Stage | None) -> bool:
    return (
        case.about_colleague
        and case.colleague_disciplinary_on is None
        and stage is not None
        and stage.acknowledged_on is not None
        and stage.responded_on is None
    )


def _accept_late(context: _Context) -> tuple[str, str]:
    """Offered only while something late waits for a decision (Code 2.3, 5.11); the note says what."""
    late = lateness_to_accept(context.case)
    return _role(context, "case.decide", "accept what came late"), late[1] if late else ""


ALL = frozenset(Kind)
COMPLAINT = frozenset({Kind.COMPLAINT})
ACTIONS: tuple[_Action, ...] = (
    _Action("acknowledge", "Acknowledge", Command.ACKNOWLEDGE, COMPLAINT, _acknowledge),
    _Action(
        "assign-handler",
        "Assign the stage 2 handler",
        Command.ASSIGN_STAGE2_HANDLER,
        COMPLAINT,
        _assign_handler,
    ),
    _Action(
        "clarification", "Record contact with the customer", Command.RECORD_CLARIFICATION, COMPLAINT, _clarify
    ),
    _Action("add-issue", "Add an issue", Command.ADD_ISSUE, COMPLAINT, _add_issue),
    _Action("extend", "Extend the response date", Command.EXTEND, COMPLAINT, _extend),
    _Action("respond", "Send the response", Command.RESPOND, COMPLAINT, _respond),
    _Action(
        "warn-no-contact", "Send the no-contact letter", Command.WARN_NO_CONTACT, COMPLAINT, _warn_no_contact
    ),
    _Action(
        "close-no-contact", "Close for no contact", Command.CLOSE_NO_CONTACT, COMPLAINT, _close_no_contact
    ),
    _Action(
        "request-escalation",
        "Record a request for stage 2",
        Command.REQUEST_ESCALATION,
        COMPLAINT,
        _request_escalation,
    ),
    _Action(
        "refuse-escalation",
        "Decide not to escalate",
        Command.REFUSE_ESCALATION,
        COMPLAINT,
        _decide("decide not to escalate"),
    ),
    _Action(
        "not-accept",
        "Decide not to accept",
        Command.NOT_ACCEPT,
        COMPLAINT,
        _decide("decide not to accept a complaint"),
    ),
    _Action("identify-colleague", "Say which colleague it is about", None, COMPLAINT, _identify_colleague),
    _Action("disciplinary", "Record disciplinary procedures", None, COMPLAINT, _disciplinary),
    _Action("accept-late", "Accept what came late", None, COMPLAINT, _accept_late),
    _Action("complete-action", "Record an agreed action done", None, COMPLAINT, _complete_action),
    _Action("pay-remedy", "Record compensation paid", None, COMPLAINT, _pay_remedy),
    _Action("withdraw", "Record a withdrawal", Command.WITHDRAW, COMPLAINT, _log("record a withdrawal")),
    _Action("close", "Close with learning", Command.CLOSE, COMPLAINT, _close),
    _Action(
        "satisfaction",
        "Record satisfaction",
        Command.RECORD_SATISFACTION,
        COMPLAINT,
        _feedback("record satisfaction"),
    ),
    _Action(
        "complaint-choice",
        "Record the choice to complain",
        Command.CONVERT_TO_COMPLAINT,
        frozenset({Kind.SERVICE_REQUEST, Kind.FEEDBACK}),
        _log("record the customer's choice"),
    ),
    _Action(
        "convert",
        "Make it a complaint",
        Command.CONVERT_TO_COMPLAINT,
        frozenset({Kind.SERVICE_REQUEST, Kind.FEEDBACK}),
        _log("raise a complaint"),
    ),
    _Action(
        "resolve",
        "Resolve",
        Command.RESOLVE,
        frozenset({Kind.SERVICE_REQUEST, Kind.FEEDBACK}),
        _log("resolve it"),
    ),
    _Action(
        "pass-on",
        "Pass on the compliment",
        Command.PASS_ON,
        frozenset({Kind.COMPLIMENT}),
        _feedback("pass on a compliment"),
    ),
    _Action(
        "acknowledge-comment",
        "Acknowledge",
        Command.ACKNOWLEDGE,
        frozenset({Kind.COMMENT}),
        _feedback("acknowledge a comment"),
    ),
    _Action(
        "respond-comment",
        "Respond",
        Command.RESPOND,
        frozenset({Kind.COMMENT}),
        _feedback("respond to a comment"),
    ),
    _Action("close-case", "Close", Command.CLOSE, frozenset({Kind.SERVICE_REQUEST, Kind.COMPLIMENT}), _close),
    _Action("hazard-investigation", "Record the hazard investigation concluded", None, ALL, _hazard_conclude),
    _Action("hazard-duty", "Record an Awaab's Law duty done", None, ALL, _hazard_duty),
)
ACTION_NAMES = frozenset(a.name for a in ACTIONS)


def _later(kind: Kind, status: Status) -> dict[Command, list[Status]]:
    """Each command the lifecycle allows in a state reachable from `status` (not `status` itself)."""
    seen, todo = {status}, [status]
    while todo:
        here = todo.pop()
        for (k, before, _), after in TRANSITIONS.items():
            if k is kind and before is here and after not in seen:
                seen.add(after)
                todo.append(after)
    later: dict[Command, list[Status]] = {}
    for k, before, command in TRANSITIONS:
        if k is kind and before in seen and before is not status and before not in later.get(command, []):
            later.setdefault(command, []).append(before)
    return later


def _not_yet(kind: Kind, label: str, statuses: list[Status]) -> str:
    words = " or ".join(s.label for s in statuses)
    return f"{label} becomes possible when the {kind.label} is {words}"


def _current_stage(case: Case) -> tuple[Stage | None, Stage | None]:
    if case.kind != Kind.COMPLAINT.value:
        return None, None
    stages = {s.number: s for s in Stage.objects.filter(case=case).select_related("handler")}
    return stages.get(case.stage or 1), stages.get(1)


def case_offers(user: User, case: Case, today: date | None = None) -> list[Offer]:
    """The actions on this case for this person: allowed ones, the ones the case's state allows but a rule
    stops, and the ones possible only later (`later`), each not allowed with the reason in plain words."""
    kind, status = Kind(case.kind), Status(case.status)
    stage, stage1 = _current_stage(case)
    context = _Context(
        user=user,
        case=case,
        roles=roles_at(user, case.landlord),
        stage=stage,
        stage1=stage1,
        today=today or timezone.localdate(),
    )
    now_allowed = set(allowed_commands(kind, status))
    later = _later(kind, status)
    offers = []
    for action in ACTIONS:
        if kind not in action.kinds:
            continue
        if action.command is None:
            if action.name.startswith("hazard") and not case.hazard_kind:
                continue
            if action.name == "complete-action" and not _open_actions(case):
                continue
            if action.name == "accept-late" and lateness_to_accept(case) is None:
                continue
            if action.name == "pay-remedy" and not _unpaid_remedies(case):
                continue
            if action.name == "identify-colleague" and not _may_identify_colleague(case, stage1):
                continue
            if action.name == "disciplinary" and not _may_record_disciplinary(case, stage):
                continue
            reason, note = action.check(context)
            offers.append(Offer(action.name, action.label, not reason, reason, note))
        elif action.command in now_allowed:
            reason, note = action.check(context)
            offers.append(Offer(action.name, action.label, not reason, reason, note))
        elif action.command in later:
            reason = _not_yet(kind, action.label, later[action.command])
            offers.append(Offer(action.name, action.label, False, reason, later=True))
    return offers


def offer_for(user: User, case: Case, name: str, today: date | None = None) -> Offer | None:
    """The offer of one named action on the case, or None where it is not relevant to the case at all."""
    return next((o for o in case_offers(user, case, today) if o.name == name), None)


def staff_who_may(landlord: Landlord, action: str) -> list[User]:
    """Active staff holding a role at the landlord that allows `action`, by name."""
    ids = Membership.objects.filter(landlord=landlord, role__in=ROLE_ACTIONS[action]).values("user_id")
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("first_name", "last_name", "email"))


def stage1_handler_choices(case: Case) -> list[User]:
    """Who may investigate stage 1: never the colleague a complaint is about."""
    return [u for u in staff_who_may(case.landlord, "stage1.handle") if u.pk != case.colleague_id]


def colleague_handler_hint(case: Case) -> tuple[User | None, str]:
    """For a complaint about an identified colleague: who investigates it by default (their line manager
    where the policy passes it to them and one can act) and the policy's rule, in words."""
    if not (case.about_colleague and case.colleague is not None):
        return None, ""
    rules = profile_of(case).colleague_complaints
    manager = acting_line_manager(case.landlord, case.colleague)
    if rules.handler is ColleagueHandler.LINE_MANAGER and manager is not None:
        return manager, f"A complaint about {case.colleague} is investigated by their line manager, {manager}"
    if rules.handler is ColleagueHandler.STAGE1_HANDLER:
        return None, f"Anyone who investigates complaints, except {case.colleague}"
    if rules.handler is ColleagueHandler.LINE_MANAGER:
        return None, f"{case.colleague} has no line manager who can act, so a senior leader investigates"
    return None, f"A complaint about {case.colleague} is investigated by a senior manager"


def stage2_handler_choices(case: Case) -> list[User]:
    """Senior leaders who may handle stage 2: never the stage 1 handler where the policy says so
    (Code 6.13)."""
    stage1 = Stage.objects.filter(case=case, number=1).values_list("handler_id", flat=True).first()
    must_differ = profile_of(case).stage2.handler_must_differ
    return [u for u in staff_who_may(case.landlord, "stage2.handle") if not (must_differ and u.pk == stage1)]


def colleague_choices(case: Case) -> list[User]:
    """Everyone who works for the landlord (a compliment may name any colleague)."""
    ids = Membership.objects.filter(landlord=case.landlord).exclude(role="integration").values("user_id")
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("first_name", "last_name", "email"))


def decision_reasons(case: Case) -> tuple[Exclusion, ...]:
    """The reasons the case's policy lists for not accepting or not escalating a complaint."""
    return profile_of(case).exclusions


def open_hazard_duties(case: Case) -> list[tuple[str, str, str]]:
    """The Awaab's Law duties not yet recorded as done: (code, what it is, due by in words)."""
    labels: dict[str, str] = {}
    if case.hazard_kind and case.hazard_aware_at is not None:
        clocks = hazard_clocks(case.hazard_kind, case.hazard_aware_at, case.hazard_investigation_concluded)
        labels = {clock.code: clock.label for clock in clocks.clocks}
    duties = []
    for code, due in case.hazard_due.items():
        if code in case.hazard_done:
            continue
        when = datetime.fromisoformat(due)
        words = f"{when:%-d %B %Y}" if len(due) <= 10 else f"{timezone.localtime(when):%-d %B %Y, %H:%M}"
        duties.append((code, labels.get(code) or code.replace("_", " ").capitalize(), words))
    return duties


def additional_issue_rule(case: Case) -> str:
    """What the case's policy says about an issue raised during the current stage."""
    rules = profile_of(case).additional_issues
    return rules.during_stage2 if case.stage == 2 else rules.during_stage1


def may_be_raised_at_escalation(case: Case) -> bool:
    """Whether an issue can be raised with the request for stage 2 (after the stage 1 response)."""
    return case.status in (Status.STAGE1_RESPONDED.value, Status.STAGE2_REQUESTED.value)
