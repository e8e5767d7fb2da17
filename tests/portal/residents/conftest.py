import pytest
from django.utils import timezone

from putright.portal.residents.session import sign_in
from putright.residents.access import resident_for_email
from tests.residents.conftest import complaint, other_customer, representative  # noqa: F401


@pytest.fixture
def sign_in_as(client):
    """Sign the test client in as whoever holds this address at the landlord (as the emailed link does)."""

    def do(org, email="alex@example.test"):
        from django.http import HttpRequest

        request = HttpRequest()
        request.session = client.session
        sign_in(request, org.landlord, resident_for_email(org.landlord, email, timezone.localdate()))
        request.session.save()
        client.cookies["sessionid"] = request.session.session_key
        return client

    return do
