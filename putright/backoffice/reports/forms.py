"""The reporting year chosen on the TSM pages (a GET form)."""

from __future__ import annotations

from datetime import date

from django import forms

from putright.domain.tsm import ReportingYear

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
