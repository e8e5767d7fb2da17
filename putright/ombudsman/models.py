"""What the Ombudsman did with a complaint the landlord's process had finished with, what the landlord
recorded when it could not comply with the Code, and the lessons it tells the public about."""

from __future__ import annotations

from django.db import models

from putright.cases.models import Case, Learning
from putright.organisations.models import Landlord


class OmbudsmanCase(models.Model):
    """A complaint referred to the Housing Ombudsman, from referral to determination."""

    class Status(models.TextChoices):
        REFERRED = "referred", "Referred"
        ACCEPTED = "accepted", "Accepted for investigation"
        INVESTIGATING = "investigating", "Investigating"
        DETERMINED = "determined", "Determined"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="ombudsman_cases")
    ombudsman_reference = models.CharField(max_length=60)
    referred_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REFERRED)
    accepted_on = models.DateField(null=True, blank=True)
    investigating_on = models.DateField(null=True, blank=True)
    determined_on = models.DateField(null=True, blank=True)
    determination_summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["landlord", "ombudsman_reference"], name="ombudsman_reference_unique_per_landlord"
            )
        ]
        ordering = ["-referred_on", "-id"]

    def __str__(self) -> str:
        return self.ombudsman_reference


class Finding(models.Model):
    """The Ombudsman's finding on one element of the complaint."""

    class Kind(models.TextChoices):
        NO_MALADMINISTRATION = "no_maladministration", "No maladministration"
        SERVICE_FAILURE = "service_failure", "Service failure"
        MALADMINISTRATION = "maladministration", "Maladministration"
        SEVERE_MALADMINISTRATION = "severe_maladministration", "Severe maladministration"
        OUTSIDE_JURISDICTION = "outside_jurisdiction", "Outside jurisdiction"
        RESOLVED = "resolved", "Reasonable redress / resolved"

    ombudsman_case = models.ForeignKey(OmbudsmanCase, on_delete=models.PROTECT, related_name="findings")
    element = models.CharField(max_length=300)
    finding = models.CharField(max_length=30, choices=Kind.choices)

    class Meta:
        ordering = ["id"]


class Order(models.Model):
    """An order or recommendation in a determination, due by a date, with the evidence of compliance."""

    class Type(models.TextChoices):
        ORDER = "order", "Order"
        RECOMMENDATION = "recommendation", "Recommendation"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    ombudsman_case = models.ForeignKey(OmbudsmanCase, on_delete=models.PROTECT, related_name="orders")
    type = models.CharField(max_length=20, choices=Type.choices)
    description = models.TextField()
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True, help_text="What shows the order was complied with")

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["landlord", "completed_on", "due_on"], name="ombudsman_order_due")]


class NonCompliance(models.Model):
    """A period in which exceptional circumstances kept the landlord from complying with a Code provision,
    with the notices it gave and the date it returned to compliance."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    provision = models.CharField(max_length=100, help_text="The Code provision, e.g. 5.8")
    from_date = models.DateField()
    reason = models.TextField()
    residents_told_on = models.DateField(null=True, blank=True)
    ombudsman_told_on = models.DateField(null=True, blank=True)
    regulator_told_on = models.DateField(null=True, blank=True)
    returned_on = models.DateField(null=True, blank=True, help_text="The date of return to compliance")
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-from_date", "-id"]


class PublishedLesson(models.Model):
    """A closed complaint's lesson in words fit for the public "you said, we did" page: written by staff,
    never carrying the customer's details."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    learning = models.OneToOneField(Learning, on_delete=models.PROTECT, related_name="+")
    you_said = models.TextField()
    we_did = models.TextField()
    service_area = models.CharField(max_length=100, blank=True)
    published_on = models.DateField()
    published_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-published_on", "-id"]
