"""Customer records: people, representatives, reasonable adjustments, disclosed disabilities and
contact restrictions. Every change is recorded on the customer's own audit trail."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.customers.adjustment_requests import DECLINED
from putright.customers.models import (
    Adjustment,
    Channel,
    Customer,
    CustomerEvent,
    Disability,
    Representative,
    Restriction,
    RestrictionReview,
)
from putright.customers.selectors import customer_adjustment_request
from putright.domain import deadlines
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.letters import LetterKind
from putright.letters.services import letter_issue
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_calendar, profile_on


def _record(
    customer: Customer,
    actor: User,
    kind: str,
    summary: str,
    after: dict[str, Any] | None = None,
    before: dict[str, Any] | None = None,
) -> None:
    def plain(values: dict[str, Any]) -> dict[str, Any]:
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}

    CustomerEvent.objects.create(
        landlord_id=customer.landlord_id,
        customer=customer,
        at=timezone.now(),
        actor=actor,
        kind=kind,
        summary=summary,
        before=plain(before or {}),
        after=plain(after or {}),
    )


def _customer(landlord: Landlord, customer_id: int) -> Customer:
    try:
        return Customer.objects.select_for_update().get(pk=customer_id, landlord=landlord)
    except Customer.DoesNotExist:
        raise NotFoundError(f"no customer {customer_id} at {landlord.name}") from None


def _text(field: str, value: str, what: str) -> str:
    if not value or not value.strip():
        raise InvalidInputError(field, f"{what} is required")
    return value.strip()


def _not_future(field: str, day: date, what: str) -> None:
    if day > timezone.localdate():
        raise InvalidInputError(field, f"{what} cannot be in the future ({day.isoformat()})")


@transaction.atomic
def customer_create(
    *,
    landlord: Landlord,
    actor: User,
    name: str,
    type: str = Customer.Type.RESIDENT,
    tenancy_reference: str = "",
    address: str = "",
    postcode: str = "",
    email: str = "",
    phone: str = "",
    preferred_channel: str = Channel.EMAIL,
) -> Customer:
    require(actor, landlord, "customer.manage")
    if type not in Customer.Type.values:
        raise InvalidInputError("type", f"type is one of {', '.join(Customer.Type.values)}")
    if preferred_channel not in Channel.values:
        raise InvalidInputError("preferred_channel", f"channel is one of {', '.join(Channel.values)}")
    customer = Customer.objects.create(
        landlord=landlord,
        type=type,
        name=_text("name", name, "The customer's name"),
        tenancy_reference=tenancy_reference.strip(),
        address=address.strip(),
        postcode=postcode.strip().upper(),
        email=email.strip(),
        phone=phone.strip(),
        preferred_channel=preferred_channel,
    )
    _record(customer, actor, "created", f"Customer record created ({customer.get_type_display()})")
    return customer


@transaction.atomic
def representative_add(
    *,
    landlord: Landlord,
    actor: User,
    customer_id: int,
    name: str,
    relationship: str,
    basis: str,
    evidence: str = "",
    scope: str = "",
    expires_on: date | None = None,
    email: str = "",
    phone: str = "",
) -> Representative:
    """Record someone acting for the customer; authority is requested until evidence is recorded, and
    nothing is disclosed to them before it is given. It never delays the complaint's clocks."""
    require(actor, landlord, "customer.manage")
    customer = _customer(landlord, customer_id)
    if basis not in Representative.Basis.values:
        raise InvalidInputError("basis", f"basis is one of {', '.join(Representative.Basis.values)}")
    representative = Representative.objects.create(
        landlord=landlord,
        customer=customer,
        name=_text("name", name, "The representative's name"),
        relationship=_text("relationship", relationship, "Their relationship to the customer"),
        basis=basis,
        evidence=evidence.strip(),
        scope=scope.strip(),
        expires_on=expires_on,
        email=email.strip(),
        phone=phone.strip(),
    )
    letter_issue(
        landlord=landlord,
        actor=actor,
        kind=LetterKind.AUTHORITY_REQUEST,
        customer=customer,
        representative=representative,
    )
    _record(
        customer,
        actor,
        "representative_added",
        f"Representative added: {representative.name} "
        f"({representative.get_basis_display()}); authority requested",
        after={"representative": representative.pk},
    )
    return representative


