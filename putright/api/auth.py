"""Session authentication for the API that honours the staff second factor: a session that has not entered
its code, or an administrator's session without an authenticator app, is not signed in as far as the API is
concerned (tokens are unaffected: they are issued to a person or an integration deliberately)."""

# mypy: allow-subclassing-any
from __future__ import annotations

from typing import Any

from drf_spectacular.authentication import SessionScheme
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request

from putright.accounts.second_factor import SecondFactor, second_factor


class VerifiedSessionAuthentication(SessionAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result: tuple[Any, None] | None = super().authenticate(request)
        if result is None or second_factor(result[0]) is not SecondFactor.DONE:
            return None
        return result


class VerifiedSessionScheme(SessionScheme):  # type: ignore[no-untyped-call]
    """Documents the verified session in the OpenAPI schema as the ordinary session cookie."""

    target_class = "putright.api.auth.VerifiedSessionAuthentication"
