"""A landlord is the boundary of every query: staff, customers and cases all belong to exactly one."""

from __future__ import annotations

from django.db import models

from putright.domain.calendar import NATION_NAMES, NATIONS


class Landlord(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    nation = models.CharField(
        max_length=20, choices=[(n, NATION_NAMES[n]) for n in NATIONS], default="england-and-wales"
    )
    # Branding and contact details, used on pages and letters.
    brand_colour = models.CharField(max_length=7, default="#1d70b8", help_text="Hex colour, e.g. #1d70b8")
    logo_url = models.URLField(blank=True)
    logo_uploaded_at = models.DateTimeField(
        null=True, blank=True, help_text="When the uploaded logo (LandlordLogo) last changed; empty: no logo"
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    website = models.URLField(blank=True)
    reference_prefix = models.CharField(max_length=6, help_text="Starts every case reference, e.g. BP")
    reminder_lead_days = models.PositiveSmallIntegerField(
        default=2, help_text="Working days before a deadline that staff are reminded"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LandlordLogo(models.Model):
    """The landlord's uploaded logo (PNG or JPEG only: SVG can carry scripts), kept apart from Landlord so
    that loading a landlord never loads the image."""

    landlord = models.OneToOneField(Landlord, on_delete=models.PROTECT, related_name="logo")
    image = models.BinaryField()
    content_type = models.CharField(max_length=20)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField()


class LandlordPolicy(models.Model):
    """The policy profile a landlord adopted from a date: its history is kept, never overwritten."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="policies")
    policy_name = models.CharField(max_length=60)
    adopted_from = models.DateField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["landlord", "adopted_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["landlord", "adopted_from"], name="one_policy_per_landlord_per_date"
            )
        ]


class HomesCount(models.Model):
    """Homes owned in a reporting year (1 April to 31 March), for the Tenant Satisfaction Measures."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="homes_counts")
    year_starting = models.PositiveSmallIntegerField(
        help_text="The year the reporting year starts on 1 April"
    )
    homes = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["landlord", "year_starting"], name="one_homes_count_per_year")
        ]


class ClosureDay(models.Model):
    """A day the landlord is closed, skipped like a bank holiday when counting working days."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="closure_days")
    day = models.DateField()
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["landlord", "day"], name="one_closure_per_day")]


class ReferenceSequence(models.Model):
    """The next case number per landlord and year, taken under a row lock so references never repeat."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["landlord", "year"], name="one_sequence_per_year")]
