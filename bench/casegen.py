"""Realistic data for bench/cases.py: landlords, staff in every role, customers, and cases of every kind with
their stages, extensions, decisions, learning and timeline, bulk-loaded with PostgreSQL COPY.

Each case's story is simulated from its receipt to today: acknowledged (late sometimes), extended, answered
(late sometimes), escalated, refused, withdrawn, closed, or left stuck part way (the overdue backlog). Only
what has happened by now is recorded, so recent cases are open and old ones mostly closed. Every stage's
stored deadlines come from the domain (`stage_deadlines` with the landlord's calendar, closure days included,
and the profile version in force on the receipt date), and the worklist columns (`handler`, `next_due`,
`next_due_kind`) are set from the current stage and status exactly as `services/_base.py` `track()` does.
Rows are numbered in the order they were logged, across landlords, as a live system would number them.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
from django.contrib.auth.hashers import make_password
from django.db import models
from psycopg.copy import QueuedLibpqWriter

from putright.accounts.models import Membership, Role, User
from putright.cases.models import (
    STATUS_RANK,
    Case,
    Decision,
    Extension,
    Learning,
    PointDecision,
    Stage,
    TimelineEvent,
)
from putright.customers.models import Channel, Customer
from putright.domain import deadlines as domain_deadlines
from putright.domain.bank_holidays import calendar_for
from putright.domain.calendar import WorkingCalendar
from putright.domain.colleague_complaints import with_colleague_clocks
from putright.domain.deadlines import Justification, StageFacts, stage_deadlines
from putright.domain.lifecycle import DUE_NEXT
from putright.domain.profiles import Profile, default_registry
from putright.domain.time_limit import time_limit_decision
from putright.organisations.models import ClosureDay, Landlord, LandlordPolicy, ReferenceSequence

LONDON = ZoneInfo("Europe/London")
CODE_2024 = date(2024, 4, 1)
"""Landlords on hos-code-2024 or great-places adopted them when the Code became statutory; before that every
landlord here ran brighter-places-2022, the only profile in force then."""
DUE = {status.value: due for status, due in DUE_NEXT.items()}
STAGE_WARNINGS = any(f.name == "warnings" for f in Stage._meta.concrete_fields)
"""Whether stages store the warnings of their latest deadline computation (recompute() sets them)."""
STUCK = 0.004
"""The chance that a case goes no further at any step: the overdue backlog every landlord has."""

LANDLORDS = [
    ("northgate", "Northgate Homes", "NGH"),
    ("riverside-vale", "Riverside Vale Housing", "RVH"),
    ("brightwater", "Brightwater Living", "BWL"),
    ("oakfield", "Oakfield Housing Association", "OHA"),
    ("harbour", "Harbour Homes", "HBR"),
    ("millbrook", "Millbrook Housing Trust", "MHT"),
    ("stonebridge", "Stonebridge Homes", "SBH"),
    ("fenland", "Fenland Community Housing", "FCH"),
    ("pennine", "Pennine Housing Group", "PHG"),
    ("castlegate", "Castlegate Homes", "CGH"),
    ("thameside", "Thameside Housing", "TSH"),
    ("heathland", "Heathland Homes", "HLH"),
    ("marlow-green", "Marlow Green Housing", "MGH"),
    ("westcombe", "Westcombe Living", "WCL"),
    ("clydeview", "Clydeview Housing Association", "CVH"),
    ("forth-valley", "Forth Valley Homes", "FVH"),
    ("grampian", "Grampian Housing", "GRH"),
    ("lagan", "Lagan Homes", "LGN"),
    ("mourne", "Mourne Housing", "MRN"),
    ("antrim-coast", "Antrim Coast Housing", "ACH"),
]
POLICIES = ("hos-code-2024", "great-places", "brighter-places-2022")

STAFF = [
    # role, how many per landlord, email stem
    (Role.FEEDBACK_OFFICER, 4, "officer"),
    (Role.INVESTIGATING_MANAGER, 12, "manager"),
    (Role.SENIOR_LEADER, 4, "director"),
    (Role.HOUSING_MANAGER, 3, "housing"),
    (Role.LINE_MANAGER, 4, "linemanager"),
    (Role.MEMBER_RESPONSIBLE, 1, "mrc"),
    (Role.BOARD, 3, "board"),
    (Role.ADMINISTRATOR, 1, "admin"),
    (Role.INTEGRATION, 1, "hms"),
]

FIRST = "Alex Sam Jordan Priya Mohammed Aisha Tom Chloe Oliver Amelia Jack Isla Noah Ava Leo Mia Ewan Niamh Ciaran Fatima Daniel Grace Ryan Zara Owen Ruby Kai Erin".split()  # noqa: SIM905
LAST = "Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Khan Roberts Evans Thomas Walker Wright Robinson Thompson White Hughes Edwards Green Hall Campbell Murray Kelly Byrne Quinn Stewart".split()  # noqa: SIM905
STREETS = [
    f"{name} {kind}"
    for name in ("High", "Station", "Church", "Victoria", "Mill", "Castle")
    for kind in ("Street", "Road", "Lane")
]

CATEGORIES = [
    # category, service area, weight, summaries, points (point, outcome sought)
    (
        "Repairs",
        "Responsive repairs",
        30,
        [
            "Leak not repaired",
            "Repair appointment missed",
            "Broken window not replaced",
            "Repair left unfinished",
        ],
        [
            ("The repair was not completed in the time promised", "The repair completed"),
            ("Operatives did not attend the agreed appointment", "An apology and a new appointment"),
            ("Calls about the repair were not returned", "Someone to keep me informed"),
        ],
    ),
    (
        "Damp and mould",
        "Responsive repairs",
        14,
        ["Mould in the bedroom", "Damp in the kitchen", "Condensation and black mould"],
        [
            ("Mould has returned after the treatment", "A lasting fix"),
            ("The damp survey was not carried out", "A survey and a plan of works"),
        ],
    ),
    (
        "Anti-social behaviour",
        "Neighbourhoods",
        10,
        ["Noise from a neighbour not dealt with", "ASB reports ignored"],
        [("Reports of noise were not acted on", "Action against the neighbour")],
    ),
    (
        "Rent and service charges",
        "Income",
        10,
        ["Service charge too high", "Rent account wrong", "Arrears letter sent in error"],
        [
            ("The service charge includes services not provided", "A refund"),
            ("A payment was not credited to the account", "The account corrected"),
        ],
    ),
    (
        "Communication",
        "Customer services",
        10,
        ["No reply to emails", "Kept on hold for an hour", "Not told about the works"],
        [("Nobody replied to my emails", "A reply and an apology")],
    ),
    (
        "Staff conduct",
        "Customer services",
        5,
        ["Rude member of staff", "Officer did not listen"],
        [("The officer was rude on the phone", "An apology")],
    ),
    (
        "Estate services",
        "Estates",
        8,
        ["Communal areas not cleaned", "Grass not cut", "Fly-tipping not removed"],
        [("The cleaning contract is not being delivered", "The service delivered as charged")],
    ),
    (
        "Gas and heating",
        "Gas servicing",
        8,
        ["No heating or hot water", "Gas safety check missed"],
        [("The heating has not worked for two weeks", "The boiler repaired or replaced")],
    ),
    (
        "Lettings",
        "Lettings",
        5,
        ["Transfer application delayed", "Home not ready at the start of the tenancy"],
        [("The home was let in a poor condition", "The works done and compensation")],
    ),
]
CATEGORY_WEIGHTS = list(accumulate(c[2] for c in CATEGORIES))

KINDS = ["complaint", "service_request", "feedback", "compliment", "comment"]
KIND_WEIGHTS = list(accumulate([45, 35, 8, 6, 6]))
CHANNELS = [c.value for c in Channel]
CHANNEL_WEIGHTS = list(accumulate([30, 8, 30, 4, 14, 3, 11]))
CHANNEL_LABEL = {c.value: c.label.lower() for c in Channel}
OUTCOMES = ["upheld", "partly_upheld", "not_upheld"]
LESSONS = [
    "none",
    "none",
    "Book repair appointments with the resident, not for them",
    "Call back within one working day when promised",
    "Check the repair is complete before closing the job",
    "Damp reports go to a surveyor within 5 working days",
]


def at_time(day: date, rng: random.Random, start: int = 9, end: int = 17) -> datetime:
    """A moment during the working day on `day`, UK time."""
    return datetime(
        day.year, day.month, day.day, rng.randint(start, end - 1), rng.randrange(60), tzinfo=LONDON
    )


# -------------------------------------------------------------------------------------------- COPY


NULL = "\\N"


def _escape(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def _text(value: Any) -> str:
    """One value in COPY's text format."""
    if value is None:
        return NULL
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return _escape(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):  # datetimes too, with their offset
        return value.isoformat()
    if isinstance(value, dict | list):
        return _escape(json.dumps(value, ensure_ascii=False))
    raise TypeError(f"no COPY text for {value!r}")


