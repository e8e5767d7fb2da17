"""Who may do what: each action names the roles that may take it, at the landlord they hold them at."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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
    "surveys.import": frozenset({R.FEEDBACK_OFFICER, R.ADMINISTRATOR}),
    "landlord.administer": frozenset({R.ADMINISTRATOR}),
    # The Code self-assessment and the annual report: the complaints team and administrators prepare them,
    # the Member Responsible for Complaints and the Board read them and record approval and response.
    "governance.view": frozenset(
        {R.FEEDBACK_OFFICER, R.SENIOR_LEADER, R.MEMBER_RESPONSIBLE, R.BOARD, R.ADMINISTRATOR}
    ),
    "governance.edit": frozenset({R.FEEDBACK_OFFICER, R.ADMINISTRATOR}),
    "governance.approve": frozenset({R.MEMBER_RESPONSIBLE, R.BOARD}),
}


_remembered: ContextVar[dict[tuple[int, int], frozenset[str]] | None] = ContextVar(
    "putright_remembered_roles", default=None
)


@contextmanager
def roles_remembered() -> Iterator[None]:
    """Within the block (one API request), each person's roles at a landlord are read once: a request that
    checks them several times (the landlord, the service's permission, the visible cases) asks the database
    once. Nothing is remembered outside the block, so a change of role counts from the next request on."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def remember_roles(user: User, landlord: Landlord, roles: Iterable[str]) -> None:
    """Roles already read with something else (e.g. the landlord), for roles_at within roles_remembered()."""
    memo = _remembered.get()
    if memo is not None:
        memo[(user.pk, landlord.pk)] = frozenset(roles)


def roles_at(user: User, landlord: Landlord) -> set[str]:
    if not user.is_active:
        return set()
    memo = _remembered.get()
    key = (user.pk, landlord.pk)
    if memo is not None and key in memo:
        return set(memo[key])
    roles = set(Membership.objects.filter(user=user, landlord=landlord).values_list("role", flat=True))
    if memo is not None:
        memo[key] = frozenset(roles)
    return roles


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
