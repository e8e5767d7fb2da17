"""Customer journeys across the public form, the back office and the resident portal, in a real browser.

A representative complains for a resident, staff record their authority and the representative then follows
only the cases they act on; a customer under a contact restriction makes a new, different complaint. Every
page passes axe-core at 1280 and 375 pixels wide (a desktop and a phone) and is screenshotted at both, to
$PUTRIGHT_SCREENSHOTS/portal-journeys if set (else the test's temporary folder)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from putright.cases.models import Case
from putright.cases.services.intake import feedback_log
from putright.customers.models import Representative
from putright.customers.services import restriction_apply
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord
from putright.submissions.models import PublicSubmission
from tests.e2e.helpers import WIDTHS, axe_here, sign_in
from tests.factories import Org, at

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n% signed permission\n"
LINK = re.compile(r"https?://\S+/sign-in/link/\S+/")


@pytest.fixture
def great(transactional_db: Any, settings: Any, tmp_path: Path) -> Org:
    settings.MEDIA_ROOT = tmp_path / "media"
    org = Org("great", "Great Places", "great-places", "GP")
    Landlord.objects.filter(pk=org.landlord.pk).update(
        brand_colour="#6f2c91", phone="0300 123 1234", email="feedback@great.test"
    )
    return org


def check(page: Any, axe_js: Path, shots: Path, name: str) -> None:
    axe_here(page, axe_js, shots / f"{name}.png")


def _heading(page: Any, name: Any) -> None:
    """Wait for the page that a click led to, by its heading (a click returns before the page loads)."""
    page.get_by_role("heading", name=name).first.wait_for()


def _press(page: Any, control: Any) -> None:
    """Click a button or link and wait for the page it leads to."""
    with page.expect_navigation():
        control.click()


def _continue(page: Any) -> None:
    _press(page, page.get_by_role("button", name="Continue"))


def _ask_for_link(page: Any, live_server: Any, email: str) -> None:
    page.goto(f"{live_server.url}/feedback/great/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_role("button", name="Send me a link").click()
    _heading(page, "Check your email")


def _sign_in(page: Any, live_server: Any, mailoutbox: list[Any], email: str, visit: Any) -> None:
    """Ask for a link, open the one emailed, and press its button, checking each page with `visit`."""
    sent = len(mailoutbox)
    _ask_for_link(page, live_server, email)
    visit("sign-in-sent")
    assert len(mailoutbox) == sent + 1 and mailoutbox[-1].to == [email]
    found = LINK.search(mailoutbox[-1].body)
    assert found, mailoutbox[-1].body
    page.goto(found.group(0))
    visit("sign-in-link")
    page.get_by_role("button", name="Continue to your cases").click()
    _heading(page, "Your cases")


def _dates_not_sure(page: Any) -> None:
    page.get_by_label("I am not sure when it happened").check()
    page.get_by_label("I am not sure when I found out").check()
    _continue(page)


def test_a_representative_complains_for_a_resident_and_then_follows_only_that_case(
    browser: Any, page: Any, live_server: Any, axe_js: Path, shots: Path, great: Org, mailoutbox: list[Any]
) -> None:
    def visit(name: str) -> None:
        check(page, axe_js, shots, f"representative-{name}")

    others = feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-02"),
        customer=great.customer,
        summary="Another resident's boiler",
        description="Nothing to do with June.",
    )
    page.goto(f"{live_server.url}/feedback/great/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("I am contacting you for someone else").check()
    _continue(page)
    visit("representative")
    page.get_by_label("I will upload their signed permission, or a power of attorney").check()
    _continue(page)
    assert page.get_by_role("link", name="Select a file showing that you may act for them").count() == 1
    visit("representative-error")
    page.fill("#id_relationship", "Daughter")
    page.fill("#id_person_name", "June Taylor")
    page.get_by_label("A resident renting their home").check()
    page.fill("#id_person_address", "4 Elm Court\nManchester")
    page.fill("#id_person_postcode", "m21 7qp")
    page.fill("#id_person_email", "june@example.test")
    page.get_by_label("I will upload their signed permission, or a power of attorney").check()
    page.set_input_files(
        "#id_authority_file", {"name": "permission.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    _continue(page)
    page.get_by_label("Make a complaint").check()
    _continue(page)
    page.fill("#id_what_happened", "My mother's heating has failed three times since October.")
    _continue(page)
    _dates_not_sure(page)
    page.fill("#id_outcome", "Replace the boiler before the cold weather.")
    _continue(page)
    page.get_by_label("Large print").check()
    _continue(page)
    page.fill("#id_name", "Priya Taylor")
    page.fill("#id_email", "priya@example.test")
    page.get_by_label("Email", exact=True).check()
    _continue(page)
    _continue(page)
    visit("check")
    assert page.get_by_text("Uploaded: permission.pdf").count() == 1
    page.get_by_role("button", name="Send").click()
    _heading(page, "Feedback sent")
    visit("sent")

    submission = PublicSubmission.objects.get()
    assert submission.status == PublicSubmission.Status.PROCESSED
    case = submission.case
    assert (case.customer.name, case.customer.postcode) == ("June Taylor", "M21 7QP")
    rep = case.representative
    assert (rep.name, rep.relationship, rep.email) == ("Priya Taylor", "Daughter", "priya@example.test")
    assert rep.authority == Representative.Authority.REQUESTED
    assert "permission.pdf" in rep.evidence
    assert [a.original_name for a in case.attachments.all()] == ["permission.pdf"]

    # Before staff have checked the permission, nothing is disclosed: the page answers as always, no link.
    _ask_for_link(page, live_server, "priya@example.test")
    assert mailoutbox == []

    sign_in(page, Client(), live_server, great.officer)
    page.goto(f"{live_server.url}/landlords/great/cases/{case.reference}/")
    assert page.get_by_text("Priya Taylor (Daughter)").count() == 1
    visit("staff-case")
    page.goto(f"{live_server.url}/landlords/great/customers/{case.customer.pk}/")
    page.get_by_role("link", name="Record authority for Priya Taylor").click()
    page.get_by_label("Authority given").check()
    page.get_by_label("Evidence of authority").fill("Signed permission uploaded with the online form")
    _press(page, page.get_by_role("button", name=re.compile("Save|Record")))
    rep.refresh_from_db()
    assert rep.authority == Representative.Authority.GIVEN

    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    try:
        page = context.new_page()  # the representative's own browser, not the officer's session
        _sign_in(page, live_server, mailoutbox, "priya@example.test", visit)
        visit("my-cases")
        assert page.get_by_role("link", name=re.compile(case.reference)).count() == 1
        assert page.get_by_text(others.reference).count() == 0
        page.get_by_role("link", name=re.compile(case.reference)).click()
        _heading(page, case.summary)
        visit("case")
        response = page.goto(f"{live_server.url}/feedback/great/your-cases/{others.reference}/")
        assert response.status == 404
    finally:
        context.close()


def test_a_customer_under_a_restriction_makes_a_new_different_complaint(
    page: Any, live_server: Any, axe_js: Path, shots: Path, great: Org, mailoutbox: list[Any]
) -> None:
    def visit(name: str) -> None:
        check(page, axe_js, shots, f"restricted-{name}")

    first = feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-10-01"),
        customer=great.customer,
        summary="Noise from the flat above",
        description="Music every night.",
    )
    restriction_apply(
        landlord=great.landlord,
        actor=great.housing,
        customer_id=great.customer.pk,
        type="single-channel",
        reason="Forty phone calls a day to the contact centre about the same matter.",
        how_to_contact="by email to feedback@great.test, answered within two working days.",
        understanding_sought="A housing manager met Alex on 1 October 2026 to agree a way forward.",
        starts_on=timezone.localdate(),
    )
    _sign_in(page, live_server, mailoutbox, "alex@example.test", visit)
    explained = page.locator(".govuk-inset-text")
    assert "by email to feedback@great.test" in explained.inner_text()
    assert "new, different complaint" in explained.inner_text()
    assert "0300 123 1234" in explained.inner_text()  # the emergency repair route
    assert page.get_by_text("Forty phone calls").count() == 0  # the reason is in their letter, not here
    visit("my-cases")

    explained.get_by_role("link", name=re.compile("make a complaint", re.I)).click()
    page.get_by_label("A resident renting my home").check()
    _continue(page)
    assert page.get_by_text("For an emergency, such as a gas leak").count() == 1
    assert page.get_by_text("phone 0300 123 1234 now").count() == 1
    visit("kind")
    page.get_by_label("Make a complaint").check()
    _continue(page)
    page.fill("#id_what_happened", "Black mould has come back on the bedroom wall after the repair.")
    page.fill("#id_where", "Bedroom, 12 Oak Road")
    _continue(page)
    _dates_not_sure(page)
    page.fill("#id_outcome", "Treat the mould and find the cause.")
    _continue(page)
    _continue(page)
    page.fill("#id_name", "Alex Morgan")
    page.fill("#id_email", "alex@example.test")
    page.get_by_label("Email", exact=True).check()
    _continue(page)
    _continue(page)
    page.get_by_role("button", name="Send").click()
    _heading(page, "Feedback sent")
    visit("sent")

    new = Case.objects.exclude(pk=first.pk).get()
    assert new.customer == great.customer and new.kind == Kind.COMPLAINT.value
    assert new.stages.get(number=1).respond_by is not None
    assert any("contact restriction" in warning for warning in new.warnings)
    assert page.get_by_text(new.stages.get(number=1).respond_by.strftime("%A %-d %B %Y")).count() == 1

    page.goto(f"{live_server.url}/feedback/great/your-cases/")
    for case in (first, new):
        assert page.get_by_role("link", name=re.compile(case.reference)).count() == 1
    visit("my-cases-after")
    page.get_by_role("link", name=re.compile(new.reference)).click()
    _heading(page, new.summary)
    assert "by email to feedback@great.test" in page.locator(".govuk-inset-text").first.inner_text()
    visit("case")


def _walk_form(page: Any, live_server: Any, visit: Any) -> None:
    """A leaseholder's complaint about a repair already reported, each question page and its error checked."""
    page.goto(f"{live_server.url}/feedback/great/")
    visit("how-to")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("A leaseholder").wait_for()
    visit("who")
    page.get_by_label("A leaseholder").check()
    _continue(page)
    page.get_by_label("Report a repair").check()
    _continue(page)
    visit("repair")
    page.get_by_label("Yes, and I am unhappy with how it is being dealt with").check()
    _continue(page)
    _continue(page)
    visit("details-error")
    page.fill(
        "#id_what_happened", "The kitchen window was reported broken in August and is still boarded up."
    )
    _continue(page)
    page.fill("#id_issue_day", "1")
    page.fill("#id_issue_month", "8")
    page.fill("#id_issue_year", str(timezone.localdate().year + 1))
    page.get_by_label("I am not sure when I found out").check()
    _continue(page)
    visit("dates-error")
    page.fill("#id_issue_year", "2026")
    _continue(page)
    visit("outcome")
    page.fill("#id_outcome", "Replace the window.")
    _continue(page)
    visit("adjustments")
    _continue(page)
    page.fill("#id_name", "Alex Morgan")
    page.fill("#id_email", "alex@")
    page.get_by_label("Email", exact=True).check()
    _continue(page)
    visit("contact-error")
    page.fill("#id_email", "alex@example.test")
    _continue(page)
    visit("attachments")
    _continue(page)
    visit("check")