class CopyTable:
    """Rows streamed into one table with COPY, on a connection of its own so that several tables load at
    once. Columns the generator does not name take the model field's default (or NULL), so a field added
    later does not break the bench; a required field without a default does, with its name."""

    def __init__(self, stack: ExitStack, dsn: str, model: type[models.Model], columns: list[str]) -> None:
        fields = {f.column: f for f in model._meta.concrete_fields}
        unknown = [c for c in columns if c not in fields]
        if unknown:
            raise RuntimeError(f"{model._meta.db_table} has no column(s) {unknown}")
        tail = []
        extra = [c for c in fields if c not in columns]
        for column in extra:
            f = fields[column]
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                tail.append(_text(datetime.now(LONDON)))
            elif f.has_default() or (f.empty_strings_allowed and f.blank and not f.null):
                tail.append(_text(f.get_default()))
            elif f.null:
                tail.append(NULL)
            else:
                raise RuntimeError(f"the bench gives no value for {model._meta.db_table}.{column}")
        self.suffix = "".join("\t" + t for t in tail) + "\n"
        self.name = model._meta.db_table
        self.rows = 0
        self._buffer: list[str] = []
        conn = stack.enter_context(psycopg.connect(dsn))
        cursor = stack.enter_context(conn.cursor())
        names = ", ".join(f'"{c}"' for c in [*columns, *extra])
        self._copy = stack.enter_context(
            cursor.copy(f'COPY "{self.name}" ({names}) FROM STDIN', writer=QueuedLibpqWriter(cursor))
        )

    def add(self, values: Iterable[Any]) -> None:
        self._buffer.append("\t".join(map(_text, values)) + self.suffix)
        if len(self._buffer) >= 2000:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            self.rows += len(self._buffer)
            self._copy.write("".join(self._buffer))
            self._buffer.clear()


def defer_indexes(conn: psycopg.Connection[Any], tables: list[str]) -> Callable[[], None]:
    """Drop the tables' secondary indexes, unique and foreign-key constraints before a bulk load; the
    function returned puts every one back exactly as the migrations made it (and so checks the data)."""
    indexes: list[str] = []
    constraints: list[tuple[str, str, str, str]] = []
    with conn.cursor() as cur:
        for table in tables:
            cur.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
                "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
                [table, table],
            )
            for name, definition in cur.fetchall():
                indexes.append(definition)
                cur.execute(f'DROP INDEX "{name}"')
            cur.execute(
                "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype IN ('u', 'f')",
                [table],
            )
            for name, kind, definition in cur.fetchall():
                constraints.append((table, name, kind, definition))
                cur.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    conn.commit()

    def restore() -> None:
        with conn.cursor() as cur:
            cur.execute("SET maintenance_work_mem = '1GB'")
            for definition in indexes:
                cur.execute(definition)
            for kind in ("u", "f"):
                for table, name, k, definition in constraints:
                    if k == kind:
                        cur.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        conn.commit()

    return restore


