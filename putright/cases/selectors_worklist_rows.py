"""A worklist's rows as plain values, not model instances (issue 3, bench/README.md): building three model
instances for every row cost more than the query itself, so the worklist reads the columns it shows as named
tuples, and these small read-only rows give them the shape of a case with its customer and handler (what the
API's case summary reads). The rows are named tuples too: as immutable as frozen dataclasses, and built about
nine times faster (a frozen dataclass sets each field through object.__setattr__), which counts at 50 a page."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, NamedTuple

WORKLIST_COLUMNS = (
    *("reference", "kind", "status", "stage", "channel", "received_at", "logged_at", "summary"),
    *("category", "service_area", "next_due", "next_due_kind", "warnings", "closed_at"),
    *("customer", "customer__name", "customer__type", "customer__tenancy_reference"),
    *("customer__postcode", "customer__preferred_channel"),
    *("handler", "handler__first_name", "handler__last_name", "handler__email"),
)
"""What a worklist row shows (the API's case summary, its customer's summary, its handler's name): the rows
are read with these columns only (and the case's id), and nothing else of a case, customer or person."""


class WorklistCustomer(NamedTuple):
    id: int
    name: str
    type: str
    tenancy_reference: str
    postcode: str
    preferred_channel: str


class WorklistHandler(NamedTuple):
    id: int
    first_name: str
    last_name: str
    email: str

    def __str__(self) -> str:
        """As the person's own `User.__str__`: the full name, or the email address if there is none."""
        return f"{self.first_name} {self.last_name}".strip() or self.email


class WorklistCase(NamedTuple):
    id: int
    reference: str
    kind: str
    status: str
    stage: int | None
    channel: str
    received_at: datetime
    logged_at: datetime
    summary: str
    category: str
    service_area: str
    next_due: date | None
    next_due_kind: str
    warnings: list[str]
    closed_at: datetime | None
    customer: WorklistCustomer
    handler: WorklistHandler | None

    @property
    def pk(self) -> int:
        return self.id


def worklist_cases(rows: Iterable[Any]) -> list[WorklistCase]:
    """Named rows of ("id", *WORKLIST_COLUMNS) as cases with their customer and handler."""
    return [
        WorklistCase(
            *(row.id, row.reference, row.kind, row.status, row.stage, row.channel, row.received_at),
            *(row.logged_at, row.summary, row.category, row.service_area, row.next_due, row.next_due_kind),
            *(row.warnings, row.closed_at),
            customer=WorklistCustomer(
                *(row.customer, row.customer__name, row.customer__type, row.customer__tenancy_reference),
                *(row.customer__postcode, row.customer__preferred_channel),
            ),
            handler=None
            if row.handler is None
            else WorklistHandler(
                row.handler, row.handler__first_name, row.handler__last_name, row.handler__email
            ),
        )
        for row in rows
    ]
