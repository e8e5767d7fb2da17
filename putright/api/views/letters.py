# mypy: allow-subclassing-any
"""Letters: one letter in full and as a PDF, the back office's delivery lists (failures and the print
queue) with resending and marking posted, and the landlord's templates with their history, saving a new
version and the live preview."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from putright.api import lookups
from putright.api.pagination import NEWEST_ID, CursorPagination, page_of
from putright.api.serializers import (
    DeliveryQueueOutput,
    LetterDetailOutput,
    RequirementOutput,
    TemplateVersionFullOutput,
    TemplateVersionOutput,
    case_reference_field,
    letter_kind_field,
    letter_variant_field,
)
from putright.api.views._base import SLUG, LandlordApi, problems
from putright.api.views.cases import CURSOR, PAGE_SIZE
from putright.domain.letters import LetterKind, required_sections
from putright.letters import selectors
from putright.letters.delivery import delivery_mark_printed, delivery_resend, letter_pdf
from putright.letters.models import KIND_CHOICES as LETTER_KIND_CHOICES
from putright.letters.models import Delivery, Letter, LetterTemplate
from putright.letters.services import current_template, letter_template_preview, letter_template_save
from putright.organisations.models import Landlord
from putright.organisations.selectors import profile_on

LETTER_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The letter's id")
DELIVERY_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The delivery's id")
KIND = OpenApiParameter(
    "kind",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=[value for value, _ in LETTER_KIND_CHOICES],
    description="The kind of letter, e.g. stage1_acknowledgement",
)
LISTED = (
    Delivery.Status.FAILED,
    Delivery.Status.UNCERTAIN,
    Delivery.Status.TO_PRINT,
    Delivery.Status.RETRYING,
)
"""The delivery statuses the back office lists: failures for a person to act on, and the print queue."""

DeliveryPage = page_of(DeliveryQueueOutput, "DeliveryPage")


def pdf_filename(letter: Letter) -> str:
    """e.g. GP-2026-000001-stage1-acknowledgement-2026-11-23-17.pdf (the reference, when about a case)."""
    parts = [letter.case.reference if letter.case else "", letter.kind.replace("_", "-")]
    parts += [letter.sent_on.isoformat(), str(letter.pk)]
    return "-".join(p for p in parts if p) + ".pdf"


# ---------------------------------------------------------------- letters


class LetterDetailApi(LandlordApi):
    @extend_schema(
        operation_id="letter_detail",
        summary="One letter in full",
        description="The letter, its template version, each delivery with its result, and the email it was "
        "sent as (HTML and plain text). A letter about a case is visible to whoever may see the case; one "
        "with no case (a restriction, a request for authority) to those who manage customers or "
        "restrictions.",
        parameters=[SLUG, LETTER_ID],
        responses={200: LetterDetailOutput, **problems(404)},
        tags=["letters"],
    )
    def get(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        letter = lookups.letter_for(request.user, landlord, id)
        return Response(LetterDetailOutput(letter).data)


class LetterPdfApi(LandlordApi):
    # Errors are problem+json whatever the caller accepts; the PDF itself bypasses the renderers.
    renderer_classes = [JSONRenderer]

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        operation_id="letter_pdf",
        summary="A letter as a PDF on the landlord's letterhead",
        description="Large print where the customer needs it. Made once and kept, so a letter downloaded "
        "again is the same document.",
        parameters=[SLUG, LETTER_ID],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **problems(404)},
        tags=["letters"],
    )
    def get(self, request: Request, slug: str, id: int) -> HttpResponse:
        landlord = self.landlord(request, slug)
        letter = lookups.letter_for(request.user, landlord, id)
        return HttpResponse(
            letter_pdf(letter),
            content_type="application/pdf",
            headers={
                "Content-Disposition": content_disposition_header(True, pdf_filename(letter)),
                "Cache-Control": "private, no-store",
            },
        )


# ---------------------------------------------------------------- deliveries


class DeliveriesApi(LandlordApi):
    class DeliveryFilterInput(serializers.Serializer):
        status = serializers.ChoiceField(
            choices=[(s.value, s.label) for s in LISTED],
            help_text="failed or uncertain: the failures, for a person to check and resend; to_print: the "
            "print queue; retrying: failed for now, to be tried again",
        )

    @extend_schema(
        operation_id="delivery_list",
        summary="Deliveries by status: the failures and the print queue",
        description="Deliveries of the letters you may see, newest first; cursor paginated.",
        parameters=[SLUG, DeliveryFilterInput, CURSOR, PAGE_SIZE],
        responses={200: DeliveryPage, **problems(400, 404)},
        tags=["letters"],
    )
    def get(self, request: Request, slug: str) -> Response:
        landlord = self.landlord(request, slug)
        f = self.query(self.DeliveryFilterInput, request, landlord)
        deliveries = selectors.deliveries_with_status(request.user, landlord, f["status"])
        page = CursorPagination[Delivery](NEWEST_ID).paginate(deliveries, request)
        return Response(
            DeliveryPage({"next": page.next, "previous": page.previous, "results": page.items}).data
        )


class DeliveryResendApi(LandlordApi):
    @extend_schema(
        operation_id="delivery_resend",
        summary="Send a failed delivery again",
        description="For a failed delivery, or an uncertain one once you have checked it did not arrive "
        "(it may have been sent before the worker stopped). It is queued and sent in the background.",
        parameters=[SLUG, DELIVERY_ID],
        request=None,
        responses={200: DeliveryQueueOutput, **problems(400, 403, 404)},
        tags=["letters"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        delivery = lookups.delivery_for(request.user, landlord, id)
        delivery_resend(landlord=landlord, actor=request.user, delivery_id=delivery.pk)
        return Response(DeliveryQueueOutput(lookups.delivery_for(request.user, landlord, id)).data)


class DeliveryPrintedApi(LandlordApi):
    @extend_schema(
        operation_id="delivery_mark_printed",
        summary="Mark a letter in the print queue printed and posted",
        parameters=[SLUG, DELIVERY_ID],
        request=None,
        responses={200: DeliveryQueueOutput, **problems(400, 403, 404)},
        tags=["letters"],
    )
    def post(self, request: Request, slug: str, id: int) -> Response:
        landlord = self.landlord(request, slug)
        delivery = lookups.delivery_for(request.user, landlord, id)
        delivery_mark_printed(landlord=landlord, actor=request.user, delivery_id=delivery.pk)
        return Response(DeliveryQueueOutput(lookups.delivery_for(request.user, landlord, id)).data)


# ---------------------------------------------------------------- templates


def _requirements(landlord: Landlord, kind: LetterKind) -> list[Any]:
    """What a letter of this kind must contain under the landlord's profile today."""
    return list(required_sections(kind, profile_on(landlord, timezone.localdate())))


