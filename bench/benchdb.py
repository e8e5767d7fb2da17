"""The benchmarks' own PostgreSQL databases: created, migrated and filled with casegen's data, or reused."""

from __future__ import annotations

import time
from typing import Any

SERVER = "postgresql://postgres@127.0.0.1:5432"


def say(text: str = "") -> None:
    print(text, flush=True)


def heading(text: str) -> None:
    say()
    say(f"== {text}")


class BenchDatabase:
    """One named database on the local server; Django must be configured for it (DATABASE_URL) first."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.dsn = f"{SERVER}/{name}"

    @staticmethod
    def _admin() -> Any:
        import psycopg

        return psycopg.connect(f"{SERVER}/postgres", autocommit=True)

    def exists(self) -> bool:
        with self._admin() as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name]).fetchone()
        return found is not None

    def drop(self) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def prepare(self, reuse: bool) -> bool:
        """Create (unless reused) and migrate the database; True if it needs filling."""
        if not (reuse and self.exists()):
            self.drop()
            with self._admin() as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", interactive=False, verbosity=0)
        from putright.cases.models import Case

        return not Case.objects.exists()

    def fill(self, cases: int, landlords: int) -> float:
        """Generate the cases; the seconds it took."""
        from bench import casegen

        heading(f"Generating {cases:,} cases across {landlords} landlords")
        started = time.perf_counter()
        casegen.generate(self.dsn, cases, landlords, lambda text: say(f"  {text}"))
        took = time.perf_counter() - started
        say(f"  generation took {took:.0f} s ({took / 60:.1f} min)")
        return took
