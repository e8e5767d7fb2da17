"""Fixtures for the case page: files kept in a temporary folder, and cases made through the services with
past dates (the services refuse future ones)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from putright.cases import services
from putright.cases.models import Case
from putright.domain.lifecycle import Kind
from tests.factories import Org, at

D = date.fromisoformat
DEFINITION = [{"point": "The leak was not repaired", "outcome_sought": "A repair"}]


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> Any:
    """Uploaded files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def log(org: Org, received: str = "2026-11-02", **extra: Any) -> Case:
    return services.feedback_log(
        landlord=org.landlord,
        actor=extra.pop("actor", org.officer),
        kind=extra.pop("kind", Kind.COMPLAINT),
        channel=extra.pop("channel", "phone"),
        received_at=at(received),
        customer=extra.pop("customer", org.customer),
        summary=extra.pop("summary", "Damp in the bedroom"),
        description=extra.pop("description", "Mould has come back in the bedroom"),
        **extra,
    )


def acknowledge(org: Org, case: Case, on: str = "2026-11-03") -> Case:
    return services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.manager,
        case_id=case.pk,
        acknowledged_on=D(on),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )


def page_url(case: Case, suffix: str = "") -> str:
    return f"/landlords/{case.landlord.slug}/cases/{case.reference}/{suffix}"
