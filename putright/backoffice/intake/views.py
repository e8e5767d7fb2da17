"""Logging feedback from any channel: a few question pages, then a check of the answers with any warnings,
then one save through the services. Works without JavaScript: every step is a plain form post, and the
answers so far are kept in the session (per landlord) until the feedback is logged or the person starts
again."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.auth.access import staff_required
from putright.backoffice.intake import forms
from putright.cases.intake_warnings import intake_warnings
from putright.cases.models import Case
from putright.cases.services import complaint_choice_record, feedback_log
from putright.cases.worklists import case_list_choices
from putright.customers import services as customer_services
from putright.customers.models import Channel, Customer, Representative
from putright.customers.search import customer_search
from putright.domain.errors import DomainError, InvalidInputError, NotFoundError
from putright.domain.hazards import hazard_rules
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user

SEARCH_LIMIT = 20
STEPS = ("customer", "representative", "kind", "details")
STEP_URLS = {
    "customer": "backoffice:log-feedback",
    "representative": "backoffice:log-feedback-representative",
    "kind": "backoffice:log-feedback-kind",
    "details": "backoffice:log-feedback-details",
}


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


class Answers:
    """The answers so far, in the session under the landlord's slug (JSON: dates as ISO strings)."""

    def __init__(self, request: HttpRequest, landlord: Landlord) -> None:
        self.session = request.session
        self.key = f"intake:{landlord.slug}"
        self.data: dict[str, Any] = dict(self.session.get(self.key) or {})

    def get(self, name: str) -> Any:
        return self.data.get(name)

    def set(self, **values: Any) -> None:
        self.data.update(values)
        self.data.setdefault("key", uuid.uuid4().hex)
        self.session[self.key] = self.data

    def clear(self) -> None:
        self.session.pop(self.key, None)
        self.data = {}

    def done(self, step: str) -> bool:
        if step == "customer":
            return bool(self.data.get("customer_id") or self.data.get("new_customer"))
        return step in self.data


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, date | time):
            return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
        return value

    return {name: plain(value) for name, value in values.items()}


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


def _customer(landlord: Landlord, answers: Answers) -> Customer | None:
    customer_id = answers.get("customer_id")
    if not customer_id:
        return None
    customer = Customer.objects.filter(landlord=landlord, pk=customer_id).first()
    if customer is None:  # cannot happen through these pages: the id was checked when chosen
        raise Http404("No such customer")
    return customer


def _customer_name(landlord: Landlord, answers: Answers) -> str:
    customer = _customer(landlord, answers)
    return customer.name if customer else str((answers.get("new_customer") or {}).get("name", ""))


def _context(landlord: Landlord, answers: Answers, **extra: Any) -> dict[str, Any]:
    return {
        "landlord": landlord,
        "customer_name": _customer_name(landlord, answers),
        "checking": all(answers.done(s) for s in STEPS),
        **extra,
    }


