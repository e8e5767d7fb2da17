"""What blocks sign-off of the year's TSMs: faults in the records that would make a figure unreliable,
each named with the case it is on so someone can correct it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import TruncDate

from putright.cases.models import Case, Stage
from putright.domain.lifecycle import Kind, Status
from putright.domain.tsm import LONDON, Blocker, ReportingYear
from putright.organisations.models import Landlord
from putright.reporting.timing import complaint_stages, responded_in

PAST_STAGE_1 = (Status.STAGE1_RESPONDED.value, Status.CLOSED.value)
"""With the case still at stage 1, these statuses say its stage 1 was answered."""
PAST_STAGE_2 = (Status.STAGE2_RESPONDED.value, Status.CLOSED.value)


def _day(day: date | None) -> str:
    """A date as the pages write it: 2 June 2025 (never empty here: the queries filter out nulls)."""
    return f"{day.day} {day:%B %Y}" if day else "no date"


@dataclass(frozen=True)
class BlockerItem:
    blocker: Blocker
    reference: str
    """The case reference; empty for a blocker about the landlord (the homes count)."""
    case_id: int | None
    detail: str


def tsm_blockers(landlord: Landlord, year: ReportingYear, *, homes_recorded: bool) -> list[BlockerItem]:
    """Every blocker for the year, in a few queries: the homes count first, then by case reference."""
    period = year.range
    items: list[BlockerItem] = []
    if not homes_recorded:
        items.append(
            BlockerItem(
                Blocker.MISSING_HOMES_COUNT,
                "",
                None,
                f"Record the number of homes owned in {year.label} under the landlord's homes counts.",
            )
        )
    for reference, case_id, number, responded in (
        responded_in(landlord, period)
        .filter(acknowledged_on__isnull=True)
        .values_list("case__reference", "case_id", "number", "responded_on")
    ):
        items.append(
            BlockerItem(
                Blocker.RESPONSE_WITHOUT_ACKNOWLEDGEMENT,
                reference,
                case_id,
                f"Stage {number} response on {_day(responded)} has no acknowledgement date.",
            )
        )
    has_stage_2 = Exists(Stage.objects.filter(case=OuterRef("case_id"), number=2))
    passed = Q(number=1) & (has_stage_2 | Q(case__stage=1, case__status__in=PAST_STAGE_1)) | Q(
        number=2, case__stage=2, case__status__in=PAST_STAGE_2
    )
    for reference, case_id, number, acknowledged in (
        complaint_stages(landlord)
        .filter(
            received_at__gte=period.starts_at, received_at__lt=period.ends_before, responded_on__isnull=True
        )
        .filter(passed)
        .values_list("case__reference", "case_id", "number", "acknowledged_on")
    ):
        missing = "no response date" if acknowledged else "no acknowledgement or response date"
        items.append(
            BlockerItem(
                Blocker.STAGE_WITHOUT_DATES,
                reference,
                case_id,
                f"Stage {number} has {missing}, but the complaint has moved past it.",
            )
        )
    for reference, case_id, received, occurred in (
        Case.objects.filter(
            landlord=landlord,
            kind=Kind.COMPLAINT.value,
            received_at__gte=period.starts_at,
            received_at__lt=period.ends_before,
        )
        .annotate(received_day=TruncDate("received_at", tzinfo=LONDON))
        .filter(issue_date__gt=F("received_day"))
        .values_list("reference", "pk", "received_day", "issue_date")
    ):
        items.append(
            BlockerItem(
                Blocker.RECEIVED_BEFORE_OCCURRED,
                reference,
                case_id,
                f"Received on {_day(received)}, before the issue is recorded as occurring on {_day(occurred)}.",
            )
        )
    return sorted(items, key=lambda item: (item.case_id is not None, item.reference, item.blocker.value))
