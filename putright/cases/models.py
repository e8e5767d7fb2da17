"""Feedback cases of every kind, complaint stages, and the immutable timeline of everything done to them.

State and deadlines are stored columns, changed only by the services in `services.py` under a row lock,
and recomputed by the domain whenever a fact changes; the timeline records each change, who made it and
what it was before and after. Nothing here is ever deleted.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from putright.customers.models import Channel, Customer, Representative
from putright.domain.lifecycle import Kind, Status
from putright.organisations.models import Landlord

KIND_CHOICES = [(k.value, k.label.capitalize()) for k in Kind]
STATUS_CHOICES = [(s.value, s.label.capitalize()) for s in Status]
STATUS_RANK = {s.value: rank for rank, s in enumerate(Status)}
"""A status's place in the lifecycle (the order of `Status`), stored as `Case.status_rank` so that a case list
sorted by status reads an index instead of sorting every case by a CASE expression."""


class Case(models.Model):
    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(max_length=30)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    status = models.CharField(max_length=30, choices=STATUS_CHOICES)
    status_rank = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text="The status's place in the lifecycle (STATUS_RANK), for sorting"
    )
    stage = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Current complaint stage")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField(help_text="When any member of staff received it")
    received_by = models.CharField(max_length=200, blank=True, help_text="Who received it, if not the logger")
    logged_at = models.DateTimeField()
    logged_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="cases")
    representative = models.ForeignKey(Representative, on_delete=models.PROTECT, null=True, blank=True)
    summary = models.CharField(max_length=300)
    description = models.TextField()
    service_area = models.CharField(max_length=100, blank=True)
    category = models.CharField(max_length=100, blank=True)
    contractor = models.CharField(max_length=200, blank=True)
    colleagues_named = models.CharField(max_length=300, blank=True)
    about_colleague = models.BooleanField(default=False, help_text="Visible only to those who need it")
    colleague = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member of staff a complaint about a colleague is about, once identified: their line "
        "manager or a senior manager handles it, never they (colleague_complaints.handler)",
    )
    colleague_disciplinary_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the customer was told the complaint is progressed via disciplinary procedures, and only "
        "that (Brighter Places 6.ii)",
    )
    linked_case = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="linked_from",
        help_text="The service request or feedback this complaint was raised from, or an earlier complaint",
    )
    issue_date = models.DateField(null=True, blank=True, help_text="When the issue occurred")
    aware_date = models.DateField(null=True, blank=True, help_text="When the customer became aware of it")
    vulnerability = models.BooleanField(default=False)
    vulnerability_note = models.TextField(blank=True)
    hazard_kind = models.CharField(max_length=30, blank=True, help_text="An Awaab's Law hazard kind")
    hazard_aware_at = models.DateTimeField(null=True, blank=True)
    hazard_investigation_concluded = models.DateField(null=True, blank=True)
    hazard_due = models.JSONField(
        default=dict, blank=True, help_text="Hazard clocks: duty -> ISO date or time"
    )
    hazard_done = models.JSONField(default=dict, blank=True, help_text="Hazard duties done: duty -> ISO date")
    complaint_choice = models.CharField(
        max_length=20,
        blank=True,
        choices=[
            ("complaint", "Chose to complain"),
            ("service_request", "Chose a service request"),
            ("declined", "Declined to complain"),
        ],
        help_text="The answer when dissatisfaction was expressed and the choice to complain offered (Code 1.3)",
    )
    handler = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The current stage's handler (kept in step with the stage, for worklists)",
    )
    next_due = models.DateField(
        null=True, blank=True, help_text="The current stage's next deadline, if a clock runs"
    )
    next_due_kind = models.CharField(max_length=20, blank=True, help_text="acknowledge or respond")
    policy_name = models.CharField(max_length=60)
    policy_version = models.PositiveSmallIntegerField()
    warnings = models.JSONField(default=list, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["landlord", "reference"], name="unique_reference")]
        indexes = [
            models.Index(fields=["landlord", "kind", "status"]),
            # Covering: what was open at a moment, and what was received in a period by kind, are read from
            # the index alone (the Board pack's open and overdue, volumes and trends; bench/README.md).
            models.Index(
                fields=["landlord", "received_at"],
                include=["id", "kind", "closed_at"],
                name="cases_by_received",
            ),
            # Worklists and overdue counts: the id makes them index-only scans (bench/README.md).
            models.Index(
                fields=["landlord", "next_due", "id"],
                name="open_cases_by_due",
                condition=models.Q(next_due__isnull=False),
            ),
            models.Index(fields=["landlord", "handler", "next_due"], name="handler_cases_by_due"),
            # The case list's order: next deadline (nulls last, as PostgreSQL's ascending default), newest first.
            models.Index(fields=["landlord", "next_due", "-received_at", "-id"], name="case_list_order"),
            # My work's hazard clocks, and the case list's filter choices (bench/README.md, "pages").
            models.Index(fields=["landlord"], name="cases_with_hazard", condition=~models.Q(hazard_kind="")),
            # With the channel, "category and channel" is counted from the index alone (the prefix serves
            # the category choices).
            models.Index(fields=["landlord", "category", "channel"], name="cases_by_category_channel"),
            models.Index(fields=["landlord", "service_area"], name="cases_by_service_area"),
            models.Index(fields=["landlord", "contractor"], name="cases_by_contractor"),
            models.Index(fields=["landlord", "channel"], name="cases_by_channel"),
            # The case list sorted by status, in its order (bench/README.md, "pages").
            models.Index(
                fields=["landlord", "status_rank", "next_due", "-received_at", "-id"],
                name="case_list_by_status",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Keep `status_rank` in step with `status`, also when only the status is saved."""
        self.status_rank = STATUS_RANK[self.status]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields and "status_rank" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "status_rank"]
        super().save(*args, **kwargs)


