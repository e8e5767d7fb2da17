"""The API honours the staff second factor for sessions (tokens are unaffected)."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import Role
from tests.factories import make_staff


def test_a_session_that_has_not_entered_its_code_cannot_use_the_api(client, great):
    TOTPDevice.objects.create(user=great.officer, name="phone", confirmed=True)
    client.force_login(great.officer)
    assert client.get("/api/v1/landlords/great/worklist/").status_code in (401, 403)


def test_an_administrator_without_an_authenticator_app_cannot_use_the_api_by_session(client, great):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    client.force_login(admin)
    assert client.get("/api/v1/landlords/great/worklist/").status_code in (401, 403)


def test_a_session_that_needs_no_second_factor_uses_the_api(client, great):
    client.force_login(great.officer)
    assert client.get("/api/v1/landlords/great/worklist/").status_code == 200
