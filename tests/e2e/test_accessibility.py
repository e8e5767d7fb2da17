"""The start page in a real browser: GOV.UK Frontend loads from the built static files, and axe-core
finds no WCAG 2.0, 2.1 or 2.2 level A or AA violations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import axe_check, watch

pytestmark = pytest.mark.e2e

STYLESHEET_URLS = """() => [...document.styleSheets].flatMap(sheet =>
  [...sheet.cssRules].flatMap(rule =>
    [...rule.cssText.matchAll(/url\\("?([^")]+)"?\\)/g)].map(m => new URL(m[1], sheet.href).href)))"""


def _open_start_page(page: Any, live_server: Any) -> list[str]:
    """Loads "/" and returns every failed request, HTTP error, console error and script error."""
    problems = watch(page)
    response = page.goto(f"{live_server.url}/", wait_until="load")
    assert response is not None and response.status == 200
    return problems


def test_start_page_has_no_wcag_a_or_aa_violations(
    page: Any, live_server: Any, axe_js: Path, shots: Path
) -> None:
    problems = _open_start_page(page, live_server)
    axe_check(page, axe_js, shots / "start-page.png")
    assert problems == [], "loading / went wrong:\n" + "\n".join(problems)


def test_start_page_is_styled_by_govuk_frontend_without_gds_transport_or_crown(
    page: Any, live_server: Any
) -> None:
    problems = _open_start_page(page, live_server)
    assert problems == [], "loading / went wrong:\n" + "\n".join(problems)

    # GOV.UK Frontend's CSS applied: unstyled, a <header> is transparent and <body> keeps an 8px margin.
    background = page.eval_on_selector(".govuk-header", "e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(11, 12, 12)", f"GOV.UK Frontend's CSS did not style the header ({background})"
    assert page.eval_on_selector("body", "e => getComputedStyle(e).margin") == "0px"

    # The system font stack, never GDS Transport; and no crown (GOV.UK's logo is an inline SVG).
    for selector in (
        ".govuk-header",
        ".govuk-heading-xl",
        ".govuk-body-l",
        ".govuk-summary-list",
        ".govuk-footer",
    ):
        family = page.eval_on_selector(selector, "e => getComputedStyle(e).fontFamily")
        assert family.startswith("system-ui") and "GDS Transport" not in family, f"{selector}: {family!r}"
    assert page.locator("svg, .govuk-header__logotype, .govuk-logo").count() == 0
    assert page.locator(".govuk-header").inner_text().split()[:4] == [
        "PutRight",
        "Complaints",
        "and",
        "feedback",
    ]

    # GOV.UK Frontend's JavaScript ran: the body script marked support and initAll set up the components.
    classes = page.eval_on_selector("body", "e => e.className").split()
    assert {"js-enabled", "govuk-frontend-supported"} <= set(classes), classes
    assert page.locator(".govuk-skip-link[data-govuk-skip-link-init]").count() == 1
    assert page.locator(".govuk-header[data-govuk-header-init]").count() == 1

    # Every url() in the stylesheets resolves under /static/vendor/govuk-frontend/assets/.
    urls = sorted(set(page.evaluate(STYLESHEET_URLS)))
    assert urls, "expected GOV.UK Frontend's stylesheet to refer to at least one asset"
    for url in urls:
        assert url.startswith(f"{live_server.url}/static/vendor/govuk-frontend/assets/"), url
        assert page.request.get(url).status == 200, url
