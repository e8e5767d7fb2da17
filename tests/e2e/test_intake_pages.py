"""Logging feedback in a real browser: every question page, the check page with its warnings and the error
states pass axe-core (WCAG 2.0, 2.1, 2.2 A and AA) at 1280 and 375 pixels wide, and a complaint is logged
from start to finish with JavaScript switched off.

Screenshots go to $PUTRIGHT_SCREENSHOTS/intake if set (else the test's temporary folder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from putright.cases import services
from putright.cases.models import Case
from putright.customers import services as customer_services
from putright.customers.models import Customer
from putright.domain.lifecycle import Kind
from tests.e2e.helpers import axe_here, sign_in
from tests.factories import Org, at

pytestmark = pytest.mark.e2e

D = date.fromisoformat


@pytest.fixture
def great(transactional_db: Any) -> Org:
    org = Org("great", "Great Places", "great-places", "GP")
    Customer.objects.filter(pk=org.customer.pk).update(
        address="4 Mill Lane\nLeeds", postcode="LS1 4AB", phone="07700 900123"
    )
    Customer.objects.create(landlord=org.landlord, name="Alexandra Mills", address="9 Park Road, Leeds")
    earlier = services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-10-01"),
        customer=org.customer,
        summary="Leaking roof over the kitchen",
        description="Water comes through the ceiling.",
        category="Repairs",
    )
    assert earlier.reference
    customer_services.representative_add(
        landlord=org.landlord,
        actor=org.officer,
        customer_id=org.customer.pk,
        name="Jo Morgan",
        relationship="Daughter",
        basis="asked_by_customer",
    )
    customer_services.restriction_apply(
        landlord=org.landlord,
        actor=org.housing,
        customer_id=org.customer.pk,
        type="single-channel",
        reason="Many calls a day to several colleagues",
        how_to_contact="By email to the named officer.",
        understanding_sought="The housing manager met them on 1 October",
        starts_on=D("2026-10-05"),
    )
    return org


def _fill_date(page: Any, name: str, day: str, month: str, year: str) -> None:
    page.fill(f"#id_{name}_0", day)
    page.fill(f"#id_{name}_1", month)
    page.fill(f"#id_{name}_2", year)


def test_every_intake_page_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    sign_in(page, client, live_server, great.officer)
    base = f"{live_server.url}/landlords/great/feedback/new/"
    page.goto(base)
    axe_here(page, axe_js, shots / "find-customer.png")
    page.fill("#id_q", "alex")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_text("2 customers matching").count() == 1
    axe_here(page, axe_js, shots / "find-customer-results.png")
    page.goto(f"{base}?q=nobody")
    axe_here(page, axe_js, shots / "find-customer-none.png")

    page.goto(f"{base}customer/")
    page.get_by_role("button", name="Continue").click()
    assert page.title().startswith("Error: ")
    axe_here(page, axe_js, shots / "new-customer-error.png")

    page.goto(f"{base}?q=alex morgan")
    page.get_by_role("button", name="Choose Alex Morgan").click()
    assert page.url.endswith("/feedback/new/representative/")
    axe_here(page, axe_js, shots / "representative.png")
    page.get_by_label("Someone else: record a new representative").check()
    page.get_by_role("button", name="Continue").click()
    axe_here(page, axe_js, shots / "representative-error.png")
    page.get_by_label("No, the customer themselves").check()
    page.get_by_role("button", name="Continue").click()

    axe_here(page, axe_js, shots / "kind.png")
    page.get_by_role("button", name="Continue").click()
    axe_here(page, axe_js, shots / "kind-error.png")
    page.get_by_label("Complaint", exact=True).check()
    page.get_by_role("button", name="Continue").click()

    axe_here(page, axe_js, shots / "details.png")
    page.fill("#id_received_on_0", "31")
    page.fill("#id_received_on_1", "2")
    page.get_by_role("button", name="Continue").click()
    axe_here(page, axe_js, shots / "details-error.png")
    _fill_date(page, "received_on", "2", "11", "2026")
    page.fill("#id_received_time", "14:30")
    page.fill("#id_summary", "Roof leaking again over the kitchen")
    page.fill("#id_description", "Water is coming through the kitchen ceiling again after the repair.")
    page.fill("#id_category", "Repairs")
    page.get_by_role("button", name="Continue").click()

    assert page.url.endswith("/feedback/new/check/")
    assert page.get_by_text("There is an open case on the same subject").count() == 1
    axe_here(page, axe_js, shots / "check-with-warnings.png")
    page.get_by_role("button", name="Log feedback").click()
    assert page.get_by_text("Confirm you have read the warnings").count() >= 1
    axe_here(page, axe_js, shots / "check-error.png")


def test_a_complaint_is_logged_for_a_new_customer_without_javascript(
    browser: Any, live_server: Any, client: Any, great: Org
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.officer)
        page.goto(f"{live_server.url}/landlords/great/feedback/new/")
        page.get_by_role("link", name="Add a new customer").click()
        page.fill("#id_name", "Priya Shah")
        page.get_by_label("Type of customer").select_option("leaseholder")
        page.fill("#id_postcode", "ls2 7ab")
        page.fill("#id_email", "priya@example.test")
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Someone else: record a new representative").check()
        page.fill("#id_rep_name", "Sam Shah")
        page.fill("#id_rep_relationship", "Son")
        page.get_by_label("Why they are acting").select_option("asked_by_customer")
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Service request", exact=True).check()
        page.get_by_label("They chose to make a complaint").check()
        page.get_by_role("button", name="Continue").click()
        _fill_date(page, "received_on", "2", "11", "2026")
        page.fill("#id_received_time", "9:15am")
        page.fill("#id_summary", "Boiler broken for a week")
        page.fill("#id_description", "No heating or hot water since last Monday; two visits missed.")
        page.get_by_label("The customer may be vulnerable or at risk").check()
        page.get_by_role("button", name="Continue").click()
        assert page.get_by_text("Sam Shah (Son), new").count() == 1
        page.get_by_role("link", name="Change summary").click()
        page.fill("#id_summary", "Boiler broken for over a week")
        page.get_by_role("button", name="Continue").click()
        assert page.url.endswith("/feedback/new/check/")  # back to the check, not through every question
        page.get_by_role("button", name="Log feedback").click()
        complaint = Case.objects.get(kind="complaint", customer__name="Priya Shah")
        request = Case.objects.get(kind="service_request", customer__name="Priya Shah")
        assert complaint.linked_case == request and request.complaint_choice == "complaint"
        assert complaint.summary == "Boiler broken for over a week" and request.vulnerability
        assert complaint.representative is not None and complaint.representative.name == "Sam Shah"
        assert page.get_by_text(f"complaint {complaint.reference} raised").count() == 1
    finally:
        context.close()
