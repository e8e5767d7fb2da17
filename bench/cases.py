"""Benchmark: a million cases on PostgreSQL. Logging through the API, the worklists, a worker's memory and
the staff pages.

    .venv/bin/python bench/cases.py [--cases 1000000] [--landlords 20] [--keep] [--reuse]
        [--iterations 300] [--seconds 20] [--workers 4] [--rss-requests 10000] [--page-runs 60]
        [--phases reads,writes,memory,pages]

Creates its own database on the local server (putright_bench: dropped and recreated unless --reuse, dropped
at the end unless --keep), migrates it with the project's migrations and fills it with realistic data
(bench/casegen.py), checked against the services' own recompute() and track(). Then, each against a
baseline measured in the same run on the same server (--phases picks some):

1. (writes) Cases logged per second through POST /api/v1/landlords/{slug}/cases/ by 8 concurrent clients,
   against a bare Django view that inserts one row, both served by the same gunicorn (bench/bench_urls.py);
   and a DRF view that does nothing, the floor any REST API v1 endpoint starts from. CPU per request is split
   between the Django workers, PostgreSQL and the clients.
2. (reads) The team's and one handler's worklist (its first page as the API reads it, `first_open_cases`, 50
   rows; a cursor's later page, `open_cases_soonest_first`, for information) and `overdue_counts`
   over all landlords, in-process, against hand-written SQL returning the same rows and columns (checked
   equal): p50/p95, the queries at page sizes 10 and 100, the query plans, where the ORM's time goes; the
   first page of the case list for information.
3. (memory) The resident set size of one gunicorn worker over 10,000 API reads (lists, details, worklists).
4. (pages) The staff pages at the largest landlord, signed in through the sign-in form: p50/p95 per page
   over HTTP and the queries each runs.

Each phase reports how much CPU other processes used meanwhile. Every request goes to 127.0.0.1; every loop
is bounded in count and time; every process started here is stopped, and the database dropped, on the way
out, Ctrl-C and errors included.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchdb import SERVER, BenchDatabase, heading, say  # noqa: E402

DB_NAME = "putright_bench"
DSN = f"{SERVER}/{DB_NAME}"
CLIENTS = 8
PAGE = 50
PHASES = ("reads", "writes", "memory", "pages")

os.environ["DATABASE_URL"] = DSN.replace("postgresql://", "postgres://", 1)
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bench_settings"
os.environ["PUTRIGHT_ALLOW_DEV_SECRET"] = "1"
os.environ.setdefault("LOG_LEVEL", "WARNING")
warnings.filterwarnings("ignore", message="No directory at")  # static files are not collected for the bench


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


# ------------------------------------------------------------------------------------------- database


DB = BenchDatabase(DB_NAME)


def describe_data() -> None:
    from django.db import connection

    heading("Data")
    with connection.cursor() as cur:
        for table in (
            "organisations_landlord",
            "accounts_user",
            "customers_customer",
            "cases_case",
            "cases_stage",
            "cases_extension",
            "cases_timelineevent",
        ):
            cur.execute(
                f'SELECT count(*), pg_size_pretty(pg_total_relation_size(%s)) FROM "{table}"', [table]
            )
            count, size = cur.fetchone()
            say(f"  {table:<26} {count:>10,} rows {size:>9} with indexes")
        cur.execute("SELECT kind, count(*) FROM cases_case GROUP BY kind ORDER BY 2 DESC")
        say("  kinds: " + ", ".join(f"{k} {n:,}" for k, n in cur.fetchall()))
        cur.execute("SELECT status, count(*) FROM cases_case GROUP BY status ORDER BY 2 DESC")
        say("  statuses: " + ", ".join(f"{k} {n:,}" for k, n in cur.fetchall()))
        cur.execute(
            "SELECT count(*) FILTER (WHERE next_due IS NOT NULL), count(*) FILTER (WHERE next_due < current_date), "
            "min(received_at)::date, max(received_at)::date FROM cases_case"
        )
        running, overdue, first, last = cur.fetchone()
        say(f"  running clocks: {running:,}; overdue: {overdue:,}; received {first} to {last}")
        cur.execute(
            "SELECT l.nation, p.policy_name, count(*) FROM organisations_landlord l JOIN LATERAL "
            "(SELECT policy_name FROM organisations_landlordpolicy WHERE landlord_id = l.id "
            "ORDER BY adopted_from DESC LIMIT 1) p ON true GROUP BY 1, 2 ORDER BY 1, 2"
        )
        say("  landlords: " + ", ".join(f"{n} {nation}/{policy}" for nation, policy, n in cur.fetchall()))
        for setting in ("shared_buffers", "work_mem", "effective_cache_size", "random_page_cost"):
            cur.execute(f"SHOW {setting}")
            say(f"  server {setting} = {cur.fetchone()[0]}")


def verify(sample: int = 400) -> None:
    """Recompute a sample of complaints with the services' own recompute() and track() (rolled back) and
    check the stored deadlines and worklist columns are what the services would have stored."""
    from django.db import transaction

    from putright.cases.models import Case
    from putright.cases.services._base import recompute

    heading(f"Checking {sample} random complaints against the services' recompute() and track()")
    rng = random.Random(7)
    top = Case.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = [rng.randint(1, top) for _ in range(sample * 3)]
    cases = list(Case.objects.filter(pk__in=ids, kind="complaint").select_related("landlord")[:sample])
    stages = checked = 0
    with transaction.atomic():
        for case in cases:
            stored = (case.handler_id, case.next_due, case.next_due_kind)
            warnings = set(case.warnings)
            for stage in case.stages.order_by("number"):
                before = (
                    stage.acknowledge_by,
                    stage.respond_by,
                    stage.respond_by_provisional,
                    stage.escalate_by,
                )
                text = (stage.explanation, stage.breaches, getattr(stage, "warnings", None))
                recompute(stage, case)
                after = (
                    stage.acknowledge_by,
                    stage.respond_by,
                    stage.respond_by_provisional,
                    stage.escalate_by,
                )
                assert before == after, (
                    f"{case.reference} stage {stage.number}: stored {before}, recomputed {after}"
                )
                assert text == (stage.explanation, stage.breaches, getattr(stage, "warnings", None)), (
                    f"{case.reference} stage {stage.number}: explanation, breaches or warnings differ"
                )
                stages += 1
            now = (case.handler_id, case.next_due, case.next_due_kind)
            assert stored == now, f"{case.reference} ({case.status}): stored {stored}, track() gives {now}"
            assert warnings == set(case.warnings), f"{case.reference}: warnings differ"
            checked += 1
        transaction.set_rollback(True)
    say(
        f"  {checked} complaints, {stages} stages: stored deadlines, explanations, breaches, warnings and "
        "worklist columns agree"
    )


# ------------------------------------------------------------------------------------------- reads


@dataclass
class Scenario:
    name: str
    django: Callable[[], list[Any]]
    sql: str
    params: list[Any]
    goal: bool = True
    """One of the reads the goal names (worklists, overdue counts); others are shown for information."""
    compare: tuple[Callable[[Any], Any], Callable[[Any], Any]] | None = None
    """Row shapers (from SQL, from Django) for comparing case rows; None compares the results as they are."""
    django_ms: list[float] = field(default_factory=list)
    sql_ms: list[float] = field(default_factory=list)
    queries: int = 0
    plan: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return percentile(self.django_ms, 50) / percentile(self.sql_ms, 50)


def columns(model: Any, alias: str, only: Sequence[str] | None = None) -> tuple[list[str], list[str]]:
    """The model's columns as `alias.column` and their attribute names: all of them, or with `only` the
    primary key, the foreign keys named and the fields named (what Django's only() reads)."""
    fields = [f for f in model._meta.concrete_fields if only is None or f.primary_key or f.name in only]
    return [f"{alias}.{f.column}" for f in fields], [f.attname for f in fields]


def cases_sql(
    where: list[str], order: str, only: Sequence[str] | None = None
) -> tuple[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]]:
    """A page of cases by hand, each with its customer and handler, as select_related fetches them (every
    column, or with `only` the columns of a selector's only(), e.g. WORKLIST_COLUMNS); and how to shape a
    row from each side for comparison."""
    from putright.accounts.models import User
    from putright.cases.models import Case
    from putright.customers.models import Customer

    def related(prefix: str) -> list[str] | None:
        return None if only is None else [n.split("__", 1)[1] for n in only if n.startswith(prefix + "__")]

    case_cols, case_attrs = columns(Case, "c", None if only is None else [n for n in only if "__" not in n])
    customer_cols, customer_attrs = columns(Customer, "cu", related("customer"))
    user_cols, user_attrs = columns(User, "u", related("handler"))
    sql = (
        f"SELECT {', '.join(case_cols + customer_cols + user_cols)} FROM cases_case c "
        "JOIN customers_customer cu ON cu.id = c.customer_id LEFT JOIN accounts_user u ON u.id = c.handler_id "
        f"WHERE {' AND '.join(where)} ORDER BY {order} LIMIT {PAGE}"
    )
    n1, n2 = len(case_cols), len(case_cols) + len(customer_cols)

    def from_sql(row: tuple[Any, ...]) -> Any:
        user = row[n2:]
        return (row[:n1], row[n1:n2], None if user[0] is None else user)

    def value(row: Any, attname: str) -> Any:
        """A column of a model instance, or of a worklist row (whose customer_id is its customer's id)."""
        if hasattr(row, attname) or not attname.endswith("_id"):
            return getattr(row, attname)
        related = getattr(row, attname.removesuffix("_id"))
        return None if related is None else related.id

    def from_django(case: Any) -> Any:
        return (
            tuple(value(case, a) for a in case_attrs),
            tuple(getattr(case.customer, a) for a in customer_attrs),
            None if case.handler is None else tuple(getattr(case.handler, a) for a in user_attrs),
        )

    return sql, (from_sql, from_django)


