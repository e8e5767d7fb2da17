"""The sign-in, two-factor and password-reset pages in a real browser: axe-core finds no WCAG 2.0, 2.1 or
2.2 level A or AA violations, and the journeys work with JavaScript and without it.

Staff sign in through the form here, since it is what these tests are about. Screenshots go to
$PUTRIGHT_SCREENSHOTS/auth if set, else to the test's temporary directory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import Role, User
from putright.backoffice.auth.views import landing_url as landing
from tests.e2e.helpers import axe_here, watch
from tests.factories import make_landlord, make_staff

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"


@pytest.fixture
def staff(transactional_db: None) -> dict[str, User]:
    landlord = make_landlord("brighter", "Brighter Places", "brighter-places-2022", "BP")
    return {
        "officer": make_staff(landlord, "officer@brighter.test", Role.FEEDBACK_OFFICER),
        "admin": make_staff(landlord, "admin@brighter.test", Role.ADMINISTRATOR),
    }


def check(page: Any, axe_js: Path, shots: Path, name: str) -> None:
    axe_here(page, axe_js, shots / f"{name}.png")


def sign_in(page: Any, base: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")


def test_sign_in_page(page: Any, live_server: Any, axe_js: Path, shots: Path, staff: dict[str, User]) -> None:
    problems = watch(page, allow=(429,))
    page.goto(f"{live_server.url}/sign-in/")
    assert page.title() == "Sign in \N{EN DASH} PutRight"
    check(page, axe_js, shots, "sign-in")
    # GOV.UK Frontend's password input: with JavaScript, a Show button reveals the password.
    page.get_by_label("Password", exact=True).fill("secret words")
    page.get_by_role("button", name="Show password").click()
    assert page.get_by_label("Password", exact=True).get_attribute("type") == "text"
    assert problems == [], "\n".join(problems)


def test_sign_in_page_with_errors(
    page: Any, live_server: Any, axe_js: Path, shots: Path, staff: dict[str, User]
) -> None:
    problems = watch(page, allow=(429,))
    sign_in(page, live_server.url, "officer@brighter.test", "not the password")
    assert page.title() == "Error: Sign in \N{EN DASH} PutRight"
    # GOV.UK Frontend moves focus to the error summary, whose link goes to the email field.
    assert page.evaluate("document.activeElement.className") == "govuk-error-summary"
    page.get_by_role("link", name="Enter a correct email address and password").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    check(page, axe_js, shots, "sign-in-errors")

    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")
    assert page.locator(".govuk-error-summary__list li").all_inner_texts() == [
        "Enter your email address",
        "Enter your password",
    ]
    check(page, axe_js, shots, "sign-in-empty")
    assert problems == [], "\n".join(problems)


def test_lockout_page(page: Any, live_server: Any, axe_js: Path, shots: Path, staff: dict[str, User]) -> None:
    for _ in range(5):
        sign_in(page, live_server.url, "officer@brighter.test", "not the password")
    assert page.get_by_role("heading", level=1).inner_text() == "You cannot sign in at the moment"
    check(page, axe_js, shots, "locked-out")


def test_two_factor_setup_page_and_journey(
    page: Any, live_server: Any, axe_js: Path, shots: Path, staff: dict[str, User]
) -> None:
    problems = watch(page, allow=(429,))
    sign_in(page, live_server.url, "admin@brighter.test")
    assert page.url == f"{live_server.url}/account/two-factor/"
    page.get_by_text("I cannot scan the QR code").click()  # open the details to check them too
    check(page, axe_js, shots, "two-factor-setup")

    page.get_by_role("button", name="Turn on two-factor authentication").click()
    page.wait_for_load_state("load")
    assert page.title().startswith("Error: ")
    check(page, axe_js, shots, "two-factor-setup-errors")

    device = TOTPDevice.objects.get(user=staff["admin"])
    page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    page.wait_for_load_state("load")
    assert page.url == f"{live_server.url}{landing()}"
    page.goto(f"{live_server.url}/account/")
    assert page.locator(".govuk-tag").inner_text() == "On"
    check(page, axe_js, shots, "account")

    # Signing out and in again asks for a code.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state("load")
    assert page.get_by_text("You have signed out").is_visible()
    check(page, axe_js, shots, "signed-out")
    sign_in(page, live_server.url, "admin@brighter.test")
    assert page.url.startswith(f"{live_server.url}/sign-in/code/")
    check(page, axe_js, shots, "sign-in-code")
    assert problems == [], "\n".join(problems)


def test_password_reset_pages(
    page: Any, live_server: Any, axe_js: Path, shots: Path, staff: dict[str, User]
) -> None:
    problems = watch(page, allow=(429,))
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("link", name="I have forgotten my password").click()
    page.wait_for_load_state("load")
    check(page, axe_js, shots, "password-reset")

    page.get_by_label("Email address").fill("officer@brighter.test")
    page.get_by_role("button", name="Send the link").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    check(page, axe_js, shots, "password-reset-sent")

    link = re.search(r"https?://\S+/password-reset/\S+/", mail.outbox[-1].body)
    assert link is not None
    page.goto(link.group(0))
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_label("Confirm new password").fill("short")
    page.get_by_role("button", name="Save new password").click()
    page.wait_for_load_state("load")
    check(page, axe_js, shots, "password-reset-new-password-errors")

    page.get_by_label("New password", exact=True).fill("a brand new passphrase")
    page.get_by_label("Confirm new password").fill("a brand new passphrase")
    page.get_by_role("button", name="Save new password").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == "Your password has been changed"
    check(page, axe_js, shots, "password-reset-complete")
    assert problems == [], "\n".join(problems)


def test_signing_in_and_out_works_without_javascript(
    browser: Any, live_server: Any, staff: dict[str, User]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        sign_in(page, live_server.url, "officer@brighter.test", "not the password")
        assert page.locator(".govuk-error-summary").is_visible()
        sign_in(page, live_server.url, "officer@brighter.test")
        assert page.get_by_role("button", name="Sign out").is_visible()
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_load_state("load")
        assert page.get_by_text("You have signed out").is_visible()
    finally:
        context.close()
