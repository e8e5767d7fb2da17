"""Forms for the customer record's actions. Each checks only what was typed; the customer services decide,
and an error they raise is shown on the field it names."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.backoffice.auth.forms import EMAIL_FORMAT, GovukForm
from putright.backoffice.intake.fields import DateInputField
from putright.backoffice.intake.forms import CustomerDetailsForm
from putright.customers.models import Adjustment, Representative

LETTERS_BY_CHOICES = [("email", "By email"), ("post", "By post"), ("both", "By email and by post")]


def _text(label: str, *, required: str = "", max_length: int = 200, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        help_text=hint,
        error_messages={
            "required": required,
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


def _textarea(label: str, *, required: str = "", hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=bool(required),
        help_text=hint,
        error_messages={"required": required},
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ContactDetailsForm(CustomerDetailsForm):
    letters_by = forms.ChoiceField(
        label="How letters reach them",
        choices=LETTERS_BY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how letters reach them"},
    )


class RepresentativeAddForm(GovukForm):
    name = _text("Full name", required="Enter the representative's full name")
    relationship = _text(
        "Relationship to the customer",
        required="Enter their relationship to the customer",
        max_length=100,
        hint="For example, daughter, advocate, MP",
    )
    basis = forms.ChoiceField(
        label="Why they are acting",
        choices=Representative.Basis.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why they are acting for the customer"},
    )
    evidence = _textarea(
        "Evidence of authority", hint="Optional. For example, a signed consent form received"
    )
    scope = _text("What they may act on", hint="Optional. Leave blank for everything")
    expires_on = DateInputField(
        what="The date their authority ends",
        label="Authority ends on",
        past=False,
        required=False,
        help_text="Optional. For example, 31 3 2027",
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        help_text="Optional",
        error_messages={"invalid": EMAIL_FORMAT},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone = _text("Phone number", max_length=40, hint="Optional")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget.input_type = "tel"


class AuthorityForm(GovukForm):
    authority = forms.ChoiceField(
        label="Their authority to act",
        choices=Representative.Authority.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their authority to act"},
    )
    evidence = _textarea(
        "Evidence of authority",
        hint="Needed when authority is given. For example, signed consent received 3 March",
    )
    scope = _text("What they may act on", hint="Leave blank for everything the customer has with us")


class AdjustmentForm(GovukForm):
    type = forms.ChoiceField(
        label="Adjustment",
        choices=Adjustment.Type.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the adjustment agreed"},
    )
    details = _textarea("Details", hint="Optional. For example, letters in 16 point Arial")
    agreed_on = DateInputField(
        what="The date it was agreed", label="Date agreed", help_text="For example, 27 3 2026"
    )


class AdjustmentAgreeForm(AdjustmentForm):
    """Agreeing what the customer asked for online: only the types still to agree are offered."""

    def __init__(self, *args: Any, asked: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["details"].help_text = "Optional. Left blank, the details they gave are kept"
        labels = dict(Adjustment.Type.choices)
        self.fields["type"].choices = [(k, f"{labels[k]}{f': {d}' if d else ''}") for k, d in asked.items()]  # type: ignore[attr-defined]


class AdjustmentDeclineForm(GovukForm):
    """Declining one adjustment asked for online: which, why (the customer reads it), and the Equality Act
    2010 regard."""

    type = forms.ChoiceField(
        label="Adjustment to decline",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the adjustment to decline"},
    )
    reason = _textarea(
        "Why we cannot agree it",
        required="Enter why we cannot agree it",
        hint="The customer sees this with their details online. Say what we can do instead, if anything",
    )
    regard = _textarea(
        "What you considered under the Equality Act 2010",
        required="Enter what you considered under the Equality Act 2010",
        hint="For example, the customer's needs, whether the adjustment is reasonable, and other ways to "
        "meet them. Kept on the customer's record",
    )

    def __init__(self, *args: Any, asked: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Adjustment.Type.choices)
        self.fields["type"].choices = [(k, f"{labels[k]}{f': {d}' if d else ''}") for k, d in asked.items()]  # type: ignore[attr-defined]


class AdjustmentReviewForm(GovukForm):
    reviewed_on = DateInputField(
        what="The date of the review", label="Date reviewed", help_text="For example, 27 3 2026"
    )
    note = _textarea("What the review found", required="Enter what the review found")


class AdjustmentEndForm(GovukForm):
    ended_on = DateInputField(
        what="The date it ends", label="Date it ends", help_text="For example, 27 3 2026"
    )
    reason = _textarea("Why it ends", required="Enter why the adjustment ends")


class DisabilityForm(GovukForm):
    description = _textarea(
        "What the customer disclosed",
        required="Enter what the customer disclosed",
        hint="Only what is needed to make adjustments. Seen only by roles that need it.",
    )
    disclosed_on = DateInputField(
        what="The date disclosed", label="Date disclosed", help_text="For example, 27 3 2026"
    )


class RestrictionForm(GovukForm):
    type = forms.ChoiceField(
        label="Restriction",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the restriction"},
        help_text="The restrictions the landlord's policy lists",
    )
    reason = _textarea("Why it is needed", required="Enter why the restriction is needed")
    how_to_contact = _textarea(
        "How the customer may contact us meanwhile",
        required="Enter how the customer may contact us meanwhile",
    )
    understanding_sought = _textarea(
        "How a housing manager first tried to reach an understanding",
        required="Enter how a housing manager first tried to reach an understanding",
    )
    starts_on = DateInputField(
        what="The date it starts",
        label="Date it starts",
        help_text="Today sends the letter now; an earlier date records a letter sent outside PutRight",
    )

    def __init__(self, *args: Any, types: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [(t, t.replace("-", " ").capitalize()) for t in types]  # type: ignore[attr-defined]


class RestrictionReviewForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Outcome of the review",
        choices=[
            ("lift", "Lift the restriction"),
            ("extend", "Keep it in place: there are good grounds to continue"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the review"},
        help_text="A restriction is lifted unless there are good grounds to continue it",
    )
    reviewed_on = DateInputField(
        what="The date of the review",
        label="Date reviewed",
        help_text="Today sends the letter now; an earlier date records a letter sent outside PutRight",
    )
    reasons = _textarea("Reasons", required="Enter the reasons for the outcome")


class RestrictionAppealForm(GovukForm):
    requested_on = DateInputField(what="The date of the appeal", label="Date the customer appealed")
    outcome = _textarea("Outcome of the appeal", hint="Leave blank until it is decided")
