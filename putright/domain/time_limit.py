"""Whether a complaint was made within the time limit, under the profile or the Code's floor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from putright.domain.calendar import add_months
from putright.domain.errors import ImpossibleDatesError
from putright.domain.profiles import CODE_FLOOR_FROM, Profile, TimeLimitBase

CODE_MONTHS = 12
OVER_TIME_LIMIT = "over-time-limit"
"""The exclusion code every profile gives a complaint made after its time limit: refusing with it needs the
time limit to say the complaint is outside it."""


@dataclass(frozen=True)
class TimeLimitDecision:
    within_limit: bool
    limit_date: date
    """The last day on which the complaint is within the limit."""
    counted_from: date
    applied_rule: str
    discretion: bool
    explanation: tuple[str, ...]
    warnings: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "within_limit": self.within_limit,
            "limit_date": self.limit_date.isoformat(),
            "counted_from": self.counted_from.isoformat(),
            "applied_rule": self.applied_rule,
            "discretion": self.discretion,
            "warnings": list(self.warnings),
            "explanation": list(self.explanation),
        }


def _limit(months: int, counts_from: TimeLimitBase, occurred: date, aware: date | None) -> tuple[date, date]:
    """The date the limit counts from, and its last day."""
    later = (
        counts_from is TimeLimitBase.LATER_OF_ISSUE_AND_AWARENESS and aware is not None and aware > occurred
    )
    start = aware if later and aware is not None else occurred
    return start, add_months(start, months)


def time_limit_decision(
    profile: Profile, *, received: date, occurred: date, aware: date | None = None
) -> TimeLimitDecision:
    """Decide the time limit for a complaint received on `received` about an issue on `occurred`.

    From 1 April 2024 the Code's floor applies whatever the profile says: 12 months from the later of the
    issue and the resident becoming aware of it (Code 2.3). Outside the limit is never an automatic
    refusal where the profile allows discretion: the decision says so.
    """
    if occurred > received:
        raise ImpossibleDatesError(
            f"the issue on {occurred} is after the complaint was received on {received}"
        )
    if aware is not None and aware < occurred:
        raise ImpossibleDatesError(f"became aware on {aware}, before the issue occurred on {occurred}")
    if aware is not None and aware > received:
        raise ImpossibleDatesError(f"became aware on {aware}, after the complaint was received on {received}")

    limit = profile.time_limit
    own = _limit(limit.months, limit.counts_from, occurred, aware)
    warnings: list[str] = []
    floor = received >= CODE_FLOOR_FROM and (
        limit.months < CODE_MONTHS or limit.counts_from is not TimeLimitBase.LATER_OF_ISSUE_AND_AWARENESS
    )
    if floor:
        months, counts_from = max(limit.months, CODE_MONTHS), TimeLimitBase.LATER_OF_ISSUE_AND_AWARENESS
        rule = (
            f"Code 2.3 floor: {CODE_MONTHS} months from the later of the issue and the resident becoming aware "
            f"(instead of {profile.name}'s {limit.months} months"
            f"{' from the issue' if limit.counts_from is TimeLimitBase.ISSUE else ''})"
        )
    else:
        months, counts_from = limit.months, limit.counts_from
        base = (
            "the issue"
            if counts_from is TimeLimitBase.ISSUE
            else "the later of the issue and the resident becoming aware"
        )
        rule = f"{profile.name}: {months} months from {base} ({limit.source})"
    start, limit_date = _limit(months, counts_from, occurred, aware)
    within = received <= limit_date
    if floor and (received <= own[1]) != within:
        warnings.append(
            f"Under {profile.name} alone this complaint would be outside its limit ({own[1]}); the Complaint "
            f"Handling Code 2024 floor (2.3) applies to complaints received from {CODE_FLOOR_FROM}, so it is within "
            f"the limit ({limit_date})."
        )
    start_phrase = (
        f"the resident became aware on {aware}, after the issue on {occurred}"
        if start != occurred
        else f"the issue occurred on {occurred}"
    )

    explanation = [f"Counted from {start}: {start_phrase}."]
    clamp = " (the month has no such day, so its last day)" if limit_date.day != start.day else ""
    explanation.append(
        f"{months} calendar months later is {limit_date}{clamp}, the last day within the limit."
    )
    if within:
        explanation.append(f"Received on {received}: within the limit.")
    else:
        explanation.append(f"Received on {received}: outside the limit.")
        if limit.discretion:
            explanation.append(
                "Not an automatic refusal: consider discretion to accept it (e.g. a long-standing or continuing "
                "problem), and record the decision and its reasons."
            )
        if limit.not_relied_on_for:
            explanation.append(
                f"{profile.name} does not rely on the time limit for {' or '.join(limit.not_relied_on_for)}."
            )
    return TimeLimitDecision(
        within, limit_date, start, rule, limit.discretion, tuple(explanation), tuple(warnings)
    )