def first_officer(landlord: Any) -> Any:
    from putright.accounts.models import Membership, Role, User

    return User.objects.get(
        pk=Membership.objects.filter(landlord=landlord, role=Role.FEEDBACK_OFFICER)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .first()
    )


def read_scenarios() -> list[Scenario]:
    from django.db import connection
    from django.utils import timezone

    from putright.accounts.models import User
    from putright.accounts.permissions import remember_roles, roles_at, roles_remembered
    from putright.cases.selectors import (
        WORKLIST_COLUMNS,
        case_list,
        open_cases_soonest_first,
        overdue_counts,
    )
    from putright.cases.selectors_worklist_first_page import first_open_cases
    from putright.cases.selectors_worklist_rows import worklist_cases
    from putright.organisations.models import Landlord

    with connection.cursor() as cur:
        cur.execute(
            "SELECT landlord_id, count(*), count(*) FILTER (WHERE next_due IS NOT NULL) FROM cases_case "
            "GROUP BY landlord_id"
        )
        stats = {lid: (total, running) for lid, total, running in cur.fetchall()}
    landlords = list(Landlord.objects.order_by("id"))
    by_id = {lo.pk: lo for lo in landlords}
    chosen: list[Landlord] = []
    for lid in (
        max(stats, key=lambda k: stats[k][0]),  # the most cases
        max(stats, key=lambda k: stats[k][1]),  # the most running clocks
        min(stats, key=lambda k: stats[k][0]),  # the fewest cases
        next((lo.pk for lo in landlords if lo.nation != "england-and-wales"), landlords[-1].pk),
    ):
        if by_id[lid] not in chosen:
            chosen.append(by_id[lid])

    scenarios: list[Scenario] = []
    worklist = "c.next_due, c.id"
    for landlord in chosen:
        officer = first_officer(landlord)
        with connection.cursor() as cur:  # the busiest handler
            cur.execute(
                "SELECT handler_id FROM cases_case WHERE landlord_id = %s AND next_due IS NOT NULL "
                "AND handler_id IS NOT NULL GROUP BY handler_id ORDER BY count(*) DESC, handler_id LIMIT 1",
                [landlord.pk],
            )
            handler = User.objects.get(pk=cur.fetchone()[0])
        total, running = stats[landlord.pk]
        label = f"{landlord.slug} ({total:,} cases, {running:,} running)"

        def team(landlord: Landlord = landlord, officer: User = officer) -> list[Any]:
            return worklist_cases(first_open_cases(landlord=landlord, user=officer, size=PAGE))

        def mine(
            landlord: Landlord = landlord, officer: User = officer, handler: User = handler
        ) -> list[Any]:
            return worklist_cases(
                first_open_cases(landlord=landlord, user=officer, handler=handler, size=PAGE)
            )

        def as_manager(landlord: Landlord = landlord, handler: User = handler) -> list[Any]:
            return worklist_cases(first_open_cases(landlord=landlord, user=handler, size=PAGE))

        open_ = ["c.landlord_id = %s", "c.next_due IS NOT NULL"]
        colleague = "(NOT c.about_colleague OR c.handler_id = %s)"
        for name, fn, where, params in (
            (f"team worklist, {label}", team, open_, [landlord.pk]),
            (
                f"one handler's worklist, {label}",
                mine,
                [*open_, "c.handler_id = %s"],
                [landlord.pk, handler.pk],
            ),
            (
                f"team worklist as an investigating manager (colleague filter), {label}",
                as_manager,
                [*open_, colleague],
                [landlord.pk, handler.pk],
            ),
        ):
            sql, compare = cases_sql(where, worklist, WORKLIST_COLUMNS)
            scenarios.append(Scenario(name, fn, sql, params, compare=compare))

    landlord = chosen[0]
    officer = first_officer(landlord)
    roles = roles_at(officer, landlord)

    def known(landlord: Landlord = landlord, officer: User = officer) -> list[Any]:
        with roles_remembered():
            remember_roles(officer, landlord, roles)
            return worklist_cases(open_cases_soonest_first(landlord=landlord, user=officer)[:PAGE])

    sql, compare = cases_sql(["c.landlord_id = %s", "c.next_due IS NOT NULL"], worklist, WORKLIST_COLUMNS)
    scenarios.append(
        Scenario(
            f"team worklist through its queryset (a cursor's page), roles already read with the landlord "
            f"(as in an API request), {landlord.slug}",
            known,
            sql,
            [landlord.pk],
            goal=False,
            compare=compare,
        )
    )

    def listing(landlord: Landlord = landlord, officer: User = officer) -> list[Any]:
        return list(case_list(landlord=landlord, user=officer)[:PAGE])

    sql, compare = cases_sql(["c.landlord_id = %s"], "c.next_due, c.received_at DESC, c.id DESC")
    total, running = stats[landlord.pk]
    scenarios.append(
        Scenario(
            f"case list (GET cases/ order), {landlord.slug} ({total:,} cases)",
            listing,
            sql,
            [landlord.pk],
            goal=False,
            compare=compare,
        )
    )

    today = timezone.localdate()
    ids = [lo.pk for lo in landlords]
    counts_sql = (
        "SELECT landlord_id, count(*) FROM cases_case WHERE landlord_id = ANY(%s) AND next_due < %s "
        "GROUP BY landlord_id"
    )

    def overdue() -> list[Any]:
        return sorted(overdue_counts(landlords=landlords, today=today).items())

    scenarios.append(
        Scenario(
            f"overdue count per landlord, all {len(landlords)} landlords", overdue, counts_sql, [ids, today]
        )
    )
    return scenarios


