"""Triage actions in a real browser: an email's page (as shown, with an error, and after setting it aside)
and the list of online-form submissions not yet logged pass axe-core at 1280 and 375 pixels wide, and
logging an email as feedback arrives on the new case.

Screenshots go to $PUTRIGHT_SCREENSHOTS/triage-actions if set (else the test's temporary folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from putright.cases.models import Case
from putright.submissions.models import PublicSubmission
from putright.triage.models import InboundMessage
from tests.e2e.helpers import axe_here, sign_in
from tests.factories import Org
from tests.triage.test_triage_actions import email

pytestmark = pytest.mark.e2e


@pytest.fixture
def brighter(transactional_db: Any, settings: Any, tmp_path: Path) -> Org:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUTRIGHT_MAILBOXES = ""
    org = Org("brighter", "Brighter Places", "brighter-places-2022", "BP")
    org.customer.email = "alex@example.test"
    org.customer.save(update_fields=["email"])
    return org


def test_an_email_page_passes_axe_and_logs_feedback(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, brighter: Org
) -> None:
    matched = email(brighter)
    stranger = email(brighter, sender="stranger@example.test", subject="Free prizes", attach=False)
    sign_in(page, client, live_server, brighter.officer)
    base = f"{live_server.url}/landlords/brighter/triage"

    page.goto(f"{base}/{stranger.pk}/")
    axe_here(page, axe_js, shots / "unmatched.png")
    page.get_by_label("Case reference").fill("BP-2026-999999")
    page.get_by_role("button", name="Add to case").click()
    assert page.title().startswith("Error: ")
    assert page.get_by_label("Case reference").input_value() == "BP-2026-999999"
    axe_here(page, axe_js, shots / "join-error.png")
    page.get_by_label("Why does this email need no case?").fill("Spam")
    page.get_by_role("button", name="Set aside: no case needed").click()
    assert page.get_by_text("Email set aside: it needs no case").count() == 1
    axe_here(page, axe_js, shots / "set-aside.png")

    page.goto(f"{base}/{matched.pk}/")
    assert page.get_by_role("link", name="Download mould.png").count() == 1
    axe_here(page, axe_js, shots / "matched.png")
    page.get_by_label("Complaint").check()
    page.get_by_role("button", name="Log as feedback").click()
    case = Case.objects.get(landlord=brighter.landlord)
    assert page.url.endswith(f"/cases/{case.reference}/")
    assert InboundMessage.objects.get(pk=matched.pk).case == case


def test_the_submissions_list_passes_axe(
    page: Any, live_server: Any, client: Any, axe_js: Path, shots: Path, brighter: Org
) -> None:
    PublicSubmission.objects.create(
        landlord=brighter.landlord,
        reference="BP-WFAILED01",
        received_at=timezone.now(),
        answers={"who": "resident", "name": "Sam Taylor", "what_happened": "Mould in the bathroom " * 20},
        email="sam@example.test",
        status=PublicSubmission.Status.FAILED,
        error="KeyError: 'kind'",
    )
    sign_in(page, client, live_server, brighter.officer)
    page.goto(f"{live_server.url}/landlords/brighter/submissions/")
    assert page.get_by_role("heading", name="1 submission waiting").count() == 1
    axe_here(page, axe_js, shots / "submissions.png")
    page.get_by_role("button", name="Try again to log BP-WFAILED01").click()
    assert page.get_by_text("BP-WFAILED01 still could not be logged").count() == 1
    axe_here(page, axe_js, shots / "submissions-retried.png")
