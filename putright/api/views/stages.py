# mypy: allow-subclassing-any
"""Working a complaint stage: acknowledge, clarify, add issues, extend, warn and close for no contact,
respond, and complete the agreed actions."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from putright.api.serializers import (
    AgreedActionOutput,
    CaseOutput,
    ContactAttemptOutput,
    ExtensionOutput,
    HazardOutput,
    RemedyOutput,
    StaffEmailField,
)
from putright.api.views._base import COMMAND_PROBLEMS, REFERENCE, SLUG, CaseCommandApi, LandlordApi
from putright.cases import services
from putright.cases.models import Extension, Remedy, Stage
from putright.customers.models import Channel


class PointInput(serializers.Serializer):
    point = serializers.CharField(allow_blank=True, help_text="One point of the complaint, in plain words")
    outcome_sought = serializers.CharField(required=False, default="", allow_blank=True)


class CaseAcknowledgeApi(CaseCommandApi):
    class AcknowledgeInput(serializers.Serializer):
        acknowledged_on = serializers.DateField()
        definition = PointInput(
            many=True, help_text="The complaint definition: each point and the outcome sought"
        )
        responsible_for = serializers.CharField(allow_blank=True)
        not_responsible_for = serializers.CharField(required=False, default="", allow_blank=True)
        handler = StaffEmailField(
            required=False,
            allow_null=True,
            default=None,
            help_text="Who investigates (stage 1: you unless given)",
        )
        logged_on = serializers.DateField(required=False, allow_null=True, default=None)

    @extend_schema(
        operation_id="complaint_acknowledge",
        summary="Acknowledge the current stage with the complaint definition",
        parameters=[SLUG, REFERENCE],
        request=AcknowledgeInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.AcknowledgeInput, request, landlord)
        case = services.complaint_acknowledge(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)


class ClarificationAttemptApi(CaseCommandApi):
    class ClarificationInput(serializers.Serializer):
        at = serializers.DateTimeField()
        channel = serializers.ChoiceField(choices=Channel.choices)
        reached = serializers.BooleanField()
        note = serializers.CharField(required=False, default="", allow_blank=True)
        letter = serializers.BooleanField(
            required=False, default=False, help_text="Send the customer the clarification request letter"
        )
        questions = serializers.CharField(
            required=False,
            default="",
            allow_blank=True,
            help_text="What the letter asks (needed with letter)",
        )

    @extend_schema(
        operation_id="stage_record_clarification",
        summary="Record an attempt to reach the customer about an unclear complaint",
        parameters=[SLUG, REFERENCE],
        request=ClarificationInput,
        responses={201: ContactAttemptOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.ClarificationInput, request, landlord)
        attempt = services.stage_record_clarification(
            landlord=landlord, actor=request.user, case_id=case.pk, **data
        )
        return Response(ContactAttemptOutput(attempt).data, status=status.HTTP_201_CREATED)


class ComplaintAddIssueApi(CaseCommandApi):
    class IssueInput(serializers.Serializer):
        point = serializers.CharField(allow_blank=True)
        outcome_sought = serializers.CharField(required=False, default="", allow_blank=True)
        related = serializers.BooleanField(help_text="Related to the complaint already being considered")
        would_unreasonably_delay = serializers.BooleanField(required=False, default=False)
        at_escalation = serializers.BooleanField(required=False, default=False)

    class IssueOutcomeOutput(serializers.Serializer):
        incorporated = serializers.BooleanField(help_text="Added to this stage, or logged as a new complaint")
        reason = serializers.CharField()
        case = CaseOutput(help_text="The complaint the issue joined, or the new complaint logged for it")

    @extend_schema(
        operation_id="complaint_add_issue",
        summary="Add an issue raised during a complaint",
        description="Incorporated into the current stage, or logged as a new, linked complaint, as the policy "
        "says.",
        parameters=[SLUG, REFERENCE],
        request=IssueInput,
        responses={200: IssueOutcomeOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.IssueInput, request, landlord)
        outcome = services.complaint_add_issue(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(self.IssueOutcomeOutput(outcome).data)


class StageExtendApi(CaseCommandApi):
    class ExtendInput(serializers.Serializer):
        days = serializers.IntegerField(min_value=0, max_value=32767, help_text="Working days")
        notified_on = serializers.DateField(
            help_text="When the customer was told the reason and the new date"
        )
        reason = serializers.CharField(allow_blank=True, help_text="As explained to the customer")
        justification = serializers.ChoiceField(
            choices=Extension._meta.get_field("justification").choices, required=False, default="none"
        )

    @extend_schema(
        operation_id="stage_extend",
        summary="Extend the response date",
        description="Refused (409), naming the rule, where the policy does not allow it; a notice given after "
        "the deadline is recorded but does not move it.",
        parameters=[SLUG, REFERENCE],
        request=ExtendInput,
        responses={201: ExtensionOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.ExtendInput, request, landlord)
        extension = services.stage_extend(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(ExtensionOutput(extension).data, status=status.HTTP_201_CREATED)


class NoContactWarningApi(CaseCommandApi):
    class NoContactWarningInput(serializers.Serializer):
        letter_on = serializers.DateField()

    @extend_schema(
        operation_id="complaint_warn_no_contact",
        summary="Record the letter giving the customer time to make contact before closure",
        parameters=[SLUG, REFERENCE],
        request=NoContactWarningInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.NoContactWarningInput, request, landlord)
        case = services.complaint_warn_no_contact(
            landlord=landlord, actor=request.user, case_id=case.pk, **data
        )
        return Response(CaseOutput(case).data)


class CloseNoContactApi(CaseCommandApi):
    class CloseNoContactInput(serializers.Serializer):
        on = serializers.DateField()

    @extend_schema(
        operation_id="complaint_close_no_contact",
        summary="Close a complaint the customer has not engaged with",
        parameters=[SLUG, REFERENCE],
        request=CloseNoContactInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.CloseNoContactInput, request, landlord)
        case = services.complaint_close_no_contact(
            landlord=landlord, actor=request.user, case_id=case.pk, **data
        )
        return Response(CaseOutput(case).data)


class AnswerInput(serializers.Serializer):
    point = serializers.CharField(help_text="A point of the definition, word for word")
    decision = serializers.ChoiceField(choices=Stage.Outcome.choices)
    reasons = serializers.CharField(allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> services.PointAnswer:
        return services.PointAnswer(**attrs)


class RemedyInput(serializers.Serializer):
    type = serializers.ChoiceField(choices=Remedy.Type.choices)
    description = serializers.CharField(allow_blank=True)
    compensation_offered = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, allow_null=True, default=None
    )

    def validate(self, attrs: dict[str, Any]) -> services.RemedyInput:
        return services.RemedyInput(**attrs)


class ActionInput(serializers.Serializer):
    description = serializers.CharField()
    owner = StaffEmailField()
    due_on = serializers.DateField()

    def validate(self, attrs: dict[str, Any]) -> services.ActionInput:
        return services.ActionInput(**attrs)


class StageRespondApi(CaseCommandApi):
    class RespondInput(serializers.Serializer):
        responded_on = serializers.DateField()
        outcome = serializers.ChoiceField(choices=Stage.Outcome.choices)
        answers = AnswerInput(many=True, help_text="A decision with reasons on every point of the definition")
        summary = serializers.CharField(allow_blank=True, help_text="The response")
        remedies = RemedyInput(many=True, required=False, default=list)
        actions = ActionInput(many=True, required=False, default=list, help_text="Agreed actions with dates")

    @extend_schema(
        operation_id="stage_respond",
        summary="Send the stage's response",
        parameters=[SLUG, REFERENCE],
        request=RespondInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.RespondInput, request, landlord)
        case = services.stage_respond(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)


ACTION_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The agreed action's id"
)


class ActionCompleteApi(LandlordApi):
    class ActionCompleteInput(serializers.Serializer):
        completed_on = serializers.DateField()
        note = serializers.CharField(required=False, default="", allow_blank=True)

    @extend_schema(
        operation_id="action_complete",
        summary="Mark an agreed action done",
        parameters=[SLUG, ACTION_ID],
        request=ActionCompleteInput,
        responses={200: AgreedActionOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.ActionCompleteInput, request, landlord)
        action = services.action_complete(landlord=landlord, actor=request.user, action_id=id, **data)
        return Response(AgreedActionOutput(action).data)


class HazardInvestigationApi(CaseCommandApi):
    class HazardInvestigationInput(serializers.Serializer):
        concluded_on = serializers.DateField()

    @extend_schema(
        operation_id="hazard_investigation_conclude",
        summary="Record that a reported hazard's investigation concluded (starting the clocks that run from it)",
        parameters=[SLUG, REFERENCE],
        request=HazardInvestigationInput,
        responses={200: HazardOutput, **COMMAND_PROBLEMS},
        tags=["hazards"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.HazardInvestigationInput, request, landlord)
        case = services.hazard_investigation_conclude(
            landlord=landlord, actor=request.user, case_id=case.pk, **data
        )
        return Response(HazardOutput(case).data)


class HazardDutyDoneApi(CaseCommandApi):
    class HazardDutyInput(serializers.Serializer):
        duty = serializers.CharField(help_text="One of the case's hazard clocks (a key of hazard_due)")
        done_on = serializers.DateField()

    @extend_schema(
        operation_id="hazard_duty_complete",
        summary="Record that an Awaab's Law duty was carried out",
        parameters=[SLUG, REFERENCE],
        request=HazardDutyInput,
        responses={200: HazardOutput, **COMMAND_PROBLEMS},
        tags=["hazards"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.HazardDutyInput, request, landlord)
        case = services.hazard_duty_complete(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(HazardOutput(case).data)


REMEDY_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The remedy's id")


class RemedyPaymentApi(LandlordApi):
    class RemedyPaymentInput(serializers.Serializer):
        amount = serializers.DecimalField(max_digits=10, decimal_places=2)
        paid_on = serializers.DateField()

    @extend_schema(
        operation_id="remedy_pay",
        summary="Record compensation paid",
        parameters=[SLUG, REMEDY_ID],
        request=RemedyPaymentInput,
        responses={200: RemedyOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.RemedyPaymentInput, request, landlord)
        remedy = services.remedy_pay(landlord=landlord, actor=request.user, remedy_id=id, **data)
        return Response(RemedyOutput(remedy).data)
