"""Recording what the Ombudsman did with a complaint, the landlord's Code non-compliance, and the lessons
it publishes. Each service is landlord-scoped and permission-checked; those about a complaint append an
event to that case's timeline.

Who may: referrals, determinations, orders and published lessons are the complaints team's decisions
(`case.decide`); completing an order is anyone who completes agreed actions (`action.complete`); a Code
non-compliance record is the landlord's (`landlord.administer` or `case.decide`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.accounts.services import administration_event_record
from putright.cases.models import Case, Learning
from putright.cases.services._base import authorise, now, record, require_past, require_text
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.ombudsman.models import Finding, NonCompliance, OmbudsmanCase, Order, PublishedLesson
from putright.organisations.models import Landlord

DECIDE = "case.decide"
NEXT_STAGE = {
    OmbudsmanCase.Status.REFERRED: OmbudsmanCase.Status.ACCEPTED,
    OmbudsmanCase.Status.ACCEPTED: OmbudsmanCase.Status.INVESTIGATING,
}


@dataclass(frozen=True)
class FindingInput:
    element: str
    finding: str


@dataclass(frozen=True)
class OrderInput:
    type: str
    description: str
    due_on: date


def _case(landlord: Landlord, case_id: int) -> Case:
    try:
        return Case.objects.select_for_update().get(pk=case_id, landlord=landlord)
    except Case.DoesNotExist:
        raise NotFoundError(f"no case {case_id} at {landlord.name}") from None


def _ombudsman_case(landlord: Landlord, actor: User, pk: int) -> OmbudsmanCase:
    """The Ombudsman case, locked; not found for another landlord's or one about a case the actor may not
    see."""
    try:
        found = OmbudsmanCase.objects.select_for_update().select_related("case").get(pk=pk, landlord=landlord)
    except OmbudsmanCase.DoesNotExist:
        raise NotFoundError(f"no Ombudsman case {pk} at {landlord.name}") from None
    authorise(actor, found.case, DECIDE)
    return found


@transaction.atomic
def ombudsman_case_refer(
    *, landlord: Landlord, actor: User, case_id: int, ombudsman_reference: str, referred_on: date
) -> OmbudsmanCase:
    """Record that the complaint went to the Ombudsman, under the Ombudsman's own reference."""
    case = _case(landlord, case_id)
    authorise(actor, case, DECIDE)
    reference = require_text("ombudsman_reference", ombudsman_reference, "The Ombudsman's reference")
    require_past("referred_on", referred_on, "The referral date")
    if referred_on < case.received_at.date():
        raise InvalidInputError("referred_on", "The referral date is before the complaint was received")
    if OmbudsmanCase.objects.filter(landlord=landlord, ombudsman_reference=reference).exists():
        raise InvalidInputError("ombudsman_reference", f"{reference} is already recorded")
    try:
        with transaction.atomic():
            referral = OmbudsmanCase.objects.create(
                landlord=landlord, case=case, ombudsman_reference=reference, referred_on=referred_on
            )
    except IntegrityError:
        raise InvalidInputError("ombudsman_reference", f"{reference} is already recorded") from None
    record(
        case,
        actor,
        "ombudsman_referred",
        f"Referred to the Housing Ombudsman ({reference})",
        after={"ombudsman_reference": reference, "referred_on": referred_on},
    )
    return referral


@transaction.atomic
def ombudsman_case_advance(
    *, landlord: Landlord, actor: User, ombudsman_case_id: int, on: date
) -> OmbudsmanCase:
    """Move the Ombudsman case to its next investigation stage: referred, accepted, investigating."""
    referral = _ombudsman_case(landlord, actor, ombudsman_case_id)
    status = OmbudsmanCase.Status(referral.status)
    if status not in NEXT_STAGE:
        raise InvalidInputError("status", f"{referral.ombudsman_reference} is already {status.label.lower()}")
    require_past("on", on, "The date")
    if on < referral.referred_on:
        raise InvalidInputError("on", "The date is before the referral")
    after = NEXT_STAGE[status]
    referral.status = after.value
    if after == OmbudsmanCase.Status.ACCEPTED:
        referral.accepted_on = on
    else:
        referral.investigating_on = on
    referral.save(update_fields=["status", "accepted_on", "investigating_on"])
    record(
        referral.case,
        actor,
        "ombudsman_stage",
        f"Ombudsman case {referral.ombudsman_reference}: {after.label.lower()}",
        before={"status": status.value},
        after={"status": after.value, "on": on},
    )
    return referral