class CaseCustomer(models.Model):
    """Further customers in a group complaint (the lead customer is `Case.customer`)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="group_members")
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "customer"], name="one_membership_per_case")]


class Stage(models.Model):
    """One of a complaint's two stages, with its definition, handler and stored deadlines."""

    class Outcome(models.TextChoices):
        UPHELD = "upheld", "Upheld"
        PARTLY_UPHELD = "partly_upheld", "Partly upheld"
        NOT_UPHELD = "not_upheld", "Not upheld"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="stages")
    number = models.PositiveSmallIntegerField()
    received_at = models.DateTimeField(help_text="Stage 1: complaint received. Stage 2: escalation requested")
    escalation_reason = models.TextField(blank=True, help_text="Optional: the customer need not give one")
    logged_on = models.DateField(null=True, blank=True)
    acknowledged_on = models.DateField(null=True, blank=True)
    handler = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    definition = models.JSONField(default=list, blank=True, help_text="Points: [{point, outcome_sought}]")
    responsible_for = models.TextField(blank=True)
    not_responsible_for = models.TextField(blank=True)
    acknowledge_by = models.DateField()
    respond_by = models.DateField()
    respond_by_provisional = models.BooleanField(default=True)
    escalate_by = models.DateField(null=True, blank=True)
    explanation = models.JSONField(default=list, blank=True)
    breaches = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(
        default=list, blank=True, help_text="Warnings from the latest deadline computation"
    )
    no_contact_letter_on = models.DateField(null=True, blank=True)
    close_without_contact_after = models.DateField(null=True, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    response_summary = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_row_per_stage"),
            models.CheckConstraint(condition=models.Q(number__in=[1, 2]), name="two_stages_only"),
        ]
        indexes = [
            models.Index(fields=["landlord", "acknowledge_by"]),
            models.Index(fields=["landlord", "respond_by"]),
            # A reporting year's or period's stages (putright/reporting): received, acknowledged, responded.
            models.Index(fields=["landlord", "received_at"], name="stages_by_received"),
            models.Index(fields=["landlord", "acknowledged_on"], name="stages_by_acknowledged"),
            # With the id and case, compensation finds its remedies' responses from the index alone.
            models.Index(
                fields=["landlord", "responded_on"], include=["id", "case"], name="stages_by_responded"
            ),
            # Covering: whether a case's stage was late at a moment (reporting.standing.late_at) is read
            # from the index alone.
            models.Index(
                fields=["case"],
                include=[
                    "number",
                    "received_at",
                    "acknowledge_by",
                    "acknowledged_on",
                    "respond_by",
                    "responded_on",
                ],
                name="stages_lateness",
            ),
        ]


