"""What the reminder sweep found due, once per thing, kind and due date, and the notices it gave staff.

A `Reminder` is unique on (landlord, kind, subject, due_date). `subject` is a non-null key naming the thing
that falls due ("case:12:stage:1", "case:12:hazard:investigate", "action:9", "restriction:45",
"adjustment:3"), because SQL unique constraints treat NULLs as distinct: a key made of the nullable `case`
and `customer` foreign keys would let duplicates in. The foreign keys are kept for navigation only.

A `StaffNotification` is the in-app notice to one member of staff, unique per (reminder, recipient), so a
retried task never notifies anyone twice.
"""

from __future__ import annotations

from django.db import models

from putright.accounts.models import Role
from putright.cases.models import Case
from putright.customers.models import Customer
from putright.organisations.models import Landlord


class ReminderKind(models.TextChoices):
    ACKNOWLEDGEMENT_DUE_SOON = "acknowledgement_due_soon", "Acknowledgement due soon"
    ACKNOWLEDGEMENT_OVERDUE = "acknowledgement_overdue", "Acknowledgement overdue"
    RESPONSE_DUE_SOON = "response_due_soon", "Response due soon"
    RESPONSE_OVERDUE = "response_overdue", "Response overdue"
    ACTION_DUE = "action_due", "Agreed action due"
    RESTRICTION_REVIEW_DUE = "restriction_review_due", "Contact restriction review due"
    ADJUSTMENT_REVIEW_DUE = "adjustment_review_due", "Reasonable adjustment review due"
    ADJUSTMENT_REQUESTED = "adjustment_requested", "Customer asked for help with how we contact them"
    NO_CONTACT_CLOSURE_DUE = "no_contact_closure_due", "Closure without contact due"
    HAZARD_DUE = "hazard_due", "Awaab's Law hazard duty due"
    HAZARD_OVERDUE = "hazard_overdue", "Awaab's Law hazard duty overdue"
    CASE_ASSIGNED = "case_assigned", "Case assigned to you"
    LOW_SATISFACTION = "low_satisfaction", "Low satisfaction score"
    OMBUDSMAN_SUBMISSION_DUE = (
        "ombudsman_submission_due",
        "Annual report and self-assessment due to the Ombudsman",
    )
    OMBUDSMAN_ORDER_DUE_SOON = "ombudsman_order_due_soon", "Ombudsman order due soon"
    OMBUDSMAN_ORDER_OVERDUE = "ombudsman_order_overdue", "Ombudsman order overdue"
    EXTENSION_NOTIFIED = "extension_notified", "A complaint's response date was extended"


class Reminder(models.Model):
    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30, choices=ReminderKind.choices)
    subject = models.CharField(
        max_length=100, help_text='What falls due, e.g. "case:12:stage:1", "action:9", "restriction:45"'
    )
    due_date = models.DateField()
    case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recipient = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The one person it is for (handler, action owner); blank for everyone in recipient_role",
    )
    recipient_role = models.CharField(
        max_length=30,
        choices=Role.choices,
        help_text="Who is told when there is no recipient, or the recipient no longer works at the landlord",
    )
    message = models.TextField()
    sweep_id = models.UUIDField(db_index=True, help_text="The sweep that created it")
    created_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(help_text="When its notification task was last enqueued")
    notified_at = models.DateTimeField(null=True, blank=True, help_text="When staff were notified")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["landlord", "kind", "subject", "due_date"], name="one_reminder_per_subject_kind_due"
            )
        ]
        indexes = [
            models.Index(
                fields=["enqueued_at"],
                name="reminders_awaiting_notice",
                condition=models.Q(notified_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} {self.due_date}"


class StaffNotification(models.Model):
    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="staff_notifications"
    )
    reminder = models.ForeignKey(Reminder, on_delete=models.PROTECT, related_name="notifications")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=30, choices=ReminderKind.choices)
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the email copy was handed to the mailer"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["reminder", "recipient"], name="one_notification_per_reminder_and_person"
            )
        ]
        indexes = [
            models.Index(
                fields=["recipient", "landlord", "-created_at"],
                name="unread_by_recipient",
                condition=models.Q(read_at__isnull=True),
            ),
            models.Index(fields=["recipient", "landlord", "-created_at"], name="notifications_by_recipient"),
        ]

    def __str__(self) -> str:
        return self.message