@transaction.atomic
def representative_set_authority(
    *,
    landlord: Landlord,
    actor: User,
    representative_id: int,
    authority: str,
    evidence: str = "",
    scope: str | None = None,
) -> Representative:
    """Record their authority and, when `scope` is given, what it covers (blank for everything): staff widen
    a representative the online form limited to one matter here."""
    require(actor, landlord, "customer.manage")
    try:
        representative = Representative.objects.select_for_update().get(
            pk=representative_id, landlord=landlord
        )
    except Representative.DoesNotExist:
        raise NotFoundError(f"no representative {representative_id} at {landlord.name}") from None
    if authority not in Representative.Authority.values:
        raise InvalidInputError(
            "authority", f"authority is one of {', '.join(Representative.Authority.values)}"
        )
    if authority == Representative.Authority.GIVEN:
        evidence = _text("evidence", evidence or representative.evidence, "Evidence of authority")
    before = {"authority": representative.authority, "scope": representative.scope}
    representative.authority = authority
    representative.evidence = evidence.strip() or representative.evidence
    if scope is not None:
        representative.scope = scope.strip()
    representative.save(update_fields=["authority", "evidence", "scope"])
    covers = representative.scope or "everything"
    _record(
        representative.customer,
        actor,
        "representative_authority",
        f"Authority for {representative.name}: {representative.get_authority_display()}; may act on {covers}",
        before=before,
        after={"authority": authority, "scope": representative.scope},
    )
    return representative


@transaction.atomic
def adjustment_record(
    *, landlord: Landlord, actor: User, customer_id: int, type: str, details: str, agreed_on: date
) -> Adjustment:
    """Record an agreed reasonable adjustment; its review date comes from the landlord's policy profile."""
    require(actor, landlord, "adjustment.manage")
    customer = _customer(landlord, customer_id)
    if type not in Adjustment.Type.values:
        raise InvalidInputError("type", f"type is one of {', '.join(Adjustment.Type.values)}")
    _not_future("agreed_on", agreed_on, "The date agreed")
    review = deadlines.adjustment_review(
        profile_on(landlord, agreed_on), landlord_calendar(landlord), agreed_on
    )
    adjustment = Adjustment.objects.create(
        landlord=landlord,
        customer=customer,
        type=type,
        details=details.strip(),
        agreed_on=agreed_on,
        review_by=review.due,
    )
    _record(
        customer,
        actor,
        "adjustment_agreed",
        f"Adjustment agreed: {adjustment.get_type_display()}; review by {review.due}",
        after={"adjustment": adjustment.pk, "review_by": review.due},
    )
    return adjustment


@transaction.atomic
def adjustment_request_decline(
    *, landlord: Landlord, actor: User, customer_id: int, request_id: int, type: str, reason: str, regard: str
) -> CustomerEvent:
    """Decline one adjustment the customer asked for online, with the reason and the regard had to the
    Equality Act 2010 duty to make reasonable adjustments (recorded as text). It stops waiting on the
    record, and the customer sees the decision and the reason with their details in the portal, where the
    adjustments agreed are shown too."""
    require(actor, landlord, "adjustment.manage")
    customer = _customer(landlord, customer_id)
    try:
        request = customer_adjustment_request(landlord, customer, request_id)
    except NotFoundError:
        raise NotFoundError(f"no adjustment request {request_id} waiting for {customer.name}") from None
    if type not in request.asked:
        raise InvalidInputError("type", "Select an adjustment still waiting to be agreed or declined")
    reason = _text("reason", reason, "The reason")
    regard = _text("regard", regard, "What you considered under the Equality Act 2010")
    label = Adjustment.Type(type).label
    return CustomerEvent.objects.create(
        landlord=landlord,
        customer=customer,
        at=timezone.now(),
        actor=actor,
        kind=DECLINED,
        summary=f"Adjustment asked for online declined: {label}. Reason: {reason}",
        before={"asked": {type: request.asked[type]}},
        after={"request": request_id, "type": type, "reason": reason, "regard": regard},
    )


