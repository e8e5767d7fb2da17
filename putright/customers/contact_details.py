"""Changing a customer's contact details, with what they were before on the customer's audit trail."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.customers.models import Channel, Customer, CustomerEvent
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.organisations.models import Landlord

LETTERS_BY = ("email", "post", "both")


@transaction.atomic
def customer_update_contact(
    *,
    landlord: Landlord,
    actor: User,
    customer_id: int,
    name: str,
    type: str,
    tenancy_reference: str,
    address: str,
    postcode: str,
    email: str,
    phone: str,
    preferred_channel: str,
    letters_by: str,
    source: str = "",
) -> Customer:
    """Replace the customer's details and contact preferences; nothing is recorded if nothing changed.
    `source` names who made the change when it was not staff (e.g. the customer through the resident
    portal), for the audit trail."""
    require(actor, landlord, "customer.manage")
    customer = Customer.objects.select_for_update().filter(pk=customer_id, landlord=landlord).first()
    if customer is None:
        raise NotFoundError(f"no customer {customer_id} at {landlord.name}")
    if not name.strip():
        raise InvalidInputError("name", "The customer's name is required")
    if type not in Customer.Type.values:
        raise InvalidInputError("type", f"type is one of {', '.join(Customer.Type.values)}")
    if preferred_channel not in Channel.values:
        raise InvalidInputError("preferred_channel", f"channel is one of {', '.join(Channel.values)}")
    if letters_by not in LETTERS_BY:
        raise InvalidInputError("letters_by", f"letters go by one of {', '.join(LETTERS_BY)}")
    if letters_by in ("email", "both") and not email.strip():
        raise InvalidInputError("letters_by", "Letters can only go by email to an email address: add one")
    if letters_by in ("post", "both") and not address.strip():
        raise InvalidInputError("letters_by", "Letters can only go by post to an address: add one")
    values: dict[str, Any] = {
        "name": name.strip(),
        "type": type,
        "tenancy_reference": tenancy_reference.strip(),
        "address": address.strip(),
        "postcode": postcode.strip().upper(),
        "email": email.strip(),
        "phone": phone.strip(),
        "preferred_channel": preferred_channel,
        "letters_by": letters_by,
    }
    before = {
        field: getattr(customer, field)
        for field, value in values.items()
        if getattr(customer, field) != value
    }
    if not before:
        return customer
    for field in before:
        setattr(customer, field, values[field])
    customer.save(update_fields=list(before))
    CustomerEvent.objects.create(
        landlord=landlord,
        customer=customer,
        at=timezone.now(),
        actor=actor,
        kind="contact_details_changed",
        summary=f"Details changed{f' by {source}' if source else ''}: "
        + ", ".join(field.replace("_", " ") for field in before),
        before=before,
        after={field: values[field] for field in before},
    )
    return customer
