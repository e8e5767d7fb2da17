"""Hot spots: service areas, contractors and estates whose complaints in the period cross the landlord's
thresholds (`HotSpotThresholds`), flagged in the Board pack for a service review.

PutRight holds no estate or property register; the nearest thing the records have is the customer's
postcode, so an "estate" is the lead customer's postcode sector (BN1 4AB is in sector BN1 4), a few streets.
Rows with nothing recorded are left out: a review needs somewhere to look. Two grouped queries in all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypeVar

from django.db.models import Case as CaseWhen
from django.db.models import CharField, Count, F, Model, Q, QuerySet, Value, When
from django.db.models.functions import Concat, Length, Replace, Substr, Upper

from putright.cases.models import Case, Stage
from putright.domain.lifecycle import Kind
from putright.domain.tsm import DateRange, percentage
from putright.organisations.models import Landlord
from putright.reporting.models import HotSpotThresholds
from putright.reporting.timing import responded_in

Which = Literal["received", "responses"]
M = TypeVar("M", bound=Model)
BREAKDOWNS = {
    "service_area": "Service area",
    "contractor": "Contractor",
    "estate": "Estate (postcode sector)",
}
"""Each breakdown's key (also the case list's column, or `estate`) and its label."""
UPHELD = (Stage.Outcome.UPHELD, Stage.Outcome.PARTLY_UPHELD)
INWARD = 3
"""A UK postcode's inward code (4AB) is always three characters: the sector is what precedes its last two."""


@dataclass(frozen=True)
class Thresholds:
    complaints_at_least: int
    upheld_share_at_least: int
    """A percentage."""
    responses_at_least: int


@dataclass(frozen=True)
class HotSpot:
    breakdown: str
    value: str
    received: int
    """Complaints received in the period (as the pack's volumes count them)."""
    responses: int
    """Responses issued in the period, at either stage."""
    upheld: int
    """Of those, upheld or partly upheld."""
    by_volume: bool
    by_upheld: bool

    @property
    def label(self) -> str:
        return BREAKDOWNS[self.breakdown]

    @property
    def upheld_share(self) -> Decimal | None:
        return percentage(self.upheld, self.responses)


@dataclass(frozen=True)
class HotSpots:
    thresholds: Thresholds
    rows: tuple[HotSpot, ...]


def hot_spot_thresholds(landlord: Landlord) -> Thresholds:
    """The landlord's thresholds, or the defaults until an administrator sets them."""
    stored = HotSpotThresholds.objects.filter(landlord=landlord).first() or HotSpotThresholds()
    return Thresholds(stored.complaints_at_least, stored.upheld_share_at_least, stored.responses_at_least)


def with_estate(rows: QuerySet[M], prefix: str = "") -> QuerySet[M]:
    """`rows` with `estate`: the postcode sector of `prefix`customer's postcode, in capitals with one space
    ("" when fewer than five characters are recorded)."""
    rows = rows.alias(_postcode=Upper(Replace(F(f"{prefix}customer__postcode"), Value(" "), Value(""))))
    rows = rows.alias(_postcode_length=Length("_postcode"))
    estated: QuerySet[M] = rows.annotate(
        estate=CaseWhen(
            When(
                _postcode_length__gt=INWARD + 1,
                then=Concat(
                    Substr("_postcode", 1, F("_postcode_length") - INWARD),
                    Value(" "),
                    Substr("_postcode", F("_postcode_length") - INWARD + 1, 1),
                    output_field=CharField(),
                ),
            ),
            default=Value(""),
            output_field=CharField(),
        )
    )
    return estated


def _column(breakdown: str, prefix: str = "") -> str:
    return "estate" if breakdown == "estate" else f"{prefix}{breakdown}"


def _received_cases(landlord: Landlord, period: DateRange, breakdown: str) -> QuerySet[Case]:
    """Complaints received in the period, as the pack's volumes by service area and contractor count them."""
    cases = Case.objects.filter(
        landlord=landlord,
        kind=Kind.COMPLAINT.value,
        received_at__gte=period.starts_at,
        received_at__lt=period.ends_before,
    )
    return with_estate(cases) if breakdown == "estate" else cases


