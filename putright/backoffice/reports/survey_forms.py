"""Importing a perception survey's results: the reporting year, how it was carried out, notes on the
sample, and the CSV file (checked row by row by the service); and withdrawing an import, with the reason."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.files.uploadedfile import UploadedFile

from putright.domain.perception import MAX_FILE_BYTES, Method
from putright.domain.tsm import ReportingYear
from putright.surveys.services import FIRST_YEAR, MAX_REASON


def survey_year_choices(today: date) -> list[tuple[str, str]]:
    """The years a survey may be for: from the first TSM year to the one in progress, newest first."""
    current = ReportingYear.of(today).starting
    return [
        (str(y), f"{ReportingYear(y).label}: April {y} to March {y + 1}")
        for y in range(current, FIRST_YEAR - 1, -1)
    ]


class SurveyImportForm(forms.Form):
    reporting_year = forms.TypedChoiceField(
        label="Which reporting year is the survey for?",
        coerce=int,
        error_messages={
            "required": "Choose the reporting year the survey is for",
            "invalid_choice": "Choose a reporting year from the list",
        },
    )
    method = forms.ChoiceField(
        label="How was the survey carried out?",
        choices=[(m.value, m.label) for m in Method],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the survey was carried out"},
    )
    sample_notes = forms.CharField(
        label="Notes on the sample (optional)",
        help_text="For example, how the sample was drawn, its size and who carried out the survey",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
        error_messages={"max_length": "Notes on the sample must be 5,000 characters or fewer"},
    )
    file = forms.FileField(
        label="Upload the results file",
        error_messages={
            "required": "Select the CSV file of survey results",
            "empty": "The selected file is empty",
        },
    )

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["reporting_year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Choose a year"), *survey_year_choices(today)]

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_FILE_BYTES:
            raise forms.ValidationError(f"The file must be smaller than {MAX_FILE_BYTES // 1_000_000} MB")
        return upload


class SurveyWithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the import being withdrawn?",
        help_text="For example, the file was for the wrong year or was not the final results. It is kept on "
        "the audit trail.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_REASON,
        error_messages={
            "required": "Enter why the import is being withdrawn",
            "max_length": f"The reason must be {MAX_REASON:,} characters or fewer",
        },
    )
