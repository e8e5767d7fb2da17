"""Signed-in clients and cases at each point of their lifecycle, made through the services with past dates."""

from datetime import date

import pytest

from putright.cases import services
from putright.domain.lifecycle import Kind
from tests.factories import at

D = date.fromisoformat
DEFINITION = [
    {"point": "The leak was not repaired", "outcome_sought": "A repair"},
    {"point": "Calls were not returned", "outcome_sought": "An apology"},
]


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def log(org, kind=Kind.COMPLAINT, received="2026-11-02", **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=kind,
        channel="email",
        received_at=at(received),
        customer=org.customer,
        summary="Damp in the bedroom",
        description="Mould has come back",
        **extra,
    )


def acknowledge(org, case, on="2026-11-03", actor=None):
    return services.complaint_acknowledge(
        landlord=org.landlord,
        actor=actor or org.officer,
        case_id=case.pk,
        acknowledged_on=D(on),
        definition=DEFINITION,
        responsible_for="Repairs",
    )


def respond(org, case, on="2026-11-10", actor=None, **extra):
    return services.stage_respond(
        landlord=org.landlord,
        actor=actor or org.officer,
        case_id=case.pk,
        responded_on=D(on),
        outcome="upheld",
        summary="We are sorry",
        answers=[services.PointAnswer(p["point"], "upheld", "It was late") for p in DEFINITION],
        **extra,
    )


def escalate(org, case, on="2026-11-12"):
    return services.escalation_request(
        landlord=org.landlord, actor=org.officer, case_id=case.pk, requested_at=at(on)
    )


def url(case, action):
    return f"/landlords/{case.landlord.slug}/cases/{case.reference}/{action}/"


def date_data(name, day):
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year)}
