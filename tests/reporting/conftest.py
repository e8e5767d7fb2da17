"""Small fixtures for the reports, built through the case services, with every figure worked by hand in
the tests that use them. Great Places' timescales are the Code's, which keeps the hand-working short."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from putright.cases import services
from putright.cases.models import Case, Remedy, Stage
from putright.domain.lifecycle import Kind
from putright.organisations.models import HomesCount
from tests.factories import Org, at

D = date.fromisoformat
POINTS = [{"point": "The repair was late", "outcome_sought": "Repair it"}]


class Builder:
    """One landlord's complaints, moved through their steps by the services."""

    def __init__(self, org: Org) -> None:
        self.org = org
        self.landlord = org.landlord

    def log(self, received: str, time: str = "10:00", kind: Kind = Kind.COMPLAINT, **extra: object) -> Case:
        return services.feedback_log(
            landlord=self.landlord,
            actor=self.org.officer,
            kind=kind,
            channel=str(extra.pop("channel", "phone")),
            received_at=at(received, time),
            customer=self.org.customer,
            summary="Repair not done",
            description="The repair was promised and not done.",
            **extra,  # type: ignore[arg-type]
        )

    def acknowledge(self, case: Case, on: str, actor=None) -> None:
        services.complaint_acknowledge(
            landlord=self.landlord,
            actor=actor or self.org.manager,
            case_id=case.pk,
            acknowledged_on=D(on),
            definition=POINTS,
            responsible_for="Repairs",
        )

    def extend(self, case: Case, days: int, notified: str, justification: str = "none", actor=None) -> None:
        services.stage_extend(
            landlord=self.landlord,
            actor=actor or self.org.manager,
            case_id=case.pk,
            days=days,
            notified_on=D(notified),
            reason="Waiting for the contractor's report",
            justification=justification,
        )

    def respond(
        self, case: Case, on: str, outcome: str = "upheld", actor=None, offered: Decimal | None = None
    ) -> None:
        remedies = [services.RemedyInput("financial", "For the delay", offered)] if offered else None
        services.stage_respond(
            landlord=self.landlord,
            actor=actor or self.org.manager,
            case_id=case.pk,
            responded_on=D(on),
            outcome=outcome,
            summary="Our response",
            answers=[services.PointAnswer(p["point"], outcome, "Because.") for p in POINTS],
            remedies=remedies,
        )

    def escalate(self, case: Case, requested: str) -> None:
        services.escalation_request(
            landlord=self.landlord, actor=self.org.officer, case_id=case.pk, requested_at=at(requested)
        )

    def stage2(self, case: Case, requested: str, acknowledged: str) -> None:
        self.escalate(case, requested)
        services.stage2_assign_handler(
            landlord=self.landlord, actor=self.org.officer, case_id=case.pk, handler=self.org.director
        )
        self.acknowledge(case, acknowledged, actor=self.org.director)

    def handled(self, received: str, acknowledged: str, responded: str, **extra: object) -> Case:
        case = self.log(received, **extra)
        self.acknowledge(case, acknowledged)
        self.respond(case, responded)
        return case


@dataclass
class Year2025:
    """Great Places' complaints around the 2025/26 reporting year (1 April 2025 to 31 March 2026).

    A  received 31 Mar 2025 (the year before); acknowledged 2 Apr; responded 10 Apr 2025: on time (due 16 Apr)
    B  received 1 Apr 2025; acknowledged 3 Apr; responded 22 Apr: late (due 17 Apr, past Easter)
    C  received 2 Jun 2025; acknowledged 4 Jun (due 18 Jun); extended 10 WD on 16 Jun (due 2 Jul);
       responded 30 Jun: on time only when extensions count
    D  received 1 Sep 2025; acknowledged 2 Sep; responded 9 Sep; escalated 15 Sep; stage 2 acknowledged
       17 Sep (due 15 Oct); responded 14 Oct: on time at both stages
    E  received 10 Nov 2025; withdrawn 12 Nov
    F  received 1 Dec 2025; not accepted
    G  a service request received 5 Jan 2026
    J  received 12 Jan 2026; acknowledged 13 Jan; responded 20 Jan (on time); escalation requested 26 Jan and
       refused
    H  received 31 Mar 2026 at 23:30 (the last day of the year)
    I  received 1 Apr 2026 at 00:30 UK time (23:30 UTC on 31 March): the next year
    """

    build: Builder
    cases: dict[str, Case]


@pytest.fixture
def year2025(great, brighter) -> Year2025:
    return build_year2025(great, brighter)


