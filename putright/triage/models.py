"""Inbound email as it arrived: the raw message in storage, what was read from it, and what became of it.

A message is stored once per landlord (its Message-ID, or a hash of its bytes when it has none), so the
poller and the command may read the same email again without duplicating it. HTML is kept only as the text
it contains: nothing here is ever rendered as HTML.
"""

from __future__ import annotations

from django.db import models

from putright.cases.models import Case
from putright.customers.models import Customer
from putright.organisations.models import Landlord


class InboundMessage(models.Model):
    class Status(models.TextChoices):
        AWAITING_TRIAGE = "awaiting_triage", "Awaiting triage"
        JOINED_CASE = "joined_case", "Joined a case"
        IGNORED = "ignored", "Ignored"
        REJECTED = "rejected", "Rejected"

    class IgnoredAs(models.TextChoices):
        AUTO_REPLY = "auto_reply", "Auto-reply"
        BOUNCE = "bounce", "Bounce"
        LOOP = "loop", "Mail loop"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="inbound_messages")
    mailbox = models.CharField(max_length=254, help_text="The address or file it was read from")
    message_id = models.CharField(
        max_length=255, help_text="The Message-ID header, or one derived from a hash of the raw bytes"
    )
    from_address = models.CharField(max_length=254, blank=True, help_text="As written: it may be invalid")
    from_name = models.CharField(max_length=200, blank=True)
    to = models.TextField(blank=True)
    subject = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, help_text="The Date header, if it could be read")
    received_at = models.DateTimeField(help_text="When PutRight read it")
    text_body = models.TextField(blank=True, help_text="The plain-text part, or the HTML part's text")
    html_text = models.TextField(blank=True, help_text="The HTML part reduced to text: never shown as HTML")
    raw = models.FileField(max_length=300, blank=True, help_text="The message as received (.eml)")
    raw_size = models.PositiveBigIntegerField(help_text="In bytes")
    raw_sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=20, choices=Status.choices)
    ignored_as = models.CharField(max_length=20, choices=IgnoredAs.choices, blank=True)
    reason = models.TextField(blank=True, help_text="Why it was ignored or rejected")
    problems = models.JSONField(default=list, blank=True, help_text="What could not be read, and why")
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="inbound_messages"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    duplicate = False
    """Set on the instance `email_ingest` returns when the message had already been stored."""

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["landlord", "message_id"], name="one_inbound_message_per_id")
        ]
        indexes = [models.Index(fields=["landlord", "status", "received_at"], name="inbound_by_status")]

    def __str__(self) -> str:
        return f"{self.from_address or 'unknown sender'}: {self.subject or '(no subject)'}"


class InboundAttachment(models.Model):
    """A part of an inbound message other than its body: kept under a name PutRight chooses, or refused
    (too large) with the reason and nothing stored."""

    message = models.ForeignKey(InboundMessage, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(max_length=300, blank=True, help_text="Blank when refused")
    original_name = models.CharField(max_length=200, help_text="The name it was sent with, cleaned")
    content_type = models.CharField(max_length=100, help_text="As the sender declared it")
    size = models.PositiveBigIntegerField(help_text="In bytes, decoded")
    content_id = models.CharField(max_length=255, blank=True, help_text="For inline images (cid:)")
    inline = models.BooleanField(default=False)
    refused_reason = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.original_name
