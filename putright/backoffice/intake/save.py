"""Saving the answers: the new customer and representative, if any, the feedback, and the choice to
complain, all or nothing, through the services; then where to go and what to say."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import NoReverseMatch, reverse

from putright.accounts.models import User
from putright.backoffice.intake.answers import Answers, received_at
from putright.backoffice.intake.forms import CHOICE_KINDS, CHOICE_NONE, NEW, NOBODY
from putright.cases.models import Case
from putright.cases.services import complaint_choice_record, feedback_log
from putright.customers import services as customer_services
from putright.customers.models import Representative
from putright.domain.errors import InvalidInputError
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord


def case_url(landlord: Landlord, reference: str) -> str:
    """The case page once it exists; the case list until then."""
    try:
        return reverse("backoffice:case", args=[landlord.slug, reference])
    except NoReverseMatch:
        return f"{reverse('backoffice:case-list', args=[landlord.slug])}?q={reference}"


def save_answers(
    user: User, landlord: Landlord, answers: Answers, linked_case: Case | None = None
) -> tuple[Case, Case | None]:
    """Adds the new customer and representative, if any, logs the feedback (linked to `linked_case`, the
    complaint closed for no contact it replies to, if any) and records the choice to complain, all or
    nothing. Returns the case logged and the complaint the choice raised, if any."""
    d = answers.get("details") or {}
    with transaction.atomic():
        customer = answers.customer(landlord)
        if customer is None:
            customer = customer_services.customer_create(
                landlord=landlord, actor=user, **answers.get("new_customer")
            )
        acting = answers.get("representative")
        representative: Representative | None = None
        if acting == NEW:
            rep = answers.get("new_representative") or {}
            representative = customer_services.representative_add(
                landlord=landlord, actor=user, customer_id=customer.pk, **rep
            )
        elif acting and acting != NOBODY:
            representative = Representative.objects.filter(
                landlord=landlord, customer=customer, pk=int(acting)
            ).first()
            if representative is None:
                raise InvalidInputError(
                    "representative", "That representative no longer acts for this customer"
                )
        case = feedback_log(
            landlord=landlord,
            actor=user,
            kind=Kind(answers.get("kind")),
            channel=d["channel"],
            received_at=received_at(d),
            customer=customer,
            representative=representative,
            summary=d["summary"],
            description=d["description"],
            received_by=d.get("received_by", ""),
            service_area=d.get("service_area", ""),
            category=d.get("category", ""),
            contractor=d.get("contractor", ""),
            colleagues_named=d.get("colleagues_named", ""),
            about_colleague=bool(d.get("about_colleague")),
            issue_date=date.fromisoformat(d["issue_date"]) if d.get("issue_date") else None,
            aware_date=date.fromisoformat(d["aware_date"]) if d.get("aware_date") else None,
            vulnerability=bool(d.get("vulnerability")),
            vulnerability_note=d.get("vulnerability_note", ""),
            hazard_kind=d.get("hazard_kind", ""),
            linked_case=linked_case,
            idempotency_key=f"backoffice-intake-{answers.get('key')}",
        )
        choice = answers.get("choice")
        raised = None
        if case.kind in CHOICE_KINDS and choice and choice != CHOICE_NONE and not case.complaint_choice:
            result = complaint_choice_record(
                landlord=landlord, actor=user, case_id=case.pk, choice=choice, expressed_at=case.received_at
            )
            raised = result if result.pk != case.pk else None
    return case, raised


def success_message(case: Case, raised: Case | None) -> str:
    def acknowledge_by(complaint: Case) -> str:
        stage = complaint.stages.filter(number=1).first()
        if stage is None:
            return ""
        due = stage.acknowledge_by
        return f" Acknowledge by {due:%A} {due.day} {due:%B %Y}."

    label = Kind(case.kind).label
    text = f"{label[0].upper()}{label[1:]} {case.reference} logged."
    if case.kind == Kind.COMPLAINT.value:
        text += acknowledge_by(case)
    if raised is not None:
        text += (
            f" The customer chose to complain: complaint {raised.reference} raised.{acknowledge_by(raised)}"
        )
    return text
