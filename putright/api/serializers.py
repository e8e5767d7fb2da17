# mypy: allow-subclassing-any
"""Shapes shared by the views: output serializers for cases and their parts, and input fields that find
records inside the caller's landlord. They shape data only; the services decide what is allowed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from putright.accounts.models import User
from putright.api import lookups
from putright.cases.models import (
    AgreedAction,
    Case,
    ContactAttempt,
    Decision,
    Extension,
    Learning,
    PointDecision,
    Remedy,
    Satisfaction,
    Stage,
    TimelineEvent,
)
from putright.customers.models import Adjustment, Customer, Disability, Representative, Restriction
from putright.organisations.models import Landlord

Scope = Callable[[Landlord, User], QuerySet[Any]]

COMPLAINT_CHOICES = Case._meta.get_field("complaint_choice").choices
"""The answers when the choice to complain is offered (Code 1.3), named once for the schema."""

# ---------------------------------------------------------------- input: records inside the landlord


class _Scoped:
    """A related field whose choices are the records the scope allows at the request's landlord; anything
    else (absent, hidden, another landlord's) is the same "does not exist"."""

    def __init__(self, *, scope: Scope, **kwargs: Any) -> None:
        self.scope = scope
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        context = self.context  # type: ignore[attr-defined]
        return self.scope(context["landlord"], context["user"])


class ScopedPrimaryKeyField(_Scoped, serializers.PrimaryKeyRelatedField):
    default_error_messages = {"does_not_exist": "No such record at this landlord: {pk_value}."}


class ScopedSlugField(_Scoped, serializers.SlugRelatedField):
    default_error_messages = {"does_not_exist": "No such record at this landlord: {value}."}


class StaffEmailField(ScopedSlugField):
    """A member of staff at the landlord, by email address."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "A member of staff at the landlord, by email address")
        super().__init__(scope=lookups.staff_at, slug_field="email", queryset=User.objects.all(), **kwargs)

    def to_internal_value(self, data: Any) -> Any:
        return super().to_internal_value(data.strip().lower() if isinstance(data, str) else data)


def customer_field(**kwargs: Any) -> Any:
    return ScopedPrimaryKeyField(scope=lookups.customers_at, queryset=Customer.objects.all(), **kwargs)


def representative_field(**kwargs: Any) -> Any:
    return ScopedPrimaryKeyField(
        scope=lookups.representatives_at, queryset=Representative.objects.all(), **kwargs
    )


def case_reference_field(**kwargs: Any) -> Any:
    kwargs.setdefault("help_text", "A case reference at the landlord, e.g. BP-2026-000042")
    return ScopedSlugField(
        scope=lookups.cases_visible_at, slug_field="reference", queryset=Case.objects.all(), **kwargs
    )


def input_context(landlord: Landlord, user: User) -> dict[str, Any]:
    return {"landlord": landlord, "user": user}


def validated(
    serializer_class: type[serializers.Serializer], data: Any, landlord: Landlord, user: User
) -> Any:
    """The validated input, or a ValidationError (a 400 problem naming each field)."""
    serializer = serializer_class(data=data, context=input_context(landlord, user))
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


# ---------------------------------------------------------------- output


class UserOutput(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "name", "email"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_name(self, user: User) -> str:
        return str(user)


class CustomerSummaryOutput(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name", "type", "tenancy_reference", "postcode", "preferred_channel"]
        read_only_fields = fields


class RepresentativeSummaryOutput(serializers.ModelSerializer):
    class Meta:
        model = Representative
        fields = ["id", "name", "relationship", "authority"]
        read_only_fields = fields


class PointOutput(serializers.Serializer):
    point = serializers.CharField()
    outcome_sought = serializers.CharField(allow_blank=True)


class CaseOutput(serializers.ModelSerializer):
    """A case as listed, and as returned by the commands: its state, current handler and next deadline."""

    customer = CustomerSummaryOutput()
    handler = UserOutput(allow_null=True)
    next_due = serializers.DateField(allow_null=True, help_text="The current stage's next deadline")
    warnings = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Case
        fields = [
            "reference",
            "kind",
            "status",
            "stage",
            "channel",
            "received_at",
            "logged_at",
            "summary",
            "category",
            "service_area",
            "customer",
            "handler",
            "next_due",
            "next_due_kind",
            "warnings",
            "closed_at",
        ]
        read_only_fields = fields


class ExtensionOutput(serializers.ModelSerializer):
    class Meta:
        model = Extension
        fields = ["id", "days", "notified_on", "justification", "reason", "applied", "recorded_at"]
        read_only_fields = fields


class PointDecisionOutput(serializers.ModelSerializer):
    class Meta:
        model = PointDecision
        fields = ["point", "decision", "reasons"]
        read_only_fields = fields


class RemedyOutput(serializers.ModelSerializer):
    class Meta:
        model = Remedy
        fields = ["id", "type", "description", "compensation_offered", "compensation_paid", "paid_on"]
        read_only_fields = fields


class AgreedActionOutput(serializers.ModelSerializer):
    owner = UserOutput()

    class Meta:
        model = AgreedAction
        fields = ["id", "description", "owner", "due_on", "completed_on", "completion_note"]
        read_only_fields = fields


class ContactAttemptOutput(serializers.ModelSerializer):
    class Meta:
        model = ContactAttempt
        fields = ["id", "at", "channel", "reached", "note"]
        read_only_fields = fields


class StageOutput(serializers.ModelSerializer):
    """One stage: its definition, handler, and each deadline as an ISO date with the explanation."""

    handler = UserOutput(allow_null=True)
    definition = PointOutput(many=True)
    explanation = serializers.ListField(
        child=serializers.CharField(), help_text="How each deadline was worked out, one sentence each"
    )
    breaches = serializers.ListField(child=serializers.CharField())
    warnings = serializers.ListField(
        child=serializers.CharField(), help_text="Where the Code's floor overrides the policy, and why"
    )
    extensions = ExtensionOutput(many=True)
    decisions = PointDecisionOutput(many=True, help_text="The decision and reasons on each point")
    remedies = RemedyOutput(many=True)
    actions = AgreedActionOutput(many=True, help_text="What the landlord agreed to do, by when")

    class Meta:
        model = Stage
        fields = [
            "number",
            "received_at",
            "escalation_reason",
            "logged_on",
            "acknowledged_on",
            "handler",
            "definition",
            "responsible_for",
            "not_responsible_for",
            "acknowledge_by",
            "respond_by",
            "respond_by_provisional",
            "escalate_by",
            "explanation",
            "breaches",
            "warnings",
            "no_contact_letter_on",
            "close_without_contact_after",
            "responded_on",
            "outcome",
            "response_summary",
            "extensions",
            "decisions",
            "remedies",
            "actions",
        ]
        read_only_fields = fields


class DecisionOutput(serializers.ModelSerializer):
    """A decision not to accept a complaint or not to escalate it."""

    previous_case = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    decided_by = UserOutput()

    class Meta:
        model = Decision
        fields = ["id", "type", "reason_code", "rationale", "previous_case", "decided_by", "decided_at"]
        read_only_fields = fields


class LearningOutput(serializers.ModelSerializer):
    class Meta:
        model = Learning
        fields = ["lesson", "improvement", "recorded_at"]
        read_only_fields = fields


class SatisfactionOutput(serializers.ModelSerializer):
    class Meta:
        model = Satisfaction
        fields = ["id", "score", "comment", "recorded_at"]
        read_only_fields = fields


class TimelineEventOutput(serializers.ModelSerializer):
    actor = UserOutput(allow_null=True)
    before = serializers.DictField()
    after = serializers.DictField()

    class Meta:
        model = TimelineEvent
        fields = ["at", "actor", "kind", "summary", "before", "after"]
        read_only_fields = fields


class CaseDetailOutput(CaseOutput):
    """A case in full: the customer, each stage with its deadlines and explanations, the decisions, the
    learning and the timeline."""

    representative = RepresentativeSummaryOutput(allow_null=True)
    linked_case = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    hazard_due = serializers.DictField(
        child=serializers.CharField(), help_text="Awaab's Law duty -> when it is due (ISO date or time)"
    )
    hazard_done = serializers.DictField(child=serializers.CharField(), help_text="Duty -> ISO date done")
    stages = StageOutput(many=True)
    decisions = DecisionOutput(many=True)
    learning = serializers.SerializerMethodField()
    satisfaction = SatisfactionOutput(many=True)
    timeline = TimelineEventOutput(many=True)

    class Meta(CaseOutput.Meta):
        fields = [
            *CaseOutput.Meta.fields,
            "description",
            "received_by",
            "representative",
            "contractor",
            "colleagues_named",
            "about_colleague",
            "linked_case",
            "issue_date",
            "aware_date",
            "vulnerability",
            "vulnerability_note",
            "hazard_kind",
            "hazard_aware_at",
            "hazard_investigation_concluded",
            "hazard_due",
            "hazard_done",
            "complaint_choice",
            "policy_name",
            "policy_version",
            "stages",
            "decisions",
            "learning",
            "satisfaction",
            "timeline",
        ]
        read_only_fields = fields

    @extend_schema_field(LearningOutput(allow_null=True))
    def get_learning(self, case: Case) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = LearningOutput(case.learning).data
            return data
        except Learning.DoesNotExist:
            return None


class HazardOutput(serializers.ModelSerializer):
    """A case's Awaab's Law hazard: its clocks and the duties done."""

    hazard_due = serializers.DictField(
        child=serializers.CharField(), help_text="Awaab's Law duty -> when it is due (ISO date or time)"
    )
    hazard_done = serializers.DictField(child=serializers.CharField(), help_text="Duty -> ISO date done")

    class Meta:
        model = Case
        fields = [
            "reference",
            "hazard_kind",
            "hazard_aware_at",
            "hazard_investigation_concluded",
            "hazard_due",
            "hazard_done",
        ]
        read_only_fields = fields


# ---------------------------------------------------------------- customers


class CustomerOutput(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = [
            "id",
            "type",
            "name",
            "tenancy_reference",
            "address",
            "postcode",
            "email",
            "phone",
            "preferred_channel",
            "created_at",
        ]
        read_only_fields = fields


class RepresentativeOutput(serializers.ModelSerializer):
    customer = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Representative
        fields = [
            "id",
            "customer",
            "name",
            "relationship",
            "basis",
            "authority",
            "evidence",
            "scope",
            "expires_on",
            "email",
            "phone",
            "created_at",
        ]
        read_only_fields = fields


class AdjustmentOutput(serializers.ModelSerializer):
    customer = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Adjustment
        fields = ["id", "customer", "type", "details", "agreed_on", "review_by", "ended_on", "end_reason"]
        read_only_fields = fields


class DisabilityOutput(serializers.ModelSerializer):
    customer = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Disability
        fields = ["id", "customer", "description", "disclosed_on"]
        read_only_fields = fields


class RestrictionOutput(serializers.ModelSerializer):
    customer = serializers.PrimaryKeyRelatedField(read_only=True)
    decided_by = UserOutput()

    class Meta:
        model = Restriction
        fields = [
            "id",
            "customer",
            "type",
            "reason",
            "how_to_contact",
            "understanding_sought",
            "starts_on",
            "review_by",
            "status",
            "appeal_requested_on",
            "appeal_outcome",
            "lifted_on",
            "decided_by",
        ]
        read_only_fields = fields
