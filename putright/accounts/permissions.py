"""Who may do what: each action names the roles that may take it, at the landlord they hold them at."""

from __future__ import annotations

from collections.abc import Iterable

from putright.accounts.models import Membership, Role, User
from putright.domain.errors import NotPermittedError
from putright.organisations.models import Landlord

R = Role

ACTIONS: dict[str, frozenset[str]] = {
    "case.view": frozenset(
        {
            R.FEEDBACK_OFFICER,
            R.INVESTIGATING_MANAGER,
            R.SENIOR_LEADER,
            R.HOUSING_MANAGER,
            R.LINE_MANAGER,
            R.MEMBER_RESPONSIBLE,
            R.BOARD,
            R.ADMINISTRATOR,
            R.INTEGRATION,
        }
    ),
    "case.log": frozenset(
        {
            R.FEEDBACK_OFFICER,
            R.INVESTIGATING_MANAGER,
            R.SENIOR_LEADER,
            R.HOUSING_MANAGER,
            R.LINE_MANAGER,
            R.ADMINISTRATOR,
            R.INTEGRATION,
        }
    ),
    "stage1.handle": frozenset({R.FEEDBACK_OFFICER, R.INVESTIGATING_MANAGER, R.SENIOR_LEADER}),
    "stage2.assign": frozenset({R.FEEDBACK_OFFICER, R.SENIOR_LEADER}),
    "stage2.handle": frozenset({R.SENIOR_LEADER}),
    "case.decide": frozenset({R.FEEDBACK_OFFICER, R.SENIOR_LEADER}),
    "case.close": frozenset({R.FEEDBACK_OFFICER, R.INVESTIGATING_MANAGER, R.SENIOR_LEADER}),
    "case.feedback": frozenset(
        {R.FEEDBACK_OFFICER, R.INVESTIGATING_MANAGER, R.SENIOR_LEADER, R.LINE_MANAGER}
    ),
    "action.complete": frozenset(
        {R.FEEDBACK_OFFICER, R.INVESTIGATING_MANAGER, R.SENIOR_LEADER, R.HOUSING_MANAGER}
    ),
    "colleague_case.view": frozenset({R.FEEDBACK_OFFICER}),
    "customer.manage": frozenset({R.FEEDBACK_OFFICER, R.HOUSING_MANAGER, R.ADMINISTRATOR, R.INTEGRATION}),
    "restriction.manage": frozenset({R.HOUSING_MANAGER, R.SENIOR_LEADER}),
    "adjustment.manage": frozenset({R.FEEDBACK_OFFICER, R.HOUSING_MANAGER, R.INVESTIGATING_MANAGER}),
    "disability.view": frozenset({R.FEEDBACK_OFFICER, R.HOUSING_MANAGER}),
    "reports.view": frozenset(
        {R.FEEDBACK_OFFICER, R.SENIOR_LEADER, R.MEMBER_RESPONSIBLE, R.BOARD, R.ADMINISTRATOR}
    ),
    "landlord.administer": frozenset({R.ADMINISTRATOR}),
}


def roles_at(user: User, landlord: Landlord) -> set[str]:
    if not user.is_active:
        return set()
    return set(Membership.objects.filter(user=user, landlord=landlord).values_list("role", flat=True))


def can(user: User, landlord: Landlord, action: str, roles: Iterable[str] | None = None) -> bool:
    held = set(roles) if roles is not None else roles_at(user, landlord)
    return bool(held & ACTIONS[action])


def require(user: User, landlord: Landlord, action: str) -> None:
    """Raise NotPermittedError unless the user holds a role at `landlord` that allows `action`."""
    if not can(user, landlord, action):
        raise NotPermittedError(f"{user} may not {action.replace('.', ' ')} at {landlord.name}")


def landlords_for(user: User) -> list[Landlord]:
    """The landlords a person holds any role at."""
    return list(Landlord.objects.filter(memberships__user=user).distinct().order_by("name"))