# -------------------------------------------------------------------------------------------- the story


@dataclass
class LandlordData:
    landlord: Landlord
    calendar: WorkingCalendar
    policy: str
    officers: list[int]
    managers: list[int]
    leaders: list[int]
    loggers: list[int]
    everyone: list[int]
    customers: range = range(0)
    profiles: dict[bool, Profile] = field(default_factory=dict)
    exclusions: dict[bool, list[str]] = field(default_factory=dict)

    def profile_on(self, day: date) -> Profile:
        return self.profiles[day >= CODE_2024]


class StageSim:
    __slots__ = (
        "acknowledged_on",
        "close_after",
        "definition",
        "escalation_reason",
        "extensions",
        "handler",
        "id",
        "logged_on",
        "no_contact_letter_on",
        "number",
        "outcome",
        "points",
        "received_at",
        "responded_on",
        "responsible_for",
        "summary",
    )

    def __init__(self, number: int, received_at: datetime) -> None:
        self.number = number
        self.received_at = received_at
        self.logged_on: date | None = None
        self.acknowledged_on: date | None = None
        self.handler: int | None = None
        self.definition: list[dict[str, str]] = []
        self.responsible_for = ""
        self.escalation_reason = ""
        self.extensions: list[tuple[int, date, str, str, int, datetime]] = []
        self.no_contact_letter_on: date | None = None
        self.close_after: date | None = None
        self.responded_on: date | None = None
        self.outcome = ""
        self.summary = ""
        self.points: list[tuple[str, str, str]] = []


class CaseSim:
    __slots__ = (
        "about_colleague",
        "category",
        "closed_at",
        "complaint_choice",
        "customer",
        "decisions",
        "events",
        "id",
        "issue_date",
        "kind",
        "landlord",
        "learning",
        "logged_at",
        "logged_by",
        "received_at",
        "reference",
        "stage",
        "stages",
        "status",
        "warnings",
    )


