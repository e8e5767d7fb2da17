"""The hourly limit shared by sign-in links and the feedback form: an empty client address or email
address is never counted against anyone (a request without one is not limited by it)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from putright.accounts.rate_limits import hourly_limit_reached
from putright.residents.models import SignInLink


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("client_address", "email", "limited"),
    [("", "", False), ("", "  ", False), ("203.0.113.9", "", True), ("", "Sam@Example.test", True)],
)
def test_an_empty_address_or_email_is_not_counted(client_address, email, limited):
    reached = hourly_limit_reached(
        SignInLink.objects.all(),
        at_field="created_at",
        until=timezone.now(),
        client_address=client_address,
        email=email,
        per_address=0,
        per_email=0,
    )
    assert reached is limited
