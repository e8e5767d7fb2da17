"""Administrators signed in with their second factor, as staff_required demands of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import Role, User
from tests.factories import make_staff


def verified(client: Client, user: User) -> Client:
    """Signed in and verified with a code from a confirmed authenticator app in this session."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin(brighter: Any) -> User:
    return make_staff(brighter.landlord, "admin@brighter.test", Role.ADMINISTRATOR)


@pytest.fixture
def as_user(client: Client) -> Callable[[User], Client]:
    return lambda user: verified(client, user)


@pytest.fixture
def admin_client(client: Client, admin: User) -> Client:
    return verified(client, admin)
