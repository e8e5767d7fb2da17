"""The GOV.UK date input (day, month and year boxes) as a Django form field, with GOV.UK's messages.

Rendered by backoffice/case_actions/_date.html; the boxes are named `<name>_day`, `<name>_month` and
`<name>_year`, and what was typed is shown again when the date is refused.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone


class GovukDateWidget(forms.MultiWidget):
    """Three text boxes; `widget_type` is "govukdate", which the action templates render as a date input."""

    def __init__(self) -> None:
        box = {"inputmode": "numeric"}
        super().__init__(
            widgets={"day": forms.TextInput(box), "month": forms.TextInput(box), "year": forms.TextInput(box)}
        )

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.Field):
    """A date typed as day, month and year, today or in the past (the services refuse future dates)."""

    widget = GovukDateWidget

    def __init__(self, *, what: str, past_only: bool = True, **kwargs: Any) -> None:
        """`what` finishes "Enter ...", e.g. "the date the customer was told"."""
        self.what = what
        self.past_only = past_only
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date):
            return value
        parts = [str(p or "").strip() for p in (value or ["", "", ""])]
        if not any(parts):
            return None
        names = ("day", "month", "year")
        missing = [name for name, part in zip(names, parts, strict=True) if not part]
        if missing:
            raise ValidationError(f"{self.what.capitalize()} must include a {' and '.join(missing)}")
        if not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
            raise ValidationError(f"{self.what.capitalize()} must be a real date")
        try:
            day = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            raise ValidationError(f"{self.what.capitalize()} must be a real date") from None
        if self.past_only and day > timezone.localdate():
            raise ValidationError(f"{self.what.capitalize()} must be today or in the past")
        return day

    def validate(self, value: Any) -> None:
        if value is None and self.required:
            raise ValidationError(f"Enter {self.what}", code="required")
