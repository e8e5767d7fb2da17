"""The lockout check (django-axes) as PutRight uses it: per email address and IP address, sign-in form only."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class SignInLockoutBackend(AxesStandaloneBackend):  # type: ignore[misc]
    """Refuses a sign-in while its email address and IP address are locked out; signs nobody in itself.

    Axes's own backend raises an error when `authenticate()` is called without a request. Every sign-in a
    person makes comes through the sign-in form, which passes its request; a call without one (a test
    client's `login()`, a management command) is not a sign-in attempt to count, so it is let through to
    the password check.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)  # type: ignore[no-any-return]


def normalise_email(value: object) -> str:
    """Email addresses are stored in lower case (UserManager.create_user), so compare them that way."""
    return str(value or "").strip().lower()


def lockout_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The email address a sign-in attempt was for, as axes counts failures (AXES_USERNAME_CALLABLE).

    The same address in any case and with stray spaces is the same address, so it cannot be used to get
    five more tries.
    """
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or request.POST.get("email")
    return normalise_email(value)
