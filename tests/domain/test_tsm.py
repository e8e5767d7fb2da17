"""The TSM rules: reporting years, the Code's timescales, extensions, ranks and rounding, worked by hand."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from putright.domain.bank_holidays import calendar_for
from putright.domain.errors import InvalidInputError
from putright.domain.profiles import default_registry
from putright.domain.tsm import (
    DateRange,
    ReportingYear,
    acknowledged_within_code,
    code_extension_allowance,
    code_timescales,
    counts_as_escalated,
    counts_as_received,
    day_ranks,
    one_decimal,
    per_thousand_homes,
    percentage,
    response_within_code,
)

D = date.fromisoformat
EW = calendar_for("england-and-wales")
STAGE1, STAGE2 = code_timescales(default_registry().in_force("hos-code-2024", D("2025-04-01")))
RANKS = {r.day: r for r in day_ranks(EW)}


def test_reporting_year_is_1_april_to_31_march():
    assert ReportingYear.of(D("2026-03-31")) == ReportingYear(2025)
    assert ReportingYear.of(D("2026-04-01")) == ReportingYear(2026)
    assert ReportingYear(2025).range == DateRange(D("2025-04-01"), D("2026-03-31"))
    assert ReportingYear(2025).label == "2025/26"
    assert ReportingYear(2099).label == "2099/00"


def test_reporting_year_bounds_are_uk_midnights():
    year = ReportingYear(2025).range
    london = ZoneInfo("Europe/London")
    assert year.starts_at == datetime(2025, 4, 1, tzinfo=london)
    # 1 April 2026 00:00 in London is 23:00 UTC on 31 March (summer time).
    assert year.ends_before.astimezone(ZoneInfo("UTC")) == datetime(2026, 3, 31, 23, tzinfo=ZoneInfo("UTC"))


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(InvalidInputError, match="after it ends"):
        DateRange(D("2025-05-02"), D("2025-05-01"))


def test_code_timescales_come_from_the_code_profile():
    assert (STAGE1.acknowledge_days, STAGE1.respond_days, STAGE1.extension_without_reason) == (5, 10, 10)
    assert (STAGE2.acknowledge_days, STAGE2.respond_days, STAGE2.extension_without_reason) == (5, 20, 20)
    assert STAGE1.respond_from_acknowledgement and STAGE2.respond_from_acknowledgement
    assert STAGE1.response_days(acknowledged=False) == 15


def test_response_within_code_runs_from_the_acknowledgement():
    # Acknowledged Thursday 3 April 2025: 10 working days skip Good Friday and Easter Monday, so 17 April.
    facts = {"received": D("2025-04-01"), "acknowledged": D("2025-04-03"), "allowance": 0}
    assert response_within_code(STAGE1, EW, responded=D("2025-04-17"), **facts)
    assert not response_within_code(STAGE1, EW, responded=D("2025-04-18"), **facts)
    assert not response_within_code(STAGE1, EW, responded=D("2025-04-22"), **facts)


def test_response_without_acknowledgement_runs_from_the_last_day_to_acknowledge():
    # Received Monday 2 June 2025: acknowledge by 9 June, respond by 23 June (15 working days).
    facts = {"received": D("2025-06-02"), "acknowledged": None, "allowance": 0}
    assert response_within_code(STAGE1, EW, responded=D("2025-06-23"), **facts)
    assert not response_within_code(STAGE1, EW, responded=D("2025-06-24"), **facts)


def test_acknowledgement_within_code_is_5_working_days_from_receipt():
    assert acknowledged_within_code(STAGE2, EW, received=D("2025-09-15"), acknowledged=D("2025-09-22"))
    assert not acknowledged_within_code(STAGE2, EW, received=D("2025-09-15"), acknowledged=D("2025-09-23"))


def test_code_extension_allowance_under_the_named_setting():
    assert code_extension_allowance(STAGE1, 10, False, extensions_count=False) == 0
    assert code_extension_allowance(STAGE1, 10, False, extensions_count=True) == 10
    # Beyond 10 working days the Code needs a good reason; without one only 10 count.
    assert code_extension_allowance(STAGE1, 15, False, extensions_count=True) == 10
    assert code_extension_allowance(STAGE1, 15, True, extensions_count=True) == 15
    assert code_extension_allowance(STAGE2, 20, False, extensions_count=True) == 20


def test_what_counts_as_received_and_escalated():
    assert counts_as_received(is_complaint=True, not_accepted=False)
    assert not counts_as_received(is_complaint=True, not_accepted=True)
    assert not counts_as_received(is_complaint=False, not_accepted=False)
    assert counts_as_escalated(is_complaint=True, escalation_refused=False)
    assert not counts_as_escalated(is_complaint=True, escalation_refused=True)


def test_day_ranks_count_working_days_on_and_before_each_day():
    friday, saturday, monday = RANKS[D("2025-04-17")], RANKS[D("2025-04-19")], RANKS[D("2025-04-22")]
    assert friday.through - friday.before == 1  # Thursday 17 April is a working day
    assert saturday.through == saturday.before == RANKS[D("2025-04-18")].through == friday.through
    assert monday.before == friday.through  # Good Friday, the weekend and Easter Monday in between


@given(
    base=st.dates(min_value=D("2019-01-01"), max_value=D("2027-06-30")),
    gap=st.integers(min_value=0, max_value=60),
    days=st.integers(min_value=1, max_value=40),
)
def test_rank_subtraction_agrees_with_the_calendar(base, gap, days):
    """The database's test `before(responded) - through(base) < N` is `responded <= working day N after base`."""
    responded = date.fromordinal(base.toordinal() + gap)
    by_ranks = RANKS[responded].before - RANKS[base].through < days
    assert by_ranks == (responded <= EW.working_day(base, days))


def test_per_thousand_homes_and_percentages_keep_raw_values_and_publish_one_decimal():
    assert per_thousand_homes(6, 1234) == Decimal(6000) / Decimal(1234)
    assert one_decimal(per_thousand_homes(6, 1234)) == Decimal("4.9")
    assert one_decimal(Decimal("12.25")) == Decimal("12.3")  # halves round up
    assert one_decimal(percentage(2, 3)) == Decimal("66.7")
    assert percentage(0, 0) is None
    with pytest.raises(InvalidInputError):
        per_thousand_homes(1, 0)
