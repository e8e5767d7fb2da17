"""The customer search, the customer record, and a page for each action on the record. Each action page is
a plain form post that calls one customer service and, on success, goes back to the record with a message
(Post/Redirect/Get). The rules, and who may do what, are the services' and putright/customers/selectors.py's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from putright.accounts.models import User
from putright.backoffice.auth.access import staff_required
from putright.backoffice.customers import forms
from putright.backoffice.intake.fields import DateInputField
from putright.backoffice.intake.save import case_url
from putright.cases.models import Case
from putright.customers import selectors
from putright.customers import services as customer_services
from putright.customers.contact_details import customer_update_contact
from putright.customers.models import Customer, Restriction
from putright.customers.search import customer_search
from putright.domain.errors import DomainError, InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.lifecycle import Kind, Status
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user, profile_on

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # staff_required
    return user


def _landlord(request: HttpRequest, slug: str) -> Landlord:
    """The landlord if the person holds a role there and may see its customers (404, 403 otherwise)."""
    user = _user(request)
    try:
        landlord = landlord_for_user(user, slug)
        selectors.require_customer_view(user, landlord)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None
    except NotPermittedError:
        raise PermissionDenied("Your roles here do not include seeing customers") from None
    return landlord


def _customer(request: HttpRequest, landlord: Landlord, customer_id: int) -> Customer:
    try:
        return selectors.customer_for_staff(_user(request), landlord, customer_id)
    except NotFoundError:
        raise Http404("No such customer") from None


def restriction_label(code: str) -> str:
    """A policy's restriction type in words: "single-channel" is "Single channel"."""
    return code.replace("-", " ").capitalize()


def record_url(landlord: Landlord, customer: Customer) -> str:
    return reverse("backoffice:customer", args=[landlord.slug, customer.pk])


# -- search ------------------------------------------------------------------------------------------------


