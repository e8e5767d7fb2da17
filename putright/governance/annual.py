"""The annual complaints performance and service improvement report (Code 8.1): starting it, what staff
write, the governing body's scrutiny and response, and where and when it was published and submitted.
Landlord-scoped, permission-checked and audited like the self-assessment's services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.accounts.services import administration_event_record
from putright.cases.services._base import now, require_past, require_text
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.tsm import ReportingYear
from putright.governance.models import AnnualReport
from putright.governance.services import APPROVE, EDIT, assessed_year
from putright.organisations.models import Landlord


def _report(landlord: Landlord, report_id: int) -> AnnualReport:
    found = AnnualReport.objects.select_for_update().filter(pk=report_id, landlord=landlord).first()
    if found is None:
        raise NotFoundError(f"no annual report {report_id} at {landlord.name}")
    return found


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _save(report: AnnualReport, actor: User, kind: str, what: str, values: dict[str, Any]) -> AnnualReport:
    before = {name: _iso(getattr(report, name)) for name in values}
    for name, value in values.items():
        setattr(report, name, value)
    after = {name: _iso(getattr(report, name)) for name in values}
    changed = [name for name in values if before[name] != after[name]]
    if changed:
        report.save(update_fields=changed)
        administration_event_record(
            landlord=report.landlord,
            actor=actor,
            kind=kind,
            summary=f"Annual complaints report {ReportingYear(report.year_starting).label}: {what}",
            before={n: before[n] for n in changed},
            after={n: after[n] for n in changed},
        )
    return report


@transaction.atomic
def annual_report_start(*, landlord: Landlord, actor: User, year_starting: int) -> AnnualReport:
    require(actor, landlord, EDIT)
    year = assessed_year(year_starting)
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(
                landlord=landlord, year_starting=year_starting, created_by=actor, created_at=now()
            )
    except IntegrityError:
        raise InvalidInputError("year", f"{year.label} already has an annual report") from None
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="annual_report_started",
        summary=f"Annual report {year.label} started",
    )
    return report


@transaction.atomic
def annual_report_update(
    *,
    landlord: Landlord,
    actor: User,
    report_id: int,
    analysis: str,
    published_url: str = "",
    published_on: date | None = None,
    submitted_on: date | None = None,
) -> AnnualReport:
    """Staff's analysis (8.1(b)), the publication (where and when) and the date it went to the Ombudsman."""
    require(actor, landlord, EDIT)
    report = _report(landlord, report_id)
    url = published_url.strip()
    if bool(url) != (published_on is not None):
        field = "published_on" if url else "published_url"
        raise InvalidInputError(
            field, "Give both the address it was published at and the date it was published"
        )
    for field, value, what in (
        ("published_on", published_on, "The date of publication"),
        ("submitted_on", submitted_on, "The date it went to the Ombudsman"),
    ):
        if value is not None:
            require_past(field, value, what)
            if value < ReportingYear(report.year_starting).range.first:
                raise InvalidInputError(field, f"{what} is before the year it reports on began")
    return _save(
        report,
        actor,
        "annual_report_updated",
        "analysis, publication or submission",
        {
            "analysis": analysis.strip(),
            "published_url": url,
            "published_on": published_on,
            "submitted_on": submitted_on,
        },
    )


@transaction.atomic
def annual_report_respond(
    *,
    landlord: Landlord,
    actor: User,
    report_id: int,
    scrutiny: str,
    response: str,
    response_by: str,
    response_on: date,
) -> AnnualReport:
    """The governing body's annual scrutiny (8.1(e)) and its response to the report (8.1(f))."""
    require(actor, landlord, APPROVE)
    report = _report(landlord, report_id)
    require_past("response_on", response_on, "The date of the response")
    return _save(
        report,
        actor,
        "annual_report_response",
        "the governing body's scrutiny and response",
        {
            "scrutiny": require_text("scrutiny", scrutiny, "The governing body's scrutiny"),
            "response": require_text("response", response, "The governing body's response"),
            "response_by": require_text("response_by", response_by, "Who responded")[:200],
            "response_on": response_on,
        },
    )
