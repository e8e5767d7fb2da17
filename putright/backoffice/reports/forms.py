"""The reporting year chosen on the TSM pages and the Board pack's period (GET forms)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms

from putright.backoffice.intake.fields import DateInputField
from putright.domain.tsm import DateRange, ReportingYear

FIRST_YEAR = 2024
"""TSMs are judged against the 2024 Code, statutory from 1 April 2024: the first year PutRight reports."""


def year_choices(today: date) -> list[tuple[str, str]]:
    """Every reporting year from the first to the one in progress, newest first."""
    current = ReportingYear.of(today).starting
    return [
        (str(y), f"{ReportingYear(y).label}: April {y} to March {y + 1}")
        for y in range(current, FIRST_YEAR - 1, -1)
    ]


class YearForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Reporting year",
        coerce=int,
        error_messages={"invalid_choice": "Choose a reporting year from the list"},
    )

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = year_choices(today)


class PeriodForm(forms.Form):
    """The Board pack's period: any first and last day, both in the past (GOV.UK date inputs)."""

    first = DateInputField(what="The first day", label="From")
    last = DateInputField(what="The last day", label="To")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("first"), cleaned.get("last")
        if first and last and first > last:
            self.add_error("last", "The last day must be the same as or after the first day")
        return cleaned

    @property
    def period(self) -> DateRange:
        return DateRange(self.cleaned_data["first"], self.cleaned_data["last"])


def last_month(today: date) -> DateRange:
    """The last whole calendar month before today: the Board pack's period when none is chosen."""
    last = today.replace(day=1) - timedelta(days=1)
    return DateRange(last.replace(day=1), last)


def period_data(period: DateRange) -> dict[str, str]:
    """A period as the form's day, month and year boxes, to show a default period as if it was typed."""
    days = (("first", period.first), ("last", period.last))
    return {
        f"{name}_{i}": str(part)
        for name, day in days
        for i, part in enumerate((day.day, day.month, day.year))
    }


class ExtensionSettingForm(forms.Form):
    """The landlord's named CH02 setting, changed by its administrators."""

    extensions_count = forms.ChoiceField(
        label="Do responses within a Code-compliant extension count as on time for CH02?",
        help_text=(
            "An extension counts only if the customer was told on or before the deadline; beyond the Code's allowance "
            "(10 working days at stage 1, 20 at stage 2) only with a recorded good reason."
        ),
        choices=[("yes", "Yes, count them as on time"), ("no", "No, count them as late")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether responses within an extension count as on time"},
    )


def _whole(label: str, what: str, example: str, **limits: int) -> forms.IntegerField:
    messages = {
        "required": f"Enter {what}",
        "invalid": f"Enter {what} as a whole number, like {example}",
    }
    if "min_value" in limits:
        messages["min_value"] = f"Enter {limits['min_value']} or more for {what}"
    if "max_value" in limits:
        messages["max_value"] = f"Enter {limits['max_value']} or less for {what}"
    return forms.IntegerField(
        label=label,
        error_messages=messages,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        **limits,  # type: ignore[arg-type]
    )


class HotSpotThresholdsForm(forms.Form):
    """When the Board pack flags a service area, contractor or estate for a service review."""

    complaints_at_least = _whole(
        "Complaints received in the period, at or above", "the number of complaints", "10", min_value=1
    )
    upheld_share_at_least = _whole(
        "Share of responses upheld or partly upheld (%), at or above",
        "the upheld share",
        "50",
        min_value=0,
        max_value=100,
    )
    responses_at_least = _whole(
        "Responses issued in the period, at least, for the upheld share to count",
        "the number of responses",
        "5",
        min_value=1,
    )
