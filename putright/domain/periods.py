"""A time allowance as policies state it: an amount, its unit, and the event it runs from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Unit(Enum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WEEKS = "weeks"
    MONTHS = "months"
    HOURS = "hours"

    def phrase(self, amount: int) -> str:
        word = self.value.replace("_", " ")
        return f"{amount} {word[:-1] if amount == 1 else word}"


class Base(Enum):
    """The event a period runs from."""

    RECEIVED = "received"
    """The complaint reached any member of staff (stage 1)."""
    ESCALATION_REQUESTED = "escalation_requested"
    """The request for stage 2 reached any member of staff (stage 2's "received")."""
    LOGGED = "logged"
    ACKNOWLEDGED = "acknowledged"
    """The acknowledgement of the same stage was sent."""
    RESPONSE_SENT = "response_sent"
    AGREED_WORKS_COMPLETED = "agreed_works_completed"
    NO_CONTACT_LETTER_SENT = "no_contact_letter_sent"
    RESTRICTION_STARTED = "restriction_started"
    ADJUSTMENT_AGREED = "adjustment_agreed"
    """A reasonable adjustment was agreed, or last reviewed."""
    AWARE = "aware"
    """Any member of staff became aware of a hazard (Awaab's Law)."""
    INVESTIGATION_CONCLUDED = "investigation_concluded"

    @property
    def phrase(self) -> str:
        return _BASE_PHRASES[self]


_BASE_PHRASES = {
    Base.RECEIVED: "receipt",
    Base.ESCALATION_REQUESTED: "the escalation request",
    Base.LOGGED: "logging",
    Base.ACKNOWLEDGED: "acknowledgement",
    Base.RESPONSE_SENT: "the response",
    Base.AGREED_WORKS_COMPLETED: "completion of the agreed works",
    Base.NO_CONTACT_LETTER_SENT: "the letter asking the customer to make contact",
    Base.RESTRICTION_STARTED: "the start of the restriction",
    Base.ADJUSTMENT_AGREED: "the adjustment being agreed or last reviewed",
    Base.AWARE: "the landlord becoming aware",
    Base.INVESTIGATION_CONCLUDED: "the investigation concluding",
}


@dataclass(frozen=True)
class Period:
    amount: int
    unit: Unit
    base: Base
    source: str
    """Where the rule comes from: a Code provision or a policy clause."""

    def describe(self) -> str:
        return f"{self.unit.phrase(self.amount)} from {self.base.phrase}"
