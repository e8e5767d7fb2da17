# mypy: allow-subclassing-any
"""Cases: the list with filters, logging feedback of every kind, one case in full, the worklist, overdue
counts, and turning feedback or a service request into a complaint."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.accounts.permissions import landlords_for
from putright.api import lookups
from putright.api.pagination import DUE_THEN_ID, DUE_THEN_NEWEST, CursorPagination, page_of
from putright.api.serializers import (
    COMPLAINT_CHOICES,
    CaseDetailOutput,
    CaseOutput,
    StaffEmailField,
    case_reference_field,
    customer_field,
    representative_field,
)
from putright.api.views._base import COMMAND_PROBLEMS, REFERENCE, SLUG, CaseCommandApi, LandlordApi, problems
from putright.cases import selectors, services
from putright.cases.models import KIND_CHOICES, STATUS_CHOICES, Case
from putright.cases.selectors_worklist_first_page import first_open_cases
from putright.cases.selectors_worklist_rows import worklist_cases
from putright.customers.models import Channel
from putright.domain.errors import InvalidInputError
from putright.domain.lifecycle import Kind
from putright.letters import selectors as letter_selectors

CURSOR = OpenApiParameter(
    "cursor", OpenApiTypes.STR, OpenApiParameter.QUERY, description="From a page's next or previous link"
)
PAGE_SIZE = OpenApiParameter(
    "page_size", OpenApiTypes.INT, OpenApiParameter.QUERY, description="1 to 100; 25 unless given"
)
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=(
        "Up to 100 characters, unique per request you mean to make. Repeating a request with the same key "
        "returns the case the first one made (200) instead of making another (201)."
    ),
)

CasePage = page_of(CaseOutput, "CasePage")


def case_url(request: Request, case: Case) -> str:
    return str(
        request.build_absolute_uri(
            reverse("api:case-detail", kwargs={"slug": case.landlord.slug, "reference": case.reference})
        )
    )


@extend_schema_field(OpenApiTypes.STR)
class HandlerFilterField(StaffEmailField):
    """`me`, or a member of staff's email address."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(help_text="me, or a member of staff's email address", **kwargs)

    def to_internal_value(self, data: Any) -> Any:
        return self.context["user"] if data == "me" else super().to_internal_value(data)


class CasesApi(LandlordApi):
    class CaseFilterInput(serializers.Serializer):
        kind = serializers.ChoiceField(choices=KIND_CHOICES, required=False)
        stage = serializers.ChoiceField(choices=[(1, "Stage 1"), (2, "Stage 2")], required=False)
        status = serializers.ChoiceField(choices=STATUS_CHOICES, required=False)
        handler = HandlerFilterField(required=False)
        due_before = serializers.DateField(required=False, help_text="Next deadline on or before this date")
        overdue = serializers.BooleanField(required=False, default=False, help_text="Past the next deadline")
        category = serializers.CharField(required=False)
        service_area = serializers.CharField(required=False)
        channel = serializers.ChoiceField(choices=Channel.choices, required=False)

    class FeedbackLogInput(serializers.Serializer):
        kind = serializers.ChoiceField(choices=KIND_CHOICES)
        channel = serializers.ChoiceField(choices=Channel.choices)
        received_at = serializers.DateTimeField(help_text="When any member of staff received it")
        customer = customer_field(help_text="The customer's id at the landlord")
        representative = representative_field(required=False, allow_null=True, default=None)
        summary = serializers.CharField(max_length=300, allow_blank=True)
        description = serializers.CharField(
            allow_blank=True, help_text="What happened, in the customer's words"
        )
        received_by = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
        service_area = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
        category = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
        contractor = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
        colleagues_named = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
        about_colleague = serializers.BooleanField(required=False, default=False)
        issue_date = serializers.DateField(required=False, allow_null=True, default=None)
        aware_date = serializers.DateField(required=False, allow_null=True, default=None)
        vulnerability = serializers.BooleanField(required=False, default=False)
        vulnerability_note = serializers.CharField(required=False, default="", allow_blank=True)
        hazard_kind = serializers.CharField(max_length=30, required=False, default="", allow_blank=True)
        hazard_aware_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
        group_customers = customer_field(many=True, required=False, default=list)
        linked_case = case_reference_field(required=False, allow_null=True, default=None)

        def validate_kind(self, value: str) -> Kind:
            return Kind(value)

    @extend_schema(
        operation_id="case_list",
        summary="List cases",
        description="The cases you may see at the landlord, soonest deadline first (cases without a running "
        "clock last), then the newest; cursor paginated.",
        parameters=[SLUG, CaseFilterInput, CURSOR, PAGE_SIZE],
        responses={200: CasePage, **problems(400, 404)},
        tags=["cases"],
    )
    def get(self, request: Request, slug: str) -> Response:
        landlord = self.landlord(request, slug)
        f = self.query(self.CaseFilterInput, request, landlord)
        cases = selectors.case_list(
            landlord=landlord,
            user=request.user,
            filters=selectors.CaseFilters(
                kind=f.get("kind", ""),
                stage=f.get("stage"),
                status=f.get("status", ""),
                handler_id=f["handler"].pk if f.get("handler") else None,
                due_before=f.get("due_before"),
                overdue=f["overdue"],
                category=f.get("category", ""),
                service_area=f.get("service_area", ""),
                channel=f.get("channel", ""),
            ),
        )
        page = CursorPagination[Case](DUE_THEN_NEWEST).paginate(cases, request)
        return Response(CasePage({"next": page.next, "previous": page.previous, "results": page.items}).data)

    @extend_schema(
        operation_id="feedback_log",
        summary="Log feedback of any kind",
        description="Record a complaint, service request, compliment, comment or general feedback. A "
        "complaint starts stage 1 with its deadlines. With an Idempotency-Key, a retried request never makes "
        "a second case.",
        parameters=[SLUG, IDEMPOTENCY_KEY],
        request=FeedbackLogInput,
        responses={201: CaseOutput, 200: CaseOutput, **problems(400, 403, 404)},
        tags=["cases"],
    )
    def post(self, request: Request, slug: str) -> Response:
        landlord = self.landlord(request, slug)
        key = request.headers.get("Idempotency-Key", "").strip()
        if len(key) > 100:
            raise InvalidInputError("Idempotency-Key", "the Idempotency-Key is at most 100 characters")
        data = self.input(self.FeedbackLogInput, request, landlord)
        repeat = lookups.was_created_before(landlord, request.user, key)
        case = services.feedback_log(
            landlord=landlord,
            actor=request.user,
            idempotency_key=key,
            **{**data, "group_customers": tuple(data["group_customers"])},
        )
        return Response(
            CaseOutput(case).data,
            status=status.HTTP_200_OK if repeat else status.HTTP_201_CREATED,
            headers={"Location": case_url(request, case)},
        )