def test_every_public_and_portal_page_at_phone_and_desktop_width(
    page: Any,
    live_server: Any,
    axe_js: Path,
    shots: Path,
    great: Org,
    mailoutbox: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from putright.residents import services as resident_services
    from putright.submissions import services as submission_services

    def visit(name: str) -> None:
        check(page, axe_js, shots, f"page-{name}")

    answered = feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-10-01"),
        customer=great.customer,
        summary="Damp in the bathroom",
        description="Mould on the ceiling.",
    )
    Case.objects.filter(pk=answered.pk).update(status="stage1_responded")

    _walk_form(page, live_server, visit)
    monkeypatch.setattr(submission_services, "PER_ADDRESS_PER_HOUR", 0)
    _press(page, page.get_by_role("button", name="Send"))
    visit("limited")
    monkeypatch.setattr(submission_services, "PER_ADDRESS_PER_HOUR", 10)
    page.goto(f"{live_server.url}/feedback/great/give-feedback/check-your-answers/")
    _press(page, page.get_by_role("button", name="Send"))
    _heading(page, "Feedback sent")
    visit("sent")
    page.goto(f"{live_server.url}/feedback/great/you-said-we-did/")
    visit("you-said-we-did")

    page.goto(f"{live_server.url}/feedback/great/sign-in/")
    visit("sign-in")
    _press(page, page.get_by_role("button", name="Send me a link"))
    visit("sign-in-error")
    page.goto(f"{live_server.url}/feedback/great/sign-in/link/not-a-real-token/")
    _press(page, page.get_by_role("button", name="Continue to your cases"))
    _heading(page, "This link has expired or has been used")
    visit("sign-in-expired")
    _sign_in(page, live_server, mailoutbox, "alex@example.test", lambda name: None)
    visit("my-cases")
    _press(page, page.get_by_role("link", name=re.compile(answered.reference)))
    visit("case")
    _press(page, page.get_by_role("link", name="Ask for stage 2"))
    visit("escalate")
    page.go_back()
    _press(page, page.get_by_role("link", name="Add information or evidence"))
    visit("add-information")
    page.goto(f"{live_server.url}/feedback/great/your-cases/{answered.reference}/withdraw/")
    visit("withdraw")
    _press(page, page.get_by_role("button", name="Withdraw"))
    visit("withdraw-error")

    sign_out = page.get_by_role("button", name="Sign out")
    sign_out.focus()  # styled as a header link; the keyboard focus must still show
    assert sign_out.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 221, 0)"
    page.screenshot(path=str(shots / "page-sign-out-focused-1280.png"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _heading(page, "Sign in to follow your case")

    monkeypatch.setattr(resident_services, "PER_ADDRESS_PER_HOUR", 0)
    page.goto(f"{live_server.url}/feedback/great/sign-in/")
    page.get_by_label("Email address").fill("alex@example.test")
    _press(page, page.get_by_role("button", name="Send me a link"))
    _heading(page, "Too many sign-in links asked for")
    visit("sign-in-limited")
