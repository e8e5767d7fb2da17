"""Whether an issue raised during an open complaint joins it or is logged as a new complaint (Code 6.8;
Brighter Places 7.iii.a; Great Places, Stage One complaints)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from putright.domain.profiles import Profile


class Route(Enum):
    INCORPORATE = "incorporate"
    NEW_COMPLAINT = "new_complaint"


@dataclass(frozen=True)
class IssueRouting:
    route: Route
    reason: str


def route_additional_issue(
    profile: Profile,
    *,
    stage: int,
    response_issued: bool,
    related: bool,
    would_unreasonably_delay: bool,
    at_escalation: bool = False,
) -> IssueRouting:
    """Incorporate the issue only if it is related, the stage's response is not yet issued and it would not
    unreasonably delay the response; Brighter Places also logs issues raised at stage 2 or at escalation as
    a new complaint."""
    source = profile.additional_issues.source
    if (at_escalation or stage == 2) and not profile.additional_issues.incorporate_at_stage2:
        when = "at the point of escalation" if at_escalation else "during stage 2"
        return IssueRouting(
            Route.NEW_COMPLAINT, f"issues raised {when} are logged as a new complaint ({source})"
        )
    if response_issued:
        return IssueRouting(
            Route.NEW_COMPLAINT, f"the stage {stage} response has already been issued ({source})"
        )
    if not related:
        return IssueRouting(Route.NEW_COMPLAINT, f"the issue is not related to the complaint ({source})")
    if would_unreasonably_delay:
        return IssueRouting(
            Route.NEW_COMPLAINT, f"including it would unreasonably delay the response ({source})"
        )
    return IssueRouting(
        Route.INCORPORATE, f"related, and the stage {stage} response is not yet issued ({source})"
    )
