"""Demo data: landlords, staff in every role, customers, cases in every state of the lifecycle, and a
perception survey for the reporting year in progress.

Every case is made and moved only through `putright.cases.services`, so each one is in a valid state with
its timeline and stored deadlines, exactly as if staff had worked it. The services stamp their records with
the current time, so the generator works the cases of a landlord in date order on a simulated clock: each
step runs "at" the moment it happened (received, acknowledged, extended, responded...), never in the
future. Landlords, staff and customers are set-up data with no services of their own and are made directly.

Generation is deterministic for a seed and today's date, and idempotent per landlord: a landlord whose
slug already exists is skipped, never added to.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from putright.accounts.models import Membership, Role, User
from putright.cases.models import Case
from putright.customers import services as customer_services
from putright.customers.models import Channel, Customer, Representative
from putright.demo import texts
from putright.demo.cases import CaseGenerator, DemoError
from putright.demo.surveys import import_demo_survey
from putright.domain.calendar import NATION_NAMES
from putright.domain.lifecycle import Kind, Status
from putright.domain.profiles import default_registry
from putright.organisations import services as organisation_services
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_calendar, profile_on

__all__ = [
    "DEFAULT_CASES",
    "DEFAULT_LANDLORDS",
    "DEFAULT_SEED",
    "DEMO_PASSWORD",
    "DemoError",
    "LandlordResult",
    "LandlordSpec",
    "generate",
    "generate_landlord",
    "landlord_specs",
    "report",
    "summary",
]

LONDON = ZoneInfo("Europe/London")
DEMO_PASSWORD = "demo-password-not-for-production"
DEFAULT_LANDLORDS = 2
DEFAULT_CASES = 300
DEFAULT_SEED = 2026


# -- landlords -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LandlordSpec:
    slug: str
    name: str
    prefix: str
    policy: str
    adopted_from: date
    nation: str
    region: str
    domain: str
    brand_colour: str
    homes: tuple[tuple[int, int], ...]
    """(reporting year starting 1 April, homes owned)"""
    closures: tuple[tuple[date, str], ...] = ()


_CHRISTMAS = "Offices closed between Christmas and New Year"

BRIGHTER_PLACES = LandlordSpec(
    slug="brighter-places",
    name="Brighter Places",
    prefix="BP",
    policy="brighter-places-2022",
    adopted_from=date(2022, 8, 1),
    nation="england-and-wales",
    region="east-midlands",
    domain="brighter-places.example",
    brand_colour="#00703c",
    homes=((2024, 24812), (2025, 25140), (2026, 25367)),
    closures=(
        (date(2025, 12, 29), _CHRISTMAS),
        (date(2025, 12, 30), _CHRISTMAS),
        (date(2025, 12, 31), _CHRISTMAS),
        (date(2026, 12, 29), _CHRISTMAS),
        (date(2026, 12, 30), _CHRISTMAS),
        (date(2026, 12, 31), _CHRISTMAS),
    ),
)

GREAT_PLACES = LandlordSpec(
    slug="great-places",
    name="Great Places",
    prefix="GP",
    policy="great-places",
    adopted_from=date(2024, 4, 1),
    nation="england-and-wales",
    region="greater-manchester",
    domain="great-places.example",
    brand_colour="#6f2c91",
    homes=((2024, 21430), (2025, 21655), (2026, 21890)),
)

_EXTRA_PLACES = {
    "scotland": ["Thistle", "Clydeside", "Forth Valley", "Lomond", "Tayside", "Ochil"],
    "northern-ireland": ["Lagan", "Mourne", "Foyle", "Antrim Coast", "Sperrin", "Erne"],
    "england-and-wales": ["Pennine", "Severn", "Riverside Vale", "Taff", "Calder", "Wye Valley"],
}
_EXTRA_SUFFIXES = ["Homes", "Housing Association", "Housing Trust", "Living"]
_EXTRA_NATIONS = ["scotland", "northern-ireland", "england-and-wales"]
_EXTRA_POLICIES = ["hos-code-2024", "brighter-places-2022", "great-places"]
_EXTRA_COLOURS = ["#005ea5", "#b10e1e", "#00703c", "#a23b06", "#4c2c92", "#505a5f"]


def landlord_specs(count: int) -> list[LandlordSpec]:
    """Brighter Places, Great Places, then generated landlords over the three nations and the policies.

    The nth landlord is always the same whatever the seed, so asking for more later adds to those made.
    """
    specs = [BRIGHTER_PLACES, GREAT_PLACES][:count]
    prefixes = {s.prefix for s in specs} | {"BP", "GP"}
    for index in range(2, count):
        n = index - 2
        nation = _EXTRA_NATIONS[n % 3]
        policy = _EXTRA_POLICIES[(n + n // 3) % 3]
        places = _EXTRA_PLACES[nation]
        place = places[(n // 3) % len(places)]
        suffix = _EXTRA_SUFFIXES[n % len(_EXTRA_SUFFIXES)]
        round_ = n // (3 * len(places))
        name = f"{place} {suffix}" + (f" {round_ + 1}" if round_ else "")
        words = [w for w in name.split() if w[0].isalpha()]
        prefix = (words[0][0] + words[1][0]).upper()
        base, k = prefix, 2
        while prefix in prefixes:
            prefix, k = f"{base}{k}", k + 1
        prefixes.add(prefix)
        region = (
            nation if nation != "england-and-wales" else ("yorkshire" if (n // 3) % 2 == 0 else "south-wales")
        )
        slug = slugify(name)
        specs.append(
            LandlordSpec(
                slug=slug,
                name=name,
                prefix=prefix,
                policy=policy,
                adopted_from=default_registry().latest(policy).effective_from,
                nation=nation,
                region=region,
                domain=f"{slug}.example",
                brand_colour=_EXTRA_COLOURS[n % len(_EXTRA_COLOURS)],
                homes=((2024, 6000 + 731 * n), (2025, 6120 + 731 * n), (2026, 6205 + 731 * n)),
            )
        )
    return specs


def _create_landlord(spec: LandlordSpec, rng: random.Random) -> Landlord:
    region = texts.REGIONS[spec.region]
    town, districts = region.towns[0]
    landlord = Landlord.objects.create(
        slug=spec.slug,
        name=spec.name,
        nation=spec.nation,
        brand_colour=spec.brand_colour,
        email=f"customer.feedback@{spec.domain}",
        phone=f"{region.phone_prefix}{rng.randint(0, 999):03d}",
        address=f"{spec.name}, {rng.randint(1, 60)} {rng.choice(texts.STREET_NAMES)} Street, {town}\n"
        f"{_postcode(rng, districts[0])}",
        website=f"https://www.{spec.domain}",
        reference_prefix=spec.prefix,
    )
    return landlord


def _administer(landlord: Landlord, spec: LandlordSpec, staff: Staff) -> None:
    """The landlord's policy, closure days and homes counts, set by its administrator."""
    admin = staff.by_key["administrator"]
    organisation_services.policy_adopt(
        landlord=landlord, actor=admin, policy_name=spec.policy, adopted_from=spec.adopted_from
    )
    for day, reason in spec.closures:
        organisation_services.closure_day_add(landlord=landlord, actor=admin, day=day, reason=reason)
    for year, homes in spec.homes:
        organisation_services.homes_count_set(landlord=landlord, actor=admin, year_starting=year, homes=homes)


