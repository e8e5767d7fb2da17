"""Demo cases: planned as stories in working days, then worked through the case services in date order.

Each story is a list of steps at working-day offsets from the day the case was received (day 0), worked
out from the landlord's policy profile: acknowledge within its time (mostly), extend before the deadline,
respond on time (mostly, with some breaches), escalate within the window (or late), and so on. Once the
story's length is known it is placed in the past so that its last step is no later than the last working
day before today: open cases are recent, finished ones are spread over the last fourteen months. Every
step of every case is then run in date order on the simulated clock, through the services only.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from putright.accounts.models import Role, User
from putright.cases import services
from putright.cases.models import AgreedAction, Case, Remedy, Stage
from putright.cases.services.closure import STAFF_SURVEY_SOURCES
from putright.customers.models import Channel, Customer, Representative
from putright.demo import texts
from putright.domain.calendar import WorkingCalendar, add_months
from putright.domain.errors import DomainError
from putright.domain.hazards import hazard_rules
from putright.domain.lifecycle import Kind
from putright.domain.periods import Base
from putright.domain.profiles import Profile
from putright.domain.time_limit import CODE_MONTHS, OVER_TIME_LIMIT
from putright.organisations.models import Landlord

if TYPE_CHECKING:
    from putright.demo.generate import LandlordSpec, People, SimulatedClock, Staff

LONDON = ZoneInfo("Europe/London")


class DemoError(Exception):
    """A service refused a step of a demo story: a bug in the generator, reported in one line."""


T = Customer.Type
RESIDENTIAL = (T.RESIDENT, T.MARKET_RENT)
OWNERS = (T.LEASEHOLDER, T.SHARED_OWNER)
TOPIC_CUSTOMERS: dict[str, tuple[str, ...]] = {
    "leak": RESIDENTIAL + OWNERS,
    "heating": RESIDENTIAL,
    "appointments": (*RESIDENTIAL, T.SHARED_OWNER),
    "damp": RESIDENTIAL,
    "asb": (*RESIDENTIAL, *OWNERS, T.NON_RESIDENT),
    "rent": (*RESIDENTIAL, T.FORMER_RESIDENT),
    "service-charge": OWNERS,
    "estate": (*RESIDENTIAL, *OWNERS, T.NON_RESIDENT),
    "grounds": (*RESIDENTIAL, *OWNERS, T.NON_RESIDENT),
    "contractor-conduct": RESIDENTIAL + OWNERS,
    "staff-conduct": (*RESIDENTIAL, T.APPLICANT, T.FORMER_RESIDENT),
    "lift": RESIDENTIAL + OWNERS,
    "adaptations": (T.RESIDENT,),
    "windows": RESIDENTIAL,
    "lettings": RESIDENTIAL,
}

MANAGER_FOR_TOPIC = {
    "leak": "repairs-manager",
    "heating": "repairs-manager",
    "appointments": "repairs-manager",
    "damp": "compliance-manager",
    "asb": "housing-services-manager",
    "rent": "income-manager",
    "service-charge": "income-manager",
    "estate": "estates-manager",
    "grounds": "estates-manager",
    "contractor-conduct": "repairs-manager",
    "staff-conduct": "housing-services-manager",
    "lift": "compliance-manager",
    "adaptations": "repairs-manager",
    "windows": "repairs-manager",
    "lettings": "housing-services-manager",
}
DIRECTOR_FOR_AREA = {
    "Repairs and maintenance": "property-director",
    "Damp and mould": "property-director",
    "Aids and adaptations": "property-director",
    "Customer service": "csd",
}

CHANNEL_WEIGHTS = {
    Channel.PHONE: 30,
    Channel.EMAIL: 24,
    Channel.WEB: 14,
    Channel.PORTAL: 11,
    Channel.IN_PERSON: 8,
    Channel.POST: 7,
    Channel.SOCIAL: 6,
}
DIGITAL = {Channel.EMAIL, Channel.WEB, Channel.PORTAL, Channel.SOCIAL}

# What is planned when the required stories are done, with weights (complaints about two thirds).
POOL: dict[str, int] = {
    "complaint:received": 5,
    "complaint:investigating": 10,
    "complaint:responded": 8,
    "complaint:esc_refused": 1,
    "complaint:requested": 4,
    "complaint:investigating2": 4,
    "complaint:responded2": 3,
    "complaint:closed1": 22,
    "complaint:closed2": 7,
    "complaint:not_accepted": 5,
    "complaint:withdrawn": 4,
    "complaint:no_contact": 2,
    "service_request:open": 3,
    "service_request:resolved": 5,
    "service_request:closed": 4,
    "service_request:converted": 2,
    "service_request:declined": 1,
    "compliment:open": 1,
    "compliment:passed_on": 2,
    "compliment:closed": 3,
    "comment:open": 1,
    "comment:acknowledged": 2,
    "comment:closed": 3,
    "feedback:open": 1,
    "feedback:resolved": 3,
    "feedback:converted": 2,
}

REQUIRED = (
    "complaint:received",
    "complaint:investigating_hazard",
    "complaint:investigating_ext",
    "complaint:responded_rich",
    "complaint:requested_late",
    "complaint:requested_assigned",
    "complaint:investigating2",
    "complaint:responded2",
    "complaint:closed1",
    "complaint:closed2",
    "complaint:not_accepted",
    "complaint:withdrawn",
    "complaint:no_contact",
    "complaint:no_contact_warned",
    "complaint:esc_refused",
    "service_request:open",
    "service_request:resolved",
    "service_request:closed",
    "service_request:converted",
    "compliment:passed_on",
    "compliment:closed",
    "comment:acknowledged",
    "comment:closed",
    "feedback:open",
    "feedback:resolved",
    "feedback:converted",
)
"""One of each, first, so that even a small demo has every state of every kind."""

NO_CONTACT_TARGETS = {"complaint:no_contact", "complaint:no_contact_warned"}


# -- plans -----------------------------------------------------------------------------------------------


@dataclass
class Run:
    """What a case's steps share while they are worked."""

    received_at: datetime
    at: datetime
    case: Case | None = None
    complaint: Case | None = None

    @property
    def day(self) -> date:
        return self.at.astimezone(LONDON).date()

    @property
    def the_complaint(self) -> Case:
        assert self.complaint is not None, "the complaint is made before any step that works it"
        return self.complaint

    @property
    def the_case(self) -> Case:
        assert self.case is not None, "the case is logged before any step that works it"
        return self.case


StepFn = Callable[[Run], None]


@dataclass(frozen=True)
class Step:
    offset: int
    fn: StepFn
    label: str
    optional: bool = False
    """Dropped if the story's age leaves it in the future."""