def check(scenario: Scenario, sql_rows: list[Any], all_ids: list[int]) -> None:
    """Django's result equals the hand-written SQL's, row for row and column for column."""
    ours = scenario.django()
    if scenario.compare is not None:
        from_sql, from_django = scenario.compare
        theirs, mine = [from_sql(r) for r in sql_rows], [from_django(c) for c in ours]
    else:
        counts = {lid: 0 for lid in all_ids}
        counts.update(dict(sql_rows))
        theirs, mine = sorted(counts.items()), ours
    assert mine == theirs, f"{scenario.name}: Django and SQL rows differ"
    assert mine, f"{scenario.name}: no rows"


def measure_reads(iterations: int, title: str, seconds: float = 30) -> list[Scenario]:
    """Each scenario `iterations` times (fewer if it takes over `seconds`, at least 20), Django and the SQL
    alternately so that load on the machine hits both alike."""
    import psycopg
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from putright.organisations.models import Landlord

    heading(f"(2) Worklists and overdue counts, in-process: {title}")
    scenarios = read_scenarios()
    others = OtherLoad()
    all_ids = list(Landlord.objects.values_list("pk", flat=True))
    with psycopg.connect(DSN, autocommit=True) as raw:
        for s in scenarios:
            check(s, raw.execute(s.sql, s.params).fetchall(), all_ids)
            with CaptureQueriesContext(connection) as captured:
                s.django()
            s.queries = len(captured)
            with connection.cursor() as cur:
                cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + captured.captured_queries[-1]["sql"])
                s.plan = [line for (line,) in cur.fetchall()]
            for _ in range(3):  # warm both
                s.django()
                raw.execute(s.sql, s.params).fetchall()
            stop = time.perf_counter() + seconds
            while len(s.django_ms) < iterations and (len(s.django_ms) < 20 or time.perf_counter() < stop):
                t0 = time.perf_counter()
                s.django()
                t1 = time.perf_counter()
                raw.execute(s.sql, s.params).fetchall()
                t2 = time.perf_counter()
                s.django_ms.append((t1 - t0) * 1000)
                s.sql_ms.append((t2 - t1) * 1000)
    say(f"  {others.report()}")
    say("  every scenario: Django's rows equal the hand-written SQL's, column for column")
    say(
        f"  {'scenario':<100} {'runs':>4} {'q':>2} {'p50 ms':>7} {'p95 ms':>7} {'SQL p50':>8} {'SQL p95':>8} {'ratio':>6}"
    )
    for s in scenarios:
        d50, d95 = percentile(s.django_ms, 50), percentile(s.django_ms, 95)
        q50, q95 = percentile(s.sql_ms, 50), percentile(s.sql_ms, 95)
        name = s.name if s.goal else f"({s.name})"
        say(
            f"  {name:<100} {len(s.django_ms):>4} {s.queries:>2} {d50:>7.2f} {d95:>7.2f} {q50:>8.2f} {q95:>8.2f} "
            f"{s.ratio:>6.2f}"
        )
    say(
        "  q = queries Django ran (a first page: one, with the role check in it); ratio = Django p50 / SQL p50; "
        "(in brackets): not one of the goal's reads"
    )
    return scenarios


