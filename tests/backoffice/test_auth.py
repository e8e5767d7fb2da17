"""Staff sign-in: password, lockout, two-factor codes, sign-out, password reset, and `staff_required`."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import Role, User
from putright.backoffice.auth.access import StaffRequiredMixin, staff_required
from tests.factories import make_staff

PASSWORD = "correct horse battery"  # tests.factories.make_staff's password
SIGN_IN = "/sign-in/"
INCORRECT = "Enter a correct email address and password"


def landing() -> str:
    try:
        return reverse("backoffice:my-work")
    except NoReverseMatch:
        return reverse("backoffice:start")


def sign_in(client: Client, email: str, password: str = PASSWORD, **extra: Any) -> HttpResponse:
    return client.post(SIGN_IN, {"email": email, "password": password}, **extra)  # type: ignore[return-value]


def code_for(device: TOTPDevice, drift: int = 0) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def confirmed_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


@pytest.fixture
def officer(brighter: Any) -> User:
    return brighter.officer  # type: ignore[no-any-return]


@pytest.fixture
def admin(brighter: Any) -> User:
    return make_staff(brighter.landlord, "admin@brighter.test", Role.ADMINISTRATOR)


# Signing in ------------------------------------------------------------------------------------------


def test_sign_in_page_has_labelled_email_and_password_fields_and_a_sign_in_button(client: Client) -> None:
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<label class="govuk-label" for="id_email">Email address</label>' in body
    assert '<label class="govuk-label" for="id_password">Password</label>' in body
    assert 'type="email"' in body and 'autocomplete="email"' in body
    assert 'type="password"' in body and 'autocomplete="current-password"' in body
    assert re.search(r'<button type="submit" class="govuk-button"[^>]*>Sign in</button>', body)
    assert " required" not in body  # GOV.UK: the server validates, the browser does not
    assert reverse("backoffice:password-reset") in body
    assert response["Cache-Control"].startswith("max-age=0")


def test_signing_in_redirects_to_the_landing_page(client: Client, officer: User) -> None:
    response = sign_in(client, officer.email)
    assert response.status_code == 302
    assert response["Location"] == landing()
    assert client.session["_auth_user_id"] == str(officer.pk)
    assert AccessLog.objects.filter(username=officer.email).count() == 1


def test_email_addresses_are_matched_whatever_their_case_and_spaces(client: Client, officer: User) -> None:
    response = sign_in(client, f"  {officer.email.upper()} ")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_signing_in_returns_to_a_safe_next_page_only(client: Client, officer: User) -> None:
    response = client.post(f"{SIGN_IN}?next=/account/", {"email": officer.email, "password": PASSWORD})
    assert response["Location"] == "/account/"

    other = Client()
    response = other.post(
        SIGN_IN, {"email": officer.email, "password": PASSWORD, "next": "https://evil.test/"}
    )
    assert response["Location"] == landing()


def test_the_sign_in_form_carries_next_through(client: Client) -> None:
    body = client.get(f"{SIGN_IN}?next=/account/").content.decode()
    assert '<input type="hidden" name="next" value="/account/">' in body


def test_a_signed_in_person_visiting_sign_in_goes_on_to_the_landing_page(
    client: Client, officer: User
) -> None:
    client.force_login(officer)
    response = client.get(SIGN_IN)
    assert response.status_code == 302 and response["Location"] == landing()


def _without_secrets(body: str) -> str:
    return (
        re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
        .replace("officer@brighter.test", "EMAIL")
        .replace("nobody@brighter.test", "EMAIL")
    )


def test_a_wrong_password_shows_the_error_summary_without_saying_whether_the_email_exists(
    client: Client, officer: User
) -> None:
    wrong_password = sign_in(client, officer.email, "not the password")
    unknown_email = sign_in(Client(), "nobody@brighter.test", "not the password")

    for response in (wrong_password, unknown_email):
        assert response.status_code == 200
        body = response.content.decode()
        assert "<title>Error: Sign in \N{EN DASH} PutRight</title>" in body
        assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in body
        assert f'<a href="#id_email">{INCORRECT}</a>' in body
        assert "govuk-input--error" in body and 'aria-describedby="id_email-error"' in body
        assert 'value="not the password"' not in body
    # The two pages are the same but for the email address typed and the CSRF token.
    assert _without_secrets(wrong_password.content.decode()) == _without_secrets(
        unknown_email.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_empty_fields_each_get_their_own_error(client: Client) -> None:
    body = client.post(SIGN_IN, {"email": "", "password": ""}).content.decode()
    assert '<a href="#id_email">Enter your email address</a>' in body
    assert '<a href="#id_password">Enter your password</a>' in body
    assert '<span class="govuk-visually-hidden">Error:</span> Enter your password' in body

    body = client.post(SIGN_IN, {"email": "not-an-email", "password": "x"}).content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in body


def test_an_inactive_account_cannot_sign_in_and_is_told_nothing_more(client: Client, officer: User) -> None:
    officer.is_active = False
    officer.save()
    response = sign_in(client, officer.email)
    assert response.status_code == 200 and INCORRECT in response.content.decode()


# Lockout -----------------------------------------------------------------------------------------------


def test_five_failures_lock_the_email_and_ip_address_out_with_a_lockout_page(
    client: Client, officer: User
) -> None:
    for _ in range(4):
        response = sign_in(client, officer.email, "wrong password")
        assert response.status_code == 200 and INCORRECT in response.content.decode()

    response = sign_in(client, officer.email.upper(), "wrong password")  # the same address in capitals
    assert response.status_code == 429
    body = response.content.decode()
    assert '<h1 class="govuk-heading-l">You cannot sign in at the moment</h1>' in body
    assert "Wait 15 minutes before you try again" in body
    assert reverse("backoffice:password-reset") in body
    assert 'class="govuk-header' in body  # the service's own page, not a bare 403 text

    # Now even the right password is refused, from this address...
    response = sign_in(client, officer.email)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    # ... but the lockout is for this email from this IP address only.
    assert sign_in(Client(REMOTE_ADDR="10.1.2.3"), officer.email).status_code == 302
    other = make_staff(officer.memberships.get().landlord, "other@brighter.test", Role.FEEDBACK_OFFICER)
    assert sign_in(Client(), other.email).status_code == 302

    # Every failure is recorded; the password never is.
    attempt = AccessAttempt.objects.get(username=officer.email, ip_address="127.0.0.1")
    assert attempt.failures_since_start >= 5
    assert "wrong password" not in attempt.post_data
    assert AccessFailureLog.objects.filter(username=officer.email).count() >= 5


def test_behind_a_proxy_the_lockout_is_for_the_forwarded_client_not_the_proxy(
    client: Client, officer: User, settings: Any
) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        sign_in(client, officer.email, "wrong password", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert sign_in(client, officer.email, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429
    # Another client through the same proxy is not locked out, even if it forges the first one's address.
    other = Client()
    forged = "198.51.100.7, 203.0.113.5"
    assert sign_in(other, officer.email, HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == 302
    assert AccessAttempt.objects.get(username=officer.email).ip_address == "198.51.100.7"


def test_the_lockout_ends_after_fifteen_minutes(client: Client, officer: User) -> None:
    for _ in range(5):
        sign_in(client, officer.email, "wrong password")
    assert sign_in(client, officer.email).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, officer.email).status_code == 302


def test_a_successful_sign_in_clears_the_failures(client: Client, officer: User) -> None:
    for _ in range(4):
        sign_in(client, officer.email, "wrong password")
    assert sign_in(client, officer.email).status_code == 302
    client.post(reverse("backoffice:sign-out"))
    for _ in range(4):
        assert sign_in(client, officer.email, "wrong password").status_code == 200


def test_resetting_the_password_lifts_the_lockout(client: Client, officer: User) -> None:
    for _ in range(5):
        sign_in(client, officer.email, "wrong password")
    _reset_password(client, officer.email, "a brand new passphrase")
    assert sign_in(client, officer.email, "a brand new passphrase").status_code == 302


def test_the_test_clients_login_still_works_and_is_not_counted(client: Client, officer: User) -> None:
    for _ in range(6):
        assert not client.login(email=officer.email, password="wrong password")
    assert client.login(email=officer.email, password=PASSWORD)
    assert not AccessAttempt.objects.exists()


# Signing out -------------------------------------------------------------------------------------------


def test_sign_out_is_post_only_and_says_you_have_signed_out(client: Client, officer: User) -> None:
    client.force_login(officer)
    assert client.get(reverse("backoffice:sign-out")).status_code == 405
    assert "_auth_user_id" in client.session

    response = client.post(reverse("backoffice:sign-out"))
    assert response.status_code == 302 and response["Location"] == SIGN_IN
    assert "_auth_user_id" not in client.session
    body = client.get(SIGN_IN).content.decode()
    assert "govuk-notification-banner--success" in body and "You have signed out" in body
    # Once read, the banner is gone.
    assert "You have signed out" not in client.get(SIGN_IN).content.decode()


def test_the_header_offers_sign_in_and_sign_out(client: Client, officer: User) -> None:
    assert f'href="{SIGN_IN}">Sign in</a>' in client.get("/").content.decode()
    client.force_login(officer)
    body = client.get("/").content.decode()
    assert f'action="{reverse("backoffice:sign-out")}"' in body and ">Sign out</button>" in body


# staff_required ----------------------------------------------------------------------------------------


@staff_required
def _staff_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("the staff page")


def _through_otp(
    user: Any, *, verified_with: TOTPDevice | None = None, path: str = "/cases/?page=2"
) -> HttpResponse:
    """Runs `_staff_page` for `user` the way a request reaches it: after django-otp's middleware."""
    request = RequestFactory().get(path)
    request.user = user
    request.session = SessionStore()
    if verified_with is not None:
        request.session[DEVICE_ID_SESSION_KEY] = verified_with.persistent_id
    return OTPMiddleware(_staff_page)(request)  # type: ignore[no-any-return]


