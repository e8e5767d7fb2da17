"""`python manage.py load_demo`: demo landlords, staff, customers and cases; run by `make run`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from putright.demo.generate import (
    DEFAULT_CASES,
    DEFAULT_LANDLORDS,
    DEFAULT_SEED,
    DemoError,
    generate,
    refuse_outside_development,
    report,
)


class Command(BaseCommand):
    help = (
        "Load demo landlords (Brighter Places, Great Places, then generated ones), staff in every role, "
        "customers and cases in every state. A landlord that already exists is skipped, so it is safe to run "
        "again. For demonstration only: every demo account shares a published password."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--landlords", type=int, default=DEFAULT_LANDLORDS, help="how many landlords")
        parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="about how many cases each")
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="the same seed makes the same data"
        )
        parser.add_argument("--force", action="store_true", help="load even when DEBUG is off")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["landlords"] < 1:
            raise CommandError(f"--landlords must be at least 1, not {options['landlords']}")
        if options["cases"] < 0:
            raise CommandError(f"--cases cannot be negative ({options['cases']})")
        try:
            refuse_outside_development(options["force"])
            results = generate(
                landlords=options["landlords"],
                cases=options["cases"],
                seed=options["seed"],
                log=self.stdout.write,
            )
        except DemoError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(report(results))
