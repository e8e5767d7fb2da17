# mypy: allow-subclassing-any
"""What every view shares: the landlord and case from the URL, validated input, and the schema's errors."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.views import APIView

from putright.accounts.permissions import roles_remembered
from putright.api import lookups
from putright.api.errors import PROBLEM_JSON, ProblemSerializer
from putright.api.serializers import validated
from putright.cases.models import Case
from putright.organisations.models import Landlord

SLUG = OpenApiParameter(
    "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="The landlord's slug, e.g. brighter"
)
REFERENCE = OpenApiParameter(
    "reference",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The case reference, e.g. BP-2026-000042",
)


def problems(*statuses: int) -> dict[Any, Any]:
    """Schema entries for the problem documents an operation may answer with (401 always)."""
    return {(status, PROBLEM_JSON): ProblemSerializer for status in sorted({401, *statuses})}


COMMAND_PROBLEMS = problems(400, 403, 404, 409)


# A view under /landlords/{slug}/: the landlord must be one the caller holds a role at (else 404).
# (Comments, not docstrings: the schema would give a base class's docstring to every operation.)
# The caller's roles at the landlord are read once per request, with the landlord (roles_remembered).
class LandlordApi(APIView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        with roles_remembered():
            response: HttpResponseBase = super().dispatch(request, *args, **kwargs)
        return response

    def landlord(self, request: Request, slug: str) -> Landlord:
        return lookups.landlord_for(request.user, slug)

    def input(
        self, serializer_class: type[serializers.Serializer], request: Request, landlord: Landlord
    ) -> Any:
        """The request body, validated."""
        return validated(serializer_class, request.data, landlord, request.user)

    def query(
        self, serializer_class: type[serializers.Serializer], request: Request, landlord: Landlord
    ) -> Any:
        """The query string, validated."""
        return validated(serializer_class, request.query_params, landlord, request.user)


# A command on one case at /landlords/{slug}/cases/{reference}/...: the case is found by reference
# through the staff access check, so another landlord's case and a hidden case are both 404.
class CaseCommandApi(LandlordApi):
    def case(self, request: Request, landlord: Landlord, reference: str) -> Case:
        return lookups.case_for(request.user, landlord, reference)


@extend_schema(exclude=True)
class UnknownPathApi(APIView):
    """Any path under /api/v1/ that names nothing: a problem document, like every other API error."""

    permission_classes: list[Any] = []

    def dispatch_unknown(self, request: Request, *args: Any, **kwargs: Any) -> None:
        raise NotFound(f"no API endpoint at {request.path}")

    get = post = put = patch = delete = dispatch_unknown
