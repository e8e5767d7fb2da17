"""Branding: the name shown, the brand colour (checked for contrast behind white text), the contact
details, and the logo (PNG or JPEG only, served to the landlord's own staff through this view)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from putright.accounts.models import User
from putright.backoffice.administration.access import administered
from putright.backoffice.administration.errors import refusal_on_form
from putright.backoffice.administration.forms import BrandingForm, LogoForm
from putright.backoffice.administration.views.common import page
from putright.backoffice.auth.access import staff_required
from putright.domain.errors import DomainError, NotFoundError
from putright.organisations.models import Landlord, LandlordLogo
from putright.organisations.selectors import landlord_for_user
from putright.organisations.services import (
    BRANDING_FIELDS,
    landlord_branding_set,
    landlord_logo_remove,
    landlord_logo_set,
)


def _render(
    request: HttpRequest, landlord: Landlord, form: BrandingForm, logo_form: LogoForm, status: int = 200
) -> HttpResponse:
    return page(
        request, landlord, "branding", "branding.html", {"form": form, "logo_form": logo_form}, status=status
    )


@staff_required
@require_http_methods(["GET", "POST"])
def branding(request: HttpRequest, slug: str) -> HttpResponse:
    admin, landlord = administered(request, slug)
    initial = {field: getattr(landlord, field) for field in BRANDING_FIELDS}
    form = BrandingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            landlord_branding_set(landlord=landlord, actor=admin, **form.cleaned_data)
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, "Branding and contact details saved")
            return redirect("backoffice:admin-branding", slug=landlord.slug)
    return _render(request, landlord, form, LogoForm())


@staff_required
@require_POST
def logo(request: HttpRequest, slug: str) -> HttpResponse:
    admin, landlord = administered(request, slug)
    form = LogoForm(request.POST, request.FILES)
    if request.POST.get("action") == "remove":
        try:
            landlord_logo_remove(landlord=landlord, actor=admin)
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, "Logo removed")
            return redirect("backoffice:admin-branding", slug=landlord.slug)
    elif form.is_valid():
        upload = form.cleaned_data["logo"]
        try:
            landlord_logo_set(landlord=landlord, actor=admin, content=upload.read())
        except DomainError as error:
            refusal_on_form(form, error)
        else:
            messages.success(request, "Logo uploaded. It now shows in the header of every staff page.")
            return redirect("backoffice:admin-branding", slug=landlord.slug)
    initial = {field: getattr(landlord, field) for field in BRANDING_FIELDS}
    return _render(request, landlord, BrandingForm(initial=initial), form)


@staff_required
def logo_image(request: HttpRequest, slug: str) -> HttpResponse:
    """The logo, for anyone with a role at the landlord (it shows in their header)."""
    user = request.user
    assert isinstance(user, User)
    try:
        landlord = landlord_for_user(user, slug)
    except NotFoundError:
        raise Http404("No such landlord among yours") from None
    found = LandlordLogo.objects.filter(landlord=landlord).values_list("image", "content_type").first()
    if found is None:
        raise Http404("No logo")
    image, content_type = found
    response = HttpResponse(bytes(image), content_type=content_type)
    response["Cache-Control"] = "private, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
