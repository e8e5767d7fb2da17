"""Complaint stages as the reports see them, and whether each step met the policy's timescale and the
Code's, as SQL expressions: every figure is a handful of aggregate queries, never a loop over cases.

"Within the Code's timescale" is `putright.domain.tsm.response_within_code`, rewritten as a subtraction of
working-day ranks (`WorkingDayRank`, kept in step by `working_day_ranks_sync`); the tests hold the two to
the same answers.
"""

from __future__ import annotations

from datetime import date

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models import Case as CaseWhen
from django.db.models.functions import Coalesce, TruncDate

from putright.cases.models import Case, Decision, Extension, Stage
from putright.domain.errors import InvalidInputError, UnknownPolicyError
from putright.domain.lifecycle import Kind
from putright.domain.profiles import default_registry
from putright.domain.tsm import LONDON, CodeTimescale, DateRange, code_timescales
from putright.organisations.models import Landlord
from putright.reporting.models import WorkingDayRank

CODE_PROFILE = "hos-code-2024"
GOOD_REASONS = ("good-reason", "agreed")


def code_timescales_on(day: date) -> tuple[CodeTimescale, CodeTimescale]:
    """The Code's stage timescales in force on `day` (the 2024 Code, from 1 April 2024)."""
    try:
        return code_timescales(default_registry().in_force(CODE_PROFILE, day))
    except UnknownPolicyError as error:
        raise InvalidInputError(
            "year", f"no Complaint Handling Code profile is held for {day}: {error}"
        ) from None


def complaint_stages(landlord: Landlord) -> QuerySet[Stage]:
    """Stages of the landlord's complaints (service requests and other feedback have none that count)."""
    return Stage.objects.filter(landlord=landlord, case__landlord=landlord, case__kind=Kind.COMPLAINT.value)


def not_accepted() -> Exists:
    return Exists(Decision.objects.filter(case=OuterRef("case_id"), type=Decision.Type.NOT_ACCEPTED))


def escalation_refused() -> Exists:
    """A decision not to escalate taken on or after this stage 2's request (a later request counts again)."""
    return Exists(
        Decision.objects.filter(
            case=OuterRef("case_id"),
            type=Decision.Type.NOT_ESCALATED,
            decided_at__gte=OuterRef("received_at"),
        )
    )


def received_in(landlord: Landlord, period: DateRange) -> QuerySet[Stage]:
    """Stages received in the period that count (`domain.tsm.counts_as_received` and `_escalated`):
    stage 1 unless the complaint was not accepted, stage 2 unless the escalation was refused."""
    received = complaint_stages(landlord).filter(
        received_at__gte=period.starts_at, received_at__lt=period.ends_before
    )
    return received.filter(Q(number=1) & ~not_accepted() | Q(number=2) & ~escalation_refused())


def responded_in(landlord: Landlord, period: DateRange) -> QuerySet[Stage]:
    return complaint_stages(landlord).filter(responded_on__gte=period.first, responded_on__lte=period.last)


def acknowledged_in(landlord: Landlord, period: DateRange) -> QuerySet[Stage]:
    return complaint_stages(landlord).filter(
        acknowledged_on__gte=period.first, acknowledged_on__lte=period.last
    )


def _rank(column: str, day: str) -> Subquery:
    return Subquery(
        WorkingDayRank.objects.filter(landlord_id=OuterRef("landlord_id"), day=OuterRef(day)).values(column)[
            :1
        ],
        output_field=IntegerField(),
    )


def _allowed(limit: int) -> Subquery:
    """Extension days counted for the Code: all with a good reason recorded, else at most `limit`."""
    allowed = (
        Extension.objects.filter(stage=OuterRef("pk"), applied=True)
        .values("stage")
        .annotate(total=Sum("days"), reasons=Count("pk", filter=Q(justification__in=GOOD_REASONS)))
        .annotate(
            allowed=CaseWhen(
                When(reasons__gt=0, then=F("total")),
                When(total__gt=limit, then=Value(limit)),
                default=F("total"),
            )
        )
        .values("allowed")
    )
    return Subquery(allowed, output_field=IntegerField())


def _by_stage(timescales: tuple[CodeTimescale, ...], value: dict[int, int]) -> CaseWhen:
    return CaseWhen(*(When(number=t.stage, then=Value(value[t.stage])) for t in timescales), default=Value(0))


def with_timing(
    stages: QuerySet[Stage], timescales: tuple[CodeTimescale, ...], *, extensions_count: bool
) -> QuerySet[Stage]:
    """Annotate each stage with `ack_within_policy`, `ack_within_code`, `within_policy` and `within_code`
    (its response), as booleans the database works out (null ranks, beyond the calendar's data, are false)."""
    stages = stages.annotate(received_day=TruncDate("received_at", tzinfo=LONDON))
    allowance: CaseWhen | Value = Value(0)
    if extensions_count:
        # domain.tsm.code_extension_allowance: one lookup of the stage's applied extensions per stage.
        allowance = CaseWhen(
            *(
                When(number=t.stage, then=Coalesce(_allowed(t.extension_without_reason), Value(0)))
                for t in timescales
            ),
            default=Value(0),
        )
    from_ack = Q(acknowledged_on__isnull=False) & Q(
        number__in=[t.stage for t in timescales if t.respond_from_acknowledgement]
    )
    stages = stages.annotate(
        base_day=CaseWhen(When(from_ack, then=F("acknowledged_on")), default=F("received_day")),
        code_days=CaseWhen(
            When(from_ack, then=_by_stage(timescales, {t.stage: t.respond_days for t in timescales})),
            default=_by_stage(timescales, {t.stage: t.response_days(False) for t in timescales}),
        )
        + allowance,
        ack_days=_by_stage(timescales, {t.stage: t.acknowledge_days for t in timescales}),
    )
    stages = stages.annotate(
        received_through=_rank("through", "received_day"),
        base_through=_rank("through", "base_day"),
        ack_before=_rank("before", "acknowledged_on"),
        responded_before=_rank("before", "responded_on"),
    )
    return stages.annotate(
        ack_within_policy=ExpressionWrapper(Q(acknowledged_on__lte=F("acknowledge_by")), BooleanField()),
        ack_within_code=ExpressionWrapper(
            Q(ack_before__lt=F("received_through") + F("ack_days")), BooleanField()
        ),
        within_policy=ExpressionWrapper(Q(responded_on__lte=F("respond_by")), BooleanField()),
        within_code=ExpressionWrapper(
            Q(responded_before__lt=F("base_through") + F("code_days")), BooleanField()
        ),
    )


def cases_of(landlord: Landlord, stages: QuerySet[Stage]) -> QuerySet[Case]:
    """The cases behind a set of stages, newest first."""
    return (
        Case.objects.filter(landlord=landlord, pk__in=stages.values("case_id"))
        .select_related("customer")
        .order_by("-received_at", "-pk")
    )
