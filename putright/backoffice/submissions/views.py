"""Online-form submissions not yet logged: what went wrong, in words, and a "Try again" button.

A submission is saved before it is logged (putright/submissions/services.py), so one that failed waits
here; trying again calls `submission_retry`. Open to the people who may log feedback at the landlord."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.auth.access import staff_required
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user
from putright.submissions.models import PublicSubmission
from putright.submissions.selectors import submissions_recently_logged, submissions_waiting
from putright.submissions.services import submission_retry


def _landlord(request: HttpRequest, slug: str) -> tuple[User, Landlord]:
    """404 unless the person holds a role at the landlord; 403 unless their roles let them log feedback."""
    user = request.user
    assert isinstance(user, User)  # staff_required
    try:
        landlord = landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None
    if not can(user, landlord, "case.log"):
        raise PermissionDenied("Your roles here do not include logging feedback")
    return user, landlord


def failure_in_words(submission: PublicSubmission) -> str:
    """Why it is waiting, for a complaints officer rather than a developer."""
    if submission.status == PublicSubmission.Status.RECEIVED:
        return "Saved, but logging it was interrupted before it finished."
    kind, _, detail = submission.error.partition(": ")
    if kind in ("InvalidInputError", "NotPermittedError", "DomainError") and detail:
        return f"PutRight refused it: {detail}"
    return (
        "Something went wrong while logging it" + (f" ({submission.error})" if submission.error else "") + "."
    )


@require_GET
@staff_required
def submission_list(request: HttpRequest, slug: str) -> HttpResponse:
    _, landlord = _landlord(request, slug)
    waiting = [(s, failure_in_words(s)) for s in submissions_waiting(landlord=landlord)]
    return render(
        request,
        "backoffice/submissions/list.html",
        {"landlord": landlord, "waiting": waiting, "logged": submissions_recently_logged(landlord=landlord)},
    )


@require_POST
@staff_required
def submission_try_again(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    _, landlord = _landlord(request, slug)
    try:
        submission = submission_retry(landlord=landlord, reference=reference)
    except NotFoundError:
        raise Http404("No such submission here") from None
    except InvalidInputError as error:
        messages.info(request, f"Nothing to try again: {error}")
    else:
        if submission.status == PublicSubmission.Status.PROCESSED and submission.case is not None:
            messages.success(request, f"{submission.reference} is logged as case {submission.case.reference}")
        else:
            messages.info(
                request, f"{submission.reference} still could not be logged: {failure_in_words(submission)}"
            )
    return redirect(reverse("backoffice:submissions", args=[landlord.slug]))
