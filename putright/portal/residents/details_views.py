"""The resident's own details: contact details and preferences, and the help (reasonable adjustments) they
need. The rules are in putright.residents.details; these views re-show forms with what was typed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from putright.customers.models import Customer
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.organisations.models import Landlord
from putright.portal.residents.session import resident_required
from putright.portal.residents.wording import DETAIL_LABELS
from putright.residents.access import (
    Resident,
    resident_customer,
    resident_customers,
    resident_restrictions,
)
from putright.residents.details import (
    CHANNELS,
    ContactDetails,
    adjustments_agreed,
    adjustments_asked,
    adjustments_declined,
    adjustments_to_ask_for,
    resident_adjustments_request,
    resident_contact_update,
)

LETTERS_BY = (("email", "By email"), ("post", "By post"), ("both", "By email and by post"))
MAX_FIELD = 500


def _customer(landlord: Landlord, resident: Resident, customer_id: int) -> Customer:
    try:
        return resident_customer(landlord, resident, customer_id, timezone.localdate())
    except NotFoundError:
        raise Http404("No such person") from None


def _done(landlord: Landlord, what: str) -> HttpResponse:
    return redirect(reverse("portal:my-details", kwargs={"slug": landlord.slug}) + f"?done={what}")


@resident_required
def your_details(request: HttpRequest, landlord: Landlord, resident: Resident) -> HttpResponse:
    people = [
        {
            "customer": customer,
            "adjustments": adjustments_agreed(customer),
            "asked": adjustments_asked(customer),
            "declined": adjustments_declined(customer),
            "own": customer.pk in resident.customer_ids,
        }
        for customer in resident_customers(landlord, resident, timezone.localdate()).order_by("name", "pk")
    ]
    return render(
        request,
        "portal/residents/details.html",
        {
            "landlord": landlord,
            "resident": resident,
            "people": people,
            "restrictions": resident_restrictions(landlord, resident),
            "done": request.GET.get("done", ""),
        },
    )


@resident_required
def contact_details(
    request: HttpRequest, landlord: Landlord, resident: Resident, customer_id: int
) -> HttpResponse:
    customer = _customer(landlord, resident, customer_id)
    if request.method == "POST":
        details = ContactDetails(
            **{
                field: request.POST.get(field, "")[:MAX_FIELD]
                for field in ("email", "phone", "address", "postcode", "preferred_channel", "letters_by")
            }
        )
    else:
        details = ContactDetails(
            email=customer.email,
            phone=customer.phone,
            address=customer.address,
            postcode=customer.postcode,
            preferred_channel=customer.preferred_channel,
            letters_by=customer.letters_by,
        )
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            resident_contact_update(
                landlord=landlord, resident=resident, customer_id=customer.pk, details=details
            )
        except InvalidInputError as error:
            errors[error.field] = str(error)
        else:
            return _done(landlord, "contact")
    return render(
        request,
        "portal/residents/contact.html",
        {
            "landlord": landlord,
            "resident": resident,
            "customer": customer,
            "details": details,
            "channels": [(c.value, c.label) for c in CHANNELS],
            "letters_by": LETTERS_BY,
            "errors": errors,
            "restrictions": resident_restrictions(landlord, resident),
        },
        status=400 if errors else 200,
    )


@resident_required
def adjustments(
    request: HttpRequest, landlord: Landlord, resident: Resident, customer_id: int
) -> HttpResponse:
    customer = _customer(landlord, resident, customer_id)
    offered = adjustments_to_ask_for(customer)
    chosen = request.POST.getlist("types") if request.method == "POST" else []
    details = {
        kind: request.POST.get(f"detail-{kind}", "")[:MAX_FIELD] if request.method == "POST" else ""
        for kind, _ in offered
    }
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            resident_adjustments_request(
                landlord=landlord, resident=resident, customer_id=customer.pk, types=chosen, details=details
            )
        except InvalidInputError as error:
            errors[error.field] = str(error)
        else:
            return _done(landlord, "help")
    choices = [
        {
            "value": kind,
            "label": label,
            "checked": kind in chosen,
            "detail": details[kind],
            "detail_label": DETAIL_LABELS.get(kind, ""),
            "error": errors.get(kind, ""),
        }
        for kind, label in offered
    ]
    return render(
        request,
        "portal/residents/adjustments.html",
        {
            "landlord": landlord,
            "resident": resident,
            "customer": customer,
            "choices": choices,
            "agreed": adjustments_agreed(customer),
            "errors": {("types" if f == "types" else f"detail-{f}"): m for f, m in errors.items()},
            "types_error": errors.get("types", ""),
        },
        status=400 if errors else 200,
    )
