"""Ombudsman referral to determination, orders and their compliance, Code non-compliance and published
lessons: each landlord-scoped, permission-checked and on the case's timeline."""

from datetime import date

import pytest

from putright.cases.models import TimelineEvent
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.ombudsman import selectors, services
from putright.ombudsman.models import NonCompliance, OmbudsmanCase, Order, PublishedLesson
from putright.ombudsman.services import FindingInput, OrderInput

from .conftest import learn, log_complaint

D = date.fromisoformat


def refer(org, case, reference="202512345", on="2026-04-01", actor=None):
    return services.ombudsman_case_refer(
        landlord=org.landlord,
        actor=actor or org.officer,
        case_id=case.pk,
        ombudsman_reference=reference,
        referred_on=D(on),
    )


def determine(org, referral, orders=None):
    return services.ombudsman_case_determine(
        landlord=org.landlord,
        actor=org.officer,
        ombudsman_case_id=referral.pk,
        determined_on=D("2026-06-01"),
        summary="Delays in repairs",
        findings=[
            FindingInput("Handling of the leak", "maladministration"),
            FindingInput("Complaint handling", "service_failure"),
        ],
        orders=orders
        if orders is not None
        else [
            OrderInput("order", "Apologise in writing", D("2026-06-29")),
            OrderInput("recommendation", "Review repairs chasing", D("2026-08-31")),
        ],
    )


def kinds(case):
    return list(TimelineEvent.objects.filter(case=case).order_by("id").values_list("kind", flat=True))


def test_referral_through_determination_to_compliance(great, case):
    referral = refer(great, case)
    services.ombudsman_case_advance(
        landlord=great.landlord, actor=great.officer, ombudsman_case_id=referral.pk, on=D("2026-04-10")
    )
    referral = services.ombudsman_case_advance(
        landlord=great.landlord, actor=great.director, ombudsman_case_id=referral.pk, on=D("2026-04-20")
    )
    assert (referral.status, referral.accepted_on, referral.investigating_on) == (
        "investigating",
        D("2026-04-10"),
        D("2026-04-20"),
    )
    referral = determine(great, referral)
    assert referral.status == "determined"
    assert [f.finding for f in referral.findings.all()] == ["maladministration", "service_failure"]
    order = referral.orders.get(type="order")
    services.order_complete(
        landlord=great.landlord,
        actor=great.housing,
        order_id=order.pk,
        completed_on=D("2026-07-02"),
        evidence="Letter of apology sent 2 July",
    )
    order.refresh_from_db()
    assert (order.completed_on, order.evidence) == (D("2026-07-02"), "Letter of apology sent 2 July")
    assert kinds(case)[-5:] == [
        "ombudsman_referred",
        "ombudsman_stage",
        "ombudsman_stage",
        "ombudsman_determined",
        "ombudsman_order_completed",
    ]
    last = TimelineEvent.objects.filter(case=case).latest("id")
    assert "3 days late" in last.summary


def test_orders_due_lists_only_open_orders_due_by_the_day(great, brighter, case, other_case):
    referral = determine(great, refer(great, case))
    determine(brighter, refer(brighter, other_case, reference="2025999"))
    assert [o.description for o in selectors.orders_due(great.landlord, D("2026-06-28"))] == []
    assert [o.description for o in selectors.orders_due(great.landlord, D("2026-07-01"))] == [
        "Apologise in writing"
    ]
    order = referral.orders.get(type="order")
    services.order_complete(
        landlord=great.landlord,
        actor=great.officer,
        order_id=order.pk,
        completed_on=D("2026-06-20"),
        evidence="x",
    )
    assert [o.description for o in selectors.orders_due(great.landlord, D("2026-09-01"))] == [
        "Review repairs chasing"
    ]


def test_referral_refuses_bad_input_and_changes_nothing(great, case):
    with pytest.raises(InvalidInputError) as error:
        refer(great, case, reference="  ")
    assert error.value.field == "ombudsman_reference"
    with pytest.raises(InvalidInputError):
        refer(great, case, on="2099-01-01")
    with pytest.raises(InvalidInputError):
        refer(great, case, on="2026-01-01")  # before the complaint was received
    refer(great, case)
    with pytest.raises(InvalidInputError):
        refer(great, case)  # the same Ombudsman reference twice
    assert OmbudsmanCase.objects.count() == 1


def test_determination_checks_findings_and_orders(great, case):
    referral = refer(great, case)
    with pytest.raises(InvalidInputError):
        determine(great, referral, orders=[OrderInput("order", "Pay £100", D("2026-05-01"))])
    with pytest.raises(InvalidInputError):
        determine(great, referral, orders=[OrderInput("demand", "Pay £100", D("2026-07-01"))])
    assert Order.objects.count() == 0
    determine(great, referral)
    with pytest.raises(InvalidInputError):
        determine(great, referral)


