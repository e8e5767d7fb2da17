"""The customer search, the customer record, and a page for each action on the record. Each action page is
a plain form post that calls one customer service and, on success, goes back to the record with a message
(Post/Redirect/Get). The rules, and who may do what, are the services' and putright/customers/selectors.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

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
from putright.backoffice.customers.actions import ACTIONS, Action
from putright.backoffice.intake.fields import DateInputField
from putright.backoffice.intake.forms import CustomerDetailsForm
from putright.backoffice.intake.save import case_url
from putright.cases.models import Case
from putright.customers import selectors
from putright.customers.models import Customer, Restriction
from putright.customers.search import customer_search
from putright.customers.services import customer_create
from putright.domain.errors import DomainError, InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.lifecycle import Kind, Status
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user

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
    on_page = list(page.object_list)
    flags = selectors.customer_flags(landlord, on_page)
    return render(
        request,
        "backoffice/customers/customers.html",
        {
            "landlord": landlord,
            "query": query,
            "page": page,
            "results": [(customer, flags[customer.pk]) for customer in on_page],
            "previous_query": f"?page={page.previous_page_number()}{suffix}" if page.has_previous() else "",
            "next_query": f"?page={page.next_page_number()}{suffix}" if page.has_next() else "",
            "may": selectors.customer_permissions(_user(request), landlord),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def customer_add(request: HttpRequest, slug: str) -> HttpResponse:
    """A customer added outside logging feedback (feedback logged for a new customer adds them itself)."""
    landlord = _landlord(request, slug)
    user = _user(request)
    if not selectors.customer_permissions(user, landlord).manage:
        raise PermissionDenied("Your roles here do not include adding customers")
    if request.method == "POST":
        form = CustomerDetailsForm(request.POST)
        if form.is_valid():
            try:
                customer = customer_create(landlord=landlord, actor=user, **form.cleaned_data)
            except InvalidInputError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(request, f"{customer.name} added")
                return HttpResponseRedirect(record_url(landlord, customer))
    else:
        form = CustomerDetailsForm(initial={"type": Customer.Type.RESIDENT, "preferred_channel": "email"})
    return render(request, "backoffice/customers/customer_add.html", {"landlord": landlord, "form": form})


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
            "adjustment_requests": selectors.customer_adjustment_requests(landlord, record.customer),
            "adjustments_declined": selectors.customer_adjustments_declined(record.customer),
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


def _action_page(
    request: HttpRequest, landlord: Landlord, customer: Customer, action: Action, item: Any
) -> HttpResponse:
    user = _user(request)
    if not getattr(selectors.customer_permissions(user, landlord), action.permission):
        raise PermissionDenied("Your roles here do not allow this")
    options = action.form_options(landlord, item)
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


def _item(landlord: Landlord, customer: Customer, kind: str, item_id: int) -> Any:
    find = {
        "authority": selectors.customer_representative,
        "adjustment_agree": selectors.customer_adjustment_request,
        "adjustment_decline": selectors.customer_adjustment_request,
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
