"""Turning what the caller sends (a landlord's slug, a case reference, an id or an email) into records,
always inside the landlord and as far as the caller may see. Anything not found, hidden or at another
landlord is the same NotFoundError, so guessing reveals nothing.

These are reads the cases and accounts apps do not offer yet (by slug, by reference); they belong in the
apps' selectors and access modules, and move there when those gain them.
"""

from __future__ import annotations

from django.db.models import QuerySet

from putright.accounts.models import User
from putright.cases.access import access_case_for_staff, visible_cases
from putright.cases.models import Case, IdempotentCreation
from putright.customers.models import Customer, Representative
from putright.domain.errors import NotFoundError
from putright.organisations.models import Landlord


def landlord_for(user: User, slug: str) -> Landlord:
    """The landlord with this slug, if the person holds any role there."""
    landlord = Landlord.objects.filter(slug=slug, memberships__user=user).first()
    if landlord is None:
        raise NotFoundError(f"no landlord {slug!r} among yours")
    return landlord


def case_for(user: User, landlord: Landlord, reference: str) -> Case:
    """The case with this reference at the landlord, through the access check (hidden cases are absent)."""
    case_id = Case.objects.filter(landlord=landlord, reference=reference).values_list("pk", flat=True).first()
    try:
        if case_id is None:
            raise NotFoundError(reference)
        return access_case_for_staff(user, landlord, case_id)
    except NotFoundError:
        raise NotFoundError(f"no case {reference} at {landlord.name}") from None


def case_id_for(user: User, landlord: Landlord, reference: str) -> int:
    return case_for(user, landlord, reference).pk


def cases_visible_at(landlord: Landlord, user: User) -> QuerySet[Case]:
    return visible_cases(user, landlord)


def customers_at(landlord: Landlord, user: User) -> QuerySet[Customer]:
    return Customer.objects.filter(landlord=landlord)


def representatives_at(landlord: Landlord, user: User) -> QuerySet[Representative]:
    return Representative.objects.filter(landlord=landlord)


def staff_at(landlord: Landlord, user: User) -> QuerySet[User]:
    """Active people holding any role at the landlord."""
    return User.objects.filter(memberships__landlord=landlord, is_active=True).distinct()


def was_created_before(landlord: Landlord, user: User, idempotency_key: str) -> bool:
    """Whether this client already made a case with this Idempotency-Key (so a repeat answers 200)."""
    return bool(idempotency_key) and (
        IdempotentCreation.objects.filter(landlord=landlord, client=user, key=idempotency_key).exists()
    )
