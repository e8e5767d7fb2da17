"""The actions offered on a case: by the lifecycle for its kind and status, by role at the landlord, by the
stage 2 handler rules and by the policy profile, each refusal with its reason in plain words."""

from datetime import date
from decimal import Decimal

import pytest

from putright.cases import services
from putright.cases.offers import case_offers, offer_for, open_hazard_duties, stage2_handler_choices
from putright.domain.lifecycle import Kind

from .conftest import at

D = date.fromisoformat
DEFINITION = [{"point": "The leak was not repaired", "outcome_sought": "A repair"}]


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
        answers=[services.PointAnswer(DEFINITION[0]["point"], "upheld", "It was late")],
        **extra,
    )


def escalate(org, case, on="2026-11-12"):
    return services.escalation_request(
        landlord=org.landlord, actor=org.officer, case_id=case.pk, requested_at=at(on)
    )


def names(offers, allowed=True):
    return [o.name for o in offers if o.allowed is allowed]


def test_a_new_complaint_offers_acknowledgement_and_the_early_decisions_to_an_officer(great):
    case = log(great)
    offers = case_offers(great.officer, case)
    assert names(offers) == ["acknowledge", "clarification", "add-issue", "not-accept", "withdraw"]
    later = {o.name: o.reason for o in offers if not o.allowed}
    assert (
        later["extend"]
        == "Extend the response date becomes possible when the complaint is stage 1 investigating or "
        "stage 2 investigating"
    )
    assert "close" in later and "satisfaction" in later


def test_a_board_member_sees_the_actions_but_may_take_none_and_is_told_why(great):
    case = log(great)
    offers = {o.name: o for o in case_offers(great.board, case)}
    assert not any(o.allowed for o in offers.values())
    assert offers["acknowledge"].reason == (
        "Only a feedback officer, investigating manager or senior leader can acknowledge the complaint"
    )
    assert (
        offers["not-accept"].reason
        == "Only a feedback officer or senior leader can decide not to accept a complaint"
    )


def test_a_housing_manager_may_record_a_withdrawal_but_not_acknowledge(great):
    offers = {o.name: o for o in case_offers(great.housing, log(great))}
    assert offers["withdraw"].allowed
    assert not offers["acknowledge"].allowed


def test_an_acknowledged_complaint_offers_extension_with_the_policy_rule_as_a_note(great):
    case = acknowledge(great, log(great))
    extend = offer_for(great.officer, case, "extend", today=D("2026-11-05"))
    assert extend.allowed
    assert extend.note.startswith(
        "Extensions so far: 0 working days. Great Places' policy allows 10 more without a good reason"
    )
    assert "should not exceed a further 10 working days without good reason" in extend.note
    late = offer_for(great.officer, case, "extend", today=D("2026-12-31"))
    assert late.allowed and late.note.startswith("The response was due on ")


def test_no_contact_closure_is_refused_where_the_policy_sets_none(great, brighter):
    great_case = acknowledge(great, log(great))
    offer = offer_for(great.officer, great_case, "warn-no-contact")
    assert (offer.allowed, offer.reason) == (
        False,
        "Great Places' policy sets no closure for lack of contact",
    )
    brighter_case = acknowledge(brighter, log(brighter))
    assert offer_for(brighter.officer, brighter_case, "warn-no-contact").allowed
    close = offer_for(brighter.officer, brighter_case, "close-no-contact")
    assert (close.allowed, close.reason) == (False, "Send the no-contact letter first")


def test_no_contact_closure_waits_for_the_period_in_the_letter(brighter):
    case = acknowledge(brighter, log(brighter))
    services.complaint_warn_no_contact(
        landlord=brighter.landlord, actor=brighter.officer, case_id=case.pk, letter_on=D("2026-11-04")
    )
    waiting = offer_for(brighter.officer, case, "close-no-contact", today=D("2026-11-05"))
    assert not waiting.allowed and waiting.reason.startswith("The customer has until ")
    assert offer_for(brighter.officer, case, "close-no-contact", today=D("2026-12-31")).allowed