def test_staff_required_sends_someone_not_signed_in_to_sign_in_and_back(db: None) -> None:
    from django.contrib.auth.models import AnonymousUser

    response = _through_otp(AnonymousUser())
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/cases/%3Fpage%3D2"


def test_staff_required_lets_staff_without_an_app_through(officer: User) -> None:
    response = _through_otp(officer)
    assert response.status_code == 200 and response.content == b"the staff page"


def test_staff_required_sends_an_administrator_without_an_app_to_set_one_up(admin: User) -> None:
    response = _through_otp(admin)
    assert response.status_code == 302
    assert response["Location"] == "/account/two-factor/?next=%2Fcases%2F%3Fpage%3D2"


def test_staff_required_treats_a_superuser_as_an_administrator(db: None) -> None:
    superuser = User.objects.create_superuser("root@putright.test", PASSWORD)
    assert _through_otp(superuser)["Location"].startswith("/account/two-factor/")


def test_staff_required_asks_anyone_with_an_app_for_a_code_until_they_enter_one(
    officer: User, admin: User
) -> None:
    for user in (officer, admin):
        device = confirmed_device(user)
        response = _through_otp(user)
        assert response.status_code == 302
        assert response["Location"] == "/sign-in/code/?next=%2Fcases%2F%3Fpage%3D2"
        assert _through_otp(user, verified_with=device).status_code == 200


