"""The governance page, the Code self-assessment (the Ombudsman's form, a row at a time to answer, approval,
a new version, PDF) and the annual complaints performance report: pages over `putright.governance`.

A landlord the person holds no role at, or another landlord's assessment or report, is not found; a role
that may not use a page is refused (403), as on the Ombudsman pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.auth.access import staff_required
from putright.backoffice.governance.forms import ApproveForm, RowForm, StartForm
from putright.backoffice.ombudsman.access import staff_at
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.tsm import ReportingYear
from putright.governance import annual, selectors, services
from putright.governance.models import SelfAssessment
from putright.organisations.models import Landlord

VIEW, EDIT, APPROVE = "governance.view", "governance.edit", "governance.approve"


def _index_context(user: User, landlord: Landlord, form: StartForm | None = None) -> dict[str, Any]:
    today = timezone.localdate()
    last = ReportingYear.of(today).starting - 1
    return {
        "landlord": landlord,
        "assessments": selectors.self_assessments(landlord),
        "reports": selectors.annual_reports(landlord),
        "submission": selectors.submission(landlord, last),
        "form": form or StartForm(initial={"year": str(last)}, today=today),
        "edits": can(user, landlord, EDIT),
    }


@staff_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = staff_at(request, slug, VIEW)
    return render(request, "backoffice/governance/index.html", _index_context(user, landlord))


@staff_required
@require_POST
def start(request: HttpRequest, slug: str, what: str) -> HttpResponse:
    """Start a self-assessment or an annual report for the chosen year; errors back on the page."""
    user, landlord = staff_at(request, slug, EDIT)
    if what not in ("self-assessment", "annual-report"):
        raise Http404("Nothing of that kind to start")
    form = StartForm(request.POST, today=timezone.localdate())
    if form.is_valid():
        year = form.cleaned_data["year"]
        try:
            if what == "self-assessment":
                assessment = services.self_assessment_start(landlord=landlord, actor=user, year_starting=year)
                messages.success(request, f"Self-assessment {ReportingYear(year).label} started")
                return redirect(_assessment_url(assessment))
            annual.annual_report_start(landlord=landlord, actor=user, year_starting=year)
            messages.success(request, f"Annual report {ReportingYear(year).label} started")
            return redirect(reverse("backoffice:governance-annual", args=[landlord.slug, year]))
        except InvalidInputError as error:
            form.add_error("year", str(error))
    return render(
        request, "backoffice/governance/index.html", _index_context(user, landlord, form), status=400
    )


def _assessment_url(assessment: SelfAssessment) -> str:
    return reverse("backoffice:governance-assessment", args=[assessment.landlord.slug, assessment.pk])


def _assessment(landlord: Landlord, pk: int) -> SelfAssessment:
    try:
        return selectors.self_assessment(landlord, pk)
    except NotFoundError:
        raise Http404("No such self-assessment") from None


def _assessment_context(landlord: Landlord, assessment: SelfAssessment) -> dict[str, Any]:
    return {
        "landlord": landlord,
        "assessment": assessment,
        "year": ReportingYear(assessment.year_starting),
        "sections": selectors.sections(assessment),
        "unanswered": assessment.rows.filter(comply__isnull=True).count(),
    }


@staff_required
def assessment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    user, landlord = staff_at(request, slug, VIEW)
    found = _assessment(landlord, pk)
    context = _assessment_context(landlord, found)
    context.update({"edits": can(user, landlord, EDIT), "approves": can(user, landlord, APPROVE)})
    return render(request, "backoffice/governance/assessment.html", context)


@staff_required
def assessment_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    from weasyprint import HTML

    _, landlord = staff_at(request, slug, VIEW)
    found = _assessment(landlord, pk)
    page = render_to_string(
        "backoffice/governance/assessment_print.html", _assessment_context(landlord, found)
    )
    response = HttpResponse(bytes(HTML(string=page).write_pdf()), content_type="application/pdf")
    name = f"{landlord.slug}-code-self-assessment-{found.year_starting}-v{found.version}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_required
def row(request: HttpRequest, slug: str, pk: int, row_id: int) -> HttpResponse:
    """Answer one provision of a draft: comply yes or no (prefilled from the evidence), evidence, commentary."""
    user, landlord = staff_at(request, slug, EDIT)
    found = _assessment(landlord, pk)
    entry = found.rows.filter(pk=row_id).first()
    if entry is None or found.approved:
        raise Http404("No such provision to answer")
    initial = {
        "comply": "" if entry.comply is None else ("yes" if entry.comply else "no"),
        "comply_reason": entry.comply_reason,
        "evidence_note": entry.evidence_note,
        "commentary": entry.commentary,
    }
    form = RowForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_row_answer(
                landlord=landlord,
                actor=user,
                row_id=entry.pk,
                comply=form.cleaned_data["comply"] == "yes",
                comply_reason=form.cleaned_data["comply_reason"],
                evidence_note=form.cleaned_data["evidence_note"],
                commentary=form.cleaned_data["commentary"],
            )
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, f"Provision {entry.provision} answered")
            return redirect(f"{_assessment_url(found)}#row-{entry.pk}")
    context = {"landlord": landlord, "assessment": found, "row": entry, "form": form}
    return render(request, "backoffice/governance/row.html", context)


@staff_required
@require_POST
def assessment_change(request: HttpRequest, slug: str, pk: int, what: str) -> HttpResponse:
    """Count a draft's evidence again, or make a new draft version from an approved one."""
    user, landlord = staff_at(request, slug, EDIT)
    if what not in ("recount", "new-version"):
        raise Http404("No such change")
    found = _assessment(landlord, pk)
    try:
        if what == "recount":
            changed = services.self_assessment_recount(landlord=landlord, actor=user, assessment_id=found.pk)
            messages.success(request, "Evidence counted again from the records")
        else:
            changed = services.self_assessment_new_version(
                landlord=landlord, actor=user, assessment_id=found.pk
            )
            messages.success(request, f"Version {changed.version} started from version {found.version}")
    except InvalidInputError as error:
        messages.error(request, str(error))
        changed = found
    return redirect(_assessment_url(changed))


@staff_required
def approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The governing body's approval: the date, who, the minute reference. The version is then frozen."""
    user, landlord = staff_at(request, slug, APPROVE)
    found = _assessment(landlord, pk)
    if found.approved:
        raise Http404("This version is already approved")
    form = ApproveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_approve(
                landlord=landlord,
                actor=user,
                assessment_id=found.pk,
                approved_on=form.cleaned_data["approved_on"],
                approved_by=form.cleaned_data["approved_by"],
                minute=form.cleaned_data["minute"],
            )
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, "Approval recorded: this version can no longer change")
            return redirect(_assessment_url(found))
    context = {
        "landlord": landlord,
        "assessment": found,
        "year": ReportingYear(found.year_starting),
        "form": form,
    }
    return render(request, "backoffice/governance/approve.html", context)
