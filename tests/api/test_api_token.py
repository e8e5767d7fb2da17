"""`python manage.py api_token EMAIL` creates or shows a user's token; the token then works."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from putright.accounts.models import User


def token_for(*args):
    out = StringIO()
    call_command("api_token", *args, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_creates_then_shows_the_same_token_and_rotates(great, hms):
    key = token_for("HMS@great.test")
    assert len(key) == 40
    assert token_for("hms@great.test") == key
    rotated = token_for("hms@great.test", "--rotate")
    assert rotated != key

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {rotated}")
    assert client.get("/api/v1/landlords/great/cases/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/landlords/great/cases/").status_code == 401


def test_refuses_unknown_inactive_and_roleless_users(great):
    with pytest.raises(CommandError, match="no user"):
        token_for("nobody@great.test")
    great.board.is_active = False
    great.board.save()
    with pytest.raises(CommandError, match="not active"):
        token_for("board@great.test")
    User.objects.create_user("drifter@example.test", "pw")
    with pytest.raises(CommandError, match="no role"):
        token_for("drifter@example.test")
