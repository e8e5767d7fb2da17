"""Stage deadlines, extensions and breaches under each profile. Expected dates are worked by hand."""

import dataclasses
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from putright.domain.bank_holidays import calendar_for
from putright.domain.calendar import DayZero
from putright.domain.deadlines import (
    Extension,
    Justification,
    StageFacts,
    adjustment_review,
    clarification_contact_by,
    no_contact_closure,
    restriction_review,
    stage_deadlines,
)
from putright.domain.errors import (
    ExtensionRefusedError,
    ImpossibleDatesError,
    ProfileError,
    UnknownPolicyError,
)
from putright.domain.profiles import POLICIES_DIR, DayCounting, default_registry, load_profile

D = date.fromisoformat
EW = calendar_for("england-and-wales")
GOOD, AGREED, NONE = Justification.GOOD_REASON, Justification.AGREED, Justification.NONE


def profile(name, on="2026-01-01"):
    return default_registry().in_force(name, D(on))


def deadlines(name, stage, received, calendar=EW, **facts):
    return stage_deadlines(
        profile(name, received), calendar, StageFacts(stage=stage, received=D(received), **facts)
    )


# -- acknowledgement -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "stage", "received", "expected"),
    [
        ("hos-code-2024", 1, "2026-03-31", "2026-04-09"),  # Code 6.2, across Easter
        ("great-places", 1, "2026-12-24", "2027-01-05"),  # 5 WD across Christmas
        ("brighter-places-2022", 1, "2026-03-31", "2026-04-09"),  # policy 7.ii.a
        ("hos-code-2024", 2, "2027-03-24", "2027-04-02"),  # Code 6.11, across Easter 2027
        ("great-places", 2, "2027-03-24", "2027-04-02"),
        ("brighter-places-2022", 2, "2026-12-21", "2026-12-24"),  # 3 WD (policy 7.iv.a)
    ],
)
def test_acknowledge_by_counts_working_days_from_receipt(policy, stage, received, expected):
    assert deadlines(policy, stage, received).acknowledge_by.due == D(expected)


def test_acknowledge_by_uses_the_nation_calendar():
    scotland = calendar_for("scotland")
    assert deadlines("hos-code-2024", 1, "2026-06-08", calendar=scotland).acknowledge_by.due == D(
        "2026-06-16"
    )
    assert deadlines("hos-code-2024", 1, "2026-06-08").acknowledge_by.due == D("2026-06-15")


def test_late_acknowledgement_is_a_breach_counted_in_working_days():
    result = deadlines("hos-code-2024", 1, "2026-03-31", acknowledged=D("2026-04-13"))
    assert result.breaches == (
        "Stage 1 acknowledged on 2026-04-13, 2 working days late: it was due by 2026-04-09.",
    )


# -- response --------------------------------------------------------------------------------------------


def test_stage1_respond_by_runs_from_the_acknowledgement_under_the_code():
    result = deadlines("hos-code-2024", 1, "2026-03-31", acknowledged=D("2026-04-02"))
    assert result.respond_by.due == D("2026-04-20")
    assert not result.respond_by.provisional


def test_respond_by_assumes_acknowledgement_on_the_acknowledge_by_date_and_is_provisional():
    result = deadlines("hos-code-2024", 1, "2026-03-31")
    assert result.respond_by.due == D("2026-04-23")
    assert result.respond_by.provisional
    assert any(
        "assumes acknowledgement on the acknowledge-by date 2026-04-09" in e for e in result.explanation
    )


def test_brighter_places_stage1_respond_by_runs_from_logging():
    result = deadlines("brighter-places-2022", 1, "2026-03-31", logged=D("2026-04-01"))
    assert result.respond_by.due == D("2026-04-17")
    assert not result.respond_by.provisional


def test_brighter_places_unknown_logging_date_is_taken_as_the_acknowledgement_date():
    result = deadlines("brighter-places-2022", 1, "2026-03-31", acknowledged=D("2026-04-02"))
    assert result.respond_by.due == D("2026-04-20")
    assert result.respond_by.provisional


