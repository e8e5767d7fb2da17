"""The resident's sign-in lives in the session under its own key per landlord, apart from staff sign-in."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from putright.organisations.models import Landlord
from putright.residents.access import Resident


def _key(landlord: Landlord) -> str:
    return f"portal-resident-{landlord.pk}"


def sign_in(request: HttpRequest, landlord: Landlord, resident: Resident) -> None:
    request.session.cycle_key()
    request.session[_key(landlord)] = {
        "email": resident.email,
        "customers": list(resident.customer_ids),
        "representatives": list(resident.representative_ids),
    }


def sign_out(request: HttpRequest, landlord: Landlord) -> None:
    request.session.pop(_key(landlord), None)
    request.session.cycle_key()


def signed_in(request: HttpRequest, landlord: Landlord) -> Resident | None:
    data = request.session.get(_key(landlord))
    if not isinstance(data, dict):
        return None
    return Resident(
        email=str(data["email"]),
        customer_ids=tuple(int(pk) for pk in data["customers"]),
        representative_ids=tuple(int(pk) for pk in data["representatives"]),
    )


View = Callable[..., HttpResponse]


def resident_required(view: View) -> View:
    """The landlord and the signed-in resident, or a redirect to sign in."""

    @wraps(view)
    def wrapped(request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
        landlord = get_object_or_404(Landlord, slug=slug)
        resident = signed_in(request, landlord)
        if resident is None:
            return redirect("portal:sign-in", slug=landlord.slug)
        return view(request, landlord, resident, **kwargs)

    return wrapped
