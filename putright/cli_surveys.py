"""`putright surveys import --landlord SLUG --year YYYY --method METHOD FILE.csv`: import a perception
survey's results as the back office's import page does, for TP09.

One line says what was imported. Every fault in the file is printed as `FILE:LINE: column: what is wrong`
and nothing is imported (exit 2), as for any refusal: an unknown landlord, a year or method that will not
do, or a file already imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from putright.cli import EXIT_REFUSED, UsageError, _first_line
from putright.domain.perception import Method


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror or exc}") from None


def cmd_surveys_import(args: argparse.Namespace) -> int:
    content = _read(args.file)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    try:
        django.setup()
        from putright.domain.perception import SurveyFileError
        from putright.domain.tsm import ReportingYear
        from putright.organisations.models import Landlord
        from putright.surveys.services import perception_survey_import

        landlord = Landlord.objects.filter(slug=args.landlord).first()
        if landlord is None:
            raise UsageError(f"--landlord: no landlord {args.landlord!r}")
        try:
            survey = perception_survey_import(
                landlord=landlord,
                actor=None,
                reporting_year=args.year,
                method=args.method,
                sample_notes=args.notes,
                file_name=Path(args.file).name,
                content=content,
            )
        except SurveyFileError as error:
            for fault in error.errors:
                where = f"{args.file}:{fault.line}" if fault.line else args.file
                print(
                    f"{where}: {fault.column + ': ' if fault.column else ''}{fault.message}", file=sys.stderr
                )
            print(f"putright: {error}", file=sys.stderr)
            return EXIT_REFUSED
    except ImproperlyConfigured as exc:
        raise UsageError(f"settings: {_first_line(exc)}") from None
    except DatabaseError as exc:
        raise UsageError(f"database: {_first_line(exc)}; run `python manage.py migrate` first") from None
    print(
        f"{args.file}: imported {survey.responses_count:,} responses for {landlord.name}, "
        f"{ReportingYear(survey.reporting_year).label} (survey {survey.pk})"
    )
    return 0


def add_surveys(commands: Any) -> None:
    """Register `surveys import` on the `putright` parser's subcommands."""
    from putright.cli import _Parser

    surveys = commands.add_parser("surveys", help="perception surveys behind TSM TP09")
    survey_commands = surveys.add_subparsers(dest="surveys_command", required=True, parser_class=_Parser)
    p = survey_commands.add_parser(
        "import", help="import a perception survey's results (CSV); nothing is imported if any row is wrong"
    )
    p.add_argument("--landlord", required=True, help="the landlord's slug, e.g. brighter")
    p.add_argument(
        "--year", required=True, type=int, help="the reporting year by its starting year (2025 for 2025/26)"
    )
    p.add_argument(
        "--method", required=True, choices=[m.value for m in Method], help="how it was carried out"
    )
    p.add_argument("--notes", default="", help="notes on the sample (optional)")
    p.add_argument("file", metavar="FILE.csv")
    p.set_defaults(handler=cmd_surveys_import)
