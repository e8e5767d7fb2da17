"""Importing a perception survey's results file: all of it or nothing, never the same file twice while an
import of it stands, and recorded on the administration audit trail (who, when, which file). An import made
by mistake is withdrawn with a reason, never deleted: it stops counting in TP09 and its file may be
imported again."""

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
"""The action that imports and withdraws imports: whoever may import a survey may withdraw one."""

MAX_REASON = 2000


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
        PerceptionSurvey.objects.filter(landlord=landlord, checksum=checksum, withdrawn_at__isnull=True)
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
            f"{ReportingYear(earlier.reporting_year).label}): it is not imported again unless that import "
            "is withdrawn",
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


def _withdrawal_checks(survey: PerceptionSurvey, reason: str) -> None:
    if survey.withdrawn:
        raise InvalidInputError("survey", "This import is already withdrawn")
    if not reason:
        raise InvalidInputError("reason", "Enter why the import is being withdrawn")
    if len(reason) > MAX_REASON:
        raise InvalidInputError("reason", f"The reason must be {MAX_REASON:,} characters or fewer")


@transaction.atomic
def perception_survey_withdraw(*, survey: PerceptionSurvey, actor: User, reason: str) -> PerceptionSurvey:
    """Mark an import made by mistake withdrawn, saying who, when and why, and audit it. Its responses are
    kept but stop counting in TP09, and the same file may then be imported again."""
    landlord = survey.landlord
    require(actor, landlord, IMPORT)
    reason = reason.strip()
    _withdrawal_checks(survey, reason)
    now = timezone.now()
    withdrawn = PerceptionSurvey.objects.filter(pk=survey.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by=actor, withdrawal_reason=reason
    )
    if not withdrawn:  # someone else withdrew it a moment ago
        raise InvalidInputError("survey", "This import is already withdrawn")
    survey.withdrawn_at, survey.withdrawn_by, survey.withdrawal_reason = now, actor, reason
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="surveys.withdraw",
        summary=f"Perception survey for {survey.year.label} imported from “{survey.file_name}” withdrawn: "
        f"{survey.responses_count:,} responses no longer count in TP09",
        before={"survey": survey.pk, "withdrawn": False},
        after={"survey": survey.pk, "withdrawn": True, "reason": reason, "checksum": survey.checksum},
    )
    return survey
