"""Rules each policy states that the profiles carry as data, and clocks not covered elsewhere.

Each test is named after the rule and pins the profile to the policy text, so a profile edit that drops or
changes a rule fails here.
"""

from datetime import date

import pytest

from putright.domain.additional_issues import route_additional_issue
from putright.domain.bank_holidays import calendar_for
from putright.domain.deadlines import (
    Extension,
    Justification,
    StageFacts,
    adjustment_review,
    clarification_contact_by,
    colleague_complaint_clocks,
    stage_deadlines,
)
from putright.domain.errors import ExtensionRefusedError
from putright.domain.profiles import default_registry

D = date.fromisoformat
EW = calendar_for("england-and-wales")


def latest(name):
    return default_registry().latest(name)


def deadlines(name, stage, received, **facts):
    return stage_deadlines(latest(name), EW, StageFacts(stage=stage, received=D(received), **facts))


# -- exclusions (Code 2.2; Brighter Places 5.i; Great Places "Exclusions") ----------------------------------


def test_code_exclusion_reasons_are_time_limit_legal_proceedings_and_previously_considered():
    assert [e.code for e in latest("hos-code-2024").exclusions] == [
        "over-time-limit",
        "legal-proceedings",
        "previously-considered",
    ]


def test_brighter_places_exclusion_reasons_are_policy_5_i_a_to_j():
    exclusions = latest("brighter-places-2022").exclusions
    assert [e.source for e in exclusions] == [f"Policy 5.i.{letter}" for letter in "abcdefghij"]
    assert [e.code for e in exclusions] == [
        "service-request",
        "other-policy",
        "reopen-concluded",
        "legal-proceedings",
        "not-our-service",
        "restriction-applied",
        "insurance-claim",
        "compensation-claim",
        "policy-content",
        "over-time-limit",
    ]


def test_great_places_exclusion_reasons_are_the_ten_in_its_policy():
    assert [e.code for e in latest("great-places").exclusions] == [
        "over-time-limit",
        "legal-proceedings",
        "service-request",
        "policy-explanation",
        "neighbour-dispute",
        "rent-increase-regulation",
        "fly-tipping-vandalism",
        "not-our-organisation",
        "survey-dissatisfaction",
        "previously-considered",
    ]


# -- clarification, effective dates, additional issues ----------------------------------------------------


@pytest.mark.parametrize("policy", ["hos-code-2024", "great-places"])
def test_code_sets_no_clarification_contact_window(policy):
    assert clarification_contact_by(latest(policy), EW, D("2026-04-02")) is None


def test_brighter_places_profile_is_in_force_from_august_2022():
    assert latest("brighter-places-2022").effective_from == D("2022-08-01")
    assert default_registry().in_force("brighter-places-2022", D("2022-08-01")).version == 1


def test_additional_issues_at_stage_2_become_a_new_complaint_under_brighter_places():
    rules = latest("brighter-places-2022").additional_issues
    assert "unreasonably delay" in rules.during_stage1
    assert "new complaint" in rules.during_stage2
    assert rules.source == "Policy 7.iii.a"


@pytest.mark.parametrize("policy", ["hos-code-2024", "great-places"])
def test_additional_issues_are_incorporated_if_related_and_not_yet_answered(policy):
    rules = latest(policy).additional_issues
    assert rules.during_stage1.startswith(
        "Incorporate if related and the stage 1 response has not been issued"
    )


# -- stage clocks not covered by test_deadlines ----------------------------------------------------------


def test_great_places_stage1_response_within_10_working_days_of_acknowledgement():
    result = deadlines("great-places", 1, "2026-12-24", acknowledged=D("2026-12-29"))
    # 30, 31 December; 4-8 January; 11, 12, 13 January (1 January is a bank holiday).
    assert result.respond_by.due == D("2027-01-13")


def test_code_stage2_response_within_20_working_days_of_acknowledgement():
    result = deadlines("hos-code-2024", 2, "2027-03-24", acknowledged=D("2027-03-25"))
    # From Thursday 25 March 2027, skipping Good Friday (26 March) and Easter Monday (29 March).
    assert result.respond_by.due == D("2027-04-26")


@pytest.mark.parametrize(("policy", "allowance"), [("hos-code-2024", 20), ("great-places", 20)])
def test_stage2_extension_up_to_20_working_days_without_good_reason(policy, allowance):
    facts = {"acknowledged": D("2027-03-25")}
    ok = deadlines(policy, 2, "2027-03-24", extensions=(Extension(allowance, D("2027-04-20")),), **facts)
    assert ok.respond_by.due > D("2027-04-26")
    with pytest.raises(ExtensionRefusedError, match=f"more than {allowance} working days need a good reason"):
        deadlines(policy, 2, "2027-03-24", extensions=(Extension(allowance + 1, D("2027-04-20")),), **facts)


def test_great_places_stage1_extension_up_to_10_working_days_without_good_reason():
    facts = {"acknowledged": D("2026-12-29")}
    deadlines("great-places", 1, "2026-12-24", extensions=(Extension(10, D("2027-01-12")),), **facts)
    with pytest.raises(ExtensionRefusedError, match="more than 10 working days need a good reason"):
        deadlines("great-places", 1, "2026-12-24", extensions=(Extension(11, D("2027-01-12")),), **facts)


