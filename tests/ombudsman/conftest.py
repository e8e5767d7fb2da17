"""A complaint at each landlord to refer to the Ombudsman, and a lesson recorded from it."""

import pytest

from putright.cases import services
from putright.cases.models import Learning
from putright.domain.lifecycle import Kind
from tests.factories import at


def log_complaint(org, received="2026-03-02", service_area="Repairs"):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at(received),
        customer=org.customer,
        summary="Leak not repaired",
        description="The kitchen has leaked since February.",
        service_area=service_area,
    )


def learn(org, case, lesson="Repairs were not chased", when="2026-05-01"):
    return Learning.objects.create(
        case=case,
        lesson=lesson,
        improvement="Weekly chase list",
        recorded_by=org.officer,
        recorded_at=at(when),
    )


@pytest.fixture
def case(great):
    return log_complaint(great)


@pytest.fixture
def other_case(brighter):
    return log_complaint(brighter)
