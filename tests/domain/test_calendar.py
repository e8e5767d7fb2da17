"""Working-day rules (complaint-rules.md section 2). Expected dates are worked by hand from the calendar."""

from datetime import date

import pytest

from putright.domain.bank_holidays import calendar_for
from putright.domain.calendar import DayZero, add_months
from putright.domain.errors import CalendarError

D = date.fromisoformat
EW, SC, NI = "england-and-wales", "scotland", "northern-ireland"


@pytest.mark.parametrize(
    ("nation", "received", "days", "expected"),
    [
        # Easter 2026: Good Friday 3 April and Easter Monday 6 April skipped.
        (EW, "2026-03-31", 5, "2026-04-09"),
        # Christmas 2026: 25th (Fri), 28th (Mon, Boxing Day substitute) and 1 January 2027 (Fri) skipped.
        (EW, "2026-12-24", 5, "2027-01-05"),
        # Christmas 2027: 27th and 28th are both substitute days, then 3 January 2028 (New Year substitute).
        (EW, "2027-12-24", 5, "2028-01-05"),
        # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        (EW, "2027-03-25", 5, "2027-04-05"),
        # Easter 2028: Good Friday 14 April, Easter Monday 17 April.
        (EW, "2028-04-12", 10, "2028-04-28"),
        # Received on a bank holiday: day 0 is Good Friday itself, day 1 the Tuesday after Easter Monday.
        (EW, "2026-04-03", 5, "2026-04-13"),
        # Received on a Saturday before the early May bank holiday.
        (EW, "2026-05-02", 5, "2026-05-11"),
        # Leap day 2028 (a Tuesday).
        (EW, "2028-02-29", 5, "2028-03-07"),
        # Scotland's one-off World Cup bank holiday, Monday 15 June 2026, is a working day in England.
        (EW, "2026-06-08", 5, "2026-06-15"),
        (SC, "2026-06-08", 5, "2026-06-16"),
        # Scotland's 2 January: New Year 2026 takes two days there, one in England.
        (EW, "2025-12-31", 3, "2026-01-06"),
        (SC, "2025-12-31", 3, "2026-01-07"),
        # Scotland, Christmas 2026: 25th, 28th, 1 January and the 2 January substitute on Monday 4 January 2027.
        (SC, "2026-12-24", 5, "2027-01-06"),
        # St Andrew's Day, Monday 30 November 2026, in Scotland only.
        (SC, "2026-11-27", 1, "2026-12-01"),
        (EW, "2026-11-27", 1, "2026-11-30"),
        # Northern Ireland: St Patrick's Day (Tue 17 March 2026) and the Boyne substitute (Mon 13 July 2026).
        (NI, "2026-03-16", 1, "2026-03-18"),
        (EW, "2026-03-16", 1, "2026-03-17"),
        (NI, "2026-07-10", 1, "2026-07-14"),
        (EW, "2026-07-10", 1, "2026-07-13"),
        # Zero days is day 0 itself.
        (EW, "2026-04-03", 0, "2026-04-03"),
    ],
)
def test_add_working_days_counts_from_day_zero_the_event_date(nation, received, days, expected):
    assert calendar_for(nation).add_working_days(D(received), days).end == D(expected)


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        # Good Friday is deemed to be Tuesday 7 April, which becomes day 0.
        ("2026-04-03", 5, "2026-04-14"),
        # Saturday 2 May is deemed to be Tuesday 5 May (Monday 4 May is a bank holiday).
        ("2026-05-02", 5, "2026-05-12"),
        # A working day is its own day 0 under either convention.
        ("2026-03-31", 5, "2026-04-09"),
        # Zero days from a Saturday is the deemed date.
        ("2026-05-02", 0, "2026-05-05"),
    ],
)
def test_add_working_days_alternative_convention_deems_next_working_day(received, days, expected):
    count = calendar_for(EW).add_working_days(D(received), days, DayZero.NEXT_WORKING_DAY)
    assert count.end == D(expected)


