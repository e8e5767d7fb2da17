"""The annual complaints performance and service improvement report (Code 8.1 (a) to (f)): its page and
PDF for publication, staff's analysis and publication record, and the governing body's response."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from putright.accounts.permissions import can
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.auth.access import staff_required
from putright.backoffice.governance.forms import AnnualEditForm, AnnualRespondForm
from putright.backoffice.ombudsman.access import staff_at
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.governance import annual, selectors
from putright.governance.models import AnnualReport
from putright.organisations.models import Landlord
from putright.reporting.exports import pack_rows, sections

MONTHLY = frozenset({"Trends"})
"""The Board pack's month-by-month rows: the annual report gives the year's totals; the pack has the months."""


def _report(landlord: Landlord, year: int) -> AnnualReport:
    try:
        return selectors.annual_report(landlord, year)
    except NotFoundError:
        raise Http404("No such annual report") from None


def _context(landlord: Landlord, report: AnnualReport) -> dict[str, Any]:
    figures = selectors.annual_figures(landlord, report.year_starting)
    return {
        "landlord": landlord,
        "report": report,
        "figures": figures,
        "year": figures.year,
        "pack_sections": [(n, rows) for n, rows in sections(pack_rows(figures.pack)) if n not in MONTHLY],
        "submission": selectors.submission(landlord, report.year_starting),
        "assessment_sections": selectors.sections(figures.assessment) if figures.assessment else [],
    }


def _url(report: AnnualReport) -> str:
    return reverse("backoffice:governance-annual", args=[report.landlord.slug, report.year_starting])


@staff_required
def annual_report(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    user, landlord = staff_at(request, slug, "governance.view")
    context = _context(landlord, _report(landlord, year))
    context.update(
        {
            "edits": can(user, landlord, "governance.edit"),
            "approves": can(user, landlord, "governance.approve"),
        }
    )
    return render(request, "backoffice/governance/annual.html", context)


@staff_required
def annual_pdf(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    from weasyprint import HTML

    _, landlord = staff_at(request, slug, "governance.view")
    report = _report(landlord, year)
    page = render_to_string("backoffice/governance/annual_print.html", _context(landlord, report))
    response = HttpResponse(bytes(HTML(string=page).write_pdf()), content_type="application/pdf")
    name = f"{landlord.slug}-annual-complaints-report-{report.year_starting}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def _annual_form(
    request: HttpRequest,
    slug: str,
    year: int,
    *,
    action: str,
    form_class: type[AnnualEditForm] | type[AnnualRespondForm],
    save: Callable[..., Any],
    done: str,
    template: str,
) -> HttpResponse:
    """One page of the report's record (staff's part or the governing body's): the form starts from what is
    saved, the service refuses bad input on the field it names, and what was typed is kept."""
    user, landlord = staff_at(request, slug, action)
    report = _report(landlord, year)
    initial = {name: getattr(report, name) for name in form_class.base_fields}
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save(landlord=landlord, actor=user, report_id=report.pk, **form.cleaned_data)
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, done)
            return redirect(_url(report))
    context = {
        "landlord": landlord,
        "report": report,
        "form": form,
        "year": selectors.submission(landlord, year).year,
    }
    return render(request, template, context)


@staff_required
def annual_edit(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    return _annual_form(
        request,
        slug,
        year,
        action="governance.edit",
        form_class=AnnualEditForm,
        save=annual.annual_report_update,
        done="Annual report saved",
        template="backoffice/governance/annual_edit.html",
    )


@staff_required
def annual_respond(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    return _annual_form(
        request,
        slug,
        year,
        action="governance.approve",
        form_class=AnnualRespondForm,
        save=annual.annual_report_respond,
        done="The governing body's response is recorded",
        template="backoffice/governance/annual_respond.html",
    )