def test_stage_2_needs_a_handler_and_only_that_senior_leader_acknowledges_and_responds(great):
    case = respond(great, acknowledge(great, log(great), actor=great.director))
    case = escalate(great, case)
    offers = {o.name: o for o in case_offers(great.director2, case)}
    assert offers["acknowledge"].reason == "Assign a stage 2 handler before you acknowledge the complaint"
    assert offers["assign-handler"].allowed
    assert offer_for(great.manager, case, "assign-handler").reason == (
        "Only a feedback officer or senior leader can assign the stage 2 handler"
    )
    assert offers["refuse-escalation"].allowed
    assert great.director not in stage2_handler_choices(case)
    assert great.director2 in stage2_handler_choices(case)
    services.stage2_assign_handler(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, handler=great.director2
    )
    case.refresh_from_db()
    assert offer_for(great.director2, case, "acknowledge").allowed
    other = offer_for(great.director, case, "acknowledge")
    assert other.reason == f"Only the stage 2 handler, {great.director2}, can acknowledge the complaint"
    officer = offer_for(great.officer, case, "acknowledge")
    assert officer.reason == "Only a senior leader can acknowledge the complaint at stage 2"


def test_agreed_actions_and_compensation_are_offered_until_done(great):
    case = acknowledge(great, log(great))
    respond(
        great,
        case,
        remedies=[services.RemedyInput("financial", "For the delay", Decimal("50.00"))],
        actions=[services.ActionInput("Fix the gutter", great.housing, D("2026-12-01"))],
    )
    case.refresh_from_db()
    assert offer_for(great.housing, case, "complete-action").allowed
    assert offer_for(great.housing, case, "pay-remedy").allowed
    board = offer_for(great.board, case, "pay-remedy")
    assert not board.allowed
    action = case.stages.get(number=1).actions.get()
    services.action_complete(
        landlord=great.landlord, actor=great.housing, action_id=action.pk, completed_on=D("2026-11-11")
    )
    assert offer_for(great.housing, case, "complete-action") is None


def test_the_owner_of_an_agreed_action_may_record_it_whatever_their_role(great):
    case = acknowledge(great, log(great))
    respond(great, case, actions=[services.ActionInput("Call back", great.colleague, D("2026-12-01"))])
    assert offer_for(great.colleague, case, "complete-action").allowed


def test_a_closed_complaint_offers_only_the_survey(great):
    case = respond(great, acknowledge(great, log(great)))
    services.case_close(landlord=great.landlord, actor=great.officer, case_id=case.pk, lesson="none")
    case.refresh_from_db()
    assert names(case_offers(great.officer, case)) == ["satisfaction"]
    assert names(case_offers(great.officer, case), allowed=False) == []


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (Kind.SERVICE_REQUEST, ["complaint-choice", "convert", "resolve"]),
        (Kind.FEEDBACK, ["complaint-choice", "convert", "resolve"]),
        (Kind.COMPLIMENT, ["pass-on"]),
        (Kind.COMMENT, ["acknowledge-comment"]),
    ],
)
def test_other_kinds_offer_their_own_actions(great, kind, expected):
    assert names(case_offers(great.officer, log(great, kind=kind))) == expected


def test_a_hazard_offers_the_awaabs_law_steps_until_done(great):
    case = log(great, hazard_kind="emergency")
    offers = {o.name: o for o in case_offers(great.officer, case)}
    assert offers["hazard-duty"].allowed
    assert offers["hazard-investigation"].allowed
    assert offer_for(great.officer, log(great), "hazard-duty") is None


def test_the_extension_note_says_what_the_policy_asks_of_the_next_one(great, brighter):
    case = acknowledge(great, log(great))
    services.stage_extend(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        days=10,
        notified_on=D("2026-11-05"),
        reason="Waiting for a report",
    )
    note = offer_for(great.officer, case, "extend", today=D("2026-11-06")).note
    assert note.startswith(
        "Extensions so far: 10 working days. Great Places' policy allows more only with a good reason"
    )
    case = acknowledge(brighter, log(brighter))
    services.stage_extend(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=case.pk,
        days=20,
        notified_on=D("2026-11-05"),
        reason="Waiting for a report",
        justification="good-reason",
    )
    note = offer_for(brighter.officer, case, "extend", today=D("2026-11-06")).note
    assert "Brighter Places' policy allows more only when the customer agrees" in note


def test_open_hazard_duties_are_named_as_the_rules_name_them_until_done(great):
    case = log(great, hazard_kind="emergency")
    [(code, label, due)] = open_hazard_duties(case)
    assert label != code and due.endswith(("2026, 10:00", "2026"))
    services.hazard_duty_complete(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, duty=code, done_on=D("2026-11-02")
    )
    case.refresh_from_db()
    assert open_hazard_duties(case) == []