def _adjustment(landlord: Landlord, adjustment_id: int) -> Adjustment:
    try:
        return (
            Adjustment.objects.select_for_update()
            .select_related("customer")
            .get(pk=adjustment_id, landlord=landlord)
        )
    except Adjustment.DoesNotExist:
        raise NotFoundError(f"no adjustment {adjustment_id} at {landlord.name}") from None


@transaction.atomic
def adjustment_review(
    *, landlord: Landlord, actor: User, adjustment_id: int, reviewed_on: date, note: str
) -> Adjustment:
    """Review an adjustment and keep it; the next review runs from this review."""
    require(actor, landlord, "adjustment.manage")
    adjustment = _adjustment(landlord, adjustment_id)
    if adjustment.ended_on:
        raise InvalidInputError("adjustment_id", f"this adjustment ended on {adjustment.ended_on}")
    _not_future("reviewed_on", reviewed_on, "The review date")
    review = deadlines.adjustment_review(
        profile_on(landlord, reviewed_on), landlord_calendar(landlord), reviewed_on
    )
    before = adjustment.review_by
    adjustment.review_by = review.due
    adjustment.save(update_fields=["review_by"])
    _record(
        adjustment.customer,
        actor,
        "adjustment_reviewed",
        f"Adjustment reviewed and kept: {_text('note', note, 'The review note')}; next review by {review.due}",
        before={"review_by": before},
        after={"review_by": review.due},
    )
    return adjustment


@transaction.atomic
def adjustment_end(
    *, landlord: Landlord, actor: User, adjustment_id: int, ended_on: date, reason: str
) -> Adjustment:
    require(actor, landlord, "adjustment.manage")
    adjustment = _adjustment(landlord, adjustment_id)
    if adjustment.ended_on:
        raise InvalidInputError("adjustment_id", f"this adjustment ended on {adjustment.ended_on}")
    _not_future("ended_on", ended_on, "The end date")
    adjustment.ended_on = ended_on
    adjustment.end_reason = _text("reason", reason, "Why the adjustment ends")
    adjustment.save(update_fields=["ended_on", "end_reason"])
    _record(
        adjustment.customer,
        actor,
        "adjustment_ended",
        f"Adjustment ended: {adjustment.end_reason}",
        after={"ended_on": ended_on},
    )
    return adjustment


@transaction.atomic
def disability_record(
    *, landlord: Landlord, actor: User, customer_id: int, description: str, disclosed_on: date
) -> Disability:
    """Record a disability the customer disclosed: special category data, shown only to roles that need it."""
    require(actor, landlord, "disability.view")
    customer = _customer(landlord, customer_id)
    _not_future("disclosed_on", disclosed_on, "The date disclosed")
    disability = Disability.objects.create(
        landlord=landlord,
        customer=customer,
        disclosed_on=disclosed_on,
        description=_text("description", description, "The disclosure"),
    )
    _record(customer, actor, "disability_disclosed", "A disability was disclosed (restricted)")
    return disability


@transaction.atomic
def restriction_apply(
    *,
    landlord: Landlord,
    actor: User,
    customer_id: int,
    type: str,
    reason: str,
    how_to_contact: str,
    understanding_sought: str,
    starts_on: date,
) -> Restriction:
    """Apply a proportionate contact restriction of a type the policy lists, after a housing manager tried to
    reach an understanding; the letter says why, how to contact meanwhile, how long, and how to have it
    reviewed; the review date comes from the policy (3 months on)."""
    require(actor, landlord, "restriction.manage")
    customer = _customer(landlord, customer_id)
    profile = profile_on(landlord, starts_on)
    if type not in profile.restrictions.types:
        raise InvalidInputError(
            "type", f"choose a restriction the policy lists: {', '.join(profile.restrictions.types)}"
        )
    review = deadlines.restriction_review(profile, landlord_calendar(landlord), starts_on)
    restriction = Restriction.objects.create(
        landlord=landlord,
        customer=customer,
        type=type,
        reason=_text("reason", reason, "Why the restriction is needed"),
        how_to_contact=_text("how_to_contact", how_to_contact, "How the customer may contact us meanwhile"),
        understanding_sought=_text(
            "understanding_sought",
            understanding_sought,
            "How a housing manager first tried to reach an understanding",
        ),
        starts_on=starts_on,
        review_by=review.due,
        decided_by=actor,
    )
    letter_issue(
        landlord=landlord,
        actor=actor,
        kind=LetterKind.RESTRICTION,
        customer=customer,
        sent_on=starts_on,
        send=starts_on == timezone.localdate(),
        restriction=restriction,
        restriction_label=type.replace("-", " "),
        appeal_to=profile.restrictions.appeal_to,
    )
    _record(
        customer,
        actor,
        "restriction_applied",
        f"Restriction applied ({type}); review by {review.due}; it "
        "never stops a new, different complaint or an emergency repair",
        after={"restriction": restriction.pk},
    )
    return restriction


