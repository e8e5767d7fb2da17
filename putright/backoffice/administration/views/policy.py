"""The policy profile in force: its version, the adoption history, how it measures up to the Code
provision by provision, and adopting another profile from a date."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from putright.accounts.selectors import administration_events
from putright.backoffice.administration.access import administered
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.administration.forms import PolicyAdoptForm
from putright.backoffice.administration.views.common import page
from putright.backoffice.auth.access import staff_required
from putright.domain.code_check import CODE_NAME, PROVISIONS, check_profile
from putright.domain.errors import DomainError, InvalidInputError, UnknownPolicyError
from putright.domain.profiles import Profile, default_registry
from putright.organisations.models import Landlord
from putright.organisations.selectors import profile_on
from putright.organisations.services import policy_adopt


@dataclass(frozen=True)
class ProvisionResult:
    number: str
    requirement: str
    shortfall: str | None
    """Why the profile falls short of the provision, or None where it meets it."""


def code_check_by_provision(profile: Profile) -> list[ProvisionResult]:
    """Every provision the Code check covers, met or not (check_profile lists only the shortfalls)."""
    short = {(s.provision, s.requirement): s.why for s in check_profile(profile)}
    return [
        ProvisionResult(p.number, p.requirement, short.get((p.number, p.requirement))) for p in PROVISIONS
    ]


def _policies() -> list[tuple[str, str]]:
    registry = default_registry()
    return [(name, f"{registry.latest(name).title} ({name})") for name in registry.names()]


def _render(request: HttpRequest, landlord: Landlord, form: PolicyAdoptForm) -> HttpResponse:
    try:
        profile: Profile | None = profile_on(landlord, timezone.localdate())
    except UnknownPolicyError:
        profile = None
    adopters = {
        event.after.get("adopted_from"): event
        for event in administration_events(landlord, kinds=("policy.adopted",))
    }
    history = [
        (adoption, adopters.get(adoption.adopted_from.isoformat()))
        for adoption in landlord.policies.order_by("-adopted_from")
    ]
    results = code_check_by_provision(profile) if profile else []
    return page(
        request,
        landlord,
        "policy",
        "policy.html",
        {
            "profile": profile,
            "history": history,
            "results": results,
            "shortfalls": sum(1 for r in results if r.shortfall),
            "code_name": CODE_NAME,
            "form": form,
            "today": timezone.localdate(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def policy(request: HttpRequest, slug: str) -> HttpResponse:
    admin, landlord = administered(request, slug)
    form = PolicyAdoptForm(request.POST or None, policies=_policies())
    if request.method == "POST" and form.is_valid():
        name, adopted_from = form.cleaned_data["policy_name"], form.cleaned_data["adopted_from"]
        try:
            _, shortfalls = policy_adopt(
                landlord=landlord, actor=admin, policy_name=name, adopted_from=adopted_from
            )
        except UnknownPolicyError as error:
            refusal_on_form(form, InvalidInputError("adopted_from", str(error)))
        except DomainError as error:
            refusal_on_form(form, error, field_map={"policy": "policy_name"})
        else:
            provisions = sorted({shortfall.split(":")[0] for shortfall in shortfalls})
            verdict = (
                f"It falls short of the {CODE_NAME} on provision"
                f"{'' if len(provisions) == 1 else 's'} {', '.join(provisions)}."
                if shortfalls
                else f"It meets the {CODE_NAME}."
            )
            messages.success(
                request, f"{name} adopted from {adopted_from.day} {adopted_from:%B %Y}. {verdict}"
            )
            return redirect("backoffice:admin-policy", slug=landlord.slug)
    return _render(request, landlord, form)
