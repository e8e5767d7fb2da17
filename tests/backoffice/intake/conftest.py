"""Helpers for the intake tests: feedback logged through the services with past dates."""

from __future__ import annotations

from typing import Any

import pytest

from putright.cases import services
from putright.cases.models import Case
from putright.domain.lifecycle import Kind
from tests.factories import at


def log(org: Any, received: str = "2026-10-02", *, kind: Kind = Kind.COMPLAINT, **extra: Any) -> Case:
    return services.feedback_log(
        landlord=org.landlord,
        actor=extra.pop("actor", org.officer),
        kind=kind,
        channel=extra.pop("channel", "email"),
        received_at=at(received),
        customer=extra.pop("customer", org.customer),
        summary=extra.pop("summary", "Damp and mould in the bedroom"),
        description=extra.pop("description", "Mould has come back in the bedroom"),
        **extra,
    )


@pytest.fixture
def logged():
    return log
