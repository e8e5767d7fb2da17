"""The staff triage list in a real browser: every status tab passes axe-core (WCAG 2.0, 2.1, 2.2 A and
AA) at 1280 and 375 pixels wide, without sideways scrolling, with hostile email shown as text.

Screenshots go to $PUTRIGHT_SCREENSHOTS/triage if set (else the test's temporary folder)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from putright.triage.services import email_ingest
from tests.e2e.test_accessibility import RUN_AXE, WCAG_TAGS
from tests.factories import Org
from tests.triage.conftest import MAILBOX, case_with_reference, corpus

pytestmark = pytest.mark.e2e


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    base = os.environ.get("PUTRIGHT_SCREENSHOTS")
    folder = Path(base) / "triage" if base else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def brighter(transactional_db: Any, settings: Any, tmp_path: Path) -> Org:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUTRIGHT_MAILBOXES = ""
    org = Org("brighter", "Brighter Places", "brighter-places-2022", "BP")
    case_with_reference(org, "BP-2026-000042")
    for path in sorted((Path(__file__).parents[1] / "triage" / "corpus").glob("*.eml")):
        email_ingest(landlord=org.landlord, mailbox=MAILBOX, raw=corpus(path.name))
    email_ingest(landlord=org.landlord, mailbox=MAILBOX, raw=b"")
    return org


def _sign_in(page: Any, client: Any, live_server: Any, user: Any) -> None:
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def _describe(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe-core found {len(violations)} accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"    target {node['target']}: {' '.join(node['failureSummary'].split())}")
    return "\n".join(lines)


def _check_here(page: Any, axe_js: Path, shot: Path) -> None:
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.add_script_tag(path=str(axe_js))
        results = page.evaluate(RUN_AXE, WCAG_TAGS)
        page.screenshot(path=str(shot.with_name(f"{shot.stem}-{width}.png")), full_page=True)
        assert results["violations"] == [], _describe(page.url, results["violations"])
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{page.url} at {width}px scrolls sideways by {overflow}px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_every_triage_tab_passes_axe_and_shows_email_as_text(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, brighter: Org
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _sign_in(page, client, live_server, brighter.officer)
    page.goto(f"{live_server.url}/landlords/brighter/triage/")
    assert page.title() == "Email: awaiting triage \u2013 Brighter Places \u2013 PutRight"
    assert page.get_by_role("heading", name="Damp in the bedroom").count() == 1
    _check_here(page, axe_js, shots / "awaiting-triage.png")

    page.get_by_role("link", name="Joined a case (1)").click()
    assert page.get_by_role("link", name="BP-2026-000042").count() == 1
    _check_here(page, axe_js, shots / "joined-case.png")

    page.get_by_role("link", name="Ignored (3)").click()
    assert page.get_by_text("Auto-reply: Auto-Submitted: auto-replied").count() == 1
    _check_here(page, axe_js, shots / "ignored.png")

    page.get_by_role("link", name="Rejected (1)").click()
    assert page.get_by_text("The message is empty").count() == 1
    _check_here(page, axe_js, shots / "rejected.png")
    assert dialogs == []  # nothing from an email ever ran
