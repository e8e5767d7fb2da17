"""What became of the adjustments a customer asked for online: each asked-for type stays waiting until it
is agreed (an adjustment of that type in force) or declined (an `adjustment_declined` event on the
customer's trail naming the request and the type). One read, for the staff record and the portal alike."""

from __future__ import annotations

from putright.customers.models import Customer, CustomerEvent

DECLINED = "adjustment_declined"


def declined(customer: Customer) -> dict[tuple[int, str], CustomerEvent]:
    """(request event id, adjustment type) -> the event declining it."""
    return {
        (int(event.after["request"]), str(event.after["type"])): event
        for event in CustomerEvent.objects.filter(
            landlord_id=customer.landlord_id, customer=customer, kind=DECLINED
        ).order_by("at", "pk")
    }