def test_brighter_places_stage2_respond_by_runs_from_the_request_date():
    result = deadlines("brighter-places-2022", 2, "2026-12-21")
    assert result.respond_by.due == D("2027-01-21")
    assert not result.respond_by.provisional


def test_stage2_respond_by_runs_from_the_stage2_acknowledgement_under_great_places():
    result = deadlines("great-places", 2, "2027-03-24")
    assert result.respond_by.due == D("2027-04-30")
    assert result.respond_by.provisional


def test_late_response_is_a_breach_counted_in_working_days():
    result = deadlines(
        "hos-code-2024", 1, "2026-03-31", acknowledged=D("2026-04-02"), responded=D("2026-04-30")
    )
    assert result.breaches == (
        "Stage 1 response sent on 2026-04-30, 8 working days late: it was due by 2026-04-20.",
    )


def test_response_on_the_deadline_is_on_time():
    result = deadlines(
        "hos-code-2024", 1, "2026-03-31", acknowledged=D("2026-04-02"), responded=D("2026-04-20")
    )
    assert result.breaches == ()


# -- extensions ------------------------------------------------------------------------------------------


def test_extension_within_the_code_allowance_needs_no_reason():
    result = deadlines(
        "hos-code-2024",
        1,
        "2026-03-31",
        acknowledged=D("2026-04-02"),
        extensions=(Extension(10, D("2026-04-15")),),
    )
    # 10 working days from 20 April, skipping the early May bank holiday (4 May).
    assert result.respond_by.due == D("2026-05-05")


def test_stacked_extensions_beyond_the_code_allowance_need_a_good_reason():
    first = Extension(10, D("2026-04-15"))
    with pytest.raises(
        ExtensionRefusedError, match=r"more than 10 working days need a good reason.*Code 6\.4"
    ):
        deadlines(
            "hos-code-2024",
            1,
            "2026-03-31",
            acknowledged=D("2026-04-02"),
            extensions=(first, Extension(5, D("2026-05-01"))),
        )
    result = deadlines(
        "hos-code-2024",
        1,
        "2026-03-31",
        acknowledged=D("2026-04-02"),
        extensions=(first, Extension(5, D("2026-05-01"), GOOD)),
    )
    assert result.respond_by.due == D("2026-05-12")
    assert [o.applied for o in result.extensions] == [True, True]


def test_brighter_places_every_extension_needs_a_good_reason():
    with pytest.raises(ExtensionRefusedError, match="every extension needs a recorded good reason"):
        deadlines("brighter-places-2022", 2, "2026-12-21", extensions=(Extension(10, D("2027-01-20")),))
    result = deadlines(
        "brighter-places-2022", 2, "2026-12-21", extensions=(Extension(10, D("2027-01-20"), GOOD),)
    )
    assert result.respond_by.due == D("2027-02-04")


def test_brighter_places_stage2_extensions_over_10_days_need_both_parties_agreement():
    first = Extension(10, D("2027-01-20"), GOOD)
    with pytest.raises(ExtensionRefusedError, match="only when both parties agree"):
        deadlines(
            "brighter-places-2022", 2, "2026-12-21", extensions=(first, Extension(5, D("2027-02-01"), GOOD))
        )
    result = deadlines(
        "brighter-places-2022", 2, "2026-12-21", extensions=(first, Extension(5, D("2027-02-01"), AGREED))
    )
    assert result.respond_by.due == D("2027-02-11")


def test_brighter_places_stage1_extensions_up_to_20_days_with_good_reason_over_20_agreed():
    facts = {"logged": D("2026-04-01")}  # respond by 2026-04-17
    ok = deadlines(
        "brighter-places-2022",
        1,
        "2026-03-31",
        **facts,
        extensions=(Extension(10, D("2026-04-16"), GOOD), Extension(10, D("2026-04-30"), GOOD)),
    )
    # 17 April + 10 WD = 1 May; + 10 WD, skipping the 4 May bank holiday = 18 May.
    assert ok.respond_by.due == D("2026-05-18")
    with pytest.raises(ExtensionRefusedError, match="more than 20 working days only when both parties agree"):
        deadlines(
            "brighter-places-2022",
            1,
            "2026-03-31",
            **facts,
            extensions=(Extension(15, D("2026-04-16"), GOOD), Extension(6, D("2026-05-01"), GOOD)),
        )


