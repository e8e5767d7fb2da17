"""Reads of customer records for staff: who may see a customer, and everything on their record.

Whoever may see cases at a landlord may see its customers' records; disclosed disabilities only with
`disability.view`; the customer's cases only those the person may see (complaints about colleagues stay
hidden). A customer of another landlord is "not found", the same as one that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import can, roles_at
from putright.cases.access import visible_cases
from putright.cases.models import Case, CaseCustomer
from putright.customers.adjustment_requests import declined
from putright.customers.models import (
    Adjustment,
    Customer,
    CustomerEvent,
    Disability,
    Representative,
    Restriction,
    RestrictionReview,
)
from putright.domain.errors import NotFoundError, NotPermittedError
from putright.letters.models import Letter
from putright.letters.selectors import CONTENT, visible_letters
from putright.organisations.models import Landlord
from putright.organisations.selectors import profile_on


@dataclass(frozen=True)
class CustomerPermissions:
    """What the person may do on customer records at this landlord."""

    manage: bool
    """Edit contact details, add representatives and record their authority (customer.manage)."""
    adjustments: bool
    restrictions: bool
    disabilities: bool
    """See and record disclosed disabilities (special category data)."""
    log_feedback: bool


def customer_permissions(user: User, landlord: Landlord) -> CustomerPermissions:
    roles = roles_at(user, landlord)
    return CustomerPermissions(
        manage=can(user, landlord, "customer.manage", roles),
        adjustments=can(user, landlord, "adjustment.manage", roles),
        restrictions=can(user, landlord, "restriction.manage", roles),
        disabilities=can(user, landlord, "disability.view", roles),
        log_feedback=can(user, landlord, "case.log", roles),
    )


def require_customer_view(user: User, landlord: Landlord) -> None:
    if not can(user, landlord, "case.view"):
        raise NotPermittedError(f"{user} may not view customers at {landlord.name}")


def customer_for_staff(user: User, landlord: Landlord, customer_id: int) -> Customer:
    """The customer, if this person may see customers at the landlord; NotFound for another landlord's."""
    require_customer_view(user, landlord)
    customer = Customer.objects.filter(landlord=landlord, pk=customer_id).first()
    if customer is None:
        raise NotFoundError(f"no customer {customer_id} at {landlord.name}")
    return customer


@dataclass(frozen=True)
class CustomerRecord:
    customer: Customer
    permissions: CustomerPermissions
    representatives: list[Representative]
    adjustments: list[Adjustment]
    """Current adjustments first (soonest review first), then ended ones."""
    disabilities: list[Disability] | None
    """None when the person may not see them."""
    restrictions: list[Restriction]
    """Active first (soonest review first), then lifted; each with `reviews` prefetched."""
    restriction_types: tuple[str, ...]
    """The restriction types the landlord's policy lists today."""
    restriction_appeal_to: str
    cases: list[Case]
    letters: list[Letter]
    """Letters about the record itself (restrictions, their reviews, authority requests), newest first,
    without their content; letters on cases are on the case page."""
    events: list[CustomerEvent]
    """The customer's audit trail, newest first."""


def customer_cases(*, user: User, landlord: Landlord, customer: Customer) -> QuerySet[Case]:
    """The customer's cases (theirs, and group complaints they are part of) that this person may see,
    newest first. Found by the customer's indexes first, so it stays quick however many cases there are."""
    own = Case.objects.filter(landlord=landlord, customer=customer).values_list("pk", flat=True)
    grouped = CaseCustomer.objects.filter(customer=customer).values_list("case_id", flat=True)
    ids = {*own, *grouped}
    return visible_cases(user, landlord).filter(pk__in=ids).order_by("-received_at", "-pk")


def customer_record(*, user: User, landlord: Landlord, customer_id: int) -> CustomerRecord:
    """Everything on a customer's record that this person may see."""
    customer = customer_for_staff(user, landlord, customer_id)
    permissions = customer_permissions(user, landlord)
    adjustments = sorted(
        Adjustment.objects.filter(landlord=landlord, customer=customer),
        key=lambda a: (a.ended_on is not None, a.review_by if a.ended_on is None else a.agreed_on, a.pk),
    )
    restrictions = sorted(
        Restriction.objects.filter(landlord=landlord, customer=customer)
        .select_related("decided_by")
        .prefetch_related(
            Prefetch(
                "reviews",
                queryset=RestrictionReview.objects.select_related("reviewed_by").order_by(
                    "reviewed_on", "pk"
                ),
            )
        ),
        key=lambda r: (r.status != Restriction.Status.ACTIVE, r.review_by, r.pk),
    )
    cases = list(customer_cases(user=user, landlord=landlord, customer=customer).select_related("handler"))
    profile = profile_on(landlord, timezone.localdate())
    return CustomerRecord(
        customer=customer,
        permissions=permissions,
        representatives=list(
            Representative.objects.filter(landlord=landlord, customer=customer).order_by("created_at", "pk")
        ),
        adjustments=adjustments,
        disabilities=list(
            Disability.objects.filter(landlord=landlord, customer=customer).order_by("disclosed_on", "pk")
        )
        if permissions.disabilities
        else None,
        restrictions=restrictions,
        restriction_types=profile.restrictions.types,
        restriction_appeal_to=profile.restrictions.appeal_to,
        cases=cases,
        letters=list(
            visible_letters(user, landlord)
            .filter(customer=customer, case__isnull=True)
            .defer(*CONTENT)
            .order_by("-created_at", "-pk")
        ),
        events=list(
            CustomerEvent.objects.filter(landlord=landlord, customer=customer)
            .select_related("actor")
            .order_by("-at", "-pk")
        ),
    )


