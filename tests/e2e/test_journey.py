"""The complete journey in a real browser, every step through the pages: an officer logs a complaint,
acknowledges it with its definition (a senior leader to investigate), extends, and responds with a
remedy; the customer escalates; a different senior leader is assigned (the stage 1 handler is not
offered), acknowledges and gives the final response; the case closes with learning. Each step starts
from the case page's action panel, as a complaints officer would.

Screenshots of the case page along the way go to $PUTRIGHT_SCREENSHOTS/journey if set (else the test's
temporary folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from putright.cases.models import Case, Learning, Remedy, Stage
from tests.e2e.helpers import sign_in
from tests.factories import Org

pytestmark = pytest.mark.e2e


@pytest.fixture
def great(transactional_db: Any) -> Org:
    return Org("great", "Great Places", "great-places", "GP")


def _date(page: Any, name: str, day: str, month: str, year: str = "2026") -> None:
    page.fill(f"#id_{name}_0", day)
    page.fill(f"#id_{name}_1", month)
    page.fill(f"#id_{name}_2", year)


def _banner(page: Any) -> str:
    return str(page.locator(".govuk-notification-banner--success").inner_text())


def _action(page: Any, name: str) -> None:
    """Follow an action from the case page's panel."""
    page.locator("#case-actions-heading").locator("..").get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state("load")


def test_the_complete_journey_through_the_pages(
    page: Any, live_server: Any, client: Any, shots: Path, great: Org
) -> None:
    sign_in(page, client, live_server, great.officer)

    # The officer logs a complaint received by phone.
    page.goto(f"{live_server.url}/landlords/great/feedback/new/?q=alex")
    page.get_by_role("button", name="Choose Alex Morgan").click()
    page.get_by_label("No, the customer themselves").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Complaint", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    _date(page, "received_on", "2", "11")
    page.fill("#id_received_time", "10:00")
    page.fill("#id_summary", "Kitchen leak not repaired after three visits")
    page.fill("#id_description", "Water still comes through the kitchen ceiling; three visits, no repair.")
    page.fill("#id_category", "Repairs")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Log feedback").click()
    page.wait_for_load_state("load")
    case = Case.objects.get(landlord=great.landlord)
    assert case.status == "stage1_received"
    assert page.url.endswith(f"/landlords/great/cases/{case.reference}/")
    page.screenshot(path=str(shots / "1-logged.png"), full_page=True)

    # Acknowledged with the complaint definition.
    _action(page, "Acknowledge")
    _date(page, "acknowledged_on", "3", "11")
    page.fill("#id_point_0", "The kitchen leak was not repaired after three visits")
    page.fill("#id_outcome_sought_0", "A lasting repair")
    page.fill("#id_point_1", "Calls were not returned")
    page.fill("#id_outcome_sought_1", "An apology")
    page.get_by_label("What we are responsible for", exact=True).fill("Repairs to the home")
    page.get_by_label("Who will investigate").select_option(str(great.director2.pk))
    page.get_by_role("button", name="Acknowledge and send the letter").click()
    assert "Stage 1 acknowledged" in _banner(page)

    # Extended, with the reason the customer was given.
    _action(page, "Extend the response date")
    page.fill("#id_days", "5")
    _date(page, "notified_on", "10", "11")
    page.fill("#id_reason", "We are waiting for the roofer's report")
    page.get_by_role("button", name="Extend and send the notice").click()
    assert "Response date extended by 5 working days" in _banner(page)

    # Responded with a decision on each point and a remedy with compensation.
    _action(page, "Send the response")
    _date(page, "responded_on", "17", "11")
    for index in range(2):
        page.locator(f"#id_decision_{index}_0").check()
        page.fill(f"#id_reasons_{index}", "We did not keep to our repair timescales.")
    page.locator("#id_outcome_0").check()
    page.get_by_label("The response", exact=True).fill("We are sorry: the repair took far too long.")
    page.locator("#id_remedy_type_0").select_option("financial")
    page.fill("#id_remedy_description_0", "Compensation for the time without a working kitchen")
    page.fill("#id_remedy_amount_0", "150")
    page.get_by_role("button", name="Send the response").click()
    assert "Stage 1 response sent" in _banner(page)
    page.screenshot(path=str(shots / "2-stage-1-responded.png"), full_page=True)

    # The customer escalates.
    _action(page, "Record a request for stage 2")
    _date(page, "requested_on", "18", "11")
    page.get_by_role("button", name="Record the request").click()
    assert "Stage 2 requested" in _banner(page)

    # A senior leader is assigned: never the stage 1 handler, though also a senior leader.
    _action(page, "Assign the stage 2 handler")
    assert page.get_by_label(str(great.director2)).count() == 0
    page.get_by_label(str(great.director)).check()
    page.get_by_role("button", name="Assign").click()
    assert f"Stage 2 assigned to {great.director}" in _banner(page)

    # The senior leader acknowledges stage 2 and gives the final response.
    sign_in(page, client, live_server, great.director)
    page.goto(f"{live_server.url}/landlords/great/cases/{case.reference}/")
    page.screenshot(path=str(shots / "3-stage-2-handler.png"), full_page=True)
    _action(page, "Acknowledge")
    _date(page, "acknowledged_on", "19", "11")
    assert page.locator("#id_point_0").input_value() == "The kitchen leak was not repaired after three visits"
    page.get_by_label("What we are responsible for", exact=True).fill("Repairs and how we kept in touch")
    page.get_by_role("button", name="Acknowledge and send the letter").click()
    assert "Stage 2 acknowledged" in _banner(page)
    _action(page, "Send the response")
    _date(page, "responded_on", "23", "11")
    for index in range(2):
        page.locator(f"#id_decision_{index}_0").check()
        page.fill(f"#id_reasons_{index}", "Stage 1 was right; the compensation stands.")
    page.locator("#id_outcome_0").check()
    page.get_by_label("The response", exact=True).fill("This is our final response.")
    page.get_by_role("button", name="Send the response").click()
    assert "Stage 2 response sent" in _banner(page)

    # The case closes with learning.
    sign_in(page, client, live_server, great.officer)
    page.goto(f"{live_server.url}/landlords/great/cases/{case.reference}/")
    _action(page, "Close with learning")
    page.fill("#id_lesson", "Book the roofer at the first visit when a leak comes from the roof")
    page.get_by_role("button", name="Close the complaint").click()
    assert "Complaint closed and the learning recorded" in _banner(page)
    page.screenshot(path=str(shots / "4-closed.png"), full_page=True)

    case.refresh_from_db()
    assert case.status == "closed"
    stage1, stage2 = Stage.objects.get(case=case, number=1), Stage.objects.get(case=case, number=2)
    assert stage1.handler == great.director2 and stage2.handler == great.director
    assert stage1.extensions.count() == 1 and stage1.outcome == stage2.outcome == "upheld"
    assert Remedy.objects.get(stage=stage1).compensation_offered == 150
    assert Learning.objects.get(case=case).lesson.startswith("Book the roofer")
