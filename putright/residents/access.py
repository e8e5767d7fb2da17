"""What a signed-in resident may see: their own cases at the landlord, and the cases they act on as a
representative whose authority is given, in scope and not expired. A guessed reference or letter id is
simply not found. Only what is meant for the customer is ever shown (letters, status, dates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from putright.cases.models import Case
from putright.customers.models import Customer, Representative, Restriction
from putright.domain.errors import NotFoundError
from putright.letters.models import Letter
from putright.organisations.models import Landlord


@dataclass(frozen=True)
class Resident:
    """Who signed in: the customers and representatives holding the email address the link went to."""

    email: str
    customer_ids: tuple[int, ...]
    representative_ids: tuple[int, ...]


def authorised_representatives(landlord: Landlord, on: date) -> QuerySet[Representative]:
    """Representatives whose authority is given and has not expired."""
    return Representative.objects.filter(landlord=landlord, authority=Representative.Authority.GIVEN).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=on)
    )


def resident_for_email(landlord: Landlord, email: str, on: date) -> Resident | None:
    """The customers and authorised representatives at the landlord who hold this address, if any."""
    customers = Customer.objects.filter(landlord=landlord, email__iexact=email).values_list("pk", flat=True)
    representatives = (
        authorised_representatives(landlord, on).filter(email__iexact=email).values_list("pk", flat=True)
    )
    if not customers and not representatives:
        return None
    return Resident(
        email=email.lower(), customer_ids=tuple(customers), representative_ids=tuple(representatives)
    )


def resident_cases(landlord: Landlord, resident: Resident, on: date) -> QuerySet[Case]:
    """The landlord's cases this resident may see. A representative sees the case they were recorded on,
    or every case of the customer when their scope is blank ("everything")."""
    reps = authorised_representatives(landlord, on).filter(pk__in=resident.representative_ids)
    whole = reps.filter(scope="").values_list("customer_id", flat=True)
    return Case.objects.filter(landlord=landlord).filter(
        Q(customer_id__in=resident.customer_ids)
        | Q(representative__in=reps.values_list("pk", flat=True))
        | Q(customer_id__in=whole)
    )


def resident_case(landlord: Landlord, resident: Resident, reference: str, on: date) -> Case:
    case = resident_cases(landlord, resident, on).filter(reference=reference).first()
    if case is None:
        raise NotFoundError(f"no case {reference} at {landlord.name} for this resident")
    return case


def resident_customers(landlord: Landlord, resident: Resident, on: date) -> QuerySet[Customer]:
    """Whose details this resident may update: their own records, and the customers they act for with
    authority over everything (blank scope); a representative for one matter may not change them."""
    whole = (
        authorised_representatives(landlord, on)
        .filter(pk__in=resident.representative_ids, scope="")
        .values_list("customer_id", flat=True)
    )
    return Customer.objects.filter(landlord=landlord).filter(
        Q(pk__in=resident.customer_ids) | Q(pk__in=whole)
    )


def resident_customer(landlord: Landlord, resident: Resident, customer_id: int, on: date) -> Customer:
    customer = resident_customers(landlord, resident, on).filter(pk=customer_id).first()
    if customer is None:
        raise NotFoundError(f"no customer {customer_id} at {landlord.name} for this resident")
    return customer


def resident_letters(case: Case) -> QuerySet[Letter]:
    """The letters sent on the case (not those still being sent or that failed)."""
    return case.letters.filter(status__in=[Letter.Status.SENT, Letter.Status.RECORDED]).order_by(
        "sent_on", "pk"
    )


def resident_letter(case: Case, letter_id: int) -> Letter:
    letter = resident_letters(case).filter(pk=letter_id).first()
    if letter is None:
        raise NotFoundError(f"no letter {letter_id} on {case.reference}")
    return letter


def resident_restrictions(landlord: Landlord, resident: Resident) -> QuerySet[Restriction]:
    """Active contact restrictions on the resident's own record, to explain how to contact the landlord."""
    return Restriction.objects.filter(
        landlord=landlord, customer_id__in=resident.customer_ids, status=Restriction.Status.ACTIVE
    )


def resident_submissions(case: Case, portal_user_id: int) -> list[str]:
    """What the customer sent online on this case (their notes and file names), never staff notes."""
    notes = case.notes.filter(author_id=portal_user_id).order_by("created_at").values_list("text", flat=True)
    files = case.attachments.filter(uploaded_by_id=portal_user_id).values_list("original_name", flat=True)
    return [text.split("\n", 1)[-1] for text in notes] + [f"File: {name}" for name in files]