def build_year2025(great: Org, brighter: Org) -> Year2025:
    """The `Year2025` cases, for fixtures that make their own landlords (the browser tests)."""
    b = Builder(great)
    c: dict[str, Case] = {}
    c["A"] = b.handled("2025-03-31", "2025-04-02", "2025-04-10")
    c["B"] = b.handled("2025-04-01", "2025-04-03", "2025-04-22")
    c["C"] = b.log("2025-06-02")
    b.acknowledge(c["C"], "2025-06-04")
    b.extend(c["C"], 10, "2025-06-16")
    b.respond(c["C"], "2025-06-30")
    c["D"] = b.handled("2025-09-01", "2025-09-02", "2025-09-09")
    b.stage2(c["D"], "2025-09-15", "2025-09-17")
    b.respond(c["D"], "2025-10-14", actor=great.director)
    c["E"] = b.log("2025-11-10")
    services.case_withdraw(
        landlord=great.landlord, actor=great.officer, case_id=c["E"].pk, on=D("2025-11-12"), reason="Sorted"
    )
    c["F"] = b.log("2025-12-01")
    services.complaint_not_accept(
        landlord=great.landlord,
        actor=great.officer,
        case_id=c["F"].pk,
        reason_code="neighbour-dispute",
        rationale="A dispute between neighbours under the tenancy agreement",
    )
    c["G"] = b.log("2026-01-05", kind=Kind.SERVICE_REQUEST)
    c["J"] = b.handled("2026-01-12", "2026-01-13", "2026-01-20")
    b.escalate(c["J"], "2026-01-26")
    services.escalation_refuse(
        landlord=great.landlord,
        actor=great.officer,
        case_id=c["J"].pk,
        reason_code="legal-proceedings",
        rationale="Court proceedings on the same matter have begun",
    )
    c["H"] = b.log("2026-03-31", "23:30")
    c["I"] = b.log("2026-04-01", "00:30")
    # Another landlord's complaint in the same year is never counted.
    Builder(brighter).handled("2025-06-02", "2025-06-03", "2025-06-04")
    HomesCount.objects.create(landlord=great.landlord, year_starting=2025, homes=1234)
    return Year2025(b, c)


def stage(case: Case, number: int = 1) -> Stage:
    return Stage.objects.get(case=case, number=number)


@pytest.fixture
def june(great, brighter) -> Builder:
    return build_june(great, brighter)


def build_june(great: Org, brighter: Org) -> Builder:
    """P1 complaint by email (Repairs, Property services, Acme) received 2 Jun; acknowledged 4 Jun (due 9 Jun);
         extended 10 WD on 16 Jun (respond by 2 Jul); responded 30 Jun, upheld, £150.00 offered
    P2 complaint by phone (Repairs, Property services) received 3 Jun; acknowledged 11 Jun (late: due 10 Jun);
         responded 20 Jun (due 25 Jun), not upheld
    P3 complaint by phone (Anti-social behaviour, Neighbourhoods) received 10 Jun; acknowledged 12 Jun;
         not answered by 30 Jun (due 26 Jun): overdue
    P4 a compliment received 5 Jun; P5 a service request received 6 Jun
    P6 complaint received 20 May; acknowledged 22 May; never answered (due 6 Jun, past the bank holiday): overdue
    P7 complaint received 1 Apr; answered 17 Apr offering £50.00; £25.00 paid on 10 Jun
    P8 complaint received 1 May, answered 9 May; escalated 2 Jun; stage 2 acknowledged 4 Jun (due 9 Jun);
         responded 27 Jun (due 2 Jul), partly upheld
    """
    b = Builder(great)
    p1 = b.log(
        "2025-06-02", channel="email", category="Repairs", service_area="Property services", contractor="Acme"
    )
    b.acknowledge(p1, "2025-06-04")
    b.extend(p1, 10, "2025-06-16")
    b.respond(p1, "2025-06-30", offered=Decimal("150.00"))
    p2 = b.log("2025-06-03", category="Repairs", service_area="Property services")
    b.acknowledge(p2, "2025-06-11")
    b.respond(p2, "2025-06-20", outcome="not_upheld")
    p3 = b.log("2025-06-10", category="Anti-social behaviour", service_area="Neighbourhoods")
    b.acknowledge(p3, "2025-06-12")
    b.log("2025-06-05", kind=Kind.COMPLIMENT)
    b.log("2025-06-06", kind=Kind.SERVICE_REQUEST)
    p6 = b.log("2025-05-20")
    b.acknowledge(p6, "2025-05-22")
    p7 = b.log("2025-04-01")
    b.acknowledge(p7, "2025-04-03")
    b.respond(p7, "2025-04-17", offered=Decimal("50.00"))
    remedy = Remedy.objects.get(stage__case=p7)
    services.remedy_pay(
        landlord=great.landlord,
        actor=great.officer,
        remedy_id=remedy.pk,
        amount=Decimal("25.00"),
        paid_on=D("2025-06-10"),
    )
    p8 = b.handled("2025-05-01", "2025-05-02", "2025-05-09")
    b.stage2(p8, "2025-06-02", "2025-06-04")
    b.respond(p8, "2025-06-27", outcome="partly_upheld", actor=great.director)
    # Another landlord's June complaint never appears.
    Builder(brighter).handled("2025-06-02", "2025-06-03", "2025-06-04")
    return b
