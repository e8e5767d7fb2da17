"""The Board pack for June 2025 at Great Places, every figure worked by hand from the fixture below."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from putright.cases import services
from putright.domain.tsm import DateRange
from putright.reporting.board_pack import (
    Tally,
    board_pack,
    compensation,
    extensions,
    open_and_overdue,
    outcomes,
    refusals,
    satisfaction,
    timeliness,
    volumes,
)

from .conftest import Builder

D = date.fromisoformat
JUNE = DateRange(D("2025-06-01"), D("2025-06-30"))


def tallies(rows):
    return [(t.label, t.count) for t in rows]


def test_volumes_by_kind_stage_and_each_breakdown(june):
    v = volumes(june.landlord, JUNE)
    assert tallies(v.by_kind) == [("Complaint", 3), ("Compliment", 1), ("Service request", 1)]
    assert tallies(v.by_stage) == [("Stage 1", 3), ("Stage 2", 1)]
    assert tallies(v.by_channel) == [("Phone", 2), ("Email", 1)]
    assert tallies(v.by_category) == [("Repairs", 2), ("Anti-social behaviour", 1)]
    assert tallies(v.by_service_area) == [("Property services", 2), ("Neighbourhoods", 1)]
    assert tallies(v.by_contractor) == [("Not recorded", 2), ("Acme", 1)]
    assert v.by_contractor[1] == Tally("Acme", "Acme", 1)


def test_volumes_read_the_four_breakdowns_in_one_query(june, django_assert_num_queries):
    """By kind, by stage, and channel, category, service area and contractor together (each combination
    counted once, summed per breakdown): three queries, the same figures as the test above."""
    with django_assert_num_queries(3):
        v = volumes(june.landlord, JUNE)
    assert tallies(v.by_channel) == [("Phone", 2), ("Email", 1)]
    assert tallies(v.by_contractor) == [("Not recorded", 2), ("Acme", 1)]


def test_outcomes_of_responses_issued_in_the_period(june):
    stage1, stage2 = outcomes(june.landlord, JUNE)
    assert (stage1.upheld, stage1.partly_upheld, stage1.not_upheld, stage1.total) == (1, 0, 1, 2)
    assert (stage2.upheld, stage2.partly_upheld, stage2.not_upheld) == (0, 1, 0)


def test_timeliness_of_each_step_against_the_policy_and_the_code(june):
    stage1, stage2 = timeliness(june.landlord, JUNE, extensions_count=True)
    # Acknowledged in June: P1 and P3 on time, P2 a day late. Responded: P1 (in its extension) and P2.
    assert (stage1.acknowledged, stage1.acknowledged_within_policy, stage1.acknowledged_within_code) == (
        3,
        2,
        2,
    )
    assert (stage1.responded, stage1.responded_within_policy, stage1.responded_within_code) == (2, 2, 2)
    assert stage1.shares["acknowledged_within_code"] == Decimal(200) / Decimal(3)
    assert (
        stage2.acknowledged,
        stage2.acknowledged_within_code,
        stage2.responded,
        stage2.responded_within_code,
    ) == (
        1,
        1,
        1,
        1,
    )


def test_timeliness_against_the_code_leaves_out_extensions_when_the_setting_is_off(june):
    stage1, _ = timeliness(june.landlord, JUNE, extensions_count=False)
    # P1's response on 30 June met the policy's extended date but not the Code's 18 June.
    assert (stage1.responded, stage1.responded_within_policy, stage1.responded_within_code) == (2, 2, 1)


def test_extensions_used_and_their_reasons(june):
    result = extensions(june.landlord, JUNE)
    assert [(u.stage, u.justification, u.applied, u.count, u.days) for u in result.uses] == [
        (1, "none", True, 1, 10)
    ]
    assert tallies(result.reasons) == [("Waiting for the contractor's report", 1)]


def test_open_and_overdue_at_the_end_of_the_period(june):
    result = open_and_overdue(june.landlord, JUNE)
    # Every case received by 30 June is still open (none closed); P3 and P6 are past their response dates.
    assert (result.as_of, result.open_cases, result.open_complaints, result.overdue_complaints) == (
        D("2025-06-30"),
        8,
        6,
        2,
    )
    # At the end of May the open complaints were P6, P7 and P8, none yet past a deadline (P6 due 6 June).
    may = open_and_overdue(june.landlord, DateRange(D("2025-05-01"), D("2025-05-31")))
    assert (may.open_complaints, may.overdue_complaints) == (3, 0)


def test_compensation_offered_in_responses_and_paid_in_the_period(june):
    result = compensation(june.landlord, JUNE)
    assert (result.offered, result.offers, result.paid, result.payments) == (
        Decimal("150.00"),
        1,
        Decimal("25.00"),
        1,
    )
    april = compensation(june.landlord, DateRange(D("2025-04-01"), D("2025-04-30")))
    assert (april.offered, april.paid) == (Decimal("50.00"), Decimal("0.00"))


def test_refusals_by_reason_and_satisfaction(great):
    b = Builder(great)
    for _ in range(2):
        case = b.log("2025-06-02")
        services.complaint_not_accept(
            landlord=great.landlord,
            actor=great.officer,
            case_id=case.pk,
            reason_code="neighbour-dispute",
            rationale="A dispute between neighbours",
        )
    answered = b.handled("2025-06-02", "2025-06-03", "2025-06-04")
    b.escalate(answered, "2025-06-05")
    services.escalation_refuse(
        landlord=great.landlord,
        actor=great.officer,
        case_id=answered.pk,
        reason_code="legal-proceedings",
        rationale="Court proceedings",
    )
    services.case_close(landlord=great.landlord, actor=great.officer, case_id=answered.pk, lesson="none")
    services.satisfaction_record(landlord=great.landlord, actor=great.officer, case_id=answered.pk, score=4)
    today = timezone.localdate()  # decisions and survey answers are dated when recorded
    period = DateRange(today - timedelta(days=1), today)
    rows = [(r.decision, r.reason_code, r.count) for r in refusals(great.landlord, period)]
    assert rows == [("not_accepted", "neighbour-dispute", 2), ("not_escalated", "legal-proceedings", 1)]
    assert refusals(great.landlord, period)[0].decision_label == "Not accepted as a complaint"
    assert refusals(great.landlord, JUNE) == ()
    summary = satisfaction(great.landlord, period)
    assert (summary.responses, summary.average) == (1, Decimal("4.0"))


def test_the_board_pack_is_a_few_aggregate_queries(june, django_assert_max_num_queries):
    board_pack(june.landlord, JUNE)  # builds the working-day ranks once
    # The figures' 17 (the volumes' four breakdowns in one), the trends' 4 (and their calendar check), the
    # hot spots' 3 and the Ombudsman section's 5: none grows with the number of cases.
    with django_assert_max_num_queries(30):
        pack = board_pack(june.landlord, JUNE)
    assert pack.period == JUNE and pack.extensions_count_as_on_time is True
