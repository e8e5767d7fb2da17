"""Complaints about colleagues as rules: the policy's own clocks for stage 1, and who may investigate one
(Great Places: the colleague's line manager; Brighter Places 6.i: a senior manager; never the colleague)."""

from datetime import date

import pytest

from putright.domain.bank_holidays import calendar_for
from putright.domain.colleague_complaints import Person, handler_refusal, with_colleague_clocks
from putright.domain.deadlines import StageFacts, stage_deadlines
from putright.domain.profiles import ColleagueHandler, default_registry

D = date.fromisoformat
EW = calendar_for("england-and-wales")
SAM = Person(1, "Sam Colleague", senior_leader=False)
LEE = Person(2, "Lee Manager", senior_leader=False)
ALI = Person(3, "Ali Officer", senior_leader=False)
DEE = Person(4, "Dee Director", senior_leader=True)


def latest(name):
    return default_registry().latest(name)


def test_great_places_colleague_complaint_stage_1_runs_the_colleague_clocks_naming_the_policy_clause():
    profile = with_colleague_clocks(latest("great-places"))
    result = stage_deadlines(
        profile, EW, StageFacts(stage=1, received=D("2026-03-31"), acknowledged=D("2026-04-02"))
    )
    assert (result.acknowledge_by.due, result.respond_by.due) == (D("2026-04-09"), D("2026-04-20"))
    explanation = " ".join(result.explanation)
    assert (
        "Complaints about colleagues: 'reviewed, logged and acknowledged within five working days"
        in explanation
    )
    assert "the relevant Line Manager who will investigate and respond within 10 working days" in explanation


@pytest.mark.parametrize("policy", ["brighter-places-2022", "hos-code-2024"])
def test_colleague_complaints_keep_the_stage_clocks_where_the_policy_sets_none(policy):
    assert with_colleague_clocks(latest(policy)) is latest(policy)


def test_great_places_colleague_complaint_is_investigated_by_the_line_manager_and_no_one_else():
    profile = latest("great-places")
    assert profile.colleague_complaints.handler is ColleagueHandler.LINE_MANAGER
    assert handler_refusal(profile, colleague=SAM, line_manager=LEE, handler=LEE) is None
    for other in (ALI, DEE):
        why = handler_refusal(profile, colleague=SAM, line_manager=LEE, handler=other)
        assert why == (
            f"a complaint about Sam Colleague is investigated by their line manager, Lee Manager, not {other.name} "
            f"(great-places: {profile.colleague_complaints.handler_source})"
        )


def test_great_places_colleague_complaint_without_a_line_manager_who_can_act_goes_to_a_senior_leader():
    profile = latest("great-places")
    assert handler_refusal(profile, colleague=SAM, line_manager=None, handler=DEE) is None
    why = handler_refusal(profile, colleague=SAM, line_manager=None, handler=ALI)
    assert why is not None and why.startswith(
        "Sam Colleague has no line manager who can act, so a senior leader"
    )


def test_brighter_places_6_i_colleague_complaint_is_reviewed_by_a_senior_manager():
    profile = latest("brighter-places-2022")
    assert profile.colleague_complaints.handler is ColleagueHandler.SENIOR_LEADER
    assert handler_refusal(profile, colleague=SAM, line_manager=LEE, handler=DEE) is None
    why = handler_refusal(profile, colleague=SAM, line_manager=LEE, handler=LEE)
    assert why is not None and why.startswith(
        "a complaint about Sam Colleague is investigated by a senior manager"
    )
    assert "Policy 6.i" in why


def test_code_colleague_complaint_may_be_investigated_by_anyone_who_handles_stage_1():
    profile = latest("hos-code-2024")
    assert handler_refusal(profile, colleague=SAM, line_manager=LEE, handler=ALI) is None


@pytest.mark.parametrize("policy", ["hos-code-2024", "great-places", "brighter-places-2022"])
def test_the_colleague_complained_about_never_investigates_it(policy):
    boss = Person(SAM.id, SAM.name, senior_leader=True)
    why = handler_refusal(latest(policy), colleague=boss, line_manager=None, handler=boss)
    assert why is not None and why.startswith("Sam Colleague is the colleague the complaint is about")
