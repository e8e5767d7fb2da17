"""A demo landlord's perception survey for the reporting year in progress, imported through the surveys
service as the feedback team would import its survey provider's file, so the TSM page shows TP09 from a
survey rather than the case surveys' stand-in.

The answers are drawn from a mix like a social landlord's: about one tenant in five says they complained in
the last 12 months, and about a third of those are very or fairly satisfied with complaints handling."""

from __future__ import annotations

import csv
import io
import random
from datetime import date

from putright.accounts.models import User
from putright.domain.perception import COLUMNS
from putright.domain.tsm import ReportingYear
from putright.organisations.models import Landlord
from putright.surveys.models import PerceptionSurvey
from putright.surveys.services import perception_survey_import

RESPONDENTS = (550, 750)
"""How many tenants answered the year's first wave (a full year's survey is about twice this)."""

COMPLAINED = {"yes": 21, "no": 75, "don't know": 4}
"""Percentages answering "Have you made a complaint to your landlord in the last 12 months?"."""

HANDLING = {
    "very satisfied": 13,
    "fairly satisfied": 22,
    "neither satisfied nor dissatisfied": 15,
    "fairly dissatisfied": 18,
    "very dissatisfied": 27,
    "don't know": 3,
    "": 2,
}
"""Percentages of those who complained answering the complaints-handling question (blank: no answer)."""


def survey_file(rng: random.Random, prefix: str, year: ReportingYear) -> bytes:
    """A results file as a survey provider sends it: one row per anonymous respondent."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for n in range(1, rng.randint(*RESPONDENTS) + 1):
        complained = rng.choices(list(COMPLAINED), list(COMPLAINED.values()))[0]
        handling = rng.choices(list(HANDLING), list(HANDLING.values()))[0] if complained == "yes" else ""
        writer.writerow([f"{prefix}-{year.starting}-{n:04d}", complained, handling])
    return out.getvalue().encode()


def import_demo_survey(
    *, landlord: Landlord, officer: User, prefix: str, today: date, rng: random.Random
) -> PerceptionSurvey:
    """Import the first wave of the survey for the reporting year `today` falls in, as `officer`."""
    year = ReportingYear.of(today)
    return perception_survey_import(
        landlord=landlord,
        actor=officer,
        reporting_year=year.starting,
        method="telephone",
        sample_notes="Demo data: a random sample of tenancies, interviewed by telephone by an independent "
        "research company; the first of two waves this year.",
        file_name=f"tsm-perception-survey-{year.starting}-wave-1.csv",
        content=survey_file(rng, prefix, year),
    )
