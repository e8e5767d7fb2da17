"""The Board pack's Ombudsman cases and orders: referrals, investigations and determinations in the period,
the findings (per element, as the Ombudsman reports them, and per case's worst finding), and how the
orders and recommendations made were complied with.

Orders carry no date of their own: they are made in the determination, so an order is "made" on its case's
determination date. The model records no compensation amount on an order, so none is summed here. Every
figure is one aggregate or grouped query (no loop over rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Case as CaseWhen
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value, When

from putright.domain.tsm import DateRange
from putright.ombudsman.models import Finding, OmbudsmanCase, Order
from putright.organisations.models import Landlord

Kind = Finding.Kind
SEVERITY = (
    Kind.SEVERE_MALADMINISTRATION,
    Kind.MALADMINISTRATION,
    Kind.SERVICE_FAILURE,
    Kind.RESOLVED,
    Kind.NO_MALADMINISTRATION,
    Kind.OUTSIDE_JURISDICTION,
)
"""Worst first: a failure put right by the landlord (reasonable redress) is worse than none at all, and a
finding outside jurisdiction says nothing about the landlord's handling."""
NO_FINDINGS = "No findings recorded"


@dataclass(frozen=True)
class FindingCount:
    kind: str
    label: str
    elements: int
    """Elements of determinations made in the period with this finding (the Ombudsman's own count)."""
    cases: int
    """Cases determined in the period whose worst finding this is."""


@dataclass(frozen=True)
class OrderCompliance:
    """Orders (or recommendations) made in the period, complied with in the period, and standing at its end."""

    type: str
    label: str
    made: int
    complied_on_time: int
    complied_late: int
    open_at_end: int
    """Made by the period's last day and not complied with by its end, whenever made."""
    overdue_at_end: int
    """Of those open, due before the period's last day (as the pack's overdue complaints count)."""


@dataclass(frozen=True)
class ReferralRow:
    """One Ombudsman case referred, under investigation or determined in the period, for the page's links."""

    pk: int
    reference: str
    complaint: str
    referred_on: date
    determined_on: date | None
    """None until determined, or when determined after the period."""
    worst: str
    """The label of its worst finding, or "No findings recorded" (blank until determined)."""


@dataclass(frozen=True)
class OmbudsmanSection:
    referred: int
    """Referred to the Ombudsman in the period."""
    investigating_at_end: int
    """Accepted for investigation by the period's last day and not determined by then."""
    determined: int
    """Determined in the period."""
    findings: tuple[FindingCount, ...]
    cases_without_findings: int
    """Determined in the period with no finding recorded (so not in any worst-finding count)."""
    orders: tuple[OrderCompliance, ...]
    referrals: tuple[ReferralRow, ...]


def _investigating_at(last: date) -> Q:
    return (Q(accepted_on__lte=last) | Q(investigating_on__lte=last)) & (
        Q(determined_on__isnull=True) | Q(determined_on__gt=last)
    )


def _determined_in(period: DateRange, prefix: str = "") -> Q:
    return Q(**{f"{prefix}determined_on__gte": period.first, f"{prefix}determined_on__lte": period.last})


def _rank() -> CaseWhen:
    """A finding's severity as a number, 0 the worst (`SEVERITY`)."""
    return CaseWhen(
        *(When(finding=kind.value, then=Value(n)) for n, kind in enumerate(SEVERITY)),
        output_field=IntegerField(),
    )


def _worst_rank() -> Subquery:
    worst = (
        Finding.objects.filter(ombudsman_case=OuterRef("pk"))
        .annotate(rank=_rank())
        .order_by("rank")
        .values("rank")[:1]
    )
    return Subquery(worst, output_field=IntegerField())


