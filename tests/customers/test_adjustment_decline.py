"""Declining an adjustment a customer asked for online (Equality Act 2010; Brighter Places 4.ii, 16.i; Great
Places "Reasonable adjustments"): with a reason and the Equality Act regard as text, on the customer's
trail, by the roles that manage adjustments at the landlord; the request stops waiting and the customer
is told in the portal, where the help agreed is shown."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from putright.customers import services
from putright.customers.models import CustomerEvent
from putright.customers.selectors import customer_adjustment_requests
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.residents.access import resident_for_email
from putright.residents.details import adjustments_asked, adjustments_declined, resident_adjustments_request

REASON = "We cannot call only after 8pm; we can call between 5pm and 8pm"
REGARD = "Considered the customer's shift work and offered evening calls instead"


def ask(org: Any, types: list[str], details: dict[str, str] | None = None) -> CustomerEvent:
    resident = resident_for_email(org.landlord, "alex@example.test", timezone.localdate())
    return resident_adjustments_request(
        landlord=org.landlord,
        resident=resident,
        customer_id=org.customer.pk,
        types=types,
        details=details or {},
    )


def decline(org: Any, request: CustomerEvent, actor: Any = None, **extra: Any) -> CustomerEvent:
    values = {"type": "avoid_times", "reason": REASON, "regard": REGARD, **extra}
    return services.adjustment_request_decline(
        landlord=org.landlord,
        actor=actor or org.officer,
        customer_id=org.customer.pk,
        request_id=request.pk,
        **values,
    )


def decline_url(org: Any, request_id: int) -> str:
    return reverse(
        "backoffice:customer-adjustment-decline", args=[org.landlord.slug, org.customer.pk, request_id]
    )


def test_equality_act_a_declined_adjustment_is_on_the_trail_with_reason_and_regard(great: Any) -> None:
    request = ask(great, ["avoid_times", "large_print"], {"avoid_times": "Only after 8pm"})
    event = decline(great, request)
    assert event.kind == "adjustment_declined" and event.actor == great.officer
    assert event.summary == f"Adjustment asked for online declined: Times to avoid. Reason: {REASON}"
    assert event.after == {"request": request.pk, "type": "avoid_times", "reason": REASON, "regard": REGARD}
    assert event.before == {"asked": {"avoid_times": "Only after 8pm"}}
    # Only that type stops waiting; the other still waits to be agreed or declined.
    [waiting] = customer_adjustment_requests(great.landlord, great.customer)
    assert waiting.asked == {"large_print": ""}


def test_equality_act_the_customer_is_told_in_the_portal_beside_the_help_agreed(great: Any) -> None:
    request = ask(great, ["avoid_times"], {"avoid_times": "Only after 8pm"})
    decline(great, request)
    assert adjustments_asked(great.customer) == []
    assert adjustments_declined(great.customer) == [f"Times to avoid: {REASON}"]


def test_equality_act_a_decline_needs_a_reason_and_the_regard_and_changes_nothing(great: Any) -> None:
    request = ask(great, ["avoid_times"], {"avoid_times": "Only after 8pm"})
    with pytest.raises(InvalidInputError, match="The reason is required"):
        decline(great, request, reason=" ")
    with pytest.raises(InvalidInputError, match="Equality Act 2010 is required") as raised:
        decline(great, request, regard="")
    assert raised.value.field == "regard"
    with pytest.raises(InvalidInputError, match="still waiting") as raised:
        decline(great, request, type="large_print")
    assert raised.value.field == "type"
    assert not CustomerEvent.objects.filter(kind="adjustment_declined").exists()
    assert len(customer_adjustment_requests(great.landlord, great.customer)) == 1


def test_a_declined_adjustment_cannot_be_declined_again_and_may_be_asked_for_again(great: Any) -> None:
    request = ask(great, ["avoid_times"], {"avoid_times": "Only after 8pm"})
    decline(great, request)
    with pytest.raises(NotFoundError):
        decline(great, request)
    again = ask(great, ["avoid_times"], {"avoid_times": "After 6pm"})
    [waiting] = customer_adjustment_requests(great.landlord, great.customer)
    assert waiting.pk == again.pk


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("officer", True), ("housing", True), ("manager", True), ("director", False), ("board", False)],
)
def test_declining_by_role(great: Any, role: str, allowed: bool) -> None:
    request = ask(great, ["avoid_times"], {"avoid_times": "Only after 8pm"})
    if allowed:
        decline(great, request, actor=getattr(great, role))
    else:
        with pytest.raises(NotPermittedError):
            decline(great, request, actor=getattr(great, role))


def test_declining_at_another_landlord_is_refused_or_not_found(great: Any, brighter: Any) -> None:
    request = ask(great, ["avoid_times"], {"avoid_times": "Only after 8pm"})
    with pytest.raises(NotPermittedError):
        decline(great, request, actor=brighter.officer)
    with pytest.raises(NotFoundError):
        services.adjustment_request_decline(
            landlord=brighter.landlord,
            actor=brighter.officer,
            customer_id=brighter.customer.pk,
            request_id=request.pk,
            type="avoid_times",
            reason=REASON,
            regard=REGARD,
        )


def test_decline_page_on_the_record_keeps_what_was_typed_then_declines(client: Client, great: Any) -> None:
    request = ask(great, ["avoid_times"], {"avoid_times": "Only after 8pm"})
    client.force_login(great.officer)
    record = reverse("backoffice:customer", args=[great.landlord.slug, great.customer.pk])
    assert decline_url(great, request.pk) in client.get(record).content.decode()
    response = client.post(
        decline_url(great, request.pk), {"type": "avoid_times", "reason": REASON, "regard": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Enter what you considered under the Equality Act 2010" in page
    assert "we can call between 5pm and 8pm" in page  # what was typed is kept
    response = client.post(
        decline_url(great, request.pk), {"type": "avoid_times", "reason": REASON, "regard": REGARD}
    )
    assert response.status_code == 302
    page = client.get(record).content.decode()
    assert "Asked for online and declined" in page and "Asked for online, to agree" not in page
    assert client.get(decline_url(great, request.pk)).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"), [("officer", 200), ("housing", 200), ("director", 403), ("board", 403)]
)
def test_decline_page_by_role(client: Client, great: Any, role: str, status: int) -> None:
    request = ask(great, ["avoid_times"], {"avoid_times": "Only after 8pm"})
    client.force_login(getattr(great, role))
    assert client.get(decline_url(great, request.pk)).status_code == status


def test_decline_page_for_another_landlords_request_is_404(client: Client, great: Any, brighter: Any) -> None:
    request = ask(great, ["avoid_times"], {"avoid_times": "Only after 8pm"})
    client.force_login(brighter.officer)
    url = reverse(
        "backoffice:customer-adjustment-decline",
        args=[brighter.landlord.slug, brighter.customer.pk, request.pk],
    )
    assert client.get(url).status_code == 404
