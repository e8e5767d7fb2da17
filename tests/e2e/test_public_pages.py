"""The public feedback pages in a real browser: the how-to page, every question page (and its error state),
check your answers and the confirmation pass axe-core at 1280 and 375 pixels wide; a resident complains from
start to finish with JavaScript and without; a representative's and a repair's pages are checked too.

Screenshots go to $PUTRIGHT_SCREENSHOTS/public if set (else the test's temporary folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from putright.cases.models import Case
from putright.organisations.models import Landlord
from putright.submissions import services
from putright.submissions.models import PublicSubmission
from tests.e2e.helpers import axe_here
from tests.factories import Org

pytestmark = pytest.mark.e2e

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a5f2d1e60000000049454e44ae426082"
)


@pytest.fixture
def great(transactional_db: Any, settings: Any, tmp_path: Path) -> Org:
    settings.MEDIA_ROOT = tmp_path / "media"
    org = Org("great", "Great Places", "great-places", "GP")
    Landlord.objects.filter(pk=org.landlord.pk).update(
        brand_colour="#6f2c91",
        phone="0300 123 1234",
        email="feedback@great.test",
        address="Great Places Housing Group\n2a Derwent Avenue\nManchester M21 7QP",
    )
    return org


def _continue(page: Any) -> None:
    page.get_by_role("button", name="Continue").click()


def _complain(page: Any, live_server: Any, check: Any) -> None:
    """A resident's complaint through every page, checking each page (and error state) with `check`."""
    page.goto(f"{live_server.url}/feedback/great/")
    check("how-to")
    page.get_by_role("button", name="Start now").click()
    check("who")
    _continue(page)
    assert page.title().startswith("Error: ")
    check("who-error")
    page.get_by_label("A resident renting my home").check()
    _continue(page)
    check("kind")
    page.get_by_label("Make a complaint").check()
    _continue(page)
    check("details")
    _continue(page)
    check("details-error")
    page.fill("#id_what_happened", "Water has been coming through the bathroom ceiling for three weeks.")
    page.fill("#id_where", "Flat 4, Elm Court")
    _continue(page)
    check("dates")
    page.fill("#id_issue_day", "31")
    page.fill("#id_issue_month", "2")
    page.fill("#id_issue_year", "2026")
    _continue(page)
    check("dates-error")
    page.fill("#id_issue_day", "3")
    page.fill("#id_issue_month", "3")
    page.get_by_label("I am not sure when I found out").check()
    _continue(page)
    check("outcome")
    page.fill("#id_outcome", "Fix the leak and repaint the ceiling.")
    _continue(page)
    check("adjustments")
    page.get_by_label("An interpreter", exact=True).check()
    _continue(page)
    check("adjustments-error")
    page.fill("#id_interpreter_language", "Polish")
    _continue(page)
    check("contact")
    page.fill("#id_name", "Sam Taylor")
    page.get_by_label("Phone", exact=True).check()
    _continue(page)
    check("contact-error")
    page.fill("#id_email", "sam@example.test")
    page.get_by_label("Email", exact=True).check()
    _continue(page)
    check("attachments")
    page.set_input_files("#id_file", {"name": "ceiling.png", "mimeType": "image/png", "buffer": PNG})
    page.get_by_role("button", name="Add this file").click()
    assert page.locator(".govuk-summary-list__key", has_text="ceiling.png").count() == 1
    check("attachments-added")
    page.set_input_files(
        "#id_file", {"name": "virus.exe", "mimeType": "application/octet-stream", "buffer": b"MZ"}
    )
    page.get_by_role("button", name="Add this file").click()
    check("attachments-error")
    _continue(page)
    assert page.url.endswith("/give-feedback/check-your-answers/")
    check("check")
    page.get_by_role("link", name="Change where it happened").click()
    page.fill("#id_where", "Flat 4, Elm Court, Leeds")
    _continue(page)
    assert page.get_by_text("Flat 4, Elm Court, Leeds").count() == 1
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("heading", name="Feedback sent").count() == 1
    check("sent")


def test_a_resident_complains_with_javascript_and_every_page_passes_axe(
    page: Any, live_server: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    _complain(page, live_server, lambda name: axe_here(page, axe_js, shots / f"{name}.png"))
    case = Case.objects.get()
    assert case.kind == "complaint" and case.channel == "web"
    assert [a.original_name for a in case.attachments.all()] == ["ceiling.png"]
    stage = case.stages.get(number=1)
    assert page.get_by_text(stage.respond_by.strftime("%A %-d %B %Y")).count() == 1
    assert page.get_by_text(case.reference).count() == 1


def test_a_resident_complains_without_javascript(browser: Any, live_server: Any, great: Org) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        _complain(page, live_server, lambda name: None)
    finally:
        context.close()
    submission = PublicSubmission.objects.get()
    assert submission.status == PublicSubmission.Status.PROCESSED
    assert submission.case.customer.name == "Sam Taylor"


def test_the_representative_and_repair_pages_pass_axe(
    page: Any, live_server: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    page.goto(f"{live_server.url}/feedback/great/give-feedback/")
    page.get_by_label("I am contacting you for someone else").check()
    _continue(page)
    axe_here(page, axe_js, shots / "representative.png")
    page.get_by_label("I will upload their signed permission, or a power of attorney").check()
    _continue(page)
    axe_here(page, axe_js, shots / "representative-error.png")
    page.fill("#id_relationship", "Daughter")
    page.fill("#id_person_name", "June Taylor")
    page.get_by_label("A leaseholder").check()
    page.get_by_label("Send them a consent form to sign").check()
    _continue(page)
    page.get_by_label("Report a repair").check()
    _continue(page)
    axe_here(page, axe_js, shots / "repair.png")
    _continue(page)
    axe_here(page, axe_js, shots / "repair-error.png")


def test_the_rate_limited_page_passes_axe_and_keeps_the_answers(
    page: Any, live_server: Any, axe_js: Path, shots: Path, great: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "PER_ADDRESS_PER_HOUR", 0)
    page.goto(f"{live_server.url}/feedback/great/give-feedback/")
    page.get_by_label("A leaseholder").check()
    _continue(page)
    page.get_by_label("Pay a compliment").check()
    _continue(page)
    page.fill("#id_what_happened", "The caretaker was very helpful.")
    _continue(page)
    _continue(page)
    page.fill("#id_name", "Sam Taylor")
    page.fill("#id_phone", "07700 900 982")
    page.get_by_label("Phone", exact=True).check()
    _continue(page)
    _continue(page)
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("heading", name="You have sent a lot of feedback recently").count() == 1
    axe_here(page, axe_js, shots / "limited.png")
    assert not PublicSubmission.objects.exists()
    page.get_by_role("link", name="Go back to your answers").click()
    assert page.get_by_text("The caretaker was very helpful.").count() == 1
