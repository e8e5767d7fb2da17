"""The case action pages: GET shows the form, POST calls the service (Post/Redirect/Get).

The case is found through the access rules (a guessed or hidden reference is a 404), and the page exists
only for an action `putright.cases.offers` relates to the case; an action offered but not allowed shows
why. A refused input re-renders the form with the GOV.UK error summary and everything typed kept.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import User
from putright.backoffice.auth.access import staff_required
from putright.backoffice.case_actions.forms import ActionForm, row_count
from putright.backoffice.case_actions.pages import PAGES, Page
from putright.cases.access import access_case_by_reference
from putright.cases.models import Case, Stage
from putright.cases.offers import offer_for
from putright.domain.errors import DomainError, InvalidInputError, NotFoundError, NotPermittedError
from putright.letters.models import Letter
from putright.letters.selectors import visible_letters
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # staff_required
    return user


def _case(user: User, slug: str, reference: str) -> tuple[Landlord, Case]:
    try:
        landlord = landlord_for_user(user, slug)
        return landlord, access_case_by_reference(user, landlord, reference)
    except (NotFoundError, NotPermittedError):
        raise Http404("No such case among yours") from None


def case_url(case: Case) -> str:
    return reverse("backoffice:case", kwargs={"slug": case.landlord.slug, "reference": case.reference})


def _current_stage(case: Case) -> Stage | None:
    if case.stage is None:
        return None
    return Stage.objects.filter(case=case, number=case.stage).select_related("handler").first()


def _rows(page: Page, data: Any, initial: dict[str, Any]) -> dict[str, int]:
    filled = {"point": sum(1 for k in initial if k.startswith("point_"))}
    return {name: row_count(data, name, max(least, filled.get(name, 0))) for name, least in page.rows.items()}


FIELD_ALIASES = {"at": "on", "requested_at": "requested_on", "received_at": "received_on"}
"""Service arguments that the forms ask for under another name (a date for a moment)."""
INDEXED = re.compile(r"^(definition|answers)\[(\d+)\](?:\.(\w+))?$")
"""A point of the definition or an answer, e.g. "answers[1].decision", on that row's field."""


def _field_for(form: ActionForm, service_field: str) -> str | None:
    """The form field a service's InvalidInputError names, or None for the top of the form."""
    field = FIELD_ALIASES.get(service_field, service_field)
    indexed = INDEXED.match(field)
    if indexed:
        group, index, part = indexed.groups()  # the parts are named as the fields: point, decision, reasons
        field = f"{part or ('point' if group == 'definition' else 'reasons')}_{index}"
    return field if field in form.fields else None


def _apply(form: ActionForm, error: DomainError) -> None:
    """Put the service's refusal on the field it names, or at the top of the form."""
    message = str(error)
    message = message[:1].upper() + message[1:]
    field = _field_for(form, error.field) if isinstance(error, InvalidInputError) else None
    form.add_error(field, message)


def _letters_since(user: User, landlord: Landlord, cases: list[Case], since: Any) -> str:
    """A sentence naming the letters the action issued, to go in the success banner."""
    letters = visible_letters(user, landlord).filter(case__in=cases, created_at__gte=since).order_by("id")
    words = []
    for letter in letters.only("subject", "status", "sent_on"):
        if letter.status == Letter.Status.RECORDED:
            words.append(f"“{letter.subject}” is recorded as sent on {letter.sent_on:%-d %B %Y}")
        else:
            words.append(f"“{letter.subject}” is being sent")
    return ("Letter: " if len(words) == 1 else "Letters: ") + "; ".join(words) + "." if words else ""


@staff_required
def case_action(request: HttpRequest, slug: str, reference: str, action: str) -> HttpResponse:
    user = _user(request)
    landlord, case = _case(user, slug, reference)
    page = PAGES.get(action)
    offer = offer_for(user, case, action)
    if page is None or offer is None:
        raise Http404("No such action on this case")
    context: dict[str, Any] = {"case": case, "page": page, "offer": offer, "case_url": case_url(case)}
    if not offer.allowed:
        return render(request, "backoffice/case_actions/not_allowed.html", context, status=403)
    stage = _current_stage(case)
    initial = page.form.initial_for(case, stage)
    data = request.POST if request.method == "POST" else None
    form = page.form(
        data, initial=initial, case=case, user=user, stage=stage, rows=_rows(page, data, initial)
    )
    if data is not None and data.get("add"):
        # "Add another": one more row, with what was typed, and nothing judged yet.
        form._errors = ErrorDict()  # type: ignore[attr-defined]
    elif data is not None and form.is_valid():
        started = timezone.now()
        try:
            done = page.perform(form, landlord, user, case)
        except DomainError as error:
            _apply(form, error)
        else:
            cases = [case] + ([done.case] if done.case is not None else [])
            letters = _letters_since(user, landlord, cases, started)
            messages.success(request, f"{done.message}. {letters}".strip())
            return HttpResponseRedirect(case_url(done.case or case))
    context.update(form=form, stage=stage, title=page.heading(stage))
    return render(request, page.template, context)
