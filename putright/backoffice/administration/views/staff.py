"""Staff and roles: who works at the landlord, in which roles, with two-factor or not; adding a person,
giving and taking away roles, setting their line manager, removing a person's access and resetting their
two-factor authentication."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from putright.accounts import selectors, services
from putright.accounts.models import Membership, Role, User
from putright.accounts.second_factor import is_administrator
from putright.backoffice.administration.access import administered
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.administration.forms import LineManagerForm, RoleGrantForm, StaffInviteForm
from putright.backoffice.administration.views.common import page
from putright.backoffice.auth.access import staff_required
from putright.domain.errors import DomainError, NotFoundError
from putright.organisations.models import Landlord

PERSON_EVENTS = 20


def _roles(person: User) -> list[Membership]:
    return list(getattr(person, "roles_here", []))


def _person(landlord: Landlord, person_id: int) -> User:
    try:
        return selectors.staff_member(landlord, person_id)
    except NotFoundError:
        raise Http404("No such member of staff here") from None


def _line_manager(person: User) -> User | None:
    """The person's line manager here (kept the same on each of their roles)."""
    return next((m.line_manager for m in _roles(person) if m.line_manager is not None), None)


def _role_label(role: str) -> str:
    return Role(role).label.lower()


@staff_required
def staff_list(request: HttpRequest, slug: str) -> HttpResponse:
    _, landlord = administered(request, slug)
    staff = list(selectors.staff_at(landlord))
    return page(
        request,
        landlord,
        "staff",
        "staff.html",
        {
            "staff": [(person, _roles(person), _line_manager(person)) for person in staff],
            "former": list(selectors.former_staff_at(landlord)),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def staff_add(request: HttpRequest, slug: str) -> HttpResponse:
    admin, landlord = administered(request, slug)
    form = StaffInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = User.objects.filter(email=data["email"].strip().lower()).exists()
        try:
            person = services.staff_invite(
                landlord=landlord,
                actor=admin,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=data["role"],
                site_url=request.build_absolute_uri("/"),
            )
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            role = _role_label(data["role"])
            messages.success(
                request,
                f"{person} now has the role {role}. We have emailed them to say so."
                if existing
                else f"{person} has been added as {role}. We have emailed them a link to set their password.",
            )
            return redirect("backoffice:admin-person", slug=landlord.slug, person_id=person.pk)
    return page(request, landlord, "staff", "staff_add.html", {"form": form})


def _person_page(
    request: HttpRequest,
    landlord: Landlord,
    person: User,
    *,
    grant_form: RoleGrantForm | None = None,
    problem: forms.Form | None = None,
) -> HttpResponse:
    roles = _roles(person)
    held = {membership.role for membership in roles}
    return page(
        request,
        landlord,
        "staff",
        "person.html",
        {
            "person": person,
            "roles": roles,
            "line_manager": _line_manager(person),
            "grant_form": grant_form or RoleGrantForm(held=held),
            "problem": problem,
            "is_self": person.pk == request.user.pk,
            "events": list(selectors.administration_events(landlord, person=person)[:PERSON_EVENTS]),
        },
    )


@staff_required
def person_detail(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    _, landlord = administered(request, slug)
    return _person_page(request, landlord, _person(landlord, person_id))


@staff_required
@require_POST
def role_grant(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    admin, landlord = administered(request, slug)
    person = _person(landlord, person_id)
    form = RoleGrantForm(request.POST, held={membership.role for membership in _roles(person)})
    if form.is_valid():
        role = form.cleaned_data["role"]
        try:
            services.membership_grant(landlord=landlord, actor=admin, person=person, role=role)
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, f"{person} now has the role {_role_label(role)}")
            return redirect("backoffice:admin-person", slug=landlord.slug, person_id=person.pk)
    return _person_page(request, landlord, person, grant_form=form)


@staff_required
@require_http_methods(["GET", "POST"])
def line_manager(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    admin, landlord = administered(request, slug)
    person = _person(landlord, person_id)
    if not _roles(person):
        raise Http404("They have no access here")
    current = _line_manager(person)
    form = LineManagerForm(
        request.POST or None,
        initial={"line_manager": str(current.pk) if current else ""},
        person=str(person),
        people=[(str(u.pk), str(u)) for u in selectors.possible_line_managers(landlord, person)],
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["line_manager"]
        manager = User.objects.get(pk=int(chosen)) if chosen else None
        try:
            services.line_manager_set(landlord=landlord, actor=admin, person=person, line_manager=manager)
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            messages.success(
                request,
                f"{manager} is now {person}'s line manager"
                if manager
                else f"{person} has no line manager now: compliments for them go to them alone",
            )
            return redirect("backoffice:admin-person", slug=landlord.slug, person_id=person.pk)
    return page(request, landlord, "staff", "line_manager.html", {"person": person, "form": form})


class RoleRevokeForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices, error_messages={"required": "Choose a role to remove"})


@staff_required
@require_POST
def role_revoke(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    admin, landlord = administered(request, slug)
    person = _person(landlord, person_id)
    form = RoleRevokeForm(request.POST)
    if form.is_valid():
        role = form.cleaned_data["role"]
        try:
            services.membership_revoke(landlord=landlord, actor=admin, person=person, role=role)
        except DomainError as error:
            refusal_on_form(form, error, field_map={"role": "__all__"})
        else:
            messages.success(request, f"{person} no longer has the role {_role_label(role)}")
            return redirect("backoffice:admin-person", slug=landlord.slug, person_id=person.pk)
    return _person_page(request, landlord, person, problem=form)


@staff_required
@require_http_methods(["GET", "POST"])
def access_remove(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    admin, landlord = administered(request, slug)
    person = _person(landlord, person_id)
    if not _roles(person):
        raise Http404("They have no access here")
    form = forms.Form(request.POST or None)
    if request.method == "POST":
        try:
            services.staff_access_remove(landlord=landlord, actor=admin, person=person)
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, f"{person} can no longer reach anything at {landlord.name}")
            return redirect("backoffice:admin-staff", slug=landlord.slug)
    return page(
        request,
        landlord,
        "staff",
        "confirm_access_remove.html",
        {"person": person, "roles": _roles(person), "form": form},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def two_factor_reset(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    admin, landlord = administered(request, slug)
    person = _person(landlord, person_id)
    if not _roles(person) or not getattr(person, "has_two_factor", False):
        raise Http404("They have no two-factor authentication to reset here")
    form = forms.Form(request.POST or None)
    if request.method == "POST":
        try:
            services.second_factor_reset(landlord=landlord, actor=admin, person=person)
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            messages.success(
                request,
                f"{person}'s two-factor authentication has been reset. "
                + (
                    "As an administrator, they must set up an authenticator app again when they next sign in."
                    if is_administrator(person)
                    else "They can set up an authenticator app again from their account page."
                ),
            )
            return redirect("backoffice:admin-person", slug=landlord.slug, person_id=person.pk)
    return page(request, landlord, "staff", "confirm_two_factor_reset.html", {"person": person, "form": form})


@staff_required
@require_POST
def invitation_resend(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    admin, landlord = administered(request, slug)
    person = _person(landlord, person_id)
    form = forms.Form(request.POST)
    try:
        services.staff_invitation_resend(
            landlord=landlord, actor=admin, person=person, site_url=request.build_absolute_uri("/")
        )
    except DomainError as error:
        refusal_on_form(form, error)
        return _person_page(request, landlord, person, problem=form)
    messages.success(request, f"We have emailed {person} a new link to set their password")
    return redirect("backoffice:admin-person", slug=landlord.slug, person_id=person.pk)