class LetterTemplatesApi(LandlordApi):
    class LetterKindOutput(serializers.Serializer):
        kind = letter_kind_field(read_only=True)
        required_sections = RequirementOutput(
            many=True, help_text="What every letter of this kind must contain under the current policy"
        )
        current = TemplateVersionOutput(
            many=True, help_text="The version in use of each variant (standard, and plain language if any)"
        )

    @extend_schema(
        operation_id="letter_template_list",
        summary="The templates in use, for every kind of letter",
        description="For each kind of letter, the sections it must contain under the landlord's current "
        "policy (and why), and the current version of each variant. A template never edited is PutRight's "
        "default, version 1.",
        parameters=[SLUG],
        responses={200: LetterKindOutput(many=True), **problems(404)},
        tags=["letter templates"],
    )
    def get(self, request: Request, slug: str) -> Response:
        landlord = self.landlord(request, slug)
        saved = selectors.latest_templates(landlord)
        profile = profile_on(landlord, timezone.localdate())
        rows = []
        for kind in LetterKind:
            current = [
                template
                for variant in LetterTemplate.Variant.values
                if (template := saved.get((kind.value, variant)) or current_template(landlord, kind, variant))
            ]
            rows.append(
                {
                    "kind": kind.value,
                    "required_sections": required_sections(kind, profile),
                    "current": current,
                }
            )
        return Response(self.LetterKindOutput(rows, many=True).data)


