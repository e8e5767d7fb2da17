"""The monthly Board and Member Responsible for Complaints pack for any period: volumes, outcomes,
timeliness at every step, extensions, open and overdue complaints, compensation, refusals, satisfaction, and
Ombudsman cases and orders.

Each part is one or two aggregate queries over the landlord's records (no loop over cases); the counting
rules are the TSMs' (`timing.received_in`), so the pack and the TSMs never disagree about what a complaint is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet, Sum

from putright.cases.models import KIND_CHOICES, Case, Decision, Extension, Remedy, Satisfaction, Stage
from putright.customers.models import Channel
from putright.domain.errors import UnknownPolicyError
from putright.domain.lifecycle import Kind
from putright.domain.tsm import DateRange, one_decimal, percentage
from putright.organisations.models import Landlord
from putright.organisations.selectors import profile_on
from putright.reporting.calendar import working_day_ranks_sync
from putright.reporting.hot_spots import HotSpots, hot_spots
from putright.reporting.ombudsman_cases import OmbudsmanSection, ombudsman_section
from putright.reporting.selectors import extensions_count_as_on_time
from putright.reporting.standing import late_at, open_at
from putright.reporting.timing import (
    acknowledged_in,
    code_timescales_on,
    received_in,
    responded_in,
    with_timing,
)
from putright.reporting.trends import Month, trends

NOT_RECORDED = "Not recorded"
DIMENSIONS = ("channel", "category", "service_area", "contractor")
"""The columns complaints are broken down by (channel first: its values have labels); kind is broken down over
every case. Each breakdown lists the most first, then in code-point order of the value."""
REASONS_SHOWN = 10
"""Extension reasons are free text: the most frequent ones are listed."""


@dataclass(frozen=True)
class Tally:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Volumes:
    by_kind: tuple[Tally, ...]
    """Every case received in the period, of each kind."""
    by_stage: tuple[Tally, ...]
    """Complaints received at stage 1 and escalation requests at stage 2, as the TSMs count them."""
    by_channel: tuple[Tally, ...]
    by_category: tuple[Tally, ...]
    by_service_area: tuple[Tally, ...]
    by_contractor: tuple[Tally, ...]
    """The four breakdowns are of complaints received in the period, most first."""


@dataclass(frozen=True)
class StageOutcomes:
    """Decisions in the responses issued in the period at one stage."""

    stage: int
    upheld: int
    partly_upheld: int
    not_upheld: int

    @property
    def total(self) -> int:
        return self.upheld + self.partly_upheld + self.not_upheld


@dataclass(frozen=True)
class StageTimeliness:
    """Acknowledgements and responses made in the period at one stage, and how many met each timescale."""

    stage: int
    acknowledged: int
    acknowledged_within_policy: int
    acknowledged_within_code: int
    responded: int
    responded_within_policy: int
    responded_within_code: int

    @property
    def shares(self) -> dict[str, Decimal | None]:
        """Each "within" count as a percentage of its step (None where nothing happened)."""
        return {
            "acknowledged_within_policy": percentage(self.acknowledged_within_policy, self.acknowledged),
            "acknowledged_within_code": percentage(self.acknowledged_within_code, self.acknowledged),
            "responded_within_policy": percentage(self.responded_within_policy, self.responded),
            "responded_within_code": percentage(self.responded_within_code, self.responded),
        }


@dataclass(frozen=True)
class ExtensionUse:
    stage: int
    justification: str
    applied: bool
    """False for a notice given after the deadline: recorded, but it did not move the date."""
    count: int
    days: int


@dataclass(frozen=True)
class Extensions:
    uses: tuple[ExtensionUse, ...]
    reasons: tuple[Tally, ...]


@dataclass(frozen=True)
class OpenAndOverdue:
    """At the end of the period's last day, by the stored deadlines."""

    as_of: date
    open_cases: int
    open_complaints: int
    overdue_complaints: int
    """Open complaints with a stage acknowledgement or response due before `as_of` and not done by its end."""


@dataclass(frozen=True)
class Compensation:
    offered: Decimal
    """Offered in responses issued in the period."""
    offers: int
    paid: Decimal
    """Paid in the period, whenever it was offered."""
    payments: int


@dataclass(frozen=True)
class Refusal:
    decision: str
    decision_label: str
    reason_code: str
    reason_label: str
    count: int


@dataclass(frozen=True)
class SatisfactionSummary:
    responses: int
    average: Decimal | None
    """Mean score from 1 (very dissatisfied) to 5 (very satisfied), to one decimal place."""
    by_source: tuple[tuple[str, int], ...] = ()
    """How the answers were given (the resident portal, a phone call, ...): each way with any, and its count."""


