"""The Ombudsman page, recording compliance with an order, the learning log, publishing a lesson and the
public "you said, we did" page in a real browser: axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA
violations at 1280 and 375 pixels wide. Screenshots go to $PUTRIGHT_SCREENSHOTS if set."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from putright.ombudsman import services
from putright.ombudsman.models import Order
from putright.ombudsman.services import FindingInput, OrderInput
from tests.e2e.test_worklist_pages import _check, _sign_in
from tests.factories import Org
from tests.ombudsman.conftest import learn, log_complaint

pytestmark = pytest.mark.e2e
D = date.fromisoformat


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PUTRIGHT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


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
    _sign_in(page, client, live_server, great.officer)
    _check(page, live_server, "/landlords/great/ombudsman/", axe_js, shots / "ombudsman.png")
    assert page.locator("h1").inner_text() == "Ombudsman cases"
    _check(page, live_server, "/landlords/great/ombudsman/refer/", axe_js, shots / "refer.png")
    page.click("button.govuk-button")  # nothing typed: the error summary
    assert page.locator(".govuk-error-summary").count() == 1
    order = Order.objects.get(type="order")
    form = f"/landlords/great/ombudsman/orders/{order.pk}/complete/"
    _check(page, live_server, form, axe_js, shots / "order-complete.png")
    page.click("button.govuk-button")  # nothing typed: the error summary, without JavaScript or not
    assert page.locator(".govuk-error-summary").count() == 1
    _check(page, live_server, "/landlords/great/learning/", axe_js, shots / "learning.png")
    _check(
        page,
        live_server,
        "/landlords/great/learning/?start_day=1&start_month=6&start_year=2026&end_day=1&end_month=5&end_year=2026",
        axe_js,
        shots / "learning-error.png",
    )
    assert page.locator(".govuk-error-summary").count() == 1
    learning_id = great.customer.cases.get().learning.pk
    _check(
        page, live_server, f"/landlords/great/learning/{learning_id}/publish/", axe_js, shots / "publish.png"
    )
    page.fill("#id_you_said", "Repairs to leaks took too long")
    page.fill("#id_we_did", "We now chase every open repair weekly")
    page.fill("[name=published_on_day]", "10")
    page.fill("[name=published_on_month]", "5")
    page.fill("[name=published_on_year]", "2026")
    page.click("button.govuk-button")
    assert page.locator("h1").inner_text() == "Learning log"
    _check(page, live_server, "/feedback/great/you-said-we-did/", axe_js, shots / "you-said-we-did.png")
    assert "We now chase every open repair weekly" in page.content()
