"""The time limit to complain (Code 2.2, 2.3; Great Places 12 months; Brighter Places 6 months, 5.i.j)."""

from datetime import date

import pytest

from putright.domain.errors import ImpossibleDatesError
from putright.domain.profiles import default_registry
from putright.domain.time_limit import time_limit_decision

D = date.fromisoformat


def decide(policy, received, occurred, aware=None):
    profile = default_registry().in_force(policy, D(received))
    return time_limit_decision(
        profile, received=D(received), occurred=D(occurred), aware=D(aware) if aware else None
    )


def test_code_time_limit_counts_12_months_from_the_later_of_issue_and_awareness():
    decision = decide("hos-code-2024", "2026-06-19", "2025-01-10", aware="2025-06-20")
    assert decision.within_limit
    assert decision.limit_date == D("2026-06-20")
    assert decision.counted_from == D("2025-06-20")


def test_code_time_limit_without_awareness_counts_from_the_issue():
    decision = decide("hos-code-2024", "2026-06-19", "2025-01-10")
    assert not decision.within_limit
    assert decision.limit_date == D("2026-01-10")
    assert any("consider discretion" in e for e in decision.explanation)


def test_the_12_month_anniversary_is_within_the_limit():
    assert decide("hos-code-2024", "2026-03-10", "2025-03-10").within_limit
    assert not decide("hos-code-2024", "2026-03-11", "2025-03-10").within_limit


def test_time_limit_end_of_month_clamp_on_a_leap_day():
    assert decide("hos-code-2024", "2025-02-28", "2024-02-29").limit_date == D("2025-02-28")
    assert not decide("hos-code-2024", "2025-03-01", "2024-02-29").within_limit


def test_brighter_places_six_month_limit_applies_before_april_2024():
    decision = decide("brighter-places-2022", "2024-03-01", "2023-08-15")
    assert not decision.within_limit
    assert decision.limit_date == D("2024-02-15")
    assert decision.warnings == ()
    assert decision.applied_rule.startswith("brighter-places-2022: 6 months from the issue")
    assert decision.discretion


def test_brighter_places_six_month_limit_clamps_to_29_february():
    assert decide("brighter-places-2022", "2024-02-29", "2023-08-31").within_limit
    assert not decide("brighter-places-2022", "2024-03-01", "2023-08-31").within_limit


def test_code_floor_of_12_months_applies_to_brighter_places_cases_from_april_2024():
    decision = decide("brighter-places-2022", "2026-06-01", "2025-09-15")
    assert decision.within_limit
    assert decision.limit_date == D("2026-09-15")
    assert decision.applied_rule.startswith("Code 2.3 floor")
    assert decision.warnings and "floor (2.3)" in decision.warnings[0]


def test_code_floor_counts_great_places_limit_from_awareness():
    decision = decide("great-places", "2026-04-15", "2025-03-01", aware="2025-05-01")
    assert decision.within_limit
    assert decision.limit_date == D("2026-05-01")
    assert decision.warnings


def test_great_places_does_not_rely_on_the_limit_for_safeguarding_or_health_and_safety():
    decision = decide("great-places", "2026-06-01", "2024-01-10")
    assert not decision.within_limit
    assert any("safeguarding or health and safety" in e for e in decision.explanation)


@pytest.mark.parametrize(
    ("occurred", "aware", "received"),
    [
        ("2026-06-02", None, "2026-06-01"),
        ("2026-01-10", "2026-01-09", "2026-06-01"),
        ("2026-01-10", "2026-06-02", "2026-06-01"),
    ],
)
def test_time_limit_impossible_dates_are_refused(occurred, aware, received):
    with pytest.raises(ImpossibleDatesError):
        decide("hos-code-2024", received, occurred, aware)


def test_no_floor_warning_when_the_floor_does_not_change_the_outcome():
    # Within Brighter Places' own 6 months as well as the Code's 12.
    decision = decide("brighter-places-2022", "2026-06-01", "2026-03-01")
    assert decision.within_limit and decision.warnings == ()
    assert decision.applied_rule.startswith("Code 2.3 floor")
