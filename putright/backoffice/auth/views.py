"""Sign in, enter a code, set up or turn off two-factor, the account page, sign out, reset a password."""

from __future__ import annotations

import math
from base64 import b32encode
from typing import Any, cast

from axes.helpers import get_cool_off
from axes.utils import reset as reset_lockouts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from putright.accounts.models import User
from putright.accounts.second_factor import (
    SecondFactor,
    has_authenticator,
    is_administrator,
    is_verified,
    second_factor,
)
from putright.backoffice.auth.access import staff_required, with_next
from putright.backoffice.auth.forms import CodeForm, NewPasswordForm, ResetRequestForm, SignInForm
from putright.backoffice.auth.qr import qr_svg

WRONG_CODE = "The security code is not correct. Enter the code your authenticator app shows now"
DEVICE_NAME = "Authenticator app"


# Where to go next -----------------------------------------------------------------------------------


def safe_next(request: HttpRequest) -> str | None:
    """The `next` page asked for (form field or query string), if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def landing_url() -> str:
    """Staff's home page: My work once it exists, the start page until then."""
    try:
        return reverse("backoffice:my-work")
    except NoReverseMatch:
        return reverse("backoffice:start")


def continue_url(request: HttpRequest) -> str:
    return safe_next(request) or landing_url()


def _carry_next(request: HttpRequest, url_name: str) -> str:
    target = safe_next(request)
    return with_next(url_name, target) if target else reverse(url_name)


def _minutes(seconds: float) -> str:
    """A length of time in words: "15 minutes", "1 hour", "3 days"."""
    minutes = max(1, round(seconds / 60))
    for unit, size in (("day", 24 * 60), ("hour", 60)):
        if minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _wait(seconds: float) -> str:
    """A wait in words: "4 seconds", "1 second", "3 minutes"."""
    if seconds >= 90:
        return _minutes(seconds)
    whole = max(1, math.ceil(seconds))
    return f"{whole} second{'s' if whole != 1 else ''}"