@transaction.atomic
def ombudsman_case_determine(
    *,
    landlord: Landlord,
    actor: User,
    ombudsman_case_id: int,
    determined_on: date,
    summary: str,
    findings: list[FindingInput],
    orders: list[OrderInput],
) -> OmbudsmanCase:
    """Record the determination: a finding per element of the complaint, and the orders and
    recommendations each with its due date."""
    referral = _ombudsman_case(landlord, actor, ombudsman_case_id)
    if referral.status == OmbudsmanCase.Status.DETERMINED:
        raise InvalidInputError("determined_on", f"{referral.ombudsman_reference} is already determined")
    require_past("determined_on", determined_on, "The determination date")
    if determined_on < referral.referred_on:
        raise InvalidInputError("determined_on", "The determination date is before the referral")
    if not findings:
        raise InvalidInputError("findings", "Enter at least one finding")
    kinds = set(Finding.Kind.values)
    for item in findings:
        require_text("findings", item.element, "Each finding's element of the complaint")
        if item.finding not in kinds:
            raise InvalidInputError("findings", f"{item.finding!r} is not a finding the Ombudsman makes")
    types = set(Order.Type.values)
    for order in orders:
        require_text("orders", order.description, "Each order's description")
        if order.type not in types:
            raise InvalidInputError("orders", f"{order.type!r} is neither an order nor a recommendation")
        if order.due_on < determined_on:
            raise InvalidInputError("orders", "An order cannot be due before the determination")
    referral.status = OmbudsmanCase.Status.DETERMINED.value
    referral.determined_on = determined_on
    referral.determination_summary = summary.strip()
    referral.save(update_fields=["status", "determined_on", "determination_summary"])
    Finding.objects.bulk_create(
        Finding(ombudsman_case=referral, element=f.element.strip(), finding=f.finding) for f in findings
    )
    Order.objects.bulk_create(
        Order(
            landlord=landlord,
            ombudsman_case=referral,
            type=o.type,
            description=o.description.strip(),
            due_on=o.due_on,
        )
        for o in orders
    )
    record(
        referral.case,
        actor,
        "ombudsman_determined",
        f"Ombudsman determination {referral.ombudsman_reference}: "
        + "; ".join(Finding.Kind(f.finding).label.lower() for f in findings),
        after={
            "determined_on": determined_on,
            "findings": [f.finding for f in findings],
            "orders": len(orders),
        },
    )
    return referral


@transaction.atomic
def order_complete(
    *, landlord: Landlord, actor: User, order_id: int, completed_on: date, evidence: str
) -> Order:
    """Record that an order or recommendation was complied with, and the evidence of it."""
    try:
        order = (
            Order.objects.select_for_update()
            .select_related("ombudsman_case__case")
            .get(pk=order_id, landlord=landlord)
        )
    except Order.DoesNotExist:
        raise NotFoundError(f"no Ombudsman order {order_id} at {landlord.name}") from None
    authorise(actor, order.ombudsman_case.case, "action.complete")
    if order.completed_on is not None:
        raise InvalidInputError("completed_on", "This order is already complete")
    text = require_text("evidence", evidence, "The evidence of compliance")
    require_past("completed_on", completed_on, "The completion date")
    if order.ombudsman_case.determined_on and completed_on < order.ombudsman_case.determined_on:
        raise InvalidInputError("completed_on", "The completion date is before the determination")
    order.completed_on, order.evidence = completed_on, text
    order.save(update_fields=["completed_on", "evidence"])
    late = completed_on > order.due_on
    record(
        order.ombudsman_case.case,
        actor,
        "ombudsman_order_completed",
        f"Ombudsman {order.get_type_display().lower()} complied with"
        + (f", {(completed_on - order.due_on).days} days late" if late else ""),
        after={"order": order.pk, "completed_on": completed_on, "due_on": order.due_on},
    )
    return order


def may_record_non_compliance(actor: User, landlord: Landlord) -> bool:
    """Whether the person may record or update Code non-compliance at the landlord."""
    return can(actor, landlord, "landlord.administer") or can(actor, landlord, DECIDE)


def _require_landlord_record(actor: User, landlord: Landlord) -> None:
    if not may_record_non_compliance(actor, landlord):
        raise NotPermittedError(f"{actor} may not record Code non-compliance at {landlord.name}")


NON_COMPLIANCE_FIELDS = (
    "provision",
    "from_date",
    "reason",
    "residents_told_on",
    "ombudsman_told_on",
    "regulator_told_on",
    "returned_on",
)


def _snapshot(entry: NonCompliance) -> dict[str, object]:
    """The record's fields as JSON for the audit log (dates as ISO text)."""
    values = {name: getattr(entry, name) for name in NON_COMPLIANCE_FIELDS}
    return {name: v.isoformat() if isinstance(v, date) else v for name, v in values.items()}


def _optional_past(field: str, value: date | None, what: str, not_before: date) -> None:
    if value is None:
        return
    require_past(field, value, what)
    if value < not_before:
        raise InvalidInputError(field, f"{what} is before the non-compliance began")