def findings(landlord: Landlord, period: DateRange) -> tuple[tuple[FindingCount, ...], int]:
    """Each kind's count of elements and of cases it is the worst finding of, and the cases with none."""
    elements = dict(
        Finding.objects.filter(ombudsman_case__landlord=landlord)
        .filter(_determined_in(period, "ombudsman_case__"))
        .values_list("finding")
        .annotate(n=Count("pk"))
        .values_list("finding", "n")
    )
    worst = dict(
        OmbudsmanCase.objects.filter(landlord=landlord)
        .filter(_determined_in(period))
        .annotate(worst=_worst_rank())
        .values_list("worst")
        .annotate(n=Count("pk"))
        .values_list("worst", "n")
    )
    counts = tuple(
        FindingCount(kind.value, kind.label, elements.get(kind.value, 0), worst.get(n, 0))
        for n, kind in enumerate(SEVERITY)
    )
    return counts, worst.get(None, 0)


def orders(landlord: Landlord, period: DateRange) -> tuple[OrderCompliance, ...]:
    first, last = period.first, period.last
    complied = Q(completed_on__gte=first, completed_on__lte=last)
    open_at_end = Q(ombudsman_case__determined_on__lte=last) & (
        Q(completed_on__isnull=True) | Q(completed_on__gt=last)
    )
    counts = Order.objects.filter(landlord=landlord).aggregate(
        **{
            f"{t}_{name}": Count("pk", filter=Q(type=t) & test)
            for t in Order.Type.values
            for name, test in (
                ("made", _determined_in(period, "ombudsman_case__")),
                ("on_time", complied & Q(completed_on__lte=F("due_on"))),
                ("late", complied & Q(completed_on__gt=F("due_on"))),
                ("open", open_at_end),
                ("overdue", open_at_end & Q(due_on__lt=last)),
            )
        }
    )
    return tuple(
        OrderCompliance(
            t,
            label,
            counts[f"{t}_made"],
            counts[f"{t}_on_time"],
            counts[f"{t}_late"],
            counts[f"{t}_open"],
            counts[f"{t}_overdue"],
        )
        for t, label in Order.Type.choices
    )


def _in_period(period: DateRange) -> Q:
    referred = Q(referred_on__gte=period.first, referred_on__lte=period.last)
    return referred | _investigating_at(period.last) | _determined_in(period)


def referrals(landlord: Landlord, period: DateRange) -> tuple[ReferralRow, ...]:
    """The cases behind the counts, newest referral first, each with its worst finding."""
    labels = {n: kind.label for n, kind in enumerate(SEVERITY)}
    rows = (
        OmbudsmanCase.objects.filter(landlord=landlord)
        .filter(_in_period(period))
        .annotate(worst=_worst_rank())
        .order_by("-referred_on", "-id")
        .values_list("pk", "ombudsman_reference", "case__reference", "referred_on", "determined_on", "worst")
    )
    return tuple(
        ReferralRow(
            pk,
            ref,
            complaint,
            referred,
            determined if determined is not None and determined <= period.last else None,
            _worst_label(determined, worst, labels, period),
        )
        for pk, ref, complaint, referred, determined, worst in rows
    )


def _worst_label(
    determined: date | None, worst: int | None, labels: dict[int, str], period: DateRange
) -> str:
    """Blank for a case not determined by the period's end (its findings came later)."""
    if determined is None or determined > period.last:
        return ""
    return NO_FINDINGS if worst is None else labels[worst]


def ombudsman_section(landlord: Landlord, period: DateRange) -> OmbudsmanSection:
    counts = OmbudsmanCase.objects.filter(landlord=landlord).aggregate(
        referred=Count("pk", filter=Q(referred_on__gte=period.first, referred_on__lte=period.last)),
        investigating=Count("pk", filter=_investigating_at(period.last)),
        determined=Count("pk", filter=_determined_in(period)),
    )
    by_kind, without = findings(landlord, period)
    return OmbudsmanSection(
        referred=counts["referred"],
        investigating_at_end=counts["investigating"],
        determined=counts["determined"],
        findings=by_kind,
        cases_without_findings=without,
        orders=orders(landlord, period),
        referrals=referrals(landlord, period),
    )
