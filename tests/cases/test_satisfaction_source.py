"""How each satisfaction answer was given: chosen by staff (a phone call unless they say otherwise), the
resident portal's own, never "not recorded" for a new answer."""

import pytest

from putright.cases import services
from putright.cases.models import Case, Satisfaction, TimelineEvent
from putright.domain.errors import InvalidInputError, NotPermittedError
from putright.domain.lifecycle import Kind
from tests.factories import at

pytestmark = pytest.mark.django_db


def closed_complaint(org):
    case = services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-03-31"),
        customer=org.customer,
        summary="Leak not repaired",
        description="The kitchen has leaked since February.",
    )
    Case.objects.filter(pk=case.pk).update(status="closed")
    return case


def test_satisfaction_records_how_the_customer_answered(great):
    case = closed_complaint(great)
    answer = services.satisfaction_record(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, score=4, source="paper"
    )
    assert answer.source == Satisfaction.Source.PAPER
    event = TimelineEvent.objects.get(case=case, kind="satisfaction")
    assert event.summary == "Satisfaction recorded (paper form): 4 out of 5"
    assert event.after == {"score": 4, "source": "paper"}


def test_satisfaction_recorded_by_staff_is_from_a_phone_call_unless_they_say(great):
    case = closed_complaint(great)
    answer = services.satisfaction_record(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, score=5
    )
    assert answer.source == Satisfaction.Source.PHONE


@pytest.mark.parametrize("source", ["unknown", "carrier pigeon"])
def test_satisfaction_source_must_be_a_way_staff_took_the_answer(great, source):
    case = closed_complaint(great)
    with pytest.raises(
        InvalidInputError, match="say how the customer answered: phone, paper, email, in_person"
    ):
        services.satisfaction_record(
            landlord=great.landlord, actor=great.officer, case_id=case.pk, score=3, source=source
        )
    assert not Satisfaction.objects.exists()


def test_staff_cannot_record_an_answer_as_from_the_resident_portal(great):
    case = closed_complaint(great)
    with pytest.raises(NotPermittedError, match="not a customer channel"):
        services.satisfaction_record(
            landlord=great.landlord, actor=great.officer, case_id=case.pk, score=3, source="portal"
        )
    assert not Satisfaction.objects.exists()
