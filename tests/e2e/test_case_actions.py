"""The case action pages in a real browser: axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA
violations at 1280 and 375 pixels wide, on the empty form, on the form showing errors and on the page
that says why an action is not available; the definition editor and the response work without JavaScript.

Full-page screenshots go to $PUTRIGHT_SCREENSHOTS/case-actions if set (else the test's temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from putright.cases import services
from putright.cases.models import Case
from putright.domain.lifecycle import Kind
from tests.e2e.helpers import axe_at, sign_in
from tests.factories import Org, at

pytestmark = pytest.mark.e2e

D = date.fromisoformat
DEFINITION = [
    {"point": "The kitchen leak was not repaired for six weeks", "outcome_sought": "Repair and compensation"},
    {"point": "Calls were not returned", "outcome_sought": "An apology"},
]


@dataclass
class World:
    great: Org
    brighter: Org
    received: Case
    investigating: Case
    responded: Case
    requested: Case
    compliment: Case
    service_request: Case
    resolved_request: Case
    comment: Case
    acknowledged_comment: Case
    hazard: Case
    closed: Case
    brighter_investigating: Case
    brighter_warned: Case
    colleague: Case
    brighter_colleague: Case


def _log(org: Org, received: str, kind: Kind = Kind.COMPLAINT, **extra: Any) -> Case:
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=kind,
        channel="phone",
        received_at=at(received),
        customer=org.customer,
        summary="Repair to kitchen leak not done after three visits",
        description="The customer called to say nothing has happened since their last call.",
        **extra,
    )


def _acknowledge(org: Org, case: Case, on: str, actor: Any = None) -> Case:
    return services.complaint_acknowledge(
        landlord=org.landlord,
        actor=actor or org.officer,
        case_id=case.pk,
        acknowledged_on=D(on),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )


def _respond(org: Org, case: Case, on: str) -> Case:
    return services.stage_respond(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        responded_on=D(on),
        outcome="partly_upheld",
        summary="We are sorry for the delay.",
        answers=[services.PointAnswer(p["point"], "upheld", "The repair was late.") for p in DEFINITION],
        remedies=[services.RemedyInput("financial", "For the delay", Decimal("150.00"))],
        actions=[services.ActionInput("Replace the kitchen worktop", org.housing, D("2026-12-20"))],
    )


@pytest.fixture
def world(transactional_db: Any) -> Iterator[World]:
    great = Org("great", "Great Places", "great-places", "GP")
    received = _log(great, "2026-11-16")
    investigating = _acknowledge(great, _log(great, "2026-11-09"), "2026-11-10")
    responded = _respond(great, _acknowledge(great, _log(great, "2026-11-02"), "2026-11-03"), "2026-11-10")
    requested = _respond(great, _acknowledge(great, _log(great, "2026-10-01"), "2026-10-02"), "2026-10-09")
    services.escalation_request(
        landlord=great.landlord, actor=great.officer, case_id=requested.pk, requested_at=at("2026-10-12")
    )
    compliment = _log(great, "2026-11-05", Kind.COMPLIMENT, colleagues_named="Sam in repairs")
    service_request = _log(great, "2026-11-06", Kind.SERVICE_REQUEST)
    resolved_request = _log(great, "2026-11-06", Kind.SERVICE_REQUEST)
    services.case_resolve(
        landlord=great.landlord, actor=great.officer, case_id=resolved_request.pk, resolution="Repaired"
    )
    comment = _log(great, "2026-11-06", Kind.COMMENT)
    acknowledged_comment = services.comment_acknowledge(
        landlord=great.landlord, actor=great.officer, case_id=_log(great, "2026-11-06", Kind.COMMENT).pk
    )
    hazard = _log(great, "2026-11-18", hazard_kind="damp-mould", vulnerability=True)
    closed = _respond(great, _acknowledge(great, _log(great, "2026-09-01"), "2026-09-02"), "2026-09-09")
    services.case_close(landlord=great.landlord, actor=great.officer, case_id=closed.pk, lesson="none")
    brighter = Org("brighter", "Brighter Places", "brighter-places-2022", "BP")
    brighter_investigating = _acknowledge(brighter, _log(brighter, "2026-11-16"), "2026-11-17")
    brighter_warned = _acknowledge(brighter, _log(brighter, "2026-09-01"), "2026-09-02")
    services.complaint_warn_no_contact(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=brighter_warned.pk,
        letter_on=D("2026-09-03"),
    )
    colleague = _log(great, "2026-11-16", about_colleague=True, colleagues_named="Sam in repairs")
    brighter_colleague = _log(brighter, "2026-11-16", about_colleague=True)
    services.colleague_complaint_identify(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=brighter_colleague.pk,
        colleague=brighter.colleague,
    )
    services.complaint_acknowledge(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=brighter_colleague.pk,
        acknowledged_on=D("2026-11-17"),
        definition=DEFINITION,
        responsible_for="How our staff treat you",
        handler=brighter.director,
    )
    yield World(
        great,
        brighter,
        received,
        investigating,
        responded,
        requested,
        compliment,
        service_request,
        resolved_request,
        comment,
        acknowledged_comment,
        hazard,
        closed,
        brighter_investigating,
        brighter_warned,
        colleague,
        brighter_colleague,
    )


def _url(case: Case, action: str) -> str:
    return f"/landlords/{case.landlord.slug}/cases/{case.reference}/{action}/"


def _submit_empty(page: Any) -> None:
    for box in page.locator(".govuk-date-input__input").all():
        box.fill("")
    page.locator("form .govuk-button-group .govuk-button").click()
    page.wait_for_load_state("load")
    assert page.locator(".govuk-error-summary").count() == 1


PAGES = [
    ("received", "acknowledge", "officer"),
    ("received", "not-accept", "officer"),
    ("received", "clarification", "officer"),
    ("received", "withdraw", "officer"),
    ("investigating", "extend", "officer"),
    ("investigating", "respond", "officer"),
    ("investigating", "add-issue", "officer"),
    ("responded", "request-escalation", "officer"),
    ("responded", "close", "officer"),
    ("responded", "complete-action", "housing"),
    ("responded", "pay-remedy", "housing"),
    ("requested", "assign-handler", "officer"),
    ("requested", "refuse-escalation", "officer"),
    ("compliment", "pass-on", "officer"),
    ("service_request", "complaint-choice", "officer"),
    ("service_request", "resolve", "officer"),
    ("service_request", "convert", "officer"),
    ("acknowledged_comment", "respond-comment", "officer"),
    ("hazard", "hazard-duty", "officer"),
    ("hazard", "hazard-investigation", "officer"),
    ("closed", "satisfaction", "officer"),
    ("brighter_investigating", "warn-no-contact", "officer"),
    ("brighter_warned", "close-no-contact", "officer"),
    ("colleague", "identify-colleague", "officer"),
    ("brighter_colleague", "disciplinary", "director"),
]
CONFIRMATIONS = [
    ("comment", "acknowledge-comment", "officer"),
    ("resolved_request", "close-case", "officer"),
]


@pytest.mark.parametrize(("case_name", "action", "role"), PAGES)
def test_action_pages_pass_axe_empty_and_with_errors(
    page: Any,
    live_server: Any,
    client: Any,
    axe_js: Path,
    shots: Path,
    world: World,
    case_name: str,
    action: str,
    role: str,
) -> None:
    case = getattr(world, case_name)
    org = world.brighter if case_name.startswith("brighter_") else world.great
    sign_in(page, client, live_server, getattr(org, role))
    axe_at(page, live_server, _url(case, action), axe_js, shots / f"{action}.png")
    assert page.locator("h1").count() == 1
    axe_at(page, live_server, _url(case, action), axe_js, shots / f"{action}-errors.png", then=_submit_empty)
    assert page.title().startswith("Error: ")


@pytest.mark.parametrize(("case_name", "action", "role"), CONFIRMATIONS)
def test_confirmation_pages_pass_axe(
    page: Any,
    live_server: Any,
    client: Any,
    axe_js: Path,
    shots: Path,
    world: World,
    case_name: str,
    action: str,
    role: str,
) -> None:
    sign_in(page, client, live_server, getattr(world.great, role))
    axe_at(page, live_server, _url(getattr(world, case_name), action), axe_js, shots / f"{action}.png")


def test_the_page_for_an_action_not_allowed_says_why_and_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, world: World
) -> None:
    sign_in(page, client, live_server, world.great.board)
    axe_at(
        page, live_server, _url(world.received, "acknowledge"), axe_js, shots / "not-allowed.png", status=403
    )
    assert "Only a feedback officer" in page.locator("main").inner_text()


def test_the_definition_editor_and_the_response_work_without_javascript(
    browser: Any, live_server: Any, client: Any, shots: Path, world: World
) -> None:
    great = world.great
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, great.officer)
        page.goto(f"{live_server.url}{_url(world.received, 'acknowledge')}")
        for index, words in enumerate(["Leak not repaired", "Calls not returned", "Rude operative"]):
            page.locator(f"#id_point_{index}").fill(words)
        page.get_by_role("button", name="Add another point").click()
        assert page.locator("#id_point_3").count() == 1
        assert page.locator("#id_point_2").input_value() == "Rude operative"
        assert page.locator(".govuk-error-summary").count() == 0
        page.locator("#id_point_3").fill("Missed appointment")
        page.get_by_label("What we are responsible for").fill("Repairs to the home")
        page.get_by_role("button", name="Acknowledge and send the letter").click()
        page.wait_for_load_state("load")
        page.screenshot(path=str(shots / "acknowledged-banner.png"), full_page=True)
        assert "Stage 1 acknowledged" in page.locator(".govuk-notification-banner").inner_text()
        world.received.refresh_from_db()
        assert world.received.status == "stage1_investigating"

        page.goto(f"{live_server.url}{_url(world.investigating, 'respond')}")
        page.get_by_role("button", name="Add another action").click()
        assert page.locator("#id_action_description_1").count() == 1
        for index in range(2):
            page.locator(f"#id_decision_{index}_0").check()
            page.locator(f"#id_reasons_{index}").fill("The repair was late")
        page.locator("#id_outcome_0").check()
        page.get_by_label("The response", exact=True).fill("We are sorry.")
        page.locator("#id_remedy_type_0").select_option("apology")
        page.locator("#id_remedy_description_0").fill("A written apology")
        page.get_by_role("button", name="Send the response").click()
        page.wait_for_load_state("load")
        assert "Stage 1 response sent" in page.locator(".govuk-notification-banner").inner_text()
    finally:
        context.close()
