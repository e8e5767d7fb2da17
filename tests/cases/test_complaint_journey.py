"""A complaint's whole journey through the services, with stored deadlines and the timeline."""

from datetime import date
from decimal import Decimal

import pytest

from putright.accounts.models import Membership
from putright.cases import services
from putright.cases.models import Decision, Stage, TimelineEvent
from putright.domain.errors import ExtensionRefusedError, InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.lifecycle import HandlerConflictError, Kind, TransitionNotAllowedError

from .conftest import at

D = date.fromisoformat
DEFINITION = [
    {"point": "The kitchen leak was not repaired for six weeks", "outcome_sought": "Repair and compensation"},
    {"point": "Calls were not returned", "outcome_sought": "An apology"},
]


def log_complaint(org, received="2026-03-31", **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at(received),
        customer=org.customer,
        summary="Leak not repaired",
        description="The kitchen has leaked since February.",
        **extra,
    )


def stage(case, number=1):
    return Stage.objects.get(case=case, number=number)


def test_complaint_journey_stage_1_to_stage_2_to_closure_with_learning(great):
    case = log_complaint(great)
    assert case.reference == "GP-2026-000001"
    assert case.status == "stage1_received"
    assert (stage(case).acknowledge_by, stage(case).respond_by) == (D("2026-04-09"), D("2026-04-23"))
    assert stage(case).respond_by_provisional

    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.manager,
        case_id=case.pk,
        acknowledged_on=D("2026-04-02"),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )
    assert (stage(case).respond_by, stage(case).respond_by_provisional) == (D("2026-04-20"), False)

    services.stage_extend(
        landlord=great.landlord,
        actor=great.manager,
        case_id=case.pk,
        days=10,
        notified_on=D("2026-04-15"),
        reason="Waiting for the contractor's report",
    )
    assert stage(case).respond_by == D("2026-05-05")

    services.stage_respond(
        landlord=great.landlord,
        actor=great.manager,
        case_id=case.pk,
        responded_on=D("2026-05-01"),
        outcome="partly_upheld",
        summary="We are sorry for the delay.",
        answers=[services.PointAnswer(p["point"], "upheld", "The repair was late.") for p in DEFINITION],
        remedies=[services.RemedyInput("financial", "Compensation for the delay", Decimal("150.00"))],
        actions=[services.ActionInput("Replace the kitchen worktop", great.housing, D("2026-06-01"))],
    )
    case.refresh_from_db()
    assert case.status == "stage1_responded"
    assert stage(case).breaches == []

    services.escalation_request(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, requested_at=at("2026-05-11")
    )
    with pytest.raises(InvalidInputError, match="is not a senior leader"):
        services.stage2_assign_handler(
            landlord=great.landlord, actor=great.officer, case_id=case.pk, handler=great.manager
        )
    services.stage2_assign_handler(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, handler=great.director
    )
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.director,
        case_id=case.pk,
        acknowledged_on=D("2026-05-13"),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )
    # 20 working days from Wednesday 13 May, skipping the spring bank holiday (25 May).
    assert stage(case, 2).respond_by == D("2026-06-11")
    services.stage_respond(
        landlord=great.landlord,
        actor=great.director,
        case_id=case.pk,
        responded_on=D("2026-06-10"),
        outcome="upheld",
        summary="Final response",
        answers=[services.PointAnswer(p["point"], "upheld", "Agreed.") for p in DEFINITION],
    )
    services.case_close(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        lesson="Chase contractors' reports weekly",
        improvement="Weekly report chase",
    )
    services.satisfaction_record(landlord=great.landlord, actor=great.officer, case_id=case.pk, score=4)
    case.refresh_from_db()
    assert case.status == "closed"
    kinds = list(TimelineEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == [
        "logged",
        "stage1_acknowledged",
        "extended",
        "stage1_responded",
        "escalation_requested",
        "stage2_handler_assigned",
        "stage2_acknowledged",
        "stage2_responded",
        "closed",
        "satisfaction",
    ]


def test_stage2_handler_is_never_the_stage1_handler(great):
    case = log_complaint(great)
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.director2,
        case_id=case.pk,
        acknowledged_on=D("2026-04-02"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    services.stage_respond(
        landlord=great.landlord,
        actor=great.director2,
        case_id=case.pk,
        responded_on=D("2026-04-10"),
        outcome="not_upheld",
        summary="No fault found",
        answers=[services.PointAnswer(p["point"], "not_upheld", "Records show visits.") for p in DEFINITION],
    )
    services.escalation_request(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, requested_at=at("2026-04-20")
    )
    with pytest.raises(HandlerConflictError):
        services.stage2_assign_handler(
            landlord=great.landlord, actor=great.officer, case_id=case.pk, handler=great.director2
        )


def test_acknowledgement_needs_the_complaint_definition(great):
    case = log_complaint(great)
    with pytest.raises(InvalidInputError, match="at least one point"):
        services.complaint_acknowledge(
            landlord=great.landlord,
            actor=great.officer,
            case_id=case.pk,
            acknowledged_on=D("2026-04-02"),
            definition=[],
            responsible_for="Repairs",
        )
    case.refresh_from_db()
    assert case.status == "stage1_received"


def test_response_needs_a_decision_on_every_point(great):
    case = log_complaint(great)
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-02"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    with pytest.raises(InvalidInputError, match="no decision on: Calls were not returned"):
        services.stage_respond(
            landlord=great.landlord,
            actor=great.officer,
            case_id=case.pk,
            responded_on=D("2026-04-10"),
            outcome="upheld",
            summary="Sorry",
            answers=[services.PointAnswer(DEFINITION[0]["point"], "upheld", "Late")],
        )


def test_extension_the_policy_refuses_changes_nothing(brighter):
    case = log_complaint(brighter)
    services.complaint_acknowledge(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-01"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    before = stage(case).respond_by
    with pytest.raises(ExtensionRefusedError, match="every extension needs a recorded good reason"):
        services.stage_extend(
            landlord=brighter.landlord,
            actor=brighter.officer,
            case_id=case.pk,
            days=5,
            notified_on=D("2026-04-10"),
            reason="Busy",
        )
    assert stage(case).respond_by == before
    assert stage(case).extensions.count() == 0


def test_late_extension_notice_is_recorded_but_the_breach_stands(great):
    case = log_complaint(great)
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-02"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    extension = services.stage_extend(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        days=10,
        notified_on=D("2026-04-21"),
        reason="Contractor delay",
    )
    assert extension.applied is False
    assert stage(case).respond_by == D("2026-04-20")
    assert stage(case).breaches


def test_late_escalation_request_is_never_refused_automatically(brighter):
    case = log_complaint(brighter)
    services.complaint_acknowledge(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-01"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    services.stage_respond(
        landlord=brighter.landlord,
        actor=brighter.manager,
        case_id=case.pk,
        responded_on=D("2026-04-16"),
        outcome="not_upheld",
        summary="No fault",
        answers=[services.PointAnswer(p["point"], "not_upheld", "Checked") for p in DEFINITION],
    )
    assert stage(case).escalate_by == D("2026-05-08")
    services.escalation_request(
        landlord=brighter.landlord, actor=brighter.officer, case_id=case.pk, requested_at=at("2026-07-01")
    )
    case.refresh_from_db()
    assert case.status == "stage2_requested"
    assert any("not refused automatically" in w for w in case.warnings)
    # Brighter Places: acknowledge stage 2 within 3 working days of the request.
    assert stage(case, 2).acknowledge_by == D("2026-07-06")


def test_decision_not_to_escalate_records_reason_rationale_and_the_ombudsman_right(brighter):
    case = log_complaint(brighter)
    services.complaint_acknowledge(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-01"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    services.stage_respond(
        landlord=brighter.landlord,
        actor=brighter.manager,
        case_id=case.pk,
        responded_on=D("2026-04-16"),
        outcome="upheld",
        summary="Sorry",
        answers=[services.PointAnswer(p["point"], "upheld", "Late") for p in DEFINITION],
    )
    services.escalation_request(
        landlord=brighter.landlord, actor=brighter.officer, case_id=case.pk, requested_at=at("2026-04-20")
    )
    with pytest.raises(InvalidInputError, match="choose a reason from the policy"):
        services.escalation_refuse(
            landlord=brighter.landlord,
            actor=brighter.officer,
            case_id=case.pk,
            reason_code="because",
            rationale="No",
        )
    decision = services.escalation_refuse(
        landlord=brighter.landlord,
        actor=brighter.director,
        case_id=case.pk,
        reason_code="legal-proceedings",
        rationale="A claim was filed on 15 April",
    )
    assert decision.type == Decision.Type.NOT_ESCALATED
    event = TimelineEvent.objects.filter(case=case).last()
    assert "Housing Ombudsman" in event.summary


def test_time_limit_outside_the_floor_is_a_warning_not_a_refusal(brighter):
    case = log_complaint(brighter, issue_date=D("2024-12-01"))
    assert case.status == "stage1_received"
    # The Code's 12-month floor (not Brighter Places' 6 months) sets the limit: 1 December 2025.
    assert any("after the time limit (2025-12-01): decide whether to accept it" in w for w in case.warnings)


def test_a_restriction_never_stops_a_new_complaint_being_recorded(brighter):
    from putright.customers.models import Restriction

    Restriction.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        type="single-channel",
        reason="Abusive calls",
        how_to_contact="Email only",
        understanding_sought="Call on 2 March",
        starts_on=D("2026-03-01"),
        review_by=D("2026-06-01"),
        decided_by=brighter.housing,
    )
    case = log_complaint(brighter)
    assert case.pk and any("never stops a new, different complaint" in w for w in case.warnings)


def test_service_request_carries_on_when_a_complaint_is_raised(great):
    request = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.SERVICE_REQUEST,
        channel="web",
        received_at=at("2026-03-02"),
        customer=great.customer,
        summary="Boiler broken",
        description="No heating",
    )
    complaint = services.complaint_choice_record(
        landlord=great.landlord, actor=great.officer, case_id=request.pk, choice="complaint"
    )
    request.refresh_from_db()
    assert request.status == "open" and request.complaint_choice == "complaint"
    assert complaint.kind == "complaint" and complaint.linked_case_id == request.pk


