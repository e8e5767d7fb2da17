"""The case page, its two forms (an internal note, a file) and the downloads of its files and letters.

Every view finds the case through putright/cases/access.py, so another landlord's reference, a guessed one
and a case hidden from this person are all the same 404. The forms are plain POSTs that come back to the
page (Post/Redirect/Get); invalid input re-renders the page with the GOV.UK error summary and what was
typed. Files and letters are served only through these views, as attachments, never from a public URL.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from putright.accounts.models import User
from putright.accounts.permissions import can
from putright.backoffice.auth.access import staff_required
from putright.backoffice.case_actions.panel import action_panel
from putright.backoffice.case_page.forms import AttachmentForm, NoteForm
from putright.backoffice.case_page.reads import case_page as read_case_page
from putright.cases.access import access_case_by_reference
from putright.cases.models import Case, CaseAttachment
from putright.cases.services.notes import case_attachment_add, case_note_add
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.letters.delivery import letter_pdf
from putright.letters.selectors import letter_for_staff
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_for_user


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # staff_required
    return user


def _landlord(user: User, slug: str) -> Landlord:
    try:
        return landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None


def _case(user: User, landlord: Landlord, reference: str) -> Case:
    try:
        return access_case_by_reference(user, landlord, reference)
    except (NotFoundError, NotPermittedError):
        raise Http404("No such case among those you may see") from None


def _page_url(case: Case, fragment: str = "") -> str:
    url = reverse("backoffice:case", args=[case.landlord.slug, case.reference])
    return f"{url}#{fragment}" if fragment else url


def _render(
    request: HttpRequest,
    landlord: Landlord,
    reference: str,
    *,
    note_form: NoteForm | None = None,
    attachment_form: AttachmentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _user(request)
    try:
        page = read_case_page(
            landlord=landlord, user=user, reference=reference, show_all=request.GET.get("timeline") == "all"
        )
    except (NotFoundError, NotPermittedError):
        raise Http404("No such case among those you may see") from None
    may_add = can(user, landlord, "case.log")
    forms = [f for f in (note_form, attachment_form) if f is not None and f.errors]
    return render(
        request,
        "backoffice/case_page/case.html",
        {
            "landlord": landlord,
            "page": page,
            "case": page.case,
            "offers": action_panel(user, page.case),
            "may_add": may_add,
            "note_form": note_form or NoteForm(),
            "attachment_form": attachment_form or AttachmentForm(),
            "attachment_hint": AttachmentForm.hint(),
            "error_form": forms[0] if forms else None,
            "today": timezone.localdate(),
        },
        status=status,
    )


@require_GET
@staff_required
def case_page(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    return _render(request, _landlord(_user(request), slug), reference)


def _put_back(form: NoteForm | AttachmentForm, error: InvalidInputError) -> None:
    form.add_error(error.field if error.field in form.fields else None, str(error))


@require_POST
@staff_required
def note_add(request: HttpRequest, slug: str, reference: str) -> HttpResponseBase:
    user = _user(request)
    landlord = _landlord(user, slug)
    case = _case(user, landlord, reference)
    if not can(user, landlord, "case.log"):
        raise Http404("Your roles here may not add notes")  # read-only roles are offered no form
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            case_note_add(landlord=landlord, actor=user, case_id=case.pk, text=form.cleaned_data["text"])
        except InvalidInputError as error:
            _put_back(form, error)
        else:
            messages.success(request, "Note added")
            return redirect(_page_url(case, "timeline"))
    return _render(request, landlord, reference, note_form=form, status=400)


@require_POST
@staff_required
def attachment_add(request: HttpRequest, slug: str, reference: str) -> HttpResponseBase:
    user = _user(request)
    landlord = _landlord(user, slug)
    case = _case(user, landlord, reference)
    if not can(user, landlord, "case.log"):
        raise Http404("Your roles here may not attach files")
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = case_attachment_add(
                landlord=landlord,
                actor=user,
                case_id=case.pk,
                file=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
        except InvalidInputError as error:
            _put_back(form, error)
        else:
            messages.success(request, f"{attachment.original_name} attached")
            return redirect(_page_url(case, "timeline"))
    return _render(request, landlord, reference, attachment_form=form, status=400)


@require_GET
@staff_required
def attachment_download(request: HttpRequest, slug: str, reference: str, attachment_id: int) -> FileResponse:
    user = _user(request)
    landlord = _landlord(user, slug)
    case = _case(user, landlord, reference)
    attachment = CaseAttachment.objects.filter(landlord=landlord, case=case, pk=attachment_id).first()
    if attachment is None:
        raise Http404("No such file on this case")
    try:
        content = default_storage.open(attachment.file.name, "rb")
    except FileNotFoundError:
        raise Http404("The file is missing from storage") from None
    response = FileResponse(
        content,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@staff_required
def letter_download(request: HttpRequest, slug: str, reference: str, letter_id: int) -> HttpResponse:
    user = _user(request)
    landlord = _landlord(user, slug)
    case = _case(user, landlord, reference)
    try:
        letter = letter_for_staff(user, landlord, letter_id)
    except NotFoundError:
        raise Http404("No such letter on this case") from None
    if letter.case_id != case.pk:
        raise Http404("No such letter on this case")
    filename = (
        f"{case.reference}-{letter.kind.replace('_', '-')}-{letter.sent_on.isoformat()}-{letter.pk}.pdf"
    )
    return HttpResponse(
        letter_pdf(letter),
        content_type="application/pdf",
        headers={
            "Content-Disposition": content_disposition_header(True, filename),
            "Cache-Control": "private, no-store",
        },
    )