class LetterTemplateApi(LandlordApi):
    class TemplateHistoryOutput(serializers.Serializer):
        kind = letter_kind_field(read_only=True)
        required_sections = RequirementOutput(
            many=True, help_text="What every letter of this kind must contain under the current policy"
        )
        versions = TemplateVersionFullOutput(
            many=True,
            help_text="Every version: the standard variant's newest first, then the plain variant's",
        )

    class TemplateSaveInput(serializers.Serializer):
        subject = serializers.CharField(
            max_length=200, help_text="May use the letter's facts, e.g. Your complaint {{ case.reference }}"
        )
        body = serializers.CharField(
            help_text='Django template HTML; each required section placed as {% section "name" %}'
        )
        variant = letter_variant_field(required=False, default=LetterTemplate.Variant.STANDARD)

    @extend_schema(
        operation_id="letter_template_history",
        summary="Every version of one kind of letter's template",
        description="The standard variant's versions, newest first, then the plain-language variant's, each "
        "with its subject and body; letters keep the version they were written from.",
        parameters=[SLUG, KIND],
        responses={200: TemplateHistoryOutput, **problems(404)},
        tags=["letter templates"],
    )
    def get(self, request: Request, slug: str, kind: str) -> Response:
        landlord = self.landlord(request, slug)
        letter_kind = lookups.letter_kind(kind)
        for variant in LetterTemplate.Variant.values:
            current_template(landlord, letter_kind, variant)  # the default is version 1 of the history
        body = {
            "kind": letter_kind.value,
            "required_sections": _requirements(landlord, letter_kind),
            "versions": selectors.template_versions(landlord, letter_kind),
        }
        return Response(self.TemplateHistoryOutput(body).data)

    @extend_schema(
        operation_id="letter_template_save",
        summary="Save a new version of a template",
        description="Refused (letter-incomplete) if the body lacks a section the Code or the policy requires, "
        "naming each one and why. Letters already written keep the version they used. Administrators only.",
        parameters=[SLUG, KIND],
        request=TemplateSaveInput,
        responses={201: TemplateVersionFullOutput, **problems(400, 403, 404)},
        tags=["letter templates"],
    )
    def post(self, request: Request, slug: str, kind: str) -> Response:
        landlord = self.landlord(request, slug)
        letter_kind = lookups.letter_kind(kind)
        data = self.input(self.TemplateSaveInput, request, landlord)
        template = letter_template_save(landlord=landlord, actor=request.user, kind=letter_kind, **data)
        return Response(TemplateVersionFullOutput(template).data, status=status.HTTP_201_CREATED)


class LetterTemplatePreviewApi(LandlordApi):
    class PreviewInput(serializers.Serializer):
        subject = serializers.CharField(max_length=200)
        body = serializers.CharField()
        case_reference = case_reference_field(help_text="A real case to write the preview from")

    class PreviewOutput(serializers.Serializer):
        subject = serializers.CharField()
        html = serializers.CharField(help_text="The email as it would be sent")
        body_html = serializers.CharField(help_text="The letter's body, as printed on the letterhead")
        text = serializers.CharField(help_text="The plain-text email")

    @extend_schema(
        operation_id="letter_template_preview",
        summary="Preview an unsaved template written for a real case",
        description="The live preview while editing: nothing is stored or sent. Refused, like saving, if the "
        "body lacks a required section. Administrators only.",
        parameters=[SLUG, KIND],
        request=PreviewInput,
        responses={200: PreviewOutput, **problems(400, 403, 404)},
        tags=["letter templates"],
    )
    def post(self, request: Request, slug: str, kind: str) -> Response:
        landlord = self.landlord(request, slug)
        letter_kind = lookups.letter_kind(kind)
        data = self.input(self.PreviewInput, request, landlord)
        rendered = letter_template_preview(
            landlord=landlord,
            actor=request.user,
            kind=letter_kind,
            subject=data["subject"],
            body=data["body"],
            case=data["case_reference"],
        )
        output = {
            "subject": rendered.subject,
            "html": rendered.email_html,
            "body_html": rendered.body_html,
            "text": rendered.text,
        }
        return Response(self.PreviewOutput(output).data)
