"""Letter templates: the version in use for every kind of letter, editing a new version with a preview
written for a real case (a plain "Preview" button that re-renders the page), and the version history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from putright.accounts.models import User
from putright.backoffice.administration.access import administered
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.administration.forms import LetterTemplateForm
from putright.backoffice.administration.views.common import page
from putright.backoffice.auth.access import staff_required
from putright.cases.access import access_case_by_reference, visible_cases
from putright.cases.models import Case
from putright.domain.errors import DomainError, InvalidInputError, NotFoundError
from putright.domain.letters import LetterKind, required_sections
from putright.letters import selectors
from putright.letters.models import LetterTemplate
from putright.letters.services import current_template, letter_template_preview, letter_template_save
from putright.organisations.models import Landlord
from putright.organisations.selectors import profile_on

VARIANTS = dict(LetterTemplate.Variant.choices)
VARIANT_ORDER = (LetterTemplate.Variant.STANDARD, LetterTemplate.Variant.PLAIN)


def _kind(value: str) -> LetterKind:
    try:
        return LetterKind(value)
    except ValueError:
        raise Http404("No such kind of letter") from None


def _variant(request: HttpRequest) -> str:
    variant = request.GET.get("variant") or request.POST.get("variant") or LetterTemplate.Variant.STANDARD
    if variant not in VARIANTS:
        raise Http404("No such variant")
    return variant


@staff_required
def letter_templates(request: HttpRequest, slug: str) -> HttpResponse:
    _, landlord = administered(request, slug)
    saved = selectors.latest_templates(landlord)
    rows = [
        (kind, *(saved.get((kind.value, v)) or current_template(landlord, kind, v) for v in VARIANT_ORDER))
        for kind in LetterKind
    ]  # a kind never saved shows PutRight's default, installed as version 1 (as the API's list does)
    return page(request, landlord, "letters", "letter_templates.html", {"rows": rows})


def _preview_case(user: User, landlord: Landlord, reference: str) -> Case | None:
    if reference:
        return access_case_by_reference(user, landlord, reference.strip().upper())
    return visible_cases(user, landlord).order_by("-id").first()


@staff_required
@require_http_methods(["GET", "POST"])
def letter_template_edit(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    admin, landlord = administered(request, slug)
    letter_kind, variant = _kind(kind), _variant(request)
    versions = [t for t in selectors.template_versions(landlord, letter_kind) if t.variant == variant]
    current = current_template(landlord, letter_kind, variant) if not versions else versions[0]
    if current is not None and not versions:
        versions = [current]
    starting = _starting_point(request, landlord, letter_kind, current, versions)
    form = LetterTemplateForm(
        request.POST if request.method == "POST" else None,
        initial={"subject": starting.subject, "body": starting.body} if starting else None,
    )
    preview: Any = None
    preview_case: Case | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "save":
            try:
                saved = letter_template_save(
                    landlord=landlord,
                    actor=admin,
                    kind=letter_kind,
                    subject=data["subject"],
                    body=data["body"],
                    variant=variant,
                )
            except DomainError as error:
                _refused(form, error)
            else:
                messages.success(
                    request,
                    f"Version {saved.version} of the {letter_kind.label} ({VARIANTS[variant].lower()}) is saved. "
                    "Letters written from now on use it; letters already written keep their version.",
                )
                url = reverse("backoffice:admin-letter-template", args=[landlord.slug, letter_kind.value])
                return redirect(f"{url}?variant={variant}")
        else:
            try:
                preview_case = _preview_case(admin, landlord, data["case_reference"])
                if preview_case is None:
                    form.add_error(
                        "case_reference", f"{landlord.name} has no case yet to preview the letter with"
                    )
                else:
                    preview = letter_template_preview(
                        landlord=landlord,
                        actor=admin,
                        kind=letter_kind,
                        subject=data["subject"],
                        body=data["body"],
                        case=preview_case,
                    )
            except NotFoundError as error:
                refusal_on_form(form, InvalidInputError("case_reference", str(error)))
            except DomainError as error:
                _refused(form, error)
    return page(
        request,
        landlord,
        "letters",
        "letter_template_edit.html",
        {
            "kind": letter_kind,
            "variant": variant,
            "variants": VARIANTS,
            "current": current,
            "versions": versions,
            "starting": starting,
            "required": required_sections(letter_kind, profile_on(landlord, timezone.localdate())),
            "form": form,
            "preview": preview,
            "preview_case": preview_case,
        },
    )


def _refused(form: LetterTemplateForm, error: DomainError) -> None:
    """A missing required section (or a template error) belongs to the letter's text, unless it names a field."""
    if isinstance(error, InvalidInputError):
        refusal_on_form(form, error, field_map={"case": "case_reference", "variant": "body"})
    else:
        refusal_on_form(form, InvalidInputError("body", str(error)))


def _starting_point(
    request: HttpRequest,
    landlord: Landlord,
    kind: LetterKind,
    current: LetterTemplate | None,
    versions: list[LetterTemplate],
) -> LetterTemplate | None:
    """What the form starts from: a version chosen from the history (?version=N), else the one in use, else
    (a plain-language variant never written) the standard template's current version."""
    chosen = request.GET.get("version", "")
    if chosen:
        match = next((t for t in versions if str(t.version) == chosen), None)
        if match is None:
            raise Http404("No such version")
        return match
    return current or current_template(landlord, kind, LetterTemplate.Variant.STANDARD)
