"""Evidence for the self-assessment, counted in the database for one landlord's reporting year.

Each measure is one or two aggregate queries and says in words what it counted; `complies` is True only when
nothing counted fell short, and None when there was nothing to count. Timeliness is the Board pack's
(`reporting.board_pack.timeliness`), so the assessment and the pack never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q

from putright.cases.models import AgreedAction, Case, Decision, Learning, Stage
from putright.domain.letters import LetterKind, Section
from putright.domain.lifecycle import Kind
from putright.domain.tsm import DateRange
from putright.letters.models import Letter
from putright.ombudsman.models import NonCompliance
from putright.organisations.models import Landlord
from putright.reporting.board_pack import StageTimeliness, timeliness
from putright.reporting.selectors import extensions_count_as_on_time
from putright.reporting.timing import received_in


@dataclass(frozen=True)
class Measured:
    text: str
    complies: bool | None
    """True when every one counted met the provision, False when any fell short, None when none counted."""


def _share(good: int, total: int, what: str, how: str) -> Measured:
    if total == 0:
        return Measured(f"No {what} in the year.", None)
    percent = f"{100 * good / total:.1f}%"
    return Measured(f"{good} of {total} {what} {how} ({percent}).", good == total)


class _Year:
    """The year's counts, each worked out once however many rows use it."""

    def __init__(self, landlord: Landlord, period: DateRange) -> None:
        self.landlord = landlord
        self.period = period
        self._timeliness: tuple[StageTimeliness, ...] | None = None

    def timeliness(self, stage: int) -> StageTimeliness:
        if self._timeliness is None:
            self._timeliness = timeliness(
                self.landlord, self.period, extensions_count=extensions_count_as_on_time(self.landlord)
            )
        return self._timeliness[stage - 1]


def _acknowledged(stage: int) -> Callable[[_Year], Measured]:
    def measure(year: _Year) -> Measured:
        t = year.timeliness(stage)
        return _share(
            t.acknowledged_within_code,
            t.acknowledged,
            f"stage {stage} acknowledgements made",
            "were within 5 working days",
        )

    return measure


def _responded(stage: int) -> Callable[[_Year], Measured]:
    def measure(year: _Year) -> Measured:
        t = year.timeliness(stage)
        return _share(
            t.responded_within_code,
            t.responded,
            f"stage {stage} responses issued",
            "were within the Code's timescale",
        )

    return measure


def _stage2_handler(year: _Year) -> Measured:
    """Stage 2 complaints received in the year with a handler, and those whose handler had stage 1."""
    same = Stage.objects.filter(case=OuterRef("case_id"), number=1, handler=OuterRef("handler"))
    counts = (
        received_in(year.landlord, year.period)
        .filter(number=2, handler__isnull=False)
        .aggregate(all=Count("pk"), same=Count("pk", filter=Q(Exists(same))))
    )
    total, same_handler = counts["all"], counts["same"]
    if total == 0:
        return Measured("No stage 2 complaints with a handler in the year.", None)
    return Measured(
        f"{same_handler} of {total} stage 2 complaints received in the year were handled by their stage 1 "
        "handler.",
        same_handler == 0,
    )


def _refusals(kind: str, letter: LetterKind, what: str) -> Callable[[_Year], Measured]:
    def measure(year: _Year) -> Measured:
        sent = Letter.objects.filter(case=OuterRef("case_id"), kind=letter.value).exclude(
            status=Letter.Status.FAILED
        )
        reasoned = ~Q(reason_code="") & ~Q(rationale="")
        counts = Decision.objects.filter(
            landlord=year.landlord,
            type=kind,
            decided_at__gte=year.period.starts_at,
            decided_at__lt=year.period.ends_before,
        ).aggregate(all=Count("pk"), complete=Count("pk", filter=reasoned & Q(Exists(sent))))
        return _share(counts["complete"], counts["all"], what, "had a reason and a letter")

    return measure


_OMBUDSMAN_MARK = f'data-section="{Section.OMBUDSMAN.value}"'
"""How a rendered letter marks its Ombudsman section (`letters.templatetags.letters.SectionNode`)."""


