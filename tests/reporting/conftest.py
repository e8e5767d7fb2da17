"""Small fixtures for the reports, built through the case services, with every figure worked by hand in
the tests that use them. Great Places' timescales are the Code's, which keeps the hand-working short."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from putright.cases import services
from putright.cases.models import Case, Stage
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
