"""GOV.UK date and time inputs for Django forms: a date as day, month and year boxes, and a time typed as
14:30 or 2:30pm, each with the Design System's error messages.

Render a date with `{% include "backoffice/intake/_date.html" with field=form.received_on %}`."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

PARTS = ("day", "month", "year")


class DateInputWidget(forms.MultiWidget):
    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateInputField(forms.MultiValueField):
    """A date typed as day, month and year. `what` names it in messages ("The date received"); `past`
    refuses a date after today."""

    widget = DateInputWidget

    def __init__(self, *, what: str, past: bool = True, **kwargs: Any) -> None:
        self.what = what
        self.past = past
        kwargs.setdefault("error_messages", {"required": f"Enter {what[0].lower()}{what[1:]}"})
        super().__init__(
            fields=tuple(forms.CharField(required=False) for _ in PARTS), require_all_fields=False, **kwargs
        )

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str) and value:
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return value

    def compress(self, data_list: list[Any]) -> date | None:
        parts = [str(part or "").strip() for part in ([*list(data_list), "", "", ""])[:3]]
        if not any(parts):
            return None
        missing = [name for name, part in zip(PARTS, parts, strict=True) if not part]
        if missing:
            raise ValidationError(f"{self.what} must include a {' and a '.join(missing)}")
        if not all(part.isdigit() for part in parts):
            raise ValidationError(f"{self.what} must be a real date")
        day, month, year = (int(part) for part in parts)
        if len(parts[2]) != 4:
            raise ValidationError("Year must include 4 numbers")
        try:
            value = date(year, month, day)
        except ValueError:
            raise ValidationError(f"{self.what} must be a real date") from None
        if self.past and value > timezone.localdate():
            raise ValidationError(f"{self.what} must be today or in the past")
        return value


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


def parse_time(text: str) -> time | None:
    """14:30, 9:05, 2:30pm, 2pm or 12am as a time of day; None if it is none of these."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match.group(2) is None:
        return None  # "14" alone is not clearly a time
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class TimeField(forms.Field):
    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        kwargs.setdefault("error_messages", {"required": f"Enter {what[0].lower()}{what[1:]}"})
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        text = str(value or "").strip()[:20]
        if not text:
            return None
        parsed = parse_time(text)
        if parsed is None:
            raise ValidationError(f"{self.what} must be a real time, like 14:30 or 2:30pm")
        return parsed

    def prepare_value(self, value: Any) -> Any:
        return value.strftime("%H:%M") if isinstance(value, time) else value