def test_brighter_places_stage1_every_extension_needs_a_good_reason():
    with pytest.raises(ExtensionRefusedError, match="every extension needs a recorded good reason"):
        deadlines(
            "brighter-places-2022",
            1,
            "2026-03-31",
            logged=D("2026-04-01"),
            extensions=(Extension(5, D("2026-04-16")),),
        )
    ok = deadlines(
        "brighter-places-2022",
        1,
        "2026-03-31",
        logged=D("2026-04-01"),
        extensions=(Extension(5, D("2026-04-16"), Justification.GOOD_REASON),),
    )
    assert ok.respond_by.due == D("2026-04-24")


@pytest.mark.parametrize("policy", ["hos-code-2024", "great-places", "brighter-places-2022"])
def test_extension_notices_give_the_housing_ombudsman_details(policy):
    profile = latest(policy)
    assert profile.stage1.extension.ombudsman_details_in_notice
    assert profile.stage2.extension.ombudsman_details_in_notice
    ombudsman = next(b for b in profile.referral_bodies if b.code == "housing-ombudsman")
    assert (ombudsman.phone, ombudsman.email) == ("0300 111 3000", "info@housing-ombudsman.org.uk")


def test_great_places_names_the_property_and_new_homes_ombudsmen_and_the_building_safety_regulator():
    bodies = {b.code: b.when for b in latest("great-places").referral_bodies}
    assert bodies["building-safety-regulator"] == "building-safety"
    assert {"property-ombudsman", "new-homes-ombudsman"} <= set(bodies)


# -- colleague complaints, surveys, restrictions, adjustments ---------------------------------------------


def test_great_places_colleague_complaints_acknowledged_in_5_and_answered_by_the_line_manager_in_10():
    ack, respond = colleague_complaint_clocks(latest("great-places"), EW, D("2026-03-31"), D("2026-04-02"))
    assert ack.due == D("2026-04-09")
    assert respond.due == D("2026-04-20")
    assert not respond.provisional
    assert respond.label == "The colleague's line manager responds by"
    assert latest("great-places").colleague_complaints.stage2_review


def test_brighter_places_colleague_complaints_follow_the_stage_clocks_reviewed_by_a_senior_manager():
    profile = latest("brighter-places-2022")
    assert colleague_complaint_clocks(profile, EW, D("2026-03-31")) is None
    assert profile.colleague_complaints.responder.startswith("An appropriate senior manager")


@pytest.mark.parametrize("policy", ["hos-code-2024", "great-places", "brighter-places-2022"])
def test_satisfaction_survey_at_the_end_of_the_process(policy):
    assert latest(policy).survey.trigger == "end-of-process"


def test_brighter_places_restriction_types_and_appeal_to_a_director():
    restrictions = latest("brighter-places-2022").restrictions
    assert restrictions.types == (
        "contact-limits",
        "time-slot",
        "single-channel",
        "named-colleague",
        "witness-present",
        "refuse-same-matter",
    )
    assert "Customer Services Director" in restrictions.appeal_to


def test_brighter_places_reasonable_adjustments_reviewed_12_months_on():
    assert adjustment_review(latest("brighter-places-2022"), EW, D("2026-06-30")).due == D("2027-06-30")


# -- additional issues (Code 6.8; Brighter Places 7.iii.a) -----------------------------------------------


@pytest.mark.parametrize(
    ("policy", "facts", "route"),
    [
        (
            "hos-code-2024",
            {"stage": 1, "response_issued": False, "related": True, "would_unreasonably_delay": False},
            "incorporate",
        ),
        (
            "hos-code-2024",
            {"stage": 1, "response_issued": True, "related": True, "would_unreasonably_delay": False},
            "new_complaint",
        ),
        (
            "hos-code-2024",
            {"stage": 1, "response_issued": False, "related": False, "would_unreasonably_delay": False},
            "new_complaint",
        ),
        (
            "great-places",
            {"stage": 1, "response_issued": False, "related": True, "would_unreasonably_delay": True},
            "new_complaint",
        ),
        (
            "hos-code-2024",
            {"stage": 2, "response_issued": False, "related": True, "would_unreasonably_delay": False},
            "incorporate",
        ),
        (
            "brighter-places-2022",
            {"stage": 1, "response_issued": False, "related": True, "would_unreasonably_delay": False},
            "incorporate",
        ),
        (
            "brighter-places-2022",
            {"stage": 2, "response_issued": False, "related": True, "would_unreasonably_delay": False},
            "new_complaint",
        ),
        (
            "brighter-places-2022",
            {
                "stage": 1,
                "response_issued": True,
                "related": True,
                "would_unreasonably_delay": False,
                "at_escalation": True,
            },
            "new_complaint",
        ),
    ],
)
def test_additional_issue_is_incorporated_only_if_related_unanswered_and_not_delaying(policy, facts, route):
    assert route_additional_issue(latest(policy), **facts).route.value == route
