"""Turning what the caller sends (a landlord's slug, a case reference, an id, an email or a kind of letter)
into records, always inside the landlord and as far as the caller may see. Anything not found, hidden or
at another landlord is the same NotFoundError, so guessing reveals nothing.

The reads themselves live in the apps (organisations.selectors, cases.access, letters.selectors); these name
them for the API.
"""

from __future__ import annotations

from django.db.models import QuerySet

from putright.accounts.models import User
from putright.cases.access import access_case_by_reference, visible_cases
from putright.cases.models import Case, IdempotentCreation
from putright.customers.models import Customer, Representative
from putright.domain.errors import NotFoundError
from putright.domain.letters import LetterKind
from putright.letters import selectors as letter_selectors
from putright.letters.models import Delivery, Letter
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user


def landlord_for(user: User, slug: str) -> Landlord:
    return landlord_for_user(user, slug)


def case_for(user: User, landlord: Landlord, reference: str) -> Case:
    return access_case_by_reference(user, landlord, reference)


def case_id_for(user: User, landlord: Landlord, reference: str) -> int:
    return case_for(user, landlord, reference).pk


def cases_visible_at(landlord: Landlord, user: User) -> QuerySet[Case]:
    return visible_cases(user, landlord)


def letter_for(user: User, landlord: Landlord, letter_id: int) -> Letter:
    return letter_selectors.letter_for_staff(user, landlord, letter_id)


def delivery_for(user: User, landlord: Landlord, delivery_id: int) -> Delivery:
    return letter_selectors.delivery_for_staff(user, landlord, delivery_id)


def letter_kind(value: str) -> LetterKind:
    """A kind of letter named in a path, e.g. stage1_acknowledgement."""
    try:
        return LetterKind(value)
    except ValueError:
        raise NotFoundError(f"no kind of letter {value!r}") from None


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
