"""Who may open the Ombudsman pages: a landlord the person holds no role at is not found; a role that may
not use the page is refused (403)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.domain.errors import NotFoundError
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user


def signed_in(request: HttpRequest, slug: str) -> tuple[User, Landlord]:
    """The person (staff_required ran first) and the landlord of theirs named in the address."""
    user = request.user
    assert isinstance(user, User)
    try:
        return user, landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None


def staff_at(request: HttpRequest, slug: str, action: str) -> tuple[User, Landlord]:
    """As `signed_in`, refused unless the person's role there includes `action`."""
    user, landlord = signed_in(request, slug)
    if not can(user, landlord, action):
        raise PermissionDenied(f"Your role at {landlord.name} does not include this page")
    return user, landlord
