"""Who may reach which case: every lookup is by landlord first, then by role and the case's sensitivity."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Exists, Q, QuerySet

from putright.accounts.models import Membership, User
from putright.accounts.permissions import ACTIONS, can, roles_at
from putright.cases.models import Case
from putright.domain.errors import NotFoundError, NotPermittedError
from putright.organisations.models import Landlord

Row = TypeVar("Row")


def visible_cases(user: User, landlord: Landlord) -> QuerySet[Case]:
    """The landlord's cases this person may see. Complaints about colleagues are visible only to the
    feedback team and the senior manager handling them (Data Protection Act 2018)."""
    return visible_among(Case.objects.all(), user, landlord)


def visible_among(cases: QuerySet[Case, Row], user: User, landlord: Landlord) -> QuerySet[Case, Row]:
    """`visible_cases`'s filters applied to a queryset of cases already set up (the worklist's columns and
    order, built once), so that its rows are exactly the visible cases'."""
    roles = roles_at(user, landlord)
    if not can(user, landlord, "case.view", roles):
        return cases.none()
    cases = cases.filter(landlord=landlord)
    if not can(user, landlord, "colleague_case.view", roles):
        cases = cases.filter(Q(about_colleague=False) | Q(handler=user))
    return cases


def visible_in_query(user_id: int, landlord_id: int) -> Q:
    """`visible_cases`' rule as one condition on the landlord's cases, the person's roles read inside the
    query (EXISTS on their memberships) instead of by a query of their own first: for SQL compiled once and
    run for anyone (the worklist's first page). The caller checks that the person is active, as roles_at does."""

    def holds(action: str) -> Exists:
        roles = sorted(ACTIONS[action])
        return Exists(Membership.objects.filter(user_id=user_id, landlord_id=landlord_id, role__in=roles))

    colleague_rule = Q(about_colleague=False) | Q(handler_id=user_id) | Q(holds("colleague_case.view"))
    return Q(holds("case.view"), colleague_rule, landlord_id=landlord_id)


def access_case_for_staff(user: User, landlord: Landlord, case_id: int) -> Case:
    """The case, if this person may see it; the same NotFound whether it is hidden or absent, so that
    guessing an identifier reveals nothing."""
    if not can(user, landlord, "case.view"):
        raise NotPermittedError(f"{user} may not view cases at {landlord.name}")
    case = visible_cases(user, landlord).filter(pk=case_id).first()
    if case is None:
        raise NotFoundError(f"no case {case_id} at {landlord.name}")
    return case


def access_case_by_reference(user: User, landlord: Landlord, reference: str) -> Case:
    """The case with this reference at the landlord, through the same check as `access_case_for_staff`."""
    case_id = Case.objects.filter(landlord=landlord, reference=reference).values_list("pk", flat=True).first()
    try:
        if case_id is None:
            raise NotFoundError(reference)
        return access_case_for_staff(user, landlord, case_id)
    except NotFoundError:
        raise NotFoundError(f"no case {reference} at {landlord.name}") from None


def may_see(user: User, case: Case) -> bool:
    """Whether this person may see this case (the sensitivity rule of `visible_cases`, for one loaded case)."""
    if not case.about_colleague:
        return True
    return case.handler_id == user.pk or can(user, case.landlord, "colleague_case.view")
