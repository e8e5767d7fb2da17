"""Adjustments a customer asked for online are agreed from their record in the back office: the notice takes
staff there, the record lists what is still to agree, and agreeing one records it through the customers
service (audited, review date from the policy) by the roles that manage adjustments only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from putright.customers.models import Adjustment, Customer, CustomerEvent
from putright.reminders.models import Reminder, ReminderKind
from putright.residents.access import resident_for_email
from putright.residents.details import adjustments_asked, resident_adjustments_request

WHO = ("officer", "manager", "director", "housing", "board", "colleague")
AGREE = {"officer", "housing", "manager"}
"""As recording an adjustment (adjustment.manage)."""


def ask(org: Any, types: list[str], details: dict[str, str] | None = None) -> CustomerEvent:
    resident = resident_for_email(org.landlord, "alex@example.test", timezone.localdate())
    return resident_adjustments_request(
        landlord=org.landlord,
        resident=resident,
        customer_id=org.customer.pk,
        types=types,
        details=details or {},
    )


def record_url(org: Any, customer: Customer | None = None) -> str:
    return reverse("backoffice:customer", args=[org.landlord.slug, (customer or org.customer).pk])


def agree_url(org: Any, request_id: int, customer: Customer | None = None) -> str:
    return reverse(
        "backoffice:customer-adjustment-agree",
        args=[org.landlord.slug, (customer or org.customer).pk, request_id],
    )


def today_fields() -> dict[str, str]:
    today = timezone.localdate()
    return {"agreed_on_0": str(today.day), "agreed_on_1": str(today.month), "agreed_on_2": str(today.year)}


def test_the_notice_of_a_request_takes_staff_to_the_customers_record(client: Client, great: Any) -> None:
    event = ask(great, ["interpreter"], {"interpreter": "Polish"})
    reminder = Reminder.objects.get(kind=ReminderKind.ADJUSTMENT_REQUESTED)
    assert reminder.customer_id == great.customer.pk
    client.force_login(great.officer)
    page = client.get(record_url(great, reminder.customer)).content.decode()
    assert (
        "Asked for online, to agree" in page and "Interpreter: Polish" in page and "None agreed yet" in page
    )
    assert agree_url(great, event.pk) in page


def test_a_requested_adjustment_is_agreed_from_the_record(client: Client, great: Any) -> None:
    event = ask(great, ["large_print", "interpreter"], {"interpreter": "Polish"})
    client.force_login(great.officer)
    page = client.get(agree_url(great, event.pk)).content.decode()
    assert "Large print; Interpreter: Polish" in page  # what was asked for, above the form
    assert 'value="large_print" checked' in page  # the first still to agree is chosen
    assert 'value="bsl"' not in page and 'value="easy_read"' not in page  # only what was asked
    response = client.post(
        agree_url(great, event.pk), {"type": "interpreter", "details": "", **today_fields()}
    )
    assert response.status_code == 302 and response["Location"] == record_url(great)
    adjustment = Adjustment.objects.get(customer=great.customer)
    # Details left blank keep what the customer asked for.
    assert (adjustment.type, adjustment.details, adjustment.agreed_on) == (
        "interpreter",
        "Polish",
        timezone.localdate(),
    )
    assert CustomerEvent.objects.filter(customer=great.customer, kind="adjustment_agreed").count() == 1
    assert adjustments_asked(great.customer) == ["Large print"]  # the portal shows what is left
    page = client.get(agree_url(great, event.pk)).content.decode()
    assert 'value="interpreter"' not in page and 'value="large_print" checked' in page
    client.post(agree_url(great, event.pk), {"type": "large_print", "details": "18 point", **today_fields()})
    assert Adjustment.objects.get(type="large_print").details == "18 point"  # what staff typed wins
    # Everything asked for is agreed: nothing left to agree on the record, and the page is gone.
    assert "Asked for online, to agree" not in client.get(record_url(great)).content.decode()
    assert client.get(agree_url(great, event.pk)).status_code == 404


def test_agreeing_something_not_asked_for_is_refused_and_nothing_changes(client: Client, great: Any) -> None:
    event = ask(great, ["easy_read"])
    client.force_login(great.officer)
    response = client.post(
        agree_url(great, event.pk), {"type": "large_print", "details": "Kept", **today_fields()}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Select a valid choice" in body and "Kept" in body
    response = client.post(agree_url(great, event.pk), {"details": "Kept", **today_fields()})
    assert "Select the adjustment agreed" in response.content.decode()
    assert not Adjustment.objects.exists()


def test_agreeing_a_request_by_role(client: Client, great: Any) -> None:
    event = ask(great, ["easy_read"])
    for who in WHO:
        client.force_login(getattr(great, who))
        assert client.get(agree_url(great, event.pk)).status_code == (200 if who in AGREE else 403), who
        page = client.get(record_url(great)).content.decode()
        assert (agree_url(great, event.pk) in page) == (who in AGREE), who
        if who not in AGREE:
            response = client.post(agree_url(great, event.pk), {"type": "easy_read", **today_fields()})
            assert response.status_code == 403
    assert not Adjustment.objects.exists()


def test_another_landlords_or_customers_request_is_404(client: Client, great: Any, brighter: Any) -> None:
    event = ask(great, ["easy_read"])
    other = Customer.objects.create(landlord=great.landlord, name="Priya Shah")
    client.force_login(great.officer)
    assert client.get(agree_url(great, event.pk, customer=other)).status_code == 404
    assert client.get(agree_url(great, 999999)).status_code == 404
    client.force_login(brighter.officer)
    guessed = reverse("backoffice:customer-adjustment-agree", args=["brighter", great.customer.pk, event.pk])
    assert client.get(guessed).status_code == 404
    assert client.get(agree_url(great, event.pk)).status_code == 404


@pytest.mark.parametrize("kind", ["adjustment_agreed", "contact_details_changed"])
def test_only_a_request_event_can_be_agreed(client: Client, great: Any, kind: str) -> None:
    event = CustomerEvent.objects.create(
        landlord=great.landlord,
        customer=great.customer,
        at=timezone.now(),
        actor=great.officer,
        kind=kind,
        summary="x",
        after={"asked": {"easy_read": ""}},
    )
    client.force_login(great.officer)
    assert client.get(agree_url(great, event.pk)).status_code == 404
