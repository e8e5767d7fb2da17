"""Line managers, set by administrators: someone else who works for the same landlord, never a loop;
kept on every role the person holds; audited; and nobody is left managed by someone who has gone."""

from __future__ import annotations

import pytest

from putright.accounts import services
from putright.accounts.models import AdministrationEvent, Membership, Role, User
from putright.accounts.selectors import line_managers_at
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from tests.factories import make_staff


@pytest.fixture
def admin(brighter):
    return make_staff(brighter.landlord, "admin@brighter.test", Role.ADMINISTRATOR)


def set_manager(org, actor, person, manager):
    services.line_manager_set(landlord=org.landlord, actor=actor, person=person, line_manager=manager)


def manager_of(org, person):
    return line_managers_at(org.landlord, [person]).get(person.pk)


def test_a_line_manager_is_set_on_every_role_the_person_holds_and_audited(brighter, admin):
    set_manager(brighter, admin, brighter.director2, brighter.director)
    held = Membership.objects.filter(user=brighter.director2, landlord=brighter.landlord)
    assert held.count() == 2 and {m.line_manager for m in held} == {brighter.director}
    event = AdministrationEvent.objects.get()
    assert (event.kind, event.actor, event.person) == ("line_manager.set", admin, brighter.director2)
    assert event.before == {"line_manager": None, "name": ""}
    assert event.after == {"line_manager": brighter.director.pk, "name": str(brighter.director)}
    assert event.summary == f"Made {brighter.director} {brighter.director2}'s line manager"


def test_a_line_manager_is_changed_and_cleared_with_before_and_after(brighter, admin):
    set_manager(brighter, admin, brighter.colleague, brighter.director)
    assert manager_of(brighter, brighter.colleague) == brighter.director
    changed = AdministrationEvent.objects.get()
    assert changed.before["line_manager"] == brighter.manager.pk
    assert changed.summary == (
        f"Changed {brighter.colleague}'s line manager from {brighter.manager} to {brighter.director}"
    )
    set_manager(brighter, admin, brighter.colleague, None)
    assert manager_of(brighter, brighter.colleague) is None
    cleared = AdministrationEvent.objects.filter(kind="line_manager.cleared").get()
    assert cleared.before["line_manager"] == brighter.director.pk and cleared.after["line_manager"] is None


def test_line_manager_must_work_for_the_same_landlord(brighter, great, admin):
    with pytest.raises(InvalidInputError, match="Choose someone who works for Brighter") as refused:
        set_manager(brighter, admin, brighter.officer, great.manager)
    assert refused.value.field == "line_manager"
    assert manager_of(brighter, brighter.officer) is None and not AdministrationEvent.objects.exists()


def test_line_manager_is_not_someone_whose_account_is_disabled(brighter, admin):
    User.objects.filter(pk=brighter.manager.pk).update(is_active=False)
    brighter.manager.refresh_from_db()
    with pytest.raises(InvalidInputError, match="Choose someone who works for"):
        set_manager(brighter, admin, brighter.officer, brighter.manager)


def test_line_manager_is_a_person_not_an_integration(brighter, admin):
    system = make_staff(brighter.landlord, "housing-system@brighter.test", Role.INTEGRATION)
    with pytest.raises(InvalidInputError, match=r"Choose a person: .* is another system"):
        set_manager(brighter, admin, brighter.officer, system)


def test_line_manager_is_not_the_person_themselves(brighter, admin):
    with pytest.raises(InvalidInputError, match="nobody can be their own line manager"):
        set_manager(brighter, admin, brighter.officer, brighter.officer)


def test_line_managers_make_no_cycles_directly_or_through_others(brighter, admin):
    set_manager(brighter, admin, brighter.officer, brighter.director)  # the officer reports to the director
    set_manager(brighter, admin, brighter.director, brighter.director2)  # who reports to director2
    for person in (brighter.director, brighter.director2):
        with pytest.raises(
            InvalidInputError, match="A line manager cannot be someone they manage"
        ) as refused:
            set_manager(brighter, admin, person, brighter.officer)
        assert refused.value.field == "line_manager"
    assert manager_of(brighter, brighter.director2) is None
    assert AdministrationEvent.objects.count() == 2


def test_setting_the_same_line_manager_again_or_clearing_none_changes_nothing(brighter, admin):
    with pytest.raises(InvalidInputError, match=r"Nothing changed: .* is already .* line manager"):
        set_manager(brighter, admin, brighter.colleague, brighter.manager)
    with pytest.raises(InvalidInputError, match=r"Nothing changed: .* has no line manager to clear"):
        set_manager(brighter, admin, brighter.officer, None)
    assert not AdministrationEvent.objects.exists()


def test_only_administrators_of_the_landlord_set_line_managers(brighter, great, admin):
    other_admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    for actor in (brighter.officer, brighter.manager, other_admin):
        with pytest.raises(NotPermittedError):
            set_manager(brighter, actor, brighter.officer, brighter.director)
    with pytest.raises(NotFoundError):
        set_manager(brighter, admin, great.officer, brighter.director)
    assert manager_of(brighter, brighter.officer) is None


def test_a_new_role_keeps_the_line_manager_the_person_already_has(brighter, admin):
    services.membership_grant(
        landlord=brighter.landlord, actor=admin, person=brighter.colleague, role=Role.BOARD
    )
    held = Membership.objects.filter(user=brighter.colleague, landlord=brighter.landlord)
    assert {m.line_manager for m in held} == {brighter.manager}


def test_nobody_is_managed_by_someone_whose_access_was_removed(brighter, admin):
    services.staff_access_remove(landlord=brighter.landlord, actor=admin, person=brighter.manager)
    assert manager_of(brighter, brighter.colleague) is None
    event = AdministrationEvent.objects.get(kind="line_manager.cleared")
    assert event.person == brighter.colleague and str(brighter.manager) in event.summary


def test_nobody_is_managed_by_someone_who_lost_their_last_role(brighter, admin):
    services.membership_revoke(
        landlord=brighter.landlord, actor=admin, person=brighter.manager, role=Role.INVESTIGATING_MANAGER
    )
    assert manager_of(brighter, brighter.colleague) is None
    assert AdministrationEvent.objects.filter(kind="line_manager.cleared", person=brighter.colleague).exists()


def test_someone_who_keeps_a_role_keeps_managing_their_people(brighter, admin):
    set_manager(brighter, admin, brighter.officer, brighter.director2)
    services.membership_revoke(
        landlord=brighter.landlord, actor=admin, person=brighter.director2, role=Role.SENIOR_LEADER
    )
    assert manager_of(brighter, brighter.officer) == brighter.director2
    assert not AdministrationEvent.objects.filter(kind="line_manager.cleared").exists()