def test_a_complaint_raised_from_a_service_request_keeps_who_and_what_and_is_received_when_expressed(great):
    request = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.SERVICE_REQUEST,
        channel="phone",
        received_at=at("2026-03-02"),
        customer=great.customer,
        summary="Boiler broken again",
        description="The engineer was rude and the boiler still fails",
        received_by="Contact centre",
        colleagues_named="Sam the engineer",
        about_colleague=True,
        vulnerability=True,
        vulnerability_note="Elderly, lives alone",
    )
    complaint = services.complaint_choice_record(
        landlord=great.landlord,
        actor=great.officer,
        case_id=request.pk,
        choice="complaint",
        expressed_at=at("2026-03-02"),
    )
    assert complaint.received_at == at("2026-03-02")  # not when the choice was typed in
    assert (complaint.received_by, complaint.colleagues_named, complaint.about_colleague) == (
        "Contact centre",
        "Sam the engineer",
        True,
    )
    assert complaint.vulnerability and complaint.vulnerability_note == "Elderly, lives alone"
    assert complaint.stages.get(number=1).received_at == at("2026-03-02")


def test_additional_issue_after_the_response_becomes_a_new_linked_complaint(great):
    case = log_complaint(great)
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-02"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    joined = services.complaint_add_issue(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        point="The operative was rude",
        related=True,
    )
    assert joined.incorporated and len(stage(case).definition) == 3
    services.stage_respond(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        responded_on=D("2026-04-10"),
        outcome="upheld",
        summary="Sorry",
        answers=[services.PointAnswer(p["point"], "upheld", "Yes") for p in stage(case).definition],
    )
    new = services.complaint_add_issue(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        point="The garden fence is broken",
        related=False,
    )
    assert not new.incorporated and new.case.linked_case_id == case.pk


