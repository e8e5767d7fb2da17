"""Importing a perception survey's results file: all of it or nothing, never the same file twice, and
recorded on the administration audit trail (who, when, which file)."""

from __future__ import annotations

import hashlib
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.accounts.services import administration_event_record
from putright.domain.errors import InvalidInputError
from putright.domain.perception import MAX_FILE_BYTES, Method, read_survey
from putright.domain.tsm import ReportingYear
from putright.organisations.models import Landlord
from putright.surveys.models import PerceptionSurvey, SurveyResponse

FIRST_YEAR = 2023
"""The TSMs were first collected for 2023/24: no survey is for an earlier year."""

IMPORT = "surveys.import"


def _checks(*, reporting_year: int, method: str, file_name: str, size: int, today: date) -> None:
    current = ReportingYear.of(today).starting
    if not FIRST_YEAR <= reporting_year <= current:
        raise InvalidInputError(
            "reporting_year",
            f"Choose a reporting year from {ReportingYear(FIRST_YEAR).label} to {ReportingYear(current).label}",
        )
    if method not in {m.value for m in Method}:
        raise InvalidInputError("method", "Choose how the survey was carried out")
    if not file_name.lower().endswith(".csv"):
        raise InvalidInputError("file", "The file must be a CSV file (its name ending .csv)")
    if size > MAX_FILE_BYTES:
        raise InvalidInputError("file", f"The file must be smaller than {MAX_FILE_BYTES // 1_000_000} MB")


def _already(landlord: Landlord, checksum: str) -> None:
    earlier = (
        PerceptionSurvey.objects.filter(landlord=landlord, checksum=checksum)
        .select_related("imported_by")
        .first()
    )
    if earlier is not None:
        by = f" by {earlier.imported_by.email}" if earlier.imported_by else " with the putright command"
        at = timezone.localtime(earlier.imported_at)
        when = f"{at.day} {at:%B %Y at %H:%M}"
        raise InvalidInputError(
            "file",
            f"This file was already imported on {when}{by} (“{earlier.file_name}”, "
            f"{ReportingYear(earlier.reporting_year).label}): it is not imported again",
        )


@transaction.atomic
def perception_survey_import(
    *,
    landlord: Landlord,
    actor: User | None,
    reporting_year: int,
    method: str,
    sample_notes: str,
    file_name: str,
    content: bytes,
) -> PerceptionSurvey:
    """Keep every response in the file, or none: any bad row refuses the whole file (SurveyFileError lists
    each). `actor` is None only for the putright command, run by whoever operates the installation."""
    if actor is not None:
        require(actor, landlord, IMPORT)
    _checks(
        reporting_year=reporting_year,
        method=method,
        file_name=file_name,
        size=len(content),
        today=timezone.localdate(),
    )
    checksum = hashlib.sha256(content).hexdigest()
    _already(landlord, checksum)
    responses = read_survey(content)
    try:
        with transaction.atomic():
            survey = PerceptionSurvey.objects.create(
                landlord=landlord,
                reporting_year=reporting_year,
                method=method,
                sample_notes=sample_notes.strip(),
                file_name=file_name[-255:],
                checksum=checksum,
                responses_count=len(responses),
                imported_by=actor,
                imported_via=PerceptionSurvey.Via.UPLOAD if actor else PerceptionSurvey.Via.COMMAND,
                imported_at=timezone.now(),
            )
    except IntegrityError:  # the same file, imported by someone else a moment ago
        _already(landlord, checksum)
        raise
    SurveyResponse.objects.bulk_create(
        (
            SurveyResponse(
                survey=survey,
                line=r.line,
                respondent=r.respondent,
                complained=r.complained.value,
                handling=r.handling.value if r.handling else "",
            )
            for r in responses
        ),
        batch_size=2000,
    )
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="surveys.import",
        summary=f"Perception survey for {ReportingYear(reporting_year).label} imported from “{survey.file_name}”: "
        f"{len(responses):,} responses" + ("" if actor else " (putright command)"),
        after={
            "survey": survey.pk,
            "reporting_year": reporting_year,
            "method": method,
            "file_name": survey.file_name,
            "checksum": checksum,
            "responses": len(responses),
        },
    )
    return survey