def _postcode(rng: random.Random, district: str) -> str:
    return f"{district} {rng.randint(1, 9)}{rng.choice(texts.UNIT_LETTERS)}{rng.choice(texts.UNIT_LETTERS)}"


# -- staff -----------------------------------------------------------------------------------------------

R = Role

STAFF_PLAN: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
    # (key, job title, roles, key of their line manager)
    ("csd", "Customer Services Director", (R.SENIOR_LEADER,), None),
    ("property-director", "Director of Property Services", (R.SENIOR_LEADER,), None),
    ("housing-director", "Director of Housing", (R.SENIOR_LEADER, R.INVESTIGATING_MANAGER), None),
    ("feedback-lead", "Customer Feedback Team Leader", (R.FEEDBACK_OFFICER,), "csd"),
    ("feedback-officer-1", "Customer Feedback Officer", (R.FEEDBACK_OFFICER,), "feedback-lead"),
    ("feedback-officer-2", "Customer Feedback Officer", (R.FEEDBACK_OFFICER,), "feedback-lead"),
    ("repairs-manager", "Repairs Manager", (R.INVESTIGATING_MANAGER,), "property-director"),
    (
        "compliance-manager",
        "Damp, Mould and Compliance Manager",
        (R.INVESTIGATING_MANAGER,),
        "property-director",
    ),
    ("housing-services-manager", "Housing Services Manager", (R.INVESTIGATING_MANAGER,), "housing-director"),
    ("income-manager", "Income and Leasehold Manager", (R.INVESTIGATING_MANAGER,), "housing-director"),
    ("estates-manager", "Estate Services Manager", (R.INVESTIGATING_MANAGER,), "housing-director"),
    ("housing-manager-1", "Housing Manager", (R.HOUSING_MANAGER,), "housing-services-manager"),
    ("housing-manager-2", "Housing Manager", (R.HOUSING_MANAGER,), "housing-services-manager"),
    ("repairs-team-leader", "Repairs Team Leader", (R.LINE_MANAGER,), "repairs-manager"),
    ("neighbourhood-team-leader", "Neighbourhood Team Leader", (R.LINE_MANAGER,), "housing-services-manager"),
    ("member-responsible", "Board Member Responsible for Complaints", (R.MEMBER_RESPONSIBLE, R.BOARD), None),
    ("board-chair", "Chair of the Board", (R.BOARD,), None),
    ("board-member", "Board member", (R.BOARD,), None),
    ("administrator", "PutRight administrator", (R.ADMINISTRATOR,), "csd"),
)