def test_staff_required_ignores_an_unconfirmed_app_and_another_persons_app(
    officer: User, admin: User
) -> None:
    TOTPDevice.objects.create(user=officer, name="half set up", confirmed=False)
    assert _through_otp(officer).status_code == 200
    someone_elses = confirmed_device(officer)
    assert _through_otp(admin, verified_with=someone_elses)["Location"].startswith("/account/two-factor/")


def test_staff_required_mixin_guards_class_based_views(admin: User) -> None:
    from django.views import View

    class Page(StaffRequiredMixin, View):
        def get(self, request: HttpRequest) -> HttpResponse:
            return HttpResponse("ok")

    request = RequestFactory().get("/reports/")
    request.user = admin
    request.session = SessionStore()
    response = OTPMiddleware(Page.as_view())(request)
    assert response["Location"] == "/account/two-factor/?next=%2Freports%2F"


# Two-factor authentication -----------------------------------------------------------------------------


def test_an_administrator_without_an_app_is_sent_to_set_one_up_and_kept_there(
    client: Client, admin: User
) -> None:
    response = sign_in(client, admin.email)
    assert response["Location"] == reverse("backoffice:two-factor-setup")
    response = client.get(reverse("backoffice:account"))
    assert response["Location"] == "/account/two-factor/?next=%2Faccount%2F"
    body = client.get(reverse("backoffice:two-factor-setup")).content.decode()
    assert "You are an administrator, so you must set up two-factor authentication" in body
    # Signing out still works.
    assert client.post(reverse("backoffice:sign-out"))["Location"] == SIGN_IN