# Sign in and out ------------------------------------------------------------------------------------


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    """Email and password; then a code, or setting up two-factor, where needed."""
    if request.method == "POST":
        form = SignInForm(request, data=request.POST)
        if form.is_valid() and form.user is not None:
            login(request, form.user)
            step = second_factor(form.user)
            if step is SecondFactor.ENTER_CODE:
                return redirect(_carry_next(request, "backoffice:sign-in-code"))
            if step is SecondFactor.SET_UP:
                return redirect(_carry_next(request, "backoffice:two-factor-setup"))
            return redirect(continue_url(request))
    else:
        if request.user.is_authenticated and second_factor(request.user) is SecondFactor.DONE:
            return redirect(continue_url(request))
        form = SignInForm(request)
    return render(request, "backoffice/auth/sign_in.html", {"form": form, "next": safe_next(request) or ""})


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The page django-axes shows instead of the sign-in form's answer once an email and IP are locked out
    (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "backoffice/auth/locked_out.html",
        {
            "wait": _minutes(cool_off.total_seconds()) if cool_off else None,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
        status=429,
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    was_signed_in = request.user.is_authenticated
    logout(request)
    if was_signed_in:
        messages.success(request, "You have signed out")
    return redirect("backoffice:sign-in")


# The second factor ------------------------------------------------------------------------------------


def _confirmed_device(user: User, *, for_update: bool = False) -> TOTPDevice | None:
    devices = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk")
    if for_update:
        devices = devices.select_for_update()
    return devices.first()


def _check_code(form: CodeForm, device: TOTPDevice) -> bool:
    """True if the form's code is right for `device`; else puts the reason on the form.

    A wrong code makes the next try wait 1, 2, 4, 8 ... seconds (django-otp's throttling); a code already
    used is refused, so a code seen over someone's shoulder cannot be used again.
    """
    allowed, details = device.verify_is_allowed()
    if not allowed:
        locked_until = (details or {}).get("locked_until")
        seconds = (locked_until - timezone.now()).total_seconds() if locked_until else 60
        form.add_error(
            "code", f"You have entered too many wrong codes. Wait {_wait(seconds)}, then try again"
        )
        return False
    if device.verify_token(form.cleaned_data["code"]):
        return True
    form.add_error("code", WRONG_CODE)
    return False


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step of signing in for anyone with an authenticator app."""
    if not request.user.is_authenticated:
        return redirect("backoffice:sign-in")
    user = request.user
    if is_verified(user) or not has_authenticator(user):
        return redirect(continue_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = _confirmed_device(user, for_update=True)
            if device is not None and _check_code(form, device):
                _verified(request, device)
                return redirect(continue_url(request))
    return render(
        request, "backoffice/auth/sign_in_code.html", {"form": form, "next": safe_next(request) or ""}
    )


def _verified(request: HttpRequest, device: TOTPDevice) -> None:
    """Marks the session verified with `device`, under a new session key (as signing in does)."""
    request.session.cycle_key()
    otp_login(request, device)


def _unconfirmed_device(user: User) -> TOTPDevice:
    """The authenticator app being set up: one per person, kept until confirmed so its QR code stays put."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up (or replace) an authenticator app: scan the QR code or type the key, then enter a code."""
    if not request.user.is_authenticated:
        return redirect(with_next("backoffice:sign-in", request.get_full_path()))
    user = request.user
    # Replacing an app needs this session to have been verified with the current one: a password alone
    # must never be enough to put a new app on someone's account.
    if second_factor(user) is SecondFactor.ENTER_CODE:
        return redirect(with_next("backoffice:sign-in-code", request.get_full_path()))
    replacing = has_authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = (
                TOTPDevice.objects.select_for_update()
                .filter(user=user, confirmed=False)
                .order_by("pk")
                .first()
            )
            if device is None:  # set up in another tab meanwhile: start again with a fresh key
                return redirect(request.get_full_path())
            if _check_code(form, device):
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                _verified(request, device)
                target = continue_url(request)
                if target == reverse("backoffice:account"):  # the page that shows the banner
                    messages.success(request, "Two-factor authentication is on")
                return redirect(target)
    device = _unconfirmed_device(user)
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": safe_next(request) or "",
        "replacing": replacing,
        "required": is_administrator(user),
        "qr_code": qr_svg(device.config_url, label="QR code to scan with your authenticator app"),
        "secret": _grouped(secret),
        "issuer": settings.OTP_TOTP_ISSUER,
        "account_name": user.email,
    }
    return render(request, "backoffice/auth/two_factor_setup.html", context)


@csrf_protect
@never_cache
@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_remove(request: HttpRequest) -> HttpResponse:
    """Turn two-factor authentication off (not for administrators, who must keep it)."""
    user = cast(User, request.user)
    if is_administrator(user) or not has_authenticator(user):
        return redirect("backoffice:account")
    if request.method == "POST":
        TOTPDevice.objects.filter(user=user).delete()
        messages.success(request, "Two-factor authentication is off")
        return redirect("backoffice:account")
    return render(request, "backoffice/auth/two_factor_remove.html")


@never_cache
@staff_required
def account(request: HttpRequest) -> HttpResponse:
    """Account security: email address, two-factor authentication, password."""
    user = cast(User, request.user)
    device = _confirmed_device(user)
    return render(
        request,
        "backoffice/auth/account.html",
        {"device": device, "required": is_administrator(user), "account_url": reverse("backoffice:account")},
    )


# Password reset by email ------------------------------------------------------------------------------


class PasswordReset(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "backoffice/auth/password_reset.html"
    email_template_name = "backoffice/auth/password_reset_email.txt"
    subject_template_name = "backoffice/auth/password_reset_subject.txt"
    success_url = reverse_lazy("backoffice:password-reset-done")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "valid_for": _minutes(settings.PASSWORD_RESET_TIMEOUT)}

    def form_valid(self, form: Any) -> HttpResponse:
        self.extra_email_context = {"valid_for": _minutes(settings.PASSWORD_RESET_TIMEOUT)}
        return super().form_valid(form)


class PasswordResetDone(auth_views.PasswordResetDoneView):
    template_name = "backoffice/auth/password_reset_done.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "valid_for": _minutes(settings.PASSWORD_RESET_TIMEOUT)}


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "backoffice/auth/password_reset_confirm.html"
    success_url = reverse_lazy("backoffice:password-reset-complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # Someone who can read the account's email has proved who they are: lift any lockout on it.
        reset_lockouts(username=cast(User, form.user).email)
        return response


class PasswordResetComplete(auth_views.PasswordResetCompleteView):
    template_name = "backoffice/auth/password_reset_complete.html"
