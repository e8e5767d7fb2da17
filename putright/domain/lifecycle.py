"""The lifecycle of every kind of feedback: which command is allowed in which state, and where it leads.

One explicit table, enforced by every service before it changes a case: a command not in the table is
refused with a sentence saying why, so no surface can move a case into a state the rules do not allow.
Complaints have exactly two stages; there is no stage 0 and no stage 3.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from putright.domain.errors import DomainError


class Kind(Enum):
    COMPLAINT = "complaint"
    SERVICE_REQUEST = "service_request"
    COMPLIMENT = "compliment"
    COMMENT = "comment"
    """A comment or suggestion."""
    FEEDBACK = "feedback"
    """General feedback, resolved at first contact; the customer may turn it into a complaint."""

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    Kind.COMPLAINT: "complaint",
    Kind.SERVICE_REQUEST: "service request",
    Kind.COMPLIMENT: "compliment",
    Kind.COMMENT: "comment or suggestion",
    Kind.FEEDBACK: "general feedback",
}


class Status(Enum):
    # complaints
    STAGE1_RECEIVED = "stage1_received"
    """Received, awaiting acknowledgement with the complaint definition."""
    STAGE1_INVESTIGATING = "stage1_investigating"
    STAGE1_RESPONDED = "stage1_responded"
    """Stage 1 response sent; the customer may ask for stage 2."""
    STAGE2_REQUESTED = "stage2_requested"
    """Escalation requested; awaiting a stage 2 handler's acknowledgement (or a decision not to escalate)."""
    STAGE2_INVESTIGATING = "stage2_investigating"
    STAGE2_RESPONDED = "stage2_responded"
    """The final response has been sent; the customer may go to the Ombudsman."""
    NOT_ACCEPTED = "not_accepted"
    WITHDRAWN = "withdrawn"
    CLOSED_NO_CONTACT = "closed_no_contact"
    # other kinds
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    PASSED_ON = "passed_on"
    """A compliment passed to the colleague and their line manager."""
    RESOLVED = "resolved"
    CONVERTED = "converted"
    """General feedback turned into a complaint (the complaint is a new, linked case)."""
    # every kind
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("stage1_", "stage 1 ").replace("stage2_", "stage 2 ").replace("_", " ")


class Command(Enum):
    ACKNOWLEDGE = "acknowledge"
    RECORD_CLARIFICATION = "record_clarification"
    ADD_ISSUE = "add_issue"
    EXTEND = "extend"
    WARN_NO_CONTACT = "warn_no_contact"
    CLOSE_NO_CONTACT = "close_no_contact"
    RESPOND = "respond"
    REQUEST_ESCALATION = "request_escalation"
    ASSIGN_STAGE2_HANDLER = "assign_stage2_handler"
    REFUSE_ESCALATION = "refuse_escalation"
    NOT_ACCEPT = "not_accept"
    WITHDRAW = "withdraw"
    CLOSE = "close"
    PASS_ON = "pass_on"
    RESOLVE = "resolve"
    CONVERT_TO_COMPLAINT = "convert_to_complaint"
    RECORD_SATISFACTION = "record_satisfaction"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


S, C, K = Status, Command, Kind

