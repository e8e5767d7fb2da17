"""The staff triage list in a real browser: every status tab passes axe-core (WCAG 2.0, 2.1, 2.2 A and
AA) at 1280 and 375 pixels wide, without sideways scrolling, with hostile email shown as text.

Screenshots go to $PUTRIGHT_SCREENSHOTS/triage if set (else the test's temporary folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from putright.triage.services import email_ingest
from tests.e2e.helpers import axe_here, sign_in
from tests.factories import Org
from tests.triage.conftest import MAILBOX, case_with_reference, corpus

pytestmark = pytest.mark.e2e


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


def test_every_triage_tab_passes_axe_and_shows_email_as_text(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, brighter: Org
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, client, live_server, brighter.officer)
    page.goto(f"{live_server.url}/landlords/brighter/triage/")
    assert page.title() == "Email: awaiting triage \u2013 Brighter Places \u2013 PutRight"
    assert page.get_by_role("heading", name="Damp in the bedroom").count() == 1
    axe_here(page, axe_js, shots / "awaiting-triage.png")

    # Two of the corpus join BP-2026-000042: a reply quoting its reference and a chain forwarded inline.
    page.get_by_role("link", name="Joined a case (2)").click()
    assert page.get_by_role("link", name="BP-2026-000042").count() == 2
    axe_here(page, axe_js, shots / "joined-case.png")

    page.get_by_role("link", name="Ignored (3)").click()
    assert page.get_by_text("Auto-reply: Auto-Submitted: auto-replied").count() == 1
    axe_here(page, axe_js, shots / "ignored.png")

    page.get_by_role("link", name="Rejected (1)").click()
    assert page.get_by_text("The message is empty").count() == 1
    axe_here(page, axe_js, shots / "rejected.png")
    assert dialogs == []  # nothing from an email ever ran
