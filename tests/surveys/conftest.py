"""Survey files for the TP09 tests, with every figure worked by hand where it is used."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from putright.cases.models import Case, Satisfaction
from putright.domain.perception import COLUMNS
from putright.surveys.models import PerceptionSurvey
from putright.surveys.services import perception_survey_import

LONDON = ZoneInfo("Europe/London")

HEADER = ",".join(COLUMNS)

WAVE_1 = "\r\n".join(
    [
        HEADER,
        "R1,yes,very satisfied",
        "R2,Yes,Fairly satisfied",
        "R3,yes,neither",
        "R4,yes,fairly dissatisfied",
        "R5,YES,very_dissatisfied",
        "R6,yes,don't know",
        "R7,yes,",
        "R8,no,",
        "R9,dont know,",
        "R10,yes,fairly satisfied",
        "R11,yes,Very Satisfied",
        "",
    ]
)
"""11 respondents; 9 said they complained (R1 to R7, R10, R11); R6 (don't know) and R7 (blank) are left
out, leaving 7 counted, of whom R1, R2, R10 and R11 are satisfied: 4 of 7 = 57.142857...% (57.1%)."""

WAVE_2 = "\r\n".join([HEADER, "R1,yes,very dissatisfied", "R2,no,", ""])
"""A second wave the same year: 1 more counted, not satisfied. Both waves: 4 of 8 = 50.0%."""


def csv_of(*rows: str) -> bytes:
    return "\r\n".join([HEADER, *rows, ""]).encode()


def imported(org: Any, content: str | bytes, year: int = 2025, name: str = "wave.csv") -> PerceptionSurvey:
    return perception_survey_import(
        landlord=org.landlord,
        actor=org.officer,
        reporting_year=year,
        method="telephone",
        sample_notes="A random sample of 1,000 tenancies",
        file_name=name,
        content=content.encode() if isinstance(content, str) else content,
    )


def answered(case: Case, score: int, day: str, time: str = "10:00") -> Satisfaction:
    at = datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=LONDON)
    return Satisfaction.objects.create(case=case, score=score, recorded_at=at)


@pytest.fixture
def waves(great: Any, brighter: Any) -> list[PerceptionSurvey]:
    """Great Places' two 2025/26 waves; its 2024/25 file and Brighter Places' 2025/26 file never count."""
    surveys = [imported(great, WAVE_1, name="wave-1.csv"), imported(great, WAVE_2, name="wave-2.csv")]
    imported(great, csv_of("X1,yes,very dissatisfied"), year=2024)
    imported(brighter, csv_of("B1,yes,very dissatisfied", "B2,yes,fairly dissatisfied"))
    return surveys
