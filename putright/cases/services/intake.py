"""Logging feedback of every kind, and turning feedback or a service request into a complaint."""

from __future__ import annotations

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.cases.models import Case, CaseCustomer, IdempotentCreation, Stage
from putright.cases.selectors import closed_for_no_contact
from putright.cases.services._base import (
    authorise,
    locked_case,
    now,
    profile_of,
    recompute,
    record,
    require_past,
    require_text,
    transition,
)
from putright.customers.models import Channel, Customer, Representative, Restriction
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.hazards import hazard_clocks, hazard_rules
from putright.domain.lifecycle import INITIAL, Command, Kind, Status
from putright.domain.profiles import Profile
from putright.domain.time_limit import time_limit_decision
from putright.organisations.models import Landlord, ReferenceSequence
from putright.organisations.selectors import profile_on


def next_reference(landlord: Landlord, year: int) -> str:
    """The landlord's next case reference for the year, e.g. BP-2026-000042, taken under a row lock."""
    sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(landlord=landlord, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{landlord.reference_prefix}-{year}-{sequence.last:06d}"


def feedback_log(
    *,
    landlord: Landlord,
    actor: User,
    kind: Kind,
    channel: str,
    received_at: datetime,
    customer: Customer,
    summary: str,
    description: str,
    representative: Representative | None = None,
    received_by: str = "",
    service_area: str = "",
    category: str = "",
    contractor: str = "",
    colleagues_named: str = "",
    about_colleague: bool = False,
    issue_date: date | None = None,
    aware_date: date | None = None,
    vulnerability: bool = False,
    vulnerability_note: str = "",
    hazard_kind: str = "",
    hazard_aware_at: datetime | None = None,
    group_customers: tuple[Customer, ...] = (),
    linked_case: Case | None = None,
    idempotency_key: str = "",
) -> Case:
    """Record feedback of any kind from any channel, for a customer or their representative.

    A complaint starts stage 1 with its deadlines; the time limit is checked and, where outside it, noted
    as a warning for a decision (never refused automatically); a reported hazard starts Awaab's Law clocks.
    A contact restriction never stops a new complaint being recorded. With an idempotency key, a repeat of
    the same request returns the case already made.
    """
    require(actor, landlord, "case.log")
    if idempotency_key:
        existing = IdempotentCreation.objects.filter(
            landlord=landlord, client=actor, key=idempotency_key
        ).first()
        if existing is not None:
            return existing.case
    _check_intake(
        landlord, channel, received_at, customer, representative, issue_date, aware_date, group_customers
    )
    if linked_case is not None and linked_case.landlord_id != landlord.pk:
        raise NotFoundError(f"no case {linked_case.reference} at {landlord.name}")
    summary = require_text("summary", summary, "A summary")
    description = require_text("description", description, "What happened")
    if hazard_kind:
        hazard_rules().hazard(hazard_kind)  # raises for an unknown kind
    received_day = timezone.localdate(received_at)
    profile = profile_on(landlord, received_day)
    try:
        with transaction.atomic():
            case = _create(
                landlord=landlord,
                actor=actor,
                kind=kind,
                channel=channel,
                received_at=received_at,
                customer=customer,
                representative=representative,
                summary=summary,
                description=description,
                received_by=received_by,
                service_area=service_area,
                category=category,
                contractor=contractor,
                colleagues_named=colleagues_named,
                about_colleague=about_colleague,
                issue_date=issue_date,
                aware_date=aware_date,
                vulnerability=vulnerability,
                vulnerability_note=vulnerability_note,
                hazard_kind=hazard_kind,
                hazard_aware_at=hazard_aware_at or (received_at if hazard_kind else None),
                linked_case=linked_case,
                profile=profile,
            )
            for member in group_customers:
                CaseCustomer.objects.create(case=case, customer=member)
            _reply_after_no_contact(case, actor, linked_case)
            if idempotency_key:
                IdempotentCreation.objects.create(
                    landlord=landlord, client=actor, key=idempotency_key, case=case
                )
    except IntegrityError:
        if idempotency_key:  # the same key raced us; the other request's case stands
            return IdempotentCreation.objects.get(landlord=landlord, client=actor, key=idempotency_key).case
        raise
    return case


def _closed_for_no_contact(case: Case) -> list[str]:
    """Whatever the way in (email, the online form, staff), new feedback from a customer whose complaint was
    closed for no contact in the last 12 months may be their reply (Brighter Places 7.ii.e): the case says
    so, naming the closed complaint, unless it is already linked to it."""
    mine = Case.objects.filter(landlord_id=case.landlord_id, customer_id=case.customer_id)
    closed = (
        closed_for_no_contact(mine, timezone.localdate(case.received_at))
        .exclude(pk=case.linked_case_id or 0)
        .values_list("reference", "closed_at")
    )
    return [
        f"Complaint {reference} was closed for no contact on {timezone.localdate(closed_at)}: if this is the "
        "customer's reply, it is a new complaint about that matter (a reply after the time allowed is logged as "
        "a new complaint)."
        for reference, closed_at in closed
    ]


def _reply_after_no_contact(case: Case, actor: User, linked: Case | None) -> None:
    """A reply after a complaint was closed for no contact is a new complaint linked to it (Brighter Places
    7.ii.e): the closed complaint's timeline says so, and stays closed."""
    if linked is None or case.kind != Kind.COMPLAINT.value or linked.status != Status.CLOSED_NO_CONTACT.value:
        return
    rule = profile_of(linked).no_contact
    record(
        linked,
        actor,
        "reply_after_no_contact_closure",
        f"The customer replied after this complaint was closed for no contact: logged as a new complaint, "
        f"{case.reference}, linked to this one ({rule.late_reply}; {rule.source})",
        after={"complaint": case.reference},
    )


def _check_intake(
    landlord: Landlord,
    channel: str,
    received_at: datetime,
    customer: Customer,
    representative: Representative | None,
    issue_date: date | None,
    aware_date: date | None,
    group_customers: tuple[Customer, ...],
) -> None:
    if channel not in Channel.values:
        raise InvalidInputError(
            "channel", f"unknown channel {channel!r}; expected one of {', '.join(Channel.values)}"
        )
    require_past("received_at", received_at, "The date and time it was received")
    if customer.landlord_id != landlord.pk or any(c.landlord_id != landlord.pk for c in group_customers):
        raise NotFoundError(f"no such customer at {landlord.name}")
    if representative is not None and representative.customer_id != customer.pk:
        raise InvalidInputError("representative", "that representative does not act for this customer")
    received_day = timezone.localdate(received_at)
    if issue_date and issue_date > received_day:
        raise InvalidInputError(
            "issue_date", "the issue cannot have happened after the feedback was received"
        )
    if aware_date and issue_date and aware_date < issue_date:
        raise InvalidInputError(
            "aware_date", "the customer cannot have become aware before the issue happened"
        )
    if aware_date and aware_date > received_day:
        raise InvalidInputError("aware_date", "the customer cannot have become aware after contacting us")


def _create(
    *, landlord: Landlord, actor: User, kind: Kind, received_at: datetime, profile: Profile, **fields: object
) -> Case:
    logged_at = now()
    case = Case(
        landlord=landlord,
        reference=next_reference(landlord, timezone.localdate(received_at).year),
        kind=kind.value,
        status=INITIAL[kind].value,
        stage=1 if kind is Kind.COMPLAINT else None,
        received_at=received_at,
        logged_at=logged_at,
        logged_by=actor,
        policy_name=profile.name,
        policy_version=profile.version,
        **fields,
    )
    warnings: list[str] = []
    if kind is Kind.COMPLAINT and case.issue_date:
        decision = time_limit_decision(
            profile, received=timezone.localdate(received_at), occurred=case.issue_date, aware=case.aware_date
        )
        warnings.extend(decision.warnings)
        if not decision.within_limit:
            warnings.append(
                f"Made after the time limit ({decision.limit_date}): decide whether to accept it, with reasons; "
                "it is not refused automatically."
            )
    if case.hazard_kind and case.hazard_aware_at:
        clocks = hazard_clocks(case.hazard_kind, case.hazard_aware_at)
        case.hazard_due = {c.code: c.due.isoformat() for c in clocks.clocks}
        warnings.extend(clocks.warnings)
    restrictions = Restriction.objects.filter(customer=case.customer, status=Restriction.Status.ACTIVE)
    for restriction in restrictions:
        warnings.append(
            f"The customer has an active contact restriction ({restriction.type}, review by "
            f"{restriction.review_by}); it never stops a new, different complaint or an emergency repair "
            "being recorded."
        )
    warnings.extend(_closed_for_no_contact(case))
    case.warnings = warnings
    case.save()
    if kind is Kind.COMPLAINT:
        stage = Stage(landlord=landlord, case=case, number=1, received_at=received_at)
        recompute(stage, case)  # computes its deadlines and inserts it
        case.save(update_fields=["handler", "next_due", "next_due_kind", "updated_at"])
    record(
        case,
        actor,
        "logged",
        f"{kind.label.capitalize()} logged from {case.get_channel_display().lower()}",
        after={"reference": case.reference, "kind": kind.value, "status": case.status},
    )
    return case


@transaction.atomic
def case_convert_to_complaint(
    *, landlord: Landlord, actor: User, case_id: int, received_at: datetime | None = None
) -> Case:
    """Raise a complaint from general feedback or a service request (the service request carries on).

    The complaint is received when the customer expressed dissatisfaction: `received_at`, else now. It keeps
    what the record says about the person and the people involved (vulnerability, colleagues named, who
    received it); an Awaab's Law hazard stays with the service request, whose repair runs its clocks."""
    source = locked_case(landlord, case_id)
    authorise(actor, source, "case.log")
    before, after = transition(source, Command.CONVERT_TO_COMPLAINT)
    source.save(update_fields=["status", "updated_at"])
    complaint = feedback_log(
        landlord=landlord,
        actor=actor,
        kind=Kind.COMPLAINT,
        channel=source.channel,
        received_at=received_at or now(),
        customer=source.customer,
        representative=source.representative,
        summary=source.summary,
        description=source.description,
        service_area=source.service_area,
        category=source.category,
        contractor=source.contractor,
        linked_case=source,
        issue_date=source.issue_date,
        aware_date=source.aware_date,
        received_by=source.received_by,
        colleagues_named=source.colleagues_named,
        about_colleague=source.about_colleague,
        vulnerability=source.vulnerability,
        vulnerability_note=source.vulnerability_note,
    )
    record(
        source,
        actor,
        "converted_to_complaint",
        f"Complaint {complaint.reference} raised from this {Kind(source.kind).label}",
        before={"status": before.value},
        after={"status": after.value, "complaint": complaint.reference},
    )
    return complaint


@transaction.atomic
def complaint_choice_record(
    *, landlord: Landlord, actor: User, case_id: int, choice: str, expressed_at: datetime | None = None
) -> Case:
    """Record the customer's answer when dissatisfaction was expressed and the choice to complain offered
    (Code 1.3); choosing to complain raises the complaint, received when the dissatisfaction was expressed
    (`expressed_at`, e.g. the contact being logged; else now)."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.log")
    if case.kind not in (Kind.SERVICE_REQUEST.value, Kind.FEEDBACK.value):
        raise InvalidInputError(
            "choice", "the choice to complain is offered on a service request or feedback"
        )
    if choice not in ("complaint", "service_request", "declined"):
        raise InvalidInputError("choice", "choose 'complaint', 'service_request' or 'declined'")
    before = case.complaint_choice
    case.complaint_choice = choice
    case.save(update_fields=["complaint_choice", "updated_at"])
    record(
        case,
        actor,
        "complaint_choice",
        f"Offered the choice to complain: {case.get_complaint_choice_display()}",
        before={"complaint_choice": before},
        after={"complaint_choice": choice},
    )
    if choice == "complaint":
        return case_convert_to_complaint(
            landlord=landlord, actor=actor, case_id=case.pk, received_at=expressed_at
        )
    return case