@staff_required
def customers(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    query = " ".join(request.GET.get("q", "").split())[:200]
    found = (
        customer_search(landlord=landlord, query=query)
        if query
        else Customer.objects.filter(landlord=landlord).order_by("name", "pk")
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    suffix = f"&{urlencode({'q': query})}" if query else ""
    return render(
        request,
        "backoffice/customers/customers.html",
        {
            "landlord": landlord,
            "query": query,
            "page": page,
            "previous_query": f"?page={page.previous_page_number()}{suffix}" if page.has_previous() else "",
            "next_query": f"?page={page.next_page_number()}{suffix}" if page.has_next() else "",
            "may_log": selectors.customer_permissions(_user(request), landlord).log_feedback,
        },
    )


# -- the record ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    case: Case
    url: str
    kind: str
    status: str


@staff_required
def customer(request: HttpRequest, slug: str, customer_id: int) -> HttpResponse:
    landlord = _landlord(request, slug)
    try:
        record = selectors.customer_record(user=_user(request), landlord=landlord, customer_id=customer_id)
    except NotFoundError:
        raise Http404("No such customer") from None
    today = timezone.localdate()
    kinds = {k.value: k.label.capitalize() for k in Kind}
    return render(
        request,
        "backoffice/customers/customer.html",
        {
            "landlord": landlord,
            "record": record,
            "customer": record.customer,
            "may": record.permissions,
            "today": today,
            "restrictions": [(r, restriction_label(r.type)) for r in record.restrictions],
            "active_restrictions": [
                (r, restriction_label(r.type))
                for r in record.restrictions
                if r.status == Restriction.Status.ACTIVE
            ],
            "current_adjustments": [a for a in record.adjustments if a.ended_on is None],
            "cases": [
                CaseRow(
                    case,
                    case_url(landlord, case.reference),
                    kinds.get(case.kind, case.kind),
                    Status(case.status).label.capitalize(),
                )
                for case in record.cases
            ],
        },
    )


# -- the actions ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """One action page: who may take it, its form, and the service call it makes."""

    title: str
    permission: str
    """An attribute of CustomerPermissions: manage, adjustments, restrictions or disabilities."""
    form: Callable[..., django_forms.Form]
    save: Callable[..., str]
    """Called with landlord, actor, customer, the item (or None) and the cleaned data; returns the message."""
    intro: str = ""
    button: str = "Save"
    initial: Callable[[Customer, Any], dict[str, Any]] = lambda customer, item: {}
    form_options: Callable[[Landlord], dict[str, Any]] = lambda landlord: {}


def _action_page(
    request: HttpRequest, landlord: Landlord, customer: Customer, action: Action, item: Any
) -> HttpResponse:
    user = _user(request)
    if not getattr(selectors.customer_permissions(user, landlord), action.permission):
        raise PermissionDenied("Your roles here do not allow this")
    options = action.form_options(landlord)
    if request.method == "POST":
        form = action.form(request.POST, **options)
        if form.is_valid():
            try:
                message = action.save(
                    landlord=landlord, actor=user, customer=customer, item=item, data=form.cleaned_data
                )
            except InvalidInputError as error:
                text = f"{str(error)[:1].upper()}{str(error)[1:]}"
                form.add_error(error.field if error.field in form.fields else None, text)
            except NotPermittedError:
                raise PermissionDenied("Your roles here do not allow this") from None
            except NotFoundError:
                raise Http404("No such record") from None
            except DomainError as error:
                form.add_error(None, f"{str(error)[:1].upper()}{str(error)[1:]}")
            else:
                messages.success(request, message)
                return HttpResponseRedirect(record_url(landlord, customer))
    else:
        form = action.form(initial=action.initial(customer, item), **options)
    return render(
        request,
        "backoffice/customers/action.html",
        {
            "landlord": landlord,
            "customer": customer,
            "action": action,
            "item": item,
            "item_label": restriction_label(item.type) if isinstance(item, Restriction) else "",
            "form": form,
            "fields": [(field, isinstance(field.field, DateInputField)) for field in form],
        },
    )


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


def _save_contact(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    customer_update_contact(landlord=landlord, actor=actor, customer_id=customer.pk, **data)
    return "Contact details saved"


def _add_representative(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    rep = customer_services.representative_add(
        landlord=landlord, actor=actor, customer_id=customer.pk, **data
    )
    return f"{rep.name} added as a representative; a letter asks the customer for their authority"


def _set_authority(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    rep = customer_services.representative_set_authority(
        landlord=landlord, actor=actor, representative_id=item.pk, **data
    )
    return f"Authority for {rep.name}: {rep.get_authority_display().lower()}"


def _record_adjustment(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    adjustment = customer_services.adjustment_record(
        landlord=landlord, actor=actor, customer_id=customer.pk, **data
    )
    return f"Adjustment recorded: {adjustment.get_type_display()}; review by {_day(adjustment.review_by)}"


def _review_adjustment(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    adjustment = customer_services.adjustment_review(
        landlord=landlord, actor=actor, adjustment_id=item.pk, **data
    )
    return f"Adjustment reviewed and kept: next review by {_day(adjustment.review_by)}"


def _end_adjustment(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    adjustment = customer_services.adjustment_end(
        landlord=landlord, actor=actor, adjustment_id=item.pk, **data
    )
    return f"Adjustment ended: {adjustment.get_type_display()}"


def _record_disability(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    customer_services.disability_record(landlord=landlord, actor=actor, customer_id=customer.pk, **data)
    return "Disclosure recorded"


def _apply_restriction(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    restriction = customer_services.restriction_apply(
        landlord=landlord, actor=actor, customer_id=customer.pk, **data
    )
    return f"Restriction applied; review by {_day(restriction.review_by)}"


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


def _appeal_restriction(
    *, landlord: Landlord, actor: User, customer: Customer, item: Any, data: dict[str, Any]
) -> str:
    customer_services.restriction_appeal(landlord=landlord, actor=actor, restriction_id=item.pk, **data)
    return "Appeal recorded"


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


def _restriction_types(landlord: Landlord) -> dict[str, Any]:
    return {"types": profile_on(landlord, timezone.localdate()).restrictions.types}


ACTIONS: dict[str, Action] = {
    "contact": Action(
        "Change contact details", "manage", forms.ContactDetailsForm, _save_contact, initial=_contact_initial
    ),
    "representative": Action(
        "Add a representative",
        "manage",
        forms.RepresentativeAddForm,
        _add_representative,
        intro="A letter asks the customer to confirm their authority. Nothing is disclosed to the representative "
        "until it is given; it never delays a complaint.",
        button="Add representative",
    ),
    "authority": Action(
        "Record their authority",
        "manage",
        forms.AuthorityForm,
        _set_authority,
        initial=lambda customer, rep: {"authority": rep.authority, "evidence": rep.evidence},
    ),
    "adjustment": Action(
        "Record a reasonable adjustment",
        "adjustments",
        forms.AdjustmentForm,
        _record_adjustment,
        intro="The review date comes from the landlord's policy.",
        initial=_today,
        button="Record adjustment",
    ),
    "adjustment_review": Action(
        "Review the adjustment",
        "adjustments",
        forms.AdjustmentReviewForm,
        _review_adjustment,
        initial=_today,
        intro="Keeping it: the next review runs from this one.",
        button="Keep the adjustment",
    ),
    "adjustment_end": Action(
        "End the adjustment",
        "adjustments",
        forms.AdjustmentEndForm,
        _end_adjustment,
        initial=_today,
        button="End the adjustment",
    ),
    "disability": Action(
        "Record a disclosed disability",
        "disabilities",
        forms.DisabilityForm,
        _record_disability,
        intro="Special category data: only roles that need it can see it.",
        initial=_today,
        button="Record disclosure",
    ),
    "restriction": Action(
        "Apply a contact restriction",
        "restrictions",
        forms.RestrictionForm,
        _apply_restriction,
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
        _appeal_restriction,
        initial=lambda customer, r: {
            "requested_on": r.appeal_requested_on or timezone.localdate(),
            "outcome": r.appeal_outcome,
        },
        button="Record the appeal",
    ),
}


def _item(landlord: Landlord, customer: Customer, kind: str, item_id: int) -> Any:
    find = {
        "authority": selectors.customer_representative,
        "adjustment_review": selectors.customer_adjustment,
        "adjustment_end": selectors.customer_adjustment,
        "restriction_review": selectors.customer_restriction,
        "restriction_appeal": selectors.customer_restriction,
    }[kind]
    try:
        return find(landlord, customer, item_id)
    except NotFoundError:
        raise Http404("No such record for this customer") from None


@staff_required
@require_http_methods(["GET", "POST"])
def customer_action(request: HttpRequest, slug: str, customer_id: int, action: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    customer = _customer(request, landlord, customer_id)
    return _action_page(request, landlord, customer, ACTIONS[action], None)


@staff_required
@require_http_methods(["GET", "POST"])
def customer_item_action(
    request: HttpRequest, slug: str, customer_id: int, item_id: int, action: str
) -> HttpResponse:
    landlord = _landlord(request, slug)
    customer = _customer(request, landlord, customer_id)
    return _action_page(
        request, landlord, customer, ACTIONS[action], _item(landlord, customer, action, item_id)
    )
