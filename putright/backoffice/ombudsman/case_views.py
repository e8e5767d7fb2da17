"""One Ombudsman case's page (its stages, findings, orders and history), moving it to its next
investigation stage and recording the determination: pages over `putright.ombudsman`, nothing more.

Another landlord's Ombudsman case, or one about a complaint the person may not see, is not found; a role
that may not decide (`case.decide`) is refused the forms (403) and is not offered them."""

from __future__ import annotations

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.auth.access import staff_required
from putright.backoffice.case_actions.forms import row_count
from putright.backoffice.ombudsman.access import staff_at
from putright.backoffice.ombudsman.forms import AdvanceForm, DetermineForm
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.ombudsman import selectors, services
from putright.ombudsman.models import OmbudsmanCase
from putright.organisations.models import Landlord

DECIDE = "case.decide"
SERVICE_FIELDS = {"findings": "finding_element_0", "orders": "order_type_0", "status": "__all__"}
"""Where a refusal of the determination service that names no single field goes on the form ("__all__": the
whole form)."""


def _referral(user: User, landlord: Landlord, pk: int) -> OmbudsmanCase:
    try:
        return selectors.ombudsman_case(landlord, user, pk)
    except NotFoundError:
        raise Http404("No such Ombudsman case") from None


def _page_url(referral: OmbudsmanCase) -> str:
    return reverse("backoffice:ombudsman-case", args=[referral.landlord.slug, referral.pk])


@staff_required
def ombudsman_case(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    user, landlord = staff_at(request, slug, "case.view")
    referral = _referral(user, landlord, pk)
    context = {
        "landlord": landlord,
        "referral": referral,
        "today": timezone.localdate(),
        "history": selectors.ombudsman_case_history(referral),
        "decides": can(user, landlord, DECIDE),
        "completes": can(user, landlord, "action.complete"),
        "next_stage": services.NEXT_STAGE.get(OmbudsmanCase.Status(referral.status)),
    }
    return render(request, "backoffice/ombudsman/case.html", context)


@staff_required
def advance(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record that the Ombudsman accepted the case, or began investigating it."""
    user, landlord = staff_at(request, slug, DECIDE)
    referral = _referral(user, landlord, pk)
    next_stage = services.NEXT_STAGE.get(OmbudsmanCase.Status(referral.status))
    if next_stage is None:
        raise Http404("This Ombudsman case has no further investigation stage")
    form = AdvanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ombudsman_case_advance(
                landlord=landlord, actor=user, ombudsman_case_id=referral.pk, on=form.cleaned_data["on"]
            )
        except InvalidInputError as error:
            refusal_on_form(form, error, field_map=SERVICE_FIELDS)
        else:
            messages.success(request, f"{referral.ombudsman_reference}: {next_stage.label.lower()}")
            return redirect(_page_url(referral))
    context = {"landlord": landlord, "referral": referral, "next_stage": next_stage, "form": form}
    return render(request, "backoffice/ombudsman/advance.html", context)


def _points(referral: OmbudsmanCase) -> list[str]:
    """The complaint's points as defined at its latest stage: one finding row each to start with."""
    stage = referral.case.stages.order_by("-number").first()
    return [str(p.get("point", "")) for p in (stage.definition if stage else []) if p.get("point")]


@staff_required
def determine(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record the determination: a finding per element of the complaint, the orders and recommendations."""
    user, landlord = staff_at(request, slug, DECIDE)
    referral = _referral(user, landlord, pk)
    if referral.status == OmbudsmanCase.Status.DETERMINED:
        raise Http404("This Ombudsman case is already determined")
    data = request.POST if request.method == "POST" else None
    points = _points(referral)
    initial = {f"finding_element_{i}": point for i, point in enumerate(points)}
    rows = {"finding": row_count(data, "finding", max(1, len(points))), "order": row_count(data, "order", 1)}
    form = DetermineForm(data, initial=initial, rows=rows)
    if data is not None and data.get("add"):
        # "Add another": one more row, with what was typed, and nothing judged yet.
        form._errors = ErrorDict()  # type: ignore[attr-defined]
    elif data is not None and form.is_valid():
        try:
            services.ombudsman_case_determine(
                landlord=landlord,
                actor=user,
                ombudsman_case_id=referral.pk,
                determined_on=form.cleaned_data["determined_on"],
                summary=form.cleaned_data["summary"],
                findings=form.cleaned_data["findings"],
                orders=form.cleaned_data["orders"],
            )
        except InvalidInputError as error:
            refusal_on_form(form, error, field_map=SERVICE_FIELDS)
        else:
            messages.success(request, f"Determination recorded for {referral.ombudsman_reference}")
            return redirect(_page_url(referral))
    context = {"landlord": landlord, "referral": referral, "form": form}
    return render(request, "backoffice/ombudsman/determine.html", context)
