"""Pages added for issue 3 in a real browser: accepting what came late, declining an adjustment asked for
online, and the intake check that offers to link a reply to a complaint closed for no contact. Each passes
axe-core at 1280 and 375 pixels wide, empty and showing errors, and works without JavaScript.

Screenshots go to $PUTRIGHT_SCREENSHOTS/late-decline-and-reply if set (else the test's temporary folder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Case, TimelineEvent
from putright.customers.models import CustomerEvent
from putright.domain.lifecycle import Kind
from putright.residents.access import resident_for_email
from putright.residents.details import resident_adjustments_request
from tests.backoffice.intake.test_intake_pages import answer_up_to_details
from tests.e2e.helpers import axe_at, axe_here, sign_in
from tests.factories import Org, at

pytestmark = pytest.mark.e2e

D = date.fromisoformat


@pytest.fixture
def great(transactional_db: Any) -> Org:
    return Org("great", "Great Places", "great-places", "GP")


@pytest.fixture
def brighter(transactional_db: Any) -> Org:
    return Org("brighter", "Brighter Places", "brighter-places-2022", "BP")


def _outside_the_time_limit(org: Org) -> Case:
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-02"),
        customer=org.customer,
        summary="Repair to kitchen leak not done",
        description="The leak began in 2024.",
        issue_date=D("2024-06-01"),
    )


def _submit(page: Any) -> None:
    page.locator("form .govuk-button").first.click()
    page.wait_for_load_state("load")


def test_accepting_what_came_late_passes_axe_and_works_without_javascript(
    browser: Any, page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    case = _outside_the_time_limit(great)
    path = f"/landlords/great/cases/{case.reference}/accept-late/"
    sign_in(page, client, live_server, great.officer)
    axe_at(page, live_server, path, axe_js, shots / "accept-late.png")
    axe_at(page, live_server, path, axe_js, shots / "accept-late-errors.png", then=_submit)
    assert page.title().startswith("Error: ")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        quiet = context.new_page()
        sign_in(quiet, client, live_server, great.officer)
        quiet.goto(f"{live_server.url}{path}")
        quiet.get_by_label("Your reasons for accepting it").fill("The customer was abroad")
        quiet.get_by_role("button", name="Accept it").click()
        assert quiet.get_by_text("Accepted, with your reasons, on the timeline").count() >= 1
    finally:
        context.close()
    assert TimelineEvent.objects.filter(case=case, kind="outside_time_limit_accepted").exists()


def test_declining_an_adjustment_passes_axe_and_works_without_javascript(
    browser: Any, page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    resident = resident_for_email(great.landlord, "alex@example.test", timezone.localdate())
    asked = resident_adjustments_request(
        landlord=great.landlord,
        resident=resident,
        customer_id=great.customer.pk,
        types=["avoid_times"],
        details={"avoid_times": "Only after 8pm"},
    )
    record = f"/landlords/great/customers/{great.customer.pk}/"
    decline = f"{record}adjustments/requests/{asked.pk}/decline/"
    sign_in(page, client, live_server, great.officer)
    axe_at(page, live_server, record, axe_js, shots / "customer-asked-decline.png")
    axe_at(page, live_server, decline, axe_js, shots / "adjustment-decline.png")
    page.goto(f"{live_server.url}{decline}")
    page.get_by_role("button", name="Decline adjustment").click()
    assert page.title().startswith("Error: ")
    axe_here(page, axe_js, shots / "adjustment-decline-errors.png")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        quiet = context.new_page()
        sign_in(quiet, client, live_server, great.officer)
        quiet.goto(f"{live_server.url}{record}")
        quiet.get_by_role("link", name="Decline", exact=False).click()
        quiet.get_by_label("Why we cannot agree it").fill("We can call between 5pm and 8pm instead")
        quiet.get_by_label("What you considered under the Equality Act 2010").fill("Their shift work")
        quiet.get_by_role("button", name="Decline adjustment").click()
        assert quiet.get_by_text("Asked for online and declined").count() == 1
    finally:
        context.close()
    assert CustomerEvent.objects.filter(kind="adjustment_declined").count() == 1


def test_the_intake_check_offering_to_link_a_reply_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, brighter: Org
) -> None:
    closed = services.feedback_log(
        landlord=brighter.landlord,
        actor=brighter.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-09-01"),
        customer=brighter.customer,
        summary="Fence not repaired",
        description="The fence fell.",
    )
    services.complaint_acknowledge(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=closed.pk,
        acknowledged_on=D("2026-09-02"),
        definition=[{"point": "The fence", "outcome_sought": "Repair"}],
        responsible_for="Repairs",
    )
    services.complaint_warn_no_contact(
        landlord=brighter.landlord, actor=brighter.officer, case_id=closed.pk, letter_on=D("2026-09-03")
    )
    services.complaint_close_no_contact(
        landlord=brighter.landlord, actor=brighter.officer, case_id=closed.pk, on=timezone.localdate()
    )
    sign_in(page, client, live_server, brighter.officer)
    answer_up_to_details(client, brighter)  # the same session as the browser's
    path = "/landlords/brighter/feedback/new/check/"
    axe_at(page, live_server, path, axe_js, shots / "intake-check-no-contact.png")
    assert page.get_by_text("had a complaint closed because we could not make contact").count() == 1
    axe_at(page, live_server, path, axe_js, shots / "intake-check-no-contact-errors.png", then=_submit)
    assert page.title().startswith("Error: ")
