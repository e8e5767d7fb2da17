# mypy: allow-subclassing-any
"""Shapes shared by the views: output serializers for cases and their parts, and input fields that find
records inside the caller's landlord. They shape data only; the services decide what is allowed."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import Direction, extend_schema_field
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
from putright.domain.letters import Section
from putright.letters.models import KIND_CHOICES as LETTER_KIND_CHOICES
from putright.letters.models import Delivery, Letter, LetterTemplate
from putright.organisations.models import Landlord

Scope = Callable[[Landlord, User], QuerySet[Any]]

COMPLAINT_CHOICES = Case._meta.get_field("complaint_choice").choices
"""The answers when the choice to complain is offered (Code 1.3), named once for the schema."""

_BUILT_FIELDS: dict[type[serializers.ModelSerializer], dict[str, serializers.Field]] = {}


# An output serializer whose fields are built from the model once per class and copied for each use: DRF
# would otherwise inspect the model again for every response (about a millisecond for a case). A comment,
# not a docstring: the schema would give it to every output that has none of its own.
class ModelOutput(serializers.ModelSerializer):
    def get_fields(self) -> dict[str, serializers.Field]:
        built = _BUILT_FIELDS.get(type(self))
        if built is None:
            built = _BUILT_FIELDS[type(self)] = super().get_fields()
        return copy.deepcopy(built)


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


# ---------------------------------------------------------------- choices named once in the schema


class NamedChoiceField(serializers.ChoiceField):
    """A choice field whose set of choices is one named enum in the schema wherever it is used (e.g.
    LetterKindEnum), so that a letter's or a delivery's kind, status and channel never collide with a
    case's fields of the same name."""

    def __init__(self, choices: Any, *, enum_name: str, **kwargs: Any) -> None:
        self.enum_name = enum_name
        super().__init__(choices, **kwargs)


class NamedChoiceFieldSchema(OpenApiSerializerFieldExtension):  # type: ignore[no-untyped-call]
    """Registers each NamedChoiceField's choices once, as the component it names."""

    target_class = NamedChoiceField
    match_subclasses = True

    def get_name(self) -> str:
        return str(self.target.enum_name)

    def map_serializer_field(self, auto_schema: AutoSchema, direction: Direction) -> dict[str, Any]:
        choices = self.target.choices
        return {
            "type": "string",
            "enum": list(choices),
            "description": "\n".join(f"* `{value}` - {label}" for value, label in choices.items()),
        }


LETTER_KIND_ENUM = "LetterKindEnum"
LETTER_VARIANT_ENUM = "LetterVariantEnum"
SECTION_CHOICES = [(s.value, s.label.capitalize()) for s in Section]


def letter_kind_field(**kwargs: Any) -> Any:
    return NamedChoiceField(LETTER_KIND_CHOICES, enum_name=LETTER_KIND_ENUM, **kwargs)


def letter_variant_field(**kwargs: Any) -> Any:
    return NamedChoiceField(LetterTemplate.Variant.choices, enum_name=LETTER_VARIANT_ENUM, **kwargs)


# ---------------------------------------------------------------- output


class UserOutput(ModelOutput):
    name = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "name", "email"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_name(self, user: User) -> str:
        return str(user)


class CustomerSummaryOutput(ModelOutput):
    class Meta:
        model = Customer
        fields = ["id", "name", "type", "tenancy_reference", "postcode", "preferred_channel"]
        read_only_fields = fields


class RepresentativeSummaryOutput(ModelOutput):
    class Meta:
        model = Representative
        fields = ["id", "name", "relationship", "authority"]
        read_only_fields = fields


class PointOutput(serializers.Serializer):
    point = serializers.CharField()
    outcome_sought = serializers.CharField(allow_blank=True)


class CaseOutput(ModelOutput):
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


