"""The back office's page to accept what came late (Code 2.3, 5.11): offered only while a complaint outside
the time limit or a late request for stage 2 waits for a decision, to those who may decide, with the
reasons; refused input keeps what was typed and changes nothing."""

from django.contrib.messages import get_messages

from putright.cases import services
from putright.cases.models import Case, TimelineEvent
from putright.cases.offers import offer_for
from tests.factories import at

from .conftest import D, acknowledge, log, respond, url


def banner(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _outside_the_time_limit(org):
    return log(org, issue_date=D("2024-06-01"))


def test_code_2_3_a_complaint_outside_the_time_limit_is_accepted_with_reasons_from_its_page(great, signed_in):
    case = _outside_the_time_limit(great)
    client = signed_in(great.officer)
    page = client.get(url(case, "accept-late"))
    assert page.status_code == 200
    assert "Accept what came late" in page.text
    assert "Complaint made after the time limit" in page.text  # what was late, said on the page
    response = client.post(url(case, "accept-late"), {"rationale": "The customer was abroad"})
    assert response.status_code == 302
    assert banner(response) == ["Accepted, with your reasons, on the timeline."]
    event = TimelineEvent.objects.get(case=case, kind="outside_time_limit_accepted")
    assert event.after["rationale"] == "The customer was abroad"
    assert offer_for(great.officer, Case.objects.get(pk=case.pk), "accept-late") is None  # decided


def test_code_5_11_a_late_escalation_request_is_accepted_from_its_page(brighter, signed_in):
    case = log(brighter, received="2026-09-01")
    respond(brighter, acknowledge(brighter, case, on="2026-09-02"), on="2026-09-10")
    services.escalation_request(
        landlord=brighter.landlord, actor=brighter.officer, case_id=case.pk, requested_at=at("2026-11-20")
    )
    client = signed_in(brighter.director)
    page = client.get(url(case, "accept-late"))
    assert "Stage 2 requested on 2026-11-20, after the window" in page.text
    response = client.post(url(case, "accept-late"), {"rationale": "A letter went astray"})
    assert response.status_code == 302
    assert TimelineEvent.objects.filter(case=case, kind="late_escalation_accepted").exists()


def test_accepting_late_needs_reasons_and_keeps_what_was_typed(great, signed_in):
    case = _outside_the_time_limit(great)
    response = signed_in(great.officer).post(url(case, "accept-late"), {"rationale": "   "})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Enter your reasons for accepting it" in response.text
    assert not TimelineEvent.objects.filter(case=case, kind="outside_time_limit_accepted").exists()


def test_accepting_late_is_offered_to_those_who_may_decide_and_says_why_not_to_others(great, signed_in):
    case = _outside_the_time_limit(great)
    offer = offer_for(great.manager, case, "accept-late")
    assert offer is not None and not offer.allowed
    assert offer.reason == "Only a feedback officer or senior leader can accept what came late"
    assert signed_in(great.manager).get(url(case, "accept-late")).status_code == 403
    assert offer_for(great.director, case, "accept-late").allowed


def test_nothing_late_is_no_page(great, brighter, signed_in):
    on_time = log(great)
    assert offer_for(great.officer, on_time, "accept-late") is None
    assert signed_in(great.officer).get(url(on_time, "accept-late")).status_code == 404
    other = _outside_the_time_limit(brighter)
    assert signed_in(great.officer).get(url(other, "accept-late")).status_code == 404
