"""The feedback form's question pages: one question a page, which pages apply, and their checks.

The answers build up in the session; a page applies or not according to the answers so far (a representative
page only for someone acting for another, dates and outcome only where they matter). The messages follow the
GOV.UK Design System's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.forms.boundfield import BoundWidget
from django.utils import timezone

PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
PHONE_FORMAT = "Enter a telephone number, like 01632 960 001 or 07700 900 982"
POSTCODE_FORMAT = "Enter a real postcode, like AA1 1AA"

WHO = [
    ("resident", "A resident renting my home"),
    ("leaseholder", "A leaseholder"),
    ("shared_owner", "A shared owner"),
    ("applicant", "Applying for a home"),
    ("non_resident", "Someone else affected by our services, for example a neighbour"),
    ("representative", "I am contacting you for someone else"),
]
PERSON_TYPES = [
    ("resident", "A resident renting their home"),
    *[choice for choice in WHO[1:] if choice[0] != "representative"],
]
KINDS = [
    ("complaint", "Make a complaint"),
    ("compliment", "Pay a compliment"),
    ("comment", "Make a comment or suggestion"),
    ("repair", "Report a repair"),
]
PREFERRED = [("email", "Email"), ("phone", "Phone"), ("post", "Post")]
ADJUSTMENTS = [
    ("large_print", "Large print"),
    ("easy_read", "Easy read"),
    ("phone_call", "A phone call instead of writing"),
    ("interpreter", "An interpreter"),
    ("bsl", "A British Sign Language interpreter"),
    ("named_contact", "One named person to deal with me"),
    ("avoid_times", "Times to avoid contacting me"),
]
REVEALS = {
    "interpreter": "interpreter_language",
    "named_contact": "named_contact_name",
    "avoid_times": "avoid_times",
}
"""The checkbox whose box, with JavaScript, shows only once it is ticked (all show without JavaScript)."""
FILE_ERRORS = {
    "empty": "The selected file is empty",
    "invalid": "The selected file could not be uploaded: try again",
}
"""Django's own file checks; a long name is shortened when the file is kept (clean_name), never refused."""


def _text(
    label: str, required: str, max_length: int, long: bool = False, what: str = "", **attrs: str
) -> forms.CharField:
    """A text box; `what` names it in the too-long message when the label is a question."""
    widget = forms.Textarea(attrs={"rows": 6, **attrs}) if long else forms.TextInput(attrs=attrs)
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        widget=widget,
        error_messages={
            "required": required,
            "max_length": f"{what or label} must be {max_length:,} characters or fewer",
        },
    )


def _radios(label: str, choices: list[tuple[str, str]], required: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required, "invalid_choice": required},
    )


def _email(label: str, required: bool = False) -> forms.EmailField:
    return forms.EmailField(
        label=label,
        required=required,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"invalid": EMAIL_FORMAT, "max_length": EMAIL_FORMAT},
    )


def _phone(field: str, value: str) -> str:
    value = value.strip()
    if value and (not PHONE.match(value) or not 10 <= sum(c.isdigit() for c in value) <= 15):
        raise forms.ValidationError(PHONE_FORMAT, code=field)
    return value


def _postcode(value: str) -> str:
    value = " ".join(value.upper().split())
    if value and not POSTCODE.match(value):
        raise forms.ValidationError(POSTCODE_FORMAT)
    return value


class StepForm(forms.Form):
    """A question page; `answers()` is what the page keeps in the session (`stored_keys()` names it)."""

    title = ""

    @classmethod
    def stored_keys(cls) -> list[str]:
        return list(cls.base_fields)

    def answers(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.stored_keys()}


class WhoForm(StepForm):
    title = "Who are you?"
    who = _radios("Who are you?", WHO, "Select who you are")


class RepresentativeForm(StepForm):
    title = "About the person you are contacting us for"
    relationship = _text(
        "How do you know them?",
        "Enter how you know the person, for example their son or their MP",
        100,
        what="How you know them",
    )
    person_name = _text("Their full name", "Enter their full name", 200, autocomplete="off")
    person_type = _radios("Who are they?", PERSON_TYPES, "Select who they are")
    person_address = _text("Their address (optional)", "", 500, long=True, what="Their address")
    person_postcode = _text("Their postcode (optional)", "", 10, what="Their postcode")
    person_email = _email("Their email address (optional)")
    person_phone = _text("Their phone number (optional)", "", 20, what="Their phone number")
    authority = _radios(
        "How will you show that they agree to you acting for them?",
        [
            ("evidence", "I will upload their signed permission, or a power of attorney"),
            ("consent_form", "Send them a consent form to sign"),
        ],
        "Select how you will show that you may act for them",
    )
    authority_file = forms.FileField(
        label="Upload their permission (optional unless you chose to upload it)",
        required=False,
        error_messages=FILE_ERRORS,
    )

    def clean_person_postcode(self) -> str:
        return _postcode(self.cleaned_data["person_postcode"])

    def clean_person_phone(self) -> str:
        return _phone("person_phone", self.cleaned_data["person_phone"])

    @classmethod
    def stored_keys(cls) -> list[str]:
        return [name for name in cls.base_fields if name != "authority_file"]


