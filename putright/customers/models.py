"""People the landlord serves, and what must shape every contact with them."""

from __future__ import annotations

from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Lower, Replace

from putright.organisations.models import Landlord


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"
    PHONE = "phone", "Phone"
    IN_PERSON = "in_person", "In person"
    WEB = "web", "Online form"
    SOCIAL = "social", "Social media"
    PORTAL = "portal", "Resident portal"


class Customer(models.Model):
    class Type(models.TextChoices):
        RESIDENT = "resident", "Resident"
        FORMER_RESIDENT = "former_resident", "Former resident"
        LEASEHOLDER = "leaseholder", "Leaseholder"
        SHARED_OWNER = "shared_owner", "Shared owner"
        MARKET_RENT = "market_rent", "Market rent resident"
        APPLICANT = "applicant", "Housing applicant"
        NON_RESIDENT = "non_resident", "Non-resident affected by our services"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="customers")
    type = models.CharField(max_length=20, choices=Type.choices, default=Type.RESIDENT)
    name = models.CharField(max_length=200)
    tenancy_reference = models.CharField(max_length=60, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    preferred_channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    letters_by = models.CharField(
        max_length=10,
        choices=[("email", "Email"), ("post", "Post"), ("both", "Email and post")],
        default="email",
        help_text="How letters reach the customer (post when there is no email address)",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    search_text = models.GeneratedField(
        expression=Lower(
            Concat(
                "name",
                Value(" "),
                "address",
                Value(" "),
                Replace("postcode", Value(" "), Value("")),
                output_field=models.TextField(),
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
        help_text="Name, address and postcode without spaces, lower-cased and kept by the database: the case "
        "search matches it with LIKE, which costs a fraction of ILIKE's lower-casing of every row it tests",
    )

    class Meta:
        indexes = [
            models.Index(fields=["landlord", "name"]),
            models.Index(fields=["landlord", "tenancy_reference"]),
            # A common surname's search tests every customer of the landlord: read from this index alone
            # (bench/README.md, "search and the year's pack").
            models.Index(
                fields=["landlord"], include=["id", "search_text"], name="customers_search_by_landlord"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Representative(models.Model):
    """Someone acting for a customer. Authority is sought and recorded before anything is disclosed to
    them; it never delays a complaint's clocks."""

    class Authority(models.TextChoices):
        REQUESTED = "requested", "Authority requested"
        GIVEN = "given", "Authority given"
        REFUSED = "refused", "Authority refused"

    class Basis(models.TextChoices):
        ASKED_BY_CUSTOMER = "asked_by_customer", "The customer asked them to act (proof needed)"
        LACKS_CAPACITY = "lacks_capacity", "The customer lacks capacity (Mental Capacity Act 2005)"
        DECEASED = "deceased", "The customer has died"
        DESIGNATED_PERSON = "designated_person", "Designated person (MP, councillor, tenant panel)"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="representatives")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=100)
    basis = models.CharField(max_length=30, choices=Basis.choices)
    authority = models.CharField(max_length=20, choices=Authority.choices, default=Authority.REQUESTED)
    evidence = models.TextField(blank=True)
    scope = models.CharField(
        max_length=200, blank=True, help_text="What they may act on; blank for everything"
    )
    expires_on = models.DateField(null=True, blank=True)
    correspondence = models.CharField(
        max_length=10,
        choices=[
            ("copy", "As well as the customer"),
            ("instead", "Instead of the customer"),
            ("none", "None"),
        ],
        default="copy",
        help_text="Whether letters go to them once authority is given",
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Adjustment(models.Model):
    """A reasonable adjustment agreed under the Equality Act 2010, kept under review."""

    class Type(models.TextChoices):
        LARGE_PRINT = "large_print", "Large print"
        EASY_READ = "easy_read", "Easy read"
        PLAIN_LANGUAGE = "plain_language", "Plain language"
        PHONE_CALL = "phone_call", "Phone call instead of writing"
        INTERPRETER = "interpreter", "Interpreter"
        BSL = "bsl", "British Sign Language"
        NAMED_CONTACT = "named_contact", "A named contact"
        AVOID_TIMES = "avoid_times", "Times to avoid"
        EXTRA_TIME = "extra_time", "Extra time to reply"
        OTHER = "other", "Other"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="adjustments")
    type = models.CharField(max_length=20, choices=Type.choices)
    details = models.TextField(blank=True)
    agreed_on = models.DateField()
    review_by = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["landlord", "review_by"])]


class Disability(models.Model):
    """A disability the customer disclosed: special category data, visible only to roles that need it."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="disabilities")
    description = models.TextField()
    disclosed_on = models.DateField()


class Restriction(models.Model):
    """A contact restriction for unreasonable behaviour: proportionate, explained by letter, reviewed."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        LIFTED = "lifted", "Lifted"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="restrictions")
    type = models.CharField(max_length=30, help_text="A restriction type from the landlord's policy profile")
    reason = models.TextField()
    how_to_contact = models.TextField(help_text="How the customer may contact the landlord meanwhile")
    understanding_sought = models.TextField(
        help_text="How a housing manager first tried to reach an understanding"
    )
    starts_on = models.DateField()
    review_by = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    appeal_requested_on = models.DateField(null=True, blank=True)
    appeal_outcome = models.TextField(blank=True)
    lifted_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["landlord", "status", "review_by"])]


class RestrictionReview(models.Model):
    restriction = models.ForeignKey(Restriction, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=[("lifted", "Lifted"), ("extended", "Extended")])
    reasons = models.TextField()
    next_review_by = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")


class CustomerEvent(models.Model):
    """An immutable record of a change to a customer's record: who, what, when, before and after."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField()
    actor = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    kind = models.CharField(max_length=40)
    summary = models.TextField()
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("customer events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("customer events are never deleted")
