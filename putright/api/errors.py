# mypy: allow-subclassing-any
"""Every error as `application/problem+json` (RFC 9457): type, title, status, detail, instance, and for
bad input an `errors` list naming each field. The services check the rules; this module only maps their
typed errors to HTTP statuses:

    NotFoundError                                                      404
    NotPermittedError                                                  403
    InvalidInputError, ImpossibleDatesError, DRF validation errors     400
    LetterIncompleteError (a template or letter lacks a section)       400
    TransitionNotAllowedError, ExtensionRefusedError, HandlerConflictError   409
    any other DomainError                                              400
    missing or bad credentials                                         401

Bad input changes nothing: each service runs in one transaction, and the rollback is requested here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler, set_rollback

from putright.domain.errors import (
    DomainError,
    ExtensionRefusedError,
    ImpossibleDatesError,
    InvalidInputError,
    NotFoundError,
    NotPermittedError,
)
from putright.domain.lifecycle import HandlerConflictError, TransitionNotAllowedError
from putright.letters.services import LetterIncompleteError

FieldError = dict[str, str | None]
"""One entry of a problem's `errors`: {"field": ..., "message": ...}."""

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:putright:problem:"


@dataclass(frozen=True)
class Problem:
    status: int
    type: str
    title: str


def ours(status: int, slug: str, title: str) -> Problem:
    return Problem(status, TYPE_PREFIX + slug, title)


INVALID_INPUT = ours(400, "invalid-input", "The request is not valid")
IMPOSSIBLE_DATES = ours(400, "impossible-dates", "The dates cannot all be true")
LETTER_INCOMPLETE = ours(400, "letter-incomplete", "The letter lacks a section it must contain")
RULE = ours(400, "rule", "The request breaks a rule")
NOT_AUTHENTICATED = ours(401, "not-authenticated", "Authentication needed")
NOT_PERMITTED = ours(403, "not-permitted", "Not permitted")
NOT_FOUND = ours(404, "not-found", "Not found")
TRANSITION = ours(409, "transition-not-allowed", "Not allowed in the case's current state")
EXTENSION_REFUSED = ours(409, "extension-refused", "The policy does not allow this extension")
HANDLER_CONFLICT = ours(409, "handler-conflict", "The stage 2 handler must differ from stage 1's")

# Most specific first: the first class that matches decides.
DOMAIN_PROBLEMS: tuple[tuple[type[DomainError], Problem], ...] = (
    (NotFoundError, NOT_FOUND),
    (NotPermittedError, NOT_PERMITTED),
    (InvalidInputError, INVALID_INPUT),
    (ImpossibleDatesError, IMPOSSIBLE_DATES),
    (LetterIncompleteError, LETTER_INCOMPLETE),
    (TransitionNotAllowedError, TRANSITION),
    (ExtensionRefusedError, EXTENSION_REFUSED),
    (HandlerConflictError, HANDLER_CONFLICT),
    (DomainError, RULE),
)


def problem_for(exc: DomainError) -> Problem:
    return next(problem for cls, problem in DOMAIN_PROBLEMS if isinstance(exc, cls))


def problem_exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response | None:
    """DRF's EXCEPTION_HANDLER: a problem document for every error DRF or the domain raises."""
    request = context.get("request")
    instance = request.path if request is not None else None
    if isinstance(exc, DomainError):
        problem = problem_for(exc)
        named: list[FieldError] | None = (
            [{"field": exc.field, "message": str(exc)}] if isinstance(exc, InvalidInputError) else None
        )
        set_rollback()
        return _response(request, problem, str(exc), instance, named, {})
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response  # not ours: Django's 500 handling takes over
    headers = {k: v for k, v in response.items() if k in ("WWW-Authenticate", "Retry-After")}
    if isinstance(exc, exceptions.ValidationError):
        errors = flatten(exc.detail)
        detail = str(errors[0]["message"]) if len(errors) == 1 else f"{len(errors)} problems with the request"
        return _response(request, INVALID_INPUT, detail, instance, errors, headers)
    if response.status_code == 401:
        return _response(request, NOT_AUTHENTICATED, str(exc.detail), instance, None, headers)
    problem = {403: NOT_PERMITTED, 404: NOT_FOUND}.get(
        response.status_code,
        Problem(response.status_code, "about:blank", HTTPStatus(response.status_code).phrase),
    )
    return _response(request, problem, str(exc.detail), instance, None, headers)


def flatten(detail: Any, path: str = "") -> list[FieldError]:
    """DRF's nested error detail as a flat list of {field, message}, fields written `answers[0].reasons`."""
    if isinstance(detail, Mapping):
        found = []
        for key, value in detail.items():
            if key == api_settings.NON_FIELD_ERRORS_KEY:
                found.extend(flatten(value, path))
            elif isinstance(key, int):
                found.extend(flatten(value, f"{path}[{key}]"))
            else:
                found.extend(flatten(value, f"{path}.{key}" if path else str(key)))
        return found
    if isinstance(detail, list):
        if all(not isinstance(item, list | Mapping) for item in detail):
            return [{"field": path or None, "message": str(item)} for item in detail]
        found = []
        for index, item in enumerate(detail):
            found.extend(flatten(item, f"{path}[{index}]"))
        return found
    return [{"field": path or None, "message": str(detail)}]


def _response(
    request: Any,
    problem: Problem,
    detail: str,
    instance: str | None,
    errors: list[FieldError] | None,
    headers: dict[str, str],
) -> Response:
    body: dict[str, Any] = {
        "type": problem.type,
        "title": problem.title,
        "status": problem.status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    renderer = getattr(request, "accepted_renderer", None)
    # The browsable API renders the same document as a page; every other client gets problem+json.
    content_type = PROBLEM_JSON if renderer is None or isinstance(renderer, JSONRenderer) else None
    return Response(body, status=problem.status, headers=headers, content_type=content_type)


class ProblemFieldSerializer(serializers.Serializer):
    field = serializers.CharField(
        allow_null=True, help_text="The input the message concerns, e.g. answers[0].reasons"
    )
    message = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """An RFC 9457 problem document (for the OpenAPI schema)."""

    type = serializers.CharField(help_text="urn:putright:problem:<slug>, or about:blank")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(required=False)
    errors = ProblemFieldSerializer(many=True, required=False)
