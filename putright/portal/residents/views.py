"""The resident portal: sign in by emailed link, see your cases and letters, ask for stage 2, withdraw,
answer the satisfaction survey.

Every rule about what a resident may see or do is in putright.residents (access and services); the views
only turn a NotFoundError into a 404 and re-show forms with what was typed.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from putright.accounts.client_ip import client_ip
from putright.cases.models import Case
from putright.cases.services.notes import allowed_types_text, max_size_text
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.letters.delivery import letter_pdf
from putright.organisations.models import Landlord
from putright.portal.residents.session import resident_required, sign_in, sign_out
from putright.portal.residents.wording import NEXT_DUE, SCORES, plain_status
from putright.residents.access import (
    Resident,
    resident_case,
    resident_cases,
    resident_letter,
    resident_letters,
    resident_restrictions,
    resident_submissions,
)
from putright.residents.services import (
    may_answer_survey,
    may_escalate,
    may_withdraw,
    resident_escalation_request,
    resident_information_add,
    resident_portal_user,
    resident_survey_answer,
    resident_withdraw,
    sign_in_link_redeem,
    sign_in_link_request,
    survey_answer,
)

MAX_REASON = 2000


def _case(landlord: Landlord, resident: Resident, reference: str) -> Case:
    try:
        return resident_case(landlord, resident, reference, timezone.localdate())
    except NotFoundError:
        raise Http404("No such case") from None


def _done(landlord: Landlord, case: Case, what: str) -> HttpResponse:
    return redirect(
        reverse("portal:my-case", kwargs={"slug": landlord.slug, "reference": case.reference})
        + f"?done={what}"
    )


def _context(landlord: Landlord, resident: Resident | None, **values: object) -> dict[str, object]:
    return {"landlord": landlord, "resident": resident, **values}


def sign_in_start(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = get_object_or_404(Landlord, slug=slug)
    email = request.POST.get("email", "").strip() if request.method == "POST" else ""
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not email:
            errors["email"] = "Enter your email address"
        elif "@" not in email or len(email) > 254:
            errors["email"] = "Enter an email address in the correct format, like name@example.com"
        else:
            try:
                sign_in_link_request(
                    landlord=landlord,
                    email=email,
                    client_address=client_ip(request),
                    site_url=request.build_absolute_uri("/"),
                )
            except NotPermittedError:
                return render(
                    request, "portal/residents/sign_in_limited.html", _context(landlord, None), status=429
                )
            return redirect("portal:sign-in-sent", slug=landlord.slug)
    return render(
        request,
        "portal/residents/sign_in.html",
        _context(landlord, None, email=email, errors=errors),
        status=400 if errors else 200,
    )


def sign_in_sent(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = get_object_or_404(Landlord, slug=slug)
    return render(request, "portal/residents/sign_in_sent.html", _context(landlord, None))


def sign_in_link(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """Opening the link shows a button; only pressing it uses the link (mail scanners open links too)."""
    landlord = get_object_or_404(Landlord, slug=slug)
    if request.method == "POST":
        try:
            resident = sign_in_link_redeem(landlord=landlord, token=token)
        except NotFoundError:
            return render(
                request, "portal/residents/sign_in_expired.html", _context(landlord, None), status=404
            )
        sign_in(request, landlord, resident)
        return redirect("portal:my-cases", slug=landlord.slug)
    return render(request, "portal/residents/sign_in_link.html", _context(landlord, None))


@require_POST
def sign_out_view(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = get_object_or_404(Landlord, slug=slug)
    sign_out(request, landlord)
    return redirect("portal:sign-in", slug=landlord.slug)


@resident_required
def my_cases(request: HttpRequest, landlord: Landlord, resident: Resident) -> HttpResponse:
    cases = resident_cases(landlord, resident, timezone.localdate()).order_by("-received_at")
    rows = [
        {
            "case": case,
            "status": plain_status(case.status),
            "next": NEXT_DUE.get(case.next_due_kind, ""),
            "survey": may_answer_survey(case),
        }
        for case in cases
    ]
    return render(
        request,
        "portal/residents/my_cases.html",
        _context(landlord, resident, rows=rows, restrictions=resident_restrictions(landlord, resident)),
    )


@resident_required
def case_detail(request: HttpRequest, landlord: Landlord, resident: Resident, reference: str) -> HttpResponse:
    case = _case(landlord, resident, reference)
    return render(
        request,
        "portal/residents/case.html",
        _context(
            landlord,
            resident,
            case=case,
            status=plain_status(case.status),
            next=NEXT_DUE.get(case.next_due_kind, ""),
            letters=resident_letters(case),
            may_escalate=may_escalate(case),
            may_withdraw=may_withdraw(case),
            may_answer_survey=may_answer_survey(case),
            survey=survey_answer(case),
            restrictions=resident_restrictions(landlord, resident),
            submissions=resident_submissions(case, resident_portal_user(landlord).pk),
            done=request.GET.get("done", ""),
        ),
    )


@resident_required
def letter_pdf_view(
    request: HttpRequest, landlord: Landlord, resident: Resident, reference: str, letter_id: int
) -> HttpResponse:
    case = _case(landlord, resident, reference)
    try:
        letter = resident_letter(case, letter_id)
    except NotFoundError:
        raise Http404("No such letter") from None
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}-letter-{letter.pk}.pdf"'
    return response


@resident_required
def escalate(request: HttpRequest, landlord: Landlord, resident: Resident, reference: str) -> HttpResponse:
    case = _case(landlord, resident, reference)
    if not may_escalate(case):
        return redirect("portal:my-case", slug=landlord.slug, reference=case.reference)
    reason = request.POST.get("reason", "")[:MAX_REASON] if request.method == "POST" else ""
    if request.method == "POST":
        resident_escalation_request(
            landlord=landlord, resident=resident, reference=case.reference, reason=reason
        )
        return _done(landlord, case, "escalated")
    return render(
        request, "portal/residents/escalate.html", _context(landlord, resident, case=case, reason=reason)
    )


@resident_required
def withdraw(request: HttpRequest, landlord: Landlord, resident: Resident, reference: str) -> HttpResponse:
    case = _case(landlord, resident, reference)
    if not may_withdraw(case):
        return redirect("portal:my-case", slug=landlord.slug, reference=case.reference)
    reason = request.POST.get("reason", "")[:MAX_REASON] if request.method == "POST" else ""
    errors: dict[str, str] = {}
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            errors["confirm"] = "Select yes if you want to withdraw your complaint"
        else:
            resident_withdraw(landlord=landlord, resident=resident, reference=case.reference, reason=reason)
            return _done(landlord, case, "withdrawn")
    return render(
        request,
        "portal/residents/withdraw.html",
        _context(landlord, resident, case=case, reason=reason, errors=errors),
        status=400 if errors else 200,
    )


@resident_required
def add_information(
    request: HttpRequest, landlord: Landlord, resident: Resident, reference: str
) -> HttpResponse:
    case = _case(landlord, resident, reference)
    if not may_withdraw(case):
        return redirect("portal:my-case", slug=landlord.slug, reference=case.reference)
    text = request.POST.get("text", "") if request.method == "POST" else ""
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            resident_information_add(
                landlord=landlord,
                resident=resident,
                reference=case.reference,
                text=text,
                file=request.FILES.get("file"),
            )
        except InvalidInputError as error:
            errors[error.field] = str(error)
        else:
            return _done(landlord, case, "added")
    return render(
        request,
        "portal/residents/add_information.html",
        _context(
            landlord,
            resident,
            case=case,
            text=text,
            errors=errors,
            allowed_types=allowed_types_text(),
            max_size=max_size_text(),
        ),
        status=400 if errors else 200,
    )


@resident_required
def survey(request: HttpRequest, landlord: Landlord, resident: Resident, reference: str) -> HttpResponse:
    """The satisfaction survey on a closed complaint, answered once; afterwards the page says so."""
    case = _case(landlord, resident, reference)
    answered = survey_answer(case)
    if answered is None and not may_answer_survey(case):
        return redirect("portal:my-case", slug=landlord.slug, reference=case.reference)
    score = request.POST.get("score", "") if request.method == "POST" else ""
    comment = request.POST.get("comment", "")[:MAX_REASON] if request.method == "POST" else ""
    errors: dict[str, str] = {}
    if request.method == "POST" and answered is None:
        try:
            resident_survey_answer(
                landlord=landlord,
                resident=resident,
                reference=case.reference,
                score=int(score) if score.isdigit() else 0,
                comment=comment,
            )
        except InvalidInputError as error:
            errors[error.field] = str(error)
        except NotPermittedError:
            answered = survey_answer(case)
        else:
            return _done(landlord, case, "surveyed")
    return render(
        request,
        "portal/residents/survey.html",
        _context(
            landlord,
            resident,
            case=case,
            answered=answered,
            scores=SCORES,
            score=score,
            comment=comment,
            errors=errors,
        ),
        status=400 if errors else 200,
    )
