"""Awaab's Law clocks on a case, and compensation followed through to payment."""

from datetime import date
from decimal import Decimal

import pytest

from putright.cases import services
from putright.cases.models import Remedy
from putright.domain.errors import InvalidInputError
from putright.domain.lifecycle import Kind

from .conftest import at

D = date.fromisoformat


def test_a_damp_and_mould_report_starts_hazard_clocks_in_parallel_with_the_complaint(great):
    case = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-02", "16:30"),
        customer=great.customer,
        summary="Black mould in the bedroom",
        description="Mould is back in the baby's room",
        hazard_kind="damp-mould",
        vulnerability=True,
    )
    assert case.hazard_due == {"investigate": "2026-11-16"}
    case = services.hazard_investigation_conclude(
        landlord=great.landlord, actor=great.housing, case_id=case.pk, concluded_on=D("2026-11-10")
    )
    assert case.hazard_due["summary"] == "2026-11-13"
    assert case.hazard_due["make_safe"] == "2026-11-17"
    assert case.status == "stage1_received"  # the complaint clocks are independent
    case = services.hazard_duty_complete(
        landlord=great.landlord,
        actor=great.housing,
        case_id=case.pk,
        duty="make_safe",
        done_on=D("2026-11-18"),
    )
    assert case.hazard_done == {"make_safe": "2026-11-18"}
    assert "after the deadline 2026-11-17" in case.timeline.last().summary
    with pytest.raises(InvalidInputError, match="no hazard clock 'paint'"):
        services.hazard_duty_complete(
            landlord=great.landlord,
            actor=great.housing,
            case_id=case.pk,
            duty="paint",
            done_on=D("2026-11-18"),
        )


def test_unknown_hazard_kind_is_refused(great):
    from putright.domain.errors import DomainError

    with pytest.raises(DomainError, match="unknown hazard kind"):
        services.feedback_log(
            landlord=great.landlord,
            actor=great.officer,
            kind=Kind.SERVICE_REQUEST,
            channel="phone",
            received_at=at("2026-11-02"),
            customer=great.customer,
            summary="x",
            description="y",
            hazard_kind="ghosts",
        )


def test_compensation_offered_is_followed_through_to_payment(great):
    definition = [{"point": "Repair late", "outcome_sought": "Compensation"}]
    case = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-09-01"),
        customer=great.customer,
        summary="Repair late",
        description="Six weeks",
    )
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-09-02"),
        definition=definition,
        responsible_for="Repairs",
    )
    services.stage_respond(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        responded_on=D("2026-09-10"),
        outcome="upheld",
        summary="Sorry",
        answers=[services.PointAnswer("Repair late", "upheld", "It was late")],
        remedies=[services.RemedyInput("financial", "For the delay", Decimal("100.00"))],
    )
    remedy = Remedy.objects.get(stage__case=case)
    with pytest.raises(InvalidInputError):
        services.remedy_pay(
            landlord=great.landlord,
            actor=great.housing,
            remedy_id=remedy.pk,
            amount=Decimal("0"),
            paid_on=D("2026-09-20"),
        )
    paid = services.remedy_pay(
        landlord=great.landlord,
        actor=great.housing,
        remedy_id=remedy.pk,
        amount=Decimal("100.00"),
        paid_on=D("2026-09-20"),
    )
    assert paid.compensation_paid == Decimal("100.00")