class ExtensionOutput(ModelOutput):
    class Meta:
        model = Extension
        fields = ["id", "days", "notified_on", "justification", "reason", "applied", "recorded_at"]
        read_only_fields = fields


class PointDecisionOutput(ModelOutput):
    class Meta:
        model = PointDecision
        fields = ["point", "decision", "reasons"]
        read_only_fields = fields


class RemedyOutput(ModelOutput):
    class Meta:
        model = Remedy
        fields = ["id", "type", "description", "compensation_offered", "compensation_paid", "paid_on"]
        read_only_fields = fields


class AgreedActionOutput(ModelOutput):
    owner = UserOutput()

    class Meta:
        model = AgreedAction
        fields = ["id", "description", "owner", "due_on", "completed_on", "completion_note"]
        read_only_fields = fields


class ContactAttemptOutput(ModelOutput):
    class Meta:
        model = ContactAttempt
        fields = ["id", "at", "channel", "reached", "note"]
        read_only_fields = fields


class StageOutput(ModelOutput):
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


class DecisionOutput(ModelOutput):
    """A decision not to accept a complaint or not to escalate it."""

    previous_case = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    decided_by = UserOutput()

    class Meta:
        model = Decision
        fields = ["id", "type", "reason_code", "rationale", "previous_case", "decided_by", "decided_at"]
        read_only_fields = fields


class LearningOutput(ModelOutput):
    class Meta:
        model = Learning
        fields = ["lesson", "improvement", "recorded_at"]
        read_only_fields = fields


class SatisfactionOutput(ModelOutput):
    class Meta:
        model = Satisfaction
        fields = ["id", "score", "comment", "source", "recorded_at"]
        read_only_fields = fields


class TimelineEventOutput(ModelOutput):
    actor = UserOutput(allow_null=True)
    before = serializers.DictField()
    after = serializers.DictField()

    class Meta:
        model = TimelineEvent
        fields = ["at", "actor", "kind", "summary", "before", "after"]
        read_only_fields = fields


class TemplateVersionRefOutput(ModelOutput):
    """Which version of which template a letter was written from."""

    kind = letter_kind_field(read_only=True)
    variant = letter_variant_field(read_only=True)

    class Meta:
        model = LetterTemplate
        fields = ["kind", "variant", "version"]
        read_only_fields = fields


class DeliveryOutput(ModelOutput):
    """One way one letter went (or goes) to one recipient, and what happened."""

    channel = NamedChoiceField(Delivery.Channel.choices, enum_name="DeliveryChannelEnum", read_only=True)
    status = NamedChoiceField(Delivery.Status.choices, enum_name="DeliveryStatusEnum", read_only=True)

    class Meta:
        model = Delivery
        fields = [
            "id",
            "channel",
            "recipient_name",
            "recipient_role",
            "address",
            "status",
            "attempts",
            "last_error",
            "sent_at",
        ]
        read_only_fields = fields


class LetterOutput(ModelOutput):
    """A letter as listed on its case: what it was, when it was sent, its template version and deliveries."""

    kind = letter_kind_field(read_only=True)
    status = NamedChoiceField(Letter.Status.choices, enum_name="LetterStatusEnum", read_only=True)
    problem = serializers.CharField(help_text="Why it could not be sent, for a person to act on")
    template = TemplateVersionRefOutput()
    deliveries = DeliveryOutput(many=True)

    class Meta:
        model = Letter
        fields = [
            "id",
            "kind",
            "subject",
            "sent_on",
            "status",
            "problem",
            "large_print",
            "template",
            "deliveries",
        ]
        read_only_fields = fields


class LetterDetailOutput(LetterOutput):
    """A letter in full: its case (if any), customer, and the email it was sent as (HTML and plain text)."""

    case = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    customer = CustomerSummaryOutput()

    class Meta(LetterOutput.Meta):
        fields = [*LetterOutput.Meta.fields, "case", "customer", "created_at", "html", "text"]
        read_only_fields = fields