def overhead_breakdown(iterations: int) -> None:
    """Where the selector's time goes beyond the SQL, for the team worklist at the busiest landlord."""
    import psycopg
    from django.db import connection

    from putright.accounts.permissions import roles_at
    from putright.cases.models import Case
    from putright.cases.selectors import WORKLIST_COLUMNS, open_cases_soonest_first
    from putright.cases.selectors_worklist_first_page import first_open_cases
    from putright.cases.selectors_worklist_rows import worklist_cases
    from putright.organisations.models import Landlord

    with connection.cursor() as cur:
        cur.execute(
            "SELECT landlord_id FROM cases_case WHERE next_due IS NOT NULL GROUP BY landlord_id "
            "ORDER BY count(*) DESC LIMIT 1"
        )
        landlord = Landlord.objects.get(pk=cur.fetchone()[0])
    officer = first_officer(landlord)
    rows = (
        Case.objects.filter(landlord=landlord, next_due__isnull=False)
        .order_by("next_due", "id")
        .values_list("id", *WORKLIST_COLUMNS, named=True)
    )
    instances = (  # model instances of the same columns, as the selector read them before
        Case.objects.filter(landlord=landlord, next_due__isnull=False)
        .select_related("customer", "handler")
        .only(*WORKLIST_COLUMNS)
        .order_by("next_due", "id")
    )
    sql, params = rows[:PAGE].query.sql_with_params()
    fetched = list(rows[:PAGE])

    def django_cursor() -> None:
        with connection.cursor() as cur:
            cur.execute(sql, params)
            cur.fetchall()

    with psycopg.connect(DSN) as raw:
        steps = [
            (
                "the first page, as measured above",
                lambda: worklist_cases(first_open_cases(landlord=landlord, user=officer, size=PAGE)),
            ),
            (
                "the selector's queryset instead (a cursor's page)",
                lambda: worklist_cases(open_cases_soonest_first(landlord=landlord, user=officer)[:PAGE]),
            ),
            ("  its role check alone (roles_at)", lambda: roles_at(officer, landlord)),
            ("  its named rows alone (no role check)", lambda: list(rows.all()[:PAGE])),
            ("  building the SQL alone", lambda: rows.all()[:PAGE].query.sql_with_params()),
            ("  the same SQL through Django's cursor", django_cursor),
            ("  the same SQL through psycopg", lambda: raw.execute(sql, params).fetchall()),
            ("  worklist_cases() on fetched rows", lambda: worklist_cases(fetched)),
            ("  model instances instead (select_related, only)", lambda: list(instances.all()[:PAGE])),
        ]
        times: dict[str, list[float]] = {name: [] for name, _ in steps}
        for _ in range(iterations):
            for name, fn in steps:
                t0 = time.perf_counter()
                fn()
                times[name].append((time.perf_counter() - t0) * 1000)
        raw.rollback()
    heading(f"Where the worklist's time goes: team worklist at {landlord.slug}, p50 of {iterations} runs")
    for name, _ in steps:
        say(f"  {name:<50} {percentile(times[name], 50):6.2f} ms")


def show_plans(scenarios: list[Scenario]) -> None:
    heading("Query plans: EXPLAIN (ANALYZE, BUFFERS) of the SQL Django ran")
    shown: set[str] = set()
    for s in scenarios:
        kind = s.name.split(",")[0]
        if kind in shown:
            continue
        shown.add(kind)
        say(f"  -- {s.name}")
        for line in s.plan:
            say(f"     {line}")


def query_counts() -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from rest_framework.authtoken.models import Token

    from putright.accounts.models import Membership, Role, User
    from putright.cases.selectors import case_list, open_cases_soonest_first
    from putright.organisations.models import Landlord

    heading("Queries by page size (must not grow with the page)")
    with connection.cursor() as cur:  # the landlord with the most running clocks, so that pages fill
        cur.execute(
            "SELECT landlord_id FROM cases_case WHERE next_due IS NOT NULL GROUP BY landlord_id "
            "ORDER BY count(*) DESC LIMIT 1"
        )
        landlord = Landlord.objects.get(pk=cur.fetchone()[0])
    officer = User.objects.get(
        pk=Membership.objects.filter(landlord=landlord, role=Role.FEEDBACK_OFFICER)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .first()
    )
    token, _ = Token.objects.get_or_create(user=officer)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Token {token.key}")
    base = f"/api/v1/landlords/{landlord.slug}"
    rows = []
    for label, run in (
        (
            "open_cases_soonest_first",
            lambda n: list(open_cases_soonest_first(landlord=landlord, user=officer)[:n]),
        ),
        ("case_list", lambda n: list(case_list(landlord=landlord, user=officer)[:n])),
        ("GET worklist/", lambda n: client.get(f"{base}/worklist/", {"page_size": n})),
        ("GET cases/", lambda n: client.get(f"{base}/cases/", {"page_size": n})),
        (
            "GET cases/?overdue=true",
            lambda n: client.get(f"{base}/cases/", {"page_size": n, "overdue": "true"}),
        ),
    ):
        counts, sizes = [], []
        for n in (10, 100):
            with CaptureQueriesContext(connection) as captured:
                result = run(n)
            if hasattr(result, "status_code"):
                assert result.status_code == 200, result.content[:300]
                result = result.json()["results"]
            counts.append(len(captured))
            sizes.append(len(result))
        rows.append((label, *counts))
        say(
            f"  {label:<28} page 10: {counts[0]} queries ({sizes[0]} rows)   "
            f"page 100: {counts[1]} queries ({sizes[1]} rows)"
        )
    assert all(a == b for _, a, b in rows), "the number of queries grows with the page size"


# ------------------------------------------------------------------------------------------- web server


class Gunicorn:
    running: list[Gunicorn] = []
    """Every server started and not yet stopped, for the clean-up."""

    def __init__(self, workers: int, logdir: Path) -> None:
        self.workers = workers
        self.log = logdir / f"gunicorn-{workers}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    def start(self, probe: bool = True) -> None:
        """Start, and wait until every worker is up. With probe, until the server answers a request; without,
        until the workers' memory stops growing (the application loaded, no request served yet)."""
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.bench_settings", "CONN_MAX_AGE": "600"}
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--chdir",
            str(ROOT),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            "sync",
            "--timeout",
            "120",
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.log),
        ]
        self.proc = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        Gunicorn.running.append(self)
        deadline = time.monotonic() + 60
        last: list[int] = []
        steady = 0
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}; see {self.log}")
            if not probe:
                pids = self.worker_pids()
                now = [rss_kib(p)[0] for p in pids] if len(pids) == self.workers else []
                steady = steady + 1 if now and now == last else 0
                last = now
                if steady >= 4:
                    return
                time.sleep(0.5)
                continue
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/bench/insert-one/")
                status = conn.getresponse().status
                conn.close()
                if status == 405 and len(self.worker_pids()) == self.workers:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within 60 s; see {self.log}")

    def worker_pids(self) -> list[int]:
        """The master's children: its workers."""
        assert self.proc is not None
        children = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == self.proc.pid:
                children.append(int(entry.name))
        return sorted(children)

    def stop(self) -> None:
        proc = self.proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()  # the master stops its workers
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # the group this bench started, and only it
                proc.wait(timeout=10)
        if self in Gunicorn.running:
            Gunicorn.running.remove(self)
        self.proc = None


TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int, reaped: bool = False) -> float:
    """User and system CPU time of a process so far; with reaped, its exited children's too (PostgreSQL's
    postmaster reaps the parallel workers and backends that come and go during a phase)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if reaped:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / TICK


def postgres_pids() -> list[int]:
    """Every PostgreSQL server process on the machine (backends, WAL writer, checkpointer)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def cpu_snapshot(server: Gunicorn) -> dict[str, float]:
    return {
        "Django workers": sum(cpu_seconds(p) for p in server.worker_pids()),
        "PostgreSQL": sum(cpu_seconds(p, reaped=True) for p in postgres_pids()),
        "client threads": time.process_time(),
    }