def test_extension_notified_after_the_deadline_does_not_move_it_and_the_breach_stands():
    result = deadlines(
        "hos-code-2024",
        1,
        "2026-03-31",
        acknowledged=D("2026-04-02"),
        extensions=(Extension(10, D("2026-04-21")),),
    )
    assert result.respond_by.due == D("2026-04-20")
    assert [o.applied for o in result.extensions] == [False]
    assert result.breaches == (
        "No stage 1 response by 2026-04-20: the extension notified on 2026-04-21 came after that date, so it does "
        "not move it and the breach stands.",
    )


def test_extension_notified_on_the_deadline_day_moves_it():
    result = deadlines(
        "hos-code-2024",
        1,
        "2026-03-31",
        acknowledged=D("2026-04-02"),
        extensions=(Extension(10, D("2026-04-20")),),
    )
    assert result.respond_by.due == D("2026-05-05")
    assert result.breaches == ()


# -- escalation ------------------------------------------------------------------------------------------


def test_escalate_by_is_the_end_of_the_brighter_places_window_with_a_code_floor_warning():
    result = deadlines(
        "brighter-places-2022", 1, "2026-03-31", logged=D("2026-04-01"), responded=D("2026-04-16")
    )
    assert result.escalate_by is not None
    assert result.escalate_by.due == D("2026-05-08")
    assert any("(5.11)" in w and "not refused" in w for w in result.warnings)


def test_escalate_by_counts_from_completed_agreed_works_when_later():
    result = deadlines(
        "brighter-places-2022",
        1,
        "2026-03-31",
        logged=D("2026-04-01"),
        responded=D("2026-04-16"),
        works_completed=D("2026-06-01"),
    )
    assert result.escalate_by.due == D("2026-06-22")


def test_no_code_floor_warning_for_cases_received_before_april_2024():
    result = deadlines(
        "brighter-places-2022", 1, "2023-05-02", logged=D("2023-05-02"), responded=D("2023-05-10")
    )
    assert result.escalate_by is not None
    assert result.warnings == ()


@pytest.mark.parametrize("policy", ["hos-code-2024", "great-places"])
def test_no_escalation_window_where_the_policy_sets_none(policy):
    result = deadlines(policy, 1, "2026-03-31", acknowledged=D("2026-04-02"), responded=D("2026-04-16"))
    assert result.escalate_by is None
    assert any("No escalation window" in e for e in result.explanation)


def test_stage2_is_the_final_stage():
    result = deadlines(
        "hos-code-2024", 2, "2026-03-31", acknowledged=D("2026-04-02"), responded=D("2026-04-16")
    )
    assert result.escalate_by is None
    assert any("final stage" in e for e in result.explanation)


# -- impossible facts, versions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "facts",
    [
        {"acknowledged": D("2026-03-30")},
        {"logged": D("2026-03-30")},
        {"responded": D("2026-03-30")},
        {"acknowledged": D("2026-04-02"), "responded": D("2026-04-01")},
        {"extensions": (Extension(5, D("2026-03-01")),)},
        {"responded": D("2026-04-10"), "extensions": (Extension(5, D("2026-04-15")),)},
        {"extensions": (Extension(0, D("2026-04-01")),)},
    ],
)
def test_impossible_dates_are_refused(facts):
    with pytest.raises(ImpossibleDatesError):
        deadlines("hos-code-2024", 1, "2026-03-31", **facts)


def test_naive_datetime_is_refused():
    with pytest.raises(ImpossibleDatesError, match="no timezone"):
        stage_deadlines(
            profile("hos-code-2024"),
            EW,
            StageFacts(stage=1, received=datetime(2026, 3, 31, 9, 0)),  # noqa: DTZ001
        )


