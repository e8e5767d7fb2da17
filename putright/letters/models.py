"""Templates (versioned per landlord), letters (each keeping the template version it used) and deliveries
(the evidence of what was sent, how, when, and with what result)."""

from __future__ import annotations

from django.db import models

from putright.domain.letters import LetterKind
from putright.organisations.models import Landlord

KIND_CHOICES = [(k.value, k.label.capitalize()) for k in LetterKind]


class LetterTemplate(models.Model):
    """One version of a landlord's template for one kind of letter. Saving makes a new version; letters
    keep the version they were made from."""

    class Variant(models.TextChoices):
        STANDARD = "standard", "Standard"
        PLAIN = "plain", "Plain language"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="letter_templates")
    kind = models.CharField(max_length=40, choices=KIND_CHOICES)
    variant = models.CharField(max_length=10, choices=Variant.choices, default=Variant.STANDARD)
    version = models.PositiveIntegerField()
    subject = models.CharField(max_length=200)
    body = models.TextField(help_text='Django template HTML; each required section as {% section "name" %}')
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "variant", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["landlord", "kind", "variant", "version"], name="one_template_version"
            )
        ]


class Letter(models.Model):
    class Status(models.TextChoices):
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        RECORDED = "recorded", "Recorded (sent outside PutRight)"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="letters")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    customer = models.ForeignKey("customers.Customer", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(max_length=40, choices=KIND_CHOICES)
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT, related_name="letters")
    subject = models.CharField(max_length=300)
    body_html = models.TextField(help_text="The letter's body, for the PDF on the letterhead")
    html = models.TextField(help_text="The HTML email")
    text = models.TextField(help_text="The plain-text email")
    large_print = models.BooleanField(default=False)
    pdf = models.BinaryField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    problem = models.TextField(blank=True, help_text="Why it could not be sent, for a person to act on")
    sent_on = models.DateField(help_text="The date the letter is sent: the acknowledgement or response date")
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["landlord", "status"])]


class Delivery(models.Model):
    """One way one letter goes to one recipient. A retry never sends twice: a delivery left mid-send is
    marked uncertain for a person to check, never re-sent automatically."""

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        POST = "post", "Post"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        RETRYING = "retrying", "Failed, will retry"
        FAILED = "failed", "Failed"
        UNCERTAIN = "uncertain", "Uncertain: check before resending"
        TO_PRINT = "to_print", "Queued for printing"
        PRINTED = "printed", "Printed and posted"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="deliveries")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    recipient_name = models.CharField(max_length=200)
    recipient_role = models.CharField(max_length=20, help_text="customer or representative")
    address = models.TextField(help_text="Email address, or the postal address")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    provider_reference = models.CharField(max_length=200, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["landlord", "status"])]