def _restriction(landlord: Landlord, restriction_id: int) -> Restriction:
    try:
        return (
            Restriction.objects.select_for_update()
            .select_related("customer")
            .get(pk=restriction_id, landlord=landlord)
        )
    except Restriction.DoesNotExist:
        raise NotFoundError(f"no restriction {restriction_id} at {landlord.name}") from None


@transaction.atomic
def restriction_review(
    *, landlord: Landlord, actor: User, restriction_id: int, reviewed_on: date, extend: bool, reasons: str
) -> Restriction:
    """Review a restriction: lifted unless there are good grounds to continue, which are explained, with
    the next review date."""
    require(actor, landlord, "restriction.manage")
    restriction = _restriction(landlord, restriction_id)
    if restriction.status != Restriction.Status.ACTIVE:
        raise InvalidInputError("restriction_id", f"this restriction was lifted on {restriction.lifted_on}")
    _not_future("reviewed_on", reviewed_on, "The review date")
    reasons = _text("reasons", reasons, "The reasons for the review's outcome")
    next_review = None
    if extend:
        next_review = deadlines.restriction_review(
            profile_on(landlord, reviewed_on), landlord_calendar(landlord), reviewed_on
        ).due
        restriction.review_by = next_review
    else:
        restriction.status = Restriction.Status.LIFTED
        restriction.lifted_on = reviewed_on
    restriction.save()
    RestrictionReview.objects.create(
        restriction=restriction,
        reviewed_on=reviewed_on,
        outcome="extended" if extend else "lifted",
        reasons=reasons,
        next_review_by=next_review,
        reviewed_by=actor,
    )
    outcome = f"extended; next review by {next_review}" if extend else "lifted"
    review = restriction.reviews.order_by("-id").first()
    letter_issue(
        landlord=landlord,
        actor=actor,
        kind=LetterKind.RESTRICTION_REVIEW_OUTCOME,
        customer=restriction.customer,
        sent_on=reviewed_on,
        send=reviewed_on == timezone.localdate(),
        restriction=restriction,
        review=review,
    )
    _record(
        restriction.customer,
        actor,
        "restriction_reviewed",
        f"Restriction {outcome}: {reasons}",
        after={"status": restriction.status, "review_by": restriction.review_by},
    )
    return restriction


@transaction.atomic
def restriction_appeal(
    *, landlord: Landlord, actor: User, restriction_id: int, requested_on: date, outcome: str = ""
) -> Restriction:
    """Record an appeal against a restriction (to a director) and, when decided, its outcome."""
    require(actor, landlord, "restriction.manage")
    restriction = _restriction(landlord, restriction_id)
    _not_future("requested_on", requested_on, "The date of the appeal")
    restriction.appeal_requested_on = requested_on
    restriction.appeal_outcome = outcome.strip()
    restriction.save(update_fields=["appeal_requested_on", "appeal_outcome"])
    profile = profile_on(landlord, restriction.starts_on)
    _record(
        restriction.customer,
        actor,
        "restriction_appeal",
        f"Appeal requested on {requested_on} (decided by {profile.restrictions.appeal_to})"
        + (f": {restriction.appeal_outcome}" if restriction.appeal_outcome else ""),
    )
    return restriction
