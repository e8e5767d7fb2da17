"""The Board pack as files to take away: one tidy table (section, measure, breakdown, value) that the CSV,
the spreadsheet (one sheet per section) and the printed PDF are all written from, so every file carries
exactly the figures on the page.

Text that came from people (categories, contractors, extension reasons) may start with a formula sign; a
spreadsheet would run it, so such cells get a leading single quote (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from openpyxl import Workbook
from openpyxl.styles import Font

from putright.domain.tsm import one_decimal
from putright.reporting.board_pack import BoardPack, Tally
from putright.reporting.hot_spots import HotSpot, Thresholds

HEADER = ("Section", "Measure", "Breakdown", "Value")
JUSTIFICATIONS = {"good-reason": "Good reason", "agreed": "Both parties agreed", "none": "None needed"}
"""How an extension beyond the Code's allowance was justified, as the page words it."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    section: str
    measure: str
    breakdown: str
    value: int | Decimal | None
    """A count, an amount in pounds, a percentage or an average; None where there was nothing to divide."""


def cell_safe(value: object) -> str:
    """Text a spreadsheet will show, not run: a leading = + - @ (or tab, carriage return) is quoted
    (OWASP's advice on CSV injection). Every CSV and spreadsheet PutRight writes goes through it."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _tallies(section: str, measure: str, tallies: Iterable[Tally]) -> Iterator[Row]:
    for tally in tallies:
        yield Row(section, measure, tally.label, tally.count)


def _volumes(pack: BoardPack) -> Iterator[Row]:
    v = pack.volumes
    yield from _tallies("Volumes", "Cases received by kind", v.by_kind)
    yield from _tallies("Volumes", "Complaints received by stage", v.by_stage)
    yield from _tallies("Volumes", "Complaints received by channel", v.by_channel)
    yield from _tallies("Volumes", "Complaints received by category", v.by_category)
    yield from _tallies("Volumes", "Complaints received by service area", v.by_service_area)
    yield from _tallies("Volumes", "Complaints received by contractor", v.by_contractor)


def _outcomes(pack: BoardPack) -> Iterator[Row]:
    for o in pack.outcomes:
        measure = f"Stage {o.stage} responses issued"
        yield Row("Outcomes", measure, "Upheld", o.upheld)
        yield Row("Outcomes", measure, "Partly upheld", o.partly_upheld)
        yield Row("Outcomes", measure, "Not upheld", o.not_upheld)
        yield Row("Outcomes", measure, "All responses", o.total)


def _share(share: Decimal | None) -> Decimal | None:
    """To one decimal place, as the page shows it."""
    return one_decimal(share) if share is not None else None


def _timeliness(pack: BoardPack) -> Iterator[Row]:
    for t in pack.timeliness:
        shares = t.shares
        for step, done, policy, code in (
            ("acknowledgements", t.acknowledged, "acknowledged_within_policy", "acknowledged_within_code"),
            ("responses", t.responded, "responded_within_policy", "responded_within_code"),
        ):
            measure = f"Stage {t.stage} {step}"
            yield Row("Timeliness", measure, "Number", done)
            yield Row("Timeliness", measure, "Within the policy", getattr(t, policy))
            yield Row("Timeliness", measure, "Within the policy (%)", _share(shares[policy]))
            yield Row("Timeliness", measure, "Within the Code", getattr(t, code))
            yield Row("Timeliness", measure, "Within the Code (%)", _share(shares[code]))
    yield Row(
        "Timeliness",
        "Responses within a Code-compliant extension count as within the Code",
        "Yes" if pack.extensions_count_as_on_time else "No",
        None,
    )


def _extensions(pack: BoardPack) -> Iterator[Row]:
    for u in pack.extensions.uses:
        how = JUSTIFICATIONS.get(u.justification, u.justification)
        moved = "moved the deadline" if u.applied else "notified after the deadline"
        breakdown = f"{how}, {moved}"
        yield Row("Extensions", f"Stage {u.stage} extensions notified", breakdown, u.count)
        yield Row("Extensions", f"Stage {u.stage} working days added", breakdown, u.days)
    yield from _tallies("Extensions", "Reasons given most often", pack.extensions.reasons)


def _open_and_overdue(pack: BoardPack) -> Iterator[Row]:
    o = pack.open_and_overdue
    when = f"At the end of {o.as_of.isoformat()}"
    yield Row("Open and overdue", "Open cases", when, o.open_cases)
    yield Row("Open and overdue", "Open complaints", when, o.open_complaints)
    yield Row(
        "Open and overdue", "Complaints past an acknowledgement or response date", when, o.overdue_complaints
    )


PENCE = Decimal("0.01")


def _compensation(pack: BoardPack) -> Iterator[Row]:
    """Amounts to the penny, as the page shows them (a database may sum them with fewer places)."""
    c = pack.compensation
    yield Row(
        "Compensation", "Offered in responses issued in the period", "Amount (£)", c.offered.quantize(PENCE)
    )
    yield Row("Compensation", "Offered in responses issued in the period", "Offers", c.offers)
    yield Row("Compensation", "Paid in the period", "Amount (£)", c.paid.quantize(PENCE))
    yield Row("Compensation", "Paid in the period", "Payments", c.payments)


def _refusals(pack: BoardPack) -> Iterator[Row]:
    for r in pack.refusals:
        yield Row("Refusals", r.decision_label, r.reason_label, r.count)


def _satisfaction(pack: BoardPack) -> Iterator[Row]:
    s = pack.satisfaction
    yield Row("Satisfaction", "Survey answers recorded", "Number", s.responses)
    yield Row("Satisfaction", "Average score (1 to 5)", "Mean", s.average)
    for label, count in s.by_source:
        yield Row("Satisfaction", "Survey answers recorded", label, count)


OMBUDSMAN = "Ombudsman cases and orders"


def _ombudsman(pack: BoardPack) -> Iterator[Row]:
    o = pack.ombudsman
    as_of = f"At the end of {pack.open_and_overdue.as_of.isoformat()}"
    yield Row(OMBUDSMAN, "Cases referred in the period", "Number", o.referred)
    yield Row(OMBUDSMAN, "Cases under investigation", as_of, o.investigating_at_end)
    yield Row(OMBUDSMAN, "Cases determined in the period", "Number", o.determined)
    for f in o.findings:
        yield Row(
            OMBUDSMAN, "Findings in determinations made in the period, per element", f.label, f.elements
        )
    for f in o.findings:
        yield Row(OMBUDSMAN, "Cases determined in the period, by their worst finding", f.label, f.cases)
    yield Row(
        OMBUDSMAN,
        "Cases determined in the period, by their worst finding",
        "No findings recorded",
        o.cases_without_findings,
    )
    for c in o.orders:
        plural = f"{c.label}s"
        yield Row(OMBUDSMAN, f"{plural} made in the period", "Number", c.made)
        yield Row(OMBUDSMAN, f"{plural} complied with in the period", "By the due date", c.complied_on_time)
        yield Row(OMBUDSMAN, f"{plural} complied with in the period", "After the due date", c.complied_late)
        yield Row(OMBUDSMAN, f"{plural} not complied with", as_of, c.open_at_end)
        yield Row(OMBUDSMAN, f"{plural} not complied with and overdue", as_of, c.overdue_at_end)
    for r in o.referrals:
        last = pack.period.last.isoformat()
        determined = (
            f"determined {r.determined_on.isoformat()}, {r.worst}"
            if r.determined_on
            else f"not determined by {last}"
        )
        yield Row(
            OMBUDSMAN,
            f"Case {r.reference} (complaint {r.complaint})",
            f"Referred {r.referred_on.isoformat()}, {determined}",
            None,
        )


TREND_MEASURES = (
    ("Complaints received at stage 1", "received_stage1"),
    ("Complaints received at stage 2", "received_stage2"),
    ("Responses issued", "responded"),
    ("Responses within the policy", "responded_within_policy"),
    ("Responses within the policy (%)", "within_policy_share"),
    ("Responses within the Code", "responded_within_code"),
    ("Responses within the Code (%)", "within_code_share"),
    ("Complaints open at the month end", "open_at_end"),
    ("Complaints overdue at the month end", "overdue_at_end"),
)
"""The trends' measures in the page's order, each with the `trends.Month` attribute it reads."""


def _trends(pack: BoardPack) -> Iterator[Row]:
    for measure, name in TREND_MEASURES:
        for month in pack.trends:
            value = getattr(month, name)
            yield Row("Trends", measure, month.label, _share(value) if name.endswith("share") else value)


def flagged_because(spot: HotSpot, limits: Thresholds) -> str:
    """Why a row is flagged, in the thresholds' words (the page says the same)."""
    reasons = []
    if spot.by_volume:
        reasons.append(f"{limits.complaints_at_least} or more complaints")
    if spot.by_upheld:
        reasons.append(
            f"{limits.upheld_share_at_least}% or more upheld of {limits.responses_at_least} or more responses"
        )
    return " and ".join(reasons)


