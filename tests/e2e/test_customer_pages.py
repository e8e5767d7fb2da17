"""The customer search, the customer record and every action page in a real browser: axe-core finds no
WCAG 2.0, 2.1 or 2.2 A or AA violations at 1280 and 375 pixels wide, and an adjustment is recorded and a
restriction reviewed with JavaScript switched off.

Screenshots go to $PUTRIGHT_SCREENSHOTS/customer if set (else the test's temporary folder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from putright.cases import services
from putright.customers import services as customer_services
from putright.customers.models import Adjustment, Customer, Restriction
from putright.domain.lifecycle import Kind
from tests.e2e.helpers import axe_at, axe_check, sign_in
from tests.factories import Org, at

pytestmark = pytest.mark.e2e

D = date.fromisoformat


@pytest.fixture
def great(transactional_db: Any) -> Org:
    org = Org("great", "Great Places", "great-places", "GP")
    Customer.objects.filter(pk=org.customer.pk).update(
        address="4 Mill Lane\nLeeds", postcode="LS1 4AB", phone="07700 900123"
    )
    for name in ("Alexandra Mills", "Priya Shah", "Tomasz Nowak"):
        Customer.objects.create(landlord=org.landlord, name=name, address="9 Park Road, Leeds")
    for summary, kind in (
        ("Leaking roof over the kitchen", Kind.COMPLAINT),
        ("Thank you to the caretaker", Kind.COMPLIMENT),
    ):
        services.feedback_log(
            landlord=org.landlord,
            actor=org.officer,
            kind=kind,
            channel="phone",
            received_at=at("2026-10-01"),
            customer=org.customer,
            summary=summary,
            description="Told us on the phone.",
        )
    customer_services.adjustment_record(
        landlord=org.landlord,
        actor=org.officer,
        customer_id=org.customer.pk,
        type="large_print",
        details="Letters in 16 point Arial",
        agreed_on=D("2025-10-01"),
    )
    customer_services.disability_record(
        landlord=org.landlord,
        actor=org.officer,
        customer_id=org.customer.pk,
        description="Sight loss",
        disclosed_on=D("2025-10-01"),
    )
    restriction = customer_services.restriction_apply(
        landlord=org.landlord,
        actor=org.housing,
        customer_id=org.customer.pk,
        type="single-channel",
        reason="Many calls a day to several colleagues",
        how_to_contact="By email to the named officer.",
        understanding_sought="The housing manager met them on 1 October",
        starts_on=D("2026-08-05"),
    )
    customer_services.restriction_review(
        landlord=org.landlord,
        actor=org.housing,
        restriction_id=restriction.pk,
        reviewed_on=D("2026-11-02"),
        extend=True,
        reasons="Calls continued after the letter",
    )
    customer_services.representative_add(
        landlord=org.landlord,
        actor=org.officer,
        customer_id=org.customer.pk,
        name="Jo Morgan",
        relationship="Daughter",
        basis="asked_by_customer",
        email="jo@example.test",
    )
    return org


def test_search_and_record_pass_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    sign_in(page, client, live_server, great.officer)
    axe_at(page, live_server, "/landlords/great/customers/", axe_js, shots / "customers.png")
    axe_at(page, live_server, "/landlords/great/customers/?q=leeds", axe_js, shots / "customers-search.png")
    axe_at(page, live_server, "/landlords/great/customers/?q=zebra", axe_js, shots / "customers-none.png")
    axe_at(page, live_server, "/landlords/great/customers/new/", axe_js, shots / "customer-add.png")
    record = f"/landlords/great/customers/{great.customer.pk}/"
    axe_at(page, live_server, record, axe_js, shots / "customer.png")
    assert page.get_by_text("Sight loss").count() == 1
    assert page.get_by_text("Calls continued after the letter", exact=False).count() >= 1
    sign_in(page, client, live_server, great.board)
    axe_at(page, live_server, record, axe_js, shots / "customer-read-only.png")
    assert page.get_by_text("Sight loss").count() == 0


def test_every_action_page_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    both = great.housing  # housing managers may manage customers, adjustments and restrictions
    sign_in(page, client, live_server, both)
    base = f"/landlords/great/customers/{great.customer.pk}/"
    adjustment = Adjustment.objects.get(customer=great.customer)
    restriction = Restriction.objects.get(customer=great.customer)
    rep = great.customer.representatives.get()
    for name, path in (
        ("contact", "contact/"),
        ("representative-add", "representatives/new/"),
        ("authority", f"representatives/{rep.pk}/authority/"),
        ("adjustment-add", "adjustments/new/"),
        ("adjustment-review", f"adjustments/{adjustment.pk}/review/"),
        ("adjustment-end", f"adjustments/{adjustment.pk}/end/"),
        ("disability-add", "disabilities/new/"),
        ("restriction-apply", "restrictions/new/"),
        ("restriction-review", f"restrictions/{restriction.pk}/review/"),
        ("restriction-appeal", f"restrictions/{restriction.pk}/appeal/"),
    ):
        axe_at(page, live_server, f"{base}{path}", axe_js, shots / f"{name}.png")
    # An error state: the restriction form sent empty.
    page.goto(f"{live_server.url}{base}restrictions/new/")
    page.fill("#id_starts_on_0", "")
    page.get_by_role("button", name="Apply restriction").click()
    assert page.title().startswith("Error: ")
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        axe_check(page, axe_js, shots / "restriction-apply-error.png", width=width)


def test_an_adjustment_and_a_restriction_review_without_javascript(
    browser: Any, live_server: Any, client: Any, great: Org
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.housing)
        page.goto(f"{live_server.url}/landlords/great/customers/?q=LS14AB")
        page.get_by_role("link", name="Alex Morgan").click()
        page.get_by_role("link", name="Record a reasonable adjustment").click()
        page.get_by_label("Interpreter").check()
        page.fill("#id_details", "Polish")
        page.get_by_role("button", name="Record adjustment").click()
        assert page.get_by_text("Adjustment recorded: Interpreter").count() == 1
        assert Adjustment.objects.filter(customer=great.customer, type="interpreter").exists()
        page.get_by_role("link", name="Review or lift").click()
        page.get_by_label("Lift the restriction").check()
        page.fill("#id_reasons", "No calls since the review")
        page.get_by_role("button", name="Record the review").click()
        assert page.get_by_text("Restriction lifted").count() >= 1
        assert Restriction.objects.get(customer=great.customer).status == "lifted"
    finally:
        context.close()