class KindForm(StepForm):
    title = "What would you like to do?"
    kind = _radios("What would you like to do?", KINDS, "Select what you would like to do")


class RepairForm(StepForm):
    title = "Have you already reported this repair?"
    repair_reported = _radios(
        "Have you already reported this repair?",
        [
            ("new", "No, I am reporting it for the first time"),
            ("already", "Yes, and I am unhappy with how it is being dealt with"),
        ],
        "Select whether you have already reported this repair",
    )


class DetailsForm(StepForm):
    title = "Tell us what happened"
    what_happened = _text(
        "Tell us what happened", "Enter what happened", 5000, long=True, what="What happened"
    )
    where = _text("Where did it happen? (optional)", "", 300, what="Where it happened")


class DatesForm(StepForm):
    title = "The dates of the problem"
    issue_day = forms.CharField(label="Day", required=False, max_length=2)
    issue_month = forms.CharField(label="Month", required=False, max_length=2)
    issue_year = forms.CharField(label="Year", required=False, max_length=4)
    issue_not_sure = forms.BooleanField(label="I am not sure when it happened", required=False)
    aware_day = forms.CharField(label="Day", required=False, max_length=2)
    aware_month = forms.CharField(label="Month", required=False, max_length=2)
    aware_year = forms.CharField(label="Year", required=False, max_length=4)
    aware_not_sure = forms.BooleanField(label="I am not sure when I found out", required=False)

    WHAT = {"issue": "the date it happened", "aware": "the date you found out"}

    def _date(self, prefix: str) -> date | None:
        what = self.WHAT[prefix]
        parts = [str(self.cleaned_data.get(f"{prefix}_{p}") or "").strip() for p in ("day", "month", "year")]
        not_sure = self.cleaned_data.get(f"{prefix}_not_sure")
        field = f"{prefix}_day"
        if not any(parts):
            if not not_sure:
                self.add_error(field, f"Enter {what}, or select that you are not sure")
            return None
        if not_sure:
            self.add_error(field, f"Enter {what} or select that you are not sure, not both")
            return None
        if not all(parts):
            missing = [n for n, p in zip(("a day", "a month", "a year"), parts, strict=True) if not p]
            self.add_error(field, f"{what.capitalize()} must include {' and '.join(missing)}")
            return None
        if not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
            self.add_error(field, f"{what.capitalize()} must be a real date")
            return None
        try:
            day = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            self.add_error(field, f"{what.capitalize()} must be a real date")
            return None
        if day > timezone.localdate():
            self.add_error(field, f"{what.capitalize()} must be today or in the past")
            return None
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        issue, aware = self._date("issue"), self._date("aware")
        if issue and aware and aware < issue:
            self.add_error(
                "aware_day", "The date you found out must be the same as or after the date it happened"
            )
        data["issue_date"] = issue.isoformat() if issue else ""
        data["aware_date"] = aware.isoformat() if aware else ""
        return data

    @classmethod
    def stored_keys(cls) -> list[str]:
        return [*cls.base_fields, "issue_date", "aware_date"]

    def date_groups(self) -> list[DateGroup]:
        return [
            DateGroup(self, "issue", "When did it happen?", "For example, 27 3 2025"),
            DateGroup(
                self, "aware", "When did you find out about it?", "If it is the same day, enter it again"
            ),
        ]


@dataclass
class DateGroup:
    """One GOV.UK date input of the dates page, for portal/public/forms/date.html."""

    form: DatesForm
    prefix: str
    legend: str
    hint: str

    @property
    def id(self) -> str:
        return f"id_{self.prefix}"

    @property
    def error(self) -> str:
        errors = self.form.errors.get(f"{self.prefix}_day")
        return str(errors[0]) if errors else ""

    @property
    def parts(self) -> list[tuple[forms.BoundField, str, int]]:
        return [
            (self.form[f"{self.prefix}_day"], "Day", 2),
            (self.form[f"{self.prefix}_month"], "Month", 2),
            (self.form[f"{self.prefix}_year"], "Year", 4),
        ]

    @property
    def not_sure(self) -> forms.BoundField:
        return self.form[f"{self.prefix}_not_sure"]


