"""The Board pack's 12-month trends, worked by hand from `Year2025` (conftest) with two more complaints and
closure times set, across the calendar year's end, the reporting year's and the clocks changing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.cases.models import Case
from putright.domain.tsm import DateRange
from putright.reporting.board_pack import open_and_overdue
from putright.reporting.trends import trend_months, trends
from tests.factories import at

from .conftest import Year2025

D = date.fromisoformat
MARCH_2026 = DateRange(D("2026-03-01"), D("2026-03-31"))
CLOSED = {
    "A": "2025-05-20",
    "B": "2025-05-20",
    "D": "2025-10-20",
    "E": "2025-11-12",
    "F": "2025-12-01",
    "K": "2025-10-05",
    "L": "2026-01-20",
}
"""When each case closed; C, G, H, I and J stay open."""


@pytest.fixture
def year(year2025: Year2025) -> Year2025:
    """K: received 1 Jul 2025, never acknowledged (due 8 Jul), closed 5 Oct: overdue at the ends of July,
    August and September. L: received 15 Dec 2025, acknowledged late on 7 Jan 2026 (due 22 Dec), responded
    14 Jan, closed 20 Jan: overdue at the end of December only."""
    b, c = year2025.build, year2025.cases
    c["K"] = b.log("2025-07-01")
    c["L"] = b.log("2025-12-15")
    b.acknowledge(c["L"], "2026-01-07")
    b.respond(c["L"], "2026-01-14")
    Case.objects.filter(landlord=b.landlord).update(closed_at=None)
    for name, day in CLOSED.items():
        Case.objects.filter(pk=c[name].pk).update(closed_at=at(day, "16:00"))
    return year2025


def column(months, name):
    return [getattr(m, name) for m in months]


def test_trend_months_are_the_twelve_ending_with_the_periods_month_across_the_year_end():
    months = trend_months(DateRange(D("2025-12-20"), D("2026-01-15")))
    assert [m.first for m in months][:2] == [D("2025-02-01"), D("2025-03-01")]
    assert months[10] == DateRange(D("2025-12-01"), D("2025-12-31"))
    assert months[11] == DateRange(D("2026-01-01"), D("2026-01-15"))
    assert len(months) == 12
    assert trend_months(DateRange(D("2024-02-01"), D("2024-02-29")))[0].first == D("2023-03-01")


def test_trend_received_at_each_stage_by_month(year):
    months = trends(year.build.landlord, MARCH_2026, extensions_count=True)
    assert [m.days.first for m in months] == [D(f"2025-{n:02}-01") for n in range(4, 13)] + [
        D(f"2026-{n:02}-01") for n in range(1, 4)
    ]
    # Apr B; Jun C; Jul K; Sep D; Nov E (withdrawn, still received); Dec L (F was not accepted); Jan J;
    # Mar H at 23:30 on the 31st. A (31 Mar 2025) is before the window, I (1 Apr 2026) after it.
    assert column(months, "received_stage1") == [1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1]
    # D's escalation in September; J's was refused, so it is not received at stage 2.
    assert column(months, "received_stage2") == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]


def test_trend_responses_and_the_share_on_time_by_month(year):
    months = trends(year.build.landlord, MARCH_2026, extensions_count=True)
    # Apr: A on time, B late. Jun: C within its extension. Sep: D at stage 1. Oct: D at stage 2. Jan: J, L.
    assert column(months, "responded") == [2, 0, 1, 0, 0, 1, 1, 0, 0, 2, 0, 0]
    assert column(months, "responded_within_policy") == [1, 0, 1, 0, 0, 1, 1, 0, 0, 2, 0, 0]
    assert column(months, "responded_within_code") == [1, 0, 1, 0, 0, 1, 1, 0, 0, 2, 0, 0]
    assert months[0].within_code_share == Decimal(50)
    assert months[1].within_code_share is None
    without = trends(year.build.landlord, MARCH_2026, extensions_count=False)
    # C's response on 30 June met its extended date (the policy) but not the Code without the extension.
    assert (without[2].responded_within_policy, without[2].responded_within_code) == (1, 0)


def test_trend_open_and_overdue_at_each_month_end(year):
    months = trends(year.build.landlord, MARCH_2026, extensions_count=True)
    # Open: Apr A B; May none; Jun C; Jul-Aug C K; Sep C K D; Oct-Nov C; Dec C L; Jan-Feb C J; Mar C J H.
    assert column(months, "open_at_end") == [2, 0, 1, 2, 2, 3, 1, 1, 2, 2, 2, 3]
    # K unacknowledged July to September; L unacknowledged at the end of December. J's refused escalation
    # is never overdue, nor is G (a service request).
    assert column(months, "overdue_at_end") == [0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0]


def test_trend_months_are_uk_months_when_the_clocks_have_gone_forward(year):
    """I was received at 00:30 on 1 April 2026 UK time (23:30 UTC on 31 March): April, not March."""
    april = trends(year.build.landlord, DateRange(D("2026-04-01"), D("2026-04-30")), extensions_count=True)
    assert (april[-2].days.first, april[-2].received_stage1) == (D("2026-03-01"), 1)
    assert (april[-1].days.first, april[-1].received_stage1) == (D("2026-04-01"), 1)


def test_trend_last_month_agrees_with_the_pack_at_the_periods_end(year):
    landlord = year.build.landlord
    for period in (DateRange(D("2025-07-01"), D("2025-07-31")), DateRange(D("2025-12-01"), D("2025-12-31"))):
        last = trends(landlord, period, extensions_count=True)[-1]
        pack = open_and_overdue(landlord, period)
        assert (last.open_at_end, last.overdue_at_end) == (pack.open_complaints, pack.overdue_complaints)


def test_trends_take_the_same_few_queries_whatever_the_number_of_cases(year):
    landlord = year.build.landlord
    trends(landlord, MARCH_2026, extensions_count=True)  # builds the working-day ranks once
    with CaptureQueriesContext(connection) as few:
        trends(landlord, MARCH_2026, extensions_count=True)
    year.build.log("2025-08-04")
    year.build.log("2025-08-05")
    with CaptureQueriesContext(connection) as more:
        trends(landlord, MARCH_2026, extensions_count=True)
    assert len(more) == len(few) <= 6


def test_trends_never_count_another_landlords_cases(year, brighter):
    months = trends(brighter.landlord, DateRange(D("2025-06-01"), D("2025-06-30")), extensions_count=True)
    # Brighter Places' one complaint: received 2 June, responded 4 June.
    assert column(months, "received_stage1")[-1] == 1
    assert sum(column(months, "received_stage1")) == 1
    assert column(months, "responded")[-1] == 1