def test_administrator_sign_in_keeps_next_through_set_up(client: Client, admin: User) -> None:
    response = client.post(f"{SIGN_IN}?next=/account/", {"email": admin.email, "password": PASSWORD})
    assert response["Location"] == "/account/two-factor/?next=%2Faccount%2F"


def test_the_setup_page_shows_a_qr_code_and_the_key_to_type(client: Client, officer: User) -> None:
    client.force_login(officer)
    body = client.get(reverse("backoffice:two-factor-setup")).content.decode()
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    assert re.search(r'<svg [^>]*role="img" aria-label="QR code to scan with your authenticator app"', body)
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in body
    assert 'autocomplete="one-time-code"' in body and 'inputmode="numeric"' in body
    # The same key until it is confirmed, so a QR code already scanned keeps working.
    client.get(reverse("backoffice:two-factor-setup"))
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_setting_up_with_a_valid_code_confirms_the_app_and_verifies_the_session(
    client: Client, admin: User
) -> None:
    sign_in(client, admin.email)
    client.get(reverse("backoffice:two-factor-setup"))
    device = TOTPDevice.objects.get(user=admin)

    response = client.post(
        reverse("backoffice:two-factor-setup"), {"code": code_for(device), "next": "/account/"}
    )
    assert response.status_code == 302 and response["Location"] == "/account/"
    device.refresh_from_db()
    assert device.confirmed
    body = client.get("/account/").content.decode()
    assert "Two-factor authentication is on" in body
    assert '<strong class="govuk-tag govuk-tag--green">On</strong>' in body


def test_a_wrong_setup_code_is_refused(client: Client, officer: User) -> None:
    client.force_login(officer)
    client.get(reverse("backoffice:two-factor-setup"))
    device = TOTPDevice.objects.get(user=officer)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    body = client.post(reverse("backoffice:two-factor-setup"), {"code": wrong}).content.decode()
    assert "The security code is not correct" in body and "There is a problem" in body
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed

    body = client.post(reverse("backoffice:two-factor-setup"), {"code": "12a"}).content.decode()
    assert "The security code must be 6 numbers" in body


def test_next_sign_in_asks_for_the_code_and_refuses_a_wrong_one(client: Client, officer: User) -> None:
    device = confirmed_device(officer)
    response = sign_in(client, officer.email)
    assert response["Location"] == reverse("backoffice:sign-in-code")
    # Signed in with the password only: no staff page yet.
    assert client.get("/account/")["Location"] == "/sign-in/code/?next=%2Faccount%2F"
    assert client.get(reverse("backoffice:sign-in-code")).status_code == 200

    wrong = f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"
    response = client.post(reverse("backoffice:sign-in-code"), {"code": wrong})
    assert response.status_code == 200
    assert "The security code is not correct" in response.content.decode()
    assert client.get("/account/").status_code == 302

    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    key_before = client.session.session_key
    response = client.post(
        reverse("backoffice:sign-in-code"), {"code": code_for(device), "next": "/account/"}
    )
    assert response["Location"] == "/account/"
    assert client.get("/account/").status_code == 200
    assert client.session.session_key != key_before  # a new session key once verified


