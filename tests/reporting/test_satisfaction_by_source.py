"""The Board pack's satisfaction section splits the answers by how they were given, in its one query."""

from datetime import timedelta

from django.utils import timezone

from putright.cases import services
from putright.cases.models import Case
from putright.domain.lifecycle import Kind
from putright.domain.tsm import DateRange
from putright.reporting.board_pack import board_pack, satisfaction
from putright.reporting.exports import pack_rows
from tests.factories import at


def _closed(org):
    case = services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-03-31"),
        customer=org.customer,
        summary="Leak",
        description="Leak",
    )
    Case.objects.filter(pk=case.pk).update(status="closed")
    return case


def test_board_pack_satisfaction_is_split_by_how_the_answers_were_given(great, django_assert_num_queries):
    for score, source in ((4, "paper"), (2, "phone"), (5, "paper")):
        services.satisfaction_record(
            landlord=great.landlord,
            actor=great.officer,
            case_id=_closed(great).pk,
            score=score,
            source=source,
        )
    today = timezone.localdate()
    period = DateRange(today - timedelta(days=1), today)
    with django_assert_num_queries(1):
        summary = satisfaction(great.landlord, period)
    assert summary.responses == 3
    assert summary.by_source == (("Phone call with staff", 1), ("Paper form", 2))


def test_board_pack_export_has_a_row_per_way_of_answering(great):
    services.satisfaction_record(
        landlord=great.landlord, actor=great.officer, case_id=_closed(great).pk, score=3, source="email"
    )
    today = timezone.localdate()
    rows = pack_rows(board_pack(great.landlord, DateRange(today - timedelta(days=1), today)))
    assert [(r.measure, r.breakdown, r.value) for r in rows if r.section == "Satisfaction"][-1] == (
        "Survey answers recorded",
        "Email",
        1,
    )