def test_no_query_crosses_landlords(brighter, great):
    case = log_complaint(great)
    with pytest.raises(NotFoundError):
        services.complaint_acknowledge(
            landlord=brighter.landlord,
            actor=brighter.officer,
            case_id=case.pk,
            acknowledged_on=D("2026-04-02"),
            definition=DEFINITION,
            responsible_for="x",
        )
    with pytest.raises(NotPermittedError):
        services.complaint_acknowledge(
            landlord=great.landlord,
            actor=brighter.officer,
            case_id=case.pk,
            acknowledged_on=D("2026-04-02"),
            definition=DEFINITION,
            responsible_for="x",
        )
    with pytest.raises(NotFoundError):
        services.feedback_log(
            landlord=great.landlord,
            actor=great.officer,
            kind=Kind.COMPLAINT,
            channel="phone",
            received_at=at("2026-04-01"),
            customer=brighter.customer,
            summary="x",
            description="y",
        )


def test_roles_decide_what_each_may_do(great):
    case = log_complaint(great)
    with pytest.raises(NotPermittedError):
        services.complaint_acknowledge(
            landlord=great.landlord,
            actor=great.board,
            case_id=case.pk,
            acknowledged_on=D("2026-04-02"),
            definition=DEFINITION,
            responsible_for="x",
        )