class Generator:
    def __init__(self, dsn: str, cases: int, landlords: int, seed: int = 20261123) -> None:
        self.dsn = dsn
        self.total = cases
        self.count = landlords
        self.rng = random.Random(seed)
        self.now = datetime.now(LONDON)
        self.today = self.now.date()
        self.first_day = self.today - timedelta(days=3 * 365)
        self.password = make_password("correct horse battery staple")
        self.data: list[LandlordData] = []
        self.ids = {"stage": 0, "extension": 0, "decision": 0, "learning": 0, "point": 0, "event": 0}
        self.sequences: dict[tuple[int, int], int] = {}

    def next_id(self, what: str) -> int:
        self.ids[what] += 1
        return self.ids[what]

    # -- landlords, staff, customers

    def organisations(self) -> None:
        """Landlords with their policy history and closure days, and staff in every role (ORM: a few
        hundred rows)."""
        rng = self.rng
        holidays_years = range(self.first_day.year, self.today.year + 1)
        for index in range(self.count):
            slug, name, prefix = LANDLORDS[index % len(LANDLORDS)]
            if index >= len(LANDLORDS):
                slug, name, prefix = f"{slug}-{index}", f"{name} {index}", f"{prefix[:3]}{index}"
            nation = (
                "scotland"
                if index % 20 in (14, 15, 16)
                else "northern-ireland"
                if index % 20 >= 17
                else "england-and-wales"
            )
            policy = POLICIES[index % 3]
            landlord = Landlord.objects.create(
                slug=slug, name=name, nation=nation, reference_prefix=prefix, email=f"complaints@{slug}.test"
            )
            LandlordPolicy.objects.create(
                landlord=landlord, policy_name="brighter-places-2022", adopted_from=date(2022, 8, 1)
            )
            if policy != "brighter-places-2022":
                LandlordPolicy.objects.create(landlord=landlord, policy_name=policy, adopted_from=CODE_2024)
            calendar = calendar_for(nation)
            if index % 4 == 0:  # closed between Christmas and New Year, as many landlords are
                closures = {}
                for year in holidays_years:
                    for day in range(27, 32):
                        d = date(year, 12, day)
                        if calendar.is_working_day(d):
                            closures[d] = "Christmas closure"
                ClosureDay.objects.bulk_create(
                    ClosureDay(landlord=landlord, day=d, reason=r) for d, r in closures.items()
                )
                calendar = calendar.with_closures(closures)
            roles: dict[str, list[int]] = {}
            for role, how_many, stem in STAFF:
                users = User.objects.bulk_create(
                    User(
                        email=f"{stem}{n}@{slug}.test",
                        password=self.password,
                        first_name=rng.choice(FIRST),
                        last_name=rng.choice(LAST),
                    )
                    for n in range(1, how_many + 1)
                )
                roles[role] = [u.pk for u in users]
            line_manager = roles[Role.INVESTIGATING_MANAGER][0]
            Membership.objects.bulk_create(
                Membership(
                    user_id=pk,
                    landlord=landlord,
                    role=role,
                    line_manager_id=line_manager if role == Role.LINE_MANAGER else None,
                )
                for role, pks in roles.items()
                for pk in pks
            )
            # One director also investigates at stage 1, as in small landlords' teams.
            Membership.objects.create(
                user_id=roles[Role.SENIOR_LEADER][0], landlord=landlord, role=Role.INVESTIGATING_MANAGER
            )
            registry = default_registry()
            profiles = {
                False: registry.in_force("brighter-places-2022", CODE_2024 - timedelta(days=1)),
                True: registry.in_force(policy, CODE_2024),
            }
            self.data.append(
                LandlordData(
                    landlord=landlord,
                    calendar=calendar,
                    policy=policy,
                    officers=roles[Role.FEEDBACK_OFFICER],
                    managers=roles[Role.INVESTIGATING_MANAGER] + roles[Role.SENIOR_LEADER][:1],
                    leaders=roles[Role.SENIOR_LEADER],
                    loggers=roles[Role.FEEDBACK_OFFICER] * 3 + roles[Role.INTEGRATION] * 2,
                    everyone=[pk for pks in roles.values() for pk in pks],
                    profiles=profiles,
                    exclusions={
                        later: [e.code for e in p.exclusions if e.code != "previously-considered"]
                        for later, p in profiles.items()
                    },
                )
            )

    def sizes(self) -> list[int]:
        """Cases per landlord: large and small landlords, summing to the total."""
        weights = [0.35 + 1.3 * ((i * 7) % self.count) / max(self.count - 1, 1) for i in range(self.count)]
        scale = self.total / sum(weights)
        sizes = [int(w * scale) for w in weights]
        sizes[0] += self.total - sum(sizes)
        return sizes

    def customers(self, stack: ExitStack, sizes: list[int]) -> int:
        rng = self.rng
        table = CopyTable(
            stack,
            self.dsn,
            Customer,
            [
                "id",
                "landlord_id",
                "type",
                "name",
                "tenancy_reference",
                "address",
                "postcode",
                "email",
                "phone",
                "preferred_channel",
                "created_at",
            ],
        )
        created = datetime.combine(self.first_day - timedelta(days=30), datetime.min.time(), tzinfo=LONDON)
        types = [t.value for t in Customer.Type]
        next_id = 1
        for ld, size in zip(self.data, sizes, strict=True):
            how_many = max(size // 4, 1)
            ld.customers = range(next_id, next_id + how_many)
            lid = ld.landlord.pk
            for n in range(how_many):
                first, last = rng.choice(FIRST), rng.choice(LAST)
                table.add(
                    (
                        next_id,
                        lid,
                        "resident" if rng.random() < 0.85 else rng.choice(types),
                        f"{first} {last}",
                        f"T-{n + 1:06d}",
                        f"{rng.randint(1, 240)} {rng.choice(STREETS)}",
                        f"AB{rng.randint(1, 99)} {rng.randint(1, 9)}CD",
                        f"{first.lower()}.{last.lower()}{n}@example.test",
                        f"07700 9{rng.randint(0, 99999):05d}",
                        rng.choices(CHANNELS, cum_weights=CHANNEL_WEIGHTS)[0],
                        created,
                    )
                )
                next_id += 1
        table.flush()
        return next_id - 1

    # -- cases

    def heads(self, sizes: list[int]) -> list[tuple[datetime, datetime, int]]:
        """(logged_at, received_at, landlord index) for every case, in the order they were logged."""
        rng = self.rng
        span = (self.today - self.first_day).days
        heads = []
        for index, size in enumerate(sizes):
            for _ in range(size):
                while True:  # fewer complaints arrive at weekends
                    day = self.first_day + timedelta(days=rng.randrange(span + 1))
                    if day.weekday() < 5 or rng.random() < 0.2:
                        break
                received = at_time(day, rng, 7, 21) if rng.random() < 0.2 else at_time(day, rng)
                delay = rng.random()
                if delay < 0.6:
                    logged = received + timedelta(minutes=rng.randint(1, 240))
                elif delay < 0.95:
                    logged = at_time(received.date() + timedelta(days=rng.randint(1, 2)), rng)
                else:
                    logged = at_time(received.date() + timedelta(days=rng.randint(3, 7)), rng)
                if received > self.now:
                    received = self.now - timedelta(minutes=rng.randint(30, 600))
                if logged > self.now or logged < received:
                    logged = min(self.now, received + timedelta(minutes=rng.randint(1, 20)))
                heads.append((logged, received, index))
        heads.sort()
        return heads

    def generate_cases(self, stack: ExitStack, sizes: list[int], progress: Callable[[str], None]) -> None:
        tables = {
            "case": CopyTable(
                stack,
                self.dsn,
                Case,
                [
                    "id",
                    "landlord_id",
                    "reference",
                    "kind",
                    "status",
                    "status_rank",
                    "stage",
                    "channel",
                    "received_at",
                    "received_by",
                    "logged_at",
                    "logged_by_id",
                    "customer_id",
                    "representative_id",
                    "summary",
                    "description",
                    "service_area",
                    "category",
                    "contractor",
                    "colleagues_named",
                    "about_colleague",
                    "linked_case_id",
                    "issue_date",
                    "aware_date",
                    "vulnerability",
                    "vulnerability_note",
                    "complaint_choice",
                    "handler_id",
                    "next_due",
                    "next_due_kind",
                    "policy_name",
                    "policy_version",
                    "warnings",
                    "closed_at",
                    "created_at",
                    "updated_at",
                ],
            ),
            "stage": CopyTable(
                stack,
                self.dsn,
                Stage,
                [
                    "id",
                    "landlord_id",
                    "case_id",
                    "number",
                    "received_at",
                    "escalation_reason",
                    "logged_on",
                    "acknowledged_on",
                    "handler_id",
                    "definition",
                    "responsible_for",
                    "not_responsible_for",
                    "acknowledge_by",
                    "respond_by",
                    "respond_by_provisional",
                    "escalate_by",
                    "explanation",
                    "breaches",
                    "no_contact_letter_on",
                    "close_without_contact_after",
                    "responded_on",
                    "outcome",
                    "response_summary",
                    *(["warnings"] if STAGE_WARNINGS else []),
                ],
            ),
            "extension": CopyTable(
                stack,
                self.dsn,
                Extension,
                [
                    "id",
                    "stage_id",
                    "days",
                    "notified_on",
                    "justification",
                    "reason",
                    "applied",
                    "recorded_by_id",
                    "recorded_at",
                ],
            ),
            "point": CopyTable(
                stack, self.dsn, PointDecision, ["id", "stage_id", "point", "decision", "reasons"]
            ),
            "decision": CopyTable(
                stack,
                self.dsn,
                Decision,
                [
                    "id",
                    "landlord_id",
                    "case_id",
                    "type",
                    "reason_code",
                    "rationale",
                    "previous_case_id",
                    "decided_by_id",
                    "decided_at",
                ],
            ),
            "learning": CopyTable(
                stack,
                self.dsn,
                Learning,
                ["id", "case_id", "lesson", "improvement", "recorded_by_id", "recorded_at"],
            ),
            "event": CopyTable(
                stack,
                self.dsn,
                TimelineEvent,
                ["id", "landlord_id", "case_id", "at", "actor_id", "kind", "summary", "before", "after"],
            ),
        }
        heads = self.heads(sizes)
        progress(f"{len(heads):,} receipt dates drawn")
        started = time.perf_counter()
        for number, (logged, received, index) in enumerate(heads, start=1):
            self.case(number, logged, received, self.data[index], tables)
            if number % 100_000 == 0:
                rate = number / (time.perf_counter() - started)
                progress(f"{number:,} cases generated ({rate:,.0f} a second)")
        for table in tables.values():
            table.flush()
        self.tables = tables

    def case(
        self, case_id: int, logged: datetime, received: datetime, ld: LandlordData, t: dict[str, CopyTable]
    ) -> None:
        rng = self.rng
        c = CaseSim()
        c.id = case_id
        c.landlord = ld
        c.kind = rng.choices(KINDS, cum_weights=KIND_WEIGHTS)[0]
        c.received_at = received
        c.logged_at = logged
        c.logged_by = rng.choice(ld.loggers)
        c.customer = rng.choice(ld.customers)
        c.category = rng.choices(CATEGORIES, cum_weights=CATEGORY_WEIGHTS)[0]
        c.about_colleague = c.kind == "complaint" and c.category[0] == "Staff conduct" and rng.random() < 0.5
        c.stages = []
        c.events = []
        c.decisions = []
        c.learning = None
        c.closed_at = None
        c.stage = None
        c.warnings = []
        c.complaint_choice = ""
        c.issue_date = None
        year = received.astimezone(LONDON).year
        key = (ld.landlord.pk, year)
        self.sequences[key] = self.sequences.get(key, 0) + 1
        c.reference = f"{ld.landlord.reference_prefix}-{year}-{self.sequences[key]:06d}"
        channel = rng.choices(CHANNELS, cum_weights=CHANNEL_WEIGHTS)[0]
        profile = ld.profile_on(received.astimezone(LONDON).date())
        kind_label = {
            "complaint": "Complaint",
            "service_request": "Service request",
            "feedback": "General feedback",
            "compliment": "Compliment",
            "comment": "Comment or suggestion",
        }[c.kind]
        c.status = "stage1_received" if c.kind == "complaint" else "open"
        self.event(
            c,
            logged,
            c.logged_by,
            "logged",
            f"{kind_label} logged from {CHANNEL_LABEL[channel]}",
            {},
            {"reference": c.reference, "kind": c.kind, "status": c.status},
        )
        if c.kind == "complaint":
            self.complaint(c, profile)
        else:
            self.other(c)

        # The worklist columns, as track() keeps them: the current stage's handler and next deadline.
        handler = next_due = None
        due_kind = DUE.get(c.status, "")
        stage_rows = []
        for s in c.stages:
            result = self.deadlines(c, s, profile)
            applied = {o.extension: o.applied for o in result.extensions}
            s.id = self.next_id("stage")
            if s.number == c.stage:
                handler = s.handler
                next_due = (
                    result.acknowledge_by.due
                    if due_kind == "acknowledge"
                    else result.respond_by.due
                    if due_kind == "respond"
                    else None
                )
            stage_rows.append((s, result, applied))
        if c.stage is None:
            due_kind = ""

        summary_text = rng.choice(c.category[3])
        about_colleague = c.about_colleague
        vulnerable = rng.random() < 0.08
        updated = c.events[-1][0]
        t["case"].add(
            (
                c.id,
                ld.landlord.pk,
                c.reference,
                c.kind,
                c.status,
                STATUS_RANK[c.status],
                c.stage,
                channel,
                received,
                "",
                logged,
                c.logged_by,
                c.customer,
                None,
                summary_text,
                f"{summary_text}. The resident says this has gone on for some weeks and wants it put right.",
                c.category[1],
                c.category[0],
                "Apex Property Services"
                if c.category[1] == "Responsive repairs" and rng.random() < 0.5
                else "",
                "The neighbourhood officer" if about_colleague else "",
                about_colleague,
                None,
                c.issue_date,
                None,
                vulnerable,
                "Hearing impaired: prefers email" if vulnerable else "",
                c.complaint_choice,
                handler,
                next_due,
                due_kind,
                profile.name,
                profile.version,
                c.warnings,
                c.closed_at,
                logged,
                updated,
            )
        )
        lid = ld.landlord.pk
        for s, result, applied in stage_rows:
            t["stage"].add(
                (
                    s.id,
                    lid,
                    c.id,
                    s.number,
                    s.received_at,
                    s.escalation_reason,
                    s.logged_on,
                    s.acknowledged_on,
                    s.handler,
                    s.definition,
                    s.responsible_for,
                    "",
                    result.acknowledge_by.due,
                    result.respond_by.due,
                    result.respond_by.provisional,
                    result.escalate_by.due if result.escalate_by else None,
                    list(result.explanation),
                    list(result.breaches),
                    s.no_contact_letter_on,
                    s.close_after,
                    s.responded_on,
                    s.outcome,
                    s.summary,
                    *([list(result.warnings)] if STAGE_WARNINGS else []),
                )
            )
            for days, notified, justification, reason, by, recorded in s.extensions:
                e = domain_deadlines.Extension(days, notified, Justification(justification))
                t["extension"].add(
                    (
                        self.next_id("extension"),
                        s.id,
                        days,
                        notified,
                        justification,
                        reason,
                        applied.get(e, True),
                        by,
                        recorded,
                    )
                )
            for point, decision, reasons in s.points:
                t["point"].add((self.next_id("point"), s.id, point, decision, reasons))
        for kind, code, rationale, by, when in c.decisions:
            t["decision"].add((self.next_id("decision"), lid, c.id, kind, code, rationale, None, by, when))
        if c.learning is not None:
            lesson, by, when = c.learning
            improvement = "" if lesson == "none" else "Added to the service improvement plan"
            t["learning"].add((self.next_id("learning"), c.id, lesson, improvement, by, when))
        for when, actor, kind, summary, before, after in c.events:
            t["event"].add((self.next_id("event"), lid, c.id, when, actor, kind, summary, before, after))

    def deadlines(self, c: CaseSim, s: StageSim, profile: Profile) -> domain_deadlines.StageDeadlines:
        """The stage's deadlines from the facts recorded so far, as services/_base.py recompute() gets them."""
        facts = StageFacts(
            stage=s.number,
            received=s.received_at,
            logged=s.logged_on,
            acknowledged=s.acknowledged_on,
            extensions=tuple(
                domain_deadlines.Extension(days, notified, Justification(justification))
                for days, notified, justification, _, _, _ in sorted(s.extensions, key=lambda e: e[1])
            ),
            responded=s.responded_on,
            case_received=c.received_at.astimezone(LONDON).date(),
        )
        if c.about_colleague and s.number == 1:
            profile = with_colleague_clocks(profile)
        return stage_deadlines(profile, c.landlord.calendar, facts)

    def event(
        self,
        c: CaseSim,
        when: datetime,
        actor: int | None,
        kind: str,
        summary: str,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        c.events.append((when, actor, kind, summary, before, after))

    def happens(self, when: datetime) -> bool:
        """Whether the next step of a story has happened by now (and the case did not stall before it)."""
        return when <= self.now and self.rng.random() >= STUCK

    def close(self, c: CaseSim, when: datetime, by: int, status: str = "closed") -> None:
        before = c.status
        c.status = status
        c.closed_at = when
        self.event(
            c,
            when,
            by,
            status,
            "Closed" if status == "closed" else status.replace("_", " ").capitalize(),
            {"status": before},
            {"status": status},
        )

    def complaint(self, c: CaseSim, profile: Profile) -> None:
        rng, ld = self.rng, c.landlord
        cal = ld.calendar
        r = c.received_at.astimezone(LONDON).date()
        wd = cal.working_day
        if rng.random() < 0.7:
            c.issue_date = r - timedelta(days=int(rng.expovariate(1 / 40)))
            decision = time_limit_decision(profile, received=r, occurred=c.issue_date)
            c.warnings.extend(decision.warnings)
            if not decision.within_limit:
                c.warnings.append(
                    f"Made after the time limit ({decision.limit_date}): decide whether to accept it, with "
                    "reasons; it is not refused automatically."
                )
        s1 = StageSim(1, c.received_at)
        c.stages.append(s1)
        c.stage = 1
        officer = rng.choice(ld.officers)
        points = rng.sample(c.category[4], k=min(len(c.category[4]), rng.randint(1, 2)))

        if rng.random() < 0.04:  # not accepted, with a reason from the policy
            when = at_time(wd(r, rng.randint(1, 6)), rng)
            if self.happens(when):
                code = rng.choice(ld.exclusions[r >= CODE_2024])
                c.decisions.append(
                    ("not_accepted", code, "Considered under the policy's exclusions.", officer, when)
                )
                self.close(c, when, officer, "not_accepted")
            return

        # Stage 1 acknowledged with the definition: mostly within 5 working days, some late.
        x = rng.random()
        ack = wd(r, rng.randint(1, 5) if x < 0.82 else rng.randint(6, 9) if x < 0.96 else rng.randint(10, 20))
        when = at_time(ack, rng)
        if not self.happens(when):
            return
        h1 = rng.choice(ld.managers) if rng.random() < 0.85 else rng.choice(ld.officers)
        s1.acknowledged_on = s1.logged_on = ack
        s1.handler = h1
        s1.definition = [{"point": p, "outcome_sought": o} for p, o in points]
        s1.responsible_for = c.category[1]
        c.status = "stage1_investigating"
        self.event(
            c,
            when,
            h1,
            "stage1_acknowledged",
            f"Stage 1 acknowledged on {ack}; {len(points)} point(s) defined",
            {"status": "stage1_received"},
            {"status": c.status},
        )

        if rng.random() < 0.03:  # withdrawn by the customer
            when = at_time(wd(ack, rng.randint(1, 8)), rng)
            if self.happens(when):
                self.close(c, when, officer, "withdrawn")
            return

        if rng.random() < 0.02:  # no contact: the letter, then closure after the period it allows
            letter = wd(ack, rng.randint(3, 6))
            closure = domain_deadlines.no_contact_closure(profile, cal, letter)
            if closure is not None:
                when = at_time(letter, rng)
                if not self.happens(when):
                    return
                s1.no_contact_letter_on, s1.close_after = letter, closure.due
                self.event(
                    c,
                    when,
                    h1,
                    "no_contact_warning",
                    f"No-contact letter sent; may close after {closure.due}",
                    {},
                    {"close_after": closure.due.isoformat()},
                )
                when = at_time(wd(closure.due, rng.randint(1, 3)), rng)
                if self.happens(when):
                    self.close(c, when, h1, "closed_no_contact")
                return

        allowed = profile.stage1.respond.amount
        extra = 0
        if rng.random() < 0.1:  # an extension, notified before the deadline, with a good reason
            notified = wd(ack, rng.randint(3, allowed - 1))
            days = rng.choice((5, 5, 10, 7))
            when = at_time(notified, rng)
            if not self.happens(when):
                return
            s1.extensions.append(
                (days, notified, "good-reason", "Waiting for the contractor's report", h1, when)
            )
            extra = days
            self.event(
                c,
                when,
                h1,
                "extended",
                f"Extension of {days} working days applied",
                {},
                {"notified_on": notified.isoformat()},
            )

        x = rng.random()
        due = allowed + extra
        responded = wd(
            ack,
            rng.randint(3, due)
            if x < 0.72
            else due + rng.randint(1, 8)
            if x < 0.93
            else due + rng.randint(9, 30),
        )
        if s1.extensions:
            responded = max(responded, wd(s1.extensions[-1][1], 1))
        when = at_time(responded, rng)
        if not self.happens(when):
            return
        self.respond(c, s1, responded, when, profile)

        if (
            rng.random() < 0.2
        ):  # escalation requested (sometimes after the window: never refused automatically)
            requested = wd(responded, rng.randint(1, 14) if rng.random() < 0.8 else rng.randint(16, 45))
            when = at_time(requested, rng)
            if not self.happens(when):
                return
            stage1 = self.deadlines(c, s1, profile)
            if stage1.escalate_by and requested > stage1.escalate_by.due:
                c.warnings = [
                    *c.warnings,
                    f"Escalation requested on {requested}, after the window that ended {stage1.escalate_by.due}: "
                    "decide whether to escalate and record the reasons; it is not refused automatically (Code 5.11).",
                ]
            s2 = StageSim(2, when)
            s2.escalation_reason = "" if rng.random() < 0.4 else "The response did not deal with the repair"
            c.stages.append(s2)
            c.stage = 2
            c.status = "stage2_requested"
            self.event(
                c,
                when,
                c.logged_by,
                "escalation_requested",
                f"Stage 2 requested on {requested}",
                {"status": "stage1_responded"},
                {"status": c.status},
            )

            if rng.random() < 0.07:  # not escalated, with reasons
                when = at_time(wd(requested, rng.randint(1, 5)), rng)
                if not self.happens(when):
                    return
                code = rng.choice(ld.exclusions[r >= CODE_2024])
                c.decisions.append(
                    ("not_escalated", code, "The stage 1 response dealt with every point.", officer, when)
                )
                c.stage = 1
                c.status = "stage1_responded"
                self.event(
                    c,
                    when,
                    officer,
                    "escalation_refused",
                    "Not escalated",
                    {"status": "stage2_requested"},
                    {"status": c.status},
                )
                when = at_time(wd(requested, rng.randint(6, 15)), rng)
                if rng.random() < 0.6 and self.happens(when):
                    c.learning = (rng.choice(LESSONS), officer, when)
                    self.close(c, when, officer)
                return

            leader = rng.choice([pk for pk in ld.leaders if pk != h1])
            assigned = wd(requested, rng.randint(0, 2))
            when = at_time(assigned, rng)
            if not self.happens(when):
                return
            s2.handler = leader
            self.event(
                c,
                when,
                officer,
                "stage2_handler_assigned",
                "Stage 2 assigned",
                {"handler": None},
                {"handler": leader},
            )

            x = rng.random()
            ack2 = wd(assigned, rng.randint(0, 3) if x < 0.85 else rng.randint(4, 10))
            when = at_time(ack2, rng)
            if not self.happens(when):
                return
            s2.acknowledged_on = s2.logged_on = ack2
            s2.definition = [
                *s1.definition,
                {"point": "The stage 1 response was wrong", "outcome_sought": "A review"},
            ]
            s2.responsible_for = c.category[1]
            c.status = "stage2_investigating"
            self.event(
                c,
                when,
                leader,
                "stage2_acknowledged",
                f"Stage 2 acknowledged on {ack2}",
                {"status": "stage2_requested"},
                {"status": c.status},
            )

            allowed2 = profile.stage(2).respond.amount
            extra = 0
            if rng.random() < 0.08:
                notified = wd(ack2, rng.randint(3, 12))
                days = rng.choice((5, 10))
                when = at_time(notified, rng)
                if not self.happens(when):
                    return
                s2.extensions.append(
                    (days, notified, "good-reason", "An independent survey is needed", leader, when)
                )
                extra = days
                self.event(
                    c,
                    when,
                    leader,
                    "extended",
                    f"Extension of {days} working days applied",
                    {},
                    {"notified_on": notified.isoformat()},
                )
            due = allowed2 + extra
            responded2 = wd(ack2, rng.randint(8, due) if rng.random() < 0.75 else due + rng.randint(1, 15))
            if s2.extensions:
                responded2 = max(responded2, wd(s2.extensions[-1][1], 1))
            when = at_time(responded2, rng)
            if not self.happens(when):
                return
            self.respond(c, s2, responded2, when, profile)
            when = at_time(responded2 + timedelta(days=rng.randint(0, 14)), rng)
            if rng.random() < 0.65 and self.happens(when):
                c.learning = (rng.choice(LESSONS), leader, when)
                self.close(c, when, leader)
            return

        when = at_time(responded + timedelta(days=rng.randint(0, 12)), rng)
        if rng.random() < 0.85 and self.happens(when):
            c.learning = (rng.choice(LESSONS), h1, when)
            self.close(c, when, h1)

    def respond(self, c: CaseSim, s: StageSim, responded: date, when: datetime, profile: Profile) -> None:
        """The stage's response; recompute() then adds any warning the stage 1 result carries."""
        rng = self.rng
        decisions = [rng.choice(OUTCOMES) for _ in s.definition]
        s.points = [
            (p["point"], d, "Checked against the repair records and the calls log.")
            for p, d in zip(s.definition, decisions, strict=True)
        ]
        s.outcome = decisions[0] if len(set(decisions)) == 1 else "partly_upheld"
        s.summary = "We have looked into each point and set out what we found and what we will do."
        s.responded_on = responded
        before = c.status
        c.status = f"stage{s.number}_responded"
        self.event(
            c,
            when,
            s.handler,
            f"stage{s.number}_responded",
            f"Stage {s.number} response sent on {responded}",
            {"status": before},
            {"status": c.status, "outcome": s.outcome},
        )
        warnings = self.deadlines(c, s, profile).warnings
        if warnings:
            c.warnings = sorted(set(c.warnings) | set(warnings))

    def other(self, c: CaseSim) -> None:
        """Service requests, compliments, comments and general feedback: no stage, no clock."""
        rng, ld = self.rng, c.landlord
        officer = rng.choice(ld.officers)
        start = c.logged_at.astimezone(LONDON).date()
        if c.kind == "service_request":
            if rng.random() < 0.05:
                c.complaint_choice = rng.choice(("service_request", "declined"))
            when = at_time(start + timedelta(days=int(rng.expovariate(1 / 8))), rng)
            if not self.happens(when):
                return
            c.status = "resolved"
            self.event(
                c,
                when,
                officer,
                "resolved",
                "Resolved: the repair was completed",
                {"status": "open"},
                {"status": "resolved"},
            )
            when = at_time(when.date() + timedelta(days=rng.randint(0, 10)), rng)
            if rng.random() < 0.85 and self.happens(when):
                self.close(c, when, officer)
        elif c.kind == "compliment":
            when = at_time(start + timedelta(days=rng.randint(1, 7)), rng)
            if not self.happens(when):
                return
            c.status = "passed_on"
            self.event(
                c,
                when,
                officer,
                "compliment_passed_on",
                "Compliment passed to the colleague and their line manager",
                {"status": "open"},
                {"status": "passed_on"},
            )
            when = at_time(when.date() + timedelta(days=rng.randint(0, 10)), rng)
            if rng.random() < 0.9 and self.happens(when):
                self.close(c, when, officer)
        elif c.kind == "comment":
            when = at_time(c.landlord.calendar.working_day(start, rng.randint(1, 5)), rng)
            if not self.happens(when):
                return
            c.status = "acknowledged"
            self.event(
                c,
                when,
                officer,
                "comment_acknowledged",
                "Comment or suggestion acknowledged",
                {"status": "open"},
                {"status": "acknowledged"},
            )
            when = at_time(when.date() + timedelta(days=rng.randint(1, 20)), rng)
            if self.happens(when):
                c.closed_at = when
                c.status = "closed"
                self.event(
                    c,
                    when,
                    officer,
                    "comment_responded",
                    "Responded: thank you, passed to the service",
                    {"status": "acknowledged"},
                    {"status": "closed"},
                )
        else:
            when = c.logged_at + timedelta(minutes=rng.randint(1, 120))
            if not self.happens(when):
                return
            if rng.random() < 0.05:
                c.status = "converted"
                self.event(
                    c,
                    when,
                    officer,
                    "converted_to_complaint",
                    "Complaint raised from this general feedback",
                    {"status": "open"},
                    {"status": "converted"},
                )
            else:
                c.status = "resolved"
                self.event(
                    c,
                    when,
                    officer,
                    "resolved",
                    "Resolved at first contact",
                    {"status": "open"},
                    {"status": "resolved"},
                )

    def reference_sequences(self) -> None:
        ReferenceSequence.objects.bulk_create(
            ReferenceSequence(landlord_id=landlord, year=year, last=last)
            for (landlord, year), last in self.sequences.items()
        )


LOADED = [
    "customers_customer",
    "cases_case",
    "cases_stage",
    "cases_extension",
    "cases_pointdecision",
    "cases_decision",
    "cases_learning",
    "cases_timelineevent",
]


def generate(dsn: str, cases: int, landlords: int, progress: Callable[[str], None]) -> dict[str, float]:
    """Fill an empty, migrated database; the seconds each step took."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        timings[step] = time.perf_counter() - clock
        progress(f"{step}: {timings[step]:.1f} s")
        clock = time.perf_counter()

    gen = Generator(dsn, cases, landlords)
    gen.organisations()
    lap("landlords and staff (ORM)")
    with psycopg.connect(dsn) as conn:
        restore = defer_indexes(conn, LOADED)
        sizes = gen.sizes()
        with ExitStack() as stack:
            customers = gen.customers(stack, sizes)
        lap(f"{customers:,} customers (COPY)")
        with ExitStack() as stack:
            gen.generate_cases(stack, sizes, progress)
            counts = {name: table.rows for name, table in gen.tables.items()}
        progress("rows: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()))
        lap("cases, stages, extensions, decisions, learning, timeline (simulated, COPY)")
        restore()
        with conn.cursor() as cur:
            for table in LOADED:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'
                )
        conn.commit()
        lap("indexes and constraints rebuilt (the constraints check every foreign key)")
    gen.reference_sequences()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
    lap("VACUUM (ANALYZE)")
    return timings
