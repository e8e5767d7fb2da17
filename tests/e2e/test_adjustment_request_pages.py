"""Adjustments a customer asked for online, agreed from their record in a real browser: the record with its
"Asked for online, to agree" list and the Agree page (and its error state) pass axe-core at 1280 and 375
pixels wide, and an adjustment is agreed with JavaScript switched off.

Screenshots go to $PUTRIGHT_SCREENSHOTS/adjustment-request if set (else the test's temporary folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from putright.customers.models import Adjustment, CustomerEvent
from putright.residents.access import resident_for_email
from putright.residents.details import resident_adjustments_request
from tests.e2e.helpers import axe_at, axe_here, sign_in
from tests.factories import Org

pytestmark = pytest.mark.e2e


@pytest.fixture
def great(transactional_db: Any) -> Org:
    return Org("great", "Great Places", "great-places", "GP")


@pytest.fixture
def asked(great: Org) -> CustomerEvent:
    resident = resident_for_email(great.landlord, "alex@example.test", timezone.localdate())
    return resident_adjustments_request(
        landlord=great.landlord,
        resident=resident,
        customer_id=great.customer.pk,
        types=["easy_read", "avoid_times"],
        details={"avoid_times": "Mornings before 10, when I take my children to school"},
    )


def test_the_record_and_the_agree_page_pass_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org, asked: CustomerEvent
) -> None:
    sign_in(page, client, live_server, great.officer)
    record = f"/landlords/great/customers/{great.customer.pk}/"
    axe_at(page, live_server, record, axe_js, shots / "customer-asked.png")
    assert page.get_by_role("heading", name="Asked for online, to agree").count() == 1
    agree = f"{record}adjustments/requests/{asked.pk}/agree/"
    axe_at(page, live_server, agree, axe_js, shots / "adjustment-agree.png")
    page.goto(f"{live_server.url}{agree}")
    page.fill("#id_agreed_on_0", "")
    page.get_by_role("button", name="Agree adjustment").click()
    assert page.title().startswith("Error: ")
    axe_here(page, axe_js, shots / "adjustment-agree-error.png")
    assert not Adjustment.objects.exists()


def test_an_adjustment_asked_for_is_agreed_without_javascript(
    browser: Any, live_server: Any, client: Any, great: Org, asked: CustomerEvent
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.officer)
        page.goto(f"{live_server.url}/landlords/great/customers/{great.customer.pk}/")
        page.get_by_role("link", name="Agree the adjustments asked for", exact=False).click()
        page.get_by_label("Times to avoid: Mornings", exact=False).check()
        page.get_by_role("button", name="Agree adjustment").click()
        assert page.get_by_text("Adjustment agreed: Times to avoid").count() >= 1
        agreed = Adjustment.objects.get(customer=great.customer)
        assert agreed.type == "avoid_times" and agreed.details.startswith("Mornings")
        # What is left to agree stays on the record.
        assert page.get_by_text("Easy read", exact=True).count() >= 1
    finally:
        context.close()
