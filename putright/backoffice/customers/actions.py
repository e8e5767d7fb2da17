"""The actions on a customer's record: who may take each, its form, and the one customer service it calls.
A new action is one entry in ACTIONS and one URL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms as django_forms
from django.utils import timezone

from putright.accounts.models import User
from putright.backoffice.customers import forms
from putright.customers import services as customer_services
from putright.customers.contact_details import customer_update_contact
from putright.customers.models import Adjustment, Customer, Restriction
from putright.customers.selectors import AdjustmentRequest
from putright.organisations.models import Landlord
from putright.organisations.selectors import profile_on

Save = Callable[..., str]


@dataclass(frozen=True)
class Action:
    """One action page: who may take it, its form, and the service call it makes."""

    title: str
    permission: str
    """An attribute of CustomerPermissions: manage, adjustments, restrictions or disabilities."""
    form: Callable[..., django_forms.Form]
    save: Save
    """Called with landlord, actor, customer, the item (or None) and the cleaned data; returns the message."""
    intro: str = ""
    button: str = "Save"
    initial: Callable[[Customer, Any], dict[str, Any]] = lambda customer, item: {}
    form_options: Callable[[Landlord, Any], dict[str, Any]] = lambda landlord, item: {}


def _day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def _today(customer: Customer, item: Any) -> dict[str, Any]:
    return {
        "agreed_on": timezone.localdate(),
        "reviewed_on": timezone.localdate(),
        "ended_on": timezone.localdate(),
        "disclosed_on": timezone.localdate(),
        "starts_on": timezone.localdate(),
        "requested_on": timezone.localdate(),
    }


def _calling(service: Callable[..., Any], said: Callable[[Any], str], *, item_id: str = "") -> Save:
    """A save that hands the cleaned data to `service` for the customer (or, named `item_id`, for the item
    the page is about) and words the result with `said`."""

    def save(*, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]) -> str:
        target = {item_id: item.pk} if item_id else {"customer_id": customer.pk}
        return said(service(landlord=landlord, actor=actor, **target, **data))

    return save


def _review_restriction(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    restriction = customer_services.restriction_review(
        landlord=landlord,
        actor=actor,
        restriction_id=item.pk,
        reviewed_on=data["reviewed_on"],
        extend=data["outcome"] == "extend",
        reasons=data["reasons"],
    )
    if restriction.status == Restriction.Status.LIFTED:
        return "Restriction lifted"
    return f"Restriction kept in place; next review by {_day(restriction.review_by)}"


def _asked_initial(customer: Customer, request: AdjustmentRequest) -> dict[str, Any]:
    """The first type still to agree, agreed today."""
    return {"type": next(iter(request.asked)), "agreed_on": timezone.localdate()}


def _agree_asked(
    *, landlord: Landlord, actor: User, customer: Customer, item: AdjustmentRequest, data: dict[str, Any]
) -> str:
    """Record the chosen type as agreed; details left blank keep what the customer asked for."""
    adjustment = customer_services.adjustment_record(
        landlord=landlord,
        actor=actor,
        customer_id=customer.pk,
        type=data["type"],
        details=data["details"] or item.asked.get(data["type"], ""),
        agreed_on=data["agreed_on"],
    )
    return f"Adjustment agreed: {adjustment.get_type_display()}; review by {_day(adjustment.review_by)}"


def _decline_asked(
    *, landlord: Landlord, actor: User, customer: Customer, item: AdjustmentRequest, data: dict[str, Any]
) -> str:
    customer_services.adjustment_request_decline(
        landlord=landlord, actor=actor, customer_id=customer.pk, request_id=item.pk, **data
    )
    return f"Adjustment declined: {Adjustment.Type(data['type']).label}. The customer can see why online"


def _contact_initial(customer: Customer, item: Any) -> dict[str, Any]:
    fields = (
        "name",
        "type",
        "tenancy_reference",
        "address",
        "postcode",
        "email",
        "phone",
        "preferred_channel",
        "letters_by",
    )
    return {name: getattr(customer, name) for name in fields}


def _restriction_types(landlord: Landlord, item: Any) -> dict[str, Any]:
    return {"types": profile_on(landlord, timezone.localdate()).restrictions.types}


ACTIONS: dict[str, Action] = {
    "contact": Action(
        "Change contact details",
        "manage",
        forms.ContactDetailsForm,
        _calling(customer_update_contact, lambda customer: "Contact details saved"),
        initial=_contact_initial,
    ),
    "representative": Action(
        "Add a representative",
        "manage",
        forms.RepresentativeAddForm,
        _calling(
            customer_services.representative_add,
            lambda rep: (
                f"{rep.name} added as a representative; a letter asks the customer for their authority"
            ),
        ),
        intro="A letter asks the customer to confirm their authority. Nothing is disclosed to the representative "
        "until it is given; it never delays a complaint.",
        button="Add representative",
    ),
    "authority": Action(
        "Record their authority",
        "manage",
        forms.AuthorityForm,
        _calling(
            customer_services.representative_set_authority,
            lambda rep: f"Authority for {rep.name}: {rep.get_authority_display().lower()}",
            item_id="representative_id",
        ),
        initial=lambda customer, rep: {
            "authority": rep.authority,
            "evidence": rep.evidence,
            "scope": rep.scope,
        },
    ),
    "adjustment": Action(
        "Record a reasonable adjustment",
        "adjustments",
        forms.AdjustmentForm,
        _calling(
            customer_services.adjustment_record,
            lambda a: f"Adjustment recorded: {a.get_type_display()}; review by {_day(a.review_by)}",
        ),
        intro="The review date comes from the landlord's policy.",
        initial=_today,
        button="Record adjustment",
    ),
    "adjustment_agree": Action(
        "Agree an adjustment asked for",
        "adjustments",
        forms.AdjustmentAgreeForm,
        _agree_asked,
        intro="Agree one at a time; the review date comes from the landlord's policy.",
        initial=_asked_initial,
        form_options=lambda landlord, request: {"asked": request.asked},
        button="Agree adjustment",
    ),
    "adjustment_decline": Action(
        "Decline an adjustment asked for",
        "adjustments",
        forms.AdjustmentDeclineForm,
        _decline_asked,
        intro="Decline one at a time, only where it is not a reasonable adjustment to make. The reason is shown "
        "to the customer with their details online, where the adjustments agreed are shown.",
        initial=lambda customer, request: (
            {"type": next(iter(request.asked))} if len(request.asked) == 1 else {}
        ),
        form_options=lambda landlord, request: {"asked": request.asked},
        button="Decline adjustment",
    ),
    "adjustment_review": Action(
        "Review the adjustment",
        "adjustments",
        forms.AdjustmentReviewForm,
        _calling(
            customer_services.adjustment_review,
            lambda a: f"Adjustment reviewed and kept: next review by {_day(a.review_by)}",
            item_id="adjustment_id",
        ),
        initial=_today,
        intro="Keeping it: the next review runs from this one.",
        button="Keep the adjustment",
    ),
    "adjustment_end": Action(
        "End the adjustment",
        "adjustments",
        forms.AdjustmentEndForm,
        _calling(
            customer_services.adjustment_end,
            lambda a: f"Adjustment ended: {a.get_type_display()}",
            item_id="adjustment_id",
        ),
        initial=_today,
        button="End the adjustment",
    ),
    "disability": Action(
        "Record a disclosed disability",
        "disabilities",
        forms.DisabilityForm,
        _calling(customer_services.disability_record, lambda disclosure: "Disclosure recorded"),
        intro="Special category data: only roles that need it can see it.",
        initial=_today,
        button="Record disclosure",
    ),
    "restriction": Action(
        "Apply a contact restriction",
        "restrictions",
        forms.RestrictionForm,
        _calling(
            customer_services.restriction_apply,
            lambda r: f"Restriction applied; review by {_day(r.review_by)}",
        ),
        intro="A restriction must be proportionate and explained by letter: why, how to contact us meanwhile, how "
        "long, and how to have it reviewed. It never stops a new, different complaint or an emergency repair.",
        initial=_today,
        form_options=_restriction_types,
        button="Apply restriction",
    ),
    "restriction_review": Action(
        "Review the restriction",
        "restrictions",
        forms.RestrictionReviewForm,
        _review_restriction,
        initial=_today,
        intro="A letter tells the customer the outcome.",
        button="Record the review",
    ),
    "restriction_appeal": Action(
        "Record an appeal",
        "restrictions",
        forms.RestrictionAppealForm,
        _calling(
            customer_services.restriction_appeal,
            lambda restriction: "Appeal recorded",
            item_id="restriction_id",
        ),
        initial=lambda customer, r: {
            "requested_on": r.appeal_requested_on or timezone.localdate(),
            "outcome": r.appeal_outcome,
        },
        button="Record the appeal",
    ),
}