def cpu_per_request(before: dict[str, float], after: dict[str, float], requests: int) -> str:
    parts = [f"{k} {(after[k] - before[k]) / max(requests, 1) * 1000:.2f}" for k in before]
    return "CPU ms per request: " + ", ".join(parts)


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy, all cores."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / TICK


class OtherLoad:
    """How much CPU other processes (not this bench, its gunicorn workers or the PostgreSQL server) used
    during a phase: other work on the two cores skews absolute figures, so each phase reports it."""

    def __init__(self, workers: Callable[[], list[int]] = list) -> None:
        self.workers = workers
        self.start()

    def own(self) -> float:
        return (
            time.process_time()
            + sum(cpu_seconds(p) for p in self.workers())
            + sum(cpu_seconds(p, reaped=True) for p in postgres_pids())
        )

    def start(self) -> None:
        self.wall, self.busy, self.mine = time.perf_counter(), machine_busy(), self.own()

    def report(self) -> str:
        wall = time.perf_counter() - self.wall
        others = max(0.0, (machine_busy() - self.busy) - (self.own() - self.mine))
        return f"other processes used {others / wall:.2f} of {os.cpu_count()} cores during this phase"


def rss_kib(pid: int) -> tuple[int, int]:
    """VmRSS and VmHWM (peak) of a process, in KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values["VmRSS"], values["VmHWM"]


Request = tuple[str, str, bytes | None, dict[str, str], str]
"""method, path, body, headers, label"""


@dataclass
class LoadResult:
    ok: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0


def load(port: int, work: list[list[Request]], expect: int, seconds: float) -> LoadResult:
    """One thread per list of requests, each on its own keep-alive connection (a sync worker closes it after
    each response; http.client then reconnects), until its list or the time runs out."""
    result = LoadResult()
    lock = threading.Lock()
    barrier = threading.Barrier(len(work) + 1)
    ends: list[float] = []

    def client(requests: list[Request], deadline_box: list[float]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        ok = errors = 0
        lat: dict[str, list[float]] = {}
        samples = []
        barrier.wait()
        deadline = deadline_box[0]
        for method, path, body, headers, label in requests:
            if time.perf_counter() >= deadline:
                break
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                status, data = 0, repr(exc).encode()
            lat.setdefault(label, []).append((time.perf_counter() - t0) * 1000)
            if status == expect:
                ok += 1
            else:
                errors += 1
                if len(samples) < 3:
                    samples.append(f"{method} {path} -> {status}: {data[:300]!r}")
        conn.close()
        with lock:
            ends.append(time.perf_counter())
            result.ok += ok
            result.errors += errors
            for k, v in lat.items():
                result.latencies.setdefault(k, []).extend(v)
            result.samples.extend(samples)

    box = [0.0]
    threads = [threading.Thread(target=client, args=(w, box), daemon=True) for w in work]
    for t in threads:
        t.start()
    start = time.perf_counter()
    box[0] = start + seconds
    barrier.wait()
    for t in threads:
        t.join(timeout=seconds + 120)
    result.seconds = (max(ends) if ends else time.perf_counter()) - start
    return result


@dataclass
class Clients:
    """Per landlord: its slug, an integration user's and a feedback officer's token, customer ids, case
    references and a busy handler's email."""

    slug: str
    integration: str
    officer: str
    customers: list[int]
    references: list[str]
    handler: str


def api_clients(count: int) -> list[Clients]:
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from putright.accounts.models import Membership, Role
    from putright.organisations.models import Landlord

    rng = random.Random(11)
    result = []
    for landlord in Landlord.objects.order_by("id")[:count]:

        def token(role: str, landlord: Landlord = landlord) -> str:
            m = Membership.objects.filter(landlord=landlord, role=role).order_by("user_id").first()
            assert m is not None
            return Token.objects.get_or_create(user_id=m.user_id)[0].key

        with connection.cursor() as cur:
            cur.execute(
                "SELECT id FROM customers_customer WHERE landlord_id = %s ORDER BY random() LIMIT 500",
                [landlord.pk],
            )
            customers = [r[0] for r in cur.fetchall()]
            cur.execute(
                "SELECT reference FROM cases_case WHERE landlord_id = %s ORDER BY random() LIMIT 500",
                [landlord.pk],
            )
            references = [r[0] for r in cur.fetchall()]
            cur.execute(
                "SELECT u.email FROM cases_case c JOIN accounts_user u ON u.id = c.handler_id "
                "WHERE c.landlord_id = %s AND c.next_due IS NOT NULL GROUP BY u.email ORDER BY count(*) DESC LIMIT 1",
                [landlord.pk],
            )
            handler = cur.fetchone()[0]
        rng.shuffle(references)
        result.append(
            Clients(
                landlord.slug,
                token(Role.INTEGRATION),
                token(Role.FEEDBACK_OFFICER),
                customers,
                references,
                handler,
            )
        )
    return result


CATEGORIES = [
    ("Repairs", "Responsive repairs", "Leak under the kitchen sink not repaired"),
    ("Damp and mould", "Responsive repairs", "Black mould in the back bedroom"),
    ("Anti-social behaviour", "Neighbourhoods", "Noise from the flat above every night"),
    ("Rent and service charges", "Income", "Charged for grounds maintenance that never happens"),
    ("Communication", "Customer services", "Nobody has replied to three emails"),
]


def log_bodies(client: Clients, how_many: int, rng: random.Random) -> list[Request]:
    """Realistic feedback from a housing management system: mostly complaints and service requests."""
    from django.utils import timezone

    now = timezone.now()
    requests = []
    for _ in range(how_many):
        kind = rng.choices(
            ["complaint", "service_request", "feedback", "compliment", "comment"], [55, 35, 5, 3, 2]
        )[0]
        category, area, summary = rng.choice(CATEGORIES)
        received = now - timedelta(minutes=rng.randint(5, 3 * 24 * 60))
        body: dict[str, Any] = {
            "kind": kind,
            "channel": rng.choice(["phone", "email", "web", "portal", "post"]),
            "received_at": received.isoformat(),
            "customer": rng.choice(client.customers),
            "summary": summary,
            "description": f"{summary}. Reported twice already; the resident wants a date for the work.",
            "category": category,
            "service_area": area,
        }
        if kind == "complaint" and rng.random() < 0.7:
            body["issue_date"] = (received.date() - timedelta(days=rng.randint(1, 120))).isoformat()
        if rng.random() < 0.1:
            body["vulnerability"] = True
            body["vulnerability_note"] = "Prefers contact by email"
        headers = {
            "Content-Type": "application/json",
            "Authorization": f"Token {client.integration}",
            "Idempotency-Key": uuid.uuid4().hex,  # unique across runs too, or --reuse would get 200s
        }
        requests.append(
            ("POST", f"/api/v1/landlords/{client.slug}/cases/", json.dumps(body).encode(), headers, kind)
        )
    return requests