def test_only_the_complaints_team_may_refer_and_other_landlords_cases_are_not_found(great, brighter, case):
    for actor in (great.board, great.manager, great.colleague):
        with pytest.raises(NotPermittedError):
            refer(great, case, actor=actor)
    with pytest.raises(NotPermittedError):
        refer(great, case, actor=brighter.officer)
    with pytest.raises(NotFoundError):
        refer(brighter, case, actor=brighter.officer)
    referral = refer(great, case)
    with pytest.raises(NotFoundError):
        services.ombudsman_case_advance(
            landlord=brighter.landlord,
            actor=brighter.officer,
            ombudsman_case_id=referral.pk,
            on=D("2026-04-10"),
        )
    order = determine(great, referral).orders.first()
    with pytest.raises(NotFoundError):
        services.order_complete(
            landlord=brighter.landlord,
            actor=brighter.officer,
            order_id=order.pk,
            completed_on=D("2026-06-10"),
            evidence="x",
        )
    with pytest.raises(NotPermittedError):
        services.order_complete(
            landlord=great.landlord,
            actor=great.board,
            order_id=order.pk,
            completed_on=D("2026-06-10"),
            evidence="x",
        )


def test_non_compliance_recorded_then_returned_to_compliance(great, brighter):
    entry = services.non_compliance_record(
        landlord=great.landlord,
        actor=great.director,
        provision="5.8",
        from_date=D("2026-02-01"),
        reason="Cyber attack took the housing system offline",
        ombudsman_told_on=D("2026-02-03"),
    )
    services.non_compliance_update(
        landlord=great.landlord,
        actor=great.officer,
        non_compliance_id=entry.pk,
        provision="5.8",
        from_date=D("2026-02-01"),
        reason="Cyber attack took the housing system offline",
        residents_told_on=D("2026-02-04"),
        ombudsman_told_on=D("2026-02-03"),
        regulator_told_on=D("2026-02-05"),
        returned_on=D("2026-03-15"),
    )
    entry.refresh_from_db()
    assert (entry.residents_told_on, entry.returned_on) == (D("2026-02-04"), D("2026-03-15"))
    with pytest.raises(InvalidInputError) as error:
        services.non_compliance_record(
            landlord=great.landlord,
            actor=great.director,
            provision="5.8",
            from_date=D("2026-02-01"),
            reason="x",
            returned_on=D("2026-01-01"),
        )
    assert error.value.field == "returned_on"
    with pytest.raises(NotPermittedError):
        services.non_compliance_record(
            landlord=great.landlord, actor=great.board, provision="5.8", from_date=D("2026-02-01"), reason="x"
        )
    with pytest.raises(NotFoundError):
        services.non_compliance_update(
            landlord=brighter.landlord,
            actor=brighter.officer,
            non_compliance_id=entry.pk,
            provision="5.8",
            from_date=D("2026-02-01"),
            reason="x",
        )
    assert list(selectors.non_compliance(brighter.landlord)) == []
    assert NonCompliance.objects.count() == 1


def test_lessons_published_in_public_words_only(great, brighter, case):
    learning = learn(great, case)
    lesson = services.lesson_publish(
        landlord=great.landlord,
        actor=great.officer,
        learning_id=learning.pk,
        you_said="Repairs to leaks took too long",
        we_did="We now chase every open repair weekly",
        published_on=D("2026-05-10"),
    )
    assert lesson.service_area == "Repairs"
    assert list(selectors.published_lessons(great.landlord)) == [lesson]
    assert list(selectors.published_lessons(brighter.landlord)) == []
    with pytest.raises(InvalidInputError):
        services.lesson_publish(
            landlord=great.landlord,
            actor=great.officer,
            learning_id=learning.pk,
            you_said="again",
            we_did="again",
            published_on=D("2026-05-10"),
        )
    with pytest.raises(NotFoundError):
        services.lesson_publish(
            landlord=brighter.landlord,
            actor=brighter.officer,
            learning_id=learning.pk,
            you_said="x",
            we_did="y",
            published_on=D("2026-05-10"),
        )
    services.lesson_unpublish(landlord=great.landlord, actor=great.director, published_lesson_id=lesson.pk)
    assert PublishedLesson.objects.count() == 0
    assert kinds(case)[-2:] == ["lesson_published", "lesson_unpublished"]


def test_learning_log_filters_by_service_area_and_period(great, brighter, case):
    learn(great, case, lesson="Chase repairs", when="2026-05-01")
    other = log_complaint(great, service_area="Anti-social behaviour")
    learn(great, other, lesson="Call back within a day", when="2026-07-01")
    learn(brighter, log_complaint(brighter), lesson="Not ours")
    lessons = lambda **f: [x.lesson for x in selectors.learning_log(great.landlord, great.officer, **f)]  # noqa: E731
    assert lessons() == ["Call back within a day", "Chase repairs"]
    assert lessons(service_area="Repairs") == ["Chase repairs"]
    assert lessons(start=D("2026-06-01")) == ["Call back within a day"]
    assert lessons(end=D("2026-06-01")) == ["Chase repairs"]
