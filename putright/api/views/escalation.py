# mypy: allow-subclassing-any
"""Escalation to stage 2: the request, the stage 2 handler, a decision not to escalate, and a decision not
to accept a complaint at all; and accepting what came late."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from putright.api.serializers import CaseOutput, DecisionOutput, StaffEmailField, case_reference_field
from putright.api.views._base import COMMAND_PROBLEMS, REFERENCE, SLUG, CaseCommandApi
from putright.cases import services


class EscalationRequestApi(CaseCommandApi):
    class EscalationInput(serializers.Serializer):
        requested_at = serializers.DateTimeField()
        reason = serializers.CharField(
            required=False, default="", allow_blank=True, help_text="Optional: the customer need not give one"
        )

    @extend_schema(
        operation_id="escalation_request",
        summary="Record the customer's request for stage 2",
        description="Never refused automatically: a late request is flagged for a decision with reasons.",
        parameters=[SLUG, REFERENCE],
        request=EscalationInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["escalation"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.EscalationInput, request, landlord)
        case = services.escalation_request(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)


class Stage2HandlerApi(CaseCommandApi):
    class Stage2HandlerInput(serializers.Serializer):
        handler = StaffEmailField(help_text="A senior leader who did not handle stage 1, by email address")

    @extend_schema(
        operation_id="stage2_assign_handler",
        summary="Assign the stage 2 handler",
        parameters=[SLUG, REFERENCE],
        request=Stage2HandlerInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["escalation"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.Stage2HandlerInput, request, landlord)
        case = services.stage2_assign_handler(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)


class DecisionInput(serializers.Serializer):
    reason_code = serializers.CharField(max_length=40, help_text="A reason from the landlord's policy")
    rationale = serializers.CharField(allow_blank=True)
    previous_case = case_reference_field(
        required=False, allow_null=True, default=None, help_text="The earlier case that considered the matter"
    )


class EscalationRefuseApi(CaseCommandApi):
    class RefuseEscalationInput(DecisionInput):
        pass

    @extend_schema(
        operation_id="escalation_refuse",
        summary="Decide not to escalate, with a reason from the policy and the rationale",
        parameters=[SLUG, REFERENCE],
        request=RefuseEscalationInput,
        responses={200: DecisionOutput, **COMMAND_PROBLEMS},
        tags=["escalation"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.RefuseEscalationInput, request, landlord)
        decision = services.escalation_refuse(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(DecisionOutput(decision).data)


class ComplaintNotAcceptApi(CaseCommandApi):
    class NotAcceptedInput(DecisionInput):
        pass

    @extend_schema(
        operation_id="complaint_not_accept",
        summary="Decide not to accept a complaint, with a reason from the policy and the rationale",
        parameters=[SLUG, REFERENCE],
        request=NotAcceptedInput,
        responses={200: DecisionOutput, **COMMAND_PROBLEMS},
        tags=["escalation"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.NotAcceptedInput, request, landlord)
        decision = services.complaint_not_accept(
            landlord=landlord, actor=request.user, case_id=case.pk, **data
        )
        return Response(DecisionOutput(decision).data)


class LateAcceptanceApi(CaseCommandApi):
    class LateAcceptanceInput(serializers.Serializer):
        rationale = serializers.CharField(allow_blank=True, help_text="The reasons for accepting it")

    @extend_schema(
        operation_id="late_acceptance_record",
        summary="Accept a late escalation request or a complaint outside the time limit, with the reasons",
        description="A decision of its own on the timeline; it replaces the warning that asked for it.",
        parameters=[SLUG, REFERENCE],
        request=LateAcceptanceInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["escalation"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.LateAcceptanceInput, request, landlord)
        case = services.late_acceptance_record(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)
