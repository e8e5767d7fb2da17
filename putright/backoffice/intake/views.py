"""Logging feedback from any channel: a few question pages, then a check of the answers with any warnings,
then one save through the services. Works without JavaScript: every step is a plain form post, and the
answers so far are kept in the session (per landlord) until the feedback is logged or the person starts
again."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.auth.access import staff_required
from putright.backoffice.intake import forms
from putright.backoffice.intake.answers import STEPS, Answers, plain
from putright.backoffice.intake.save import case_url, save_answers, success_message
from putright.backoffice.intake.summary import STEP_URLS, summary_rows
from putright.cases.access import may_see
from putright.cases.intake_warnings import (
    IntakeWarning,
    intake_warnings,
    new_customer_warnings,
    no_contact_closures,
)
from putright.cases.models import Case
from putright.cases.worklists import case_list_choices
from putright.customers.models import Channel, Customer, Representative
from putright.customers.search import customer_search
from putright.customers.selectors import CustomerFlags, current_adjustments, customer_flags
from putright.domain.errors import DomainError, NotFoundError
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user

SEARCH_LIMIT = 20


# -- the person, the landlord and the answers so far -----------------------------------------------------


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # staff_required
    return user


def _landlord(request: HttpRequest, slug: str) -> Landlord:
    """The landlord, if the person may log feedback there: 404 if they hold no role there, 403 if their
    roles do not allow logging."""
    user = _user(request)
    try:
        landlord = landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None
    if not can(user, landlord, "case.log"):
        raise PermissionDenied("Your roles here do not include logging feedback")
    return landlord


def _first_missing(answers: Answers, step: str) -> HttpResponse | None:
    """Sends the person back to the first earlier question not yet answered."""
    for earlier in STEPS[: STEPS.index(step)]:
        if not answers.done(earlier):
            return None if earlier == step else _go(answers, earlier)
    return None


def _go(answers: Answers, step: str) -> HttpResponse:
    slug = answers.key.removeprefix("intake:")
    return HttpResponseRedirect(reverse(STEP_URLS[step], args=[slug]))


def _next(answers: Answers, step: str) -> HttpResponse:
    """The next unanswered question, or the check page when going back to change one answer."""
    slug = answers.key.removeprefix("intake:")
    if all(answers.done(s) for s in STEPS):
        return HttpResponseRedirect(reverse("backoffice:log-feedback-check", args=[slug]))
    return _go(answers, STEPS[STEPS.index(step) + 1])


def _customer_name(landlord: Landlord, answers: Answers) -> str:
    customer = answers.customer(landlord)
    return customer.name if customer else str((answers.get("new_customer") or {}).get("name", ""))


def _context(landlord: Landlord, answers: Answers, **extra: Any) -> dict[str, Any]:
    return {
        "landlord": landlord,
        "customer_name": _customer_name(landlord, answers),
        "checking": all(answers.done(s) for s in STEPS),
        **extra,
    }


def _flagged(landlord: Landlord, customers: list[Customer]) -> list[tuple[Customer, CustomerFlags]]:
    flags = customer_flags(landlord, customers)
    return [(customer, flags[customer.pk]) for customer in customers]


# -- 1. the customer --------------------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "POST"])
def find_customer(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    user = _user(request)
    answers = Answers(request.session, landlord)
    if request.method == "POST":
        if "start_again" in request.POST:
            answers.clear()
            return HttpResponseRedirect(reverse("backoffice:log-feedback", args=[slug]))
        try:
            customer_id = int(request.POST.get("customer", ""))
        except ValueError:
            raise Http404("No such customer") from None
        customer = Customer.objects.filter(landlord=landlord, pk=customer_id).first()
        if customer is None:
            raise Http404("No such customer")
        if customer.pk != answers.get("customer_id"):
            answers.data.pop("representative", None)  # the representative was for the other customer
        answers.set(customer_id=customer.pk, new_customer=None)
        return _next(answers, "customer")
    form = forms.CustomerSearchForm(request.GET or None)
    results: list[Customer] | None = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        results = list(customer_search(landlord=landlord, query=form.cleaned_data["q"])[: SEARCH_LIMIT + 1])
    return render(
        request,
        "backoffice/intake/find_customer.html",
        _context(
            landlord,
            answers,
            form=form,
            results=_flagged(landlord, results[:SEARCH_LIMIT]) if results is not None else None,
            more=results is not None and len(results) > SEARCH_LIMIT,
            chosen=answers.customer(landlord),
            may_add=can(user, landlord, "customer.manage"),
            started=bool(answers.data),
        ),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def new_customer(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    if not can(_user(request), landlord, "customer.manage"):
        raise PermissionDenied("Your roles here do not include adding customers")
    answers = Answers(request.session, landlord)
    if request.method == "POST":
        form = forms.CustomerDetailsForm(request.POST)
        if form.is_valid():
            if answers.get("customer_id"):
                answers.data.pop("representative", None)
            answers.set(customer_id=None, new_customer=plain(form.cleaned_data))
            return _next(answers, "customer")
    else:
        form = forms.CustomerDetailsForm(
            initial=answers.get("new_customer")
            or {"type": Customer.Type.RESIDENT, "preferred_channel": Channel.EMAIL}
        )
    return render(request, "backoffice/intake/new_customer.html", _context(landlord, answers, form=form))


# -- 2. who is acting for them ---------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "POST"])
def representative(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    answers = Answers(request.session, landlord)
    if redirect := _first_missing(answers, "representative"):
        return redirect
    customer = answers.customer(landlord)
    existing = (
        list(Representative.objects.filter(landlord=landlord, customer=customer).order_by("created_at", "pk"))
        if customer
        else []
    )
    may_add = can(_user(request), landlord, "customer.manage")
    if request.method == "POST":
        form = forms.RepresentativeForm(request.POST, representatives=existing, may_add=may_add)
        if form.is_valid():
            data = form.cleaned_data
            answers.set(
                representative=data["acting"],
                new_representative={
                    "name": data["rep_name"],
                    "relationship": data["rep_relationship"],
                    "basis": data["rep_basis"],
                    "email": data["rep_email"],
                    "phone": data["rep_phone"],
                }
                if data["acting"] == forms.NEW
                else None,
            )
            return _next(answers, "representative")
    else:
        new = answers.get("new_representative") or {}
        form = forms.RepresentativeForm(
            initial={"acting": answers.get("representative") or forms.NOBODY}
            | {f"rep_{name}": value for name, value in new.items()},
            representatives=existing,
            may_add=may_add,
        )
    return render(
        request,
        "backoffice/intake/representative.html",
        _context(landlord, answers, form=form, bases=Representative.Basis.choices),
    )


# -- 3. what kind of feedback ----------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "POST"])
def kind(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    answers = Answers(request.session, landlord)
    if redirect := _first_missing(answers, "kind"):
        return redirect
    if request.method == "POST":
        form = forms.KindForm(request.POST)
        if form.is_valid():
            answers.set(kind=form.cleaned_data["kind"], choice=form.cleaned_data["choice"])
            return _next(answers, "kind")
    else:
        form = forms.KindForm(
            initial={"kind": answers.get("kind"), "choice": answers.get("choice") or forms.CHOICE_NONE}
        )
    kinds = [(option, forms.KIND_HINTS[str(option.data["value"])]) for option in form["kind"]]
    return render(request, "backoffice/intake/kind.html", _context(landlord, answers, form=form, kinds=kinds))


# -- 4. the details --------------------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "POST"])
def details(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    user = _user(request)
    answers = Answers(request.session, landlord)
    if redirect := _first_missing(answers, "details"):
        return redirect
    if request.method == "POST":
        form = forms.DetailsForm(request.POST)
        if form.is_valid():
            answers.set(details=plain(form.cleaned_data))
            return _next(answers, "details")
    else:
        now = timezone.localtime()
        customer = answers.customer(landlord)
        form = forms.DetailsForm(
            initial=answers.get("details")
            or {
                "received_on": now.date(),
                "received_time": now.strftime("%H:%M"),
                "channel": customer.preferred_channel if customer else Channel.PHONE,
            }
        )
    choices = case_list_choices(landlord=landlord, user=user)
    return render(
        request,
        "backoffice/intake/details.html",
        _context(
            landlord,
            answers,
            form=form,
            kind_label=dict(forms.KIND_CHOICES).get(answers.get("kind"), ""),
            suggestions=[
                ("service-areas", choices.service_areas),
                ("categories", choices.categories),
                ("contractors", choices.contractors),
            ],
        ),
    )


# -- 5. check and log ------------------------------------------------------------------------------------


def _warnings(request: HttpRequest, landlord: Landlord, answers: Answers) -> list[IntakeWarning]:
    d = answers.get("details") or {}
    customer = answers.customer(landlord)
    if customer is None:
        new = answers.get("new_customer") or {}
        return new_customer_warnings(
            landlord=landlord,
            name=new.get("name", ""),
            postcode=new.get("postcode", ""),
            email=new.get("email", ""),
            phone=new.get("phone", ""),
        )
    return intake_warnings(
        landlord=landlord,
        viewer=_user(request),
        customer=customer,
        kind=Kind(answers.get("kind")),
        category=d.get("category", ""),
        service_area=d.get("service_area", ""),
        summary=d.get("summary", ""),
    )


def _closed_for_no_contact(request: HttpRequest, landlord: Landlord, answers: Answers) -> list[Case]:
    """Complaints closed for no contact that a new complaint from this customer may be the reply to."""
    customer = answers.customer(landlord)
    if customer is None or answers.get("kind") != Kind.COMPLAINT.value:
        return []
    return no_contact_closures(landlord=landlord, viewer=_user(request), customer=customer)


def _links(landlord: Landlord, warning: IntakeWarning) -> list[tuple[str, str]]:
    return [(reference, case_url(landlord, reference)) for reference in warning.references] + [
        (name, reverse("backoffice:customer", args=[landlord.slug, pk])) for pk, name in warning.customers
    ]


@staff_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    answers = Answers(request.session, landlord)
    for step in STEPS:
        if not answers.done(step):
            return _go(answers, step)
    warnings = _warnings(request, landlord, answers)
    customer = answers.customer(landlord)
    closed = _closed_for_no_contact(request, landlord, answers)
    offered = [
        (c.reference, f"{c.reference}, closed on {timezone.localdate(c.closed_at):%-d %B %Y}") for c in closed
    ]
    problem = ""
    if request.method == "POST":
        form = forms.CheckForm(request.POST, warned=bool(warnings), closed=offered)
        if form.is_valid():
            chosen = form.cleaned_data.get("linked_case")
            try:
                case, raised = save_answers(
                    _user(request),
                    landlord,
                    answers,
                    linked_case=next((c for c in closed if c.reference == chosen), None),
                )
            except DomainError as error:  # the rules have the last word; nothing was saved
                problem = f"{str(error)[:1].upper()}{str(error)[1:]}"
            else:
                answers.clear()
                logged = raised or case
                if may_see(_user(request), logged):
                    messages.success(request, success_message(case, raised))
                    return HttpResponseRedirect(case_url(landlord, logged.reference))
                messages.success(
                    request,
                    f"{success_message(case, raised)} It is about a colleague, so only the feedback team and the "
                    "manager who handles it can open it.",
                )
                return HttpResponseRedirect(reverse("backoffice:log-feedback", args=[slug]))
    else:
        form = forms.CheckForm(warned=bool(warnings), closed=offered)
    return render(
        request,
        "backoffice/intake/check.html",
        _context(
            landlord,
            answers,
            form=form,
            sections=summary_rows(landlord, answers),
            warnings=[(warning, _links(landlord, warning)) for warning in warnings],
            adjustments=current_adjustments(landlord, customer) if customer else [],
            problem=problem,
        ),
    )