def test_wrong_codes_make_the_next_try_wait(client: Client, officer: User) -> None:
    device = confirmed_device(officer)
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=3, throttling_failure_timestamp=timezone.now()
    )
    client.force_login(officer)
    body = client.post(reverse("backoffice:sign-in-code"), {"code": code_for(device)}).content.decode()
    assert re.search(r"You have entered too many wrong codes. Wait [1-4] seconds?, then try again", body)
    assert client.get("/account/").status_code == 302


def test_a_code_cannot_be_used_twice(client: Client, officer: User) -> None:
    device = confirmed_device(officer)
    code = code_for(device)
    client.force_login(officer)
    assert client.post(reverse("backoffice:sign-in-code"), {"code": code}).status_code == 302

    other = Client()
    other.force_login(officer)
    body = other.post(reverse("backoffice:sign-in-code"), {"code": code}).content.decode()
    assert "The security code is not correct" in body


def test_a_password_alone_cannot_replace_someones_app(client: Client, officer: User) -> None:
    confirmed_device(officer)
    sign_in(client, officer.email)
    response = client.get(reverse("backoffice:two-factor-setup"))
    assert response["Location"].startswith(reverse("backoffice:sign-in-code"))
    response = client.post(reverse("backoffice:two-factor-setup"), {"code": "123456"})
    assert response["Location"].startswith(reverse("backoffice:sign-in-code"))
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_a_verified_person_can_replace_their_app(client: Client, officer: User) -> None:
    old = confirmed_device(officer)
    sign_in(client, officer.email)
    client.post(reverse("backoffice:sign-in-code"), {"code": code_for(old)})
    client.get(reverse("backoffice:two-factor-setup"))
    new = TOTPDevice.objects.get(user=officer, confirmed=False)
    response = client.post(reverse("backoffice:two-factor-setup"), {"code": code_for(new)})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=officer)) == [new]
    assert client.get("/account/").status_code == 200  # verified with the new app


def test_staff_may_turn_two_factor_off_but_administrators_may_not(
    client: Client, officer: User, admin: User
) -> None:
    for user in (officer, admin):
        confirmed_device(user)
    client.force_login(officer)
    client.post(reverse("backoffice:sign-in-code"), {"code": code_for(TOTPDevice.objects.get(user=officer))})
    assert "Turn off two-factor authentication" in client.get("/account/").content.decode()
    assert client.get(reverse("backoffice:two-factor-remove")).status_code == 200
    response = client.post(reverse("backoffice:two-factor-remove"))
    assert response["Location"] == "/account/"
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert client.get("/account/").status_code == 200  # staff without an app may carry on

    other = Client()
    other.force_login(admin)
    other.post(reverse("backoffice:sign-in-code"), {"code": code_for(TOTPDevice.objects.get(user=admin))})
    assert "you must use two-factor authentication" in other.get("/account/").content.decode()
    assert other.post(reverse("backoffice:two-factor-remove"))["Location"] == "/account/"
    assert TOTPDevice.objects.filter(user=admin).exists()


def test_the_account_page_offers_two_factor_to_staff_without_it(client: Client, officer: User) -> None:
    client.force_login(officer)
    body = client.get("/account/").content.decode()
    assert '<strong class="govuk-tag govuk-tag--grey">Off</strong>' in body
    assert "/account/two-factor/?next=/account/" in body


# Password reset ----------------------------------------------------------------------------------------


def _reset_password(client: Client, email: str, new_password: str) -> HttpResponse:
    mail.outbox.clear()
    response = client.post(reverse("backoffice:password-reset"), {"email": email})
    assert response["Location"] == reverse("backoffice:password-reset-done")
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    response = client.get(link.group(1))
    assert response.status_code == 302  # to the same page without the token in the address
    set_password_url = response["Location"]
    assert client.get(set_password_url).status_code == 200
    return client.post(  # type: ignore[return-value]
        set_password_url, {"new_password1": new_password, "new_password2": new_password}
    )