def test_received_instant_is_read_on_the_uk_local_date():
    # 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (BST).
    instant = datetime(2026, 3, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
    result = stage_deadlines(profile("hos-code-2024"), EW, StageFacts(stage=1, received=instant))
    assert result.acknowledge_by.due == D("2026-04-10")


def test_a_case_keeps_the_profile_version_in_force_on_its_receipt_date():
    with pytest.raises(UnknownPolicyError, match="no version in force on 2023-06-01"):
        profile("hos-code-2024", "2023-06-01")


def test_deadline_ends_at_23_59_uk_time():
    due_at = deadlines("hos-code-2024", 1, "2026-03-31").acknowledge_by.due_at
    assert due_at.isoformat() == "2026-04-09T23:59:00+01:00"


# -- the other clocks ------------------------------------------------------------------------------------


def test_brighter_places_no_contact_closure_after_15_working_days():
    due = no_contact_closure(profile("brighter-places-2022"), EW, D("2026-12-18"))
    assert due is not None and due.due == D("2027-01-13")
    assert no_contact_closure(profile("hos-code-2024"), EW, D("2026-12-18")) is None


def test_brighter_places_clarification_contact_within_3_working_days():
    due = clarification_contact_by(profile("brighter-places-2022"), EW, D("2026-04-02"))
    assert due is not None and due.due == D("2026-04-09")
    assert clarification_contact_by(profile("great-places"), EW, D("2026-04-02")) is None


def test_restriction_review_three_months_on_clamped_to_month_end():
    assert restriction_review(profile("brighter-places-2022"), EW, D("2026-11-30")).due == D("2027-02-28")
    assert restriction_review(profile("great-places"), EW, D("2026-05-15")).due == D("2026-08-15")


def test_reasonable_adjustments_reviewed_12_months_on_by_default():
    assert adjustment_review(profile("great-places"), EW, D("2026-02-28")).due == D("2027-02-28")


# -- the alternative day-counting convention -------------------------------------------------------------


def _deeming(cutoff=None):
    code = profile("hos-code-2024")
    return dataclasses.replace(
        code, day_counting=DayCounting(DayZero.NEXT_WORKING_DAY, time(17, 0) if cutoff else None, "test")
    )


def test_next_working_day_convention_deems_a_bank_holiday_receipt_to_the_next_working_day():
    result = stage_deadlines(_deeming(), EW, StageFacts(stage=1, received=D("2026-04-03")))
    assert result.acknowledge_by.due == D("2026-04-14")
    assert "deemed to be 2026-04-07" in result.acknowledge_by.explanation


def test_cut_off_time_deems_a_late_receipt_to_the_next_working_day():
    london = ZoneInfo("Europe/London")
    before = stage_deadlines(
        _deeming(True), EW, StageFacts(stage=1, received=datetime(2026, 3, 31, 16, 59, tzinfo=london))
    )
    after = stage_deadlines(
        _deeming(True), EW, StageFacts(stage=1, received=datetime(2026, 3, 31, 17, 0, tzinfo=london))
    )
    assert before.acknowledge_by.due == D("2026-04-09")
    # Deemed received Wednesday 1 April: 5 WD skipping Good Friday and Easter Monday is Friday 10 April.
    assert after.acknowledge_by.due == D("2026-04-10")
    assert "after the 17:00 cut-off" in after.acknowledge_by.explanation


def test_cut_off_only_applies_with_the_next_working_day_convention(tmp_path):
    text = (POLICIES_DIR / "hos-code-2024.toml").read_text(encoding="utf-8")
    target = tmp_path / "hos-code-2024.toml"
    target.write_text(
        text.replace('day_zero = "event-date"', 'day_zero = "event-date"\ncutoff = 17:00:00'),
        encoding="utf-8",
    )
    with pytest.raises(ProfileError, match=r"day_counting\.cutoff"):
        load_profile(target)


def test_every_explanation_names_the_rule_it_applies():
    result = deadlines(
        "brighter-places-2022", 1, "2026-03-31", logged=D("2026-04-01"), responded=D("2026-04-16")
    )
    profile = result.profile
    assert profile.stage1.acknowledge.source in result.acknowledge_by.explanation
    assert profile.stage1.respond.source in result.respond_by.explanation
    assert profile.escalation.window.source in result.escalate_by.explanation
    assert "skipping 2 weekend days, Good Friday (2026-04-03) and Easter Monday (2026-04-06)" in (
        result.acknowledge_by.explanation
    )
