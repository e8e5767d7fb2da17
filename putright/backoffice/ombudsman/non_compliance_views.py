"""Code non-compliance in exceptional circumstances: the list, recording a period and updating it with the
notices given and the date of return to compliance. Pages over `putright.ombudsman`, nothing more.

Anyone who may see cases at the landlord sees the list; recording and updating are for those the service
lets (administrators and those who decide on complaints), others are refused (403). Another landlord's
record is not found."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.auth.access import staff_required
from putright.backoffice.ombudsman.access import signed_in, staff_at
from putright.backoffice.ombudsman.forms import NonComplianceForm
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.ombudsman import selectors, services
from putright.ombudsman.models import NonCompliance

FIELDS = services.NON_COMPLIANCE_FIELDS


@staff_required
def non_compliance_list(request: HttpRequest, slug: str) -> HttpResponse:
    user, landlord = staff_at(request, slug, "case.view")
    context = {
        "landlord": landlord,
        "entries": selectors.non_compliance(landlord),
        "records": services.may_record_non_compliance(user, landlord),
    }
    return render(request, "backoffice/ombudsman/non_compliance.html", context)


def _form_page(request: HttpRequest, slug: str, pk: int | None) -> HttpResponse:
    user, landlord = signed_in(request, slug)
    if not services.may_record_non_compliance(user, landlord):
        raise PermissionDenied(f"Your role at {landlord.name} does not include recording Code non-compliance")
    entry: NonCompliance | None = None
    if pk is not None:
        try:
            entry = selectors.non_compliance_entry(landlord, pk)
        except NotFoundError:
            raise Http404("No such non-compliance record") from None
    initial = {name: getattr(entry, name) for name in FIELDS} if entry else {}
    form = NonComplianceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in FIELDS}
        try:
            if entry is None:
                services.non_compliance_record(landlord=landlord, actor=user, **values)
            else:
                services.non_compliance_update(
                    landlord=landlord, actor=user, non_compliance_id=entry.pk, **values
                )
        except InvalidInputError as error:
            refusal_on_form(form, error)
        else:
            provision = values["provision"].strip()
            done = "recorded" if entry is None else "updated"
            messages.success(request, f"Non-compliance with provision {provision} {done}")
            return redirect(reverse("backoffice:non-compliance", args=[landlord.slug]))
    context = {"landlord": landlord, "entry": entry, "form": form}
    return render(request, "backoffice/ombudsman/non_compliance_form.html", context)


@staff_required
def non_compliance_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _form_page(request, slug, None)


@staff_required
def non_compliance_change(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _form_page(request, slug, pk)
