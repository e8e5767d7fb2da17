"""API test helpers: token clients for any user, and the request bodies the journey reuses.

The landlords (`great`, `brighter`) come from tests/conftest.py and tests/factories.py."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from putright.accounts.models import Role
from tests.factories import make_staff

DEFINITION = [
    {"point": "The kitchen leak was not repaired for six weeks", "outcome_sought": "Repair and compensation"},
    {"point": "Calls were not returned", "outcome_sought": "An apology"},
]


def client_for(user) -> APIClient:
    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def complaint_body(org, received_at="2026-03-31T10:00:00+01:00", **extra):
    return {
        "kind": "complaint",
        "channel": "phone",
        "received_at": received_at,
        "customer": org.customer.pk,
        "summary": "Leak not repaired",
        "description": "The kitchen has leaked since February.",
        **extra,
    }


def cases_url(org, *parts) -> str:
    tail = "".join(f"{p}/" for p in parts)
    return f"/api/v1/landlords/{org.landlord.slug}/cases/{tail}"


@pytest.fixture
def as_user():
    """as_user(user) -> an APIClient carrying that user's token."""
    return client_for


@pytest.fixture
def hms(great):
    """The housing management system's integration user at Great Places."""
    return make_staff(great.landlord, "hms@great.test", Role.INTEGRATION)
