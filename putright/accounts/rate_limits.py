"""Hourly limits on what anyone may ask of the public pages (sign-in links, feedback forms), counted from
the rows those requests leave behind, by client address and by email address."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Model, QuerySet


def hourly_limit_reached(
    rows: QuerySet[Model],
    *,
    at_field: str,
    until: datetime,
    client_address: str,
    email: str,
    per_address: int,
    per_email: int,
) -> bool:
    """Whether the hour before `until` already holds `per_address` rows from this client address or
    `per_email` for this email address (compared in lower case); an empty address or email is not counted."""
    recent = rows.filter(**{f"{at_field}__gte": until - timedelta(hours=1)})
    if client_address and recent.filter(client_address=client_address).count() >= per_address:
        return True
    email = email.strip().lower()
    return bool(email) and recent.filter(email=email).count() >= per_email
