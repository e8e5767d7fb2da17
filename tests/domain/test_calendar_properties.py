"""Property tests: working-day arithmetic against a deliberately naive day-by-day count."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from putright.domain.bank_holidays import calendar_for
from putright.domain.calendar import NATIONS, DayZero

nations = st.sampled_from(NATIONS)
dates = st.dates(min_value=date(2018, 1, 1), max_value=date(2028, 9, 30))
counts = st.integers(min_value=0, max_value=60)
rules = st.sampled_from(list(DayZero))


def naive_working(nation: str, day: date) -> bool:
    calendar = calendar_for(nation)
    return day.weekday() < 5 and day not in calendar.bank_holidays


def naive_add(nation: str, start: date, days: int, rule: DayZero) -> date:
    day = start
    if rule is DayZero.NEXT_WORKING_DAY:
        while not naive_working(nation, day):
            day += timedelta(days=1)
    while days:
        day += timedelta(days=1)
        if naive_working(nation, day):
            days -= 1
    return day


@settings(max_examples=300)
@given(nations, dates, counts, rules)
def test_add_working_days_matches_a_day_by_day_count(nation, start, days, rule):
    assert calendar_for(nation).add_working_days(start, days, rule).end == naive_add(
        nation, start, days, rule
    )


@given(nations, dates, st.integers(min_value=1, max_value=60), rules)
def test_add_working_days_lands_on_a_working_day(nation, start, days, rule):
    assert calendar_for(nation).is_working_day(calendar_for(nation).add_working_days(start, days, rule).end)


@given(nations, dates, counts, counts)
def test_add_working_days_is_monotonic_in_days(nation, start, a, b):
    calendar = calendar_for(nation)
    low, high = sorted((a, b))
    assert calendar.add_working_days(start, low).end <= calendar.add_working_days(start, high).end
    if low < high:
        assert calendar.add_working_days(start, low).end < calendar.add_working_days(start, high).end


@given(nations, dates, dates, counts)
def test_add_working_days_is_monotonic_in_the_start(nation, a, b, days):
    calendar = calendar_for(nation)
    early, late = sorted((a, b))
    assert calendar.add_working_days(early, days).end <= calendar.add_working_days(late, days).end


@given(nations, dates, counts, rules)
def test_between_inverts_add(nation, start, days, rule):
    calendar = calendar_for(nation)
    end = calendar.add_working_days(start, days, rule).end
    assert calendar.working_days_between(start, end, rule).days == days


@given(nations, dates, st.integers(min_value=0, max_value=90))
def test_add_inverts_between_for_a_working_end(nation, start, offset):
    calendar = calendar_for(nation)
    end = start + timedelta(days=offset)
    count = calendar.working_days_between(start, end).days
    result = calendar.add_working_days(start, count).end
    if end > start and calendar.is_working_day(end):
        assert result == end
    else:
        # Otherwise the count reaches the last working day up to the end (or day 0 itself).
        assert result <= end
        assert not any(
            calendar.is_working_day(result + timedelta(days=i)) for i in range(1, (end - result).days + 1)
        )


@given(nations, dates, st.integers(min_value=1, max_value=60))
def test_skipped_days_are_exactly_the_non_working_days_passed_over(nation, start, days):
    count = calendar_for(nation).add_working_days(start, days)
    span = [count.day_zero + timedelta(days=i) for i in range(1, (count.end - count.day_zero).days + 1)]
    assert [s.day for s in count.skipped()] == [d for d in span if not naive_working(nation, d)]
    assert len(span) - len(count.skipped()) == days