@dataclass(frozen=True)
class BoardPack:
    period: DateRange
    volumes: Volumes
    outcomes: tuple[StageOutcomes, ...]
    timeliness: tuple[StageTimeliness, ...]
    extensions_count_as_on_time: bool
    extensions: Extensions
    open_and_overdue: OpenAndOverdue
    compensation: Compensation
    refusals: tuple[Refusal, ...]
    satisfaction: SatisfactionSummary
    ombudsman: OmbudsmanSection
    """Ombudsman cases and orders (`reporting.ombudsman_cases`)."""
    trends: tuple[Month, ...]
    """The 12 months ending with the period's (`reporting.trends`)."""
    hot_spots: HotSpots


def received_cases(landlord: Landlord, period: DateRange) -> QuerySet[Case]:
    return Case.objects.filter(
        landlord=landlord, received_at__gte=period.starts_at, received_at__lt=period.ends_before
    )


def volumes(landlord: Landlord, period: DateRange) -> Volumes:
    cases = received_cases(landlord, period)
    kinds = dict(KIND_CHOICES)
    by_kind = tuple(
        Tally(kind, kinds.get(kind, kind), n)
        for kind, n in cases.values_list("kind").annotate(n=Count("pk")).order_by("-n", "kind")
    )
    stages = received_in(landlord, period).aggregate(
        **{f"s{n}": Count("pk", filter=Q(number=n)) for n in (1, 2)}
    )
    by_stage = tuple(Tally(str(n), f"Stage {n}", stages[f"s{n}"]) for n in (1, 2))
    # One pass over the period's complaints, counted by every combination of the four columns and summed
    # here per column, instead of a pass per column (bench/README.md, "search and the year's pack").
    combinations = (
        cases.filter(kind=Kind.COMPLAINT.value).values_list(*DIMENSIONS).annotate(n=Count("pk")).order_by()
    )
    counts: list[Counter[str]] = [Counter() for _ in DIMENSIONS]
    for *keys, n in combinations:
        for counter, key in zip(counts, keys, strict=True):
            counter[key] += n
    channels = dict(Channel.choices)
    broken = [
        tuple(
            Tally(key, labels.get(key, key) or NOT_RECORDED, n)
            for key, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        )
        for counter, labels in zip(counts, [channels, {}, {}, {}], strict=True)
    ]
    return Volumes(by_kind, by_stage, *broken)


def outcomes(landlord: Landlord, period: DateRange) -> tuple[StageOutcomes, ...]:
    counts = responded_in(landlord, period).aggregate(
        **{
            f"{outcome}{n}": Count("pk", filter=Q(number=n, outcome=outcome))
            for n in (1, 2)
            for outcome in Stage.Outcome.values
        }
    )
    return tuple(
        StageOutcomes(n, counts[f"upheld{n}"], counts[f"partly_upheld{n}"], counts[f"not_upheld{n}"])
        for n in (1, 2)
    )


def timeliness(
    landlord: Landlord, period: DateRange, *, extensions_count: bool
) -> tuple[StageTimeliness, ...]:
    working_day_ranks_sync(landlord=landlord)
    timescales = code_timescales_on(period.last)
    acks = with_timing(
        acknowledged_in(landlord, period), timescales, extensions_count=extensions_count
    ).aggregate(
        **{f"all{n}": Count("pk", filter=Q(number=n)) for n in (1, 2)},
        **{f"policy{n}": Count("pk", filter=Q(number=n, ack_within_policy=True)) for n in (1, 2)},
        **{f"code{n}": Count("pk", filter=Q(number=n, ack_within_code=True)) for n in (1, 2)},
    )
    responses = with_timing(
        responded_in(landlord, period), timescales, extensions_count=extensions_count
    ).aggregate(
        **{f"all{n}": Count("pk", filter=Q(number=n)) for n in (1, 2)},
        **{f"policy{n}": Count("pk", filter=Q(number=n, within_policy=True)) for n in (1, 2)},
        **{f"code{n}": Count("pk", filter=Q(number=n, within_code=True)) for n in (1, 2)},
    )
    return tuple(
        StageTimeliness(
            n,
            acks[f"all{n}"],
            acks[f"policy{n}"],
            acks[f"code{n}"],
            responses[f"all{n}"],
            responses[f"policy{n}"],
            responses[f"code{n}"],
        )
        for n in (1, 2)
    )


