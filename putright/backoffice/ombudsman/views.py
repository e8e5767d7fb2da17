"""The Ombudsman page (cases, orders due, Code non-compliance), recording compliance with an order, the
learning log and publishing a lesson: pages over `putright.ombudsman`, nothing more.

A landlord the person holds no role at is not found; a role that may not use a page is refused (403); an
order or lesson of another landlord, or about a case the person may not see, is not found."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.auth.access import staff_required
from putright.backoffice.ombudsman.access import staff_at
from putright.backoffice.ombudsman.forms import (
    LearningFilterForm,
    LessonPublishForm,
    OrderCompleteForm,
    ReferForm,
)
from putright.cases.access import access_case_by_reference, may_see
from putright.cases.models import Learning
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.ombudsman import selectors, services
from putright.ombudsman.models import Order, PublishedLesson
from putright.organisations.models import Landlord


@staff_required
def ombudsman(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = staff_at(request, slug, "case.view")
    today = timezone.localdate()
    visible = selectors.ombudsman_cases(landlord, user)
    due = [o for o in selectors.orders_due(landlord, today) if may_see(user, o.ombudsman_case.case)]
    context = {
        "landlord": landlord,
        "today": today,
        "referrals": visible,
        "due": due,
        "non_compliance": selectors.non_compliance_counts(landlord),
        "completes": can(user, landlord, "action.complete"),
        "refers": can(user, landlord, "case.decide"),
    }
    return render(request, "backoffice/ombudsman/ombudsman.html", context)


@staff_required
def refer(request: HttpRequest, slug: str) -> HttpResponse:
    """Record that a complaint was referred to the Ombudsman, found by its reference as typed."""
    user, landlord = staff_at(request, slug, "case.decide")
    form = ReferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reference = form.cleaned_data["case_reference"].strip().upper()
        try:
            case = access_case_by_reference(user, landlord, reference)
        except NotFoundError:
            form.add_error("case_reference", f"There is no complaint {reference} at {landlord.name}")
        else:
            try:
                referral = services.ombudsman_case_refer(
                    landlord=landlord,
                    actor=user,
                    case_id=case.pk,
                    ombudsman_reference=form.cleaned_data["ombudsman_reference"],
                    referred_on=form.cleaned_data["referred_on"],
                )
            except InvalidInputError as error:
                refusal_on_form(form, error)
            else:
                messages.success(
                    request, f"Referral {referral.ombudsman_reference} recorded for {case.reference}"
                )
                return redirect(reverse("backoffice:ombudsman", args=[landlord.slug]))
    return render(request, "backoffice/ombudsman/refer.html", {"landlord": landlord, "form": form})


def _order(user: User, landlord: Landlord, order_id: int) -> Order:
    order = (
        Order.objects.filter(pk=order_id, landlord=landlord).select_related("ombudsman_case__case").first()
    )
    if order is None or not may_see(user, order.ombudsman_case.case):
        raise Http404("No such order")
    return order


@staff_required
def order_complete(request: HttpRequest, slug: str, order_id: int) -> HttpResponse:
    user, landlord = staff_at(request, slug, "action.complete")
    order = _order(user, landlord, order_id)
    if order.completed_on is not None:
        raise Http404("This order is already complete")
    form = OrderCompleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.order_complete(
                landlord=landlord,
                actor=user,
                order_id=order.pk,
                completed_on=form.cleaned_data["completed_on"],
                evidence=form.cleaned_data["evidence"],
            )
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, f"Compliance recorded for {order.ombudsman_case.ombudsman_reference}")
            return redirect(reverse("backoffice:ombudsman", args=[landlord.slug]))
    return render(
        request,
        "backoffice/ombudsman/order_complete.html",
        {"landlord": landlord, "order": order, "form": form},
    )


@staff_required
def learning(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = staff_at(request, slug, "reports.view")
    everything = selectors.learning_log(landlord, user)
    areas = sorted({a for a in everything.values_list("case__service_area", flat=True) if a})
    form = LearningFilterForm(request.GET or None, areas=areas)
    lessons = everything
    if form.is_bound and form.is_valid():
        lessons = selectors.learning_log(
            landlord,
            user,
            service_area=form.cleaned_data["service_area"],
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        )
    published = set(PublishedLesson.objects.filter(landlord=landlord).values_list("learning_id", flat=True))
    context = {
        "landlord": landlord,
        "form": form,
        "lessons": lessons if not form.errors else everything.none(),
        "published": published,
        "publishes": can(user, landlord, "case.decide"),
    }
    return render(request, "backoffice/ombudsman/learning.html", context)


@staff_required
def lesson_publish(request: HttpRequest, slug: str, learning_id: int) -> HttpResponse:
    user, landlord = staff_at(request, slug, "case.decide")
    lesson = Learning.objects.filter(pk=learning_id, case__landlord=landlord).select_related("case").first()
    if lesson is None or not may_see(user, lesson.case):
        raise Http404("No such lesson")
    form = LessonPublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.lesson_publish(
                landlord=landlord,
                actor=user,
                learning_id=lesson.pk,
                you_said=form.cleaned_data["you_said"],
                we_did=form.cleaned_data["we_did"],
                published_on=form.cleaned_data["published_on"],
            )
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, "Lesson published on the \u201cyou said, we did\u201d page")
            return redirect(reverse("backoffice:learning", args=[landlord.slug]))
    return render(
        request,
        "backoffice/ombudsman/lesson_publish.html",
        {"landlord": landlord, "lesson": lesson, "form": form},
    )
