"""Typed errors the domain raises; each message is written for the person who gave the input."""


class DomainError(Exception):
    """A rule or an input the domain refuses. The message says what and why, in one line."""


class CalendarError(DomainError):
    """A date outside the bank-holiday data we hold, or bank-holiday data that is malformed."""


class ProfileError(DomainError):
    """A policy profile file that is malformed: the message names the file, the key and the fault."""


class UnknownPolicyError(DomainError):
    """A policy name (or a version in force on a date) that no profile provides."""


class ImpossibleDatesError(DomainError):
    """Facts whose dates cannot all be true, such as an acknowledgement before the complaint arrived."""


class ExtensionRefusedError(DomainError):
    """An extension the policy does not allow; the message names the rule."""


class InvalidInputError(DomainError):
    """Input that is missing or malformed; `field` names the input it concerns."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotPermittedError(DomainError):
    """The person may not do this, at this landlord, in their roles."""


class NotFoundError(DomainError):
    """No such record at this landlord (also said when it exists at another landlord)."""


class TimeLimitReasonError(InvalidInputError):
    """A refusal as over the time limit that the time-limit decision does not support (Code 2.2, 2.3)."""

    def __init__(self, message: str) -> None:
        super().__init__("reason_code", message)
