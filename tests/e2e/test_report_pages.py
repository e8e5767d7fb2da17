"""The TSM page, the cases behind a figure and the Board pack in a real browser: axe-core finds no WCAG 2.0, 2.1 or 2.2
level A or AA violations at 1280 and 375 pixels wide, and the year form and the links work without
JavaScript. Screenshots go to $PUTRIGHT_SCREENSHOTS/report if set (else the test's temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from putright.cases.models import Case
from tests.e2e.helpers import axe_at, axe_at_cleanly, sign_in
from tests.factories import Org
from tests.reporting.conftest import Year2025, build_june, build_year2025

pytestmark = pytest.mark.e2e


@pytest.fixture
def year(transactional_db: Any) -> Iterator[Year2025]:
    great = Org("great", "Great Places", "great-places", "GP")
    brighter = Org("brighter", "Brighter Places", "brighter-places-2022", "BP")
    yield build_year2025(great, brighter)


def test_tsm_pages_pass_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, year: Year2025
) -> None:
    officer = year.build.org.officer
    sign_in(page, client, live_server, officer)
    axe_at_cleanly(page, live_server, "/landlords/great/reports/tsm/?year=2025", axe_js, shots / "tsm.png")
    assert page.locator("h1").inner_text() == "Tenant Satisfaction Measures: complaints"
    axe_at_cleanly(
        page, live_server, "/landlords/great/reports/tsm/CH02-1/?year=2025", axe_js, shots / "tsm-ch02-1.png"
    )
    axe_at_cleanly(
        page, live_server, "/landlords/great/reports/tsm/CH01-1/?year=2025", axe_js, shots / "tsm-ch01-1.png"
    )
    axe_at_cleanly(
        page, live_server, "/landlords/great/reports/tsm/?year=1999", axe_js, shots / "tsm-error.png"
    )
    assert page.locator(".govuk-error-summary").count() == 1


def test_tsm_page_with_blockers_passes_axe(
    page: Any,
    live_server: Any,
    client: Any,
    axe_js: Path,
    shots: Path,
    year: Year2025,
) -> None:
    Case.objects.filter(pk=year.cases["B"].pk).update(issue_date="2025-05-01")
    year.build.landlord.homes_counts.all().delete()
    sign_in(page, client, live_server, year.build.org.board)
    axe_at_cleanly(
        page, live_server, "/landlords/great/reports/tsm/?year=2025", axe_js, shots / "tsm-blockers.png"
    )
    assert page.get_by_text("Not ready to sign off").count() == 1


def test_tsm_pages_work_without_javascript(
    browser: Any, live_server: Any, client: Any, year: Year2025
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, year.build.org.officer)
        page.goto(f"{live_server.url}/landlords/great/reports/tsm/")
        page.get_by_label("Reporting year").select_option("2025")
        page.get_by_role("button", name="Show year").click()
        assert page.url.endswith("/reports/tsm/?year=2025")
        page.get_by_role("link", name="1 late for CH02-1").click()
        assert "on_time=no" in page.url
        assert page.locator("tbody tr").count() == 1
        assert page.locator("tbody").inner_text().count(year.cases["B"].reference) == 1
        page.get_by_role("link", name="Back to the measures").click()
        assert page.url.endswith("/reports/tsm/?year=2025")
    finally:
        context.close()


@pytest.fixture
def june(transactional_db: Any) -> Iterator[Org]:
    great = Org("great", "Great Places", "great-places", "GP")
    brighter = Org("brighter", "Brighter Places", "brighter-places-2022", "BP")
    build_june(great, brighter)
    yield great


BOARD = "/landlords/great/reports/board-pack/"
JUNE = "first_0=1&first_1=6&first_2=2025&last_0=30&last_1=6&last_2=2025"


def test_board_pack_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, june: Org
) -> None:
    sign_in(page, client, live_server, june.board)
    axe_at_cleanly(page, live_server, f"{BOARD}?{JUNE}", axe_js, shots / "board-pack.png")
    assert page.locator("h1").inner_text() == "Board pack: complaints"
    axe_at_cleanly(
        page,
        live_server,
        f"{BOARD}?first_0=30&first_1=6&first_2=2025&last_0=1",
        axe_js,
        shots / "board-pack-error.png",
    )
    assert page.locator(".govuk-error-summary").count() == 1


def test_board_pack_period_works_without_javascript(
    browser: Any, live_server: Any, client: Any, june: Org
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, client, live_server, june.board)
        page.goto(f"{live_server.url}{BOARD}")
        for legend, (day, month, year) in (("From", ("1", "6", "2025")), ("To", ("30", "6", "2025"))):
            group = page.get_by_role("group", name=legend)
            group.get_by_label("Day").fill(day)
            group.get_by_label("Month").fill(month)
            group.get_by_label("Year").fill(year)
        page.get_by_role("button", name="Show period").click()
        assert page.get_by_role("heading", name="1 June 2025 to 30 June 2025").count() == 1
    finally:
        context.close()


def test_extensions_setting_page_passes_axe_and_saves_without_javascript(
    browser: Any, page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, year: Year2025
) -> None:
    from django.conf import settings

    from putright.accounts.models import Role
    from tests.backoffice.administration.conftest import verified
    from tests.factories import make_staff

    admin = make_staff(year.build.landlord, "admin@great.test", Role.ADMINISTRATOR)
    verified(client, admin)
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
    }
    page.context.add_cookies([{**cookie, "url": live_server.url}])
    axe_at_cleanly(
        page,
        live_server,
        "/landlords/great/reports/tsm/setting/?year=2025",
        axe_js,
        shots / "tsm-setting.png",
    )
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        plain = context.new_page()
        plain.context.add_cookies([{**cookie, "url": live_server.url}])
        plain.goto(f"{live_server.url}/landlords/great/reports/tsm/?year=2025")
        plain.get_by_role(
            "link", name="Change whether responses within an extension count as on time"
        ).click()
        plain.get_by_label("No, count them as late").check()
        plain.get_by_role("button", name="Save").click()
        assert plain.url.endswith("/reports/tsm/?year=2025")
        assert plain.get_by_text("now count as late for CH02").count() == 1
    finally:
        context.close()


@pytest.fixture
def june_spots(june: Org) -> Org:
    """The June pack with postcodes and low thresholds, so hot spots are flagged (tests/reporting)."""
    from putright.reporting.services import hot_spot_thresholds_update
    from tests.reporting.test_hot_spots import administrator, give_places

    give_places(june)
    hot_spot_thresholds_update(
        landlord=june.landlord,
        actor=administrator(june),
        complaints_at_least=2,
        upheld_share_at_least=50,
        responses_at_least=2,
    )
    return june


def test_board_pack_trends_and_hot_spots_pass_axe_and_print(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, june_spots: Org
) -> None:
    sign_in(page, client, live_server, june_spots.board)
    axe_at_cleanly(page, live_server, f"{BOARD}?{JUNE}", axe_js, shots / "board-pack-trends.png")
    charts = page.locator("svg[role=img]")
    assert charts.count() == 3
    assert charts.nth(0).get_attribute("aria-labelledby") == "chart-received-title chart-received-desc"
    assert page.locator("#hot-spots ~ .putright-table-scroll tbody tr").count() == 2
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("#trends").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "board-pack-charts.png"))
    page.emulate_media(media="print")
    page.screenshot(path=str(shots / "board-pack-print.png"), full_page=True)
    assert page.locator(".moj-sub-navigation").is_hidden() and page.locator("form").first.is_hidden()
    page.emulate_media(media="screen")
    page.get_by_role("link", name="2 complaints received: Service area Property services").click()
    assert (
        page.locator("h1").inner_text() == "Service area Property services: complaints received in the period"
    )
    axe_at_cleanly(
        page, live_server, page.url.removeprefix(live_server.url), axe_js, shots / "board-hot-spot.png"
    )
    assert page.locator("tbody tr").count() == 2


@pytest.fixture
def ombudsman_june(transactional_db: Any) -> Iterator[Org]:
    from tests.reporting.test_ombudsman_section import build_ombudsman_june

    great = Org("great", "Great Places", "great-places", "GP")
    yield build_ombudsman_june(great, Org("brighter", "Brighter Places", "brighter-places-2022", "BP"))


def test_board_pack_ombudsman_section_passes_axe_and_links_to_its_cases(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, ombudsman_june: Org
) -> None:
    sign_in(page, client, live_server, ombudsman_june.board)
    axe_at_cleanly(page, live_server, f"{BOARD}?{JUNE}", axe_js, shots / "board-pack-ombudsman.png")
    assert page.locator("#ombudsman ~ .putright-table-scroll").nth(2).locator("tbody tr").count() == 5
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("#ombudsman").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "board-pack-ombudsman-section.png"))
    page.get_by_role("link", name="B", exact=True).click()
    assert page.locator("h1").inner_text().startswith("Ombudsman case B")


def test_hot_spot_thresholds_page_passes_axe_and_saves_without_javascript(
    browser: Any, page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, june: Org
) -> None:
    from django.conf import settings

    from tests.backoffice.administration.conftest import verified
    from tests.reporting.test_hot_spots import administrator, give_places

    give_places(june)
    verified(client, administrator(june))
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
    }
    page.context.add_cookies([{**cookie, "url": live_server.url}])
    settings_path = f"{BOARD}hot-spots/settings/?{JUNE}"
    axe_at_cleanly(page, live_server, settings_path, axe_js, shots / "board-hot-spot-settings.png")

    def wrong(p: Any) -> None:
        p.get_by_label("Share of responses upheld or partly upheld (%), at or above").fill("150")
        p.get_by_role("button", name="Save").click()

    axe_at(page, live_server, settings_path, axe_js, shots / "board-hot-spot-settings-error.png", then=wrong)
    assert page.locator(".govuk-error-summary").count() == 1
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        plain = context.new_page()
        plain.context.add_cookies([{**cookie, "url": live_server.url}])
        plain.goto(f"{live_server.url}{BOARD}?{JUNE}")
        assert plain.get_by_text("Nothing crossed the thresholds in the period.").count() == 1
        plain.get_by_role("link", name="Change the thresholds").click()
        plain.get_by_label("Complaints received in the period, at or above").fill("2")
        plain.get_by_label("Responses issued in the period, at least, for the upheld share to count").fill(
            "2"
        )
        plain.get_by_role("button", name="Save").click()
        assert plain.url.endswith(f"{BOARD}?{JUNE}")
        assert plain.get_by_text("The hot-spot thresholds are saved").count() == 1
        plain.get_by_role("link", name="3 responses: Estate (postcode sector) BN1 4").click()
        assert plain.locator("tbody tr").count() == 3
        plain.get_by_role("link", name="Back to the Board pack").click()
        assert "#hot-spots" in plain.url
    finally:
        context.close()