class OutcomeForm(StepForm):
    title = "What would you like to happen?"
    outcome = _text(
        "What would you like to happen?",
        "Enter what you would like to happen",
        2000,
        long=True,
        what="What you would like to happen",
    )


class AdjustmentsForm(StepForm):
    title = "Do you need us to do anything differently?"
    adjustments = forms.MultipleChoiceField(
        label="Do you need us to do anything differently?",
        choices=ADJUSTMENTS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply, or none",
        error_messages={"invalid_choice": "Select from the list"},
    )
    interpreter_language = _text("Which language?", "", 60, what="The language")
    named_contact_name = _text(
        "Their name, if you know who you would like (optional)", "", 100, what="The name"
    )
    avoid_times = _text("Which times should we avoid?", "", 200, what="The times to avoid")

    def choices_with_reveals(self) -> list[tuple[BoundWidget, forms.BoundField | None]]:
        """Each checkbox with the box it reveals, for the page template."""
        return [
            (choice, self[REVEALS[choice.data["value"]]] if choice.data["value"] in REVEALS else None)
            for choice in self["adjustments"]
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("adjustments") or []
        if "interpreter" in chosen and not data.get("interpreter_language"):
            self.add_error("interpreter_language", "Enter the language you need an interpreter for")
        if "avoid_times" in chosen and not data.get("avoid_times"):
            self.add_error("avoid_times", "Enter the times we should avoid")
        return data


class ContactForm(StepForm):
    title = "How can we contact you?"
    name = _text("Your full name", "Enter your full name", 200, autocomplete="name")
    email = _email("Email address")
    phone = _text("Phone number", "", 20)
    address = _text("Postal address", "", 500, long=True)
    postcode = _text("Postcode", "", 10)
    preferred = _radios(
        "How would you like us to contact you?", PREFERRED, "Select how you would like us to contact you"
    )

    def clean_phone(self) -> str:
        return _phone("phone", self.cleaned_data["phone"])

    def clean_postcode(self) -> str:
        return _postcode(self.cleaned_data["postcode"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        email, phone = data.get("email"), data.get("phone")
        post = data.get("address") and data.get("postcode")
        if not (email or phone or post):
            self.add_error("email", "Enter an email address, a phone number or a postal address and postcode")
        elif data.get("preferred") == "email" and not email:
            self.add_error("email", "Enter your email address, or choose another way for us to contact you")
        elif data.get("preferred") == "phone" and not phone:
            self.add_error("phone", "Enter your phone number, or choose another way for us to contact you")
        elif data.get("preferred") == "post" and not post:
            field = "postcode" if data.get("address") else "address"
            self.add_error(
                field, "Enter your address and postcode, or choose another way for us to contact you"
            )
        return data


class AttachmentsForm(StepForm):
    title = "Add photos or documents"
    file = forms.FileField(label="Upload a file", required=False, error_messages=FILE_ERRORS)

    @classmethod
    def stored_keys(cls) -> list[str]:
        return []


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[StepForm]
    template: str = "portal/public/step.html"


STEPS: tuple[Step, ...] = (
    Step("who", WhoForm),
    Step("representative", RepresentativeForm),
    Step("kind", KindForm),
    Step("repair", RepairForm),
    Step("details", DetailsForm),
    Step("dates", DatesForm, "portal/public/step_dates.html"),
    Step("outcome", OutcomeForm),
    Step("adjustments", AdjustmentsForm),
    Step("contact", ContactForm),
    Step("attachments", AttachmentsForm, "portal/public/step_attachments.html"),
)
BY_SLUG = {step.slug: step for step in STEPS}


def is_complaint(answers: dict[str, Any]) -> bool:
    kind = answers.get("kind")
    return kind == "complaint" or (kind == "repair" and answers.get("repair_reported") == "already")


def applies(slug: str, answers: dict[str, Any]) -> bool:
    """Whether the page is asked, given the answers so far."""
    if slug == "representative":
        return answers.get("who") == "representative"
    if slug == "repair":
        return answers.get("kind") == "repair"
    if slug == "dates":
        return answers.get("kind") in ("complaint", "repair")
    if slug == "outcome":
        return is_complaint(answers)
    return True


def applicable(answers: dict[str, Any]) -> list[Step]:
    return [step for step in STEPS if applies(step.slug, answers)]


def next_missing(answers: dict[str, Any], done: list[str]) -> Step | None:
    """The first page that applies and has not been answered; None when the form is ready to check."""
    return next((step for step in applicable(answers) if step.slug not in done), None)


def previous(slug: str, answers: dict[str, Any]) -> Step | None:
    steps = applicable(answers)
    slugs = [step.slug for step in steps]
    if slug not in slugs:
        return None
    index = slugs.index(slug)
    return steps[index - 1] if index else None