def _ombudsman_details(year: _Year) -> Measured:
    kinds = [k.value for k in LetterKind if k.about_a_complaint]
    responses = [LetterKind.STAGE1_RESPONSE.value, LetterKind.STAGE2_RESPONSE.value]
    carried = Q(body_html__contains=_OMBUDSMAN_MARK)
    counts = (
        Letter.objects.filter(
            landlord=year.landlord,
            kind__in=kinds,
            sent_on__gte=year.period.first,
            sent_on__lte=year.period.last,
        )
        .exclude(status=Letter.Status.FAILED)
        .aggregate(
            all=Count("pk"),
            carried=Count("pk", filter=carried),
            responses=Count("pk", filter=Q(kind__in=responses)),
            responses_carried=Count("pk", filter=carried & Q(kind__in=responses)),
        )
    )
    shared = _share(
        counts["carried"], counts["all"], "letters about a complaint issued", "gave the Ombudsman's details"
    )
    if counts["all"] == 0:
        return shared
    return Measured(
        f"{shared.text} Of the {counts['responses']} response letters, {counts['responses_carried']} did.",
        shared.complies,
    )


def _non_compliance(year: _Year) -> Measured:
    """Non-compliance records overlapping the year, and those where the Ombudsman and residents were told."""
    told = Q(ombudsman_told_on__isnull=False, residents_told_on__isnull=False)
    counts = (
        NonCompliance.objects.filter(landlord=year.landlord, from_date__lte=year.period.last)
        .filter(Q(returned_on__isnull=True) | Q(returned_on__gte=year.period.first))
        .aggregate(
            all=Count("pk"),
            told=Count("pk", filter=told),
            returned=Count("pk", filter=Q(returned_on__isnull=False)),
        )
    )
    if counts["all"] == 0:
        return Measured("No Code non-compliance recorded in the year.", None)
    return Measured(
        f"{counts['all']} Code non-compliance record(s) in the year: the Ombudsman and residents told in "
        f"{counts['told']}, compliance restored in {counts['returned']}.",
        counts["told"] == counts["all"],
    )


def _learning(year: _Year) -> Measured:
    closed = Case.objects.filter(
        landlord=year.landlord,
        kind=Kind.COMPLAINT.value,
        closed_at__gte=year.period.starts_at,
        closed_at__lt=year.period.ends_before,
    )
    counts = closed.aggregate(
        all=Count("pk"),
        learned=Count("pk", filter=Q(Exists(Learning.objects.filter(case=OuterRef("pk"))))),
        improved=Count(
            "pk", filter=Q(Exists(Learning.objects.filter(case=OuterRef("pk")).exclude(improvement="")))
        ),
    )
    shared = _share(counts["learned"], counts["all"], "complaints closed", "had their lesson recorded")
    if counts["all"] == 0:
        return shared
    return Measured(f"{shared.text} {counts['improved']} led to a service improvement.", shared.complies)


def _actions(year: _Year) -> Measured:
    """Agreed actions (remedies followed through) due in the year, and those completed by their date."""
    counts = AgreedAction.objects.filter(
        landlord=year.landlord, due_on__gte=year.period.first, due_on__lte=year.period.last
    ).aggregate(
        all=Count("pk"),
        kept=Count("pk", filter=Q(completed_on__isnull=False, completed_on__lte=F("due_on"))),
    )
    return _share(
        counts["kept"], counts["all"], "agreed actions due in the year", "were completed by their date"
    )


MEASURES: dict[str, Callable[[_Year], Measured]] = {
    "stage1_acknowledged": _acknowledged(1),
    "stage1_responded": _responded(1),
    "stage2_acknowledged": _acknowledged(2),
    "stage2_responded": _responded(2),
    "stage2_handler": _stage2_handler,
    "not_accepted": _refusals(
        Decision.Type.NOT_ACCEPTED, LetterKind.NOT_ACCEPTED, "decisions not to accept a complaint"
    ),
    "not_escalated": _refusals(
        Decision.Type.NOT_ESCALATED, LetterKind.NOT_ESCALATED, "decisions not to escalate a complaint"
    ),
    "ombudsman_details": _ombudsman_details,
    "non_compliance": _non_compliance,
    "learning": _learning,
    "actions": _actions,
}


def measurer(landlord: Landlord, period: DateRange) -> Callable[[str], Measured]:
    """Counts each named measure for the landlord's period; shared counts are made once."""
    year = _Year(landlord, period)
    return lambda name: MEASURES[name](year)
