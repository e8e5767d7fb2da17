"""Forms for landlord administration: they only shape and check input; the services hold the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.accounts.models import Role
from putright.backoffice.case_actions.fields import GovukDateField
from putright.domain.letters import LetterKind

DATE_HINT = "For example, 29 12 2026"


def role_choices(exclude: set[str] | None = None) -> list[tuple[str, str]]:
    return [(value, label) for value, label in Role.choices if value not in (exclude or set())]


class StaffInviteForm(forms.Form):
    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter their first name"}
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, error_messages={"required": "Enter their last name"}
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will email them a link to set their password",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(
        label="Role",
        choices=role_choices(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a role"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs.update(autocomplete="off", spellcheck="false")
        self.fields["last_name"].widget.attrs.update(autocomplete="off", spellcheck="false")


class RoleGrantForm(forms.Form):
    role = forms.ChoiceField(label="Give another role", error_messages={"required": "Choose a role"})

    def __init__(self, *args: Any, held: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = [("", "Choose a role"), *role_choices(exclude=held)]


class LineManagerForm(forms.Form):
    """Who manages the person: one of `people` (id, name), or nobody (an empty choice)."""

    line_manager = forms.ChoiceField(required=False)

    def __init__(self, *args: Any, person: str, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["line_manager"]
        assert isinstance(field, forms.ChoiceField)
        field.label = f"Who is {person}'s line manager?"
        field.help_text = (
            f"They are sent a copy of every compliment for {person}. Choose No line manager to clear it."
        )
        field.choices = [("", "No line manager"), *people]
        field.error_messages["invalid_choice"] = "Choose someone who works here, or No line manager"


class PolicyAdoptForm(forms.Form):
    policy_name = forms.ChoiceField(
        label="Policy profile",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a policy profile"},
    )
    adopted_from = GovukDateField(
        what="the date it takes effect",
        past_only=False,
        label="Date it takes effect",
        help_text="Complaints received from this date follow it. " + DATE_HINT,
    )

    def __init__(self, *args: Any, policies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        policy = self.fields["policy_name"]
        assert isinstance(policy, forms.ChoiceField)
        policy.choices = policies


class ClosureDayForm(forms.Form):
    closed_on = GovukDateField(
        what="the closure date", past_only=False, label="Closure date", help_text=DATE_HINT
    )
    reason = forms.CharField(
        label="Reason",
        max_length=200,
        help_text="For example, Office move or Staff training day",
        error_messages={"required": "Enter why the landlord is closed"},
    )


class HomesCountForm(forms.Form):
    year_starting = forms.IntegerField(
        label="Reporting year starting 1 April",
        help_text="For example, 2026 for the year 1 April 2026 to 31 March 2027",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the year the reporting year starts",
            "invalid": "Enter the year as 4 digits, like 2026",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year before 2100",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
    )
    homes = forms.IntegerField(
        label="Homes owned",
        error_messages={
            "required": "Enter the number of homes",
            "invalid": "Enter the number of homes in digits",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-10"}),
    )


class LetterTemplateForm(forms.Form):
    subject = forms.CharField(
        label="Subject", max_length=200, error_messages={"required": "Enter the subject"}
    )
    body = forms.CharField(
        label="Letter",
        help_text='HTML with the letter\'s facts, e.g. {{ case.reference }}; each required section placed as {% section "name" %}',
        error_messages={"required": "Enter the letter"},
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "true", "class": "putright-code-textarea"}),
    )
    case_reference = forms.CharField(
        label="Case to preview with (optional)",
        max_length=40,
        required=False,
        help_text="A case reference; if you leave it empty, the preview uses the most recent case",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )


class BrandingForm(forms.Form):
    name = forms.CharField(
        label="Name shown",
        max_length=200,
        help_text="On staff pages, letters and emails",
        error_messages={"required": "Enter the name to show"},
    )
    brand_colour = forms.CharField(
        label="Brand colour",
        max_length=20,
        help_text="# and six hex digits, like #1d70b8. White text must be readable on it (WCAG AA, 4.5 to 1)",
        error_messages={"required": "Enter the brand colour"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label="Contact email address",
        required=False,
        max_length=254,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label="Contact phone number",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "class": "govuk-input--width-20"}),
    )
    address = forms.CharField(
        label="Postal address", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    website = forms.URLField(
        label="Website",
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter the website address in the correct format, like https://example.org"
        },
        widget=forms.URLInput(attrs={"spellcheck": "false"}),
    )


class LogoForm(forms.Form):
    logo = forms.FileField(
        label="Upload a logo",
        help_text="A PNG or JPEG image, smaller than 500 KB. It shows on a white panel in the staff header",
        error_messages={"required": "Select a PNG or JPEG image", "empty": "The selected file is empty"},
    )


def letter_kind(value: str) -> LetterKind | None:
    try:
        return LetterKind(value)
    except ValueError:
        return None