def _hot_spots(pack: BoardPack) -> Iterator[Row]:
    limits = pack.hot_spots.thresholds
    yield Row("Hot spots", "Thresholds", "Complaints received, at or above", limits.complaints_at_least)
    yield Row("Hot spots", "Thresholds", "Upheld share (%), at or above", limits.upheld_share_at_least)
    yield Row(
        "Hot spots", "Thresholds", "Responses for the upheld share, at least", limits.responses_at_least
    )
    for spot in pack.hot_spots.rows:
        measure = f"{spot.label}: {spot.value}"
        yield Row("Hot spots", measure, "Complaints received", spot.received)
        yield Row("Hot spots", measure, "Responses issued", spot.responses)
        yield Row("Hot spots", measure, "Upheld or partly upheld", spot.upheld)
        yield Row("Hot spots", measure, "Upheld share (%)", _share(spot.upheld_share))
        yield Row("Hot spots", measure, f"Flagged: {flagged_because(spot, limits)}", None)


def pack_rows(pack: BoardPack) -> list[Row]:
    """Every figure of the pack, section by section in the page's order."""
    parts = (
        _volumes,
        _outcomes,
        _timeliness,
        _extensions,
        _open_and_overdue,
        _compensation,
        _refusals,
        _satisfaction,
        _ombudsman,
        _trends,
        _hot_spots,
    )
    return [row for part in parts for row in part(pack)]


