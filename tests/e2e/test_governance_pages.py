"""The governance page, the Code self-assessment (the form, answering a provision, recording approval) and
the annual complaints report (its page, the analysis and the governing body's response) in a real browser:
axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA violations at 1280 and 375 pixels wide, error states
included. Screenshots go to $PUTRIGHT_SCREENSHOTS/governance if set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from putright.accounts.models import Role
from putright.governance import annual, services
from tests.e2e.helpers import axe_at_cleanly, axe_here, sign_in
from tests.factories import Org, make_staff
from tests.reporting.conftest import build_year2025

pytestmark = pytest.mark.e2e


@pytest.fixture
def great(transactional_db: Any) -> Org:
    org = Org("great", "Great Places", "great-places", "GP")
    build_year2025(org, Org("brighter", "Brighter Places", "brighter-places-2022", "BP"))
    return org


def test_governance_pages_pass_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    assessment = services.self_assessment_start(
        landlord=great.landlord, actor=great.officer, year_starting=2025
    )
    annual.annual_report_start(landlord=great.landlord, actor=great.officer, year_starting=2025)
    sign_in(page, client, live_server, great.officer)
    axe_at_cleanly(page, live_server, "/landlords/great/governance/", axe_js, shots / "governance.png")
    assert "30 September 2026" in page.content()
    base = f"/landlords/great/governance/self-assessments/{assessment.pk}/"
    axe_at_cleanly(page, live_server, base, axe_js, shots / "self-assessment.png")
    assert "4 of 5 stage 1 responses issued" in page.content()
    row = assessment.rows.get(provision="6.3")
    axe_at_cleanly(page, live_server, f"{base}rows/{row.pk}/", axe_js, shots / "row.png")
    page.check("#id_comply_0")  # yes, against the evidence, with no reason: refused, what was typed kept
    page.fill("#id_commentary", "Late responses were in April only")
    page.click("text=Save answer")
    assert page.locator(".govuk-error-summary").count() == 1
    assert page.input_value("#id_commentary") == "Late responses were in April only"
    axe_here(page, axe_js, shots / "row-error.png")
    page.fill("#id_comply_reason", "The one late response followed a bank holiday")
    page.click("text=Save answer")
    assert "Provision 6.3 answered" in page.locator(".govuk-notification-banner").inner_text()

    axe_at_cleanly(
        page, live_server, "/landlords/great/governance/annual-reports/2025/", axe_js, shots / "annual.png"
    )
    axe_at_cleanly(
        page,
        live_server,
        "/landlords/great/governance/annual-reports/2025/edit/",
        axe_js,
        shots / "annual-edit.png",
    )
    page.fill("#id_published_url", "https://great.test/report")
    page.click("button.govuk-button")  # an address without a date: refused
    assert page.locator(".govuk-error-summary").count() == 1
    axe_here(page, axe_js, shots / "annual-edit-error.png")

    mrc = make_staff(great.landlord, "mrc@great.test", Role.MEMBER_RESPONSIBLE)
    sign_in(page, client, live_server, mrc)
    axe_at_cleanly(page, live_server, f"{base}approve/", axe_js, shots / "approve.png")
    today = timezone.localdate()
    page.fill("[name=approved_on_day]", str(today.day))
    page.fill("[name=approved_on_month]", str(today.month))
    page.fill("[name=approved_on_year]", str(today.year))
    page.fill("#id_approved_by", "The Board")
    page.fill("#id_minute", "B/26/4")
    page.click("button.govuk-button")  # provisions not yet answered: refused
    assert "Answer every provision" in page.locator(".govuk-error-summary").inner_text()
    axe_here(page, axe_js, shots / "approve-error.png")
    axe_at_cleanly(
        page,
        live_server,
        "/landlords/great/governance/annual-reports/2025/respond/",
        axe_js,
        shots / "respond.png",
    )
