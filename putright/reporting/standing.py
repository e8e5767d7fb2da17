"""What stood at a moment: a case open, a complaint stage late. The Board pack's open and overdue figures and
its trends' month ends both count with these, so they agree."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Exists, Q
from django.db.models.expressions import Combinable

from putright.reporting.timing import escalation_refused


def open_at(end: datetime, prefix: str = "") -> Q:
    """A case received before `end` and not closed by then (`prefix` reaches the case from another model)."""
    return Q(**{f"{prefix}received_at__lt": end}) & (
        Q(**{f"{prefix}closed_at__isnull": True}) | Q(**{f"{prefix}closed_at__gte": end})
    )


def late_at(end: datetime, last: date, *, refused: Q | Exists | None = None) -> Q | Combinable:
    """A stage received before `end` with an acknowledgement or response due before `last` and not done by
    the end of `last` (stage 2 only where the escalation was not refused). `refused` may name that test
    already worked out once per stage, for a query asking at many moments."""
    return (
        Q(received_at__lt=end)
        & (
            Q(acknowledge_by__lt=last, acknowledged_on__isnull=True)
            | Q(acknowledge_by__lt=last, acknowledged_on__gt=last)
            | Q(respond_by__lt=last, responded_on__isnull=True)
            | Q(respond_by__lt=last, responded_on__gt=last)
        )
        & (Q(number=1) | ~(escalation_refused() if refused is None else refused))
    )
