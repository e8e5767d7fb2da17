"""Who may use the staff pages: `staff_required`, for every back-office page that needs a member of staff.

A member of staff is signed in (email and password) and, where a second factor is needed, verified with a
code from their authenticator app in this session (django-otp's `is_verified()`):

- anyone who has set up two-factor authentication must enter a code after their password;
- administrators (the `administrator` role at any landlord, or a superuser) must use two-factor
  authentication: until they have set it up, every staff page sends them to set it up.

Anyone else signed in may use the page. What they may see there is a matter for the page and the
landlord-scoped selectors: this only decides whether the person is properly signed in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse

from putright.accounts.second_factor import (
    SecondFactor,
    second_factor,
)

View = TypeVar("View", bound=Callable[..., HttpResponseBase])  # streaming responses too


def with_next(url_name: str, next_url: str) -> str:
    """The URL of `url_name` carrying `next_url`, to come back to afterwards."""
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def staff_redirect(request: HttpRequest) -> HttpResponse | None:
    """Where to send someone who may not use a staff page yet (None: they may)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    step = second_factor(request.user)
    if step is SecondFactor.ENTER_CODE:
        return HttpResponseRedirect(with_next("backoffice:sign-in-code", request.get_full_path()))
    if step is SecondFactor.SET_UP:
        return HttpResponseRedirect(with_next("backoffice:two-factor-setup", request.get_full_path()))
    return None


def staff_required(view: View) -> View:
    """A view for signed-in staff, verified with a code if they have an authenticator app or administer.

    Anyone else is sent to sign in, to enter a code, or (an administrator with no app) to set one up, and
    comes back to the page afterwards.
    """

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return staff_redirect(request) or view(request, *args, **kwargs)

    return cast(View, guarded)


class StaffRequiredMixin:
    """`staff_required` for class-based views: put it first among the bases."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return staff_redirect(request) or super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