def _responses(landlord: Landlord, period: DateRange, breakdown: str) -> QuerySet[Stage]:
    stages = responded_in(landlord, period)
    return with_estate(stages, "case__") if breakdown == "estate" else stages


def _counts(landlord: Landlord, period: DateRange) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Per breakdown and value: complaints received, responses issued, of them upheld. One grouped query for
    what was received and one for the responses, each counting every combination of the three breakdowns'
    values, summed here per breakdown (two passes over the period's records, not six: bench/README.md,
    "search and the year's pack"); a value with nothing recorded is left out."""
    received: dict[str, Counter[str]] = {breakdown: Counter() for breakdown in BREAKDOWNS}
    for *values, n in (
        _received_cases(landlord, period, "estate")
        .values_list(*(_column(breakdown) for breakdown in BREAKDOWNS))
        .annotate(n=Count("pk"))
        .order_by()
    ):
        for breakdown, value in zip(BREAKDOWNS, values, strict=True):
            received[breakdown][value] += n
    responses: dict[str, Counter[str]] = {breakdown: Counter() for breakdown in BREAKDOWNS}
    upheld: dict[str, Counter[str]] = {breakdown: Counter() for breakdown in BREAKDOWNS}
    for *values, n, up in (
        _responses(landlord, period, "estate")
        .values_list(*(_column(breakdown, "case__") for breakdown in BREAKDOWNS))
        .annotate(n=Count("pk"), upheld=Count("pk", filter=Q(outcome__in=UPHELD)))
        .order_by()
    ):
        for breakdown, value in zip(BREAKDOWNS, values, strict=True):
            responses[breakdown][value] += n
            upheld[breakdown][value] += up
    return {
        breakdown: {
            value: (received[breakdown][value], responses[breakdown][value], upheld[breakdown][value])
            for value in (received[breakdown].keys() | responses[breakdown].keys()) - {""}
        }
        for breakdown in BREAKDOWNS
    }


def _flagged(breakdown: str, value: str, counts: tuple[int, int, int], limits: Thresholds) -> HotSpot | None:
    received, responses, upheld = counts
    by_volume = received >= limits.complaints_at_least
    by_upheld = (
        responses >= limits.responses_at_least and upheld * 100 >= limits.upheld_share_at_least * responses
    )
    if not (by_volume or by_upheld):
        return None
    return HotSpot(breakdown, value, received, responses, upheld, by_volume, by_upheld)


def hot_spots(landlord: Landlord, period: DateRange) -> HotSpots:
    """Every flagged row, by breakdown, then the most complaints first."""
    limits = hot_spot_thresholds(landlord)
    rows: list[HotSpot] = []
    counts = _counts(landlord, period)
    for breakdown in BREAKDOWNS:
        flagged = (_flagged(breakdown, value, n, limits) for value, n in counts[breakdown].items())
        rows.extend(
            sorted((h for h in flagged if h is not None), key=lambda h: (-h.received, -h.upheld, h.value))
        )
    return HotSpots(limits, tuple(rows))


def hot_spot_cases(
    landlord: Landlord, period: DateRange, breakdown: str, value: str, which: Which
) -> QuerySet[Case]:
    """The complaints behind a hot spot: those received in the period, or those with a response issued in
    it, whose service area, contractor or estate is `value`; newest first."""
    if breakdown not in BREAKDOWNS or not value:
        return Case.objects.none()
    if which == "received":
        cases = _received_cases(landlord, period, breakdown).filter(**{_column(breakdown): value})
    else:
        stages = _responses(landlord, period, breakdown).filter(**{_column(breakdown, "case__"): value})
        cases = Case.objects.filter(landlord=landlord, pk__in=stages.values("case_id"))
    return cases.order_by("-received_at", "-pk")
