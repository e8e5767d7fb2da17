"""A person's notifications in a real browser: the page passes axe-core (WCAG 2.0, 2.1, 2.2 A and AA) at
each width without sideways scrolling, before and after "Mark as read" and "Mark all as read" (plain
POSTs, so they work without JavaScript), and the header's count follows.

Screenshots go to $PUTRIGHT_SCREENSHOTS/notification if set (else the test's temporary folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.backoffice.notifications.helpers import case_for, notify
from tests.e2e.helpers import axe_here, sign_in
from tests.factories import Org

pytestmark = pytest.mark.e2e


@pytest.fixture
def brighter(transactional_db: Any) -> Org:
    org = Org("brighter", "Brighter Places", "brighter-places-2022", "BP")
    case = case_for(org)
    notify(
        org, org.officer, "adjustment_requested", customer=org.customer, message="Alex Morgan asked", ago=9
    )
    notify(
        org, org.officer, "response_overdue", case=case, message=f"{case.reference}: response overdue", ago=5
    )
    notify(org, org.officer, case=case, message=f"{case.reference} was assigned to you")
    return org


def test_notifications_pass_axe_and_can_be_marked_read(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, brighter: Org
) -> None:
    sign_in(page, client, live_server, brighter.officer)
    page.goto(f"{live_server.url}/work/")
    page.get_by_role("link", name="Notifications (3)").click()
    assert page.title() == "Your notifications \u2013 Brighter Places \u2013 PutRight"
    assert page.get_by_role("link", name="Customer record").count() == 1
    axe_here(page, axe_js, shots / "unread.png")

    page.get_by_role("button", name="Mark as read", exact=False).first.click()  # the newest
    assert page.get_by_role("link", name="Notifications (2)").count() == 1
    assert page.get_by_text("Notification marked as read").count() == 1
    axe_here(page, axe_js, shots / "one-read.png")

    page.get_by_role("button", name="Mark all as read").click()
    assert page.get_by_role("link", name="Notifications (0)").count() == 1
    assert page.get_by_role("button", name="Mark as read").count() == 0
    axe_here(page, axe_js, shots / "all-read.png")