TRANSITIONS: Mapping[tuple[Kind, Status, Command], Status] = {
    # Stage 1
    (K.COMPLAINT, S.STAGE1_RECEIVED, C.RECORD_CLARIFICATION): S.STAGE1_RECEIVED,
    (K.COMPLAINT, S.STAGE1_RECEIVED, C.ACKNOWLEDGE): S.STAGE1_INVESTIGATING,
    (K.COMPLAINT, S.STAGE1_RECEIVED, C.NOT_ACCEPT): S.NOT_ACCEPTED,
    (K.COMPLAINT, S.STAGE1_RECEIVED, C.WITHDRAW): S.WITHDRAWN,
    (K.COMPLAINT, S.STAGE1_RECEIVED, C.ADD_ISSUE): S.STAGE1_RECEIVED,
    (K.COMPLAINT, S.STAGE1_INVESTIGATING, C.RECORD_CLARIFICATION): S.STAGE1_INVESTIGATING,
    (K.COMPLAINT, S.STAGE1_INVESTIGATING, C.ADD_ISSUE): S.STAGE1_INVESTIGATING,
    (K.COMPLAINT, S.STAGE1_INVESTIGATING, C.EXTEND): S.STAGE1_INVESTIGATING,
    (K.COMPLAINT, S.STAGE1_INVESTIGATING, C.WARN_NO_CONTACT): S.STAGE1_INVESTIGATING,
    (K.COMPLAINT, S.STAGE1_INVESTIGATING, C.CLOSE_NO_CONTACT): S.CLOSED_NO_CONTACT,
    (K.COMPLAINT, S.STAGE1_INVESTIGATING, C.RESPOND): S.STAGE1_RESPONDED,
    (K.COMPLAINT, S.STAGE1_INVESTIGATING, C.WITHDRAW): S.WITHDRAWN,
    (K.COMPLAINT, S.STAGE1_RESPONDED, C.REQUEST_ESCALATION): S.STAGE2_REQUESTED,
    (K.COMPLAINT, S.STAGE1_RESPONDED, C.ADD_ISSUE): S.STAGE1_RESPONDED,
    (K.COMPLAINT, S.STAGE1_RESPONDED, C.CLOSE): S.CLOSED,
    # Stage 2
    (K.COMPLAINT, S.STAGE2_REQUESTED, C.ASSIGN_STAGE2_HANDLER): S.STAGE2_REQUESTED,
    (K.COMPLAINT, S.STAGE2_REQUESTED, C.ACKNOWLEDGE): S.STAGE2_INVESTIGATING,
    (K.COMPLAINT, S.STAGE2_REQUESTED, C.REFUSE_ESCALATION): S.STAGE1_RESPONDED,
    (K.COMPLAINT, S.STAGE2_REQUESTED, C.WITHDRAW): S.WITHDRAWN,
    (K.COMPLAINT, S.STAGE2_REQUESTED, C.ADD_ISSUE): S.STAGE2_REQUESTED,
    (K.COMPLAINT, S.STAGE2_INVESTIGATING, C.ADD_ISSUE): S.STAGE2_INVESTIGATING,
    (K.COMPLAINT, S.STAGE2_INVESTIGATING, C.RECORD_CLARIFICATION): S.STAGE2_INVESTIGATING,
    (K.COMPLAINT, S.STAGE2_INVESTIGATING, C.EXTEND): S.STAGE2_INVESTIGATING,
    (K.COMPLAINT, S.STAGE2_INVESTIGATING, C.WARN_NO_CONTACT): S.STAGE2_INVESTIGATING,
    (K.COMPLAINT, S.STAGE2_INVESTIGATING, C.CLOSE_NO_CONTACT): S.CLOSED_NO_CONTACT,
    (K.COMPLAINT, S.STAGE2_INVESTIGATING, C.RESPOND): S.STAGE2_RESPONDED,
    (K.COMPLAINT, S.STAGE2_INVESTIGATING, C.WITHDRAW): S.WITHDRAWN,
    (K.COMPLAINT, S.STAGE2_RESPONDED, C.CLOSE): S.CLOSED,
    # After the end of the process: the survey (Brighter Places 9.i; Great Places "Measuring satisfaction")
    (K.COMPLAINT, S.CLOSED, C.RECORD_SATISFACTION): S.CLOSED,
    # Service requests carry on even when a complaint is raised about them
    (K.SERVICE_REQUEST, S.OPEN, C.CONVERT_TO_COMPLAINT): S.OPEN,
    (K.SERVICE_REQUEST, S.OPEN, C.RESOLVE): S.RESOLVED,
    (K.SERVICE_REQUEST, S.RESOLVED, C.CONVERT_TO_COMPLAINT): S.RESOLVED,
    (K.SERVICE_REQUEST, S.RESOLVED, C.CLOSE): S.CLOSED,
    # Compliments reach the colleague and their line manager
    (K.COMPLIMENT, S.OPEN, C.PASS_ON): S.PASSED_ON,
    (K.COMPLIMENT, S.PASSED_ON, C.CLOSE): S.CLOSED,
    # Comments and suggestions: acknowledged, considered, responded to
    (K.COMMENT, S.OPEN, C.ACKNOWLEDGE): S.ACKNOWLEDGED,
    (K.COMMENT, S.ACKNOWLEDGED, C.RESPOND): S.CLOSED,
    # General feedback: resolved at first contact, or made a formal complaint
    (K.FEEDBACK, S.OPEN, C.RESOLVE): S.RESOLVED,
    (K.FEEDBACK, S.OPEN, C.CONVERT_TO_COMPLAINT): S.CONVERTED,
    (K.FEEDBACK, S.RESOLVED, C.CONVERT_TO_COMPLAINT): S.CONVERTED,
}

