"""Residents sign in by an emailed single-use link; only a hash of its token is ever stored."""

from django.db import models

from putright.organisations.models import Landlord


class SignInLink(models.Model):
    """One request for a sign-in link. A row is kept even for an address we do not hold (with no token
    sent), so that the rate limit counts every request alike and reveals nothing about who is known."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    client_address = models.CharField(max_length=45, blank=True)
    known = models.BooleanField(
        help_text="Whether a customer or an authorised representative holds the address"
    )
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["email", "created_at"]),
            models.Index(fields=["client_address", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"Sign-in link for {self.email} at {self.landlord_id}"