@transaction.atomic
def non_compliance_record(
    *,
    landlord: Landlord,
    actor: User,
    provision: str,
    from_date: date,
    reason: str,
    residents_told_on: date | None = None,
    ombudsman_told_on: date | None = None,
    regulator_told_on: date | None = None,
    returned_on: date | None = None,
) -> NonCompliance:
    """Record that exceptional circumstances kept the landlord from a Code provision from a date."""
    _require_landlord_record(actor, landlord)
    entry = NonCompliance(landlord=landlord, recorded_by=actor, recorded_at=now())
    _fill(
        entry,
        provision,
        from_date,
        reason,
        residents_told_on,
        ombudsman_told_on,
        regulator_told_on,
        returned_on,
    )
    entry.save()
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="non_compliance_recorded",
        summary=(
            f"Code non-compliance recorded: provision {entry.provision} "
            f"from {entry.from_date.day} {entry.from_date:%B %Y}"
        ),
        after=_snapshot(entry),
    )
    return entry


@transaction.atomic
def non_compliance_update(
    *,
    landlord: Landlord,
    actor: User,
    non_compliance_id: int,
    provision: str,
    from_date: date,
    reason: str,
    residents_told_on: date | None = None,
    ombudsman_told_on: date | None = None,
    regulator_told_on: date | None = None,
    returned_on: date | None = None,
) -> NonCompliance:
    """Add the notices given and the date of return to compliance as they happen."""
    _require_landlord_record(actor, landlord)
    try:
        entry = NonCompliance.objects.select_for_update().get(pk=non_compliance_id, landlord=landlord)
    except NonCompliance.DoesNotExist:
        raise NotFoundError(f"no non-compliance record {non_compliance_id} at {landlord.name}") from None
    before = _snapshot(entry)
    _fill(
        entry,
        provision,
        from_date,
        reason,
        residents_told_on,
        ombudsman_told_on,
        regulator_told_on,
        returned_on,
    )
    after = _snapshot(entry)
    changed = [name for name in NON_COMPLIANCE_FIELDS if before[name] != after[name]]
    if not changed:
        return entry
    entry.save()
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="non_compliance_updated",
        summary=f"Code non-compliance with provision {entry.provision} updated",
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
    )
    return entry


def _fill(
    entry: NonCompliance,
    provision: str,
    from_date: date,
    reason: str,
    residents_told_on: date | None,
    ombudsman_told_on: date | None,
    regulator_told_on: date | None,
    returned_on: date | None,
) -> None:
    entry.provision = require_text("provision", provision, "The Code provision")
    entry.reason = require_text("reason", reason, "The exceptional circumstances")
    require_past("from_date", from_date, "The date non-compliance began")
    entry.from_date = from_date
    _optional_past("residents_told_on", residents_told_on, "The date residents were told", from_date)
    _optional_past("ombudsman_told_on", ombudsman_told_on, "The date the Ombudsman was told", from_date)
    _optional_past("regulator_told_on", regulator_told_on, "The date the Regulator was told", from_date)
    _optional_past("returned_on", returned_on, "The date of return to compliance", from_date)
    entry.residents_told_on = residents_told_on
    entry.ombudsman_told_on = ombudsman_told_on
    entry.regulator_told_on = regulator_told_on
    entry.returned_on = returned_on


@transaction.atomic
def lesson_publish(
    *, landlord: Landlord, actor: User, learning_id: int, you_said: str, we_did: str, published_on: date
) -> PublishedLesson:
    """Publish a closed complaint's lesson on the "you said, we did" page, in words staff write for the
    public (the customer's details are never copied from the case)."""
    try:
        learning = Learning.objects.select_related("case").get(pk=learning_id, case__landlord=landlord)
    except Learning.DoesNotExist:
        raise NotFoundError(f"no lesson {learning_id} at {landlord.name}") from None
    authorise(actor, learning.case, DECIDE)
    said = require_text("you_said", you_said, "What the resident said")
    did = require_text("we_did", we_did, "What we did")
    require_past("published_on", published_on, "The publication date")
    if PublishedLesson.objects.filter(learning=learning).exists():
        raise InvalidInputError("you_said", "This lesson is already published")
    lesson = PublishedLesson.objects.create(
        landlord=landlord,
        learning=learning,
        you_said=said,
        we_did=did,
        service_area=learning.case.service_area,
        published_on=published_on,
        published_by=actor,
    )
    record(learning.case, actor, "lesson_published", 'Lesson published on the "you said, we did" page')
    return lesson


@transaction.atomic
def lesson_unpublish(*, landlord: Landlord, actor: User, published_lesson_id: int) -> None:
    """Take a lesson off the public page."""
    try:
        lesson = PublishedLesson.objects.select_related("learning__case").get(
            pk=published_lesson_id, landlord=landlord
        )
    except PublishedLesson.DoesNotExist:
        raise NotFoundError(f"no published lesson {published_lesson_id} at {landlord.name}") from None
    authorise(actor, lesson.learning.case, DECIDE)
    case = lesson.learning.case
    lesson.delete()
    record(case, actor, "lesson_unpublished", 'Lesson taken off the "you said, we did" page')