@dataclass
class Plan:
    key: str
    rng: random.Random
    channel: str
    steps: list[Step] = field(default_factory=list)
    age: tuple[int, int] = (1, 1)
    """Working days from day 0 to the newest day a step may fall on: the range to choose from."""
    cases: int = 1
    story: Story | None = None

    def add(self, offset: int, fn: StepFn, label: str, optional: bool = False) -> int:
        self.steps.append(Step(offset, fn, label, optional))
        return offset

    @property
    def last(self) -> int:
        return max(s.offset for s in self.steps if not s.optional)


@dataclass(frozen=True)
class Scheduled:
    at: datetime
    plan_no: int
    step_no: int
    step: Step
    run: Run


class Story:
    """The words of one case and the people in it, filled in once its dates are known."""

    def __init__(self, rng: random.Random, blanks: dict[str, str]) -> None:
        self.rng = rng
        self.blanks = blanks
        self.month_back = rng.randint(35, 120)

    def received(self, day: date) -> None:
        self.blanks["month"] = (day - timedelta(days=self.month_back)).strftime("%B")

    def fmt(self, text: str) -> str:
        return text.format_map(self.blanks)


@dataclass
class ComplaintStory:
    """Everything about a complaint decided before its dates are: topic, customer, handlers, outcomes."""

    story: Story
    topic: texts.Topic
    customer: Customer
    representative: Representative | None
    group: tuple[Customer, ...]
    points: list[tuple[str, str]]
    handler1: User
    handler2: User
    contractor: str
    outcome1: str
    outcome2: str
    actions1: list[tuple[str, str, int]]
    """(description, owner role, due in calendar days from the response)"""
    actions2: list[tuple[str, str, int]]
    remedies1: list[tuple[str, str, int]]
    remedies2: list[tuple[str, str, int]]
    colleague: str = ""
    variant: int = 0
    """Which of the topic's summaries and descriptions (they pair up)"""
    summary_override: tuple[str, str, str] | None = None
    """(service area, summary, description) of a complaint not accepted"""
    reason_code: str = ""


# -- the generator ---------------------------------------------------------------------------------------


