"""Closure days (skipped like bank holidays in every working-day count) and homes owned per reporting year."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from putright.accounts.selectors import administration_events
from putright.backoffice.administration.access import administered
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.administration.forms import ClosureDayForm, HomesCountForm
from putright.backoffice.administration.views.common import page
from putright.backoffice.auth.access import staff_required
from putright.domain.errors import DomainError
from putright.organisations.services import closure_day_declare, homes_count_set


@staff_required
@require_http_methods(["GET", "POST"])
def closure_days(request: HttpRequest, slug: str) -> HttpResponse:
    admin, landlord = administered(request, slug)
    form = ClosureDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["closed_on"]
        try:
            declared = closure_day_declare(
                landlord=landlord, actor=admin, day=day, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            refusal_on_form(form, error, field_map={"day": "closed_on"})
        else:
            n = declared.recomputed
            moved = (
                "No open complaint's deadlines changed."
                if n == 0
                else f"{n} open complaint stage{' has' if n == 1 else 's have'} had {'its' if n == 1 else 'their'} "
                "deadlines recomputed."
            )
            messages.success(request, f"{day.day} {day:%B %Y} is now a closure day. {moved}")
            return redirect("backoffice:admin-closure-days", slug=landlord.slug)
    added = {
        event.after.get("day"): event
        for event in administration_events(landlord, kinds=("closure_day.added",))
    }
    days = [
        (closure, added.get(closure.day.isoformat())) for closure in landlord.closure_days.order_by("-day")
    ]
    return page(request, landlord, "closure-days", "closure_days.html", {"form": form, "days": days})


@staff_required
@require_http_methods(["GET", "POST"])
def homes(request: HttpRequest, slug: str) -> HttpResponse:
    admin, landlord = administered(request, slug)
    form = HomesCountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        year, count = form.cleaned_data["year_starting"], form.cleaned_data["homes"]
        try:
            homes_count_set(landlord=landlord, actor=admin, year_starting=year, homes=count)
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, f"Homes owned in {year} to {year + 1} set to {count:,}")
            return redirect("backoffice:admin-homes", slug=landlord.slug)
    return page(
        request,
        landlord,
        "homes",
        "homes.html",
        {
            "form": form,
            "counts": list(landlord.homes_counts.order_by("-year_starting")),
            "changes": list(administration_events(landlord, kinds=("homes.set",))[:50]),
        },
    )
