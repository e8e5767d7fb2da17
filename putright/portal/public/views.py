"""The public pages: how to complain, the feedback form (one question a page), check answers, confirmation.

Nothing here needs JavaScript: every page is a plain form POST followed by a redirect. The answers so far
live in the session (per landlord), with the files already checked and kept; sending saves a raw submission
first (putright.submissions) and only then logs the case.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from putright.accounts.client_ip import client_ip
from putright.cases.services.notes import allowed_types_text, max_size_text
from putright.domain.errors import InvalidInputError
from putright.organisations.models import Landlord, LandlordLogo
from putright.organisations.public_policy import public_policy
from putright.organisations.selectors import profile_on
from putright.portal.public import steps
from putright.portal.public.summary import confirmation_dates, summary_rows
from putright.submissions.models import PublicSubmission
from putright.submissions.services import (
    MAX_FILES,
    StagedFile,
    submission_file_discard,
    submission_file_stage,
    submission_rate_limited,
    submission_receive,
)

HONEYPOT = "website"
SENT = "portal-feedback-sent"


def _landlord(slug: str) -> Landlord:
    return get_object_or_404(Landlord, slug=slug)


def _key(landlord: Landlord) -> str:
    return f"portal-feedback-{landlord.pk}"


def _state(request: HttpRequest, landlord: Landlord) -> dict[str, Any]:
    state = request.session.get(_key(landlord))
    if not isinstance(state, dict):
        state = {"answers": {}, "done": [], "files": [], "authority_files": [], "spam": False}
    return state


def _save(request: HttpRequest, landlord: Landlord, state: dict[str, Any]) -> None:
    request.session[_key(landlord)] = state
    request.session.modified = True


def _honeypot(request: HttpRequest, state: dict[str, Any]) -> None:
    if request.POST.get(HONEYPOT, "").strip():
        state["spam"] = True


def how_to(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(slug)
    policy = public_policy(profile_on(landlord, timezone.localdate()))
    return render(request, "portal/public/how_to.html", {"landlord": landlord, "policy": policy})


def logo(request: HttpRequest, slug: str) -> HttpResponse:
    """The landlord's logo for its public pages (PNG or JPEG only, as uploaded by its administrator)."""
    landlord = _landlord(slug)
    found = LandlordLogo.objects.filter(landlord=landlord).values_list("image", "content_type").first()
    if found is None:
        raise Http404("No logo")
    image, content_type = found
    response = HttpResponse(bytes(image), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def start(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(slug)
    state = _state(request, landlord)
    following = steps.next_missing(state["answers"], state["done"])
    if following is None:
        return redirect("portal:check", slug=landlord.slug)
    return redirect("portal:step", slug=landlord.slug, step=following.slug)


def _after(landlord: Landlord, state: dict[str, Any], changing: bool) -> HttpResponse:
    following = steps.next_missing(state["answers"], state["done"])
    if following is None:
        return redirect("portal:check", slug=landlord.slug)
    target = reverse("portal:step", kwargs={"slug": landlord.slug, "step": following.slug})
    return redirect(target + ("?change=1" if changing else ""))


def _back(landlord: Landlord, slug: str, answers: dict[str, Any], changing: bool) -> str:
    if changing:
        return reverse("portal:check", kwargs={"slug": landlord.slug})
    before = steps.previous(slug, answers)
    if before is None:
        return reverse("portal:how-to", kwargs={"slug": landlord.slug})
    return reverse("portal:step", kwargs={"slug": landlord.slug, "step": before.slug})


def _initial(step: steps.Step, answers: dict[str, Any]) -> dict[str, Any]:
    return {name: answers[name] for name in step.form.base_fields if name in answers}


def step(request: HttpRequest, slug: str, step: str) -> HttpResponse:
    landlord = _landlord(slug)
    page = steps.BY_SLUG.get(step)
    if page is None:
        raise Http404("No such question")
    state = _state(request, landlord)
    answers = state["answers"]
    changing = request.GET.get("change") == "1"
    if not steps.applies(page.slug, answers):
        return _after(landlord, state, changing)
    if request.method == "POST":
        _honeypot(request, state)
        form = page.form(request.POST, request.FILES)
        if page.slug == "attachments":
            outcome = _attachments(request, landlord, state, form)
            if outcome is not None:
                _save(request, landlord, state)
                return outcome
        elif _representative(landlord, state, form) if page.slug == "representative" else form.is_valid():
            answers.update(form.answers())
            if page.slug not in state["done"]:
                state["done"].append(page.slug)
            _save(request, landlord, state)
            return _after(landlord, state, changing)
        _save(request, landlord, state)
    else:
        form = page.form(initial=_initial(page, answers))
    context = {
        "landlord": landlord,
        "form": form,
        "page": page,
        "answers": answers,
        "back_url": _back(landlord, page.slug, answers, changing),
        "files": state["files"],
        "authority_files": state["authority_files"],
        "max_files": MAX_FILES,
        "allowed_types": allowed_types_text(),
        "max_size": max_size_text(),
        "is_complaint": steps.is_complaint(answers),
        "honeypot": HONEYPOT,
    }
    return render(request, page.template, context, status=400 if form.errors else 200)


def _representative(landlord: Landlord, state: dict[str, Any], form: steps.StepForm) -> bool:
    """Whether the page is complete: its fields are valid and, if they chose to upload their permission,
    there is one. A file that passes its checks is kept even when another answer needs correcting."""
    valid = form.is_valid()
    upload = form.cleaned_data.get("authority_file")
    if upload:
        try:
            staged = submission_file_stage(landlord=landlord, file=upload, field="authority_file")
        except InvalidInputError as error:
            form.add_error("authority_file", str(error))
            return False
        for old in state["authority_files"]:
            submission_file_discard(landlord=landlord, staged=StagedFile.from_dict(old))
        state["authority_files"] = [staged.as_dict()]
    if form.cleaned_data.get("authority") == "evidence" and not state["authority_files"]:
        form.add_error("authority_file", "Select a file showing that you may act for them")
        return False
    return valid


def _attachments(
    request: HttpRequest, landlord: Landlord, state: dict[str, Any], form: steps.StepForm
) -> HttpResponse | None:
    """Add a file, remove one, or carry on; None re-renders the page with the form's errors."""
    here = reverse("portal:step", kwargs={"slug": landlord.slug, "step": "attachments"})
    if request.GET.get("change") == "1":
        here += "?change=1"
    action = request.POST.get("action", "")
    if action == "continue" and request.FILES.get("file"):
        action = "upload"  # a file chosen, then "Continue": keep it rather than drop it silently
    if action.startswith("remove-"):
        index = action.removeprefix("remove-")
        if index.isdigit() and int(index) < len(state["files"]):
            removed = state["files"].pop(int(index))
            submission_file_discard(landlord=landlord, staged=StagedFile.from_dict(removed))
        return redirect(here)
    if action == "upload":
        if not form.is_valid():
            return None
        upload = form.cleaned_data.get("file")
        if upload is None:
            form.add_error("file", "Select a file to upload")
            return None
        if len(state["files"]) >= MAX_FILES:
            form.add_error("file", f"You can add up to {MAX_FILES} files")
            return None
        try:
            staged = submission_file_stage(landlord=landlord, file=upload, field="file")
        except InvalidInputError as error:
            form.add_error("file", str(error))
            return None
        state["files"].append(staged.as_dict())
        return redirect(here)
    if "attachments" not in state["done"]:
        state["done"].append("attachments")
    return _after(landlord, state, request.GET.get("change") == "1")


def check(request: HttpRequest, slug: str) -> HttpResponse:
    landlord = _landlord(slug)
    state = _state(request, landlord)
    answers = state["answers"]
    missing = steps.next_missing(answers, state["done"])
    if missing is not None:
        return redirect("portal:step", slug=landlord.slug, step=missing.slug)
    if request.method == "POST":
        _honeypot(request, state)
        address = client_ip(request)
        if submission_rate_limited(client_address=address, email=str(answers.get("email", ""))):
            _save(request, landlord, state)
            return render(request, "portal/public/limited.html", {"landlord": landlord}, status=429)
        kept = {name: answers[name] for name in _asked(answers) if name in answers}
        submission = submission_receive(
            landlord=landlord,
            answers=kept,
            files=[StagedFile.from_dict(f) for f in state["files"]],
            authority_files=[StagedFile.from_dict(f) for f in state["authority_files"]]
            if answers.get("who") == "representative" and answers.get("authority") == "evidence"
            else [],
            client_address=address,
            spam=bool(state["spam"]),
        )
        request.session.pop(_key(landlord), None)
        request.session[SENT] = [*request.session.get(SENT, [])[-9:], submission.reference]
        return redirect("portal:sent", slug=landlord.slug, reference=submission.reference)
    context = {
        "landlord": landlord,
        "rows": summary_rows(landlord, answers, state),
        "files": state["files"],
        "back_url": reverse("portal:step", kwargs={"slug": landlord.slug, "step": "attachments"}),
        "honeypot": HONEYPOT,
    }
    return render(request, "portal/public/check.html", context)


def _asked(answers: dict[str, Any]) -> list[str]:
    """The answers of the pages that apply: a page skipped after a change leaves nothing behind."""
    return [name for page in steps.applicable(answers) for name in page.form.stored_keys()]


def sent(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    landlord = _landlord(slug)
    if reference not in request.session.get(SENT, []):
        raise Http404("No such submission in this browser")
    submission = get_object_or_404(PublicSubmission, landlord=landlord, reference=reference)
    policy = public_policy(profile_on(landlord, timezone.localdate(submission.received_at)))
    context = {
        "landlord": landlord,
        "submission": submission,
        "policy": policy,
        "dates": confirmation_dates(submission),
    }
    return render(request, "portal/public/sent.html", context)
