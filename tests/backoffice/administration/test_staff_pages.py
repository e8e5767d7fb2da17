"""Staff and roles pages: the list with roles and two-factor, adding a person, giving and taking away
roles, removing access and resetting two-factor, each with a clear message and errors in GOV.UK style."""

from __future__ import annotations

from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import AdministrationEvent, Role, User
from putright.accounts.permissions import roles_at

STAFF = "/landlords/brighter/admin/"


def person_url(person: User, action: str = "") -> str:
    return f"{STAFF}staff/{person.pk}/{action}"


def test_the_staff_list_shows_everyone_here_with_roles_and_two_factor(admin_client, brighter, great):
    TOTPDevice.objects.create(user=brighter.director, name="Authenticator app", confirmed=True)
    body = admin_client.get(STAFF).content.decode()
    assert "Staff and roles" in body and 'aria-current="page"' in body
    assert brighter.officer.email in body and great.officer.email not in body
    row = body[body.index(brighter.director.email) :][:600]
    assert "Senior leader or director (stage 2)" in row and 'govuk-tag--green">On' in row
    assert body.count('<tr class="govuk-table__row">') == 9  # header and 8 people (7 in Org, the admin)


def test_adding_a_person_emails_them_and_shows_their_page(
    admin_client, brighter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"{STAFF}staff/add/",
            {"first_name": "Priya", "last_name": "Shah", "email": "priya@brighter.test", "role": Role.BOARD},
            follow=True,
        )
    body = response.content.decode()
    person = User.objects.get(email="priya@brighter.test")
    assert response.redirect_chain[-1][0] == person_url(person)
    assert (
        "Priya Shah has been added as board member. We have emailed them a link to set their password."
        in body
    )
    assert "Added Priya Shah as board member" in body  # the history on their page
    assert mail.outbox[0].to == ["priya@brighter.test"] and "/password-reset/" in mail.outbox[0].body


def test_adding_a_person_with_errors_keeps_what_was_typed(admin_client):
    response = admin_client.post(
        f"{STAFF}staff/add/",
        {"first_name": "Priya", "last_name": "", "email": "priya-at-example", "role": ""},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<title>Error: Add a person" in body
    for message in ("Enter their last name", "Choose a role", "Enter an email address in the correct format"):
        assert message in body
    assert 'value="Priya"' in body and 'value="priya-at-example"' in body
    assert not User.objects.filter(first_name="Priya").exists()


def test_giving_and_taking_away_a_role(admin_client, brighter):
    officer = brighter.officer
    body = admin_client.post(
        person_url(officer, "roles/add/"), {"role": Role.HOUSING_MANAGER}, follow=True
    ).content.decode()
    assert f"{officer} now has the role housing manager" in body
    assert roles_at(officer, brighter.landlord) == {Role.FEEDBACK_OFFICER, Role.HOUSING_MANAGER}
    body = admin_client.post(
        person_url(officer, "roles/remove/"), {"role": Role.FEEDBACK_OFFICER}, follow=True
    ).content.decode()
    assert f"{officer} no longer has the role feedback officer" in body
    assert roles_at(officer, brighter.landlord) == {Role.HOUSING_MANAGER}


def test_giving_no_role_is_an_error_on_the_persons_page(admin_client, brighter):
    body = admin_client.post(person_url(brighter.officer, "roles/add/"), {"role": ""}).content.decode()
    assert "Choose a role" in body and 'href="#id_role"' in body and "<title>Error: " in body


def test_the_last_administrator_is_told_why_they_cannot_remove_their_own_role(admin_client, admin, brighter):
    response = admin_client.post(person_url(admin, "roles/remove/"), {"role": Role.ADMINISTRATOR})
    body = response.content.decode()
    assert response.status_code == 200
    assert "is the only administrator at Brighter Places: make someone else an administrator first" in body
    assert 'href="#roles-heading"' in body
    assert roles_at(admin, brighter.landlord) == {Role.ADMINISTRATOR}


def test_removing_access_asks_first_then_lists_them_as_former_staff(admin_client, brighter):
    manager = brighter.manager
    confirm = admin_client.get(person_url(manager, "remove-access/")).content.decode()
    assert f"Remove {manager}'s access to Brighter Places?" in confirm and "Investigating manager" in confirm
    assert roles_at(manager, brighter.landlord) == {Role.INVESTIGATING_MANAGER}
    response = admin_client.post(person_url(manager, "remove-access/"), follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == STAFF
    assert f"{manager} can no longer reach anything at Brighter Places" in body
    assert "People whose access was removed" in body
    assert roles_at(manager, brighter.landlord) == set()
    page = admin_client.get(person_url(manager)).content.decode()
    assert "None: their access was removed" in page and "Removed" in page
    assert admin_client.get(person_url(manager, "remove-access/")).status_code == 404


def test_resetting_two_factor_asks_first_and_says_what_happens_next(admin_client, brighter):
    director = brighter.director
    assert admin_client.get(person_url(director, "reset-two-factor/")).status_code == 404  # nothing to reset
    TOTPDevice.objects.create(user=director, name="Authenticator app", confirmed=True)
    page = admin_client.get(person_url(director)).content.decode()
    assert person_url(director, "reset-two-factor/") in page
    confirm = admin_client.get(person_url(director, "reset-two-factor/"))
    assert confirm.status_code == 200 and TOTPDevice.objects.filter(user=director).exists()  # asked, not done
    body = admin_client.post(person_url(director, "reset-two-factor/"), follow=True).content.decode()
    assert "two-factor authentication has been reset. They can set up an authenticator app again" in body
    assert not TOTPDevice.objects.filter(user=director).exists()
    assert AdministrationEvent.objects.filter(kind="second_factor.reset", person=director).exists()


def test_an_administrator_does_not_get_a_reset_link_for_themselves(admin_client, admin):
    page = admin_client.get(person_url(admin)).content.decode()
    assert "reset-two-factor" not in page


def test_someone_who_has_not_set_a_password_can_be_sent_a_new_link(
    admin_client, brighter, django_capture_on_commit_callbacks
):
    admin_client.post(
        f"{STAFF}staff/add/",
        {"first_name": "Priya", "last_name": "Shah", "email": "priya@brighter.test", "role": Role.BOARD},
    )
    person = User.objects.get(email="priya@brighter.test")
    assert "Password not set yet" in admin_client.get(STAFF).content.decode()
    page = admin_client.get(person_url(person)).content.decode()
    assert "Send the set-password email again" in page
    with django_capture_on_commit_callbacks(execute=True):
        body = admin_client.post(person_url(person, "resend-invitation/"), follow=True).content.decode()
    assert "We have emailed Priya Shah a new link to set their password" in body
    assert mail.outbox[-1].subject == "Set your password for PutRight at Brighter Places"
    refused = admin_client.post(person_url(brighter.officer, "resend-invitation/")).content.decode()
    assert "has already set a password" in refused and "govuk-error-summary" in refused