class LetterSummaryOutput(ModelOutput):
    """The letter a delivery belongs to, enough to find it."""

    kind = letter_kind_field(read_only=True)
    case = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    customer = CustomerSummaryOutput()

    class Meta:
        model = Letter
        fields = ["id", "kind", "subject", "sent_on", "case", "customer"]
        read_only_fields = fields


class DeliveryQueueOutput(DeliveryOutput):
    """A delivery in the back office's lists (failures, the print queue), with its letter."""

    letter = LetterSummaryOutput()

    class Meta(DeliveryOutput.Meta):
        fields = [*DeliveryOutput.Meta.fields, "next_attempt_at", "letter"]
        read_only_fields = fields


class CaseDetailOutput(CaseOutput):
    """A case in full: the customer, each stage with its deadlines and explanations, the decisions, the
    learning and the timeline."""

    representative = RepresentativeSummaryOutput(allow_null=True)
    linked_case = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    colleague = serializers.SlugRelatedField(
        slug_field="email",
        read_only=True,
        allow_null=True,
        help_text="The member of staff a complaint about a colleague is about, once identified",
    )
    hazard_due = serializers.DictField(
        child=serializers.CharField(), help_text="Awaab's Law duty -> when it is due (ISO date or time)"
    )
    hazard_done = serializers.DictField(child=serializers.CharField(), help_text="Duty -> ISO date done")
    stages = StageOutput(many=True)
    decisions = DecisionOutput(many=True)
    learning = serializers.SerializerMethodField()
    satisfaction = SatisfactionOutput(many=True)
    timeline = TimelineEventOutput(many=True)
    letters = LetterOutput(
        many=True, help_text="Every letter about the case, oldest first, with its deliveries"
    )

    class Meta(CaseOutput.Meta):
        fields = [
            *CaseOutput.Meta.fields,
            "description",
            "received_by",
            "representative",
            "contractor",
            "colleagues_named",
            "about_colleague",
            "colleague",
            "colleague_disciplinary_on",
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
            "letters",
        ]
        read_only_fields = fields

    @extend_schema_field(LearningOutput(allow_null=True))
    def get_learning(self, case: Case) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = LearningOutput(case.learning).data
            return data
        except Learning.DoesNotExist:
            return None


class HazardOutput(ModelOutput):
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


class CustomerOutput(ModelOutput):
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


class RepresentativeOutput(ModelOutput):
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


class AdjustmentOutput(ModelOutput):
    customer = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Adjustment
        fields = ["id", "customer", "type", "details", "agreed_on", "review_by", "ended_on", "end_reason"]
        read_only_fields = fields


class DisabilityOutput(ModelOutput):
    customer = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Disability
        fields = ["id", "customer", "description", "disclosed_on"]
        read_only_fields = fields


class RestrictionOutput(ModelOutput):
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


# ---------------------------------------------------------------- letter templates


class RequirementOutput(serializers.Serializer):
    """A section a kind of letter must contain, and the provision that requires it."""

    section = NamedChoiceField(
        SECTION_CHOICES, enum_name="LetterSectionEnum", source="section.value", read_only=True
    )
    why = serializers.CharField(read_only=True, help_text="The provision or clause that requires it")


class TemplateVersionOutput(ModelOutput):
    """One version of a template (without its body)."""

    kind = letter_kind_field(read_only=True)
    variant = letter_variant_field(read_only=True)
    created_by = UserOutput(allow_null=True, help_text="Null for PutRight's default (version 1)")

    class Meta:
        model = LetterTemplate
        fields = ["id", "kind", "variant", "version", "subject", "created_by", "created_at"]
        read_only_fields = fields


class TemplateVersionFullOutput(TemplateVersionOutput):
    """One version of a template with its body."""

    class Meta(TemplateVersionOutput.Meta):
        fields = [*TemplateVersionOutput.Meta.fields, "body"]
        read_only_fields = fields