class CaseDetailApi(LandlordApi):
    @extend_schema(
        operation_id="case_detail",
        summary="One case in full",
        description="The case, its customer, each stage with its deadlines as ISO dates and the explanation "
        "of each, extensions, the decision on every point, remedies, agreed actions, decisions, learning, "
        "satisfaction, the timeline, and every letter with its deliveries.",
        parameters=[SLUG, REFERENCE],
        responses={200: CaseDetailOutput, **problems(404)},
        tags=["cases"],
    )
    def get(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case_id = lookups.case_id_for(request.user, landlord, reference)
        case = selectors.case_detail(landlord=landlord, user=request.user, case_id=case_id)
        return Response(CaseDetailOutput(letter_selectors.with_letters(case)).data)


class CaseConvertToComplaintApi(CaseCommandApi):
    class ConvertInput(serializers.Serializer):
        received_at = serializers.DateTimeField(
            required=False, allow_null=True, default=None, help_text="Now unless given"
        )

    @extend_schema(
        operation_id="case_convert_to_complaint",
        summary="Raise a complaint from feedback or a service request",
        description="The service request carries on; the complaint is a new case linked to it.",
        parameters=[SLUG, REFERENCE],
        request=ConvertInput,
        responses={201: CaseOutput, **COMMAND_PROBLEMS},
        tags=["cases"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.ConvertInput, request, landlord)
        complaint = services.case_convert_to_complaint(
            landlord=landlord, actor=request.user, case_id=case.pk, **data
        )
        return Response(
            CaseOutput(complaint).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": case_url(request, complaint)},
        )


class ComplaintChoiceApi(CaseCommandApi):
    class ComplaintChoiceInput(serializers.Serializer):
        choice = serializers.ChoiceField(choices=COMPLAINT_CHOICES)

    @extend_schema(
        operation_id="complaint_choice_record",
        summary="Record the customer's choice to complain or not (Code 1.3)",
        description="Choosing to complain raises the complaint, which is returned; otherwise the case.",
        parameters=[SLUG, REFERENCE],
        request=ComplaintChoiceInput,
        responses={200: CaseOutput, **COMMAND_PROBLEMS},
        tags=["cases"],
    )
    def post(self, request: Request, slug: str, reference: str) -> Response:
        landlord = self.landlord(request, slug)
        case = self.case(request, landlord, reference)
        data = self.input(self.ComplaintChoiceInput, request, landlord)
        result = services.complaint_choice_record(
            landlord=landlord, actor=request.user, case_id=case.pk, choice=data["choice"]
        )
        return Response(CaseOutput(result).data)


class WorklistApi(LandlordApi):
    class WorklistInput(serializers.Serializer):
        handler = HandlerFilterField(required=False)

    @extend_schema(
        operation_id="worklist",
        summary="Open cases, soonest deadline first",
        description="Cases with a running clock; handler=me for your own.",
        parameters=[SLUG, WorklistInput, CURSOR, PAGE_SIZE],
        responses={200: CasePage, **problems(400, 404)},
        tags=["worklists"],
    )
    def get(self, request: Request, slug: str) -> Response:
        landlord = self.landlord(request, slug)
        f = self.query(self.WorklistInput, request, landlord)
        handler = f.get("handler")
        cases = selectors.open_cases_soonest_first(landlord=landlord, user=request.user, handler=handler)

        def first(size: int) -> list[Any]:
            return first_open_cases(landlord=landlord, user=request.user, handler=handler, size=size)

        page = CursorPagination[Any](DUE_THEN_ID).paginate(cases, request, first)
        results = worklist_cases(page.items)
        return Response(CasePage({"next": page.next, "previous": page.previous, "results": results}).data)


class OverdueApi(APIView):
    class OverdueOutput(serializers.Serializer):
        slug = serializers.SlugField()
        name = serializers.CharField()
        overdue = serializers.IntegerField(help_text="Cases past their next deadline")

    @extend_schema(
        operation_id="overdue_counts",
        summary="Overdue cases at every landlord you hold a role at",
        responses={200: OverdueOutput(many=True), **problems()},
        tags=["worklists"],
    )
    def get(self, request: Request) -> Response:
        landlords = landlords_for(request.user)
        counts = selectors.overdue_counts(landlords=landlords)
        rows = [{"slug": lo.slug, "name": lo.name, "overdue": counts[lo.pk]} for lo in landlords]
        return Response(self.OverdueOutput(rows, many=True).data)
