"""Only administrators of this landlord reach its administration pages: other staff of the landlord get
403, staff of other landlords 404 (as for a landlord that does not exist), and nobody gets in without
signing in, or (an administrator) without their second factor."""

from __future__ import annotations

import pytest
from django.test import Client

from putright.accounts.models import Role
from tests.backoffice.administration.conftest import verified
from tests.factories import make_staff

PAGES = [
    "",
    "staff/add/",
    "staff/{person}/",
    "staff/{person}/remove-access/",
    "staff/{person}/line-manager/",
    "policy/",
    "closure-days/",
    "homes/",
    "letters/",
    "letters/stage1_acknowledgement/",
    "branding/",
    "audit/",
]
POSTS = [
    "staff/add/",
    "staff/{person}/roles/add/",
    "staff/{person}/roles/remove/",
    "staff/{person}/remove-access/",
    "staff/{person}/line-manager/",
    "staff/{person}/reset-two-factor/",
    "staff/{person}/resend-invitation/",
    "policy/",
    "closure-days/",
    "homes/",
    "letters/stage1_acknowledgement/",
    "branding/",
    "branding/logo/",
]


def url(slug: str, page: str, person: int) -> str:
    return f"/landlords/{slug}/admin/" + page.format(person=person)


@pytest.mark.parametrize("page", PAGES)
def test_an_administrator_of_the_landlord_reaches_every_page(admin_client, brighter, page):
    response = admin_client.get(url("brighter", page, brighter.officer.pk))
    assert response.status_code == 200
    assert 'class="moj-sub-navigation"' in response.content.decode()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.ADMINISTRATOR])
def test_staff_of_the_landlord_in_any_other_role_are_forbidden(client, brighter, page, role):
    person = make_staff(brighter.landlord, f"{role}.tester@brighter.test", role)
    response = verified(client, person).get(url("brighter", page, brighter.officer.pk))
    assert response.status_code == 403


@pytest.mark.parametrize("page", PAGES + POSTS)
def test_an_administrator_of_another_landlord_gets_404(client, brighter, great, page):
    other_admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    as_other = verified(client, other_admin)
    target = url("brighter", page, brighter.officer.pk)
    assert as_other.get(target).status_code in (404, 405)
    assert as_other.post(target, {"role": Role.BOARD}).status_code == 404


@pytest.mark.parametrize("page", POSTS)
def test_posts_by_other_staff_of_the_landlord_are_forbidden_and_change_nothing(client, brighter, admin, page):
    from putright.accounts.models import AdministrationEvent

    response = verified(client, brighter.director).post(
        url("brighter", page, brighter.officer.pk),
        {"role": Role.BOARD, "homes": "5", "year_starting": "2026"},
    )
    assert response.status_code == 403
    assert not AdministrationEvent.objects.exists()


def test_a_person_at_another_landlord_is_not_found_by_a_guessed_id(admin_client, great):
    for page in (
        "staff/{person}/",
        "staff/{person}/remove-access/",
        "staff/{person}/reset-two-factor/",
        "staff/{person}/line-manager/",
    ):
        assert admin_client.get(url("brighter", page, great.officer.pk)).status_code == 404
    response = admin_client.post(
        url("brighter", "staff/{person}/roles/add/", great.officer.pk), {"role": Role.BOARD}
    )
    assert response.status_code == 404
    assert not great.officer.memberships.filter(landlord__slug="brighter").exists()


def test_an_unknown_landlord_is_404_like_another_landlord(admin_client):
    assert admin_client.get("/landlords/nowhere/admin/").status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_people_are_sent_to_sign_in(client: Client, brighter, page):
    target = url("brighter", page, brighter.officer.pk)
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_an_administrator_without_their_second_factor_is_sent_to_enter_a_code(client, admin):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    client.force_login(admin)  # password only: no code in this session
    response = client.get("/landlords/brighter/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/code/")


def test_an_administrator_with_no_authenticator_app_is_sent_to_set_one_up(client, admin):
    client.force_login(admin)
    response = client.get("/landlords/brighter/admin/policy/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/")


def test_the_logo_is_served_only_to_staff_of_the_landlord(client, brighter, great, admin):
    from tests.backoffice.administration.test_branding_pages import PNG, upload

    upload(verified(Client(), admin), PNG)
    assert verified(Client(), brighter.officer).get("/landlords/brighter/logo/").status_code == 200
    assert verified(Client(), great.officer).get("/landlords/brighter/logo/").status_code == 404
    assert client.get("/landlords/brighter/logo/").status_code == 302
