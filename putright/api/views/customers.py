# mypy: allow-subclassing-any
"""Customer records: people, their representatives and authority, reasonable adjustments, disclosed
disabilities, and contact restrictions with their reviews and appeals. (Reading customers waits for the
customers app's selectors.)"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from putright.api.serializers import (
    AdjustmentOutput,
    CustomerOutput,
    DisabilityOutput,
    RepresentativeOutput,
    RestrictionOutput,
)
from putright.api.views._base import SLUG, LandlordApi, problems
from putright.customers import services
from putright.customers.models import Adjustment, Channel, Customer, Representative

CUSTOMER_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The customer's id")
RECORD_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The record's id")
CREATE_PROBLEMS = problems(400, 403)
COMMAND_PROBLEMS = problems(400, 403, 404)


class CustomerCreateApi(LandlordApi):
    class CustomerInput(serializers.Serializer):
        name = serializers.CharField(max_length=200, allow_blank=True)
        type = serializers.ChoiceField(choices=Customer.Type.choices, required=False, default="resident")
        tenancy_reference = serializers.CharField(max_length=60, required=False, default="", allow_blank=True)
        address = serializers.CharField(required=False, default="", allow_blank=True)
        postcode = serializers.CharField(max_length=10, required=False, default="", allow_blank=True)
        email = serializers.EmailField(required=False, default="", allow_blank=True)
        phone = serializers.CharField(max_length=40, required=False, default="", allow_blank=True)
        preferred_channel = serializers.ChoiceField(choices=Channel.choices, required=False, default="email")

    @extend_schema(
        operation_id="customer_create",
        summary="Create a customer record",
        parameters=[SLUG],
        request=CustomerInput,
        responses={201: CustomerOutput, **CREATE_PROBLEMS, **problems(404)},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.CustomerInput, request, landlord)
        customer = services.customer_create(landlord=landlord, actor=request.user, **data)
        return Response(CustomerOutput(customer).data, status=status.HTTP_201_CREATED)


class RepresentativeAddApi(LandlordApi):
    class RepresentativeInput(serializers.Serializer):
        name = serializers.CharField(max_length=200, allow_blank=True)
        relationship = serializers.CharField(max_length=100, allow_blank=True)
        basis = serializers.ChoiceField(choices=Representative.Basis.choices)
        evidence = serializers.CharField(required=False, default="", allow_blank=True)
        scope = serializers.CharField(
            max_length=200, required=False, default="", allow_blank=True, help_text="Blank for everything"
        )
        expires_on = serializers.DateField(required=False, allow_null=True, default=None)
        email = serializers.EmailField(required=False, default="", allow_blank=True)
        phone = serializers.CharField(max_length=40, required=False, default="", allow_blank=True)

    @extend_schema(
        operation_id="representative_add",
        summary="Record someone acting for the customer (authority requested)",
        parameters=[SLUG, CUSTOMER_ID],
        request=RepresentativeInput,
        responses={201: RepresentativeOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.RepresentativeInput, request, landlord)
        representative = services.representative_add(
            landlord=landlord, actor=request.user, customer_id=id, **data
        )
        return Response(RepresentativeOutput(representative).data, status=status.HTTP_201_CREATED)


class RepresentativeAuthorityApi(LandlordApi):
    class AuthorityInput(serializers.Serializer):
        authority = serializers.ChoiceField(choices=Representative.Authority.choices)
        evidence = serializers.CharField(required=False, default="", allow_blank=True)

    @extend_schema(
        operation_id="representative_set_authority",
        summary="Record whether the representative's authority was given or refused",
        parameters=[SLUG, RECORD_ID],
        request=AuthorityInput,
        responses={200: RepresentativeOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.AuthorityInput, request, landlord)
        representative = services.representative_set_authority(
            landlord=landlord, actor=request.user, representative_id=id, **data
        )
        return Response(RepresentativeOutput(representative).data)


class AdjustmentRecordApi(LandlordApi):
    class AdjustmentInput(serializers.Serializer):
        type = serializers.ChoiceField(choices=Adjustment.Type.choices)
        details = serializers.CharField(allow_blank=True)
        agreed_on = serializers.DateField()

    @extend_schema(
        operation_id="adjustment_record",
        summary="Record an agreed reasonable adjustment (its review date comes from the policy)",
        parameters=[SLUG, CUSTOMER_ID],
        request=AdjustmentInput,
        responses={201: AdjustmentOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.AdjustmentInput, request, landlord)
        adjustment = services.adjustment_record(landlord=landlord, actor=request.user, customer_id=id, **data)
        return Response(AdjustmentOutput(adjustment).data, status=status.HTTP_201_CREATED)


class AdjustmentReviewApi(LandlordApi):
    class AdjustmentReviewInput(serializers.Serializer):
        reviewed_on = serializers.DateField()
        note = serializers.CharField(allow_blank=True)

    @extend_schema(
        operation_id="adjustment_review",
        summary="Review an adjustment and keep it",
        parameters=[SLUG, RECORD_ID],
        request=AdjustmentReviewInput,
        responses={200: AdjustmentOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.AdjustmentReviewInput, request, landlord)
        adjustment = services.adjustment_review(
            landlord=landlord, actor=request.user, adjustment_id=id, **data
        )
        return Response(AdjustmentOutput(adjustment).data)


class AdjustmentEndApi(LandlordApi):
    class AdjustmentEndInput(serializers.Serializer):
        ended_on = serializers.DateField()
        reason = serializers.CharField(allow_blank=True)

    @extend_schema(
        operation_id="adjustment_end",
        summary="End an adjustment, with the reason",
        parameters=[SLUG, RECORD_ID],
        request=AdjustmentEndInput,
        responses={200: AdjustmentOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.AdjustmentEndInput, request, landlord)
        adjustment = services.adjustment_end(landlord=landlord, actor=request.user, adjustment_id=id, **data)
        return Response(AdjustmentOutput(adjustment).data)


class DisabilityRecordApi(LandlordApi):
    class DisabilityInput(serializers.Serializer):
        description = serializers.CharField(allow_blank=True)
        disclosed_on = serializers.DateField()

    @extend_schema(
        operation_id="disability_record",
        summary="Record a disability the customer disclosed (special category data)",
        parameters=[SLUG, CUSTOMER_ID],
        request=DisabilityInput,
        responses={201: DisabilityOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.DisabilityInput, request, landlord)
        disability = services.disability_record(landlord=landlord, actor=request.user, customer_id=id, **data)
        return Response(DisabilityOutput(disability).data, status=status.HTTP_201_CREATED)


class RestrictionApplyApi(LandlordApi):
    class RestrictionInput(serializers.Serializer):
        type = serializers.CharField(
            max_length=30, help_text="A restriction type the landlord's policy lists"
        )
        reason = serializers.CharField(allow_blank=True)
        how_to_contact = serializers.CharField(allow_blank=True)
        understanding_sought = serializers.CharField(
            allow_blank=True, help_text="How a housing manager first tried to reach an understanding"
        )
        starts_on = serializers.DateField()

    @extend_schema(
        operation_id="restriction_apply",
        summary="Apply a contact restriction (reviewed on the policy's schedule)",
        parameters=[SLUG, CUSTOMER_ID],
        request=RestrictionInput,
        responses={201: RestrictionOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.RestrictionInput, request, landlord)
        restriction = services.restriction_apply(
            landlord=landlord, actor=request.user, customer_id=id, **data
        )
        return Response(RestrictionOutput(restriction).data, status=status.HTTP_201_CREATED)


class RestrictionReviewApi(LandlordApi):
    class RestrictionReviewInput(serializers.Serializer):
        reviewed_on = serializers.DateField()
        extend = serializers.BooleanField(help_text="Continue it (with reasons); otherwise it is lifted")
        reasons = serializers.CharField(allow_blank=True)

    @extend_schema(
        operation_id="restriction_review",
        summary="Review a restriction: lifted, or extended with reasons",
        parameters=[SLUG, RECORD_ID],
        request=RestrictionReviewInput,
        responses={200: RestrictionOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.RestrictionReviewInput, request, landlord)
        restriction = services.restriction_review(
            landlord=landlord, actor=request.user, restriction_id=id, **data
        )
        return Response(RestrictionOutput(restriction).data)


class RestrictionAppealApi(LandlordApi):
    class RestrictionAppealInput(serializers.Serializer):
        requested_on = serializers.DateField()
        outcome = serializers.CharField(
            required=False, default="", allow_blank=True, help_text="When decided"
        )

    @extend_schema(
        operation_id="restriction_appeal",
        summary="Record an appeal against a restriction and, when decided, its outcome",
        parameters=[SLUG, RECORD_ID],
        request=RestrictionAppealInput,
        responses={200: RestrictionOutput, **COMMAND_PROBLEMS},
        tags=["customers"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        data = self.input(self.RestrictionAppealInput, request, landlord)
        restriction = services.restriction_appeal(
            landlord=landlord, actor=request.user, restriction_id=id, **data
        )
        return Response(RestrictionOutput(restriction).data)