def baseline_bodies(requests: list[Request]) -> list[Request]:
    """The same bodies, to the bare view."""
    return [
        ("POST", "/bench/insert-one/", body, {"Content-Type": "application/json"}, "insert")
        for _, _, body, _, _ in requests
    ]


def drf_floor_bodies(requests: list[Request]) -> list[Request]:
    """The same bodies and token, to a DRF view that does nothing."""
    return [("POST", "/bench/drf-floor/", body, headers, "floor") for _, _, body, headers, _ in requests]


def measure_writes(seconds: float, workers: int, logdir: Path) -> dict[str, Any]:
    from django.db import connection

    heading(f"(1) Logging cases through the API: {CLIENTS} clients, gunicorn --workers {workers} (sync)")
    with connection.cursor() as cur:
        cur.execute(
            "CREATE TABLE IF NOT EXISTS bench_row (id bigserial PRIMARY KEY, at timestamptz NOT NULL, body text NOT NULL)"
        )
        cur.execute("SELECT count(*) FROM cases_case")
        before = cur.fetchone()[0]
    clients = api_clients(CLIENTS)
    rng = random.Random(5)
    cap = int(
        seconds * 400
    )  # requests per client per phase: far above what 2 cores serve; the time limit rules
    server = Gunicorn(workers, logdir)
    server.start()
    try:
        say(f"  server on 127.0.0.1:{server.port}, workers {server.worker_pids()}")
        others = OtherLoad(server.worker_pids)
        warm = [log_bodies(c, 10, rng) for c in clients]
        w1 = load(server.port, warm, 201, 60)
        w2 = load(server.port, [baseline_bodies(w) for w in warm], 201, 60)
        assert w1.errors == 0 and w2.errors == 0, (w1.samples, w2.samples)
        phases: list[tuple[str, LoadResult]] = []  # (API, baseline or DRF floor, its result)
        for round_ in (1, 2):
            work = [log_bodies(c, cap, rng) for c in clients]
            for kind, requests, unit in (
                ("API", work, "cases/s"),
                ("baseline", [baseline_bodies(w) for w in work], "rows/s"),
                ("DRF floor", [drf_floor_bodies(w) for w in work], "requests/s"),
            ):
                cpu = cpu_snapshot(server)
                r = load(server.port, requests, 201, seconds)
                spent = cpu_per_request(cpu, cpu_snapshot(server), r.ok + r.errors)
                say(
                    f"  round {round_}: {kind:<9} {r.rate:8.1f} {unit:<10} ({r.ok:,} answered 201, {r.errors} "
                    f"errors, {r.seconds:.1f} s); {spent}"
                )
                for sample in r.samples:
                    say(f"    error: {sample}")
                phases.append((kind, r))
        same = [log_bodies(clients[0], cap, rng) for _ in clients]
        contended = load(server.port, same, 201, seconds)
        say(
            f"  all {CLIENTS} clients at one landlord (they share its reference-number row lock): "
            f"{contended.rate:.1f} cases/s, {contended.errors} errors"
        )
        say(f"  {others.report()}")
    finally:
        server.stop()
    api_rate = statistics.mean(r.rate for k, r in phases if k == "API")
    base_rate = statistics.mean(r.rate for k, r in phases if k == "baseline")
    floor_rate = statistics.mean(r.rate for k, r in phases if k == "DRF floor")
    api_all = [x for k, r in phases if k == "API" for v in r.latencies.values() for x in v]
    base_all = [x for k, r in phases if k == "baseline" for v in r.latencies.values() for x in v]
    errors = sum(r.errors for _, r in phases) + contended.errors
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM cases_case")
        created = cur.fetchone()[0] - before
    say(
        f"  API p50/p95 latency {percentile(api_all, 50):.1f}/{percentile(api_all, 95):.1f} ms; baseline {percentile(base_all, 50):.1f}/{percentile(base_all, 95):.1f} ms"
    )
    say(
        f"  mean of the rounds: API {api_rate:.1f} cases/s, baseline {base_rate:.1f} rows/s, ratio {api_rate / base_rate:.3f} (goal ≥ 0.5)"
    )
    say(
        f"  DRF floor (token auth, JSON parsing and rendering, no other work): {floor_rate:.1f} requests/s, "
        f"ratio {floor_rate / base_rate:.3f} to the baseline"
    )
    say(f"  {created:,} cases in the database from these requests; {errors} non-201 responses in all")
    return {
        "api": api_rate,
        "baseline": base_rate,
        "errors": errors,
        "contended": contended.rate,
        "floor": floor_rate,
    }


