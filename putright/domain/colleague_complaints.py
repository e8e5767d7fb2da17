"""Complaints about colleagues: their own clocks where the policy sets them, and who may investigate one.

Great Places passes a complaint about a colleague to the colleague's line manager, who investigates and
responds within 10 working days; Brighter Places has an appropriate senior manager review it (6.i) on the
ordinary stage clocks; the Code sets no separate process. Whatever the policy, the colleague complained
about never investigates their own complaint.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from putright.domain.profiles import ColleagueHandler, Profile


def with_colleague_clocks(profile: Profile) -> Profile:
    """The profile with stage 1's acknowledge and respond clocks replaced by the colleague complaint clocks,
    where the policy sets them, so that stored deadlines and their explanations follow the policy's clause."""
    rules = profile.colleague_complaints
    if rules.acknowledge is None or rules.respond is None:
        return profile
    return replace(
        profile, stage1=replace(profile.stage1, acknowledge=rules.acknowledge, respond=rules.respond)
    )


@dataclass(frozen=True)
class Person:
    """Someone who might investigate: who they are and whether they are a senior leader at the landlord."""

    id: int
    name: str
    senior_leader: bool


def handler_refusal(
    profile: Profile, *, colleague: Person, line_manager: Person | None, handler: Person
) -> str | None:
    """Why `handler` may not investigate a complaint about `colleague`, or None if they may.

    `line_manager` is the colleague's line manager who can act (an active account working here), if any."""
    rules = profile.colleague_complaints
    why = f"{profile.name}: {rules.handler_source}"
    if handler.id == colleague.id:
        return f"{handler.name} is the colleague the complaint is about and may not investigate it ({why})"
    if rules.handler is ColleagueHandler.LINE_MANAGER and line_manager is not None:
        if handler.id != line_manager.id:
            return (
                f"a complaint about {colleague.name} is investigated by their line manager, "
                f"{line_manager.name}, not {handler.name} ({why})"
            )
        return None
    if rules.handler is ColleagueHandler.STAGE1_HANDLER or handler.senior_leader:
        return None
    if rules.handler is ColleagueHandler.LINE_MANAGER:
        return (
            f"{colleague.name} has no line manager who can act, so a senior leader investigates the complaint "
            f"about them, not {handler.name} ({why})"
        )
    return (
        f"a complaint about {colleague.name} is investigated by a senior manager, not {handler.name} ({why})"
    )
