"""What people send through the public feedback form, kept exactly as sent before anything else happens.

A submission is saved first, on its own; turning it into a customer and a case is a second step. If that
step fails (a letter that will not render, a database hiccup), the submission stays here with the error, so
staff can process it and nothing anyone sent is ever lost.
"""

from __future__ import annotations

from django.db import models

from putright.cases.models import Case
from putright.customers.models import Customer
from putright.organisations.models import Landlord


class PublicSubmission(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", "Received, not yet processed"
        PROCESSED = "processed", "Logged as a case"
        FAILED = "failed", "Could not be logged automatically: staff to process"
        SPAM = "spam", "Caught by the honeypot: not logged"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="public_submissions")
    reference = models.CharField(max_length=20, unique=True)
    received_at = models.DateTimeField()
    answers = models.JSONField(help_text="Everything the person entered, as sent")
    email = models.CharField(max_length=254, blank=True, help_text="Lower-cased, for rate limits")
    client_address = models.CharField(max_length=45, blank=True, help_text="For rate limits")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    error = models.TextField(blank=True, help_text="Why it could not be logged automatically")
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, null=True, blank=True)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["landlord", "status"]),
            models.Index(fields=["client_address", "received_at"]),
            models.Index(fields=["email", "received_at"]),
        ]

    def __str__(self) -> str:
        return self.reference


class PublicSubmissionFile(models.Model):
    """A file sent with a submission: checked like a case attachment, stored under a random name."""

    class Purpose(models.TextChoices):
        ATTACHMENT = "attachment", "Photo or document"
        AUTHORITY = "authority", "Evidence of authority to act"

    submission = models.ForeignKey(PublicSubmission, on_delete=models.PROTECT, related_name="files")
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.ATTACHMENT)
    file = models.FileField(max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