class CaseGenerator:
    def __init__(
        self,
        *,
        landlord: Landlord,
        spec: LandlordSpec,
        staff: Staff,
        people: People,
        rng: random.Random,
        anchor: date,
        calendar: WorkingCalendar,
        profile: Profile,
    ) -> None:
        self.landlord = landlord
        self.spec = spec
        self.staff = staff
        self.people = people
        self.rng = rng
        self.calendar = calendar
        self.profile = profile
        # The newest day anything happens on: the last working day before today.
        day = anchor
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        self.anchor = day
        first = self.anchor - timedelta(days=560)
        self.workdays = [
            first + timedelta(days=i)
            for i in range((self.anchor - first).days + 1)
            if calendar.is_working_day(first + timedelta(days=i))
        ]
        window_start = self.anchor - timedelta(days=425)  # about fourteen months
        self.max_age = sum(1 for d in self.workdays if d > window_start)
        p = profile
        self.A1, self.R1, self.base1 = (
            p.stage1.acknowledge.amount,
            p.stage1.respond.amount,
            p.stage1.respond.base,
        )
        stage2 = p.stage(2)
        self.A2, self.R2, self.base2 = stage2.acknowledge.amount, stage2.respond.amount, stage2.respond.base
        self.W = p.escalation.window.amount if p.escalation.window else None
        self.NC = p.no_contact.closure.amount if p.no_contact.closure else None
        self.stage1_by_manager = "manager" in p.stage1.handler.lower()
        self.exclusions = [e.code for e in p.exclusions if e.code in texts.NOT_ACCEPTED]
        hazard = hazard_rules().hazard("damp-mould")
        self.hazard_from = hazard.applies_from
        self.hazard_nation = hazard_rules().calendar
        self.officers = staff.role(Role.FEEDBACK_OFFICER)
        self.housing_managers = staff.role(Role.HOUSING_MANAGER)

    # -- running ---------------------------------------------------------------------------------------

    def run(self, cases: int, clock: SimulatedClock) -> int:
        plans: list[Plan] = []
        planned = 0
        required = [k for k in REQUIRED if self.NC or k not in NO_CONTACT_TARGETS]
        keys = list(POOL if self.NC else {k: w for k, w in POOL.items() if "no_contact" not in k})
        weights = [POOL[k] for k in keys]
        while planned < cases:
            key = required.pop(0) if required else self.rng.choices(keys, weights)[0]
            plan = self.plan(key, random.Random(self.rng.getrandbits(64)))
            plans.append(plan)
            planned += plan.cases
        queue: list[Scheduled] = []
        for number, plan in enumerate(plans):
            queue.extend(self.schedule(number, plan))
        queue.extend(self.customer_events())
        queue.sort(key=lambda s: (s.at, s.plan_no, s.step_no))
        plans_by_no = dict(enumerate(plans))
        for item in queue:
            clock.at = item.at
            item.run.at = item.at
            try:
                item.step.fn(item.run)
            except DomainError as exc:
                key = plans_by_no[item.plan_no].key if item.plan_no >= 0 else "customer records"
                raise DemoError(
                    f"{self.landlord.slug}: story {item.plan_no} ({key}), step {item.step.label!r} on "
                    f"{item.at:%Y-%m-%d %H:%M}: {exc}"
                ) from exc
        return Case.objects.filter(landlord=self.landlord).count()

    def schedule(self, number: int, plan: Plan) -> list[Scheduled]:
        rng = plan.rng
        lo, hi = plan.age
        lo = max(lo, plan.last)
        hi = max(lo, min(hi, self.max_age))
        age = rng.randint(lo, hi)
        day0 = self.workdays[-1 - age]
        # Digital channels also bring feedback in at weekends.
        if plan.channel in DIGITAL and day0.weekday() == 0 and rng.random() < 0.35:
            day0 -= timedelta(days=rng.choice((1, 2)))
        received_at = self._received_moment(rng, day0, plan.channel)
        if plan.story is not None:
            plan.story.received(day0)
        run = Run(received_at=received_at, at=received_at)
        steps = [s for s in plan.steps if not s.optional or s.offset <= age]
        order = sorted(range(len(steps)), key=lambda i: (steps[i].offset, i))
        previous = received_at
        result = []
        for step_no in order:
            step = steps[step_no]
            if step.offset == 0 and step_no == order[0]:
                at = self._logged_moment(rng, received_at)
            else:
                day = day0 if step.offset == 0 else self.calendar.working_day(day0, step.offset)
                at = datetime.combine(day, time(8, 30), tzinfo=LONDON) + timedelta(
                    minutes=rng.randint(0, 540)
                )
            at = max(at, previous + timedelta(minutes=rng.randint(3, 25)))
            previous = at
            result.append(Scheduled(at, number, step_no, step, run))
        return result

    def _received_moment(self, rng: random.Random, day: date, channel: str) -> datetime:
        if channel in (Channel.PHONE, Channel.IN_PERSON):
            minutes = rng.randint(8 * 60 + 30, 17 * 60)
        elif channel == Channel.POST:
            minutes = rng.randint(9 * 60, 11 * 60 + 30)
        elif rng.random() < 0.35 or not self.calendar.is_working_day(day):
            minutes = rng.choice((rng.randint(6 * 60 + 30, 8 * 60), rng.randint(18 * 60, 23 * 60)))
        else:
            minutes = rng.randint(8 * 60, 18 * 60)
        return datetime.combine(day, time(0, 0), tzinfo=LONDON) + timedelta(minutes=minutes)

    def _logged_moment(self, rng: random.Random, received_at: datetime) -> datetime:
        day = received_at.date()
        opens = datetime.combine(day, time(8, 30), tzinfo=LONDON)
        closes = datetime.combine(day, time(17, 30), tzinfo=LONDON)
        if self.calendar.is_working_day(day) and opens <= received_at <= closes:
            return received_at + timedelta(minutes=rng.randint(2, 50))
        if self.calendar.is_working_day(day) and received_at < opens:
            return opens + timedelta(minutes=rng.randint(5, 90))
        following = self.calendar.working_day(day, 1)
        return datetime.combine(following, time(8, 35), tzinfo=LONDON) + timedelta(
            minutes=rng.randint(0, 100)
        )

    def customer_events(self) -> list[Scheduled]:
        """Adjustments, disclosures and the contact restriction, each on its own date."""
        result = []
        for number, (at, fn) in enumerate(sorted(self.people.events, key=lambda e: e[0])):

            def step(run: Run, fn: Callable[[], object] = fn) -> None:
                fn()

            result.append(Scheduled(at, -1, number, Step(0, step, "customer record"), Run(at, at)))
        return result

    # -- choosing --------------------------------------------------------------------------------------

    def plan(self, key: str, rng: random.Random) -> Plan:
        kind, target = key.split(":")
        if kind == "complaint":
            return self.complaint_plan(key, target, rng)
        if kind == "service_request":
            return self.service_request_plan(key, target, rng)
        if kind == "compliment":
            return self.compliment_plan(key, target, rng)
        if kind == "comment":
            return self.comment_plan(key, target, rng)
        return self.feedback_plan(key, target, rng)

    def _channel(self, rng: random.Random) -> str:
        return str(rng.choices(list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values()))[0])

    def _user(self, key: str) -> User:
        return self.staff.by_key[key]

    def _officer(self, rng: random.Random) -> User:
        return rng.choice(self.officers)

    def _logger(self, rng: random.Random, channel: str) -> tuple[User, str]:
        """Who logs feedback from this channel, and who received it if someone else did."""
        if channel in (Channel.WEB, Channel.PORTAL) and rng.random() < 0.5:
            return self.staff.integration, ""
        if channel == Channel.IN_PERSON:
            if rng.random() < 0.6:
                return rng.choice(self.housing_managers), ""
            operative, contractor = rng.choice(texts.OPERATIVES), rng.choice(texts.CONTRACTORS["repairs"])
            return self._officer(rng), f"{operative}, {contractor} operative, during a repair visit"
        if rng.random() < 0.1:
            return self._user(rng.choice(["repairs-team-leader", "neighbourhood-team-leader"])), ""
        return self._officer(rng), ""

    def _customer(self, rng: random.Random, types: tuple[str, ...]) -> Customer:
        pool = [c for t in types for c in self.people.by_type.get(t, [])]
        return rng.choice(pool or self.people.by_type[T.RESIDENT] or self.people.customers)

    def _topic(self, rng: random.Random, key: str | None = None, need_request: bool = False) -> texts.Topic:
        topics = [t for t in texts.TOPICS if not need_request or t.service_request[0]]
        if key:
            return next(t for t in topics if t.key == key)
        return rng.choices(topics, [texts.TOPIC_WEIGHTS[t.key] for t in topics])[0]

    def _blanks(self, rng: random.Random, topic: texts.Topic | None) -> dict[str, str]:
        contractor = ""
        if topic is not None and topic.contractor_group:
            contractor = rng.choice(texts.CONTRACTORS[topic.contractor_group])
        return {
            "room": rng.choice(texts.ROOMS),
            "weeks": str(rng.randint(3, 14)),
            "days": str(rng.randint(3, 12)),
            "contractor": contractor or "our contractor",
            "operative": rng.choice(texts.OPERATIVES),
            "officer": str(rng.choice(self.housing_managers)),
            "street": f"{rng.choice(texts.STREET_NAMES)} {rng.choice(texts.STREET_TYPES)}",
            "floor": rng.choice(("third", "fifth", "seventh", "ninth")),
            "door": str(rng.randint(2, 60)),
            "amount": f"{rng.randint(4, 60) * 25}",
            "child_age": str(rng.randint(1, 9)),
            "month": "March",
            "colleague": "",
        }

    # -- complaints ------------------------------------------------------------------------------------

    def complaint_story(self, rng: random.Random, topic_key: str | None = None) -> ComplaintStory:
        topic = self._topic(rng, topic_key)
        story = Story(rng, self._blanks(rng, topic))
        customer = self._customer(rng, TOPIC_CUSTOMERS[topic.key])
        reps = self.people.representatives.get(customer.pk, [])
        representative = rng.choice(reps) if reps and rng.random() < 0.7 else None
        group: tuple[Customer, ...] = ()
        if topic.key in ("estate", "grounds", "asb", "lift") and rng.random() < 0.15:
            others = [c for c in self.people.by_type[T.RESIDENT] if c.pk != customer.pk]
            group = tuple(rng.sample(others, min(len(others), rng.randint(1, 2))))
        count = min(rng.choice((1, 2, 2, 3)), len(topic.points))
        points = [topic.points[i] for i in sorted(rng.sample(range(len(topic.points)), count))]
        variant = rng.randrange(len(topic.summaries))
        manager = self._user(MANAGER_FOR_TOPIC[topic.key])
        if self.stage1_by_manager:
            handler1 = self._user("housing-director") if rng.random() < 0.1 else manager
        else:
            handler1 = self._officer(rng) if rng.random() < 0.7 else manager
        director = self._user(DIRECTOR_FOR_AREA.get(topic.service_area, "housing-director"))
        handler2 = director if director.pk != handler1.pk else self._user("csd")
        outcome1 = rng.choices(("upheld", "partly_upheld", "not_upheld"), (35, 35, 30))[0]
        outcome2 = rng.choices(("upheld", "partly_upheld", "not_upheld"), (25, 40, 35))[0]
        colleague = ""
        if topic.key == "staff-conduct":
            colleague = story.blanks["officer"]
        return ComplaintStory(
            story=story,
            topic=topic,
            customer=customer,
            representative=representative,
            group=group,
            points=points,
            handler1=handler1,
            handler2=handler2,
            contractor=story.blanks["contractor"] if topic.contractor_group else "",
            outcome1=outcome1,
            outcome2=outcome2,
            actions1=self._actions(rng, topic, outcome1),
            actions2=self._actions(rng, topic, outcome2) if outcome2 != "not_upheld" else [],
            remedies1=self._remedies(rng, topic, outcome1),
            remedies2=self._remedies(rng, topic, outcome2),
            colleague=colleague,
            variant=variant,
        )

    def _actions(self, rng: random.Random, topic: texts.Topic, outcome: str) -> list[tuple[str, str, int]]:
        if outcome == "not_upheld" and rng.random() < 0.8:
            return []
        count = rng.randint(1, min(2, len(topic.actions)))
        return [(d, role, rng.randint(10, 42)) for d, role in rng.sample(list(topic.actions), count)]

    def _remedies(self, rng: random.Random, topic: texts.Topic, outcome: str) -> list[tuple[str, str, int]]:
        if outcome == "not_upheld":
            return [("explanation", "A full explanation of our findings", 0)] if rng.random() < 0.4 else []
        remedies = list(topic.remedies)
        if outcome == "partly_upheld":
            remedies = rng.sample(remedies, min(len(remedies), rng.randint(1, 2)))
        return [(t, d, max(0, a + rng.randint(-4, 6) * 5) if a else 0) for t, d, a in remedies]

    def complaint_plan(self, key: str, target: str, rng: random.Random) -> Plan:
        plan = Plan(key, rng, self._channel(rng))
        if target == "not_accepted":
            code = rng.choice(self.exclusions)
            cs = self.complaint_story(rng)
            cs.summary_override = texts.NOT_ACCEPTED[code][:3]
            cs.reason_code = code
            cs.topic = self._topic(rng, "leak")
        else:
            cs = self.complaint_story(rng, "damp" if target == "investigating_hazard" else None)
        if target == "responded_rich":  # upheld, with remedies and agreed actions
            cs.outcome1 = "upheld"
            cs.actions1 = self._actions(rng, cs.topic, "upheld")
            cs.remedies1 = self._remedies(rng, cs.topic, "upheld")
        plan.story = cs.story
        plan.add(
            0,
            self._log_complaint(cs, plan.channel, rng, force_hazard=target == "investigating_hazard"),
            "log",
        )
        self._complaint_steps(plan, cs, rng, target, start=0)
        return plan

    def _complaint_steps(
        self, plan: Plan, cs: ComplaintStory, rng: random.Random, target: str, start: int
    ) -> None:
        """Add a complaint's steps from `start` (the day it was made) to `target`, and its age range."""
        A1, A2 = self.A1, self.A2
        spread = self.max_age
        t = start
        if target == "received":
            lo = t + 1
            if rng.random() < 0.3:
                lo = plan.add(t + 1, self._clarify(cs, rng), "clarification")
            plan.age = (t + A1 + 1, t + A1 + 6) if rng.random() < 0.25 else (lo, t + A1 - 1)
            return
        if target == "not_accepted":
            plan.age = (plan.add(t + rng.randint(1, A1), self._not_accept(cs, rng), "not accepted"), spread)
            return
        where = rng.choice(("received", "investigating", "requested", "investigating2"))
        if target == "withdrawn" and where == "received":
            plan.age = (plan.add(t + rng.randint(1, A1), self._withdraw(rng), "withdrawn"), spread)
            return

        # Stage 1: acknowledged within the policy's time, mostly.
        late_ack = rng.random() < 0.08
        on_time = list(range(1, A1 + 1))
        a = t + (
            rng.randint(A1 + 1, A1 + 4)
            if late_ack
            else rng.choices(on_time, [max(4, 30 - 6 * i) for i in range(A1)])[0]
        )
        if a > t + 1 and rng.random() < 0.12:
            plan.add(t + 1, self._clarify(cs, rng), "clarification")
        plan.add(a, self._acknowledge(cs, 1, rng), "stage 1 acknowledged")
        if cs.topic.hazard:
            self._hazard_steps(plan, cs, rng, t)
        d1 = (a if self.base1 in (Base.LOGGED, Base.ACKNOWLEDGED) else t) + self.R1
        if rng.random() < 0.12:
            plan.add(a + rng.randint(1, 3), self._add_issue(cs, rng), "issue added", optional=True)

        if (
            target.startswith("investigating") and target != "investigating2"
        ) or target == "no_contact_warned":
            variant = {
                "investigating_ext": "ext",
                "investigating_hazard": "plain",
                "no_contact_warned": "warned",
            }.get(target) or rng.choices(
                ("plain", "overdue", "ext", "late_notice", "warned"), (45, 15, 25, 5, 10 if self.NC else 0)
            )[0]
            if variant == "ext":
                e = max(a, d1 - rng.randint(0, 3))
                days = rng.randint(5, 10)
                plan.add(e, self._extend(cs, 1, days, rng), "stage 1 extended")
                plan.age = (e + 1, d1 + days - 1)
            elif variant == "late_notice":
                e = plan.add(
                    d1 + rng.randint(1, 3), self._extend(cs, 1, rng.randint(5, 10), rng), "late extension"
                )
                plan.age = (e + 1, e + 5)
            elif variant == "warned" and self.NC:
                w = plan.add(a + rng.randint(2, 5), self._warn_no_contact(cs), "no-contact letter")
                plan.age = (w + 1, w + self.NC - 1)
            elif variant == "overdue":
                plan.age = (d1 + 1, d1 + 8)
            else:
                plan.age = (a + 1, d1 - 1)
            return
        if target == "withdrawn" and where == "investigating":
            plan.age = (plan.add(rng.randint(a + 1, d1), self._withdraw(rng), "withdrawn"), spread)
            return
        if target == "no_contact" and self.NC:
            w = plan.add(a + rng.randint(2, 5), self._warn_no_contact(cs), "no-contact letter")
            c = plan.add(w + self.NC + rng.randint(1, 4), self._close_no_contact(), "closed: no contact")
            plan.age = (c, spread)
            return

        # The stage 1 response: on time mostly; some extended first; some late.
        e = a
        if rng.random() < 0.18:
            e = max(a, d1 - rng.randint(0, 3))
            days = rng.randint(5, 10)
            plan.add(e, self._extend(cs, 1, days, rng), "stage 1 extended")
            d1 += days
        if rng.random() < 0.1:
            r = d1 + rng.randint(1, 6)
        else:
            r = max(a + 1, e, d1 - rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 6)))
        plan.add(r, self._respond(cs, 1), "stage 1 response")
        if any(a for _t, _d, a in cs.remedies1):
            plan.add(r + rng.randint(3, 15), self._pay(cs, 1), "compensation paid", optional=True)

        if target in ("responded", "responded_rich"):
            last = r + 1
            for i in range(len(cs.actions1)):
                if target == "responded_rich" and i == 0:
                    last = plan.add(r + rng.randint(2, 8), self._complete(cs, 1, i), "action completed")
                elif rng.random() < 0.5:
                    plan.add(
                        r + rng.randint(3, 25), self._complete(cs, 1, i), "action completed", optional=True
                    )
            plan.age = (last, r + 35)
            return
        if target == "closed1":
            done = sorted(r + rng.randint(2, 15) for _ in cs.actions1)
            for i, offset in enumerate(done):
                plan.add(offset, self._complete(cs, 1, i), "action completed")
            c = max([r + (self.W or 15) + 1, *done]) + rng.randint(0, 8)
            plan.add(c, self._close(cs, rng), "closed")
            last = c
            if rng.random() < 0.6:
                last = plan.add(c + rng.randint(2, 10), self._satisfaction(cs.outcome1, rng), "satisfaction")
            plan.age = (last, spread)
            return

        # Escalation to stage 2: within the window mostly, some late.
        window = self.W or 20
        late_request = bool(self.W) and (
            target == "requested_late" or (target == "requested" and rng.random() < 0.25)
        )
        q = r + (rng.randint(window + 1, window + 12) if late_request else rng.randint(1, window - 1))
        for i in range(len(cs.actions1)):
            if rng.random() < 0.6:
                plan.add(r + rng.randint(5, 30), self._complete(cs, 1, i), "action completed", optional=True)
        plan.add(q, self._request(cs, rng), "stage 2 requested")
        if target == "esc_refused":
            plan.age = (plan.add(q + rng.randint(0, 2), self._refuse(rng), "escalation refused"), spread)
            return
        if target == "withdrawn" and where == "requested":
            plan.age = (plan.add(q + rng.randint(1, 3), self._withdraw(rng), "withdrawn"), spread)
            return
        assign_at = q + rng.randint(0, 1)
        if target in ("requested", "requested_late", "requested_assigned"):
            assigned = target == "requested_assigned" or (target == "requested" and rng.random() < 0.5)
            lo = q
            if assigned:
                lo = plan.add(assign_at, self._assign(cs), "stage 2 handler assigned")
            overdue = (target == "requested_late" and not self.W) or (
                target == "requested" and rng.random() < 0.3
            )
            plan.age = (q + A2 + 1, q + A2 + 6) if overdue else (lo, q + A2 - 1)
            return

        plan.add(assign_at, self._assign(cs), "stage 2 handler assigned")
        a2 = max(assign_at, q + (A2 + rng.randint(1, 3) if rng.random() < 0.1 else rng.randint(1, A2)))
        plan.add(a2, self._acknowledge(cs, 2, rng), "stage 2 acknowledged")
        d2 = (a2 if self.base2 in (Base.LOGGED, Base.ACKNOWLEDGED) else q) + self.R2
        if target == "withdrawn":
            plan.age = (plan.add(rng.randint(a2 + 1, d2), self._withdraw(rng), "withdrawn"), spread)
            return
        if target == "investigating2":
            v = rng.random()
            if v < 0.3:
                e2 = max(a2, d2 - rng.randint(0, 3))
                days = rng.randint(5, 10)
                plan.add(e2, self._extend(cs, 2, days, rng), "stage 2 extended")
                plan.age = (e2 + 1, d2 + days - 1)
            elif v < 0.45:
                plan.age = (d2 + 1, d2 + 6)
            else:
                plan.age = (a2 + 1, d2 - 1)
            return
        e2 = a2
        if rng.random() < 0.15:
            e2 = max(a2, d2 - rng.randint(0, 3))
            days = rng.randint(5, 10)
            plan.add(e2, self._extend(cs, 2, days, rng), "stage 2 extended")
            d2 += days
        r2 = d2 + rng.randint(1, 5) if rng.random() < 0.1 else max(a2 + 1, e2, d2 - rng.randint(0, 8))
        plan.add(r2, self._respond(cs, 2), "stage 2 response")
        if any(a for _t, _d, a in cs.remedies2):
            plan.add(r2 + rng.randint(3, 15), self._pay(cs, 2), "compensation paid", optional=True)
        for i in range(len(cs.actions2)):
            if rng.random() < 0.6 or target == "closed2":
                plan.add(r2 + rng.randint(3, 25), self._complete(cs, 2, i), "action completed", optional=True)
        if target == "responded2":
            plan.age = (r2 + 1, r2 + 25)
            return
        c = plan.add(r2 + rng.randint(2, 15), self._close(cs, rng), "closed")
        last = c
        if rng.random() < 0.65:
            last = plan.add(c + rng.randint(2, 10), self._satisfaction(cs.outcome2, rng), "satisfaction")
        plan.age = (last, spread)

    # -- complaint steps -------------------------------------------------------------------------------

    def _log_complaint(
        self, cs: ComplaintStory, channel: str, rng: random.Random, force_hazard: bool = False
    ) -> StepFn:
        logger, received_by = self._logger(rng, channel)
        issue_back = rng.randint(7, 120) if rng.random() < 0.6 else None
        hazard_wanted = force_hazard or rng.random() < 0.8
        vulnerable = cs.customer.pk in self.people.vulnerable or (
            bool(cs.topic.vulnerability_notes) and rng.random() < 0.35
        )
        note = self.people.vulnerable.get(cs.customer.pk) or (
            rng.choice(cs.topic.vulnerability_notes) if cs.topic.vulnerability_notes else ""
        )
        # Outside the Code's 12-month floor too, so refusing it as over the time limit is open to the services.
        limit_months = max(self.profile.time_limit.months, CODE_MONTHS)
        over_by = rng.randint(2, 8)

        def step(run: Run) -> None:
            s = cs.story
            received = run.received_at.astimezone(LONDON).date()
            if cs.summary_override:
                area, summary, description = cs.summary_override
                category = "Outside the complaints policy"
                issue_date: date | None = None
                if cs.reason_code == OVER_TIME_LIMIT:
                    issue_date = add_months(received, -(limit_months + over_by))
                elif issue_back:
                    issue_date = received - timedelta(days=min(issue_back, 60))
                kwargs: dict[str, object] = {"service_area": area, "category": category}
            else:
                summary = s.fmt(cs.topic.summaries[cs.variant])
                description = s.fmt(cs.topic.descriptions[cs.variant % len(cs.topic.descriptions)])
                issue_date = received - timedelta(days=issue_back) if issue_back else None
                hazard = (
                    cs.topic.hazard
                    if cs.topic.hazard
                    and hazard_wanted
                    and self.landlord.nation == self.hazard_nation
                    and received >= self.hazard_from
                    else ""
                )
                kwargs = {
                    "service_area": cs.topic.service_area,
                    "category": cs.topic.category,
                    "contractor": cs.contractor,
                    "colleagues_named": cs.colleague,
                    "about_colleague": bool(cs.colleague),
                    "vulnerability": vulnerable,
                    "vulnerability_note": s.fmt(note) if vulnerable else "",
                    "hazard_kind": hazard,
                    "group_customers": cs.group,
                }
            run.complaint = services.feedback_log(
                landlord=self.landlord,
                actor=logger,
                kind=Kind.COMPLAINT,
                channel=channel,
                received_at=run.received_at,
                customer=cs.customer,
                representative=cs.representative,
                received_by=received_by,
                summary=summary,
                description=description,
                issue_date=issue_date,
                **kwargs,  # type: ignore[arg-type]
            )
            run.case = run.case or run.complaint

        return step

    def _clarify(self, cs: ComplaintStory, rng: random.Random) -> StepFn:
        reached = rng.random() < 0.6
        officer = self._officer(rng)

        def step(run: Run) -> None:
            services.stage_record_clarification(
                landlord=self.landlord,
                actor=officer,
                case_id=run.the_complaint.pk,
                at=run.at,
                channel=Channel.PHONE,
                reached=reached,
                note="Talked through what went wrong and what would put it right"
                if reached
                else "No answer; voicemail left asking the customer to call back",
            )

        return step

    def _acknowledge(self, cs: ComplaintStory, number: int, rng: random.Random) -> StepFn:
        actor = self._officer(rng) if number == 1 else cs.handler2
        extra = rng.random() < 0.5

        def step(run: Run) -> None:
            s = cs.story
            if number == 1:
                definition = [{"point": s.fmt(p), "outcome_sought": s.fmt(o)} for p, o in cs.points]
            else:
                stage1 = Stage.objects.get(case=run.the_complaint, number=1)
                definition = list(stage1.definition)
                if extra:
                    definition.append(
                        {
                            "point": "The stage 1 response did not put things right",
                            "outcome_sought": "A review of the stage 1 decision and remedy",
                        }
                    )
            services.complaint_acknowledge(
                landlord=self.landlord,
                actor=actor,
                case_id=run.the_complaint.pk,
                acknowledged_on=run.day,
                definition=definition,
                responsible_for=s.fmt(cs.topic.responsible_for),
                not_responsible_for=s.fmt(cs.topic.not_responsible_for),
                handler=cs.handler1 if number == 1 else None,
            )

        return step

    def _add_issue(self, cs: ComplaintStory, rng: random.Random) -> StepFn:
        extra = rng.choice(texts.ADDITIONAL_ISSUES)

        def step(run: Run) -> None:
            services.complaint_add_issue(
                landlord=self.landlord,
                actor=cs.handler1,
                case_id=run.the_complaint.pk,
                point=extra[0],
                outcome_sought=extra[1],
                related=True,
            )

        return step

    def _extend(self, cs: ComplaintStory, number: int, days: int, rng: random.Random) -> StepFn:
        rules = self.profile.stage(number).extension
        if rules.agreement_above is not None and days > rules.agreement_above:
            justification = "agreed"
        elif days > rules.good_reason_above or rng.random() < 0.6:
            justification = "good-reason"
        else:
            justification = "none"
        reasons = texts.EXTENSION_REASONS
        reason = rng.choice(
            reasons.get(cs.topic.key) or (reasons["contractor"] if cs.contractor else ()) + reasons["default"]
        )

        def step(run: Run) -> None:
            services.stage_extend(
                landlord=self.landlord,
                actor=cs.handler1 if number == 1 else cs.handler2,
                case_id=run.the_complaint.pk,
                days=days,
                notified_on=run.day,
                reason=cs.story.fmt(reason),
                justification=justification,
            )

        return step

    def _warn_no_contact(self, cs: ComplaintStory) -> StepFn:
        def step(run: Run) -> None:
            services.complaint_warn_no_contact(
                landlord=self.landlord, actor=cs.handler1, case_id=run.the_complaint.pk, letter_on=run.day
            )

        return step

    def _close_no_contact(self) -> StepFn:
        officer = self.officers[0]

        def step(run: Run) -> None:
            services.complaint_close_no_contact(
                landlord=self.landlord, actor=officer, case_id=run.the_complaint.pk, on=run.day
            )

        return step

    def _respond(self, cs: ComplaintStory, number: int) -> StepFn:
        outcome = cs.outcome1 if number == 1 else cs.outcome2
        actions = cs.actions1 if number == 1 else cs.actions2
        remedies = cs.remedies1 if number == 1 else cs.remedies2
        actor = cs.handler1 if number == 1 else cs.handler2
        owners = {
            "housing_manager": self.housing_managers[0 if cs.customer.pk % 2 else 1],
            "investigating_manager": self._user(MANAGER_FOR_TOPIC[cs.topic.key]),
        }

        def step(run: Run) -> None:
            s, topic = cs.story, cs.topic
            stage = Stage.objects.get(case=run.the_complaint, number=number)
            answers = []
            for i, item in enumerate(stage.definition):
                decision = outcome
                if outcome == "partly_upheld" and len(stage.definition) > 1:
                    decision = "upheld" if i == 0 else "not_upheld"
                reasons = topic.upheld_reasons if decision != "not_upheld" else topic.not_upheld_reasons
                answers.append(
                    services.PointAnswer(item["point"], decision, s.fmt(reasons[i % len(reasons)]))
                )
            summary_index = ("upheld", "partly_upheld", "not_upheld").index(outcome)
            services.stage_respond(
                landlord=self.landlord,
                actor=actor,
                case_id=run.the_complaint.pk,
                responded_on=run.day,
                outcome=outcome,
                answers=answers,
                summary=s.fmt(topic.responses[summary_index])
                + (
                    ""
                    if number == 1
                    else " This is our final response: you may now refer the complaint to "
                    "the Housing Ombudsman."
                ),
                remedies=[
                    services.RemedyInput(t, s.fmt(d), Decimal(a) if a else None) for t, d, a in remedies
                ],
                actions=[
                    services.ActionInput(s.fmt(d), owners[role], run.day + timedelta(days=due))
                    for d, role, due in actions
                ],
            )

        return step

    def _complete(self, cs: ComplaintStory, number: int, index: int) -> StepFn:
        def step(run: Run) -> None:
            actions = list(
                AgreedAction.objects.filter(stage__case=run.the_complaint, stage__number=number).order_by(
                    "id"
                )
            )
            if index >= len(actions) or actions[index].completed_on:
                return
            action = actions[index]
            services.action_complete(
                landlord=self.landlord,
                actor=self._worker(cs, action.owner),
                action_id=action.pk,
                completed_on=run.day,
                note="Completed and checked with the customer",
            )

        return step

    def _worker(self, cs: ComplaintStory, usual: User) -> User:
        """Who completes agreed actions and payments: usually `usual`; for a complaint about a colleague,
        which only the feedback team and the case's handler may see, a feedback officer."""
        return self.officers[0] if cs.colleague else usual

    def _hazard_steps(self, plan: Plan, cs: ComplaintStory, rng: random.Random, t: int) -> None:
        """Awaab's Law: investigate (within 10 working days, mostly), then the duties that run from it."""
        concluded = t + (rng.randint(11, 14) if rng.random() < 0.1 else rng.randint(3, 9))
        plan.add(concluded, self._hazard_conclude(cs), "hazard investigation concluded", optional=True)
        for duty, lo, hi in (("summary", 1, 3), ("make_safe", 1, 6), ("further_work_start", 2, 5)):
            if rng.random() < 0.85:
                plan.add(concluded + rng.randint(lo, hi), self._hazard_duty(cs, duty), duty, optional=True)

    def _hazard_conclude(self, cs: ComplaintStory) -> StepFn:
        manager = self._user(MANAGER_FOR_TOPIC[cs.topic.key])

        def step(run: Run) -> None:
            case = run.the_complaint
            case.refresh_from_db(fields=["hazard_kind"])
            if not case.hazard_kind:
                return  # no hazard clock: received before Awaab's Law applied, or outside England
            services.hazard_investigation_conclude(
                landlord=self.landlord, actor=manager, case_id=case.pk, concluded_on=run.day
            )
            services.hazard_duty_complete(
                landlord=self.landlord, actor=manager, case_id=case.pk, duty="investigate", done_on=run.day
            )

        return step

    def _hazard_duty(self, cs: ComplaintStory, duty: str) -> StepFn:
        manager = self._user(MANAGER_FOR_TOPIC[cs.topic.key])

        def step(run: Run) -> None:
            case = run.the_complaint
            case.refresh_from_db(fields=["hazard_due", "hazard_done"])
            if duty not in case.hazard_due or duty in case.hazard_done:
                return
            services.hazard_duty_complete(
                landlord=self.landlord, actor=manager, case_id=case.pk, duty=duty, done_on=run.day
            )

        return step

    def _pay(self, cs: ComplaintStory, number: int) -> StepFn:
        payer = self._worker(cs, self._user("income-manager"))

        def step(run: Run) -> None:
            remedies = Remedy.objects.filter(
                stage__case=run.the_complaint,
                stage__number=number,
                compensation_offered__isnull=False,
                paid_on__isnull=True,
            ).order_by("id")
            for remedy in remedies:
                assert remedy.compensation_offered is not None
                services.remedy_pay(
                    landlord=self.landlord,
                    actor=payer,
                    remedy_id=remedy.pk,
                    amount=remedy.compensation_offered,
                    paid_on=run.day,
                )

        return step

    def _request(self, cs: ComplaintStory, rng: random.Random) -> StepFn:
        reason = rng.choice(texts.ESCALATION_REASONS)
        officer = self._officer(rng)

        def step(run: Run) -> None:
            services.escalation_request(
                landlord=self.landlord,
                actor=officer,
                case_id=run.the_complaint.pk,
                requested_at=run.at,
                reason=reason,
            )

        return step

    def _assign(self, cs: ComplaintStory) -> StepFn:
        assigner = self.officers[0]

        def step(run: Run) -> None:
            services.stage2_assign_handler(
                landlord=self.landlord, actor=assigner, case_id=run.the_complaint.pk, handler=cs.handler2
            )

        return step

    def _refuse(self, rng: random.Random) -> StepFn:
        decider = self._user("csd")

        def step(run: Run) -> None:
            services.escalation_refuse(
                landlord=self.landlord,
                actor=decider,
                case_id=run.the_complaint.pk,
                reason_code="legal-proceedings",
                rationale="A letter of claim for disrepair about the same matter was received after the stage 1 "
                "response; it is being dealt with under the pre-action protocol. The customer has been told "
                "they may take this decision to the Housing Ombudsman.",
            )

        return step

    def _not_accept(self, cs: ComplaintStory, rng: random.Random) -> StepFn:
        decider = self._officer(rng)

        def step(run: Run) -> None:
            services.complaint_not_accept(
                landlord=self.landlord,
                actor=decider,
                case_id=run.the_complaint.pk,
                reason_code=cs.reason_code,
                rationale=texts.NOT_ACCEPTED[cs.reason_code][3],
            )

        return step

    def _withdraw(self, rng: random.Random) -> StepFn:
        officer, reason = self._officer(rng), rng.choice(texts.WITHDRAW_REASONS)

        def step(run: Run) -> None:
            services.case_withdraw(
                landlord=self.landlord, actor=officer, case_id=run.the_complaint.pk, on=run.day, reason=reason
            )

        return step

    def _close(self, cs: ComplaintStory, rng: random.Random) -> StepFn:
        lesson, improvement = rng.choice(cs.topic.lessons)
        officer = self._officer(rng)

        def step(run: Run) -> None:
            services.case_close(
                landlord=self.landlord,
                actor=officer,
                case_id=run.the_complaint.pk,
                lesson=lesson,
                improvement=improvement,
            )

        return step

    def _satisfaction(self, outcome: str, rng: random.Random) -> StepFn:
        score = rng.choice(
            {"upheld": (3, 4, 4, 5, 5), "partly_upheld": (2, 3, 3, 4), "not_upheld": (1, 1, 2, 3)}[outcome]
        )
        comment = rng.choice(texts.SATISFACTION_COMMENTS[score])
        officer = self._officer(rng)

        def step(run: Run) -> None:
            services.satisfaction_record(
                landlord=self.landlord,
                actor=officer,
                case_id=run.the_complaint.pk,
                score=score,
                comment=comment,
                source=STAFF_SURVEY_SOURCES[len(comment) % len(STAFF_SURVEY_SOURCES)],
            )

        return step

    # -- other kinds -----------------------------------------------------------------------------------

    def _log_other(
        self,
        kind: Kind,
        story: Story,
        customer: Customer,
        channel: str,
        rng: random.Random,
        summary: str,
        description: str,
        **extra: object,
    ) -> StepFn:
        logger, received_by = self._logger(rng, channel)

        def step(run: Run) -> None:
            run.case = services.feedback_log(
                landlord=self.landlord,
                actor=logger,
                kind=kind,
                channel=channel,
                received_at=run.received_at,
                customer=customer,
                received_by=received_by,
                summary=story.fmt(summary),
                description=story.fmt(description),
                **extra,  # type: ignore[arg-type]
            )

        return step

    def _resolve(self, actor: User, story: Story, resolution: str) -> StepFn:
        def step(run: Run) -> None:
            services.case_resolve(
                landlord=self.landlord, actor=actor, case_id=run.the_case.pk, resolution=story.fmt(resolution)
            )

        return step

    def _close_other(self, actor: User) -> StepFn:
        def step(run: Run) -> None:
            services.case_close(landlord=self.landlord, actor=actor, case_id=run.the_case.pk)

        return step

    def _convert(self, actor: User, via_choice: bool) -> StepFn:
        def step(run: Run) -> None:
            if via_choice:
                run.complaint = services.complaint_choice_record(
                    landlord=self.landlord, actor=actor, case_id=run.the_case.pk, choice="complaint"
                )
            else:
                run.complaint = services.case_convert_to_complaint(
                    landlord=self.landlord, actor=actor, case_id=run.the_case.pk, received_at=run.at
                )

        return step

    def _converted_complaint(self, plan: Plan, cs: ComplaintStory, rng: random.Random, at: int) -> None:
        """The complaint raised from a service request or feedback, worked from the day it was raised."""
        target = rng.choice(("received", "investigating", "responded", "closed1", "closed1"))
        self._complaint_steps(plan, cs, rng, target, start=at)

    def service_request_plan(self, key: str, target: str, rng: random.Random) -> Plan:
        plan = Plan(key, rng, self._channel(rng))
        cs = self.complaint_story(rng, self._topic(rng, need_request=True).key)
        plan.story = cs.story
        summary, description, resolution = cs.topic.service_request
        plan.add(
            0,
            self._log_other(
                Kind.SERVICE_REQUEST,
                cs.story,
                cs.customer,
                plan.channel,
                rng,
                summary,
                description,
                service_area=cs.topic.service_area,
                category=cs.topic.category,
                contractor=cs.contractor,
            ),
            "log",
        )
        resolver = (
            self.staff.integration
            if cs.contractor and rng.random() < 0.6
            else rng.choice(self.housing_managers)
        )
        if target == "open":
            plan.age = (1, 12)
        elif target in ("resolved", "closed"):
            r = plan.add(rng.randint(1, 15), self._resolve(resolver, cs.story, resolution), "resolved")
            if target == "closed":
                r = plan.add(r + rng.randint(1, 5), self._close_other(self._officer(rng)), "closed")
            plan.age = (r, self.max_age)
        elif target == "declined":
            choice = rng.choice(("declined", "service_request"))
            officer = self._officer(rng)

            def record_choice(run: Run) -> None:
                services.complaint_choice_record(
                    landlord=self.landlord, actor=officer, case_id=run.the_case.pk, choice=choice
                )

            c = plan.add(rng.randint(1, 3), record_choice, "choice to complain offered")
            r = plan.add(c + rng.randint(1, 10), self._resolve(resolver, cs.story, resolution), "resolved")
            plan.age = (r, self.max_age)
        else:  # converted: the customer chose to complain; the service request carries on
            c = plan.add(
                rng.randint(3, 15), self._convert(self._officer(rng), via_choice=True), "complaint raised"
            )
            if rng.random() < 0.6:
                plan.add(
                    c + rng.randint(1, 10),
                    self._resolve(resolver, cs.story, resolution),
                    "resolved",
                    optional=True,
                )
            plan.cases = 2
            self._converted_complaint(plan, cs, rng, c)
        return plan

    def compliment_plan(self, key: str, target: str, rng: random.Random) -> Plan:
        plan = Plan(key, rng, self._channel(rng))
        area, summary, description, keys = rng.choice(texts.COMPLIMENTS)
        colleague = self._user(rng.choice(keys))
        story = Story(rng, self._blanks(rng, None))
        story.blanks["colleague"] = str(colleague)
        plan.story = story
        customer = self._customer(rng, (T.RESIDENT, T.MARKET_RENT, T.LEASEHOLDER, T.SHARED_OWNER))
        plan.add(
            0,
            self._log_other(
                Kind.COMPLIMENT,
                story,
                customer,
                plan.channel,
                rng,
                summary,
                description,
                colleagues_named=str(colleague),
                service_area=area,
                category="Compliment",
            ),
            "log",
        )
        if target == "open":
            plan.age = (1, 3)
            return plan
        officer = self._officer(rng)

        def pass_on(run: Run) -> None:
            services.compliment_pass_on(
                landlord=self.landlord, actor=officer, case_id=run.the_case.pk, colleague=colleague
            )

        p = plan.add(rng.randint(1, 5), pass_on, "passed on")
        if target == "closed":
            p = plan.add(p + rng.randint(1, 10), self._close_other(officer), "closed")
            plan.age = (p, self.max_age)
        else:
            plan.age = (p, p + 20)
        return plan

    def comment_plan(self, key: str, target: str, rng: random.Random) -> Plan:
        plan = Plan(key, rng, self._channel(rng))
        story = Story(rng, self._blanks(rng, None))
        plan.story = story
        area, summary, description, response = rng.choice(texts.COMMENTS)
        customer = self._customer(rng, tuple(T))
        plan.add(
            0,
            self._log_other(
                Kind.COMMENT, story, customer, plan.channel, rng, summary, description, service_area=area
            ),
            "log",
        )
        if target == "open":
            plan.age = (1, 3)
            return plan
        officer = self._officer(rng)

        def acknowledge(run: Run) -> None:
            services.comment_acknowledge(landlord=self.landlord, actor=officer, case_id=run.the_case.pk)

        a = plan.add(rng.randint(1, 3), acknowledge, "acknowledged")
        if target == "acknowledged":
            plan.age = (a, a + 8)
            return plan

        def respond(run: Run) -> None:
            services.comment_respond(
                landlord=self.landlord, actor=officer, case_id=run.the_case.pk, response=response
            )

        plan.age = (plan.add(a + rng.randint(2, 10), respond, "responded"), self.max_age)
        return plan

    def feedback_plan(self, key: str, target: str, rng: random.Random) -> Plan:
        plan = Plan(key, rng, self._channel(rng))
        cs = self.complaint_story(rng)
        plan.story = cs.story
        area, summary, description, resolution = rng.choice(texts.FEEDBACK)
        extra: dict[str, object] = {"service_area": area}
        if target == "converted":  # feedback about the matter the complaint will then be about
            summary = cs.topic.summaries[cs.variant]
            description = cs.topic.descriptions[cs.variant % len(cs.topic.descriptions)]
            resolution = "Explained what happens next and apologised for the inconvenience"
            extra = {
                "service_area": cs.topic.service_area,
                "category": cs.topic.category,
                "contractor": cs.contractor,
            }
        plan.add(
            0,
            self._log_other(
                Kind.FEEDBACK, cs.story, cs.customer, plan.channel, rng, summary, description, **extra
            ),
            "log",
        )
        officer = self._officer(rng)
        if target == "open":
            plan.age = (1, 4)
        elif target == "resolved":
            plan.age = (
                plan.add(0, self._resolve(officer, cs.story, resolution), "resolved at first contact"),
                self.max_age,
            )
        else:  # converted: resolved at first contact, or not, then made a formal complaint
            if rng.random() < 0.5:
                plan.add(0, self._resolve(officer, cs.story, resolution), "resolved at first contact")
            c = plan.add(
                rng.randint(1, 10), self._convert(officer, via_choice=rng.random() < 0.5), "complaint raised"
            )
            plan.cases = 2
            self._converted_complaint(plan, cs, rng, c)
        return plan