@dataclass
class Staff:
    """A landlord's demo staff by key, and who holds each role."""

    by_key: dict[str, User]
    titles: dict[str, str]
    integration: User

    def role(self, role: str) -> list[User]:
        keys = [key for key, _title, roles, _lm in STAFF_PLAN if role in roles]
        return [self.by_key[k] for k in keys]


def _create_staff(landlord: Landlord, spec: LandlordSpec, rng: random.Random) -> Staff:
    used: set[str] = set()
    by_key: dict[str, User] = {}
    titles: dict[str, str] = {}
    for key, title, roles, manager_key in STAFF_PLAN:
        while True:
            first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.SURNAMES)
            local = f"{first}.{last}".lower().replace("'", "")
            if local not in used:
                used.add(local)
                break
        user = User.objects.create_user(
            f"{local}@{spec.domain}", DEMO_PASSWORD, first_name=first, last_name=last
        )
        manager = by_key[manager_key] if manager_key else None
        for role in roles:
            Membership.objects.create(user=user, landlord=landlord, role=role, line_manager=manager)
        by_key[key], titles[key] = user, title
    integration = User.objects.create_user(
        f"integration@{spec.domain}", None, first_name="Repairs system", last_name="(integration)"
    )
    Membership.objects.create(user=integration, landlord=landlord, role=R.INTEGRATION)
    return Staff(by_key, titles, integration)


# -- customers -------------------------------------------------------------------------------------------

T = Customer.Type
CUSTOMER_TYPE_WEIGHTS = {
    T.RESIDENT: 62,
    T.LEASEHOLDER: 9,
    T.SHARED_OWNER: 6,
    T.MARKET_RENT: 5,
    T.FORMER_RESIDENT: 6,
    T.APPLICANT: 6,
    T.NON_RESIDENT: 6,
}


@dataclass
class People:
    customers: list[Customer]
    by_type: dict[str, list[Customer]]
    representatives: dict[int, list[Representative]]
    vulnerable: dict[int, str]
    """customer id -> what to note on their cases"""
    events: list[tuple[datetime, Callable[[], object]]]
    """Adjustments, disclosures and the restriction: recorded later, on their own dates"""


