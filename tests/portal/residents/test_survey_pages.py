"""The survey page: from "Your cases" on a closed complaint, errors keep what was typed, answered once."""

import pytest
from django.urls import reverse

from putright.cases.models import Satisfaction
from putright.customers.models import Restriction
from tests.residents.conftest import acknowledge, closed, log_complaint

pytestmark = pytest.mark.django_db


def url(name, org, *args):
    return reverse(f"portal:{name}", args=[org.landlord.slug, *args])


def test_survey_is_offered_from_your_cases_on_a_closed_complaint(sign_in_as, brighter, complaint):
    client = sign_in_as(brighter)
    survey = url("my-case-survey", brighter, complaint.reference)
    assert survey.encode() not in client.get(url("my-cases", brighter)).content
    assert client.get(survey)["Location"] == url("my-case", brighter, complaint.reference)
    closed(brighter, complaint)
    assert survey.encode() in client.get(url("my-cases", brighter)).content
    assert b"Answer the survey" in client.get(url("my-case", brighter, complaint.reference)).content
    page = client.get(survey)
    assert page.status_code == 200 and b"How satisfied are you" in page.content


def test_survey_page_without_a_score_shows_an_error_and_keeps_the_comment(sign_in_as, brighter, complaint):
    closed(brighter, complaint)
    response = sign_in_as(brighter).post(
        url("my-case-survey", brighter, complaint.reference), {"comment": "Slow to call back"}
    )
    assert response.status_code == 400
    assert b"Select how satisfied you are" in response.content and b'href="#score"' in response.content
    assert b"Slow to call back" in response.content
    assert not Satisfaction.objects.exists()


def test_survey_page_records_the_answer_once_and_then_says_so(sign_in_as, brighter, complaint):
    closed(brighter, complaint)
    client = sign_in_as(brighter)
    survey = url("my-case-survey", brighter, complaint.reference)
    response = client.post(survey, {"score": "4", "comment": "Kept me informed"})
    assert response["Location"] == url("my-case", brighter, complaint.reference) + "?done=surveyed"
    assert b"Thank you for answering our survey" in client.get(response["Location"]).content
    again = client.post(survey, {"score": "1"})
    assert again.status_code == 200 and b"You have already answered this survey" in again.content
    assert list(Satisfaction.objects.values_list("score", "comment")) == [(4, "Kept me informed")]
    assert survey.encode() not in client.get(url("my-cases", brighter)).content


def test_survey_page_of_another_customer_or_landlord_is_not_found(
    sign_in_as, brighter, great, complaint, other_customer
):
    theirs = closed(brighter, log_complaint(brighter, customer=other_customer))
    client = sign_in_as(brighter)
    assert client.post(url("my-case-survey", brighter, theirs.reference), {"score": "5"}).status_code == 404
    assert client.get(url("my-case-survey", great, complaint.reference))["Location"] == url("sign-in", great)
    assert not Satisfaction.objects.exists()


def test_survey_page_needs_sign_in(client, brighter, complaint):
    closed(brighter, complaint)
    response = client.post(url("my-case-survey", brighter, complaint.reference), {"score": "5"})
    assert response["Location"] == url("sign-in", brighter)
    assert not Satisfaction.objects.exists()


def test_survey_page_under_a_restriction_explains_it_and_still_takes_the_answer(
    sign_in_as, brighter, complaint
):
    closed(brighter, complaint)
    Restriction.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        type="single_channel",
        reason="Many calls a day",
        how_to_contact="by email to Sam, your named contact",
        understanding_sought="Spoke on the phone",
        starts_on=complaint.received_at.date(),
        review_by=complaint.received_at.date(),
        decided_by=brighter.housing,
    )
    client = sign_in_as(brighter)
    assert (
        b"by email to Sam, your named contact"
        in client.get(url("my-case", brighter, complaint.reference)).content
    )
    client.post(url("my-case-survey", brighter, complaint.reference), {"score": "3"})
    assert Satisfaction.objects.filter(case=complaint, score=3).exists()


def test_survey_page_not_on_an_open_case(sign_in_as, brighter, complaint):
    acknowledge(brighter, complaint)
    client = sign_in_as(brighter)
    client.post(url("my-case-survey", brighter, complaint.reference), {"score": "3"})
    assert not Satisfaction.objects.exists()
