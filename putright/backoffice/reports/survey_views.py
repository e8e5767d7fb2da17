"""Perception surveys behind TP09: the imports so far, importing a results file, the file's template, and
withdrawing an import made by mistake.

Anyone who may read reports sees the imports; importing (and its template) and withdrawing are for the roles
that `surveys.import` names. A file with faults comes back with every fault listed, linked from the error summary,
and what was typed in the form kept.
"""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.auth.access import staff_required
from putright.backoffice.reports.survey_forms import SurveyImportForm, SurveyWithdrawForm
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.perception import COLUMNS, COMPLAINED_WORDS, HANDLING_WORDS, RowError, SurveyFileError
from putright.domain.tsm import ReportingYear
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user
from putright.surveys.selectors import survey_of, surveys_of
from putright.surveys.services import IMPORT, perception_survey_import, perception_survey_withdraw

SUMMARY_ROWS = 20
"""Row faults linked from the error summary; the rest are in the list under it."""
LISTED_ROWS = 500
"""Row faults listed on the page; beyond these the page says how many more."""


def _staff(request: HttpRequest, slug: str, action: str) -> tuple[User, Landlord]:
    """The signed-in person and the landlord, if their role there allows `action` (403 if not; 404 if they
    hold no role there, the same as a landlord that does not exist)."""
    user = request.user
    assert isinstance(user, User)  # staff_required ran first
    try:
        landlord = landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None
    if not can(user, landlord, action):
        raise PermissionDenied(f"Your role at {landlord.name} does not include this page")
    return user, landlord


@staff_required
def surveys(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = _staff(request, slug, "reports.view")
    context = {
        "landlord": landlord,
        "surveys": surveys_of(landlord)[:200],
        "imports": can(user, landlord, IMPORT),
        "year": ReportingYear.of(timezone.localdate()),
    }
    return render(request, "backoffice/reports/surveys.html", context)


@staff_required
def survey_import(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = _staff(request, slug, IMPORT)
    today = timezone.localdate()
    initial = {"reporting_year": request.GET.get("year", "")}
    form = SurveyImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
        today=today,
    )
    row_errors: list[RowError] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            survey = perception_survey_import(
                landlord=landlord,
                actor=user,
                reporting_year=form.cleaned_data["reporting_year"],
                method=form.cleaned_data["method"],
                sample_notes=form.cleaned_data["sample_notes"],
                file_name=upload.name or "",
                content=upload.read(),
            )
        except SurveyFileError as error:
            row_errors = error.errors
            form.add_error("file", f"{error}: correct the file and select it again")
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            messages.success(
                request,
                f"{survey.responses_count:,} responses imported from “{survey.file_name}” for "
                f"{ReportingYear(survey.reporting_year).label}",
            )
            return redirect("backoffice:report-surveys", landlord.slug)
    context = {
        "landlord": landlord,
        "form": form,
        "row_errors": row_errors[:LISTED_ROWS],
        "row_errors_count": len(row_errors),
        "summary_rows": SUMMARY_ROWS,
        "columns": COLUMNS,
        "complained_words": list(COMPLAINED_WORDS),
        "handling_words": list(HANDLING_WORDS),
    }
    return render(request, "backoffice/reports/survey_import.html", context)


@staff_required
def survey_template(request: HttpRequest, slug: str) -> HttpResponse:
    """The header row the import reads, as a CSV file to fill in."""
    _staff(request, slug, IMPORT)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(COLUMNS)
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="perception-survey-template.csv"'
    return response


@staff_required
def survey_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Confirm withdrawing one import, with the reason; an import already withdrawn says so instead."""
    user, landlord = _staff(request, slug, IMPORT)
    try:
        survey = survey_of(landlord, pk)
    except NotFoundError:
        raise Http404("No such survey import at this landlord") from None
    form = SurveyWithdrawForm(request.POST if request.method == "POST" and not survey.withdrawn else None)
    if form.is_bound and form.is_valid():
        try:
            perception_survey_withdraw(survey=survey, actor=user, reason=form.cleaned_data["reason"])
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            messages.success(
                request,
                f"The import of “{survey.file_name}” for {survey.year.label} is withdrawn: its "
                f"{survey.responses_count:,} responses no longer count in TP09",
            )
            return redirect("backoffice:report-surveys", landlord.slug)
    context = {"landlord": landlord, "survey": survey, "form": form}
    return render(request, "backoffice/reports/survey_withdraw.html", context)