def _create_customers(
    landlord: Landlord, spec: LandlordSpec, staff: Staff, rng: random.Random, count: int, anchor: date
) -> People:
    """Customers of every type with their representatives, made through the customer services; their
    adjustments, disclosed disabilities and one contact restriction are scheduled for later dates."""
    region = texts.REGIONS[spec.region]
    types = list(CUSTOMER_TYPE_WEIGHTS)
    weights = list(CUSTOMER_TYPE_WEIGHTS.values())
    officer = staff.by_key["feedback-lead"]
    customers: list[Customer] = []
    by_type: dict[str, list[Customer]] = {t: [] for t in types}
    representatives: dict[int, list[Representative]] = {}
    vulnerable: dict[int, str] = {}
    events: list[tuple[datetime, Callable[[], object]]] = []
    for index in range(count):
        kind = types[index] if index < len(types) else rng.choices(types, weights)[0]
        first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.SURNAMES)
        town, districts = rng.choice(region.towns)
        street = f"{rng.choice(texts.STREET_NAMES)} {rng.choice(texts.STREET_TYPES)}"
        if rng.random() < 0.4:
            block = f"{rng.choice(texts.STREET_NAMES)} {rng.choice(texts.BLOCK_NAMES)}"
            line = f"Flat {rng.randint(1, 48)}, {block}, {street}"
        else:
            line = f"{rng.randint(1, 180)} {street}"
        tenancy = ""
        if kind in (T.RESIDENT, T.MARKET_RENT, T.FORMER_RESIDENT):
            tenancy = f"{spec.prefix}T{rng.randint(10000, 99999)}"
        elif kind in (T.LEASEHOLDER, T.SHARED_OWNER):
            tenancy = f"{spec.prefix}L{rng.randint(1000, 9999)}"
        elif kind == T.APPLICANT:
            tenancy = f"APP-{rng.randint(100000, 999999)}"
        has_email = rng.random() < 0.75
        email = f"{first}.{last}{rng.randint(1, 99)}@example.com".lower().replace("'", "")
        customer = customer_services.customer_create(
            landlord=landlord,
            actor=officer,
            name=f"{first} {last}",
            type=kind,
            tenancy_reference=tenancy,
            address=f"{line}\n{town}",
            postcode=_postcode(rng, rng.choice(districts)),
            email=email if has_email else "",
            phone=f"07700 900{rng.randint(0, 999):03d}",
            preferred_channel=Channel.EMAIL if has_email and rng.random() < 0.6 else Channel.PHONE,
        )
        customers.append(customer)
        by_type[kind].append(customer)

    # Representatives for about one customer in twelve; authority given for most.
    for customer in customers:
        if rng.random() >= 0.08:
            continue
        relationship, basis, authority, evidence = rng.choice(texts.REPRESENTATIVES)
        surname = customer.name.split()[-1]
        if basis == "designated_person":
            name = f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.SURNAMES)}" + (
                " MP" if "Parliament" in relationship else ""
            )
        elif relationship in ("daughter", "son"):
            name = f"{rng.choice(texts.FIRST_NAMES)} {surname}"
        else:
            name = f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.SURNAMES)}"
        rep = customer_services.representative_add(
            landlord=landlord,
            actor=officer,
            customer_id=customer.pk,
            name=name,
            relationship=relationship,
            basis=basis,
            email=f"{name.split()[0]}.{rng.randint(10, 99)}@example.org".lower(),
            phone=f"07700 900{rng.randint(0, 999):03d}",
        )
        if authority == Representative.Authority.GIVEN:
            rep = customer_services.representative_set_authority(
                landlord=landlord,
                actor=officer,
                representative_id=rep.pk,
                authority=authority,
                evidence=evidence,
            )
        representatives.setdefault(customer.pk, []).append(rep)

    # Reasonable adjustments, some with a disclosed disability, for about one customer in eight.
    for customer in customers:
        if rng.random() >= 0.12:
            continue
        adjustment, details = rng.choice(texts.ADJUSTMENTS)
        agreed = anchor - timedelta(days=rng.randint(20, 420))
        at = datetime.combine(agreed, time(11, 0), tzinfo=LONDON) + timedelta(minutes=rng.randint(0, 300))
        events.append((at, _adjust(landlord, officer, customer.pk, adjustment, details, agreed)))
        if rng.random() < 0.6:
            disability = rng.choice(texts.DISABILITIES)
            events.append(
                (at + timedelta(minutes=5), _disclose(landlord, officer, customer.pk, disability, agreed))
            )
            vulnerable[customer.pk] = f"{disability}; adjustment agreed: {details}"

    # One active contact restriction, applied recently by a housing manager.
    restricted = by_type[T.RESIDENT][-1] if by_type[T.RESIDENT] else customers[-1]
    starts = anchor - timedelta(days=rng.randint(21, 56))
    while starts.weekday() >= 5:
        starts -= timedelta(days=1)
    events.append(
        (
            datetime.combine(starts, time(15, 10), tzinfo=LONDON),
            _restrict(landlord, staff.role(R.HOUSING_MANAGER)[0], restricted.pk, spec.domain, starts),
        )
    )
    return People(customers, by_type, representatives, vulnerable, events)


