"""The Ombudsman page, an Ombudsman case's page, its stages and determination, recording compliance with an
order, Code non-compliance, the learning log, publishing a lesson and the public "you said, we did" page in
a real browser: axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA violations at 1280 and 375 pixels
wide, error states included. Screenshots go to $PUTRIGHT_SCREENSHOTS/ombudsman if set."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from putright.cases.models import Stage
from putright.ombudsman import services
from putright.ombudsman.models import NonCompliance, OmbudsmanCase, Order
from putright.ombudsman.services import FindingInput, OrderInput
from tests.e2e.helpers import axe_at_cleanly, axe_here, sign_in
from tests.factories import Org
from tests.ombudsman.conftest import learn, log_complaint

pytestmark = pytest.mark.e2e
D = date.fromisoformat


@pytest.fixture
def great(transactional_db: Any) -> Org:
    org = Org("great", "Great Places", "great-places", "GP")
    case = log_complaint(org)
    learn(org, case)
    referral = services.ombudsman_case_refer(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        ombudsman_reference="202512345",
        referred_on=D("2026-04-01"),
    )
    services.ombudsman_case_determine(
        landlord=org.landlord,
        actor=org.officer,
        ombudsman_case_id=referral.pk,
        determined_on=D("2026-06-01"),
        summary="Delays in repairing a leak",
        findings=[
            FindingInput("Handling of the leak", "maladministration"),
            FindingInput("Complaint handling", "service_failure"),
        ],
        orders=[
            OrderInput("order", "Apologise in writing", D("2026-06-29")),
            OrderInput("recommendation", "Review how repairs are chased", D("2026-08-31")),
        ],
    )
    services.non_compliance_record(
        landlord=org.landlord,
        actor=org.director,
        provision="5.8",
        from_date=D("2026-02-01"),
        reason="A cyber attack took the housing system offline",
        ombudsman_told_on=D("2026-02-03"),
    )
    return org


def test_ombudsman_and_learning_pages_pass_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    sign_in(page, client, live_server, great.officer)
    axe_at_cleanly(page, live_server, "/landlords/great/ombudsman/", axe_js, shots / "ombudsman.png")
    assert page.locator("h1").inner_text() == "Ombudsman cases"
    axe_at_cleanly(page, live_server, "/landlords/great/ombudsman/refer/", axe_js, shots / "refer.png")
    page.click("button.govuk-button")  # nothing typed: the error summary
    assert page.locator(".govuk-error-summary").count() == 1
    order = Order.objects.get(type="order")
    form = f"/landlords/great/ombudsman/orders/{order.pk}/complete/"
    axe_at_cleanly(page, live_server, form, axe_js, shots / "order-complete.png")
    page.click("button.govuk-button")  # nothing typed: the error summary, without JavaScript or not
    assert page.locator(".govuk-error-summary").count() == 1
    axe_at_cleanly(page, live_server, "/landlords/great/learning/", axe_js, shots / "learning.png")
    axe_at_cleanly(
        page,
        live_server,
        "/landlords/great/learning/?start_day=1&start_month=6&start_year=2026&end_day=1&end_month=5&end_year=2026",
        axe_js,
        shots / "learning-error.png",
    )
    assert page.locator(".govuk-error-summary").count() == 1
    learning_id = great.customer.cases.get().learning.pk
    axe_at_cleanly(
        page, live_server, f"/landlords/great/learning/{learning_id}/publish/", axe_js, shots / "publish.png"
    )
    page.fill("#id_you_said", "Repairs to leaks took too long")
    page.fill("#id_we_did", "We now chase every open repair weekly")
    page.fill("[name=published_on_day]", "10")
    page.fill("[name=published_on_month]", "5")
    page.fill("[name=published_on_year]", "2026")
    page.click("button.govuk-button")
    assert page.locator("h1").inner_text() == "Learning log"
    axe_at_cleanly(
        page, live_server, "/feedback/great/you-said-we-did/", axe_js, shots / "you-said-we-did.png"
    )
    assert "We now chase every open repair weekly" in page.content()


def test_ombudsman_case_determination_and_non_compliance_pages_pass_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    case = great.customer.cases.get()
    Stage.objects.filter(case=case).update(definition=[{"point": "The leak was not repaired"}])
    open_referral = services.ombudsman_case_refer(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        ombudsman_reference="202699999",
        referred_on=D("2026-07-01"),
    )
    determined = OmbudsmanCase.objects.get(ombudsman_reference="202512345")
    sign_in(page, client, live_server, great.officer)
    base = f"/landlords/great/ombudsman/{open_referral.pk}/"
    axe_at_cleanly(
        page,
        live_server,
        f"/landlords/great/ombudsman/{determined.pk}/",
        axe_js,
        shots / "case-determined.png",
    )
    assert "Maladministration" in page.content() and "Overdue" in page.content()
    axe_at_cleanly(page, live_server, base, axe_js, shots / "case-referred.png")
    page.click("text=Record that it is accepted for investigation")
    page.fill("[name=on_day]", "30")
    page.fill("[name=on_month]", "6")
    page.fill("[name=on_year]", "2026")
    page.click("button.govuk-button")  # before the referral: refused, what was typed kept
    assert page.locator(".govuk-error-summary").count() == 1
    assert page.input_value("[name=on_day]") == "30"
    axe_here(page, axe_js, shots / "advance-error.png")
    page.fill("[name=on_day]", "10")
    page.fill("[name=on_month]", "7")
    page.click("button.govuk-button")
    assert "accepted for investigation" in page.locator(".govuk-notification-banner").inner_text().lower()

    axe_at_cleanly(page, live_server, f"{base}determine/", axe_js, shots / "determine.png")
    assert page.input_value("#id_finding_element_0") == "The leak was not repaired"
    page.click("button:has-text('Add another finding')")  # without JavaScript: one more row, nothing saved
    assert page.locator("#id_finding_element_1").count() == 1
    page.fill("[name=determined_on_day]", "1")
    page.fill("[name=determined_on_month]", "9")
    page.fill("[name=determined_on_year]", "2026")
    page.fill("#id_finding_element_1", "Complaint handling")
    page.fill("#id_order_description_0", "Apologise in writing")
    page.click("button:has-text('Record the determination')")  # half-filled rows: errors, input kept
    assert page.locator(".govuk-error-summary").count() == 1
    assert page.input_value("#id_finding_element_1") == "Complaint handling"
    axe_here(page, axe_js, shots / "determine-error.png")
    page.select_option("#id_finding_kind_0", "maladministration")
    page.select_option("#id_finding_kind_1", "service_failure")
    page.select_option("#id_order_type_0", "order")
    page.fill("[name=order_due_0_day]", "30")
    page.fill("[name=order_due_0_month]", "9")
    page.fill("[name=order_due_0_year]", "2026")
    page.click("button:has-text('Record the determination')")
    assert page.locator("h1").inner_text().startswith("Ombudsman case 202699999")
    axe_here(page, axe_js, shots / "case-after-determination.png")

    axe_at_cleanly(
        page, live_server, "/landlords/great/ombudsman/non-compliance/", axe_js, shots / "non-compliance.png"
    )
    axe_at_cleanly(
        page, live_server, "/landlords/great/ombudsman/non-compliance/new/", axe_js, shots / "nc-new.png"
    )
    page.click("button.govuk-button")  # nothing typed
    assert page.locator(".govuk-error-summary").count() == 1
    axe_here(page, axe_js, shots / "nc-new-error.png")
    entry = NonCompliance.objects.get()
    axe_at_cleanly(
        page,
        live_server,
        f"/landlords/great/ombudsman/non-compliance/{entry.pk}/",
        axe_js,
        shots / "nc-change.png",
    )
    page.fill("[name=returned_on_day]", "1")
    page.fill("[name=returned_on_month]", "3")
    page.fill("[name=returned_on_year]", "2026")
    page.click("button.govuk-button")
    assert page.locator("h1").inner_text() == "Code non-compliance in exceptional circumstances"
    assert "1 Mar 2026" in page.content()
