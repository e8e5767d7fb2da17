"""The trend charts' geometry: the landlord's colour only where it stands out from the page, round axes,
bars in proportion, and a line broken where a month has no figure."""

from __future__ import annotations

from datetime import date, timedelta

from putright.backoffice.reports.charts import (
    GOVUK_BLUE,
    PLOT_H,
    TOP,
    _nice_top,
    chart_colour,
    trend_charts,
)
from putright.domain.colour import WHITE, contrast_ratio
from putright.domain.tsm import DateRange
from putright.reporting.trends import Month, trend_months

JUNE = DateRange(date(2025, 6, 1), date(2025, 6, 30))


def months(**columns: list[int]) -> tuple[Month, ...]:
    """Twelve months to June 2025 with the given columns (others 0)."""
    rows = []
    for i, days in enumerate(trend_months(JUNE)):
        values = {name: column[i] for name, column in columns.items()}
        rows.append(
            Month(
                days,
                values.get("received_stage1", 0),
                values.get("received_stage2", 0),
                values.get("responded", 0),
                values.get("responded_within_policy", 0),
                values.get("responded_within_code", 0),
                values.get("open_at_end", 0),
                values.get("overdue_at_end", 0),
            )
        )
    return tuple(rows)


def test_chart_colour_is_the_landlords_when_it_keeps_three_to_one_on_white():
    assert chart_colour("#6F2C91") == "#6f2c91"
    assert contrast_ratio("#ffdd00", WHITE) < 3 and chart_colour("#ffdd00") == GOVUK_BLUE
    assert chart_colour("not a colour") == GOVUK_BLUE


def test_axes_end_on_a_round_number_at_or_above_the_largest_value():
    assert _nice_top(0) == (4, 1)
    assert _nice_top(3) == (3, 1)
    assert _nice_top(7) == (8, 2)
    assert _nice_top(230) == (300, 100)
    assert _nice_top(1234) == (1500, 500)


def test_bars_are_in_proportion_on_the_axis_and_months_are_labelled_with_the_year_where_it_changes():
    received, _, _ = trend_charts(months(received_stage1=[0] * 10 + [2, 4]), "#1d70b8")
    baseline = TOP + PLOT_H
    june = received.bars[-2]  # stage 1 in June: the top of the axis (4)
    may = received.bars[-4]
    assert (june.y, june.height) == (TOP, PLOT_H)
    assert may.height == PLOT_H / 2 and may.y + may.height == baseline
    assert [t.label for t in received.ticks] == ["0", "1", "2", "3", "4"]
    assert [(m.month, m.year) for m in received.months][:7] == [
        ("Jul", "2024"),
        ("Aug", ""),
        ("Sep", ""),
        ("Oct", ""),
        ("Nov", ""),
        ("Dec", ""),
        ("Jan", "2025"),
    ]
    assert received.series[1].second and not received.series[0].second
    assert "from July 2024 to June 2025" in received.description


def test_a_line_breaks_where_a_month_has_no_responses():
    responded = [0] * 8 + [2, 0, 4, 4]
    within = [0] * 8 + [1, 0, 4, 2]
    _, on_time, _ = trend_charts(months(responded=responded, responded_within_code=within), "#1d70b8")
    code = next(line for line in on_time.lines if line.series.name == "Within the Code")
    assert len(code.points) == 3
    assert [p.y for p in code.points] == [TOP + PLOT_H / 2, TOP, TOP + PLOT_H / 2]
    assert code.path.count("M") == 2 and code.path.count("L") == 1  # March alone, then May to June


def test_a_month_cut_short_by_the_period_says_so():
    short = trend_months(DateRange(date(2025, 6, 1), date(2025, 6, 15)))[-1]
    whole = trend_months(JUNE)[-1]
    assert Month(short, 0, 0, 0, 0, 0, 0, 0).label == "June 2025 (to 15 June)"
    assert Month(whole, 0, 0, 0, 0, 0, 0, 0).label == "June 2025"
    assert whole.last - whole.first == timedelta(days=29)
