"""The figures under each Board pack trend chart (`_figures_table.html`), one table shape for the three: a
row per month, a column per figure, and a share's percentage beside its count. The chart is one image; its
table is the accessible source of every number in it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from putright.backoffice.reports.charts import Chart
from putright.reporting.trends import Month


@dataclass(frozen=True)
class Figure:
    count: int
    share: Decimal | None = None
    shared: bool = False
    """Shown with its share (none where nothing was responded to), like every share in the pack."""


@dataclass(frozen=True)
class FiguresTable:
    chart: Chart
    headings: tuple[str, ...]
    """The figures' columns, after the month."""
    rows: tuple[tuple[str, tuple[Figure, ...]], ...]
    """Each month's label and its figures, oldest first."""


def _share(count: int, share: Decimal | None) -> Figure:
    return Figure(count, share, shared=True)


def trend_figures(charts: Sequence[Chart], months: Sequence[Month]) -> tuple[FiguresTable, ...]:
    """The table of each of `trend_charts`' charts, in its order."""
    received, on_time, standing = charts
    return (
        FiguresTable(
            received,
            ("Stage 1", "Stage 2"),
            tuple((m.label, (Figure(m.received_stage1), Figure(m.received_stage2))) for m in months),
        ),
        FiguresTable(
            on_time,
            ("Responses", "Within the policy", "Within the Code"),
            tuple(
                (
                    m.label,
                    (
                        Figure(m.responded),
                        _share(m.responded_within_policy, m.within_policy_share),
                        _share(m.responded_within_code, m.within_code_share),
                    ),
                )
                for m in months
            ),
        ),
        FiguresTable(
            standing,
            ("Open", "Overdue"),
            tuple((m.label, (Figure(m.open_at_end), Figure(m.overdue_at_end))) for m in months),
        ),
    )
