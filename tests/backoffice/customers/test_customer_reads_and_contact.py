"""The customer reads and the contact-details service: search matches every word in some detail (phone
numbers and postcodes however spaced), never another landlord's customers; the record's query count does
not grow with what is on it; a change of contact details is on the audit trail with before and after, and
no change records nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.cases import services
from putright.customers import services as customer_services
from putright.customers.contact_details import customer_update_contact
from putright.customers.models import Customer, CustomerEvent
from putright.customers.search import customer_search
from putright.customers.selectors import customer_for_staff, customer_record
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.lifecycle import Kind
from tests.factories import at

D = date.fromisoformat


def names(org: Any, query: str) -> list[str]:
    return [c.name for c in customer_search(landlord=org.landlord, query=query)]


def test_search_by_each_detail(great: Any, brighter: Any) -> None:
    Customer.objects.filter(pk=great.customer.pk).update(
        address="4 Mill Lane, Leeds", postcode="LS1 4AB", phone="+44 (0)7700 900-123"
    )
    Customer.objects.create(landlord=great.landlord, name="Priya Shah", phone="0113 496 0000")
    assert names(great, "morgan") == ["Alex Morgan"]
    assert names(great, "alex mill") == ["Alex Morgan"]  # every word, in any detail
    assert names(great, "alex shah") == []
    assert names(great, "ls14ab") == names(great, "LS1 4AB") == ["Alex Morgan"]
    assert names(great, "07700900123") == names(great, "7700 900 123") == ["Alex Morgan"]
    assert names(great, "0113 496 0000") == ["Priya Shah"]
    assert names(great, "t-1001") == ["Alex Morgan"]
    assert names(great, "") == []
    assert [c.landlord_id for c in customer_search(landlord=brighter.landlord, query="alex")] == [
        brighter.landlord.pk
    ]


def test_search_by_case_reference(great: Any, brighter: Any) -> None:
    case = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLIMENT,
        channel="email",
        received_at=at("2026-11-02"),
        customer=great.customer,
        summary="Thanks",
        description="Thanks",
    )
    assert names(great, case.reference.lower()) == ["Alex Morgan"]
    assert names(brighter, case.reference) == []


def test_customers_are_seen_only_by_roles_that_see_cases_and_only_at_their_landlord(
    great: Any, brighter: Any
) -> None:
    assert customer_for_staff(great.board, great.landlord, great.customer.pk) == great.customer
    with pytest.raises(NotFoundError):
        customer_for_staff(great.officer, great.landlord, brighter.customer.pk)
    with pytest.raises(NotPermittedError):
        customer_for_staff(brighter.officer, great.landlord, great.customer.pk)


def _fill(org: Any, n: int) -> None:
    for i in range(n):
        customer_services.adjustment_record(
            landlord=org.landlord,
            actor=org.officer,
            customer_id=org.customer.pk,
            type="large_print",
            details=str(i),
            agreed_on=D("2026-10-01"),
        )
        restriction = customer_services.restriction_apply(
            landlord=org.landlord,
            actor=org.housing,
            customer_id=org.customer.pk,
            type="single-channel",
            reason="Calls",
            how_to_contact="Email",
            understanding_sought="Met",
            starts_on=D("2026-10-05"),
        )
        customer_services.restriction_review(
            landlord=org.landlord,
            actor=org.housing,
            restriction_id=restriction.pk,
            reviewed_on=D("2026-11-02"),
            extend=True,
            reasons="Still calling",
        )
        customer_services.representative_add(
            landlord=org.landlord,
            actor=org.officer,
            customer_id=org.customer.pk,
            name=f"Rep {i}",
            relationship="Friend",
            basis="asked_by_customer",
        )
        services.feedback_log(
            landlord=org.landlord,
            actor=org.officer,
            kind=Kind.COMPLAINT,
            channel="email",
            received_at=at("2026-11-02"),
            customer=org.customer,
            summary="Leak",
            description="Leak",
        )


def _queries(org: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        record = customer_record(user=org.officer, landlord=org.landlord, customer_id=org.customer.pk)
        for restriction in record.restrictions:
            list(restriction.reviews.all())
            str(restriction.decided_by)
        for case in record.cases:
            str(case.handler)
        for event in record.events:
            str(event.actor)
    return len(captured)


def test_the_records_query_count_does_not_grow_with_what_is_on_it(great: Any) -> None:
    _fill(great, 1)
    one = _queries(great)
    _fill(great, 3)
    assert _queries(great) == one


def _contact(org: Any, **changes: Any) -> Customer:
    values = {
        "name": "Alex Morgan",
        "type": "resident",
        "tenancy_reference": "T-1001",
        "address": "",
        "postcode": "",
        "email": "alex@example.test",
        "phone": "",
        "preferred_channel": "email",
        "letters_by": "email",
    }
    return customer_update_contact(
        landlord=org.landlord, actor=org.officer, customer_id=org.customer.pk, **{**values, **changes}
    )


def test_a_change_of_contact_details_is_recorded_with_before_and_after(great: Any) -> None:
    _contact(great)
    assert not CustomerEvent.objects.filter(kind="contact_details_changed").exists()  # nothing changed
    customer = _contact(great, phone=" 0113 496 0000 ", postcode="ls1 4ab", address="4 Mill Lane")
    assert customer.phone == "0113 496 0000" and customer.postcode == "LS1 4AB"
    event = CustomerEvent.objects.get(kind="contact_details_changed")
    assert event.before == {"phone": "", "postcode": "", "address": ""}
    assert event.after == {"phone": "0113 496 0000", "postcode": "LS1 4AB", "address": "4 Mill Lane"}
    assert event.actor == great.officer


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": " "}, "name"),
        ({"type": "alien"}, "type"),
        ({"preferred_channel": "pigeon"}, "preferred_channel"),
        ({"letters_by": "fax"}, "letters_by"),
        ({"letters_by": "email", "email": ""}, "letters_by"),
        ({"letters_by": "post"}, "letters_by"),
    ],
)
def test_bad_contact_details_are_refused_naming_the_field(
    great: Any, changes: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        _contact(great, **changes)
    assert refused.value.field == field
    assert Customer.objects.get(pk=great.customer.pk).email == "alex@example.test"


def test_only_customer_managers_change_contact_details_and_only_their_landlords(
    great: Any, brighter: Any
) -> None:
    with pytest.raises(NotPermittedError):
        customer_update_contact(
            landlord=great.landlord,
            actor=great.manager,
            customer_id=great.customer.pk,
            name="X",
            type="resident",
            tenancy_reference="",
            address="",
            postcode="",
            email="x@example.test",
            phone="",
            preferred_channel="email",
            letters_by="email",
        )
    with pytest.raises(NotFoundError):
        customer_update_contact(
            landlord=great.landlord,
            actor=great.officer,
            customer_id=brighter.customer.pk,
            name="X",
            type="resident",
            tenancy_reference="",
            address="",
            postcode="",
            email="x@example.test",
            phone="",
            preferred_channel="email",
            letters_by="email",
        )


def test_the_record_lists_group_complaints_the_customer_is_part_of(great: Any) -> None:
    lead = Customer.objects.create(landlord=great.landlord, name="Priya Shah")
    group = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at("2026-11-02"),
        customer=lead,
        summary="Lift broken",
        description="Lift broken",
        group_customers=(great.customer,),
    )
    own = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at("2026-11-03"),
        customer=great.customer,
        summary="Leak",
        description="Leak",
    )
    record = customer_record(user=great.officer, landlord=great.landlord, customer_id=great.customer.pk)
    assert [c.reference for c in record.cases] == [own.reference, group.reference]
