"""A resident's journey in a real browser: complain through the public form, sign in by the emailed link,
see the acknowledgement, ask for stage 2, and answer the survey once the complaint is closed; then keep
contact details and ask for help from Your details. Every page (and each error state) passes axe-core at
1280 and 375 pixels wide, with a screenshot at each.

Staff steps go through the case services, as staff pages would. Screenshots go to
$PUTRIGHT_SCREENSHOTS/resident if set (else the test's temporary folder)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Case, Satisfaction, TimelineEvent
from putright.customers.models import CustomerEvent
from putright.letters.models import Letter
from putright.organisations.models import Landlord
from tests.e2e.helpers import axe_here
from tests.factories import Org

pytestmark = pytest.mark.e2e

DEFINITION = [{"point": "The bathroom ceiling leak was not repaired", "outcome_sought": "Repair"}]


@pytest.fixture
def great(transactional_db: Any, settings: Any, tmp_path: Path) -> Org:
    settings.MEDIA_ROOT = tmp_path / "media"
    org = Org("great", "Great Places", "great-places", "GP")
    Landlord.objects.filter(pk=org.landlord.pk).update(brand_colour="#6f2c91", phone="0300 123 1234")
    return org


def _checker(page: Any, axe_js: Path, shots: Path) -> Any:
    def check(name: str) -> None:
        axe_here(page, axe_js, shots / f"{name}.png")

    return check


def _continue(page: Any) -> None:
    page.get_by_role("button", name="Continue").click()


def _complain(page: Any, base: str, check: Any) -> None:
    page.goto(f"{base}/feedback/great/give-feedback/")
    check("form-who")
    page.get_by_label("A resident renting my home").check()
    _continue(page)
    page.get_by_label("Make a complaint").check()
    _continue(page)
    page.fill("#id_what_happened", "Water has been coming through the bathroom ceiling for three weeks.")
    page.fill("#id_where", "Flat 4, Elm Court")
    _continue(page)
    page.get_by_label("I am not sure when it happened").check()
    page.get_by_label("I am not sure when I found out").check()
    _continue(page)
    page.fill("#id_outcome", "Fix the leak.")
    _continue(page)
    _continue(page)  # no adjustments asked for on the form
    page.fill("#id_name", "Sam Taylor")
    page.fill("#id_email", "sam@example.test")
    page.get_by_label("Email", exact=True).check()
    _continue(page)
    _continue(page)  # no files
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("heading", name="Feedback sent").count() == 1


def _sign_in(page: Any, base: str, check: Any) -> None:
    """Ask for a link, read it from the mail outbox and press the button it opens."""
    page.goto(f"{base}/feedback/great/sign-in/")
    check("sign-in")
    page.fill("#email", "sam@example.test")
    page.get_by_role("button", name="Send me a link").click()
    check("sign-in-sent")
    link = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert link is not None, mail.outbox[-1].body
    page.goto(link.group(0))
    check("sign-in-link")
    page.get_by_role("button", name="Continue to your cases").click()
    assert page.get_by_role("heading", name="Your cases").count() == 1


def _sent(case: Case) -> None:
    """Letters count as sent (the worker sends them; no worker runs in this test)."""
    Letter.objects.filter(case=case).exclude(status=Letter.Status.SENT).update(
        status=Letter.Status.SENT, sent_on=timezone.localdate()
    )


def _acknowledge(org: Org, case: Case, actor: Any) -> None:
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=actor,
        case_id=case.pk,
        acknowledged_on=timezone.localdate(),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )
    _sent(case)


def _respond(org: Org, case: Case, actor: Any) -> None:
    services.stage_respond(
        landlord=org.landlord,
        actor=actor,
        case_id=case.pk,
        responded_on=timezone.localdate(),
        outcome="upheld",
        summary="We are sorry: the leak is now repaired.",
        answers=[services.PointAnswer(p["point"], "upheld", "The repair was late.") for p in DEFINITION],
    )
    _sent(case)


def test_a_resident_complains_signs_in_escalates_and_answers_the_survey(
    page: Any, live_server: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    check = _checker(page, axe_js, shots)
    base = live_server.url
    _complain(page, base, check)
    case = Case.objects.get()
    _acknowledge(great, case, great.manager)

    _sign_in(page, base, check)
    check("my-cases")
    page.get_by_role("link", name=re.compile(case.reference)).click()
    assert page.get_by_text("We are looking into your complaint").count() == 1
    letter = Letter.objects.get(case=case)
    assert page.get_by_role("link", name=re.compile(re.escape(letter.subject))).count() == 1
    check("case-acknowledged")

    _respond(great, case, great.manager)
    page.reload()
    page.get_by_role("link", name="Ask for stage 2").click()
    check("stage-2")
    page.fill("#reason", "The ceiling still drips when it rains.")
    page.get_by_role("button", name="Ask for stage 2").click()
    assert page.get_by_text("You have asked for stage 2").count() >= 1
    check("case-escalated")
    case.refresh_from_db()
    assert (case.status, case.stage) == ("stage2_requested", 2)

    services.stage2_assign_handler(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, handler=great.director
    )
    _acknowledge(great, case, great.director)
    _respond(great, case, great.director)
    services.case_close(landlord=great.landlord, actor=great.officer, case_id=case.pk, lesson="none")
    _sent(case)

    page.get_by_role("link", name="Your cases").first.click()
    check("my-cases-closed")
    page.get_by_role("link", name=re.compile("Answer the survey")).click()
    check("survey")
    page.get_by_role("button", name="Send your answer").click()
    assert page.title().startswith("Error: ")
    check("survey-error")
    page.get_by_label("Satisfied", exact=True).check()
    page.fill("#comment", "Kept me informed.")
    page.get_by_role("button", name="Send your answer").click()
    assert page.get_by_text("Thank you for answering our survey").count() == 1
    check("case-surveyed")
    assert list(Satisfaction.objects.values_list("case", "score", "comment")) == [
        (case.pk, 4, "Kept me informed.")
    ]
    event = TimelineEvent.objects.get(case=case, kind="satisfaction")
    assert "by the customer through the resident portal" in event.summary

    page.goto(f"{base}/feedback/great/your-cases/{case.reference}/survey/")
    assert page.get_by_role("heading", name="You have already answered this survey").count() == 1
    check("survey-answered")


def test_a_resident_changes_contact_details_and_asks_for_help(
    page: Any, live_server: Any, axe_js: Path, shots: Path, great: Org
) -> None:
    check = _checker(page, axe_js, shots)
    base = live_server.url
    great.customer.email = "sam@example.test"
    great.customer.save(update_fields=["email"])
    _sign_in(page, base, check)
    page.get_by_role("link", name="Your details").first.click()
    check("details")

    page.get_by_role("link", name=re.compile("Change contact details")).click()
    check("contact")
    page.fill("#phone", "ring me")
    page.get_by_role("button", name="Save changes").click()
    assert page.title().startswith("Error: ")
    check("contact-error")
    page.fill("#phone", "07700 900 982")
    page.get_by_label("Phone", exact=True).check()
    page.get_by_role("button", name="Save changes").click()
    assert page.get_by_text("We have updated the contact details").count() == 1
    check("details-updated")

    page.get_by_role("link", name=re.compile("Ask for help")).click()
    check("help")
    page.get_by_label("Interpreter", exact=True).check()
    page.get_by_label("Large print", exact=True).check()
    page.get_by_role("button", name="Ask for this help").click()
    assert page.title().startswith("Error: ")
    check("help-error")
    page.fill("#detail-interpreter", "Polish")
    page.get_by_role("button", name="Ask for this help").click()
    assert page.get_by_text("will contact you to agree the help").count() == 1
    assert page.get_by_text("Interpreter: Polish").count() == 1
    check("details-help-asked")
    kinds = set(CustomerEvent.objects.filter(customer=great.customer).values_list("kind", flat=True))
    assert {"contact_details_changed", "adjustment_requested"} <= kinds


def test_your_details_work_without_javascript(
    browser: Any, live_server: Any, shots: Path, great: Org
) -> None:
    """The help page's follow-up questions show without JavaScript, and its errors keep the choices."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()

        def check(name: str) -> None:  # axe-core needs JavaScript: the other tests run it on these pages
            page.screenshot(path=str(shots / f"{name}-390.png"), full_page=True)

        great.customer.email = "sam@example.test"
        great.customer.save(update_fields=["email"])
        _sign_in(page, live_server.url, check)
        page.goto(f"{live_server.url}/feedback/great/your-details/{great.customer.pk}/help/")
        assert page.locator("#detail-avoid_times").is_visible()
        page.get_by_label("Times to avoid", exact=True).check()
        page.get_by_role("button", name="Ask for this help").click()
        assert page.get_by_label("Times to avoid", exact=True).is_checked()
        check("help-error-no-js")
        page.fill("#detail-avoid_times", "Mornings before 10")
        page.get_by_role("button", name="Ask for this help").click()
        assert page.get_by_text("Times to avoid: Mornings before 10").count() == 1
    finally:
        context.close()
