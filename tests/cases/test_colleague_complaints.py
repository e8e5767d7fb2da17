"""Complaints about colleagues through the services: the colleague identified before acknowledgement, the
policy's clocks stored with their explanation, the investigator the policy names (never the colleague), and
Brighter Places 6.ii's disciplinary procedures told to the customer and nothing more."""

from datetime import date

import pytest

from putright.accounts.models import Membership, Role
from putright.cases import services
from putright.cases.models import Case, Stage, TimelineEvent
from putright.domain.errors import InvalidInputError
from putright.domain.lifecycle import Kind
from putright.letters.models import Letter
from tests.factories import at

pytestmark = pytest.mark.django_db

D = date.fromisoformat
DEFINITION = [{"point": "The officer was rude on the phone", "outcome_sought": "An apology"}]


def colleague_complaint(org, colleague=None):
    case = services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-02"),
        customer=org.customer,
        summary="Rude officer",
        description="The officer was rude to me.",
        colleagues_named="Sam",
    )
    return services.colleague_complaint_identify(
        landlord=org.landlord, actor=org.officer, case_id=case.pk, colleague=colleague or org.colleague
    )


def acknowledge(org, case, handler=None, actor=None):
    return services.complaint_acknowledge(
        landlord=org.landlord,
        actor=actor or org.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-11-03"),
        definition=DEFINITION,
        responsible_for="How our staff treat you",
        handler=handler,
    )


def test_great_places_colleague_complaint_stores_the_colleague_clocks_with_the_policy_clause(great):
    case = colleague_complaint(great)
    assert case.about_colleague and case.colleague == great.colleague
    stage = Stage.objects.get(case=case, number=1)
    assert stage.acknowledge_by == D("2026-11-09")
    assert any("Complaints about colleagues: 'reviewed, logged" in line for line in stage.explanation)
    event = TimelineEvent.objects.get(case=case, kind="colleague_identified")
    assert event.summary == (
        "Complaint about a colleague: colleague@great.test; the colleague's line manager investigates it, "
        "never colleague@great.test"
    )
    acknowledge(great, case)
    stage.refresh_from_db()
    assert stage.respond_by == D("2026-11-17")
    assert any(
        "the relevant Line Manager who will investigate and respond" in line for line in stage.explanation
    )


def test_great_places_colleague_complaint_goes_to_the_line_manager_by_default(great):
    case = acknowledge(great, colleague_complaint(great))
    assert case.handler == great.manager  # the colleague's line manager in the factory
    assert Stage.objects.get(case=case, number=1).handler == great.manager


def test_great_places_colleague_complaint_refuses_another_investigator_and_changes_nothing(great):
    case = colleague_complaint(great)
    with pytest.raises(
        InvalidInputError, match=r"investigated by their line manager, manager@great\.test, not "
    ):
        acknowledge(great, case, handler=great.director)
    case.refresh_from_db()
    assert case.status == "stage1_received" or Stage.objects.get(case=case, number=1).acknowledged_on is None
    assert not Letter.objects.filter(case=case).exists()


def test_great_places_colleague_complaint_without_a_line_manager_goes_to_a_senior_leader(great):
    Membership.objects.filter(user=great.colleague).update(line_manager=None)
    case = colleague_complaint(great)
    with pytest.raises(InvalidInputError, match="has no line manager who can act, so a senior leader"):
        acknowledge(great, case)  # the officer acknowledging would otherwise investigate
    assert acknowledge(great, case, handler=great.director).handler == great.director


def test_brighter_places_6_i_colleague_complaint_is_reviewed_by_a_senior_manager(brighter):
    case = colleague_complaint(brighter)
    stage = Stage.objects.get(case=case, number=1)
    assert not any("colleagues" in line for line in stage.explanation)  # the ordinary stage 1 clocks
    with pytest.raises(
        InvalidInputError, match=r"investigated by a senior manager, not manager@brighter\.test"
    ):
        acknowledge(brighter, case, handler=brighter.manager)
    assert acknowledge(brighter, case, handler=brighter.director).handler == brighter.director


@pytest.mark.parametrize("org_name", ["great", "brighter"])
def test_the_colleague_complained_about_never_investigates_it(request, org_name):
    org = request.getfixturevalue(org_name)
    Membership.objects.create(user=org.colleague, landlord=org.landlord, role=Role.SENIOR_LEADER)
    Membership.objects.filter(user=org.colleague).update(line_manager=None)
    case = colleague_complaint(org)
    with pytest.raises(InvalidInputError, match="is the colleague the complaint is about"):
        acknowledge(org, case, handler=org.colleague)


def test_the_colleague_is_identified_before_stage_1_is_acknowledged(great):
    case = acknowledge(great, colleague_complaint(great))
    with pytest.raises(InvalidInputError, match="already acknowledged"):
        services.colleague_complaint_identify(
            landlord=great.landlord, actor=great.officer, case_id=case.pk, colleague=great.housing
        )
    assert Case.objects.get(pk=case.pk).colleague == great.colleague


def test_brighter_places_6_ii_disciplinary_procedures_are_recorded_and_the_response_says_only_that(brighter):
    case = acknowledge(brighter, colleague_complaint(brighter), handler=brighter.director)
    services.colleague_complaint_disciplinary(
        landlord=brighter.landlord, actor=brighter.director, case_id=case.pk, on=D("2026-11-05")
    )
    with pytest.raises(InvalidInputError, match="already recorded on 2026-11-05"):
        services.colleague_complaint_disciplinary(
            landlord=brighter.landlord, actor=brighter.director, case_id=case.pk, on=D("2026-11-06")
        )
    event = TimelineEvent.objects.get(case=case, kind="colleague_disciplinary")
    assert "progressed via disciplinary procedures from 2026-11-05" in event.summary
    services.stage_respond(
        landlord=brighter.landlord,
        actor=brighter.director,
        case_id=case.pk,
        responded_on=D("2026-11-10"),
        outcome="upheld",
        summary="We are sorry",
        answers=[services.PointAnswer(DEFINITION[0]["point"], "upheld", "The call was not acceptable")],
    )
    letter = Letter.objects.get(case=case, kind="stage1_response")
    assert (
        "taken forward through our disciplinary procedures. We cannot tell you any more" in letter.body_html
    )


def test_disciplinary_procedures_only_on_a_complaint_about_a_colleague_under_investigation(brighter):
    case = colleague_complaint(brighter)
    with pytest.raises(InvalidInputError, match="while stage 1 is being investigated"):
        services.colleague_complaint_disciplinary(
            landlord=brighter.landlord, actor=brighter.officer, case_id=case.pk, on=D("2026-11-05")
        )
    Case.objects.filter(pk=case.pk).update(about_colleague=False)
    with pytest.raises(InvalidInputError, match="is not a complaint about a colleague"):
        services.colleague_complaint_disciplinary(
            landlord=brighter.landlord, actor=brighter.officer, case_id=case.pk, on=D("2026-11-05")
        )
    assert Case.objects.get(pk=case.pk).colleague_disciplinary_on is None