def post_profile() -> None:
    """Where one POST's time goes: its queries, counted in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client_data = api_clients(1)[0]
    rng = random.Random(3)
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for kind in ("complaint", "service_request"):
        while True:
            _, path, body, headers, label = log_bodies(client_data, 1, rng)[0]
            if label == kind:
                break
        with CaptureQueriesContext(connection) as captured:
            response = client.post(
                path,
                body,
                content_type="application/json",
                HTTP_AUTHORIZATION=headers["Authorization"],
                HTTP_IDEMPOTENCY_KEY=headers["Idempotency-Key"],
            )
        assert response.status_code == 201, response.content[:300]
        counts[kind] = len(captured)
    say("  queries per POST (in-process): " + ", ".join(f"{k} {n}" for k, n in counts.items()))


def measure_rss(total: int, logdir: Path, time_limit: float) -> dict[str, Any]:
    heading(
        f"(3) Memory of one web worker over {total:,} API reads "
        "(gunicorn --workers 1, sync; one client, one request at a time)"
    )
    clients = api_clients(4)
    rng = random.Random(9)
    work: list[Request] = []
    for i in range(total):
        c = clients[i % len(clients)]
        auth = {"Authorization": f"Token {c.officer}"}
        x = rng.random()
        base = f"/api/v1/landlords/{c.slug}"
        if x < 0.4:
            query = rng.choice(
                [
                    "",
                    "&kind=complaint",
                    "&status=stage1_investigating",
                    "&overdue=true",
                    "&category=Repairs",
                    "&stage=2",
                ]
            )
            work.append(("GET", f"{base}/cases/?page_size=25{query}", None, auth, "list"))
        elif x < 0.7:
            work.append(("GET", f"{base}/cases/{rng.choice(c.references)}/", None, auth, "detail"))
        else:
            query = rng.choice(["", f"&handler={c.handler}"])
            work.append(("GET", f"{base}/worklist/?page_size=25{query}", None, auth, "worklist"))
    server = Gunicorn(1, logdir)
    server.start(probe=False)
    readings: list[tuple[int, int, int]] = []
    errors = 0
    latencies: dict[str, list[float]] = {}
    try:
        (worker,) = server.worker_pids()
        others = OtherLoad(server.worker_pids)
        readings.append((0, *rss_kib(worker)))
        say(f"  worker pid {worker}: at start VmRSS {readings[0][1] / 1024:.1f} MiB")
        deadline = time.perf_counter() + time_limit
        done = 0
        block = 1000
        while done < total and time.perf_counter() < deadline:
            r = load(server.port, [work[done : done + block]], 200, deadline - time.perf_counter())
            errors += r.errors
            for sample in r.samples:
                say(f"    error: {sample}")
            for k, v in r.latencies.items():
                latencies.setdefault(k, []).extend(v)
            done += r.ok + r.errors
            assert server.worker_pids() == [worker], "the worker was restarted"
            readings.append((done, *rss_kib(worker)))
            say(
                f"  after {done:>6,} requests: VmRSS {readings[-1][1] / 1024:6.1f} MiB (peak {readings[-1][2] / 1024:.1f} MiB)"
            )
        say(f"  {others.report()}")
    finally:
        server.stop()
    for label, values in sorted(latencies.items()):
        say(
            f"  {label:<9} {len(values):>6,} requests, p50 {percentile(values, 50):6.1f} ms, p95 {percentile(values, 95):6.1f} ms"
        )
    say(f"  {errors} non-200 responses")
    return {"readings": readings, "errors": errors}


# ------------------------------------------------------------------------------------------- staff pages

PASSWORD = "correct horse battery staple"
"""Every generated member of staff's password (bench/casegen.py)."""


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    jar = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]
    return jar