# -- 1. the customer --------------------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "POST"])
def find_customer(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    user = _user(request)
    answers = Answers(request, landlord)
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
            results=results[:SEARCH_LIMIT] if results is not None else None,
            more=results is not None and len(results) > SEARCH_LIMIT,
            chosen=_customer(landlord, answers),
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
    answers = Answers(request, landlord)
    if request.method == "POST":
        form = forms.CustomerDetailsForm(request.POST)
        if form.is_valid():
            if answers.get("customer_id"):
                answers.data.pop("representative", None)
            answers.set(customer_id=None, new_customer=_plain(form.cleaned_data))
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
    answers = Answers(request, landlord)
    if redirect := _first_missing(answers, "representative"):
        return redirect
    customer = _customer(landlord, answers)
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
    answers = Answers(request, landlord)
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
    answers = Answers(request, landlord)
    if redirect := _first_missing(answers, "details"):
        return redirect
    if request.method == "POST":
        form = forms.DetailsForm(request.POST)
        if form.is_valid():
            answers.set(details=_plain(form.cleaned_data))
            return _next(answers, "details")
    else:
        now = timezone.localtime()
        customer = _customer(landlord, answers)
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


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    change_url: str
    change_label: str


def _received_at(details: dict[str, Any]) -> datetime:
    return datetime.combine(
        date.fromisoformat(details["received_on"]),
        time.fromisoformat(details["received_time"]),
        tzinfo=timezone.get_current_timezone(),
    )


def _day(value: str | None) -> str:
    if not value:
        return ""
    day = date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def _rows(landlord: Landlord, answers: Answers) -> dict[str, list[Row]]:
    slug = landlord.slug
    url = {step: reverse(name, args=[slug]) for step, name in STEP_URLS.items()}
    customer = _customer(landlord, answers)
    new = answers.get("new_customer") or {}
    if customer:
        who = [
            Row(
                "Customer",
                f"{customer.name}\n{customer.get_type_display()}"
                + (f"\nReference {customer.tenancy_reference}" if customer.tenancy_reference else "")
                + (f"\n{customer.address}" if customer.address else "")
                + (f"\n{customer.postcode}" if customer.postcode else ""),
                url["customer"],
                "customer",
            ),
        ]
    else:
        types, channels = dict(Customer.Type.choices), dict(Channel.choices)
        contact = "\n".join(
            v for v in (new.get("address"), new.get("postcode"), new.get("email"), new.get("phone")) if v
        )
        who = [
            Row(
                "Customer (new)",
                f"{new.get('name')}\n{types.get(new.get('type', ''), '')}",
                reverse("backoffice:log-feedback-new-customer", args=[slug]),
                "customer",
            ),
            Row(
                "Property or tenancy reference",
                new.get("tenancy_reference") or "Not given",
                reverse("backoffice:log-feedback-new-customer", args=[slug]),
                "reference",
            ),
            Row(
                "Contact details",
                contact or "None given",
                reverse("backoffice:log-feedback-new-customer", args=[slug]),
                "contact details",
            ),
            Row(
                "Preferred channel",
                channels.get(new.get("preferred_channel", ""), ""),
                reverse("backoffice:log-feedback-new-customer", args=[slug]),
                "preferred channel",
            ),
        ]
    acting = answers.get("representative")
    if acting == forms.NEW:
        rep = answers.get("new_representative") or {}
        basis = dict(Representative.Basis.choices).get(rep.get("basis", ""), "")
        on_behalf = (
            f"{rep.get('name')} ({rep.get('relationship')}), new: {basis}. Authority will be requested."
        )
    elif acting and acting != forms.NOBODY:
        existing = Representative.objects.filter(landlord=landlord, customer=customer, pk=int(acting)).first()
        on_behalf = (
            f"{existing.name} ({existing.relationship}; {existing.get_authority_display().lower()})"
            if existing
            else ""
        )
    else:
        on_behalf = "No one: the customer themselves"
    who.append(Row("On behalf of the customer", on_behalf, url["representative"], "who is acting"))
    kind_rows = [Row("Kind", dict(forms.KIND_CHOICES).get(answers.get("kind"), ""), url["kind"], "kind")]
    if answers.get("kind") in forms.CHOICE_KINDS:
        kind_rows.append(
            Row(
                "Choice to complain (Code 1.3)",
                dict(forms.CHOICE_CHOICES).get(answers.get("choice"), ""),
                url["kind"],
                "choice to complain",
            )
        )
    d = answers.get("details") or {}
    received = _received_at(d)
    hazards = {h.kind: h.label for h in hazard_rules().hazards}
    yes = "Yes"
    detail_rows = [
        ("How it reached us", dict(Channel.choices).get(d.get("channel", ""), ""), "how it reached us"),
        (
            "Received",
            f"{received.day} {received:%B %Y} at {received:%H:%M}"
            + (f" by {d['received_by']}" if d.get("received_by") else ""),
            "when it was received",
        ),
        ("Summary", d.get("summary", ""), "summary"),
        ("What the customer told us", d.get("description", ""), "what the customer told us"),
        ("Service area", d.get("service_area") or "Not given", "service area"),
        ("Category", d.get("category") or "Not given", "category"),
        ("Contractor", d.get("contractor") or "None", "contractor"),
        ("Colleagues named", d.get("colleagues_named") or "None", "colleagues named"),
        ("About a colleague", yes if d.get("about_colleague") else "No", "about a colleague"),
        ("Date the issue happened", _day(d.get("issue_date")) or "Not given", "date of the issue"),
        (
            "Date the customer became aware",
            _day(d.get("aware_date")) or "Not given",
            "date the customer became aware",
        ),
        (
            "Vulnerability or risk",
            (f"Yes: {d.get('vulnerability_note')}" if d.get("vulnerability_note") else yes)
            if d.get("vulnerability")
            else "No",
            "vulnerability",
        ),
        ("Hazard (Awaab's Law)", hazards.get(d.get("hazard_kind") or "", "None reported"), "hazard"),
    ]
    return {
        "Customer": who,
        "Feedback": kind_rows + [Row(k, v, url["details"], label) for k, v, label in detail_rows],
    }


def _warnings(request: HttpRequest, landlord: Landlord, answers: Answers) -> list[Any]:
    d = answers.get("details") or {}
    return intake_warnings(
        landlord=landlord,
        viewer=_user(request),
        customer=_customer(landlord, answers),
        kind=Kind(answers.get("kind")),
        category=d.get("category", ""),
        service_area=d.get("service_area", ""),
        summary=d.get("summary", ""),
    )


def case_url(landlord: Landlord, reference: str) -> str:
    """The case page once it exists; the case list until then."""
    try:
        return reverse("backoffice:case", args=[landlord.slug, reference])
    except NoReverseMatch:
        return f"{reverse('backoffice:case-list', args=[landlord.slug])}?q={reference}"


def _save(request: HttpRequest, landlord: Landlord, answers: Answers) -> tuple[Case, Case | None]:
    """Adds the new customer and representative, if any, logs the feedback and records the choice to
    complain, all or nothing. Returns the case logged and the complaint the choice raised, if any."""
    user = _user(request)
    d = answers.get("details") or {}
    with transaction.atomic():
        customer = _customer(landlord, answers)
        if customer is None:
            customer = customer_services.customer_create(
                landlord=landlord, actor=user, **answers.get("new_customer")
            )
        acting = answers.get("representative")
        representative: Representative | None = None
        if acting == forms.NEW:
            rep = answers.get("new_representative") or {}
            representative = customer_services.representative_add(
                landlord=landlord, actor=user, customer_id=customer.pk, **rep
            )
        elif acting and acting != forms.NOBODY:
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
            received_at=_received_at(d),
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
            idempotency_key=f"backoffice-intake-{answers.get('key')}",
        )
        choice = answers.get("choice")
        raised = None
        if (
            case.kind in forms.CHOICE_KINDS
            and choice
            and choice != forms.CHOICE_NONE
            and not case.complaint_choice
        ):
            result = complaint_choice_record(landlord=landlord, actor=user, case_id=case.pk, choice=choice)
            raised = result if result.pk != case.pk else None
    return case, raised


def _message(case: Case, raised: Case | None) -> str:
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


@staff_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(request, slug)
    answers = Answers(request, landlord)
    for step in STEPS:
        if not answers.done(step):
            return _go(answers, step)
    warnings = _warnings(request, landlord, answers)
    problem = ""
    if request.method == "POST":
        form = forms.CheckForm(request.POST, warned=bool(warnings))
        if form.is_valid():
            try:
                case, raised = _save(request, landlord, answers)
            except DomainError as error:  # the rules have the last word; nothing was saved
                problem = f"{str(error)[:1].upper()}{str(error)[1:]}"
            else:
                answers.clear()
                messages.success(request, _message(case, raised))
                return HttpResponseRedirect(case_url(landlord, (raised or case).reference))
    else:
        form = forms.CheckForm(warned=bool(warnings))
    return render(
        request,
        "backoffice/intake/check.html",
        _context(
            landlord,
            answers,
            form=form,
            sections=_rows(landlord, answers),
            warnings=[(w, [(ref, case_url(landlord, ref)) for ref in w.references]) for w in warnings],
            problem=problem,
        ),
    )
