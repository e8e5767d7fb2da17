"""The question pages for logging feedback: find or add the customer, who is acting for them, what kind of
feedback it is, its details, and the check before saving. Each form only checks what was typed; the rules
(and the final word) are the services'."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from putright.backoffice.auth.forms import EMAIL_FORMAT, GovukForm
from putright.backoffice.intake.fields import DateInputField, TimeField
from putright.customers.models import Channel, Customer, Representative
from putright.domain.hazards import hazard_rules
from putright.domain.lifecycle import Kind

KIND_CHOICES = [
    (Kind.COMPLAINT.value, "Complaint"),
    (Kind.SERVICE_REQUEST.value, "Service request"),
    (Kind.COMPLIMENT.value, "Compliment"),
    (Kind.COMMENT.value, "Comment or suggestion"),
    (Kind.FEEDBACK.value, "General feedback"),
]
KIND_HINTS = {
    Kind.COMPLAINT.value: "An expression of dissatisfaction about our service, actions or lack of action",
    Kind.SERVICE_REQUEST.value: "A request for us to provide or improve a service, such as a repair",
    Kind.COMPLIMENT.value: "Praise for a colleague or a service: it is passed on to them and their line manager",
    Kind.COMMENT.value: "An idea or remark the customer would like a response to",
    Kind.FEEDBACK.value: "Anything else, resolved at first contact",
}

CHOICE_NONE = "none"
CHOICE_CHOICES = [
    (CHOICE_NONE, "No dissatisfaction was expressed"),
    ("complaint", "They chose to make a complaint"),
    ("service_request", "They chose to carry on with a service request"),
    ("declined", "They declined to make a complaint"),
]
CHOICE_KINDS = (Kind.SERVICE_REQUEST.value, Kind.FEEDBACK.value)


def _text(
    label: str, *, required: str = "", max_length: int = 200, hint: str = "", **attrs: Any
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        help_text=hint,
        error_messages={
            "required": required,
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
        widget=forms.TextInput(attrs=attrs) if attrs else forms.TextInput(),
    )


def _textarea(
    label: str, *, required: str = "", hint: str = "", max_length: int | None = None
) -> forms.CharField:
    messages = {"required": required}
    if max_length:
        messages["max_length"] = f"{label} must be {max_length} characters or fewer"
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        help_text=hint,
        error_messages=messages,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CustomerSearchForm(GovukForm):
    q = forms.CharField(
        label="Search for the customer",
        required=False,
        max_length=200,
        help_text="Name, tenancy or property reference, address or postcode, email, phone number or a case reference",
    )


class CustomerDetailsForm(GovukForm):
    """A new customer's details (and, on the customer record, the same details changed)."""

    name = _text(
        "Full name", required="Enter the customer's full name", autocomplete="off", spellcheck="false"
    )
    type = forms.ChoiceField(
        label="Type of customer",
        choices=Customer.Type.choices,
        error_messages={"required": "Select the type of customer"},
    )
    tenancy_reference = _text(
        "Property or tenancy reference", max_length=60, hint="Optional", spellcheck="false"
    )
    address = _textarea("Address", hint="Optional")
    postcode = _text("Postcode", max_length=10, hint="Optional", autocomplete="off", spellcheck="false")
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        help_text="Optional",
        error_messages={"invalid": EMAIL_FORMAT},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone = _text("Phone number", max_length=40, hint="Optional", autocomplete="off")
    preferred_channel = forms.ChoiceField(
        label="How they prefer us to contact them",
        choices=Channel.choices,
        error_messages={"required": "Select how they prefer us to contact them"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget.input_type = "tel"


NEW = "new"
NOBODY = "none"


class RepresentativeForm(GovukForm):
    acting = forms.ChoiceField(
        label="Is someone acting on the customer's behalf?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether someone is acting on the customer's behalf"},
    )
    rep_name = _text("Representative's full name", autocomplete="off", spellcheck="false")
    rep_relationship = _text(
        "Relationship to the customer", max_length=100, hint="For example, daughter, advocate, MP"
    )
    rep_basis = forms.ChoiceField(
        label="Why they are acting", required=False, choices=[("", "Choose"), *Representative.Basis.choices]
    )
    rep_email = forms.EmailField(
        label="Representative's email address",
        required=False,
        max_length=254,
        help_text="Optional",
        error_messages={"invalid": EMAIL_FORMAT},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    rep_phone = _text("Representative's phone number", max_length=40, hint="Optional", autocomplete="off")

    def __init__(
        self, *args: Any, representatives: list[Representative], may_add: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(NOBODY, "No, the customer themselves")]
        choices += [
            (str(r.pk), f"{r.name} ({r.relationship}; {r.get_authority_display().lower()})")
            for r in representatives
        ]
        if may_add:
            choices.append((NEW, "Someone else: record a new representative"))
        self.fields["acting"].choices = choices  # type: ignore[attr-defined]
        self.fields["rep_phone"].widget.input_type = "tel"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("acting") == NEW:
            if not cleaned.get("rep_name"):
                self.add_error("rep_name", "Enter the representative's full name")
            if not cleaned.get("rep_relationship"):
                self.add_error("rep_relationship", "Enter their relationship to the customer")
            if not cleaned.get("rep_basis"):
                self.add_error("rep_basis", "Select why they are acting for the customer")
        return cleaned


class KindForm(GovukForm):
    kind = forms.ChoiceField(
        label="What kind of feedback is it?",
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of feedback it is"},
    )
    choice = forms.ChoiceField(
        label="If the customer expressed dissatisfaction, what did they choose?",
        choices=CHOICE_CHOICES,
        widget=forms.RadioSelect,
        initial=CHOICE_NONE,
        help_text="For a service request or general feedback only. Where the customer is unhappy, offer them the "
        "choice to make a complaint and record their answer (Complaint Handling Code 1.3). Choosing a complaint "
        "raises one straight away, linked to this.",
        error_messages={"required": "Select what the customer chose"},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind, choice = cleaned.get("kind"), cleaned.get("choice")
        if kind and choice and choice != CHOICE_NONE and kind not in CHOICE_KINDS:
            self.add_error(
                "choice",
                "The choice to complain is recorded on a service request or general feedback: select "
                "“No dissatisfaction was expressed” for this kind",
            )
        return cleaned


class DetailsForm(GovukForm):
    channel = forms.ChoiceField(
        label="How it reached us",
        choices=Channel.choices,
        error_messages={"required": "Select how it reached us"},
    )
    received_on = DateInputField(
        what="The date it was received",
        label="Date received",
        help_text="By any member of staff. For example, 27 3 2026",
    )
    received_time = TimeField(
        what="The time it was received", label="Time received", help_text="For example, 14:30 or 2:30pm"
    )
    received_by = _text(
        "Who received it", hint="Leave blank if it was you", autocomplete="off", spellcheck="false"
    )
    summary = _text(
        "Summary", required="Enter a summary", max_length=300, hint="One line, in the customer's terms"
    )
    description = _textarea(
        "What the customer told us", required="Enter what the customer told us", hint="Their words, in full"
    )
    service_area = _text("Service area", max_length=100, hint="Optional", list="service-areas")
    category = _text("Category", max_length=100, hint="Optional", list="categories")
    contractor = _text("Contractor", hint="Optional", list="contractors")
    colleagues_named = _text("Colleagues named", max_length=300, hint="Optional")
    about_colleague = forms.BooleanField(
        label="It is about a colleague's conduct",
        required=False,
        help_text="Seen only by the feedback team and the manager who handles it",
    )
    issue_date = DateInputField(
        what="The date of the issue", label="Date the issue happened", required=False, help_text="Optional"
    )
    aware_date = DateInputField(
        what="The date the customer became aware",
        label="Date the customer became aware of it",
        required=False,
        help_text="Optional, if later than the issue",
    )
    vulnerability = forms.BooleanField(label="The customer may be vulnerable or at risk", required=False)
    vulnerability_note = _textarea("About the vulnerability or risk", hint="Optional")
    hazard_kind = forms.ChoiceField(
        label="Hazard reported (Awaab's Law)",
        required=False,
        help_text="Starts the hazard clocks from when it was received",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hazard_kind"].choices = [  # type: ignore[attr-defined]
            ("", "No hazard reported"),
            *[(h.kind, h.label) for h in hazard_rules().hazards],
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        day: date | None = cleaned.get("received_on")
        clock: time | None = cleaned.get("received_time")
        if day and clock:
            received = datetime.combine(day, clock, tzinfo=timezone.get_current_timezone())
            if received > timezone.now():
                self.add_error("received_time", "The time it was received must be now or in the past")
            issue, aware = cleaned.get("issue_date"), cleaned.get("aware_date")
            if issue and issue > day:
                self.add_error("issue_date", "The date of the issue must be on or before the date received")
            if aware and aware > day:
                self.add_error(
                    "aware_date", "The date the customer became aware must be on or before the date received"
                )
            if issue and aware and aware < issue:
                self.add_error(
                    "aware_date",
                    "The date the customer became aware must be on or after the date of the issue",
                )
        return cleaned


NOT_A_REPLY = "none"


class CheckForm(GovukForm):
    confirmed = forms.BooleanField(
        label="I have read the warnings and this should be logged",
        required=False,
    )

    def __init__(
        self, *args: Any, warned: bool, closed: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        """`closed`: (reference, words) of complaints closed for no contact that this complaint may be the
        customer's reply to; offered to link it to one of them."""
        super().__init__(*args, **kwargs)
        self.warned = warned
        if closed:
            self.fields["linked_case"] = forms.ChoiceField(
                label="Is this the customer's reply to the complaint closed for no contact?",
                help_text="A reply after the time allowed is logged as a new complaint, linked to the one closed",
                choices=[
                    *((reference, f"Yes, link it to {words}") for reference, words in closed),
                    (NOT_A_REPLY, "No, it is about something else"),
                ],
                widget=forms.RadioSelect,
                error_messages={"required": "Select whether this is their reply to the complaint closed"},
            )
            self.order_fields(["linked_case", "confirmed"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.warned and not cleaned.get("confirmed"):
            self.add_error("confirmed", "Confirm you have read the warnings before logging it")
        return cleaned