def sign_in(port: int, email: str) -> str:
    """Sign in through the real form (GET for the CSRF token, POST email and password); the session cookie."""
    import re

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/sign-in/")
    response = conn.getresponse()
    page = response.read().decode()
    csrf = _cookies(response)["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None, "no CSRF token on the sign-in page"
    from urllib.parse import urlencode

    form = urlencode({"csrfmiddlewaretoken": token.group(1), "email": email, "password": PASSWORD})
    conn.request(
        "POST",
        "/sign-in/",
        body=form.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"},
    )
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.status == 302, f"sign-in answered {response.status}, not a redirect"
    session = _cookies(response).get("sessionid")
    assert session, "no session cookie after signing in"
    return session


def staff_pages(landlord: Any, references: list[str]) -> list[tuple[str, list[str]]]:
    """(label, paths) for each staff page measured; several paths spread a page's runs over cases."""
    base = f"/landlords/{landlord.slug}/cases/"
    pages: list[tuple[str, list[str]]] = [
        ("My work", ["/work/"]),
        ("Team work (all my landlords)", ["/work/?view=team"]),
        ("Team work, one section in full (overdue)", ["/work/?view=team&show=overdue"]),
        ("Case list", [base]),
        (
            "Case list, complaints at stage 1 investigating",
            [f"{base}?kind=complaint&status=stage1_investigating"],
        ),
        ("Case list, overdue", [f"{base}?due=overdue"]),
        ("Case list, due this week", [f"{base}?due=week"]),
        ("Case list, category and channel", [f"{base}?category=Repairs&channel=phone"]),
        ("Case list, sorted by received (newest)", [f"{base}?sort=-received"]),
        ("Case list, sorted by status", [f"{base}?sort=status"]),
        ("Case list, search for a surname", [f"{base}?q=Patel", f"{base}?q=Smith", f"{base}?q=Jones"]),
        ("Case list, search for a reference", [f"{base}?q={r}" for r in references[:20]]),
        ("Case list, page 50", [f"{base}?page=50"]),
        ("Case list, overdue, page 50", [f"{base}?due=overdue&page=50"]),
    ]
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("backoffice:case", args=[landlord.slug, references[0]])
        pages.append(("Case page", [f"{base}{r}/" for r in references[:100]]))
    except NoReverseMatch:
        say("  (no case page in this version)")
    return pages


PageResult = tuple[str, list[float], int]
"""label, latencies (ms), queries"""


def measure_pages(iterations: int, logdir: Path) -> dict[str, list[PageResult]]:
    """The staff pages at the largest landlord through the whole stack (gunicorn, middleware, session,
    templates), signed in as a feedback officer (who needs no second factor): p50/p95 over HTTP, one request
    at a time, the pages taking turns; the queries each runs and the slowest, in-process with the same
    session."""
    from django.db import connection

    from putright.accounts.models import Membership
    from putright.organisations.models import Landlord

    with connection.cursor() as cur:
        cur.execute("SELECT landlord_id FROM cases_case GROUP BY landlord_id ORDER BY count(*) DESC LIMIT 1")
        landlord = Landlord.objects.get(pk=cur.fetchone()[0])
        cur.execute(
            "SELECT reference FROM cases_case WHERE landlord_id = %s ORDER BY random() LIMIT 100",
            [landlord.pk],
        )
        references = [r for (r,) in cur.fetchall()]
        cur.execute("SELECT count(*) FROM cases_case WHERE landlord_id = %s", [landlord.pk])
        total = cur.fetchone()[0]
    officer = first_officer(landlord)
    held = Membership.objects.filter(user=officer).values_list("landlord__slug", "role")
    who = f"{officer.email} ({', '.join(f'{r} at {s}' for s, r in held)})"
    pages = staff_pages(landlord, references)
    title = f"(4) Staff pages at {landlord.slug} ({total:,} cases), signed in as {who}"
    return {"project": _page_round(pages, officer.email, iterations, logdir, title)}


def _page_round(
    pages: list[tuple[str, list[str]]], email: str, iterations: int, logdir: Path, title: str
) -> list[PageResult]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    heading(f"{title}; gunicorn --workers 1, one request at a time")
    server = Gunicorn(1, logdir)
    server.start()
    results: list[PageResult] = []
    try:
        session = sign_in(server.port, email)
        say("  signed in through the sign-in form (session cookie)")
        client = Client(HTTP_HOST="127.0.0.1")
        client.cookies["sessionid"] = session
        queries: dict[str, int] = {}
        slowest: dict[str, str] = {}
        for label, paths in pages:
            client.get(paths[0])
            with CaptureQueriesContext(connection) as captured:
                response = client.get(paths[0])
            assert response.status_code == 200, f"{label}: {paths[0]} answered {response.status_code}"
            queries[label] = len(captured)
            top = max(captured.captured_queries, key=lambda q: float(q["time"]))
            slowest[label] = f"{float(top['time']) * 1000:.0f} ms {' '.join(top['sql'].split())[:70]}"
        others = OtherLoad(server.worker_pids)
        headers = {"Cookie": f"sessionid={session}"}
        rng = random.Random(13)
        work: list[Request] = []
        for _ in range(3 + iterations):  # the first 3 rounds warm the worker and are dropped below
            for label, paths in pages:
                work.append(("GET", rng.choice(paths), None, headers, label))
        r = load(server.port, [work], 200, 1800)
        for sample in r.samples:
            say(f"    error: {sample}")
        say(f"  {others.report()}")
        say(f"  {'page':<48} {'runs':>4} {'q':>3} {'p50 ms':>7} {'p95 ms':>7}  slowest query (in-process)")
        for label, _ in pages:
            times = r.latencies.get(label, [])[3:]
            results.append((label, times, queries[label]))
            say(
                f"  {label:<48} {len(times):>4} {queries[label]:>3} {percentile(times, 50):>7.1f} "
                f"{percentile(times, 95):>7.1f}  {slowest[label]}"
            )
        say(f"  {r.errors} non-200 responses; goal: p95 under 150 ms; q = queries per request")
    finally:
        server.stop()
    return results


# ------------------------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--landlords", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help=f"keep the {DB_NAME} database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help=f"reuse an existing {DB_NAME} database and its data"
    )
    parser.add_argument("--iterations", type=int, default=300, help="timed runs of each read (default 300)")
    parser.add_argument("--seconds", type=float, default=20, help="length of each write phase (default 20)")
    parser.add_argument(
        "--workers", type=int, default=4, help="gunicorn workers for the write test (default 4)"
    )
    parser.add_argument("--rss-requests", type=int, default=10_000)
    parser.add_argument("--page-runs", type=int, default=60, help="timed requests of each staff page")
    parser.add_argument(
        "--phases",
        default=",".join(PHASES),
        help=f"comma-separated phases to run after the data is ready (default all: {','.join(PHASES)})",
    )
    args = parser.parse_args()
    phases = {p.strip() for p in args.phases.split(",") if p.strip()}
    unknown = phases - set(PHASES)
    if unknown:
        parser.error(f"unknown phases: {', '.join(sorted(unknown))}")

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    logdir = Path(tempfile.mkdtemp(prefix="putright-bench-"))
    say(
        f"PutRight cases bench: {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, database {DB_NAME}"
    )
    summary: dict[str, Any] = {}
    try:
        needs_data = DB.prepare(args.reuse)
        import putright

        say(f"putright imported from {Path(putright.__file__).parent}")
        if needs_data:
            summary["generation"] = DB.fill(args.cases, args.landlords)
        else:
            say("Reusing the data already in the database")
        describe_data()
        verify()
        reads = None
        writes = memory = None
        if "reads" in phases:
            reads = measure_reads(args.iterations, "the project's indexes")
            show_plans(reads)
            overhead_breakdown(args.iterations)
            query_counts()
        if "writes" in phases:
            writes = measure_writes(args.seconds, args.workers, logdir)
            post_profile()
        if "memory" in phases:
            memory = measure_rss(args.rss_requests, logdir, time_limit=2400)
        pages = measure_pages(args.page_runs, logdir) if "pages" in phases else None

        heading("Summary")
        if "generation" in summary:
            say(f"  generation: {summary['generation'] / 60:.1f} min for {args.cases:,} cases")
        if writes is not None:
            ratio = writes["api"] / writes["baseline"]
            say(
                f"  (1) API {writes['api']:.1f} cases/s vs bare insert {writes['baseline']:.1f} rows/s: ratio "
                f"{ratio:.3f}, goal ≥ 0.5 {'met' if ratio >= 0.5 else 'MISSED'}; {writes['errors']} errors; "
                f"DRF floor {writes['floor']:.1f} requests/s (ratio {writes['floor'] / writes['baseline']:.3f})"
            )
        if reads is not None:
            goal = [s for s in reads if s.goal]
            worst95 = max(percentile(s.django_ms, 95) for s in goal)
            worst_ratio = max(s.ratio for s in goal)
            say(
                f"  (2) worklists and overdue counts worst p95 {worst95:.2f} ms (goal < 50: "
                f"{'met' if worst95 < 50 else 'MISSED'}), worst ratio to SQL {worst_ratio:.2f} (goal ≤ 2: "
                f"{'met' if worst_ratio <= 2 else 'MISSED'}); queries independent of page size: met"
            )
            for s in reads:
                if not s.goal:
                    say(f"      {s.name}: p95 {percentile(s.django_ms, 95):.2f} ms, ratio {s.ratio:.2f}")
        if memory is not None:
            readings = memory["readings"]
            marks = [f"start {readings[0][1] / 1024:.1f} MiB"] + [
                f"after {n:,} {rss / 1024:.1f} MiB"
                for n, rss, _ in readings[1:]
                if n in (1000, readings[-1][0])
            ]
            say(
                f"  (3) worker VmRSS: {', '.join(marks)} (peak {readings[-1][2] / 1024:.1f} MiB); "
                f"{memory['errors']} errors"
            )
        for label, rounds in (pages or {}).items():
            worst = max(rounds, key=lambda page: percentile(page[1], 95))
            p95 = percentile(worst[1], 95)
            met = sum(1 for page in rounds if percentile(page[1], 95) < 150)
            say(
                f"  (4) staff pages, {label} indexes: {met} of {len(rounds)} pages with p95 under 150 ms; worst "
                f"p95 {p95:.1f} ms ({worst[0]}); queries per page {min(q for _, _, q in rounds)} to "
                f"{max(q for _, _, q in rounds)}"
            )
        return 0
    finally:
        for server in list(Gunicorn.running):
            server.stop()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django may not be set up yet
            pass
        if args.keep:
            say(
                f"Kept the database {DB_NAME} (--keep); drop it with: dropdb -h 127.0.0.1 -U postgres {DB_NAME}"
            )
        else:
            DB.drop()
            say(f"Dropped the database {DB_NAME}")
        say(f"Server logs: {logdir}")


if __name__ == "__main__":
    sys.exit(main())
