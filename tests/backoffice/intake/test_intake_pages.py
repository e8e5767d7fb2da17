"""Logging feedback through the question pages: find or add the customer, who acts for them, the kind and
the Code 1.3 choice, the details, the check with its warnings, and one save through the services.
Permission by role and landlord; bad input changes nothing and keeps what was typed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from putright.cases.models import Case
from putright.customers import services as customer_services
from putright.customers.models import Customer, CustomerEvent, Representative
from tests.backoffice.intake.conftest import log

D = date.fromisoformat

DETAILS = {
    "channel": "phone",
    "received_on_0": "2",
    "received_on_1": "11",
    "received_on_2": "2026",
    "received_time": "14:30",
    "received_by": "",
    "summary": "Leaking roof over the kitchen",
    "description": "Water comes through the kitchen ceiling when it rains.",
    "service_area": "Property services",
    "category": "Repairs",
    "contractor": "",
    "colleagues_named": "",
    "issue_date_0": "20",
    "issue_date_1": "10",
    "issue_date_2": "2026",
    "aware_date_0": "",
    "aware_date_1": "",
    "aware_date_2": "",
    "vulnerability_note": "",
    "hazard_kind": "",
}


def url(name: str, org: Any) -> str:
    return reverse(f"backoffice:{name}", args=[org.landlord.slug])


def signed_in(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def answer_up_to_details(client: Client, org: Any, *, kind: str = "complaint", choice: str = "none") -> None:
    assert client.post(url("log-feedback", org), {"customer": org.customer.pk}).status_code == 302
    assert client.post(url("log-feedback-representative", org), {"acting": "none"}).status_code == 302
    assert client.post(url("log-feedback-kind", org), {"kind": kind, "choice": choice}).status_code == 302
    response = client.post(url("log-feedback-details", org), DETAILS)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url("log-feedback-check", org)


# -- who may use the pages ---------------------------------------------------------------------------------

PAGES = [
    "log-feedback",
    "log-feedback-new-customer",
    "log-feedback-representative",
    "log-feedback-kind",
    "log-feedback-details",
    "log-feedback-check",
]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_people_are_sent_to_sign_in(client: Client, great: Any, name: str) -> None:
    response = client.get(url(name, great))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_another_landlords_staff_get_404(client: Client, great: Any, brighter: Any, name: str) -> None:
    assert signed_in(client, brighter.officer).get(url(name, great)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_read_only_roles_may_not_log_feedback(client: Client, great: Any, name: str) -> None:
    assert signed_in(client, great.board).get(url(name, great)).status_code == 403
    assert client.post(url(name, great), {"customer": great.customer.pk}).status_code == 403


@pytest.mark.parametrize("who", ["officer", "manager", "director", "housing", "colleague"])
def test_everyone_who_may_log_feedback_sees_the_first_page(client: Client, great: Any, who: str) -> None:
    response = signed_in(client, getattr(great, who)).get(url("log-feedback", great))
    assert response.status_code == 200
    assert "Find the customer" in response.content.decode()


def test_only_those_who_manage_customers_may_add_one(client: Client, great: Any) -> None:
    signed_in(client, great.manager)
    page = client.get(url("log-feedback", great)).content.decode()
    assert "Add a new customer" not in page and "your roles here do not include adding customers" in page
    assert client.get(url("log-feedback-new-customer", great)).status_code == 403
    signed_in(client, great.officer)
    assert "Add a new customer" in client.get(url("log-feedback", great)).content.decode()


def test_choosing_another_landlords_customer_is_404(client: Client, great: Any, brighter: Any) -> None:
    signed_in(client, great.officer)
    assert client.post(url("log-feedback", great), {"customer": brighter.customer.pk}).status_code == 404
    assert client.post(url("log-feedback", great), {"customer": "nope"}).status_code == 404


# -- finding the customer -------------------------------------------------------------------------------


def test_search_finds_the_landlords_customers_only(client: Client, great: Any, brighter: Any) -> None:
    signed_in(client, great.officer)
    page = client.get(url("log-feedback", great), {"q": "alex"}).content.decode()
    assert "1 customer matching" in page and "Alex Morgan" in page
    assert f'value="{great.customer.pk}"' in page and f'value="{brighter.customer.pk}"' not in page
    page = client.get(url("log-feedback", great), {"q": "Nobody Here"}).content.decode()
    assert "No customers match" in page


def test_later_steps_send_you_back_to_the_first_unanswered_question(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    response = client.get(url("log-feedback-details", great))
    assert response.status_code == 302 and response["Location"] == url("log-feedback", great)
    client.post(url("log-feedback", great), {"customer": great.customer.pk})
    response = client.get(url("log-feedback-check", great))
    assert response["Location"] == url("log-feedback-representative", great)


# -- logging -------------------------------------------------------------------------------------------


def test_logging_a_complaint_for_an_existing_customer(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    answer_up_to_details(client, great)
    page = client.get(url("log-feedback-check", great)).content.decode()
    assert "Check before logging" in page and "Leaking roof over the kitchen" in page
    assert "2 November 2026 at 14:30" in page and "Warnings" not in page
    response = client.post(url("log-feedback-check", great), {})
    case = Case.objects.get(landlord=great.landlord)
    assert case.kind == "complaint" and case.customer == great.customer and case.channel == "phone"
    assert (
        case.category == "Repairs" and case.issue_date == D("2026-10-20") and case.logged_by == great.officer
    )
    assert response.status_code == 302
    assert case.reference in response["Location"]
    message = next(str(m) for m in get_messages(response.wsgi_request))
    due = case.stages.get(number=1).acknowledge_by
    assert message.startswith(f"Complaint {case.reference} logged.") and f"{due.day} {due:%B %Y}" in message
    # The answers are forgotten: a second post finds nothing to save.
    again = client.post(url("log-feedback-check", great), {})
    assert again["Location"] == url("log-feedback", great)
    assert Case.objects.count() == 1


def test_a_new_customer_and_a_new_representative_are_added_when_it_is_logged(
    client: Client, great: Any
) -> None:
    signed_in(client, great.officer)
    new = {
        "name": "Priya Shah",
        "type": "leaseholder",
        "tenancy_reference": "L-220",
        "address": "4 Mill Lane, Leeds",
        "postcode": "ls1 4ab",
        "email": "priya@example.test",
        "phone": "07700 900123",
        "preferred_channel": "phone",
    }
    assert client.post(url("log-feedback-new-customer", great), new)["Location"] == url(
        "log-feedback-representative", great
    )
    assert not Customer.objects.filter(name="Priya Shah").exists()  # not until it is logged
    rep = {
        "acting": "new",
        "rep_name": "Sam Shah",
        "rep_relationship": "Son",
        "rep_basis": "asked_by_customer",
    }
    client.post(url("log-feedback-representative", great), rep)
    client.post(url("log-feedback-kind", great), {"kind": "compliment", "choice": "none"})
    client.post(url("log-feedback-details", great), DETAILS)
    page = client.get(url("log-feedback-check", great)).content.decode()
    assert "Customer (new)" in page and "Sam Shah (Son)" in page
    client.post(url("log-feedback-check", great), {})
    customer = Customer.objects.get(name="Priya Shah")
    assert (
        customer.landlord == great.landlord
        and customer.postcode == "LS1 4AB"
        and customer.type == "leaseholder"
    )
    case = Case.objects.get(customer=customer)
    assert case.kind == "compliment" and case.representative == Representative.objects.get(name="Sam Shah")
    assert CustomerEvent.objects.filter(customer=customer, kind="created").exists()


def test_a_representative_of_the_customer_can_be_chosen(client: Client, great: Any) -> None:
    rep = customer_services.representative_add(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        name="Jo Morgan",
        relationship="Daughter",
        basis="asked_by_customer",
    )
    signed_in(client, great.officer)
    client.post(url("log-feedback", great), {"customer": great.customer.pk})
    page = client.get(url("log-feedback-representative", great)).content.decode()
    assert "Jo Morgan (Daughter; authority requested)" in page
    client.post(url("log-feedback-representative", great), {"acting": str(rep.pk)})
    client.post(url("log-feedback-kind", great), {"kind": "complaint", "choice": "none"})
    client.post(url("log-feedback-details", great), DETAILS)
    client.post(url("log-feedback-check", great), {})
    assert Case.objects.get(landlord=great.landlord).representative == rep


def test_the_choice_to_complain_is_recorded_and_raises_the_complaint(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    answer_up_to_details(client, great, kind="service_request", choice="complaint")
    assert "Choice to complain (Code 1.3)" in client.get(url("log-feedback-check", great)).content.decode()
    response = client.post(url("log-feedback-check", great), {})
    request = Case.objects.get(kind="service_request")
    complaint = Case.objects.get(kind="complaint")
    assert request.complaint_choice == "complaint" and complaint.linked_case == request
    assert complaint.reference in response["Location"]
    message = next(str(m) for m in get_messages(response.wsgi_request))
    assert f"complaint {complaint.reference} raised" in message


def test_a_declined_choice_is_recorded_on_the_service_request(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    answer_up_to_details(client, great, kind="service_request", choice="declined")
    client.post(url("log-feedback-check", great), {})
    assert Case.objects.get().complaint_choice == "declined"


def test_the_choice_is_only_for_a_service_request_or_general_feedback(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    client.post(url("log-feedback", great), {"customer": great.customer.pk})
    client.post(url("log-feedback-representative", great), {"acting": "none"})
    response = client.post(url("log-feedback-kind", great), {"kind": "compliment", "choice": "complaint"})
    assert response.status_code == 200
    assert "The choice to complain is recorded on a service request" in response.content.decode()


# -- bad input ---------------------------------------------------------------------------------------------


def test_bad_details_are_explained_and_what_was_typed_is_kept(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    client.post(url("log-feedback", great), {"customer": great.customer.pk})
    client.post(url("log-feedback-representative", great), {"acting": "none"})
    client.post(url("log-feedback-kind", great), {"kind": "complaint", "choice": "none"})
    bad = {**DETAILS, "received_on_0": "31", "received_on_1": "2", "summary": "", "received_time": "25:00"}
    response = client.post(url("log-feedback-details", great), bad)
    page = response.content.decode()
    assert response.status_code == 200 and page.count("govuk-error-message") == 3
    assert "The date it was received must be a real date" in page and "Enter a summary" in page
    assert "The time it was received must be a real time" in page
    assert "Water comes through the kitchen ceiling" in page and 'value="31"' in page
    assert "<title>Error: " in page
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"received_on_2": "2999"}, "The date it was received must be today or in the past"),
        ({"received_on_1": ""}, "The date it was received must include a month"),
        (
            {"issue_date_0": "3", "issue_date_1": "11"},
            "The date of the issue must be on or before the date received",
        ),
        (
            {"aware_date_0": "1", "aware_date_1": "10", "aware_date_2": "2026"},
            "must be on or after the date of the issue",
        ),
    ],
)
def test_impossible_dates_are_refused(
    client: Client, great: Any, changes: dict[str, str], message: str
) -> None:
    signed_in(client, great.officer)
    client.post(url("log-feedback", great), {"customer": great.customer.pk})
    client.post(url("log-feedback-representative", great), {"acting": "none"})
    client.post(url("log-feedback-kind", great), {"kind": "complaint", "choice": "none"})
    response = client.post(url("log-feedback-details", great), {**DETAILS, **changes})
    assert response.status_code == 200 and message in response.content.decode()


def test_a_new_representative_needs_a_name_a_relationship_and_a_basis(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    client.post(url("log-feedback", great), {"customer": great.customer.pk})
    page = client.post(url("log-feedback-representative", great), {"acting": "new"}).content.decode()
    assert "Enter the representative" in page and "Enter their relationship" in page and "Select why" in page


# -- warnings ----------------------------------------------------------------------------------------------


def test_warnings_need_a_conscious_continue(client: Client, great: Any) -> None:
    earlier = log(great, "2026-10-01", category="Repairs")
    customer_services.restriction_apply(
        landlord=great.landlord,
        actor=great.housing,
        customer_id=great.customer.pk,
        type="single-channel",
        reason="Many calls a day",
        how_to_contact="By email to the named officer.",
        understanding_sought="Met on 1 October",
        starts_on=D("2026-10-05"),
    )
    signed_in(client, great.officer)
    answer_up_to_details(client, great)
    page = client.get(url("log-feedback-check", great)).content.decode()
    assert "There is an open case on the same subject" in page and earlier.reference in page
    assert "has a contact restriction (single channel)" in page and "govuk-warning-text" in page
    response = client.post(url("log-feedback-check", great), {})
    assert response.status_code == 200
    assert "Confirm you have read the warnings" in response.content.decode()
    assert Case.objects.count() == 1
    response = client.post(url("log-feedback-check", great), {"confirmed": "on"})
    assert response.status_code == 302 and Case.objects.count() == 2


def test_starting_again_forgets_the_answers(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    answer_up_to_details(client, great)
    client.post(url("log-feedback", great), {"start_again": "1"})
    assert client.get(url("log-feedback-check", great))["Location"] == url("log-feedback", great)


def test_a_refusal_by_the_service_is_shown_on_the_check_page_and_nothing_is_saved(
    client: Client, great: Any
) -> None:
    signed_in(client, great.officer)
    new = {"name": "Priya Shah", "type": "resident", "preferred_channel": "email"}
    client.post(url("log-feedback-new-customer", great), new)
    client.post(url("log-feedback-representative", great), {"acting": "none"})
    client.post(url("log-feedback-kind", great), {"kind": "complaint", "choice": "none"})
    client.post(url("log-feedback-details", great), DETAILS)
    session = client.session
    answers = session["intake:great"]
    answers["details"]["hazard_kind"] = "no-such-hazard"  # as if the hazard list changed meanwhile
    session["intake:great"] = answers
    session.save()
    response = client.post(url("log-feedback-check", great), {})
    page = response.content.decode()
    assert response.status_code == 200 and "unknown hazard kind" in page.lower()
    assert "Nothing was saved" in page
    assert not Customer.objects.filter(name="Priya Shah").exists() and not Case.objects.exists()


def test_adding_someone_already_on_the_records_is_warned_of(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    new = {
        "name": "Alex Morgan",
        "type": "resident",
        "preferred_channel": "email",
        "email": "alex@example.test",
    }
    client.post(url("log-feedback-new-customer", great), new)
    client.post(url("log-feedback-representative", great), {"acting": "none"})
    client.post(url("log-feedback-kind", great), {"kind": "compliment", "choice": "none"})
    client.post(url("log-feedback-details", great), DETAILS)
    page = client.get(url("log-feedback-check", great)).content.decode()
    assert "Alex Morgan may already have a record" in page
    assert reverse("backoffice:customer", args=["great", great.customer.pk]) in page
    assert client.post(url("log-feedback-check", great), {}).status_code == 200
    assert Customer.objects.filter(name="Alex Morgan", landlord=great.landlord).count() == 1


def test_the_check_page_shows_the_customers_adjustments(client: Client, great: Any) -> None:
    customer_services.adjustment_record(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        type="large_print",
        details="16 point",
        agreed_on=D("2026-10-01"),
    )
    signed_in(client, great.officer)
    answer_up_to_details(client, great)
    page = client.get(url("log-feedback-check", great)).content.decode()
    assert "Reasonable adjustments in force:" in page and "Large print (16 point)" in page


def test_someone_who_may_not_open_a_complaint_about_a_colleague_is_not_sent_to_it(
    client: Client, great: Any
) -> None:
    signed_in(client, great.housing)
    client.post(url("log-feedback", great), {"customer": great.customer.pk})
    client.post(url("log-feedback-representative", great), {"acting": "none"})
    client.post(url("log-feedback-kind", great), {"kind": "complaint", "choice": "none"})
    client.post(url("log-feedback-details", great), {**DETAILS, "about_colleague": "on"})
    response = client.post(url("log-feedback-check", great), {})
    case = Case.objects.get()
    assert case.about_colleague
    assert response["Location"] == url("log-feedback", great)
    message = next(str(m) for m in get_messages(response.wsgi_request))
    assert case.reference in message and "only the feedback team" in message
