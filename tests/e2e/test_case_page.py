"""The case page in a real browser: a complaint with its whole history (customer panel with adjustments,
a restriction, a representative and a disclosed disability; stages with extensions, contact attempts,
response, remedies and agreed actions; Awaab's Law clocks; letters, notes and files) passes axe-core at
1280 and 375 pixels wide, and a note and a file are added with JavaScript switched off, errors included.

Full-page screenshots go to $PUTRIGHT_SCREENSHOTS/case-page if set (else the test's temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from putright.cases import services
from putright.cases.models import Case, CaseAttachment, CaseNote
from putright.cases.services.notes import case_note_add
from putright.customers.models import Adjustment, Disability, Representative, Restriction
from putright.domain.lifecycle import Kind
from tests.e2e.helpers import axe_at_cleanly, axe_check, sign_in
from tests.factories import Org, at

pytestmark = pytest.mark.e2e

D = date.fromisoformat
DEFINITION = [
    {"point": "The roof leak was not repaired after three visits", "outcome_sought": "A lasting repair"},
    {
        "point": "The bedroom ceiling and carpet were damaged",
        "outcome_sought": "Redecoration and a new carpet",
    },
]


def _complaint(great: Org) -> Case:
    """A stage 1 complaint taken to stage 2, with everything the page shows, made through the services."""
    customer = great.customer
    Adjustment.objects.create(
        landlord=great.landlord,
        customer=customer,
        type="large_print",
        details="Letters in 16 point",
        agreed_on=D("2026-09-01"),
        review_by=D("2027-03-01"),
    )
    Restriction.objects.create(
        landlord=great.landlord,
        customer=customer,
        type="single point of contact",
        reason="Several calls a day to different teams",
        how_to_contact="Email or phone Jo Bloggs only",
        understanding_sought="Met the customer on 1 October",
        starts_on=D("2026-10-02"),
        review_by=D("2027-01-04"),
        decided_by=great.housing,
    )
    Representative.objects.create(
        landlord=great.landlord,
        customer=customer,
        name="Cllr Pat Lee",
        relationship="Local councillor",
        basis="designated_person",
        authority="given",
    )
    Disability.objects.create(
        landlord=great.landlord, customer=customer, description="Sight loss", disclosed_on=D("2026-09-01")
    )
    case = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-09-01"),
        customer=customer,
        summary="Roof leak into the children's bedroom still not fixed after four weeks",
        description="Water drips through the ceiling whenever it rains.\nThe carpet is ruined.",
        category="Responsive repairs",
        service_area="Repairs and maintenance",
        contractor="Keystone Repairs Ltd",
        hazard_kind="damp-mould",
        vulnerability=True,
        vulnerability_note="Two young children; one has asthma",
    )
    services.stage_record_clarification(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        at=at("2026-09-02", "11:00"),
        channel="phone",
        reached=False,
        note="No answer; left a voicemail",
    )
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.manager,
        case_id=case.pk,
        acknowledged_on=D("2026-09-03"),
        definition=DEFINITION,
        responsible_for="Repairs to the roof",
        not_responsible_for="Contents insurance",
    )
    services.stage_extend(
        landlord=great.landlord,
        actor=great.manager,
        case_id=case.pk,
        days=10,
        notified_on=D("2026-09-10"),
        reason="Waiting for the roofer's report",
        justification="good-reason",
    )
    services.stage_respond(
        landlord=great.landlord,
        actor=great.manager,
        case_id=case.pk,
        responded_on=D("2026-09-24"),
        outcome="partly_upheld",
        summary="We are sorry that the repair took so long.",
        answers=[
            services.PointAnswer(DEFINITION[0]["point"], "upheld", "Three visits did not find the cause."),
            services.PointAnswer(DEFINITION[1]["point"], "not_upheld", "The damage predates the leak."),
        ],
        remedies=[services.RemedyInput("financial", "For the time and trouble", Decimal("150.00"))],
        actions=[services.ActionInput("Replace the flat roof", great.officer, D("2026-10-30"))],
    )
    services.escalation_request(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, requested_at=at("2026-10-01")
    )
    case_note_add(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        text="Customer asked that we only call after 4pm.\nPassed on to the roofer.",
    )
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def world(transactional_db: Any) -> Iterator[tuple[Org, Case]]:
    great = Org("great", "Great Places", "great-places", "GP")
    yield great, _complaint(great)


def test_the_case_page_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, world: tuple[Org, Case]
) -> None:
    great, case = world
    sign_in(page, client, live_server, great.officer)
    path = f"/landlords/great/cases/{case.reference}/"
    axe_at_cleanly(page, live_server, path, axe_js, shots / "case-page.png")
    assert page.locator("h1").inner_text().startswith(case.reference)
    for text in [
        "Contact restriction",
        "Letters in 16 point",
        "Cllr Pat Lee",
        "Sight loss",
        "Stage 2",
        "Replace the flat roof",
        "Waiting for the roofer's report",
        "Customer asked that we only call",
    ]:
        assert page.get_by_text(text).count() >= 1, text
    # The explanations open without JavaScript (native details).
    page.get_by_text("Why this date").first.click()
    assert page.locator("details[open]").count() == 1

    sign_in(page, client, live_server, great.board)  # read only: no forms
    axe_at_cleanly(page, live_server, path, axe_js, shots / "case-page-read-only.png")
    assert page.get_by_role("button", name="Add note").count() == 0
    assert page.get_by_text("Sight loss").count() == 0


def test_notes_and_files_are_added_without_javascript(
    browser: Any,
    live_server: Any,
    client: Any,
    axe_js: Path,
    shots: Path,
    world: tuple[Org, Case],
    tmp_path: Path,
    settings: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    great, case = world
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.manager)
        page.goto(f"{live_server.url}/landlords/great/cases/{case.reference}/")

        page.get_by_role("button", name="Add note").click()  # nothing typed
        assert page.locator(".govuk-error-summary").inner_text().count("Enter the note") == 1
        assert page.title().startswith("Error: ")
        _axe_error_page(browser, client, live_server, case, axe_js, shots / "case-page-note-error.png", great)

        page.get_by_role("textbox", name="Add an internal note").fill("Roofer booked for Monday")
        page.get_by_role("button", name="Add note").click()
        assert page.url.endswith(f"/cases/{case.reference}/#timeline")
        assert page.get_by_text("Roofer booked for Monday").count() == 1
        assert CaseNote.objects.filter(text="Roofer booked for Monday").exists()

        bad = tmp_path / "tool.exe"
        bad.write_bytes(b"MZ\x90\x00")
        page.get_by_label("Upload a file").set_input_files(str(bad))
        page.get_by_label("Describe the file (optional)").fill("Not allowed")
        page.get_by_role("button", name="Attach file").click()
        assert "The selected file must be a PDF" in page.locator(".govuk-error-summary").inner_text()
        assert page.get_by_label("Describe the file (optional)").input_value() == "Not allowed"

        good = tmp_path / "roof photo.png"
        good.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        page.get_by_label("Upload a file").set_input_files(str(good))
        page.get_by_role("button", name="Attach file").click()
        assert page.get_by_text("roof_photo.png attached").count() == 1
        attachment = CaseAttachment.objects.get()
        with page.expect_download() as download:
            page.get_by_role("link", name="Download roof_photo.png").click()
        assert download.value.suggested_filename == "roof_photo.png"
        assert (
            Path(download.value.path()).read_bytes()
            == (tmp_path / "media" / attachment.file.name).read_bytes()
        )
    finally:
        context.close()


def _axe_error_page(
    browser: Any, client: Any, live_server: Any, case: Case, axe_js: Path, shot: Path, great: Org
) -> None:
    """axe-core needs JavaScript: post the empty note again in a page that has it, and check the error page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.manager)
        page.goto(f"{live_server.url}/landlords/great/cases/{case.reference}/")
        page.get_by_role("button", name="Add note").click()
        assert page.title().startswith("Error: ")
        axe_check(page, axe_js, shot)
    finally:
        context.close()