def _adjust(
    landlord: Landlord, actor: User, customer_id: int, type_: str, details: str, agreed: date
) -> Callable[[], object]:
    return lambda: customer_services.adjustment_record(
        landlord=landlord, actor=actor, customer_id=customer_id, type=type_, details=details, agreed_on=agreed
    )


def _disclose(
    landlord: Landlord, actor: User, customer_id: int, description: str, disclosed: date
) -> Callable[[], object]:
    return lambda: customer_services.disability_record(
        landlord=landlord,
        actor=actor,
        customer_id=customer_id,
        description=description,
        disclosed_on=disclosed,
    )


def _restrict(
    landlord: Landlord, actor: User, customer_id: int, domain: str, starts: date
) -> Callable[[], object]:
    return lambda: customer_services.restriction_apply(
        landlord=landlord,
        actor=actor,
        customer_id=customer_id,
        type="single-channel",
        reason="Repeated abusive phone calls to the contact centre and to individual officers over six weeks",
        how_to_contact=f"By email to customer.feedback@{domain}; emergency repairs by phone as usual",
        understanding_sought="The housing manager called twice to agree a way forward and wrote to explain "
        "the effect on colleagues before the restriction was applied",
        starts_on=starts,
    )


# -- the simulated clock ---------------------------------------------------------------------------------