def extensions(landlord: Landlord, period: DateRange) -> Extensions:
    """Extensions notified in the period, by stage, justification and whether they moved the deadline."""
    rows = Extension.objects.filter(
        stage__landlord=landlord,
        stage__case__kind=Kind.COMPLAINT.value,
        notified_on__gte=period.first,
        notified_on__lte=period.last,
    )
    uses = tuple(
        ExtensionUse(number, justification, applied, n, days or 0)
        for number, justification, applied, n, days in rows.values_list(
            "stage__number", "justification", "applied"
        )
        .annotate(n=Count("pk"), days=Sum("days"))
        .order_by("stage__number", "justification", "-applied")
    )
    reasons = tuple(
        Tally(reason, reason, n)
        for reason, n in rows.values_list("reason")
        .annotate(n=Count("pk"))
        .order_by("-n", "reason")[:REASONS_SHOWN]
    )
    return Extensions(uses, reasons)


def open_and_overdue(landlord: Landlord, period: DateRange) -> OpenAndOverdue:
    end = period.ends_before
    last = period.last
    open_cases = Case.objects.filter(landlord=landlord).filter(open_at(end))
    late_stage = Stage.objects.filter(case=OuterRef("pk")).filter(late_at(end, last))
    counts = open_cases.aggregate(
        open_cases=Count("pk"),
        open_complaints=Count("pk", filter=Q(kind=Kind.COMPLAINT.value)),
        overdue=Count("pk", filter=Q(kind=Kind.COMPLAINT.value) & Exists(late_stage)),
    )
    return OpenAndOverdue(last, counts["open_cases"], counts["open_complaints"], counts["overdue"])


def compensation(landlord: Landlord, period: DateRange) -> Compensation:
    remedies = Remedy.objects.filter(stage__landlord=landlord, stage__case__kind=Kind.COMPLAINT.value)
    offered = Q(
        compensation_offered__isnull=False,
        stage__responded_on__gte=period.first,
        stage__responded_on__lte=period.last,
    )
    paid = Q(compensation_paid__isnull=False, paid_on__gte=period.first, paid_on__lte=period.last)
    sums = remedies.filter(offered | paid).aggregate(
        offered=Sum("compensation_offered", filter=offered),
        offers=Count("pk", filter=offered),
        paid=Sum("compensation_paid", filter=paid),
        payments=Count("pk", filter=paid),
    )
    return Compensation(
        sums["offered"] or Decimal("0.00"), sums["offers"], sums["paid"] or Decimal("0.00"), sums["payments"]
    )


def refusals(landlord: Landlord, period: DateRange) -> tuple[Refusal, ...]:
    """Decisions not to accept or not to escalate taken in the period, by reason."""
    try:
        labels = {e.code: e.label for e in profile_on(landlord, period.last).exclusions}
    except UnknownPolicyError:
        labels = {}
    types = dict(Decision.Type.choices)
    rows = (
        Decision.objects.filter(
            landlord=landlord, decided_at__gte=period.starts_at, decided_at__lt=period.ends_before
        )
        .values_list("type", "reason_code")
        .annotate(n=Count("pk"))
        .order_by("type", "-n", "reason_code")
    )
    return tuple(Refusal(t, types.get(t, t), code, labels.get(code, code), n) for t, code, n in rows)


def satisfaction(landlord: Landlord, period: DateRange) -> SatisfactionSummary:
    """The answers recorded in the period, their mean, and how many came each way, in one query."""
    sources = Satisfaction.Source
    result = Satisfaction.objects.filter(
        case__landlord=landlord, recorded_at__gte=period.starts_at, recorded_at__lt=period.ends_before
    ).aggregate(
        n=Count("pk"),
        mean=Avg("score"),
        **{f"source_{s.value}": Count("pk", filter=Q(source=s.value)) for s in sources},
    )
    mean = result["mean"]
    average = one_decimal(Decimal(str(mean))) if mean is not None else None
    by_source = tuple((s.label, result[f"source_{s.value}"]) for s in sources if result[f"source_{s.value}"])
    return SatisfactionSummary(result["n"], average, by_source)


def board_pack(landlord: Landlord, period: DateRange) -> BoardPack:
    count_extensions = extensions_count_as_on_time(landlord)
    return BoardPack(
        period=period,
        volumes=volumes(landlord, period),
        outcomes=outcomes(landlord, period),
        timeliness=timeliness(landlord, period, extensions_count=count_extensions),
        extensions_count_as_on_time=count_extensions,
        extensions=extensions(landlord, period),
        open_and_overdue=open_and_overdue(landlord, period),
        compensation=compensation(landlord, period),
        refusals=refusals(landlord, period),
        satisfaction=satisfaction(landlord, period),
        ombudsman=ombudsman_section(landlord, period),
        trends=trends(landlord, period, extensions_count=count_extensions),
        hot_spots=hot_spots(landlord, period),
    )
