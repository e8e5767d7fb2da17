"""Where one POST /api/v1/landlords/{slug}/cases/ spends its time, in-process (no web server, no clients).

    DATABASE_URL=sqlite:////tmp/profile.sqlite3 .venv/bin/python bench/profile_post.py [--requests 300]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/putright_profile .venv/bin/python bench/profile_post.py

Migrates the database named by DATABASE_URL (it must exist; for PostgreSQL, `createdb` it first), loads one
demo landlord if it has none, then sends the same mix of realistic bodies as bench/cases.py through
Django's test client with an integration user's token: milliseconds per request (p50, mean; wall time and
this process's CPU time, which other load on the machine disturbs less), queries per
request by kind of feedback, and, with --profile, the functions where the time goes (cProfile, cumulative).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["PUTRIGHT_ALLOW_DEV_SECRET"] = "1"
os.environ.setdefault("LOG_LEVEL", "WARNING")

KINDS = (["complaint", "service_request", "feedback", "compliment", "comment"], [55, 35, 5, 3, 2])
TOPICS = [
    ("Repairs", "Responsive repairs", "Leak under the kitchen sink not repaired"),
    ("Damp and mould", "Responsive repairs", "Black mould in the back bedroom"),
    ("Communication", "Customer services", "Nobody has replied to three emails"),
]


def setup() -> tuple[str, str, list[int]]:
    """The landlord's slug, an integration token and some of its customers' ids."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from rest_framework.authtoken.models import Token

    from putright.accounts.models import Membership, Role, User
    from putright.customers.models import Customer
    from putright.organisations.models import Landlord

    if not Landlord.objects.exists():
        call_command("load_demo", landlords=1, cases=30, force=True, stdout=io.StringIO())
    landlord = Landlord.objects.order_by("id").first()
    assert landlord is not None
    user, _ = User.objects.get_or_create(email=f"profile-hms@{landlord.slug}.test")
    Membership.objects.get_or_create(user=user, landlord=landlord, role=Role.INTEGRATION)
    token, _ = Token.objects.get_or_create(user=user)
    customers = list(Customer.objects.filter(landlord=landlord).values_list("pk", flat=True)[:200])
    return landlord.slug, token.key, customers


def body(rng: random.Random, customers: list[int]) -> dict[str, Any]:
    from django.utils import timezone

    kind = rng.choices(*KINDS)[0]
    category, area, summary = rng.choice(TOPICS)
    received = timezone.now() - timedelta(minutes=rng.randint(5, 3 * 24 * 60))
    data: dict[str, Any] = {
        "kind": kind,
        "channel": rng.choice(["phone", "email", "web"]),
        "received_at": received.isoformat(),
        "customer": rng.choice(customers),
        "summary": summary,
        "description": f"{summary}. Reported twice already.",
        "category": category,
        "service_area": area,
    }
    if kind == "complaint" and rng.random() < 0.7:
        data["issue_date"] = (received.date() - timedelta(days=rng.randint(1, 120))).isoformat()
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", action="store_true", help="print the top functions by cumulative time")
    args = parser.parse_args()
    slug, token, customers = setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Token {token}")
    rng = random.Random(5)
    path = f"/api/v1/landlords/{slug}/cases/"

    def post(data: dict[str, Any]) -> None:
        response = client.post(
            path, json.dumps(data), content_type="application/json", HTTP_IDEMPOTENCY_KEY=uuid.uuid4().hex
        )
        assert response.status_code == 201, response.content[:300]

    for _ in range(20):  # warm: imports, caches, connection
        post(body(rng, customers))
    bodies = [body(rng, customers) for _ in range(args.requests)]
    times: list[float] = []
    cpu: list[float] = []
    queries: dict[str, list[int]] = {}
    tables: Counter[str] = Counter()
    for data in bodies:
        with CaptureQueriesContext(connection) as captured:
            t0, c0 = time.perf_counter(), time.process_time()
            post(data)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        queries.setdefault(data["kind"], []).append(len(captured))
        for q in captured.captured_queries:
            tables[" ".join(q["sql"].split()[:4])[:70]] += 1
    vendor = connection.vendor
    print(
        f"{vendor}: {len(times)} POSTs, wall p50 {statistics.median(times):.2f} ms, mean "
        f"{statistics.mean(times):.2f} ms; this process's CPU p50 {statistics.median(cpu):.2f} ms, mean "
        f"{statistics.mean(cpu):.2f} ms"
    )
    print(
        "queries per POST: " + ", ".join(f"{k} {statistics.mean(v):.1f}" for k, v in sorted(queries.items()))
    )
    print("statements, by their first words, per request:")
    for text, n in tables.most_common(25):
        print(f"  {n / len(times):5.2f}  {text}")
    if args.profile:
        profiler = cProfile.Profile()
        more = [body(rng, customers) for _ in range(args.requests)]
        profiler.enable()
        for data in more:
            post(data)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(
            r"putright|rest_framework/(serializers|fields|views|authentication|renderers|parsers)", 60
        )
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