def test_password_reset_emails_a_link_that_sets_a_new_password(client: Client, officer: User) -> None:
    response = _reset_password(client, officer.email.upper(), "a brand new passphrase")
    assert response["Location"] == reverse("backoffice:password-reset-complete")
    message = mail.outbox[0]
    assert message.to == [officer.email]
    assert message.subject == "Reset your PutRight password"
    assert "The link works for 1 hour" in message.body

    assert sign_in(Client(), officer.email, PASSWORD).status_code == 200  # the old password no longer works
    assert sign_in(Client(), officer.email, "a brand new passphrase").status_code == 302

    # The link works once.
    link = re.search(r"http://testserver(/password-reset/\S+/)", message.body)
    assert link is not None
    body = Client().get(link.group(1)).content.decode()
    assert "The link has expired" in body


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(
    client: Client, db: None
) -> None:
    response = client.post(reverse("backoffice:password-reset"), {"email": "nobody@brighter.test"})
    assert response["Location"] == reverse("backoffice:password-reset-done")
    assert mail.outbox == []
    body = client.get(response["Location"]).content.decode()
    assert "If that email address belongs to a PutRight account" in body


def test_a_new_password_must_follow_the_rules_and_match(client: Client, officer: User) -> None:
    body = _reset_password(client, officer.email, "short").content.decode()
    assert "There is a problem" in body
    assert '<a href="#id_new_password1">Your new password must be 12 characters or more</a>' in body

    mail.outbox.clear()
    client.post(reverse("backoffice:password-reset"), {"email": officer.email})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    url = client.get(link.group(1))["Location"]
    body = client.post(
        url, {"new_password1": "a brand new passphrase", "new_password2": "a different passphrase"}
    ).content.decode()
    assert '<a href="#id_new_password2">The passwords do not match</a>' in body

    body = client.post(
        url, {"new_password1": "password1234", "new_password2": "password1234"}
    ).content.decode()
    assert "Your new password is too easy to guess" in body


def test_the_password_reset_page_asks_for_the_email_address(client: Client, db: None) -> None:
    body = client.get(reverse("backoffice:password-reset")).content.decode()
    assert '<h1 class="govuk-heading-l">Reset your password</h1>' in body
    assert 'id="id_email-hint"' in body and 'aria-describedby="id_email-hint"' in body
    body = client.post(reverse("backoffice:password-reset"), {"email": ""}).content.decode()
    assert '<a href="#id_email">Enter your email address</a>' in body


# The form templates other pages reuse ------------------------------------------------------------------


class _EveryWidget(forms.Form):
    use_required_attribute = False
    name = forms.CharField(label="Name", help_text="As on the tenancy")
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 3}))
    channel = forms.ChoiceField(label="Channel", choices=[("phone", "Phone"), ("email", "Email")])
    kind = forms.ChoiceField(
        label="Kind",
        choices=[("complaint", "Complaint"), ("compliment", "Compliment")],
        widget=forms.RadioSelect,
    )
    tags = forms.MultipleChoiceField(
        label="Tags", choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple, required=False
    )
    urgent = forms.BooleanField(label="Urgent", required=False)


def test_the_field_templates_render_every_common_widget_with_govuk_markup() -> None:
    form = _EveryWidget(data={"name": "", "notes": "x", "channel": "email", "kind": "", "tags": ["b"]})
    assert not form.is_valid()
    html = "".join(
        render_to_string("backoffice/forms/field.html", {"field": form[name]})
        for name in ("name", "notes", "channel", "kind", "tags", "urgent")
    )
    assert 'class="govuk-input govuk-input--error" id="id_name" name="name" type="text"' in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html
    assert '<p id="id_name-error" class="govuk-error-message">' in html
    assert '<textarea class="govuk-textarea" id="id_notes" name="notes" rows="3">x</textarea>' in html
    assert '<option value="email" selected>Email</option>' in html
    assert '<fieldset class="govuk-fieldset" aria-describedby="id_kind-error">' in html
    assert 'id="id_kind_0" name="kind" type="radio" value="complaint"' in html
    assert 'id="id_tags_1" name="tags" type="checkbox" value="b" checked' in html
    assert 'id="id_urgent" name="urgent" type="checkbox" value="on"' in html

    summary = render_to_string("backoffice/forms/error_summary.html", {"form": form})
    assert '<a href="#id_name">This field is required.</a>' in summary
    assert '<a href="#id_kind_0">This field is required.</a>' in summary
