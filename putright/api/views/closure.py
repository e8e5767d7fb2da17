# mypy: allow-subclassing-any
"""Ending a case: withdrawal, closure with learning, satisfaction, and the other kinds' endings
(compliments passed on, comments acknowledged and answered, feedback and service requests resolved)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from putright.api.serializers import CaseOutput, SatisfactionOutput, StaffEmailField
from putright.api.views._base import COMMAND_PROBLEMS, REFERENCE, SLUG, CaseCommandApi
from putright.cases import services
from putright.cases.models import Satisfaction
from putright.cases.services.closure import STAFF_SURVEY_SOURCES


class CaseWithdrawApi(CaseCommandApi):
    class WithdrawInput(serializers.Serializer):
        on = serializers.DateField(help_text="The date the customer withdrew")
        reason = serializers.CharField(allow_blank=True, help_text="What the customer said")

    @extend_schema(
        operation_id="case_withdraw",
        summary="Record the customer's withdrawal",
        parameters=[SLUG, REFERENCE],
        request=WithdrawInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["closure"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.WithdrawInput, request, landlord)
        case = services.case_withdraw(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)


class CaseCloseApi(CaseCommandApi):
    class CloseInput(serializers.Serializer):
        lesson = serializers.CharField(
            required=False, default="", allow_blank=True, help_text="A complaint's lesson ('none' if none)"
        )
        improvement = serializers.CharField(required=False, default="", allow_blank=True)

    @extend_schema(
        operation_id="case_close",
        summary="Close a case (a complaint with its learning)",
        parameters=[SLUG, REFERENCE],
        request=CloseInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["closure"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.CloseInput, request, landlord)
        case = services.case_close(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)


class SatisfactionApi(CaseCommandApi):
    class SatisfactionInput(serializers.Serializer):
        score = serializers.IntegerField(help_text="1 (very dissatisfied) to 5 (very satisfied)")
        comment = serializers.CharField(required=False, default="", allow_blank=True)
        source = serializers.ChoiceField(
            choices=[(s.value, s.label) for s in STAFF_SURVEY_SOURCES],
            required=False,
            default=Satisfaction.Source.PHONE,
            help_text="How the customer's answer reached staff (the resident portal records its own)",
        )

    @extend_schema(
        operation_id="satisfaction_record",
        summary="Record the customer's answer to the satisfaction survey",
        parameters=[SLUG, REFERENCE],
        request=SatisfactionInput,
        responses={201: SatisfactionOutput, **COMMAND_PROBLEMS},
        tags=["closure"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.SatisfactionInput, request, landlord)
        answer = services.satisfaction_record(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(SatisfactionOutput(answer).data, status=status.HTTP_201_CREATED)


class ComplimentPassOnApi(CaseCommandApi):
    class PassOnInput(serializers.Serializer):
        colleague = StaffEmailField(help_text="The colleague complimented, by email address")

    @extend_schema(
        operation_id="compliment_pass_on",
        summary="Pass a compliment to the colleague and their line manager",
        parameters=[SLUG, REFERENCE],
        request=PassOnInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["other kinds"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.PassOnInput, request, landlord)
        case = services.compliment_pass_on(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)


class CommentAcknowledgeApi(CaseCommandApi):
    @extend_schema(
        operation_id="comment_acknowledge",
        summary="Acknowledge a comment or suggestion",
        parameters=[SLUG, REFERENCE],
        request=None,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["other kinds"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        case = services.comment_acknowledge(landlord=landlord, actor=request.user, case_id=case.pk)
        return Response(CaseOutput(case).data)


class CommentRespondApi(CaseCommandApi):
    class CommentResponseInput(serializers.Serializer):
        response = serializers.CharField(allow_blank=True, help_text="The response to the customer")

    @extend_schema(
        operation_id="comment_respond",
        summary="Respond to a comment or suggestion",
        parameters=[SLUG, REFERENCE],
        request=CommentResponseInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["other kinds"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.CommentResponseInput, request, landlord)
        case = services.comment_respond(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)


class CaseResolveApi(CaseCommandApi):
    class ResolveInput(serializers.Serializer):
        resolution = serializers.CharField(allow_blank=True, help_text="How it was resolved")

    @extend_schema(
        operation_id="case_resolve",
        summary="Resolve general feedback, or complete a service request",
        parameters=[SLUG, REFERENCE],
        request=ResolveInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["other kinds"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.ResolveInput, request, landlord)
        case = services.case_resolve(landlord=landlord, actor=request.user, case_id=case.pk, **data)
        return Response(CaseOutput(case).data)