class Extension(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="extensions")
    days = models.PositiveSmallIntegerField()
    notified_on = models.DateField(help_text="When the customer was told the reason and the new date")
    justification = models.CharField(
        max_length=20,
        choices=[("none", "None"), ("good-reason", "Good reason"), ("agreed", "Both parties agreed")],
    )
    reason = models.TextField()
    applied = models.BooleanField(help_text="False when notified after the deadline: recorded, not applied")
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)


class ContactAttempt(models.Model):
    """An attempt to reach the customer, e.g. to clarify an unclear complaint (Code 5.6)."""

    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="contact_attempts")
    at = models.DateTimeField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    reached = models.BooleanField()
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")


class PointDecision(models.Model):
    """The decision and reasons on one point of the complaint definition."""

    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="decisions")
    point = models.TextField()
    decision = models.CharField(max_length=20, choices=Stage.Outcome.choices)
    reasons = models.TextField()


class Remedy(models.Model):
    class Type(models.TextChoices):
        APOLOGY = "apology", "Apology"
        ACKNOWLEDGEMENT = "acknowledgement", "Acknowledging what went wrong"
        EXPLANATION = "explanation", "Explanation, assistance or reasons"
        ACTION_ON_DELAY = "action_on_delay", "Action on a delay"
        RECONSIDER = "reconsider", "Reconsidering or changing a decision"
        AMEND_RECORD = "amend_record", "Amending a record"
        FINANCIAL = "financial", "Financial remedy"
        CHANGE_POLICY = "change_policy", "Changing policies or practices"

    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="remedies")
    type = models.CharField(max_length=20, choices=Type.choices)
    description = models.TextField()
    compensation_offered = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    compensation_paid = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)


class AgreedAction(models.Model):
    """Something the landlord agreed to do, tracked to completion on a schedule agreed with the customer."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    completion_note = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["landlord", "completed_on", "due_on"])]


class Decision(models.Model):
    """A decision not to accept a complaint, or not to escalate it: reason, rationale, who and when."""

    class Type(models.TextChoices):
        NOT_ACCEPTED = "not_accepted", "Not accepted as a complaint"
        NOT_ESCALATED = "not_escalated", "Not escalated to stage 2"

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="decisions")
    type = models.CharField(max_length=20, choices=Type.choices)
    reason_code = models.CharField(max_length=40, help_text="From the policy profile's exclusion reasons")
    rationale = models.TextField()
    previous_case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()


class Learning(models.Model):
    """The lesson (possibly "none") and any service improvement from a closed complaint."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="learning")
    lesson = models.TextField()
    improvement = models.TextField(blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()


class Satisfaction(models.Model):
    class Source(models.TextChoices):
        """How the customer gave the answer. UNKNOWN is only for answers recorded before the source was kept."""

        PORTAL = "portal", "Resident portal online survey"
        PHONE = "phone", "Phone call with staff"
        PAPER = "paper", "Paper form"
        EMAIL = "email", "Email"
        IN_PERSON = "in_person", "In person"
        UNKNOWN = "unknown", "Not recorded"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="satisfaction")
    score = models.PositiveSmallIntegerField(help_text="1 (very dissatisfied) to 5 (very satisfied)")
    comment = models.TextField(blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.UNKNOWN)
    recorded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="score_1_to_5")
        ]


class IdempotentCreation(models.Model):
    """A case created for a client's Idempotency-Key, so that a retried request returns the same case."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    client = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    key = models.CharField(max_length=100)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["landlord", "client", "key"], name="one_case_per_key")]


class TimelineEvent(models.Model):
    """An immutable record of one change: who, what, when, before and after."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="timeline")
    at = models.DateTimeField()
    actor = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    kind = models.CharField(max_length=40)
    summary = models.TextField()
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("timeline events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("timeline events are never deleted")


class CaseNote(models.Model):
    """An internal note on a case: for staff only, never sent to the customer. Never changed or deleted."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="notes")
    text = models.TextField()
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["case", "created_at"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("notes are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("notes are never deleted")


class CaseAttachment(models.Model):
    """A file kept with a case (evidence, photographs, correspondence). It is stored under a name PutRight
    chooses; the name it was uploaded with is kept only to show and to offer on download."""

    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(
        max_length=300, help_text="The stored name, under the landlord's and case's folder"
    )
    original_name = models.CharField(
        max_length=200, help_text="The uploaded file's name, cleaned, for display"
    )
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(help_text="In bytes")
    description = models.CharField(max_length=300, blank=True)
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["case", "uploaded_at"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("attachments are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("attachments are never deleted")
