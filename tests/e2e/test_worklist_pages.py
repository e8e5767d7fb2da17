"""My work, team work and the case list in a real browser: signed in through a session cookie, axe-core
finds no WCAG 2.0, 2.1 or 2.2 level A or AA violations at 1280 and 375 pixels wide, and the filters,
sorting and paging work with JavaScript switched off.

Full-page screenshots go to $PUTRIGHT_SCREENSHOTS/worklist if set (else the test's temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from putright.accounts.models import Role
from putright.cases import services
from putright.customers import services as customer_services
from putright.customers.models import Customer
from putright.domain.lifecycle import Kind
from tests.e2e.helpers import axe_at_cleanly, sign_in
from tests.factories import Org, at, make_staff

pytestmark = pytest.mark.e2e

D = date.fromisoformat
DEFINITION = [{"point": "The leak was not repaired", "outcome_sought": "A repair"}]
NAMES = ["Alex Morgan", "Priya Shah", "Tomasz Nowak", "Grace O'Brien", "Sam Okafor", "Lena Fischer"]
SUMMARIES = [
    "Damp and black mould in the bedroom",
    "Repair to kitchen leak not done after three visits",
    "Antisocial behaviour from a neighbour not dealt with",
    "Service charge increase not explained",
    "Operative was rude during a gas safety check",
    "Missed appointment for a boiler repair",
]


def _world(transactional_db: Any) -> tuple[Org, Org]:
    """Two landlords with cases in every worklist section, made through the services with past dates."""
    great = Org("great", "Great Places", "great-places", "GP")
    brighter = Org("brighter", "Brighter Places", "brighter-places-2022", "BP")
    customers = [great.customer] + [
        Customer.objects.create(
            landlord=great.landlord, name=name, address=f"{i + 2} Mill Lane, Leeds", postcode=f"LS1 {i}AB"
        )
        for i, name in enumerate(NAMES[1:])
    ]

    def log(org: Org, received: str, i: int, **extra: Any) -> Any:
        return services.feedback_log(
            landlord=org.landlord,
            actor=org.officer,
            kind=extra.pop("kind", Kind.COMPLAINT),
            channel=extra.pop("channel", "phone"),
            received_at=at(received),
            customer=customers[i % len(customers)] if org is great else org.customer,
            summary=SUMMARIES[i % len(SUMMARIES)],
            description="The customer called to say nothing has happened since their last call.",
            category=extra.pop("category", ["Repairs", "Neighbourhood", "Income"][i % 3]),
            service_area=extra.pop("service_area", ["Property services", "Housing management"][i % 2]),
            **extra,
        )

    for i, day in enumerate(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-19", "2026-11-20"]):
        log(great, day, i)
    for i in range(3):
        case = log(great, "2026-11-02", i + 1, contractor="Acme Roofing")
        services.complaint_acknowledge(
            landlord=great.landlord,
            actor=great.officer,
            case_id=case.pk,
            acknowledged_on=D("2026-11-03"),
            definition=DEFINITION,
            responsible_for="Repairs to the home",
        )
        if i == 0:
            services.stage_extend(
                landlord=great.landlord,
                actor=great.officer,
                case_id=case.pk,
                days=10,
                notified_on=D("2026-11-12"),
                reason="Waiting for the contractor's report",
            )
    escalated = log(great, "2026-10-01", 4)
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.manager,
        case_id=escalated.pk,
        acknowledged_on=D("2026-10-02"),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )
    services.stage_respond(
        landlord=great.landlord,
        actor=great.manager,
        case_id=escalated.pk,
        responded_on=D("2026-10-09"),
        outcome="partly_upheld",
        summary="We are sorry for the delay.",
        answers=[services.PointAnswer(p["point"], "upheld", "The repair was late.") for p in DEFINITION],
        actions=[services.ActionInput("Replace the kitchen worktop", great.officer, D("2026-11-20"))],
    )
    services.escalation_request(
        landlord=great.landlord, actor=great.officer, case_id=escalated.pk, requested_at=at("2026-10-12")
    )
    log(great, "2026-11-10", 0, hazard_kind="damp-mould", vulnerability=True)
    log(great, "2026-11-18", 5, kind=Kind.SERVICE_REQUEST, hazard_kind="emergency", vulnerability=True)
    log(great, "2026-11-04", 2, about_colleague=True, colleagues_named="A housing officer")
    log(great, "2026-11-05", 3, kind=Kind.COMPLIMENT)
    customer_services.adjustment_record(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        type="large_print",
        details="Letters in 16 point",
        agreed_on=D("2025-11-24"),
    )
    for i in range(2):
        log(brighter, "2026-11-02", i)
    return great, brighter


@pytest.fixture
def world(transactional_db: Any) -> Iterator[tuple[Org, Org]]:
    yield _world(transactional_db)


def test_my_work_and_team_work_pass_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, world: tuple[Org, Org]
) -> None:
    great, _ = world
    sign_in(page, client, live_server, great.officer)
    axe_at_cleanly(page, live_server, "/work/", axe_js, shots / "my-work.png")
    assert page.locator("h1").inner_text() == "My work"
    assert page.locator("#awaiting_acknowledgement .putright-count").inner_text() != "0"
    axe_at_cleanly(page, live_server, "/work/?view=team", axe_js, shots / "team-work.png")
    assert page.locator("h1").inner_text() == "Team work"
    assert page.get_by_text("Nothing awaiting acknowledgement.").count() == 0


def test_my_work_for_someone_covering_two_landlords_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, world: tuple[Org, Org]
) -> None:
    great, brighter = world
    both = make_staff(great.landlord, "cover@both.test", Role.FEEDBACK_OFFICER)
    make_staff(brighter.landlord, "cover@both.test", Role.FEEDBACK_OFFICER)
    sign_in(page, client, live_server, both)
    axe_at_cleanly(page, live_server, "/work/", axe_js, shots / "my-work-two-landlords.png")
    assert page.get_by_text("At a glance, by landlord").count() == 1


def test_my_work_with_nothing_to_do_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, world: tuple[Org, Org]
) -> None:
    great, _ = world
    sign_in(page, client, live_server, great.board)
    axe_at_cleanly(page, live_server, "/work/", axe_js, shots / "my-work-empty.png")
    assert page.get_by_text("Nothing awaiting acknowledgement.").count() == 1


def test_case_list_with_filters_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, world: tuple[Org, Org]
) -> None:
    great, _ = world
    sign_in(page, client, live_server, great.officer)
    axe_at_cleanly(page, live_server, "/landlords/great/cases/", axe_js, shots / "case-list.png")
    path = "/landlords/great/cases/?kind=complaint&category=Repairs&flags=vulnerability&flags=hazard&sort=-received"
    axe_at_cleanly(page, live_server, path, axe_js, shots / "case-list-filtered.png")
    assert page.locator("tbody tr").count() >= 1
    axe_at_cleanly(
        page, live_server, "/landlords/great/cases/?category=Nope", axe_js, shots / "case-list-error.png"
    )
    # A search counts its matches with its page (one query): the same count, results and pagination.
    axe_at_cleanly(
        page, live_server, "/landlords/great/cases/?q=repair", axe_js, shots / "case-list-search.png"
    )
    listed = page.locator("tbody tr").count()
    assert listed >= 1 and page.locator("#results-heading").inner_text() == f"{listed} cases"
    axe_at_cleanly(
        page,
        live_server,
        "/landlords/great/cases/?q=nothing-matches-this",
        axe_js,
        shots / "case-list-none.png",
    )


def test_case_list_works_without_javascript(
    browser: Any, live_server: Any, client: Any, world: tuple[Org, Org]
) -> None:
    great, _ = world
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.officer)
        page.goto(f"{live_server.url}/work/")
        page.get_by_role("link", name="Team work").click()
        assert page.url.endswith("/work/?view=team")
        page.goto(f"{live_server.url}/landlords/great/cases/")
        total = page.locator("tbody tr").count()
        page.get_by_label("Category").select_option("Repairs")
        page.get_by_label("Vulnerable customer").check()
        page.get_by_role("button", name="Apply filters").last.click()
        assert "category=Repairs" in page.url and "flags=vulnerability" in page.url
        assert 0 < page.locator("tbody tr").count() < total
        page.get_by_role("link", name="Received").click()
        assert "sort=received" in page.url and "category=Repairs" in page.url
        assert page.locator('th[aria-sort="ascending"]').inner_text().startswith("Received")
        page.get_by_role("link", name="Received").click()
        assert page.locator('th[aria-sort="descending"]').inner_text().startswith("Received")
        page.get_by_role("link", name="Clear filters").click()
        assert page.locator("tbody tr").count() == total
    finally:
        context.close()
