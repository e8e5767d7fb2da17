"""One email's page in triage, and what staff do with it: log it as feedback from the matched customer,
add it to a case by reference, or set it aside with a reason. Plain form posts, Post/Redirect/Get; the
rules live in putright/triage/services.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from putright.accounts.models import User
from putright.backoffice.auth.access import staff_required
from putright.backoffice.triage.forms import IgnoreForm, JoinForm, LogForm
from putright.backoffice.triage.views import _landlord
from putright.cases.intake_warnings import no_contact_closures
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord
from putright.triage.models import InboundMessage
from putright.triage.selectors import inbound_attachment, inbound_message
from putright.triage.services import inbound_message_ignore, inbound_message_join, inbound_message_log


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # staff_required
    return user


def _message(user: User, landlord: Landlord, message_id: int) -> InboundMessage:
    try:
        return inbound_message(user=user, landlord=landlord, message_id=message_id)
    except NotFoundError:
        raise Http404("No such email here") from None


def _render(
    request: HttpRequest, landlord: Landlord, message: InboundMessage, status: int = 200, **forms_: forms.Form
) -> HttpResponse:
    context: dict[str, Any] = {
        "landlord": landlord,
        "message": message,
        "log_form": forms_.get("log_form") or LogForm(),
        "join_form": forms_.get("join_form") or JoinForm(),
        "ignore_form": forms_.get("ignore_form") or IgnoreForm(),
        "failed": next((f for f in forms_.values() if f.errors), None),
        "closed_for_no_contact": (
            no_contact_closures(landlord=landlord, viewer=_user(request), customer=message.customer)
            if message.customer is not None and message.status == InboundMessage.Status.AWAITING_TRIAGE
            else []
        ),
    }
    return render(request, "backoffice/triage/message.html", context, status=status)


def _page(landlord: Landlord, message: InboundMessage) -> str:
    return reverse("backoffice:triage-message", args=[landlord.slug, message.pk])


def _case_url(landlord: Landlord, reference: str) -> str:
    return reverse("backoffice:case-list", args=[landlord.slug]) + f"{reference}/"


@require_GET
@staff_required
def message_page(request: HttpRequest, slug: str, message_id: int) -> HttpResponse:
    user = _user(request)
    landlord = _landlord(user, slug)
    return _render(request, landlord, _message(user, landlord, message_id))


@require_GET
@staff_required
def attachment_download(request: HttpRequest, slug: str, message_id: int, attachment_id: int) -> FileResponse:
    user = _user(request)
    landlord = _landlord(user, slug)
    try:
        attachment = inbound_attachment(
            user=user, landlord=landlord, message_id=message_id, attachment_id=attachment_id
        )
        content = default_storage.open(attachment.file.name, "rb")
    except (NotFoundError, FileNotFoundError):
        raise Http404("No such attachment") from None
    # Whatever the sender declared, it is only ever downloaded, never shown in the browser.
    response = FileResponse(
        content,
        as_attachment=True,
        filename=attachment.original_name,
        content_type="application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _refused(
    request: HttpRequest,
    landlord: Landlord,
    message: InboundMessage,
    name: str,
    form: forms.Form,
    error: Exception,
) -> HttpResponse:
    """Show the page again with the service's reason on the form's field, keeping what was typed."""
    field = next(iter(form.fields))
    form.add_error(
        getattr(error, "field", None) if getattr(error, "field", None) in form.fields else field, str(error)
    )
    return _render(request, landlord, message, status=400, **{name: form})


@require_POST
@staff_required
def message_log(request: HttpRequest, slug: str, message_id: int) -> HttpResponse:
    user = _user(request)
    landlord = _landlord(user, slug)
    message = _message(user, landlord, message_id)
    form = LogForm(request.POST)
    if not form.is_valid():
        return _render(request, landlord, message, status=400, log_form=form)
    try:
        _, case = inbound_message_log(
            landlord=landlord, actor=user, message_id=message.pk, kind=Kind(form.cleaned_data["kind"])
        )
    except InvalidInputError as error:
        return _refused(request, landlord, message, "log_form", form, error)
    messages.success(request, f"Logged as {case.reference}")
    return redirect(_case_url(landlord, case.reference))


@require_POST
@staff_required
def message_join(request: HttpRequest, slug: str, message_id: int) -> HttpResponse:
    user = _user(request)
    landlord = _landlord(user, slug)
    message = _message(user, landlord, message_id)
    form = JoinForm(request.POST)
    if not form.is_valid():
        return _render(request, landlord, message, status=400, join_form=form)
    try:
        joined = inbound_message_join(
            landlord=landlord, actor=user, message_id=message.pk, reference=form.cleaned_data["reference"]
        )
    except InvalidInputError as error:
        return _refused(request, landlord, message, "join_form", form, error)
    assert joined.case is not None  # joining sets it
    messages.success(request, f"Email added to {joined.case.reference}")
    return redirect(_page(landlord, joined))


@require_POST
@staff_required
def message_ignore(request: HttpRequest, slug: str, message_id: int) -> HttpResponse:
    user = _user(request)
    landlord = _landlord(user, slug)
    message = _message(user, landlord, message_id)
    form = IgnoreForm(request.POST)
    if not form.is_valid():
        return _render(request, landlord, message, status=400, ignore_form=form)
    try:
        inbound_message_ignore(
            landlord=landlord, actor=user, message_id=message.pk, reason=form.cleaned_data["reason"]
        )
    except InvalidInputError as error:
        return _refused(request, landlord, message, "ignore_form", form, error)
    messages.success(request, "Email set aside: it needs no case")
    return redirect(_page(landlord, message))
