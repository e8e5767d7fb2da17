"""Residents keep their own contact details and ask for reasonable adjustments from the portal.

Details change through the customers app's service, audited on the customer's record as made by the
customer online. An adjustment is only agreed by staff (adjustment.manage): what the resident asks for is
recorded on their record as a request and sent to the feedback team to review and agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from putright.customers.adjustment_requests import declined
from putright.customers.contact_details import LETTERS_BY, customer_update_contact
from putright.customers.models import Adjustment, Channel, Customer, CustomerEvent
from putright.domain.errors import InvalidInputError
from putright.organisations.models import Landlord
from putright.reminders.models import ReminderKind
from putright.reminders.services import staff_event_notify
from putright.residents.access import Resident, resident_customer
from putright.residents.services import PORTAL, resident_portal_user

CHANNELS = (Channel.EMAIL, Channel.PHONE, Channel.POST)
"""The ways a resident may choose to be contacted from the portal."""
PHONE_CHARACTERS = set("0123456789 +()-")
DETAILS_NEEDED = {
    Adjustment.Type.INTERPRETER.value: "Enter the language you need an interpreter for",
    Adjustment.Type.NAMED_CONTACT.value: "Enter who you would like as your named contact",
    Adjustment.Type.AVOID_TIMES.value: "Enter the times we should avoid",
    Adjustment.Type.OTHER.value: "Enter the other help you need",
}
"""Adjustments that mean nothing without a detail, and the message when it is missing."""
MAX_DETAIL = 200


@dataclass(frozen=True)
class ContactDetails:
    """What a resident may change about how to reach them."""

    email: str
    phone: str
    address: str
    postcode: str
    preferred_channel: str
    letters_by: str


def _by(resident: Resident, customer: Customer) -> str:
    acting = "" if customer.pk in resident.customer_ids else " acting for them"
    return f"the customer through the {PORTAL} ({resident.email}{acting})"


def _checked(details: ContactDetails) -> None:
    if details.email.strip():
        try:
            validate_email(details.email.strip())
        except ValidationError:
            raise InvalidInputError(
                "email", "Enter an email address in the correct format, like name@example.com"
            ) from None
    phone = details.phone.strip()
    if phone and (not set(phone) <= PHONE_CHARACTERS or sum(c.isdigit() for c in phone) < 10):
        raise InvalidInputError("phone", "Enter a phone number, like 01632 960 001 or 07700 900 982")
    if details.letters_by not in LETTERS_BY:
        raise InvalidInputError("letters_by", "Select how you would like to get letters")
    if details.letters_by in ("email", "both") and not details.email.strip():
        raise InvalidInputError("email", "Enter an email address to get letters by email")
    if details.letters_by in ("post", "both") and not details.address.strip():
        raise InvalidInputError("address", "Enter your address to get letters by post")
    if details.preferred_channel not in CHANNELS:
        raise InvalidInputError("preferred_channel", "Select how you would like us to contact you")
    if details.preferred_channel == Channel.EMAIL and not details.email.strip():
        raise InvalidInputError("email", "Enter an email address, or choose another way to contact you")
    if details.preferred_channel == Channel.PHONE and not phone:
        raise InvalidInputError("phone", "Enter a phone number, or choose another way to contact you")


def resident_contact_update(
    *, landlord: Landlord, resident: Resident, customer_id: int, details: ContactDetails
) -> Customer:
    """Change the customer's contact details and preferences, as the customer (or someone acting for
    them with authority over everything) asked online."""
    customer = resident_customer(landlord, resident, customer_id, timezone.localdate())
    _checked(details)
    return customer_update_contact(
        landlord=landlord,
        actor=resident_portal_user(landlord),
        customer_id=customer.pk,
        name=customer.name,
        type=customer.type,
        tenancy_reference=customer.tenancy_reference,
        address=details.address,
        postcode=details.postcode,
        email=details.email,
        phone=details.phone,
        preferred_channel=details.preferred_channel,
        letters_by=details.letters_by,
        source=_by(resident, customer),
    )


def adjustments_agreed(customer: Customer) -> list[Adjustment]:
    """The adjustments staff have agreed that have not ended."""
    return list(customer.adjustments.filter(ended_on__isnull=True).order_by("agreed_on", "pk"))


def adjustments_asked(customer: Customer) -> list[str]:
    """What the customer asked for online that staff have not yet agreed, in words, oldest first."""
    agreed = {a.type for a in adjustments_agreed(customer)}
    refused = declined(customer)
    labels = dict(Adjustment.Type.choices)
    asked: dict[str, str] = {}
    for event in customer.events.filter(kind="adjustment_requested"):
        for kind, detail in dict(event.after.get("asked", {})).items():
            if kind not in agreed and kind in labels and (event.pk, kind) not in refused:
                asked[kind] = f"{labels[kind]}{f': {detail}' if detail else ''}"
    return list(asked.values())


def adjustments_declined(customer: Customer) -> list[str]:
    """What the customer asked for online that staff declined, with the reason, in words: the customer is
    told here, beside the help agreed."""
    labels = dict(Adjustment.Type.choices)
    return [
        f"{labels.get(kind, kind)}: {event.after.get('reason', '')}"
        for (_, kind), event in declined(customer).items()
    ]


def adjustments_to_ask_for(customer: Customer) -> list[tuple[str, str]]:
    """The kinds of help on offer that are not already agreed, as (value, label)."""
    agreed = {a.type for a in adjustments_agreed(customer)}
    return [(value, label) for value, label in Adjustment.Type.choices if value not in agreed]


@transaction.atomic
def resident_adjustments_request(
    *,
    landlord: Landlord,
    resident: Resident,
    customer_id: int,
    types: list[str],
    details: dict[str, str],
) -> CustomerEvent:
    """Ask for reasonable adjustments: recorded on the customer's audit trail as asked for online, and
    the feedback team is told so that it can agree them (Brighter Places 4.ii: the Customer Feedback Team
    checks the adjustments needed)."""
    customer = resident_customer(landlord, resident, customer_id, timezone.localdate())
    offered = dict(adjustments_to_ask_for(customer))
    chosen = [t for t in dict.fromkeys(types) if t]
    if not chosen:
        raise InvalidInputError("types", "Select the help you need")
    if any(t not in offered for t in chosen):
        raise InvalidInputError("types", "Select from the list")
    asked: dict[str, str] = {}
    for kind in chosen:
        detail = " ".join(details.get(kind, "").split())
        if kind in DETAILS_NEEDED and not detail:
            raise InvalidInputError(kind, DETAILS_NEEDED[kind])
        if len(detail) > MAX_DETAIL:
            raise InvalidInputError(kind, f"Use {MAX_DETAIL} characters or fewer")
        asked[kind] = detail
    words = "; ".join(f"{offered[k]}{f': {d}' if d else ''}" for k, d in asked.items())
    actor = resident_portal_user(landlord)
    event = CustomerEvent.objects.create(
        landlord=landlord,
        customer=customer,
        at=timezone.now(),
        actor=actor,
        kind="adjustment_requested",
        summary=f"Adjustments asked for by {_by(resident, customer)}, to agree: {words}",
        after={"asked": asked},
    )
    staff_event_notify(
        landlord=landlord,
        kind=ReminderKind.ADJUSTMENT_REQUESTED,
        key=f"customer:{customer.pk}:adjustment-request:{event.pk}",
        message=f"{customer.name} asked online for reasonable adjustments: {words}. Agree them on "
        f"{customer.name}'s customer record (Reasonable adjustments).",
        recipient=None,
        role="feedback_officer",
        customer_id=customer.pk,
    )
    return event
