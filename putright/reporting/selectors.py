"""The Tenant Satisfaction Measures for complaints (CH01, CH02) of one landlord for one reporting year,
counted in the database, with the cases behind each figure and what blocks sign-off."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from putright.cases.models import Case, Stage
from putright.domain.tsm import Measure, ReportingYear, one_decimal, per_thousand_homes, percentage
from putright.organisations.models import HomesCount, Landlord
from putright.reporting.calendar import working_day_ranks_sync
from putright.reporting.models import ReportingSettings
from putright.reporting.quality import BlockerItem, tsm_blockers
from putright.reporting.timing import (
    cases_of,
    code_timescales_on,
    received_in,
    responded_in,
    with_timing,
)


@dataclass(frozen=True)
class Figure:
    """One measure: its numerator and denominator as counted, the raw value and the published one."""

    measure: Measure
    numerator: int
    """CH01: complaints received. CH02: responses within the Code's timescales."""
    denominator: int | None
    """CH01: homes (None when no homes count is recorded). CH02: responses issued."""
    raw: Decimal | None
    """Unrounded; None when there is no figure (no homes count, or no responses)."""

    @property
    def value(self) -> Decimal | None:
        return one_decimal(self.raw) if self.raw is not None else None

    @property
    def late(self) -> int | None:
        """CH02: responses outside the Code's timescales."""
        if self.measure.is_volume or self.denominator is None:
            return None
        return self.denominator - self.numerator


@dataclass(frozen=True)
class TsmReport:
    year: ReportingYear
    homes: int | None
    extensions_count_as_on_time: bool
    figures: dict[Measure, Figure]
    blockers: list[BlockerItem]


def extensions_count_as_on_time(landlord: Landlord) -> bool:
    """The landlord's named setting, or its default (True) when never changed."""
    setting = ReportingSettings.objects.filter(landlord=landlord).values_list(
        "extensions_count_as_on_time", flat=True
    )
    first = setting.first()
    return True if first is None else first


def homes_in(landlord: Landlord, year: ReportingYear) -> int | None:
    return (
        HomesCount.objects.filter(landlord=landlord, year_starting=year.starting)
        .values_list("homes", flat=True)
        .first()
    )


def tsm_stages(landlord: Landlord, year: ReportingYear, measure: Measure) -> QuerySet[Stage]:
    """The stages a measure counts. CH02's are annotated with `within_code` (see `timing.with_timing`)."""
    if measure.is_volume:
        return received_in(landlord, year.range).filter(number=measure.stage)
    working_day_ranks_sync(landlord=landlord)
    return with_timing(
        responded_in(landlord, year.range).filter(number=measure.stage),
        code_timescales_on(year.range.first),
        extensions_count=extensions_count_as_on_time(landlord),
    )


def tsm_cases(
    landlord: Landlord, year: ReportingYear, measure: Measure, *, within: bool | None = None
) -> QuerySet[Case]:
    """The cases behind a figure; for CH02, `within` narrows them to those on time (True) or late (False)."""
    stages = tsm_stages(landlord, year, measure)
    if within is not None and not measure.is_volume:
        stages = stages.filter(Q(within_code=within))
    return cases_of(landlord, stages)


def tsm_report(landlord: Landlord, year: ReportingYear) -> TsmReport:
    """CH01 parts 1 and 2 and CH02 parts 1 and 2: four aggregate queries, plus the blockers."""
    homes = homes_in(landlord, year)
    count_extensions = extensions_count_as_on_time(landlord)
    figures: dict[Measure, Figure] = {}
    received = received_in(landlord, year.range).aggregate(
        **{f"stage{n}": Count("pk", filter=Q(number=n)) for n in (1, 2)}
    )
    for measure in (Measure.CH01_STAGE1, Measure.CH01_STAGE2):
        received_count = received[f"stage{measure.stage}"]
        raw = per_thousand_homes(received_count, homes) if homes else None
        figures[measure] = Figure(measure, received_count, homes, raw)
    working_day_ranks_sync(landlord=landlord)
    responded = with_timing(
        responded_in(landlord, year.range),
        code_timescales_on(year.range.first),
        extensions_count=count_extensions,
    )
    counts = responded.aggregate(
        **{f"all{n}": Count("pk", filter=Q(number=n)) for n in (1, 2)},
        **{f"within{n}": Count("pk", filter=Q(number=n, within_code=True)) for n in (1, 2)},
    )
    for measure in (Measure.CH02_STAGE1, Measure.CH02_STAGE2):
        n = measure.stage
        within, issued = counts[f"within{n}"], counts[f"all{n}"]
        figures[measure] = Figure(measure, within, issued, percentage(within, issued))
    blockers = tsm_blockers(landlord, year, homes_recorded=homes is not None)
    return TsmReport(year, homes, count_extensions, figures, blockers)