class SimulatedClock:
    """Stands in for django.utils.timezone.now while a landlord's demo cases are worked."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at.astimezone(UTC)


@contextmanager
def simulated_clock(start: datetime) -> Iterator[SimulatedClock]:
    clock = SimulatedClock(start)
    with mock.patch.object(timezone, "now", clock):
        yield clock


# -- generation ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LandlordResult:
    landlord: Landlord
    created: bool
    cases: int


def working_day_before(day: date) -> date:
    """The last weekday before `day` (the newest date any demo step happens on)."""
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def refuse_outside_development(force: bool) -> None:
    """Demo accounts share a published password: never load them into a live system by accident."""
    from django.conf import settings

    if not settings.DEBUG and not force:
        raise DemoError(
            "demo data shares a published password, so it is loaded only with DEBUG=1 (as `make run` does) "
            "or with --force"
        )


def generate(
    *,
    landlords: int = DEFAULT_LANDLORDS,
    cases: int = DEFAULT_CASES,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    log: Callable[[str], None] = lambda _line: None,
) -> list[LandlordResult]:
    """Make `landlords` demo landlords with about `cases` cases each; a landlord that exists is skipped."""
    if landlords < 1:
        raise ValueError("at least one landlord")
    if cases < 0:
        raise ValueError("cases cannot be negative")
    today = today or timezone.localdate()
    results = []
    for spec in landlord_specs(landlords):
        results.append(generate_landlord(spec, cases=cases, seed=seed, today=today, log=log))
    return results


def generate_landlord(
    spec: LandlordSpec, *, cases: int, seed: int, today: date, log: Callable[[str], None] = lambda _l: None
) -> LandlordResult:
    existing = Landlord.objects.filter(slug=spec.slug).first()
    if existing is not None:
        log(f"{existing.name} ({spec.slug}) already exists: skipped, nothing added.")
        return LandlordResult(existing, False, Case.objects.filter(landlord=existing).count())
    rng = random.Random(f"putright-demo:{seed}:{spec.slug}")
    anchor = working_day_before(today)
    start = datetime.combine(anchor - timedelta(days=450), time(9, 0), tzinfo=LONDON)
    with transaction.atomic(), simulated_clock(start) as clock:
        landlord = _create_landlord(spec, rng)
        staff = _create_staff(landlord, spec, rng)
        _administer(landlord, spec, staff)
        people = _create_customers(landlord, spec, staff, rng, max(24, cases // 3 + 8), anchor=anchor)
        generator = CaseGenerator(
            landlord=landlord,
            spec=spec,
            staff=staff,
            people=people,
            rng=rng,
            anchor=anchor,
            calendar=landlord_calendar(landlord),
            profile=profile_on(landlord, anchor),
        )
        made = generator.run(cases, clock)
        clock.at = max(clock.at, datetime.combine(generator.anchor, time(16, 30), tzinfo=LONDON))
        survey = import_demo_survey(
            landlord=landlord,
            officer=staff.role(Role.FEEDBACK_OFFICER)[0],
            prefix=spec.prefix,
            today=generator.anchor,
            rng=random.Random(rng.getrandbits(64)),
        )
    log(
        f"{spec.name} ({spec.slug}): {made} cases, {len(people.customers)} customers, staff in every role, "
        f"a perception survey of {survey.responses_count} tenants for {survey.year.label}."
    )
    return LandlordResult(landlord, True, made)


# -- what to print ---------------------------------------------------------------------------------------

SIGN_IN_ROLES = [role for role in Role if role != Role.INTEGRATION]


def sign_in_rows(landlords: list[Landlord]) -> list[tuple[str, str, str]]:
    """(landlord, role, email): someone in each role at each landlord, preferring one who holds only it."""
    rows = []
    for landlord in landlords:
        memberships = list(
            Membership.objects.filter(landlord=landlord, user__is_active=True)
            .select_related("user")
            .order_by("id")
        )
        held: dict[int, set[str]] = {}
        for m in memberships:
            held.setdefault(m.user_id, set()).add(m.role)
        for role in SIGN_IN_ROLES:
            holders = [m.user for m in memberships if m.role == role]
            if holders:
                only = [u for u in holders if held[u.pk] == {role}]
                rows.append((landlord.name, role.label, (only or holders)[0].email))
    return rows


def state_counts(landlords: list[Landlord]) -> dict[tuple[str, str], dict[int, int]]:
    """(kind, status) -> landlord id -> number of cases."""
    counts: dict[tuple[str, str], dict[int, int]] = {}
    rows = (
        Case.objects.filter(landlord__in=landlords)
        .values("kind", "status", "landlord_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts.setdefault((row["kind"], row["status"]), {})[row["landlord_id"]] = row["n"]
    return counts


_KIND_ORDER = [k.value for k in Kind]
_STATUS_ORDER = [s.value for s in Status]


def report(results: list[LandlordResult]) -> str:
    """How to sign in, and how many cases each landlord has in each state."""
    landlords = [r.landlord for r in results]
    lines = [
        "",
        "Demo data ready. Sign in to the back office with any of these accounts:",
        "",
    ]
    rows = [("Landlord", "Role", "Email"), *sign_in_rows(landlords)]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for index, row in enumerate(rows):
        lines.append("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    lines += [
        "",
        f"Password for every demo account: {DEMO_PASSWORD}",
        "(for demonstration only: never use it, or this data, on a live system; integration accounts have no "
        "password)",
        "",
        "Cases per state:",
        "",
    ]
    counts = state_counts(landlords)
    keys = sorted(counts, key=lambda k: (_KIND_ORDER.index(k[0]), _STATUS_ORDER.index(k[1])))
    header = ["Kind", "State", *[lo.reference_prefix for lo in landlords], "Total"]
    table = [header]
    for kind, status in keys:
        per = counts[(kind, status)]
        table.append(
            [
                Kind(kind).label,
                Status(status).label,
                *[str(per.get(lo.pk, 0)) for lo in landlords],
                str(sum(per.values())),
            ]
        )
    totals = [sum(counts[k].get(lo.pk, 0) for k in keys) for lo in landlords]
    table.append(["All", "", *[str(t) for t in totals], str(sum(totals))])
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for index, line in enumerate(table):
        cells = [c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(line)]
        lines.append("  " + "  ".join(cells).rstrip())
        if index == 0 or index == len(table) - 2:
            lines.append("  " + "  ".join("-" * w for w in widths))
    names = ", ".join(f"{lo.name} ({lo.reference_prefix}, {NATION_NAMES[lo.nation]})" for lo in landlords)
    lines += ["", f"Landlords: {names}."]
    return "\n".join(lines)


def summary(landlords: list[Landlord] | None = None) -> list[tuple[str, ...]]:
    """Every demo case as plain values, to compare two runs of the generator."""
    cases = Case.objects.select_related("landlord", "customer").order_by("landlord__slug", "reference")
    if landlords is not None:
        cases = cases.filter(landlord__in=landlords)
    return [
        (
            c.landlord.slug,
            c.reference,
            c.kind,
            c.status,
            c.received_at.isoformat(),
            c.customer.name,
            c.summary,
        )
        for c in cases
    ]