INITIAL: Mapping[Kind, Status] = {
    K.COMPLAINT: S.STAGE1_RECEIVED,
    K.SERVICE_REQUEST: S.OPEN,
    K.COMPLIMENT: S.OPEN,
    K.COMMENT: S.OPEN,
    K.FEEDBACK: S.OPEN,
}

FINISHED: frozenset[Status] = frozenset(
    {S.CLOSED, S.NOT_ACCEPTED, S.WITHDRAWN, S.CLOSED_NO_CONTACT, S.CONVERTED, S.STAGE2_RESPONDED}
)
"""States in which no complaint clock runs any more."""


DUE_NEXT: Mapping[Status, str] = {
    S.STAGE1_RECEIVED: "acknowledge",
    S.STAGE1_INVESTIGATING: "respond",
    S.STAGE2_REQUESTED: "acknowledge",
    S.STAGE2_INVESTIGATING: "respond",
}
"""What the landlord owes the customer next in each state with a running clock (the stage's deadline)."""


class TransitionNotAllowedError(DomainError):
    """A command the lifecycle does not allow in the case's current state."""


def next_status(kind: Kind, status: Status, command: Command) -> Status:
    """Where `command` takes a case of `kind` in `status`; raises with a plain sentence if it may not."""
    try:
        return TRANSITIONS[(kind, status, command)]
    except KeyError:
        allowed = allowed_commands(kind, status)
        options = ", ".join(c.label for c in allowed) if allowed else "nothing more"
        raise TransitionNotAllowedError(
            f"cannot {command.label} a {kind.label} that is {status.label}; allowed now: {options}"
        ) from None


def allowed_commands(kind: Kind, status: Status) -> list[Command]:
    """The commands the lifecycle allows for a case of `kind` in `status`, in table order."""
    return [command for (k, s, command) in TRANSITIONS if k is kind and s is status]


def stage_of(status: Status) -> int | None:
    """The complaint stage a status belongs to, or None."""
    if status.value.startswith("stage1_"):
        return 1
    if status.value.startswith("stage2_"):
        return 2
    return None


class HandlerConflictError(DomainError):
    """The proposed stage 2 handler handled the complaint at stage 1."""


def require_different_handler(must_differ: bool, stage1_handler: object, stage2_handler: object) -> None:
    """Stage 2 is never handled by the stage 1 handler where the policy says so (Code 6.13)."""
    if must_differ and stage1_handler is not None and stage1_handler == stage2_handler:
        raise HandlerConflictError(
            "the stage 2 handler must not be the person who handled the complaint at stage 1 (Code 6.13)"
        )


def state_diagram(kind: Kind) -> str:
    """A Mermaid state diagram of the table for one kind, for docs/domain/lifecycle.md."""
    lines = ["stateDiagram-v2", f"    [*] --> {INITIAL[kind].value}"]
    for (k, before, command), after in TRANSITIONS.items():
        if k is kind:
            lines.append(f"    {before.value} --> {after.value}: {command.label}")
    return "\n".join(lines)


def lifecycle_markdown() -> str:
    """docs/domain/lifecycle.md, generated from the table (`make docs` writes it; a test compares it)."""
    parts = [
        "# Case lifecycle",
        "",
        "Generated from the transition table in `putright/domain/lifecycle.py` by `make docs`; every service",
        "enforces the table before it changes a case, and a test fails if this file falls out of step. A command",
        "not shown is refused with a sentence naming what is allowed.",
        "",
        "- Complaints have two stages only. Stage 2 is the final response; after it the customer may go to the",
        "  Housing Ombudsman. A refused escalation returns to the stage 1 outcome, with the decision, its reasons",
        "  and the right to take it to the Ombudsman recorded.",
        "- A late escalation request is never refused automatically: it waits at `stage2_requested` for a handler",
        "  to be assigned or a decision not to escalate.",
        "- A service request carries on when a complaint is raised about it; general feedback that becomes a",
        "  complaint is marked `converted`, and the complaint is a new, linked case.",
        "",
        "The clock running in each state (the stored `next_due` that worklists sort by):",
        "",
        "| State | What is due |",
        "|---|---|",
        *(f"| `{status.value}` | {due}, by the stage's {due}-by date |" for status, due in DUE_NEXT.items()),
        "",
        "States where no stage clock runs any more: "
        + ", ".join(f"`{s.value}`" for s in sorted(FINISHED, key=lambda s: s.value))
        + ".",
        "",
    ]
    for kind in Kind:
        parts += [f"## {kind.label.capitalize()}", "", "```mermaid", state_diagram(kind), "```", ""]
    return "\n".join(parts)