def test_24_and_31_december_are_working_days():
    calendar = calendar_for(EW)
    assert calendar.is_working_day(D("2026-12-24"))
    assert calendar.is_working_day(D("2026-12-31"))


@pytest.mark.parametrize(
    ("nation", "day", "reason"),
    [
        (EW, "2026-12-28", "Boxing Day (substitute day)"),
        (EW, "2027-12-27", "Christmas Day (substitute day)"),
        (EW, "2027-12-28", "Boxing Day (substitute day)"),
        (EW, "2026-05-02", "Saturday"),
        (EW, "2026-05-03", "Sunday"),
        (SC, "2026-06-15", "World Cup bank holiday"),
        (NI, "2026-07-13", "Battle of the Boyne (Orangemen’s Day) (substitute day)"),
    ],
)
def test_is_working_day_explains_why_a_day_is_not_one(nation, day, reason):
    check = calendar_for(nation).is_working_day(D(day))
    assert not check
    assert check.reason == reason


def test_add_working_days_lists_every_day_it_skipped_and_why():
    count = calendar_for(EW).add_working_days(D("2026-12-24"), 5)
    assert [(s.day.isoformat(), s.reason) for s in count.skipped()] == [
        ("2026-12-25", "Christmas Day"),
        ("2026-12-26", "Saturday"),
        ("2026-12-27", "Sunday"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year’s Day"),
        ("2027-01-02", "Saturday"),
        ("2027-01-03", "Sunday"),
    ]
    assert count.describe_skipped() == (
        "skipping 4 weekend days, Christmas Day (2026-12-25), Boxing Day (substitute day) (2026-12-28) "
        "and New Year’s Day (2027-01-01)"
    )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-12-24", "2027-01-05", 5),
        ("2026-04-03", "2026-04-07", 1),
        ("2026-05-02", "2026-05-05", 1),
        ("2026-04-20", "2026-04-30", 8),
        ("2026-04-09", "2026-04-09", 0),
        # An end on a non-working day counts the working days before it.
        ("2026-04-01", "2026-04-06", 1),
        # An end before the start is no working days later.
        ("2026-04-09", "2026-04-01", 0),
    ],
)
def test_working_days_between_is_the_day_number_of_the_end(start, end, expected):
    assert calendar_for(EW).working_days_between(D(start), D(end)).days == expected


def test_landlord_closure_days_are_skipped_with_their_reason():
    calendar = calendar_for(EW).with_closures(
        {D("2026-12-29"): "office closed", D("2026-12-30"): "office closed", D("2026-12-31"): "office closed"}
    )
    count = calendar.add_working_days(D("2026-12-24"), 5)
    assert count.end == D("2027-01-08")
    assert calendar.is_working_day(D("2026-12-30")).reason == "closure day: office closed"
    # The nation's own calendar is untouched.
    assert calendar_for(EW).is_working_day(D("2026-12-30"))


def test_dates_outside_the_bank_holiday_data_are_refused_not_guessed():
    calendar = calendar_for(EW)
    with pytest.raises(CalendarError, match="covers 2018-01-01 to 2028-12-31"):
        calendar.is_working_day(D("2017-12-31"))
    # Only five working days remain after 20 December 2028.
    with pytest.raises(CalendarError, match="refresh it with `putright holidays refresh FILE`"):
        calendar.add_working_days(D("2028-12-20"), 10)


def test_negative_working_days_are_refused():
    with pytest.raises(CalendarError):
        calendar_for(EW).add_working_days(D("2026-04-01"), -1)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2025-03-10", 12, "2026-03-10"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2027-08-31", 6, "2028-02-29"),
        ("2028-02-29", 12, "2029-02-28"),
        ("2028-02-29", 6, "2028-08-29"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-10-31", 1, "2026-11-30"),
    ],
)
def test_calendar_month_limits_clamp_to_the_last_day_of_the_month(start, months, expected):
    assert add_months(D(start), months) == D(expected)
