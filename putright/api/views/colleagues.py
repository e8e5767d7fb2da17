# mypy: allow-subclassing-any
"""Complaints about colleagues: which member of staff one is about (before acknowledgement), and that it is
progressed via disciplinary procedures (Brighter Places 6.ii)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from putright.api.serializers import CaseOutput, StaffEmailField
from putright.api.views._base import COMMAND_PROBLEMS, REFERENCE, SLUG, CaseCommandApi
from putright.cases import services


class ColleagueIdentifyApi(CaseCommandApi):
    class ColleagueInput(serializers.Serializer):
        colleague = StaffEmailField(help_text="The member of staff the complaint is about, by email address")

    @extend_schema(
        operation_id="colleague_complaint_identify",
        summary="Say which member of staff a complaint is about",
        description="Before stage 1 is acknowledged. The complaint is then hidden from other staff, runs the "
        "policy's clocks for complaints about colleagues, and is investigated by whoever the policy names "
        "(Great Places: the colleague's line manager; Brighter Places: a senior manager), never the colleague.",
        parameters=[SLUG, REFERENCE],
        request=ColleagueInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.ColleagueInput, request, landlord)
        case = services.colleague_complaint_identify(
            landlord=landlord, actor=request.user, case_id=case.pk, **data
        )
        return Response(CaseOutput(case).data)


class ColleagueDisciplinaryApi(CaseCommandApi):
    class DisciplinaryInput(serializers.Serializer):
        on = serializers.DateField(
            help_text="When the complaint was taken forward through disciplinary procedures"
        )

    @extend_schema(
        operation_id="colleague_complaint_disciplinary",
        summary="Record that a complaint about a colleague is progressed via disciplinary procedures",
        description="While the stage is investigated; its response tells the customer that and nothing more "
        "(Brighter Places 6.ii).",
        parameters=[SLUG, REFERENCE],
        request=DisciplinaryInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["stages"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.DisciplinaryInput, request, landlord)
        case = services.colleague_complaint_disciplinary(
            landlord=landlord, actor=request.user, case_id=case.pk, **data
        )
        return Response(CaseOutput(case).data)
