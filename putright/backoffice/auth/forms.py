"""The sign-in, code and password forms, with GOV.UK Design System labels, hints and error messages.

Rendered by the templates in backoffice/forms/ (`{% include "backoffice/forms/field.html" with
field=form.email %}`).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from putright.accounts.models import User
from putright.backoffice.auth.backends import normalise_email

INCORRECT_SIGN_IN = "Enter a correct email address and password"
EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
CODE_FORMAT = "The security code must be 6 numbers"


class GovukForm(forms.Form):
    """GOV.UK forms validate on the server and show the error summary: no browser `required` checks."""

    use_required_attribute = False


def email_field(*, hint: str = "", required_message: str = "Enter your email address") -> forms.EmailField:
    return forms.EmailField(
        label="Email address",
        help_text=hint,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": required_message, "invalid": EMAIL_FORMAT},
    )


class SignInForm(GovukForm):
    """Email and password. A wrong pair gets one message that never says whether the email exists."""

    email = email_field()
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.user: User | None = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        email, password = cleaned.get("email"), cleaned.get("password")
        if email and password:
            # The request goes with the credentials so that django-axes counts the attempt and refuses
            # a locked-out email and IP address (the middleware then shows the lockout page).
            user = authenticate(self.request, email=normalise_email(email), password=password)
            if user is None:
                self.add_error("email", ValidationError(INCORRECT_SIGN_IN, code="invalid_login"))
            else:
                self.user = user
        return cleaned


class CodeForm(GovukForm):
    """A 6-digit code from an authenticator app; spaces and dashes people type are ignored."""

    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code your authenticator app shows now",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        ),
        error_messages={"required": "Enter the security code"},
    )

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise ValidationError(CODE_FORMAT, code="format")
        return code


class ResetRequestForm(PasswordResetForm):
    """Django's password reset form with GOV.UK wording; it emails active staff only, and says nothing."""

    use_required_attribute = False
    email = email_field(hint="The email address you use to sign in to PutRight")


# Django's password validators' messages, by code, in GOV.UK's words.
PASSWORD_RULES = {
    "password_too_short": "Your new password must be 12 characters or more",
    "password_too_common": "Your new password is too easy to guess. Try three random words together",
    "password_entirely_numeric": "Your new password must not be only numbers",
    "password_too_similar": "Your new password is too like your email address or name",
}


class NewPasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    """A new password, typed twice; the password rules' messages go on the first box, as GOV.UK shows."""

    use_required_attribute = False
    new_password1 = forms.CharField(
        label="New password",
        strip=False,
        help_text="Use at least 12 characters. Three random words together make a strong password.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a new password"},
    )
    new_password2 = forms.CharField(
        label="Confirm new password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter your new password again"},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = forms.Form.clean(self) or {}
        password1, password2 = cleaned.get("new_password1"), cleaned.get("new_password2")
        if password1:
            try:
                password_validation.validate_password(password1, self.user)
            except ValidationError as error:
                self.add_error(
                    "new_password1",
                    [
                        ValidationError(PASSWORD_RULES.get(e.code or "", e.messages[0]), code=e.code)
                        for e in error.error_list
                    ],
                )
        if password1 and password2 and password1 != password2 and "new_password1" not in self.errors:
            self.add_error("new_password2", ValidationError("The passwords do not match", code="mismatch"))
        return cleaned