def test_commands_out_of_order_are_refused_with_a_reason(great):
    case = log_complaint(great)
    with pytest.raises(
        TransitionNotAllowedError, match="cannot respond a complaint that is stage 1 received"
    ):
        services.stage_respond(
            landlord=great.landlord,
            actor=great.officer,
            case_id=case.pk,
            responded_on=D("2026-04-10"),
            outcome="upheld",
            summary="x",
            answers=[],
        )


def test_idempotency_key_returns_the_same_case(great):
    first = log_complaint(great, idempotency_key="abc-123")
    again = log_complaint(great, idempotency_key="abc-123")
    assert first.pk == again.pk


def test_future_dates_are_refused(great):
    with pytest.raises(InvalidInputError, match="cannot be in the future"):
        log_complaint(great, received="2099-01-01")


def _compliment_passed_on(org):
    compliment = services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLIMENT,
        channel="email",
        received_at=at("2026-05-01"),
        customer=org.customer,
        summary="Thank you",
        description="Great work",
        colleagues_named="Sam",
    )
    services.compliment_pass_on(
        landlord=org.landlord, actor=org.officer, case_id=compliment.pk, colleague=org.colleague
    )
    return TimelineEvent.objects.filter(case=compliment).last()


def test_compliment_reaches_the_colleague_and_their_line_manager(great):
    event = _compliment_passed_on(great)
    assert event.after["line_manager"] == great.manager.pk
    assert event.summary == f"Compliment passed to {great.colleague} and their line manager {great.manager}"


def test_compliment_is_not_copied_to_a_line_manager_whose_account_is_disabled(great):
    great.manager.is_active = False
    great.manager.save()
    event = _compliment_passed_on(great)
    assert event.after["line_manager"] is None
    assert event.summary == (
        f"Compliment passed to {great.colleague} "
        f"(no copy to the line manager {great.manager}: their account is disabled)"
    )


def test_compliment_is_not_copied_to_a_line_manager_who_no_longer_has_a_role_here(great):
    Membership.objects.filter(user=great.manager, landlord=great.landlord).delete()
    event = _compliment_passed_on(great)
    assert event.after["line_manager"] is None
    assert event.after["no_copy_because"] == (
        f"no copy to the line manager {great.manager}: they no longer have a role at {great.landlord.name}"
    )


def test_timeline_events_are_immutable(great):
    case = log_complaint(great)
    event = TimelineEvent.objects.filter(case=case).first()
    event.summary = "rewritten"
    with pytest.raises(ValueError, match="never changed"):
        event.save()
    with pytest.raises(ValueError, match="never deleted"):
        event.delete()


def _responded(org, **extra):
    case = log_complaint(org, **extra)
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-02"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    services.stage_respond(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        responded_on=D("2026-04-10"),
        outcome="upheld",
        summary="Sorry",
        answers=[services.PointAnswer(p["point"], "upheld", "Yes") for p in DEFINITION],
        actions=[services.ActionInput("Fix the fence", org.housing, D("2026-05-01"))],
    )
    return case


def test_stage2_handler_cannot_be_set_at_acknowledgement_bypassing_its_checks(great):
    case = _responded(great)
    services.escalation_request(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, requested_at=at("2026-04-20")
    )
    with pytest.raises(InvalidInputError, match="assign a stage 2 handler"):
        services.complaint_acknowledge(
            landlord=great.landlord,
            actor=great.director,
            case_id=case.pk,
            acknowledged_on=D("2026-04-21"),
            definition=DEFINITION,
            responsible_for="Repairs",
            handler=great.officer,
        )


def test_the_owner_of_an_agreed_action_records_it_done_even_on_a_colleague_complaint(great):
    from putright.cases.models import AgreedAction

    case = _responded(great, about_colleague=True, colleagues_named="Sam")
    action = AgreedAction.objects.get(stage__case=case)
    done = services.action_complete(
        landlord=great.landlord, actor=great.housing, action_id=action.pk, completed_on=D("2026-04-30")
    )
    assert done.completed_on == D("2026-04-30")
