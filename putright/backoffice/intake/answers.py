"""The answers given so far while logging feedback, kept in the session per landlord (as JSON: dates as ISO
strings) until the feedback is logged or the person starts again."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.http import Http404
from django.utils import timezone

from putright.customers.models import Customer
from putright.organisations.models import Landlord

STEPS = ("customer", "representative", "kind", "details")


class Answers:
    """The answers so far, in the session under the landlord's slug (JSON: dates as ISO strings)."""

    def __init__(self, session: SessionBase, landlord: Landlord) -> None:
        self.session = session
        self.key = f"intake:{landlord.slug}"
        self.data: dict[str, Any] = dict(self.session.get(self.key) or {})

    def get(self, name: str) -> Any:
        return self.data.get(name)

    def set(self, **values: Any) -> None:
        self.data.update(values)
        self.data.setdefault("key", uuid.uuid4().hex)
        self.session[self.key] = self.data

    def clear(self) -> None:
        self.session.pop(self.key, None)
        self.data = {}

    def done(self, step: str) -> bool:
        if step == "customer":
            return bool(self.data.get("customer_id") or self.data.get("new_customer"))
        return step in self.data

    def customer(self, landlord: Landlord) -> Customer | None:
        """The customer chosen from the records (None when a new one is to be added)."""
        customer_id = self.data.get("customer_id")
        if not customer_id:
            return None
        customer = Customer.objects.filter(landlord=landlord, pk=customer_id).first()
        if customer is None:  # cannot happen through these pages: the id was checked when chosen
            raise Http404("No such customer")
        return customer


def plain(values: dict[str, Any]) -> dict[str, Any]:
    """A form's cleaned data as the session can keep it: dates and times as ISO strings."""

    def one(value: Any) -> Any:
        if isinstance(value, date | time):
            return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
        return value

    return {name: one(value) for name, value in values.items()}


def received_at(details: dict[str, Any]) -> datetime:
    """When the feedback was received, from the date and time answered."""
    return datetime.combine(
        date.fromisoformat(details["received_on"]),
        time.fromisoformat(details["received_time"]),
        tzinfo=timezone.get_current_timezone(),
    )