def customer_representative(landlord: Landlord, customer: Customer, representative_id: int) -> Representative:
    """One of this customer's representatives (NotFound for anyone else's)."""
    representative = Representative.objects.filter(
        landlord=landlord, customer=customer, pk=representative_id
    ).first()
    if representative is None:
        raise NotFoundError(f"no representative {representative_id} for this customer")
    return representative


def customer_adjustment(landlord: Landlord, customer: Customer, adjustment_id: int) -> Adjustment:
    adjustment = Adjustment.objects.filter(landlord=landlord, customer=customer, pk=adjustment_id).first()
    if adjustment is None:
        raise NotFoundError(f"no adjustment {adjustment_id} for this customer")
    return adjustment


def customer_restriction(landlord: Landlord, customer: Customer, restriction_id: int) -> Restriction:
    restriction = Restriction.objects.filter(landlord=landlord, customer=customer, pk=restriction_id).first()
    if restriction is None:
        raise NotFoundError(f"no restriction {restriction_id} for this customer")
    return restriction


@dataclass(frozen=True)
class AdjustmentRequest:
    """Adjustments the customer asked for online (one request) that staff have not yet agreed."""

    pk: int
    """The request's event on the customer's record."""
    at: datetime
    asked: dict[str, str]
    """Adjustment type -> the detail the customer gave, for the types not yet agreed."""

    @property
    def words(self) -> str:
        labels = dict(Adjustment.Type.choices)
        return "; ".join(f"{labels[k]}{f': {d}' if d else ''}" for k, d in self.asked.items())


def customer_adjustment_requests(landlord: Landlord, customer: Customer) -> list[AdjustmentRequest]:
    """The customer's online requests with something still to agree, oldest first: a type is agreed once an
    adjustment of that type is in force, and no longer waits once declined."""
    agreed = {a.type for a in current_adjustments(landlord, customer)}
    refused = declined(customer)
    events = CustomerEvent.objects.filter(
        landlord=landlord, customer=customer, kind="adjustment_requested"
    ).order_by("at", "pk")
    requests = []
    for event in events:
        given = dict(event.after.get("asked", {}))
        # In the order of the types, not the stored keys' (PostgreSQL's jsonb does not keep that order).
        asked = {
            kind: str(given[kind])
            for kind in Adjustment.Type.values
            if kind in given and kind not in agreed and (event.pk, kind) not in refused
        }
        if asked:
            requests.append(AdjustmentRequest(event.pk, event.at, asked))
    return requests


@dataclass(frozen=True)
class DeclinedAdjustment:
    """An adjustment asked for online and declined, with the reason the customer is shown."""

    at: datetime
    label: str
    reason: str


def customer_adjustments_declined(customer: Customer) -> list[DeclinedAdjustment]:
    """The adjustments the customer asked for online that were declined, oldest first."""
    labels = dict(Adjustment.Type.choices)
    return [
        DeclinedAdjustment(event.at, labels.get(kind, kind), str(event.after.get("reason", "")))
        for (_, kind), event in declined(customer).items()
    ]


def customer_adjustment_request(landlord: Landlord, customer: Customer, request_id: int) -> AdjustmentRequest:
    """One of this customer's online requests with something still to agree (NotFound otherwise)."""
    for request in customer_adjustment_requests(landlord, customer):
        if request.pk == request_id:
            return request
    raise NotFoundError(f"no adjustment request {request_id} to agree for this customer")


def current_adjustments(landlord: Landlord, customer: Customer) -> list[Adjustment]:
    """The reasonable adjustments in force for the customer, to shape the next contact."""
    return list(
        Adjustment.objects.filter(landlord=landlord, customer=customer, ended_on__isnull=True).order_by("pk")
    )


@dataclass(frozen=True)
class CustomerFlags:
    """What to see at a glance in a list of customers."""

    restricted: bool
    adjustments: bool


def customer_flags(landlord: Landlord, customers: list[Customer]) -> dict[int, CustomerFlags]:
    """For each customer, whether a contact restriction is active and adjustments are in force (two
    queries, however many customers)."""
    ids = [customer.pk for customer in customers]
    restricted = set(
        Restriction.objects.filter(
            landlord=landlord, customer_id__in=ids, status=Restriction.Status.ACTIVE
        ).values_list("customer_id", flat=True)
    )
    adjusted = set(
        Adjustment.objects.filter(landlord=landlord, customer_id__in=ids, ended_on__isnull=True).values_list(
            "customer_id", flat=True
        )
    )
    return {pk: CustomerFlags(pk in restricted, pk in adjusted) for pk in ids}
