"""The customer search, the customer record and its action pages: who sees what (disclosed disabilities
only with disability.view, cases only those the person may see), who may do what by role, another
landlord's customer (or its items) 404, and each form calls its service and goes back to the record."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from putright.cases import services
from putright.customers import services as customer_services
from putright.customers.models import (
    Adjustment,
    Customer,
    CustomerEvent,
    Disability,
    Representative,
    Restriction,
)
from putright.domain.lifecycle import Kind
from tests.factories import at

D = date.fromisoformat


def signed_in(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def record_url(org: Any, customer: Customer | None = None) -> str:
    return reverse("backoffice:customer", args=[org.landlord.slug, (customer or org.customer).pk])


def action_url(name: str, org: Any, *item: int, customer: Customer | None = None) -> str:
    return reverse(f"backoffice:{name}", args=[org.landlord.slug, (customer or org.customer).pk, *item])


def log(org: Any, **extra: Any) -> Any:
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at("2026-11-02"),
        customer=org.customer,
        summary=extra.pop("summary", "Damp in the bedroom"),
        description="Mould has come back",
        **extra,
    )


@pytest.fixture
def items(great: Any) -> dict[str, Any]:
    adjustment = customer_services.adjustment_record(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        type="large_print",
        details="16 point",
        agreed_on=D("2026-10-01"),
    )
    restriction = customer_services.restriction_apply(
        landlord=great.landlord,
        actor=great.housing,
        customer_id=great.customer.pk,
        type="single-channel",
        reason="Many calls a day",
        how_to_contact="By email to the named officer.",
        understanding_sought="Met on 1 October",
        starts_on=D("2026-10-05"),
    )
    rep = customer_services.representative_add(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        name="Jo Morgan",
        relationship="Daughter",
        basis="asked_by_customer",
    )
    customer_services.disability_record(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        description="Sight loss",
        disclosed_on=D("2026-10-01"),
    )
    return {"adjustment": adjustment, "restriction": restriction, "representative": rep}


# -- who may see the pages -------------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client: Client, great: Any) -> None:
    for path in (
        reverse("backoffice:customers", args=["great"]),
        record_url(great),
        action_url("customer-contact", great),
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/sign-in/" in response["Location"]


@pytest.mark.parametrize("who", ["officer", "manager", "director", "housing", "board", "colleague"])
def test_everyone_who_may_see_cases_may_see_the_search_and_the_record(
    client: Client, great: Any, who: str
) -> None:
    signed_in(client, getattr(great, who))
    assert client.get(reverse("backoffice:customers", args=["great"])).status_code == 200
    assert client.get(record_url(great)).status_code == 200


def test_another_landlords_customer_is_404(
    client: Client, great: Any, brighter: Any, items: dict[str, Any]
) -> None:
    signed_in(client, brighter.officer)
    # Not a member of Great Places at all.
    assert client.get(record_url(great)).status_code == 404
    assert client.get(reverse("backoffice:customers", args=["great"])).status_code == 404
    # Brighter's own slug with Great's customer id: 404 too, and the same for every action.
    guessed = brighter.landlord.slug, great.customer.pk
    assert client.get(reverse("backoffice:customer", args=guessed)).status_code == 404
    for name in ("customer-contact", "customer-adjustment-add", "customer-representative-add"):
        assert client.get(reverse(f"backoffice:{name}", args=guessed)).status_code == 404
    assert (
        client.get(
            reverse("backoffice:customer-adjustment-review", args=[*guessed, items["adjustment"].pk])
        ).status_code
        == 404
    )


def test_another_customers_item_is_404(client: Client, great: Any, items: dict[str, Any]) -> None:
    other = Customer.objects.create(landlord=great.landlord, name="Priya Shah")
    signed_in(client, great.housing)
    for name, item in (
        ("customer-adjustment-review", "adjustment"),
        ("customer-adjustment-end", "adjustment"),
        ("customer-restriction-review", "restriction"),
        ("customer-restriction-appeal", "restriction"),
        ("customer-representative-authority", "representative"),
    ):
        assert client.get(action_url(name, great, items[item].pk, customer=other)).status_code == 404, name
    assert client.get(action_url("customer-adjustment-end", great, 999999)).status_code == 404


def test_disclosed_disabilities_show_only_to_roles_that_need_them(
    client: Client, great: Any, items: dict[str, Any]
) -> None:
    for who, sees in (
        ("officer", True),
        ("housing", True),
        ("manager", False),
        ("director", False),
        ("board", False),
    ):
        page = signed_in(client, getattr(great, who)).get(record_url(great)).content.decode()
        assert ("Sight loss" in page) is sees, who
        assert ("Disclosed disabilities" in page) is sees, who
    assert (
        signed_in(client, great.manager).get(action_url("customer-disability-add", great)).status_code == 403
    )


def test_cases_about_colleagues_are_hidden_from_those_who_may_not_see_them(
    client: Client, great: Any
) -> None:
    visible = log(great)
    hidden = log(great, about_colleague=True, summary="Rude officer")
    page = signed_in(client, great.officer).get(record_url(great)).content.decode()
    assert visible.reference in page and hidden.reference in page
    page = signed_in(client, great.manager).get(record_url(great)).content.decode()
    assert visible.reference in page and hidden.reference not in page


ROLE_RULES = [
    ("customer-contact", {"officer", "housing"}),
    ("customer-representative-add", {"officer", "housing"}),
    ("customer-adjustment-add", {"officer", "housing", "manager"}),
    ("customer-disability-add", {"officer", "housing"}),
    ("customer-restriction-apply", {"housing", "director"}),
]


@pytest.mark.parametrize(("name", "allowed"), ROLE_RULES)
def test_action_pages_by_role(client: Client, great: Any, name: str, allowed: set[str]) -> None:
    for who in ("officer", "manager", "director", "housing", "board", "colleague"):
        response = signed_in(client, getattr(great, who)).get(action_url(name, great))
        assert response.status_code == (200 if who in allowed else 403), (name, who)
        if who not in allowed:
            assert client.post(action_url(name, great), {}).status_code == 403


def test_actions_are_offered_only_to_roles_allowed(client: Client, great: Any, items: dict[str, Any]) -> None:
    page = signed_in(client, great.board).get(record_url(great)).content.decode()
    for text in (
        "Change contact details",
        "Record a reasonable adjustment",
        "Apply a contact restriction",
        "Add a representative",
        "Review or lift",
        "Log feedback for this customer",
    ):
        assert text not in page, text
    page = signed_in(client, great.housing).get(record_url(great)).content.decode()
    for text in (
        "Change contact details",
        "Record a reasonable adjustment",
        "Apply a contact restriction",
        "Add a representative",
        "Review or lift",
    ):
        assert text in page, text
    page = signed_in(client, great.manager).get(record_url(great)).content.decode()
    assert "Record a reasonable adjustment" in page and "Apply a contact restriction" not in page
    assert "Change contact details" not in page


# -- the search ------------------------------------------------------------------------------------------


def test_search_by_name_reference_postcode_phone_and_case_reference(
    client: Client, great: Any, brighter: Any
) -> None:
    Customer.objects.filter(pk=great.customer.pk).update(
        postcode="LS1 4AB", phone="+44 7700 900123", address="4 Mill Lane"
    )
    case = log(great)
    signed_in(client, great.officer)
    for query in (
        "alex morgan",
        "T-1001",
        "ls14ab",
        "07700 900123",
        "mill lane",
        case.reference,
        "alex@example",
    ):
        page = client.get(reverse("backoffice:customers", args=["great"]), {"q": query}).content.decode()
        assert "1 customer matching" in page, query
    page = client.get(reverse("backoffice:customers", args=["great"]), {"q": "zebra"}).content.decode()
    assert "No customers match" in page
    page = client.get(reverse("backoffice:customers", args=["great"]), {"q": "alex"}).content.decode()
    assert "1 customer matching" in page  # Brighter Places has an Alex Morgan too
    assert f"/customers/{great.customer.pk}/" in page and f"/customers/{brighter.customer.pk}/" not in page


# -- the record ------------------------------------------------------------------------------------------


def test_the_record_shows_everything(client: Client, great: Any, items: dict[str, Any]) -> None:
    case = log(great)
    page = signed_in(client, great.officer).get(record_url(great)).content.decode()
    for text in (
        "Alex Morgan",
        "T-1001",
        "Large print",
        "16 point",
        "Single channel",
        "By email to the named officer.",
        "Jo Morgan",
        "Authority requested",
        case.reference,
        "Adjustment agreed",
        "Restriction applied",
    ):
        assert text in page, text
    assert "govuk-warning-text" in page  # the active restriction cannot be missed


# -- the forms -------------------------------------------------------------------------------------------


def test_changing_contact_details_keeps_the_old_ones_on_the_history(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    data = {
        "name": "Alex Morgan",
        "type": "resident",
        "tenancy_reference": "T-1001",
        "address": "4 Mill Lane",
        "postcode": "ls1 4ab",
        "email": "alex@example.test",
        "phone": "0113 496 0000",
        "preferred_channel": "phone",
        "letters_by": "both",
    }
    response = client.post(action_url("customer-contact", great), data)
    assert response.status_code == 302 and response["Location"] == record_url(great)
    customer = Customer.objects.get(pk=great.customer.pk)
    assert (
        customer.postcode == "LS1 4AB"
        and customer.preferred_channel == "phone"
        and customer.letters_by == "both"
    )
    event = CustomerEvent.objects.get(customer=customer, kind="contact_details_changed")
    assert event.before["preferred_channel"] == "email" and event.after["preferred_channel"] == "phone"


def test_a_service_error_is_shown_on_its_field_and_nothing_changes(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    data = {
        "name": "Alex Morgan",
        "type": "resident",
        "tenancy_reference": "",
        "address": "",
        "postcode": "",
        "email": "alex@example.test",
        "phone": "",
        "preferred_channel": "email",
        "letters_by": "post",
    }
    response = client.post(action_url("customer-contact", great), data)
    page = response.content.decode()
    assert response.status_code == 200 and "Letters can only go by post to an address" in page
    assert "<title>Error: " in page and 'value="alex@example.test"' in page
    assert Customer.objects.get(pk=great.customer.pk).letters_by == "email"


def test_adjustments_recorded_reviewed_and_ended(client: Client, great: Any) -> None:
    signed_in(client, great.manager)
    response = client.post(
        action_url("customer-adjustment-add", great),
        {
            "type": "large_print",
            "details": "16 point",
            "agreed_on_0": "1",
            "agreed_on_1": "10",
            "agreed_on_2": "2026",
        },
    )
    assert response.status_code == 302
    adjustment = Adjustment.objects.get(customer=great.customer)
    first_review = adjustment.review_by
    response = client.post(
        action_url("customer-adjustment-review", great, adjustment.pk),
        {"reviewed_on_0": "2", "reviewed_on_1": "11", "reviewed_on_2": "2026", "note": "Still needed"},
    )
    assert response.status_code == 302
    adjustment.refresh_from_db()
    assert adjustment.review_by > first_review
    response = client.post(
        action_url("customer-adjustment-end", great, adjustment.pk),
        {"ended_on_0": "3", "ended_on_1": "11", "ended_on_2": "2026", "reason": ""},
    )
    assert response.status_code == 200 and "Enter why the adjustment ends" in response.content.decode()
    client.post(
        action_url("customer-adjustment-end", great, adjustment.pk),
        {"ended_on_0": "3", "ended_on_1": "11", "ended_on_2": "2026", "reason": "No longer needed"},
    )
    adjustment.refresh_from_db()
    assert adjustment.ended_on == D("2026-11-03")
    response = client.post(
        action_url("customer-adjustment-end", great, adjustment.pk),
        {"ended_on_0": "3", "ended_on_1": "11", "ended_on_2": "2026", "reason": "Again"},
    )
    assert (
        response.status_code == 200
        and "this adjustment ended on 2026-11-03" in response.content.decode().lower()
    )


def test_a_future_date_is_refused_with_the_govuk_message(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    response = client.post(
        action_url("customer-adjustment-add", great),
        {"type": "large_print", "agreed_on_0": "1", "agreed_on_1": "1", "agreed_on_2": "2999"},
    )
    assert "The date it was agreed must be today or in the past" in response.content.decode()
    assert not Adjustment.objects.exists()


def test_a_disclosure_is_recorded(client: Client, great: Any) -> None:
    signed_in(client, great.housing)
    client.post(
        action_url("customer-disability-add", great),
        {
            "description": "Hearing loss",
            "disclosed_on_0": "1",
            "disclosed_on_1": "11",
            "disclosed_on_2": "2026",
        },
    )
    assert Disability.objects.get(customer=great.customer).description == "Hearing loss"


def test_restrictions_applied_reviewed_appealed_and_lifted(client: Client, great: Any) -> None:
    signed_in(client, great.housing)
    page = client.get(action_url("customer-restriction-apply", great)).content.decode()
    assert "Single channel" in page and "Refuse same matter" in page
    response = client.post(
        action_url("customer-restriction-apply", great),
        {
            "type": "single-channel",
            "reason": "Many calls",
            "how_to_contact": "By email",
            "understanding_sought": "A meeting",
            "starts_on_0": "5",
            "starts_on_1": "10",
            "starts_on_2": "2026",
        },
    )
    assert response.status_code == 302
    restriction = Restriction.objects.get(customer=great.customer)
    response = client.post(
        action_url("customer-restriction-appeal", great, restriction.pk),
        {"requested_on_0": "10", "requested_on_1": "10", "requested_on_2": "2026", "outcome": ""},
    )
    assert response.status_code == 302
    restriction.refresh_from_db()
    assert restriction.appeal_requested_on == D("2026-10-10")
    response = client.post(
        action_url("customer-restriction-review", great, restriction.pk),
        {
            "outcome": "extend",
            "reviewed_on_0": "2",
            "reviewed_on_1": "11",
            "reviewed_on_2": "2026",
            "reasons": "Still calling",
        },
    )
    restriction.refresh_from_db()
    assert restriction.status == "active" and restriction.reviews.get().outcome == "extended"
    client.post(
        action_url("customer-restriction-review", great, restriction.pk),
        {
            "outcome": "lift",
            "reviewed_on_0": "3",
            "reviewed_on_1": "11",
            "reviewed_on_2": "2026",
            "reasons": "Contact is fine",
        },
    )
    restriction.refresh_from_db()
    assert restriction.status == "lifted" and restriction.lifted_on == D("2026-11-03")
    page = client.get(record_url(great)).content.decode()
    assert "Lifted" in page and "Still calling" in page


def test_a_representative_added_and_their_authority_recorded(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    response = client.post(
        action_url("customer-representative-add", great),
        {"name": "Sam Shah", "relationship": "Advocate", "basis": "asked_by_customer"},
    )
    assert response.status_code == 302
    rep = Representative.objects.get(name="Sam Shah")
    response = client.post(
        action_url("customer-representative-authority", great, rep.pk), {"authority": "given", "evidence": ""}
    )
    assert response.status_code == 200 and "Evidence of authority is required" in response.content.decode()
    client.post(
        action_url("customer-representative-authority", great, rep.pk),
        {"authority": "given", "evidence": "Signed form"},
    )
    rep.refresh_from_db()
    assert rep.authority == "given" and rep.evidence == "Signed form"


def test_staff_widen_a_representative_limited_to_one_matter_on_the_customer_record(
    client: Client, great: Any
) -> None:
    signed_in(client, great.officer)
    client.post(
        action_url("customer-representative-add", great),
        {"name": "Sam Shah", "relationship": "Advocate", "basis": "asked_by_customer", "scope": "The boiler"},
    )
    rep = Representative.objects.get(name="Sam Shah")
    form = client.get(action_url("customer-representative-authority", great, rep.pk)).content.decode()
    assert 'name="scope"' in form and 'value="The boiler"' in form  # kept unless changed
    client.post(
        action_url("customer-representative-authority", great, rep.pk),
        {"authority": "given", "evidence": "Signed form", "scope": ""},
    )
    rep.refresh_from_db()
    assert rep.scope == ""
    page = client.get(record_url(great)).content.decode()
    assert "Everything" in page and "may act on everything" in page


ITEM_RULES = [
    ("customer-representative-authority", "representative", {"officer", "housing"}),
    ("customer-adjustment-review", "adjustment", {"officer", "housing", "manager"}),
    ("customer-adjustment-end", "adjustment", {"officer", "housing", "manager"}),
    ("customer-restriction-review", "restriction", {"housing", "director"}),
    ("customer-restriction-appeal", "restriction", {"housing", "director"}),
]


@pytest.mark.parametrize(("name", "item", "allowed"), ITEM_RULES)
def test_item_action_pages_by_role(
    client: Client, great: Any, items: dict[str, Any], name: str, item: str, allowed: set[str]
) -> None:
    path = action_url(name, great, items[item].pk)
    for who in ("officer", "manager", "director", "housing", "board", "colleague"):
        response = signed_in(client, getattr(great, who)).get(path)
        assert response.status_code == (200 if who in allowed else 403), (name, who)
        if who not in allowed:
            assert client.post(path, {}).status_code == 403


def test_log_feedback_for_this_customer_starts_with_them_chosen(client: Client, great: Any) -> None:
    signed_in(client, great.officer)
    page = client.get(record_url(great)).content.decode()
    assert "Log feedback for this customer" in page
    response = client.post(
        reverse("backoffice:log-feedback", args=["great"]), {"customer": great.customer.pk}
    )
    assert response["Location"] == reverse("backoffice:log-feedback-representative", args=["great"])
    assert "Log feedback: Alex Morgan" in client.get(response["Location"]).content.decode()


def test_adding_a_customer(client: Client, great: Any, brighter: Any) -> None:
    path = reverse("backoffice:customer-add", args=["great"])
    for who in ("manager", "director", "board", "colleague"):
        assert signed_in(client, getattr(great, who)).get(path).status_code == 403, who
    assert signed_in(client, brighter.officer).get(path).status_code == 404
    signed_in(client, great.housing)
    assert "Add a customer" in client.get(reverse("backoffice:customers", args=["great"])).content.decode()
    page = client.post(path, {"name": "", "type": "resident", "preferred_channel": "email"}).content.decode()
    assert "Enter the customer&#x27;s full name" in page or "Enter the customer's full name" in page
    response = client.post(path, {"name": "Priya Shah", "type": "applicant", "preferred_channel": "phone"})
    customer = Customer.objects.get(name="Priya Shah")
    assert customer.landlord == great.landlord and customer.type == "applicant"
    assert response["Location"] == record_url(great, customer)
    assert CustomerEvent.objects.filter(customer=customer, kind="created", actor=great.housing).exists()


def test_search_results_flag_restrictions_and_adjustments(
    client: Client, great: Any, items: dict[str, Any]
) -> None:
    Customer.objects.create(landlord=great.landlord, name="Alexandra Mills")
    signed_in(client, great.officer)
    for path in (
        reverse("backoffice:customers", args=["great"]),
        reverse("backoffice:log-feedback", args=["great"]),
    ):
        page = client.get(path, {"q": "alex"}).content.decode()
        assert (
            page.count("Contact restriction</strong>") == 1
            and page.count("Reasonable adjustments</strong>") == 1
        )
