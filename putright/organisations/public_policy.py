"""The landlord's policy profile in plain words, for the public "how to complain" page.

The profile holds timescales as data; residents need sentences. The mapping from a rule to its sentence is
kept here, away from the page, so that both landlords' pages say what their own policy says and a change of
profile changes the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from putright.domain.periods import Period
from putright.domain.profiles import (
    Exclusion,
    ExtensionRules,
    LateEscalation,
    Profile,
    ReferralBody,
    StageRules,
    TimeLimitBase,
)

ADJUSTMENTS: tuple[str, ...] = (
    "Letters in large print or easy read",
    "A phone call instead of writing",
    "An interpreter in your language, or British Sign Language",
    "A named contact who deals with you throughout",
    "Times we should avoid contacting you",
    "Someone you trust to complain for you, with your permission",
)


@dataclass(frozen=True)
class StageText:
    number: int
    who: str
    acknowledge: str
    respond: str
    extension: tuple[str, ...]


@dataclass(frozen=True)
class NotAComplaint:
    what: str
    instead: str


@dataclass(frozen=True)
class Body:
    name: str
    when: str
    website: str
    phone: str
    email: str
    address: str


@dataclass(frozen=True)
class PublicPolicy:
    policy_title: str
    stages: tuple[StageText, StageText]
    escalation: tuple[str, ...]
    time_limit: str
    not_complaints: tuple[NotAComplaint, ...]
    ombudsman: Body
    other_bodies: tuple[Body, ...]
    adjustments: tuple[str, ...]


def _within(period: Period) -> str:
    return period.unit.phrase(period.amount)


def _respond(stage: StageRules) -> str:
    start = {
        "received": "receiving it",
        "escalation_requested": "receiving your request",
        "logged": "recording it",
        "acknowledged": "acknowledging it",
    }.get(stage.respond.base.value, stage.respond.base.phrase)
    return f"We will reply in full within {_within(stage.respond)} of {start}."


def _extension(rules: ExtensionRules) -> tuple[str, ...]:
    lines = ["If we need more time, we will tell you why and give you a new date."]
    if rules.good_reason_above == 0:
        lines.append("We only take longer for a good reason, which we will explain.")
    else:
        lines.append(
            f"We will not take more than {rules.good_reason_above} extra working days without a good reason."
        )
    if rules.usual_max is not None:
        lines.append(f"An extension is usually no more than {rules.usual_max} working days.")
    if rules.agreement_above is not None:
        lines.append(f"Anything beyond {rules.agreement_above} extra working days needs your agreement.")
    if rules.ombudsman_details_in_notice:
        lines.append("If you are unhappy with the extension, you can contact the Housing Ombudsman.")
    return tuple(lines)


def _stage(stage: StageRules) -> StageText:
    noun = "complaint" if stage.stage == 1 else "request for stage 2"
    return StageText(
        number=stage.stage,
        who=stage.handler,
        acknowledge=f"We will acknowledge your {noun} within {_within(stage.acknowledge)}.",
        respond=_respond(stage),
        extension=_extension(stage.extension),
    )


def _escalation(profile: Profile) -> tuple[str, ...]:
    rules = profile.escalation
    lines = []
    if rules.window is not None:
        line = f"If you are unhappy with our stage 1 reply, ask for stage 2 within {_within(rules.window)}"
        if rules.window_from_works is not None:
            line += f" of our reply, or {_within(rules.window_from_works)} of the agreed work being finished"
        else:
            line += " of our reply"
        lines.append(line + ".")
    else:
        lines.append("If you are unhappy with our stage 1 reply, you can ask for stage 2.")
    if not rules.reason_required:
        lines.append("You do not have to give a reason, but you can tell us why if you wish.")
    if rules.window is not None:
        if rules.late_request is LateEscalation.DECIDE:
            lines.append("If you ask later than that, we will still consider it and explain our decision.")
        else:
            lines.append("After that time we may not be able to take it to stage 2.")
    return tuple(lines)


def _time_limit(profile: Profile) -> str:
    limit = profile.time_limit
    start = (
        "the problem happened, or of when you found out about it"
        if limit.counts_from is TimeLimitBase.LATER_OF_ISSUE_AND_AWARENESS
        else "the problem happening"
    )
    text = f"Please complain within {limit.months} months of {start}."
    if limit.discretion:
        text += " If it is later, tell us anyway: we may still look into it and will explain our decision."
    if limit.not_relied_on_for:
        text += f" There is no time limit for {' or '.join(limit.not_relied_on_for)} matters."
    return text


def _not_complaint(exclusion: Exclusion) -> NotAComplaint:
    return NotAComplaint(exclusion.resident_label, exclusion.resident_instead)


def _body(body: ReferralBody) -> Body:
    when = "at any stage" if body.when == "always" else f"for {body.when.replace('-', ' ')} matters"
    return Body(body.name, when, body.website, body.phone, body.email, body.address)


def public_policy(profile: Profile) -> PublicPolicy:
    """What a resident needs to know of the policy in force, in plain words."""
    ombudsman = next(b for b in profile.referral_bodies if b.code == "housing-ombudsman")
    return PublicPolicy(
        policy_title=profile.title,
        stages=(_stage(profile.stage1), _stage(profile.stage2)),
        escalation=_escalation(profile),
        time_limit=_time_limit(profile),
        not_complaints=tuple(_not_complaint(e) for e in profile.exclusions),
        ombudsman=_body(ombudsman),
        other_bodies=tuple(_body(b) for b in profile.referral_bodies if b.code != "housing-ombudsman"),
        adjustments=ADJUSTMENTS,
    )
