"""The intake check for a customer with a complaint closed for no contact (Brighter Places 7.ii.e): the
warning names it, and a new complaint can be logged linked to it; the link must be answered, and is not
offered for other kinds of feedback."""

from __future__ import annotations

from typing import Any

from django.test import Client

from putright.cases.models import Case, TimelineEvent
from tests.backoffice.intake.test_intake_pages import answer_up_to_details, signed_in, url
from tests.cases.test_reply_after_no_contact import closed_for_no_contact

QUESTION = "Is this the customer&#x27;s reply to the complaint closed for no contact?"


def test_brighter_places_7_ii_e_a_reply_is_logged_from_the_intake_as_a_new_complaint_linked_to_the_closed_one(
    client: Client, brighter: Any
) -> None:
    closed = closed_for_no_contact(brighter)
    signed_in(client, brighter.officer)
    answer_up_to_details(client, brighter)
    page = client.get(url("log-feedback-check", brighter)).content.decode()
    assert "had a complaint closed because we could not make contact" in page and closed.reference in page
    assert QUESTION in page and f"Yes, link it to {closed.reference}, closed on" in page
    response = client.post(url("log-feedback-check", brighter), {"confirmed": "on"})
    assert response.status_code == 200
    assert "Select whether this is their reply to the complaint closed" in response.content.decode()
    response = client.post(
        url("log-feedback-check", brighter), {"confirmed": "on", "linked_case": closed.reference}
    )
    assert response.status_code == 302
    reply = Case.objects.exclude(pk=closed.pk).get()
    assert reply.linked_case == closed and reply.kind == "complaint"
    assert TimelineEvent.objects.filter(case=closed, kind="reply_after_no_contact_closure").exists()


def test_a_new_matter_is_logged_without_the_link(client: Client, brighter: Any) -> None:
    closed = closed_for_no_contact(brighter)
    signed_in(client, brighter.officer)
    answer_up_to_details(client, brighter)
    response = client.post(url("log-feedback-check", brighter), {"confirmed": "on", "linked_case": "none"})
    assert response.status_code == 302
    assert Case.objects.exclude(pk=closed.pk).get().linked_case is None


def test_the_link_is_offered_for_a_complaint_only(client: Client, brighter: Any) -> None:
    closed_for_no_contact(brighter)
    signed_in(client, brighter.officer)
    answer_up_to_details(client, brighter, kind="service_request")
    page = client.get(url("log-feedback-check", brighter)).content.decode()
    assert "had a complaint closed because we could not make contact" in page and QUESTION not in page
