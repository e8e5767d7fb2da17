"""Create, or show, the API token for a member of staff or an integration user."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.authtoken.models import Token

from putright.accounts.models import User


class Command(BaseCommand):
    help = (
        "Print the API token for a user (staff, or an integration user holding the `integration` role at one "
        "landlord), creating it if there is none. --rotate replaces it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--rotate", action="store_true", help="Replace the existing token with a new one")

    def handle(self, *args: Any, email: str, rotate: bool, **options: Any) -> None:
        user = User.objects.filter(email=email.strip().lower()).first()
        if user is None:
            raise CommandError(f"no user with the email address {email}")
        if not user.is_active:
            raise CommandError(f"{email} is not active; tokens are only for active users")
        if not user.memberships.exists():
            raise CommandError(f"{email} holds no role at any landlord")
        if rotate:
            Token.objects.filter(user=user).delete()
        token, created = Token.objects.get_or_create(user=user)
        if created:
            self.stderr.write(f"Created a token for {user.email}")
        self.stdout.write(token.key)
