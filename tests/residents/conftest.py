"""Cases, letters and representatives for the resident portal's tests."""

from datetime import date

import pytest

from putright.cases import services
from putright.cases.models import Case, Stage
from putright.customers.models import Customer, Representative
from putright.domain.lifecycle import Kind
from putright.letters.models import Letter
from tests.factories import at

DEFINITION = [{"point": "The kitchen leak was not repaired", "outcome_sought": "Repair"}]


def log_complaint(org, customer=None, representative=None, summary="Leak not repaired"):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-03-31"),
        customer=customer or org.customer,
        summary=summary,
        description="The kitchen has leaked since February.",
        representative=representative,
    )


def acknowledge(org, case):
    """Acknowledge the complaint; its letter counts as sent."""
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.manager,
        case_id=case.pk,
        acknowledged_on=date(2026, 4, 1),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )
    Letter.objects.filter(case=case).update(status=Letter.Status.SENT, pdf=b"%PDF-1.4 test")
    return Letter.objects.filter(case=case).first()


def responded(case):
    """Put the case at "stage 1 responded", so that the customer may ask for stage 2."""
    Stage.objects.filter(case=case, number=1).update(responded_on=date(2026, 4, 10))
    Case.objects.filter(pk=case.pk).update(status="stage1_responded")
    case.refresh_from_db()
    return case


def closed(org, case):
    """Acknowledge, respond to and close the complaint, which sends the satisfaction survey."""
    acknowledge(org, case)
    responded(case)
    return services.case_close(landlord=org.landlord, actor=org.officer, case_id=case.pk, lesson="none")


@pytest.fixture
def complaint(brighter):
    return log_complaint(brighter)


@pytest.fixture
def other_customer(brighter):
    return Customer.objects.create(landlord=brighter.landlord, name="Sam Lee", email="sam@example.test")


@pytest.fixture
def representative(brighter):
    return Representative.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        name="Jo Bloggs",
        relationship="Daughter",
        basis=Representative.Basis.ASKED_BY_CUSTOMER,
        authority=Representative.Authority.GIVEN,
        scope="The leak complaint",
        email="jo@example.test",
    )
