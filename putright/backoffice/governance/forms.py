"""Forms for the self-assessment and the annual report: they only check what was typed; the services
decide."""

from __future__ import annotations

from datetime import date

from django import forms

from putright.backoffice.case_actions.fields import GovukDateField
from putright.backoffice.reports.forms import YearForm

DATE_HINT = "For example, 27 3 2026"
YES_NO = [("yes", "Yes"), ("no", "No")]


class StartForm(YearForm):
    """The reporting year to start a self-assessment or an annual report for."""

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, today=today, **kwargs)
        self.fields["year"].error_messages["required"] = "Choose a reporting year"


class RowForm(forms.Form):
    comply = forms.ChoiceField(
        label="Does the landlord comply?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes or no"},
    )
    comply_reason = forms.CharField(
        label="Why the answer differs from the evidence",
        required=False,
        help_text="Needed only when your answer is not what the evidence says",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence_note = forms.CharField(
        label="Further evidence",
        required=False,
        help_text="For example, where the policy or the web page says it",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    commentary = forms.CharField(
        label="Commentary or explanation",
        required=False,
        help_text="If it does not comply, what will be done and by when",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ApproveForm(forms.Form):
    approved_on = GovukDateField(what="the date of approval", label="Date approved", help_text=DATE_HINT)
    approved_by = forms.CharField(
        label="Approved by",
        help_text="The governing body or committee, for example the Board",
        max_length=200,
        error_messages={"required": "Enter who approved it"},
    )
    minute = forms.CharField(
        label="Minute reference",
        max_length=100,
        error_messages={"required": "Enter the minute reference"},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )


class AnnualEditForm(forms.Form):
    analysis = forms.CharField(
        label="Qualitative analysis of complaint handling",
        required=False,
        help_text="What the figures show, the types of complaints refused, themes and trends",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    published_url = forms.URLField(
        label="Web address it is published at",
        required=False,
        max_length=300,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address, like https://www.example.org/complaints"},
    )
    published_on = GovukDateField(
        what="the date of publication", label="Date published", required=False, help_text=DATE_HINT
    )
    submitted_on = GovukDateField(
        what="the date it went to the Ombudsman",
        label="Date sent to the Ombudsman",
        required=False,
        help_text=DATE_HINT,
    )


class AnnualRespondForm(forms.Form):
    scrutiny = forms.CharField(
        label="The governing body's scrutiny",
        help_text="How the governing body scrutinised complaint handling over the year",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the governing body's scrutiny"},
    )
    response = forms.CharField(
        label="The governing body's response to the report",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the governing body's response"},
    )
    response_by = forms.CharField(
        label="Responding for the governing body",
        help_text="For example, the Chair of the Board",
        max_length=200,
        error_messages={"required": "Enter who responded"},
    )
    response_on = GovukDateField(
        what="the date of the response", label="Date of the response", help_text=DATE_HINT
    )
