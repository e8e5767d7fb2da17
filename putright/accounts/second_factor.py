"""Whether a signed-in person still needs a second factor: shared by the staff pages and the API, so
that a session without its code (or an administrator without an authenticator app) can use neither."""

from __future__ import annotations

import enum
from typing import Any

from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import Membership, Role, User


class SecondFactor(enum.Enum):
    """What a signed-in person still has to do before they may use the staff pages."""

    DONE = "done"  # verified with a code, or no code is needed
    ENTER_CODE = "enter-code"  # has an authenticator app set up: must enter a code from it
    SET_UP = "set-up"  # an administrator with no authenticator app: must set one up


def is_verified(user: Any) -> bool:
    """Signed in with a code from a confirmed device in this session (needs django-otp's OTPMiddleware)."""
    check = getattr(user, "is_verified", None)
    return bool(callable(check) and check())


def is_administrator(user: User) -> bool:
    """Holds the administrator role at any landlord, or is a superuser."""
    return user.is_superuser or Membership.objects.filter(user=user, role=Role.ADMINISTRATOR).exists()


def has_authenticator(user: User) -> bool:
    """Has a confirmed authenticator app (TOTP device)."""
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def second_factor(user: User) -> SecondFactor:
    """What `user` (signed in) still has to do; one query unless they are already verified."""
    if is_verified(user):
        return SecondFactor.DONE
    facts = (
        User.objects.filter(pk=user.pk)
        .annotate(
            has_device=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            administrator=Exists(Membership.objects.filter(user=OuterRef("pk"), role=Role.ADMINISTRATOR)),
        )
        .values("has_device", "administrator")
        .first()
    )
    if facts is None:
        return SecondFactor.DONE
    if facts["has_device"]:
        return SecondFactor.ENTER_CODE
    if facts["administrator"] or user.is_superuser:
        return SecondFactor.SET_UP
    return SecondFactor.DONE
