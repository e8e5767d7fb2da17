"""The Board pack's trend charts as geometry for inline SVG (`_chart.html`): no JavaScript, no chart library,
and the same on screen, on paper and in the PDF. Each chart sits above its data table, which is the
accessible source; the SVG is one image with a title and a description.

Series differ by more than colour (WCAG 1.4.1): the second is hatched (bars) or dashed with square markers
(lines). The first takes the landlord's colour when it keeps 3:1 against the white page (WCAG 1.4.11).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from putright.domain.colour import WHITE, contrast_ratio, is_hex_colour
from putright.reporting.trends import Month

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 14, 46
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
GOVUK_BLUE = "#1d70b8"
SECOND = "#505a5f"
"""GOV.UK's secondary text colour: 7:1 on white, and hatched or dashed so it never depends on colour."""
NON_TEXT_CONTRAST = 3.0


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    second: bool
    """Drawn hatched (bars) or dashed with squares (lines)."""


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    second: bool


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Line:
    series: Series
    path: str
    """SVG path data; a month with no figure breaks the line."""
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class AxisLabel:
    x: float
    month: str
    year: str
    """Shown under the first month and each January, so the year's end is plain."""


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    series: tuple[Series, ...]
    ticks: tuple[Tick, ...]
    months: tuple[AxisLabel, ...]
    bars: tuple[Bar, ...] = ()
    lines: tuple[Line, ...] = ()
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: int = TOP + PLOT_H


def chart_colour(brand: str) -> str:
    """The landlord's colour if it stands out from the white page at 3:1; GOV.UK blue if not."""
    if is_hex_colour(brand) and contrast_ratio(brand, WHITE) >= NON_TEXT_CONTRAST:
        return brand.lower()
    return GOVUK_BLUE


def _nice_top(largest: float) -> tuple[float, float]:
    """A round top for the axis and the step between its ticks (1, 2 or 5 times a power of ten)."""
    if largest <= 0:
        return 4, 1
    raw = largest / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1)
    return step * math.ceil(largest / step), step


def _y(value: float, top: float) -> float:
    return round(TOP + PLOT_H - value / top * PLOT_H, 1)


def _ticks(top: float, step: float, suffix: str = "") -> tuple[Tick, ...]:
    count = round(top / step)
    return tuple(Tick(_y(i * step, top), f"{i * step:g}{suffix}") for i in range(count + 1))


def _slot(index: int, count: int) -> tuple[float, float]:
    """The left edge and width of a month's slot along the axis."""
    width = PLOT_W / count
    return LEFT + index * width, width


def _axis(months: Sequence[Month]) -> tuple[AxisLabel, ...]:
    labels = []
    for i, month in enumerate(months):
        left, width = _slot(i, len(months))
        first = month.days.first
        year = str(first.year) if i == 0 or first.month == 1 else ""
        labels.append(AxisLabel(round(left + width / 2, 1), f"{first:%b}", year))
    return tuple(labels)


def _bars(
    key: str,
    title: str,
    description: str,
    months: Sequence[Month],
    series: tuple[Series, ...],
    values: list[Callable[[Month], int]],
) -> Chart:
    top, step = _nice_top(max((v(m) for m in months for v in values), default=0))
    bars = []
    for i, month in enumerate(months):
        left, width = _slot(i, len(months))
        bar_w = width * 0.7 / len(values)
        start = left + width * 0.15
        for j, value in enumerate(values):
            y = _y(value(month), top)
            bars.append(
                Bar(
                    round(start + j * bar_w, 1),
                    y,
                    round(bar_w - 1, 1),
                    round(TOP + PLOT_H - y, 1),
                    series[j].second,
                )
            )
    return Chart(key, title, description, series, _ticks(top, step), _axis(months), bars=tuple(bars))


def _line(series: Series, months: Sequence[Month], value: Callable[[Month], Decimal | None]) -> Line:
    points, path, drawing = [], [], False
    for i, month in enumerate(months):
        share = value(month)
        if share is None:
            drawing = False
            continue
        left, width = _slot(i, len(months))
        point = Point(round(left + width / 2, 1), _y(float(share), 100))
        path.append(f"{'L' if drawing else 'M'}{point.x} {point.y}")
        points.append(point)
        drawing = True
    return Line(series, " ".join(path), tuple(points))


def trend_charts(months: Sequence[Month], brand: str) -> tuple[Chart, ...]:
    """The three trend charts, oldest month on the left."""
    colour = chart_colour(brand)
    first, last = months[0].label, months[-1].label
    span = f"from {first} to {last}"
    received = _bars(
        "received",
        "Complaints received each month",
        f"Bar chart of complaints received at stage 1 and stage 2 each month {span}. "
        "The table below gives every figure.",
        months,
        (Series("Stage 1", colour, False), Series("Stage 2", SECOND, True)),
        [lambda m: m.received_stage1, lambda m: m.received_stage2],
    )
    policy, code = Series("Within the policy", colour, False), Series("Within the Code", SECOND, True)
    on_time = Chart(
        "on-time",
        "Responses on time each month",
        f"Line chart of the share of responses issued each month within the policy and within the Code, "
        f"{span}; no point where nothing was responded to. The table below gives every figure.",
        (policy, code),
        _ticks(100, 25, "%"),
        _axis(months),
        lines=(
            _line(policy, months, lambda m: m.within_policy_share),
            _line(code, months, lambda m: m.within_code_share),
        ),
    )
    standing = _bars(
        "open",
        "Complaints open and overdue at each month end",
        f"Bar chart of complaints open, and of those overdue, at the end of each month {span}. "
        "The table below gives every figure.",
        months,
        (Series("Open", colour, False), Series("Overdue", SECOND, True)),
        [lambda m: m.open_at_end, lambda m: m.overdue_at_end],
    )
    return (received, on_time, standing)
