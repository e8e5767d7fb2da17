"""Reads for landlord administration: the staff at a landlord with their roles, line managers and
two-factor status, people whose access was removed, and the audit trail. Every read takes the landlord."""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import AdministrationEvent, Membership, Role, User
from putright.domain.errors import NotFoundError
from putright.organisations.models import Landlord


def _with_roles_here(users: QuerySet[User], landlord: Landlord) -> QuerySet[User]:
    """Each person's memberships at `landlord` as `roles_here` (with their line manager), and
    `has_two_factor`."""
    return users.annotate(
        has_two_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
    ).prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(landlord=landlord)
            .select_related("line_manager")
            .order_by("role"),
            to_attr="roles_here",
        )
    )


def staff_at(landlord: Landlord) -> QuerySet[User]:
    """Everyone holding a role at the landlord, by name (two queries however many there are)."""
    people = User.objects.filter(Exists(Membership.objects.filter(user=OuterRef("pk"), landlord=landlord)))
    return _with_roles_here(people, landlord).order_by("first_name", "last_name", "email")


def former_staff_at(landlord: Landlord) -> QuerySet[User]:
    """People whose access to the landlord was removed (or who lost their last role) and hold none now."""
    touched = AdministrationEvent.objects.filter(landlord=landlord, person=OuterRef("pk"))
    here = Membership.objects.filter(user=OuterRef("pk"), landlord=landlord)
    return User.objects.filter(Exists(touched), ~Exists(here)).order_by("first_name", "last_name", "email")


def staff_member(landlord: Landlord, person_id: int) -> User:
    """A person who holds, or once held, a role at the landlord; NotFoundError for anyone else, so a guessed
    id reveals nothing about people at other landlords."""
    known = Exists(Membership.objects.filter(user=OuterRef("pk"), landlord=landlord)) | Exists(
        AdministrationEvent.objects.filter(landlord=landlord, person=OuterRef("pk"))
    )
    person = _with_roles_here(User.objects.filter(known, pk=person_id), landlord).first()
    if person is None:
        raise NotFoundError(f"no member of staff {person_id} at {landlord.name}")
    return person


def administration_events(
    landlord: Landlord, *, kinds: tuple[str, ...] = (), person: User | None = None
) -> QuerySet[AdministrationEvent]:
    """The landlord's audit trail, newest first, optionally of some kinds or about one person."""
    events = AdministrationEvent.objects.filter(landlord=landlord).select_related("actor", "person")
    if kinds:
        events = events.filter(kind__in=kinds)
    if person is not None:
        events = events.filter(person=person)
    return events


def line_managers_at(landlord: Landlord, people: list[User]) -> dict[int, User]:
    """Each of `people`'s line manager at the landlord, by person id (one query); those without one are
    left out."""
    memberships = (
        Membership.objects.filter(landlord=landlord, user__in=people, line_manager__isnull=False)
        .select_related("line_manager")
        .order_by("pk")
    )
    managers: dict[int, User] = {}
    for membership in memberships:
        assert membership.line_manager is not None
        managers.setdefault(membership.user_id, membership.line_manager)
    return managers


class ManagerCopy(NamedTuple):
    """Who a note about someone is copied to (their line manager) and, where nobody is, why not."""

    manager: User | None
    why_not: str


def line_manager_copies(landlord: Landlord, people: list[User]) -> dict[int, ManagerCopy]:
    """Each of `people`'s line manager who may be sent a copy of a note about them, by person id (two
    queries): a manager whose account is disabled, or who no longer holds a role here, would never read it
    and is left out, saying why."""
    managers = line_managers_at(landlord, people)
    still_here = set(
        Membership.objects.filter(landlord=landlord, user__in=managers.values())
        .exclude(role=Role.INTEGRATION)
        .values_list("user_id", flat=True)
    )
    copies: dict[int, ManagerCopy] = {}
    for person in people:
        manager = managers.get(person.pk)
        if manager is None:
            copies[person.pk] = ManagerCopy(None, "no line manager set")
        elif not manager.is_active:
            copies[person.pk] = ManagerCopy(
                None, f"no copy to the line manager {manager}: their account is disabled"
            )
        elif manager.pk not in still_here:
            copies[person.pk] = ManagerCopy(
                None, f"no copy to the line manager {manager}: they no longer have a role at {landlord.name}"
            )
        else:
            copies[person.pk] = ManagerCopy(manager, "")
    return copies


def possible_line_managers(landlord: Landlord, person: User) -> list[User]:
    """Who may be offered as the person's line manager: everyone else here who is active and a person
    (not only an integration); line_manager_set refuses a loop, naming it."""
    people = Membership.objects.filter(landlord=landlord).exclude(role=Role.INTEGRATION).values("user_id")
    return list(
        User.objects.filter(pk__in=people, is_active=True)
        .exclude(pk=person.pk)
        .order_by("first_name", "last_name", "email")
    )
