"""Rules the domain tests cover, held in place through the case services that apply them."""

from datetime import date, datetime

import pytest

from putright.cases import services
from putright.cases.models import Decision, Stage
from putright.domain.errors import ExtensionRefusedError, ImpossibleDatesError, InvalidInputError
from putright.domain.lifecycle import Kind

from .conftest import at

D = date.fromisoformat
POINTS = [{"point": "The fence was not repaired", "outcome_sought": "Repair it"}]


def _log(org, received="2026-03-31"):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at(received),
        customer=org.customer,
        summary="Fence not repaired",
        description="The fence fell in March.",
    )


def _stage(case, number=1):
    return Stage.objects.get(case=case, number=number)


def _responded(org, actions):
    case = _log(org)
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-01"),
        definition=POINTS,
        responsible_for="Repairs",
    )
    services.stage_respond(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        responded_on=D("2026-04-10"),
        outcome="upheld",
        summary="Sorry",
        answers=[services.PointAnswer(p["point"], "upheld", "Yes") for p in POINTS],
        actions=[services.ActionInput(text, org.housing, due) for text, due in actions],
    )
    return case


def test_brighter_places_7_ii_j_completing_the_last_agreed_action_moves_escalate_by(brighter):
    case = _responded(brighter, [("Fix the fence", D("2026-05-15")), ("Paint it", D("2026-05-29"))])
    # 15 working days from the response on Friday 10 April: 13 April to 1 May.
    assert _stage(case).escalate_by == D("2026-05-01")
    first, last = _stage(case).actions.order_by("pk")
    services.action_complete(
        landlord=brighter.landlord, actor=brighter.housing, action_id=first.pk, completed_on=D("2026-05-13")
    )
    assert _stage(case).escalate_by == D("2026-05-01")  # one action is still to do
    services.action_complete(
        landlord=brighter.landlord, actor=brighter.housing, action_id=last.pk, completed_on=D("2026-05-20")
    )
    # 15 working days from Wednesday 20 May, skipping the spring bank holiday (25 May): 11 June.
    assert _stage(case).escalate_by == D("2026-06-11")


def test_brighter_places_7_ii_j_works_completed_before_the_response_are_refused_and_nothing_changes(brighter):
    case = _responded(brighter, [("Fix the fence", D("2026-04-13"))])
    (action,) = _stage(case).actions.all()
    with pytest.raises(ImpossibleDatesError, match="before the response on 2026-04-10"):
        services.action_complete(
            landlord=brighter.landlord,
            actor=brighter.housing,
            action_id=action.pk,
            completed_on=D("2026-04-08"),
        )
    action.refresh_from_db()
    assert action.completed_on is None and _stage(case).escalate_by == D("2026-05-01")


def test_not_accepting_as_previously_considered_needs_the_earlier_case_at_this_landlord(great, brighter):
    elsewhere = _log(brighter)
    case = _log(great)
    decide = {
        "landlord": great.landlord,
        "actor": great.officer,
        "case_id": case.pk,
        "reason_code": "previously-considered",
        "rationale": "Answered last year",
    }
    with pytest.raises(InvalidInputError, match="link the earlier case"):
        services.complaint_not_accept(**decide)
    with pytest.raises(InvalidInputError, match="no such case at Great Places"):
        services.complaint_not_accept(**decide, previous_case=elsewhere)
    case.refresh_from_db()
    assert case.status == "stage1_received" and not Decision.objects.filter(case=case).exists()
    earlier = _log(great, received="2026-01-05")
    decision = services.complaint_not_accept(**decide, previous_case=earlier)
    assert decision.previous_case == earlier and decision.type == Decision.Type.NOT_ACCEPTED


def test_a_time_without_a_timezone_is_refused_naming_the_field(great):
    case = _log(great)
    with pytest.raises(InvalidInputError, match="must include a timezone") as refused:
        services.escalation_request(
            landlord=great.landlord,
            actor=great.officer,
            case_id=case.pk,
            requested_at=datetime(2026, 4, 20, 9),  # noqa: DTZ001 (naive on purpose)
        )
    assert refused.value.field == "requested_at"
    with pytest.raises(InvalidInputError, match="must include a timezone"):
        services.feedback_log(
            landlord=great.landlord,
            actor=great.officer,
            kind=Kind.COMPLAINT,
            channel="phone",
            received_at=datetime(2026, 4, 20, 9),  # noqa: DTZ001 (naive on purpose)
            customer=great.customer,
            summary="Naive",
            description="A time with no zone",
        )


def _in_stage_2(org):
    case = _responded(org, [])
    services.escalation_request(
        landlord=org.landlord, actor=org.officer, case_id=case.pk, requested_at=at("2026-04-20")
    )
    services.stage2_assign_handler(
        landlord=org.landlord, actor=org.officer, case_id=case.pk, handler=org.director
    )
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.director,
        case_id=case.pk,
        acknowledged_on=D("2026-04-21"),
        definition=POINTS,
        responsible_for="Repairs",
    )
    return case


def test_brighter_places_7_iv_d_stage_2_extension_needs_a_good_reason_and_over_10_days_agreement(brighter):
    case = _in_stage_2(brighter)
    due = _stage(case, 2).respond_by
    extend = {"landlord": brighter.landlord, "actor": brighter.director, "case_id": case.pk}
    with pytest.raises(ExtensionRefusedError):
        services.stage_extend(**extend, days=5, notified_on=D("2026-05-01"), reason="Waiting")
    with pytest.raises(ExtensionRefusedError):
        services.stage_extend(
            **extend, days=12, notified_on=D("2026-05-01"), reason="Waiting", justification="good-reason"
        )
    assert _stage(case, 2).respond_by == due and not _stage(case, 2).extensions.exists()
    services.stage_extend(
        **extend, days=12, notified_on=D("2026-05-01"), reason="Survey booked", justification="agreed"
    )
    stage1 = _stage(case, 1)
    assert stage1.extensions.count() == 0  # the stage 2 extension belongs to stage 2 only
    # 12 working days after 19 May (20 working days from 20 April, skipping the May Day holiday on 4 May):
    # 20 May to 5 June, skipping 25 May.
    assert (due, _stage(case, 2).respond_by) == (D("2026-05-19"), D("2026-06-05"))