SECTIONS = (
    "Volumes",
    "Outcomes",
    "Timeliness",
    "Extensions",
    "Open and overdue",
    "Compensation",
    "Refusals",
    "Satisfaction",
    OMBUDSMAN,
    "Trends",
    "Hot spots",
)


def sections(rows: Iterable[Row]) -> list[tuple[str, list[Row]]]:
    """The rows of each section in order, a section with nothing in the period included empty: one sheet,
    or one printed table, each."""
    grouped = {name: list(group) for name, group in groupby(rows, key=lambda r: r.section)}
    return [(name, grouped.get(name, [])) for name in SECTIONS]


def _text(value: int | Decimal | None) -> str:
    return "" if value is None else str(value)


def pack_csv(pack: BoardPack) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for r in pack_rows(pack):
        writer.writerow([cell_safe(r.section), cell_safe(r.measure), cell_safe(r.breakdown), _text(r.value)])
    return out.getvalue()


def pack_xlsx(pack: BoardPack, *, title: str) -> bytes:
    """A workbook with a sheet per section (Measure, Breakdown, Value); numbers stay numbers."""
    book = Workbook()
    book.remove(book.active)
    book.properties.title = title
    for name, rows in sections(pack_rows(pack)):
        sheet = book.create_sheet(title=name)
        sheet.append(HEADER[1:])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r in rows:
            # Strings are set as typed text, so one starting with "=" is never stored as a formula.
            sheet.append([cell_safe(r.measure), cell_safe(r.breakdown), r.value])
        sheet.column_dimensions["A"].width = 60
        sheet.column_dimensions["B"].width = 45
        sheet.column_dimensions["C"].width = 12
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
