"""Checks a policy profile against the Housing Ombudsman's Complaint Handling Code 2024.

Each check is one Code provision a profile's parameters can fall short of. A profile may be stricter
than the Code (Brighter Places acknowledges stage 2 in 3 working days); it may not be looser. Provisions no
profile parameter can loosen are not checked here but held by the services whatever the profile says: 5.6
(the complaint definition is required at acknowledgement; a clarification window only adds to it), 5.15
(each restriction's reason, proportionality and review, recorded when it is applied) and 6.8 (stage 1's
additional issues are routed the same under every profile; `incorporate_at_stage2` concerns stage 2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from putright.domain.periods import Base, Period, Unit
from putright.domain.profiles import ExtensionRules, LateEscalation, Profile, TimeLimitBase

CODE_NAME = "Complaint Handling Code 2024"

_CLOCK_ORDER = {Base.RECEIVED: 0, Base.ESCALATION_REQUESTED: 0, Base.LOGGED: 1, Base.ACKNOWLEDGED: 2}
"""Order of the events a stage clock can run from: a clock from an earlier event with the same length
ends no later, because a complaint is received, then logged, then acknowledged."""


@dataclass(frozen=True)
class Shortfall:
    provision: str
    requirement: str
    why: str

    def to_json(self) -> dict[str, str]:
        return {"provision": self.provision, "requirement": self.requirement, "why": self.why}


@dataclass(frozen=True)
class Provision:
    number: str
    requirement: str
    check: Callable[[Profile], str | None]
    """Returns why the profile falls short, or None when it meets the provision."""


def _clock_within(period: Period, amount: int, base: Base) -> str | None:
    if period.unit not in (Unit.WORKING_DAYS, Unit.CALENDAR_DAYS):
        return f"the profile counts this clock in {period.unit.value}"
    if period.amount > amount:
        return f"the profile allows {period.describe()}, more than {amount} working days"
    if _CLOCK_ORDER[period.base] > _CLOCK_ORDER[base]:
        return f"the profile counts from {period.base.phrase}, later than {base.phrase}"
    return None


def _extension_within(rules: ExtensionRules, cap: int) -> str | None:
    if rules.good_reason_above > cap:
        return (
            f"the profile allows {rules.good_reason_above} working days of extension without a good reason, "
            f"more than {cap}"
        )
    return None


def _time_limit(profile: Profile) -> str | None:
    limit = profile.time_limit
    faults = []
    if limit.months < 12:
        faults.append(f"the profile's time limit is {limit.months} months, below the 12-month floor")
    if limit.counts_from is not TimeLimitBase.LATER_OF_ISSUE_AND_AWARENESS:
        faults.append("the profile counts only from the issue, not from when the resident became aware of it")
    return "; ".join(faults) or None


PROVISIONS: tuple[Provision, ...] = (
    Provision(
        "2.3",
        "Accept complaints made within 12 months of the issue or of the resident becoming aware of it",
        _time_limit,
    ),
    Provision(
        "2.3",
        "Consider discretion to accept complaints made outside the time limit where there are good reasons",
        lambda p: (
            None if p.time_limit.discretion else "the profile allows no discretion beyond its time limit"
        ),
    ),
    Provision(
        "5.11",
        "Do not refuse to escalate a complaint without a valid reason",
        lambda p: (
            f"the profile refuses escalation requests made after its window "
            f"({p.escalation.window.describe() if p.escalation.window else 'none set'})"
            if p.escalation.late_request is LateEscalation.REFUSE
            else None
        ),
    ),
    Provision(
        "5.14",
        "Have policies and procedures for managing unacceptable behaviour by residents or their representatives",
        lambda p: (
            None
            if p.restrictions.types
            else "the profile lists no contact restriction for managing unacceptable behaviour"
        ),
    ),
    Provision(
        "6.12",
        "Do not require residents to give reasons for escalating to stage 2",
        lambda p: "the profile requires a reason to escalate" if p.escalation.reason_required else None,
    ),
    Provision(
        "6.2",
        "Acknowledge, define and log stage 1 complaints within 5 working days of receipt",
        lambda p: _clock_within(p.stage1.acknowledge, 5, Base.RECEIVED),
    ),
    Provision(
        "6.3",
        "Respond at stage 1 within 10 working days of the acknowledgement",
        lambda p: _clock_within(p.stage1.respond, 10, Base.ACKNOWLEDGED),
    ),
    Provision(
        "6.4",
        "Extend a stage 1 response by no more than 10 working days without good reason",
        lambda p: _extension_within(p.stage1.extension, 10),
    ),
    Provision(
        "6.5",
        "Give the Housing Ombudsman's contact details when extending a stage 1 response",
        lambda p: None if p.stage1.extension.ombudsman_details_in_notice else "extension notices omit them",
    ),
    Provision(
        "6.11",
        "Acknowledge stage 2 complaints within 5 working days of the escalation request",
        lambda p: _clock_within(p.stage2.acknowledge, 5, Base.ESCALATION_REQUESTED),
    ),
    Provision(
        "6.13",
        "The stage 2 handler is not the person who handled the complaint at stage 1",
        lambda p: (
            None if p.stage2.handler_must_differ else "the profile lets the stage 1 handler take stage 2"
        ),
    ),
    Provision(
        "6.14",
        "Respond at stage 2 within 20 working days of the stage 2 acknowledgement",
        lambda p: _clock_within(p.stage2.respond, 20, Base.ACKNOWLEDGED),
    ),
    Provision(
        "6.15",
        "Extend a stage 2 response by no more than 20 working days without good reason",
        lambda p: _extension_within(p.stage2.extension, 20),
    ),
    Provision(
        "6.16",
        "Give the Housing Ombudsman's contact details when extending a stage 2 response",
        lambda p: None if p.stage2.extension.ombudsman_details_in_notice else "extension notices omit them",
    ),
)


def check_profile(profile: Profile) -> list[Shortfall]:
    """Every Code provision the profile falls short of, in the Code's order of checks."""
    shortfalls = []
    for provision in PROVISIONS:
        why = provision.check(profile)
        if why is not None:
            shortfalls.append(Shortfall(provision.number, provision.requirement, why))
    return shortfalls
