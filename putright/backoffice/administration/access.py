"""Who reaches landlord administration: a member of staff (signed in, with two-factor: `staff_required`
sends an administrator without an authenticator app to set one up) holding the administrator role at this
landlord. Staff of the landlord without it get 403; anyone else 404, as for a landlord that does not exist."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.domain.errors import NotFoundError
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user


def administered(request: HttpRequest, slug: str) -> tuple[User, Landlord]:
    """The signed-in administrator and the landlord they administer at `slug`."""
    user = request.user
    assert isinstance(user, User)  # staff_required ran first
    try:
        landlord = landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None
    if not can(user, landlord, "landlord.administer"):
        raise PermissionDenied(f"Only administrators at {landlord.name} may change its settings")
    return user, landlord
