"""Landlord administration in a real browser: every page and its error states pass axe-core (WCAG 2.0,
2.1 and 2.2 A and AA) at 1280 and 375 pixels wide with nothing scrolling sideways, the preview of a
letter template works, and the forms work with JavaScript switched off.

Screenshots go to $PUTRIGHT_SCREENSHOTS/administration if set (else the test's temporary folder)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image, ImageDraw

from putright.accounts import services as account_services
from putright.accounts.models import Role, User
from putright.cases import services as case_services
from putright.domain.lifecycle import Kind
from putright.organisations import services as organisation_services
from tests.e2e.helpers import axe_at, axe_check, sign_in
from tests.factories import Org, at, make_staff

pytestmark = pytest.mark.e2e

ADMIN = "/landlords/brighter/admin/"


def _logo() -> bytes:
    """A small landlord logo: a green mark and the initials on white."""
    image = Image.new("RGB", (180, 60), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 6, 54, 54), fill=(0, 112, 60))
    draw.text((66, 14), "Brighter", fill=(0, 112, 60), font_size=18)
    draw.text((66, 34), "Places", fill=(11, 12, 12), font_size=18)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def world(transactional_db: Any) -> Iterator[tuple[Org, User]]:
    brighter = Org("brighter", "Brighter Places", "brighter-places-2022", "BP")
    admin = make_staff(brighter.landlord, "admin@brighter.test", Role.ADMINISTRATOR)
    admin.first_name, admin.last_name = "Jo", "Admin"
    admin.save()
    TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    TOTPDevice.objects.create(user=brighter.director, name="Authenticator app", confirmed=True)
    case_services.feedback_log(
        landlord=brighter.landlord,
        actor=brighter.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at("2026-11-16"),
        customer=brighter.customer,
        summary="Damp and black mould in the bedroom",
        description="Mould has come back in the bedroom after the last repair",
    )
    landlord = brighter.landlord
    organisation_services.closure_day_add(
        landlord=landlord, actor=admin, day=date(2026, 12, 24), reason="Christmas Eve"
    )
    for year, homes in ((2024, 6000), (2025, 6120), (2026, 6205)):
        organisation_services.homes_count_set(landlord=landlord, actor=admin, year_starting=year, homes=homes)
    organisation_services.policy_adopt(
        landlord=landlord, actor=admin, policy_name="hos-code-2024", adopted_from=date(2027, 4, 1)
    )
    organisation_services.landlord_branding_set(
        landlord=landlord,
        actor=admin,
        name="Brighter Places",
        brand_colour="#00703c",
        email="complaints@brighter.test",
        phone="0300 123 4567",
        address="1 High Street\nBrighton\nBN1 1AA",
        website="https://brighter.test",
    )
    organisation_services.landlord_logo_set(landlord=landlord, actor=admin, content=_logo())
    account_services.membership_grant(
        landlord=landlord, actor=admin, person=brighter.officer, role=Role.HOUSING_MANAGER
    )
    yield brighter, admin


def _check_after(page: Any, live_server: Any, path: str, act: Any, axe_js: Path, shot: Path) -> None:
    """Loads the page, does `act` (fills in and submits a form) and checks the page that results."""

    def then(p: Any) -> None:
        act(p)
        p.wait_for_load_state("load")

    axe_at(page, live_server, path, axe_js, shot, then=then)


PAGES = [
    ("", "staff"),
    ("staff/add/", "staff-add"),
    ("policy/", "policy"),
    ("closure-days/", "closure-days"),
    ("homes/", "homes"),
    ("letters/", "letters"),
    ("letters/stage1_acknowledgement/", "letter-template"),
    ("branding/", "branding"),
    ("audit/", "audit"),
]


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_every_administration_page_passes_axe(
    page: Any, live_server: Any, axe_js: Path, shots: Path, world: tuple[Org, User], path: str, name: str
) -> None:
    _, admin = world
    sign_in(page, Client(), live_server, admin, verified=True)
    axe_at(page, live_server, f"{ADMIN}{path}", axe_js, shots / f"admin-{name}.png")


def test_a_persons_page_and_the_confirmation_pages_pass_axe(
    page: Any, live_server: Any, axe_js: Path, shots: Path, world: tuple[Org, User]
) -> None:
    brighter, admin = world
    sign_in(page, Client(), live_server, admin, verified=True)
    officer, director = brighter.officer, brighter.director
    axe_at(page, live_server, f"{ADMIN}staff/{officer.pk}/", axe_js, shots / "admin-person.png")
    axe_at(page, live_server, f"{ADMIN}staff/{officer.pk}/remove-access/", axe_js, shots / "admin-remove.png")
    axe_at(
        page,
        live_server,
        f"{ADMIN}staff/{director.pk}/reset-two-factor/",
        axe_js,
        shots / "admin-reset-2fa.png",
    )


def test_setting_a_line_manager_and_its_refusal_pass_axe(
    page: Any, live_server: Any, axe_js: Path, shots: Path, world: tuple[Org, User]
) -> None:
    brighter, admin = world
    sign_in(page, Client(), live_server, admin, verified=True)
    colleague, manager, officer = brighter.colleague, brighter.manager, brighter.officer
    axe_at(page, live_server, f"{ADMIN}staff/{colleague.pk}/", axe_js, shots / "admin-person-managed.png")
    axe_at(
        page,
        live_server,
        f"{ADMIN}staff/{colleague.pk}/line-manager/",
        axe_js,
        shots / "admin-line-manager.png",
    )

    def loop(p: Any) -> None:
        p.select_option("#id_line_manager", str(colleague.pk))
        p.get_by_role("button", name="Save line manager").click()

    _check_after(
        page,
        live_server,
        f"{ADMIN}staff/{manager.pk}/line-manager/",
        loop,
        axe_js,
        shots / "admin-line-manager-error.png",
    )
    assert "A line manager cannot be someone they manage" in page.locator(".govuk-error-summary").inner_text()
    assert page.input_value("#id_line_manager") == str(colleague.pk)

    def choose(p: Any) -> None:
        p.select_option("#id_line_manager", str(manager.pk))
        p.get_by_role("button", name="Save line manager").click()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{ADMIN}staff/{officer.pk}/line-manager/")
    choose(page)
    page.wait_for_load_state("load")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert f"{manager} is now {officer}'s line manager" in banner
    axe_check(page, axe_js, shots / "admin-line-manager-set.png", width=1280)


def test_error_states_pass_axe_and_keep_what_was_typed(
    page: Any, live_server: Any, axe_js: Path, shots: Path, world: tuple[Org, User]
) -> None:
    _, admin = world
    sign_in(page, Client(), live_server, admin, verified=True)

    def add_person(p: Any) -> None:
        p.fill("#id_first_name", "Priya")
        p.fill("#id_email", "priya-at-example")
        p.get_by_role("button", name="Add person").click()

    _check_after(
        page, live_server, f"{ADMIN}staff/add/", add_person, axe_js, shots / "admin-staff-add-error.png"
    )
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.input_value("#id_first_name") == "Priya"

    def closure(p: Any) -> None:
        p.fill("#id_closed_on_0", "31")
        p.fill("#id_closed_on_1", "2")
        p.fill("#id_closed_on_2", "2027")
        p.get_by_role("button", name="Add closure day").click()

    _check_after(
        page, live_server, f"{ADMIN}closure-days/", closure, axe_js, shots / "admin-closure-error.png"
    )
    assert page.input_value("#id_closed_on_0") == "31"

    def colour(p: Any) -> None:
        p.fill("#id_brand_colour", "#f47738")
        p.get_by_role("button", name="Save branding and contact details").click()

    _check_after(page, live_server, f"{ADMIN}branding/", colour, axe_js, shots / "admin-branding-error.png")
    assert "below the 4.5 to 1" in page.locator(".govuk-error-summary").inner_text()

    def homes(p: Any) -> None:
        p.fill("#id_year_starting", "2027")
        p.fill("#id_homes", "0")
        p.get_by_role("button", name="Save").click()

    _check_after(page, live_server, f"{ADMIN}homes/", homes, axe_js, shots / "admin-homes-error.png")

    def adopt(p: Any) -> None:
        p.locator("input[value=great-places]").check()
        p.fill("#id_adopted_from_2", "2020")
        p.get_by_role("button", name="Adopt policy").click()

    _check_after(page, live_server, f"{ADMIN}policy/", adopt, axe_js, shots / "admin-policy-error.png")


def test_the_letter_preview_and_a_refused_template_pass_axe(
    page: Any, live_server: Any, axe_js: Path, shots: Path, world: tuple[Org, User]
) -> None:
    _, admin = world
    sign_in(page, Client(), live_server, admin, verified=True)
    path = f"{ADMIN}letters/stage1_acknowledgement/"

    def preview(p: Any) -> None:
        p.fill("#id_subject", "About your complaint {{ case.reference }}")
        p.get_by_role("button", name="Preview").click()

    _check_after(page, live_server, path, preview, axe_js, shots / "admin-letter-preview.png")
    assert page.get_by_role("heading", name="Preview for BP-").is_visible()
    frame = page.frame_locator("iframe.putright-preview-frame")
    assert "Alex Morgan" in frame.locator("body").inner_text()

    def refused(p: Any) -> None:
        body = p.input_value("#id_body").replace('{% section "ombudsman" %}', "")
        p.fill("#id_body", body)
        p.get_by_role("button", name="Save as a new version").click()

    _check_after(page, live_server, path, refused, axe_js, shots / "admin-letter-refused.png")
    assert "missing 1 required section: ombudsman" in page.locator(".govuk-error-summary").inner_text()


def test_adding_a_person_and_a_closure_day_work_without_javascript(
    browser: Any, live_server: Any, world: tuple[Org, User]
) -> None:
    _, admin = world
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, Client(), live_server, admin, verified=True)
        page.goto(f"{live_server.url}{ADMIN}staff/add/")
        page.fill("#id_first_name", "Priya")
        page.fill("#id_last_name", "Shah")
        page.fill("#id_email", "priya@brighter.test")
        page.get_by_label("Board member").check()
        page.get_by_role("button", name="Add person").click()
        assert (
            "Priya Shah has been added as board member"
            in page.locator(".govuk-notification-banner").inner_text()
        )
        assert page.get_by_role("heading", name="Priya Shah").is_visible()

        page.goto(f"{live_server.url}{ADMIN}closure-days/")
        page.fill("#id_closed_on_0", "29")
        page.fill("#id_closed_on_1", "12")
        page.fill("#id_closed_on_2", "2026")
        page.fill("#id_reason", "Staff training day")
        page.get_by_role("button", name="Add closure day").click()
        banner = page.locator(".govuk-notification-banner").inner_text()
        assert "29 December 2026 is now a closure day." in banner
    finally:
        context.close()
