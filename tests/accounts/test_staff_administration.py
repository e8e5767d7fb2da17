"""Staff administration services: inviting, granting and revoking roles, removing access and resetting
two-factor. Administrators only, audited, people never deleted, and never a landlord without an
administrator."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts import selectors, services
from putright.accounts.models import AdministrationEvent, Membership, Role, User
from putright.accounts.permissions import roles_at
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from tests.factories import make_staff

SITE = "https://putright.example"


@pytest.fixture
def admin(brighter):
    return make_staff(brighter.landlord, "admin@brighter.test", Role.ADMINISTRATOR)


def invite(org, actor, email="sam@brighter.test", role=Role.FEEDBACK_OFFICER, **extra):
    return services.staff_invite(
        landlord=org.landlord,
        actor=actor,
        email=email,
        first_name=extra.get("first_name", "Sam"),
        last_name=extra.get("last_name", "Okafor"),
        role=role,
        site_url=SITE,
    )


def test_inviting_a_new_person_creates_them_without_a_password_and_emails_a_working_link(
    brighter, admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person = invite(brighter, admin, email="  Sam@Brighter.TEST ")
    assert person.email == "sam@brighter.test" and person.get_full_name() == "Sam Okafor"
    assert not person.has_usable_password()
    assert roles_at(person, brighter.landlord) == {Role.FEEDBACK_OFFICER}
    event = AdministrationEvent.objects.get()
    assert (event.kind, event.actor, event.person) == ("staff.invited", admin, person)

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sam@brighter.test"]
    link = re.search(rf"{SITE}(/password-reset/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    client = Client()
    page = client.get(link.group(1), follow=True)
    assert page.status_code == 200
    done = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "a long new password 42", "new_password2": "a long new password 42"},
    )
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.check_password("a long new password 42")


def test_inviting_someone_who_already_has_an_account_gives_them_the_role_and_keeps_their_password(
    brighter, great, admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person = invite(brighter, admin, email=great.officer.email, role=Role.BOARD)
    assert person == great.officer and person.check_password("correct horse battery")
    assert roles_at(person, brighter.landlord) == {Role.BOARD}
    assert "password-reset" not in mail.outbox[0].body and "Sign in with your existing" in mail.outbox[0].body
    with pytest.raises(InvalidInputError, match="already a board member") as refused:
        invite(brighter, admin, email=great.officer.email, role=Role.BOARD)
    assert refused.value.field == "email"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"first_name": " "}, "first_name"),
        ({"last_name": ""}, "last_name"),
        ({"role": "owner"}, "role"),
    ],
)
def test_an_invitation_with_bad_input_is_refused_naming_the_field(brighter, admin, changes, field):
    with pytest.raises(InvalidInputError) as refused:
        invite(brighter, admin, **changes)
    assert refused.value.field == field
    assert not User.objects.filter(email="sam@brighter.test").exists()
    assert not AdministrationEvent.objects.exists()


def test_only_administrators_of_the_landlord_may_do_any_of_it(brighter, great):
    other_admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    for actor in (brighter.officer, brighter.director, other_admin):
        with pytest.raises(NotPermittedError):
            invite(brighter, actor)
        with pytest.raises(NotPermittedError):
            services.membership_grant(
                landlord=brighter.landlord, actor=actor, person=brighter.officer, role=Role.BOARD
            )
        with pytest.raises(NotPermittedError):
            services.membership_revoke(
                landlord=brighter.landlord, actor=actor, person=brighter.officer, role=Role.FEEDBACK_OFFICER
            )
        with pytest.raises(NotPermittedError):
            services.staff_access_remove(landlord=brighter.landlord, actor=actor, person=brighter.officer)
        with pytest.raises(NotPermittedError):
            services.second_factor_reset(landlord=brighter.landlord, actor=actor, person=brighter.officer)
    assert roles_at(brighter.officer, brighter.landlord) == {Role.FEEDBACK_OFFICER}


def test_granting_and_revoking_roles_is_audited_with_the_before_and_after(brighter, admin):
    officer = brighter.officer
    services.membership_grant(
        landlord=brighter.landlord, actor=admin, person=officer, role=Role.SENIOR_LEADER
    )
    assert roles_at(officer, brighter.landlord) == {Role.FEEDBACK_OFFICER, Role.SENIOR_LEADER}
    with pytest.raises(InvalidInputError, match="already"):
        services.membership_grant(
            landlord=brighter.landlord, actor=admin, person=officer, role=Role.SENIOR_LEADER
        )
    services.membership_revoke(
        landlord=brighter.landlord, actor=admin, person=officer, role=Role.FEEDBACK_OFFICER
    )
    assert roles_at(officer, brighter.landlord) == {Role.SENIOR_LEADER}
    with pytest.raises(InvalidInputError, match="is not a feedback officer"):
        services.membership_revoke(
            landlord=brighter.landlord, actor=admin, person=officer, role=Role.FEEDBACK_OFFICER
        )
    kinds = [e.kind for e in selectors.administration_events(brighter.landlord, person=officer)]
    assert kinds == ["role.revoked", "role.granted"]
    revoked = AdministrationEvent.objects.get(kind="role.revoked")
    assert revoked.before["role"] == Role.FEEDBACK_OFFICER and revoked.before["since"]


def test_the_last_administrator_cannot_remove_their_own_administrator_role_or_access(brighter, admin):
    with pytest.raises(InvalidInputError, match="only administrator"):
        services.membership_revoke(
            landlord=brighter.landlord, actor=admin, person=admin, role=Role.ADMINISTRATOR
        )
    with pytest.raises(InvalidInputError, match="only administrator"):
        services.staff_access_remove(landlord=brighter.landlord, actor=admin, person=admin)
    assert roles_at(admin, brighter.landlord) == {Role.ADMINISTRATOR}

    # once someone else administers, they may step down
    deputy = make_staff(brighter.landlord, "deputy@brighter.test", Role.ADMINISTRATOR)
    services.membership_revoke(landlord=brighter.landlord, actor=admin, person=admin, role=Role.ADMINISTRATOR)
    assert roles_at(admin, brighter.landlord) == set()
    with pytest.raises(InvalidInputError, match="only administrator"):
        services.membership_revoke(
            landlord=brighter.landlord, actor=deputy, person=deputy, role=Role.ADMINISTRATOR
        )


def test_an_administrator_at_another_landlord_does_not_count(brighter, great, admin):
    admin_elsewhere = make_staff(great.landlord, admin.email, Role.ADMINISTRATOR)
    assert admin_elsewhere == admin
    make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    with pytest.raises(InvalidInputError, match="only administrator"):
        services.membership_revoke(
            landlord=brighter.landlord, actor=admin, person=admin, role=Role.ADMINISTRATOR
        )


def test_removing_access_takes_every_role_here_keeps_the_person_and_their_other_landlords(
    brighter, great, admin
):
    person = brighter.director2
    make_staff(great.landlord, person.email, Role.BOARD)
    removed = services.staff_access_remove(landlord=brighter.landlord, actor=admin, person=person)
    assert removed == 2
    person.refresh_from_db()
    assert person.is_active and roles_at(person, brighter.landlord) == set()
    assert roles_at(person, great.landlord) == {Role.BOARD}
    event = AdministrationEvent.objects.get(kind="access.removed")
    assert sorted(r["role"] for r in event.before["roles"]) == [
        Role.INVESTIGATING_MANAGER,
        Role.SENIOR_LEADER,
    ]
    assert list(selectors.former_staff_at(brighter.landlord)) == [person]
    assert person not in selectors.staff_at(brighter.landlord)
    assert selectors.staff_member(brighter.landlord, person.pk) == person  # the history stays reachable
    with pytest.raises(NotFoundError):
        services.staff_access_remove(landlord=brighter.landlord, actor=admin, person=person)


def test_resetting_two_factor_removes_the_app_and_the_administrator_must_set_one_up_again(brighter, admin):
    from putright.accounts.second_factor import SecondFactor, second_factor

    deputy = make_staff(brighter.landlord, "deputy@brighter.test", Role.ADMINISTRATOR)
    TOTPDevice.objects.create(user=deputy, name="Authenticator app", confirmed=True)
    assert second_factor(deputy) is SecondFactor.ENTER_CODE
    services.second_factor_reset(landlord=brighter.landlord, actor=admin, person=deputy)
    assert not TOTPDevice.objects.filter(user=deputy).exists()
    assert second_factor(deputy) is SecondFactor.SET_UP
    assert AdministrationEvent.objects.get(kind="second_factor.reset").person == deputy
    with pytest.raises(InvalidInputError, match="has not set up"):
        services.second_factor_reset(landlord=brighter.landlord, actor=admin, person=deputy)


def test_two_factor_reset_refuses_oneself_and_people_of_other_landlords(brighter, great, admin):
    TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    with pytest.raises(InvalidInputError, match="your account page"):
        services.second_factor_reset(landlord=brighter.landlord, actor=admin, person=admin)
    TOTPDevice.objects.create(user=great.officer, name="Authenticator app", confirmed=True)
    with pytest.raises(NotFoundError):
        services.second_factor_reset(landlord=brighter.landlord, actor=admin, person=great.officer)
    assert TOTPDevice.objects.filter(user=great.officer).exists()


def test_staff_member_never_reaches_someone_of_another_landlord(brighter, great):
    with pytest.raises(NotFoundError):
        selectors.staff_member(brighter.landlord, great.officer.pk)


def test_staff_at_lists_roles_here_and_two_factor_in_two_queries(brighter, great, django_assert_num_queries):
    make_staff(great.landlord, brighter.officer.email, Role.BOARD)
    TOTPDevice.objects.create(user=brighter.officer, name="Authenticator app", confirmed=True)
    with django_assert_num_queries(2):
        staff = {
            p.email: ([m.role for m in p.roles_here], p.has_two_factor)
            for p in selectors.staff_at(brighter.landlord)
        }
    assert staff[brighter.officer.email] == ([Role.FEEDBACK_OFFICER], True)
    assert staff[brighter.director2.email] == ([Role.INVESTIGATING_MANAGER, Role.SENIOR_LEADER], False)
    assert great.manager.email not in staff


def test_audit_records_are_never_changed_or_deleted(brighter, admin):
    services.membership_grant(
        landlord=brighter.landlord, actor=admin, person=brighter.officer, role=Role.BOARD
    )
    event = AdministrationEvent.objects.get()
    event.summary = "nothing happened"
    with pytest.raises(ValueError, match="never changed"):
        event.save()
    with pytest.raises(ValueError, match="never deleted"):
        event.delete()
    assert Membership.objects.filter(user=brighter.officer, role=Role.BOARD).exists()


def test_a_new_set_password_link_for_someone_who_has_not_set_one(
    brighter, admin, django_capture_on_commit_callbacks
):
    person = invite(brighter, admin)
    with django_capture_on_commit_callbacks(execute=True):
        services.staff_invitation_resend(
            landlord=brighter.landlord, actor=admin, person=person, site_url=SITE
        )
    assert mail.outbox[-1].to == [person.email] and f"{SITE}/password-reset/" in mail.outbox[-1].body
    assert AdministrationEvent.objects.filter(kind="staff.invitation_resent", person=person).exists()
    with pytest.raises(InvalidInputError, match="already set a password"):
        services.staff_invitation_resend(
            landlord=brighter.landlord, actor=admin, person=brighter.officer, site_url=SITE
        )


def test_a_new_link_is_only_for_people_here_and_only_from_an_administrator(brighter, great, admin):
    stranger = User.objects.create_user("stranger@great.test", None)
    make_staff(great.landlord, stranger.email, Role.BOARD)
    with pytest.raises(NotFoundError):
        services.staff_invitation_resend(
            landlord=brighter.landlord, actor=admin, person=stranger, site_url=SITE
        )
    person = invite(brighter, admin)
    with pytest.raises(NotPermittedError):
        services.staff_invitation_resend(
            landlord=brighter.landlord, actor=brighter.officer, person=person, site_url=SITE
        )
