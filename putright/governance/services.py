"""Preparing, answering and approving the Code self-assessment. Each service is landlord-scoped,
permission-checked, one transaction, and audited in the landlord's administration log.

An approved assessment is frozen: its evidence and answers are what the governing body approved. To change
it, a new version is made from it (answers and commentary carried over, evidence counted again).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.accounts.services import administration_event_record
from putright.cases.services._base import now, require_past, require_text
from putright.domain.errors import InvalidInputError, NotFoundError, UnknownPolicyError
from putright.domain.profiles import Profile
from putright.domain.tsm import ReportingYear
from putright.governance.evidence import Measured, measurer
from putright.governance.models import AssessmentRow, SelfAssessment
from putright.governance.provisions import FORMERLY, Entry, entries
from putright.organisations.models import Landlord
from putright.organisations.selectors import profile_on

EDIT = "governance.edit"
APPROVE = "governance.approve"
FIRST_YEAR = 2024
"""The 2024 Code is statutory from 1 April 2024: the first year assessed against it."""


def assessed_year(year_starting: int) -> ReportingYear:
    if year_starting < FIRST_YEAR or year_starting > ReportingYear.of(timezone.localdate()).starting:
        raise InvalidInputError("year", f"Choose a reporting year from {FIRST_YEAR} to this one")
    return ReportingYear(year_starting)


def _profile(landlord: Landlord, year: ReportingYear) -> Profile | None:
    try:
        return profile_on(landlord, year.range.last)
    except UnknownPolicyError:
        return None


def _evidence(
    entry: Entry, profile: Profile | None, measure: Callable[[str], Measured]
) -> tuple[str, bool | None]:
    """The row's evidence in words and what it says (None where nothing was checked or counted)."""
    lines: list[str] = []
    verdicts: list[bool] = []
    if entry.policies and profile is None:
        lines.append("No policy was in force at the year's end to check.")
    elif profile is not None:
        for policy in entry.policies:
            why = policy.check(profile)
            lines.append(
                f"Policy check ({profile.title}, version {profile.version}): "
                + ("meets it." if why is None else f"falls short: {why}.")
            )
            verdicts.append(why is None)
    if entry.measure is not None:
        found = measure(entry.measure)
        lines.append(found.text)
        if found.complies is not None:
            verdicts.append(found.complies)
    return " ".join(lines), (all(verdicts) if verdicts else None)


def _catalogue_rows(old: list[AssessmentRow], *, reuse: bool) -> list[AssessmentRow]:
    """A row per provision of the catalogue, in its order. A row worded as the catalogue words it is kept
    (`reuse`) or copied; a provision new to the catalogue gets a new row, carrying the answers of the first
    answered row that was numbered as it, or wrongly numbered for it (`FORMERLY`), so no answer is lost."""
    exact = {(r.provision, r.requirement): r for r in old}
    by_number: dict[str, AssessmentRow] = {}
    for r in old:
        number = FORMERLY.get((r.provision, r.requirement), r.provision)
        if number not in by_number or (by_number[number].comply is None and r.comply is not None):
            by_number[number] = r
    rows = []
    for position, entry in enumerate(entries(), start=1):
        found = exact.get((entry.provision, entry.requirement))
        if found is not None and reuse:
            row = found
        else:
            source = found or by_number.get(entry.provision)
            row = AssessmentRow(provision=entry.provision, requirement=entry.requirement)
            if source is not None:
                for field in ROW_FIELDS:
                    setattr(row, field, getattr(source, field))
        row.position, row.section = position, entry.section
        rows.append(row)
    return rows


def _count(assessment: SelfAssessment, rows: list[AssessmentRow]) -> None:
    """Count every row's evidence again. Where the evidence gives a verdict, an answer given without a reason
    follows it; an answer with a reason, or to a provision nothing measures, stays as it was."""
    year = ReportingYear(assessment.year_starting)
    profile = _profile(assessment.landlord, year)
    measure = measurer(assessment.landlord, year.range)
    by_key = {(e.provision, e.requirement): e for e in entries()}
    for row in rows:
        entry = by_key[(row.provision, row.requirement)]
        row.evidence, row.measured = _evidence(entry, profile, measure)
        if row.measured is not None and not row.comply_reason:
            row.comply = row.measured
    assessment.policy_name = profile.name if profile else ""
    assessment.policy_version = profile.version if profile else 0
    assessment.evidence_at = now()


def _draft(landlord: Landlord, assessment_id: int) -> SelfAssessment:
    found = SelfAssessment.objects.select_for_update().filter(pk=assessment_id, landlord=landlord).first()
    if found is None:
        raise NotFoundError(f"no self-assessment {assessment_id} at {landlord.name}")
    if found.approved:
        raise InvalidInputError(
            "assessment", "This self-assessment is approved and cannot change: make a new version"
        )
    return found


def _no_draft(landlord: Landlord, year_starting: int) -> int:
    """The next version number; refused while the year has a draft (it is the one to change)."""
    if SelfAssessment.objects.filter(
        landlord=landlord, year_starting=year_starting, approved_on__isnull=True
    ).exists():
        raise InvalidInputError(
            "year",
            f"{ReportingYear(year_starting).label} already has a draft self-assessment: change that one",
        )
    latest = SelfAssessment.objects.filter(landlord=landlord, year_starting=year_starting).aggregate(
        v=Max("version")
    )["v"]
    return (latest or 0) + 1


def _audit(assessment: SelfAssessment, actor: User, kind: str, summary: str, **changes: Any) -> None:
    administration_event_record(
        landlord=assessment.landlord,
        actor=actor,
        kind=kind,
        summary=f"{summary}: self-assessment {ReportingYear(assessment.year_starting).label} "
        f"version {assessment.version}",
        **changes,
    )


@transaction.atomic
def self_assessment_start(*, landlord: Landlord, actor: User, year_starting: int) -> SelfAssessment:
    """A new draft for the year, a row per provision, its evidence counted and its answers prefilled."""
    require(actor, landlord, EDIT)
    assessed_year(year_starting)
    Landlord.objects.select_for_update().filter(pk=landlord.pk).first()
    version = _no_draft(landlord, year_starting)
    assessment = SelfAssessment(
        landlord=landlord,
        year_starting=year_starting,
        version=version,
        created_by=actor,
        created_at=now(),
        policy_version=0,
        evidence_at=now(),
    )
    rows = _catalogue_rows([], reuse=False)
    _count(assessment, rows)
    assessment.save()
    for row in rows:
        row.assessment = assessment
    AssessmentRow.objects.bulk_create(rows)
    _audit(assessment, actor, "self_assessment_started", "Started")
    return assessment


@transaction.atomic
def self_assessment_new_version(*, landlord: Landlord, actor: User, assessment_id: int) -> SelfAssessment:
    """A draft made from an approved version (answers, reasons, commentary carried to the catalogue's rows),
    its evidence counted again; the approved version stays as it was."""
    require(actor, landlord, EDIT)
    Landlord.objects.select_for_update().filter(pk=landlord.pk).first()
    source = SelfAssessment.objects.filter(pk=assessment_id, landlord=landlord).first()
    if source is None:
        raise NotFoundError(f"no self-assessment {assessment_id} at {landlord.name}")
    if not source.approved:
        raise InvalidInputError("assessment", "This version is still a draft: change it instead")
    version = _no_draft(landlord, source.year_starting)
    assessment = SelfAssessment(
        landlord=landlord,
        year_starting=source.year_starting,
        version=version,
        created_by=actor,
        created_at=now(),
        policy_version=0,
        evidence_at=now(),
    )
    rows = _catalogue_rows(list(source.rows.all()), reuse=False)
    _count(assessment, rows)
    assessment.save()
    for row in rows:
        row.assessment = assessment
    AssessmentRow.objects.bulk_create(rows)
    _audit(assessment, actor, "self_assessment_new_version", f"Made from version {source.version}")
    return assessment


@transaction.atomic
def self_assessment_recount(*, landlord: Landlord, actor: User, assessment_id: int) -> SelfAssessment:
    """Count a draft's evidence again from the records as they are now, its rows brought to the catalogue
    (provisions it lacked added, answers kept)."""
    require(actor, landlord, EDIT)
    assessment = _draft(landlord, assessment_id)
    old = list(assessment.rows.all())
    rows = _catalogue_rows(old, reuse=True)
    _count(assessment, rows)
    assessment.save()
    kept = [r for r in rows if r.pk is not None]
    AssessmentRow.objects.filter(assessment=assessment).exclude(pk__in=[r.pk for r in kept]).delete()
    # Out of the way first, so that no two rows share a position while they move.
    AssessmentRow.objects.filter(assessment=assessment).update(position=F("position") + 1000)
    AssessmentRow.objects.bulk_update(kept, ["position", "section", "evidence", "measured", "comply"])
    for row in rows:
        row.assessment = assessment
    AssessmentRow.objects.bulk_create([r for r in rows if r.pk is None])
    _audit(assessment, actor, "self_assessment_recounted", "Evidence counted again")
    return assessment


ROW_FIELDS = ("comply", "comply_reason", "evidence_note", "commentary")


@transaction.atomic
def assessment_row_answer(
    *,
    landlord: Landlord,
    actor: User,
    row_id: int,
    comply: bool,
    comply_reason: str = "",
    evidence_note: str = "",
    commentary: str = "",
) -> AssessmentRow:
    """Answer one provision. An answer that differs from what the evidence says needs the reason."""
    require(actor, landlord, EDIT)
    row = AssessmentRow.objects.filter(pk=row_id, assessment__landlord=landlord).first()
    if row is None:
        raise NotFoundError(f"no self-assessment row {row_id} at {landlord.name}")
    assessment = _draft(landlord, row.assessment_id)
    reason = comply_reason.strip()
    if row.measured is not None and comply != row.measured and not reason:
        says = "complies" if row.measured else "falls short"
        raise InvalidInputError(
            "comply_reason", f"The evidence says it {says}: give the reason your answer differs"
        )
    if row.measured is None and comply is False and not commentary.strip():
        raise InvalidInputError("commentary", "Say what will be done to comply, and by when")
    before = {name: getattr(row, name) for name in ROW_FIELDS}
    row.comply = comply
    row.comply_reason = reason
    row.evidence_note = evidence_note.strip()
    row.commentary = commentary.strip()
    after = {name: getattr(row, name) for name in ROW_FIELDS}
    changed = [name for name in ROW_FIELDS if before[name] != after[name]]
    if changed:
        row.save(update_fields=changed)
        _audit(
            assessment,
            actor,
            "self_assessment_answered",
            f"Provision {row.provision} answered",
            before={n: before[n] for n in changed},
            after={n: after[n] for n in changed},
        )
    return row


@transaction.atomic
def self_assessment_approve(
    *,
    landlord: Landlord,
    actor: User,
    assessment_id: int,
    approved_on: date,
    approved_by: str,
    minute: str,
) -> SelfAssessment:
    """Record the governing body's approval; from then on the version is frozen."""
    require(actor, landlord, APPROVE)
    assessment = _draft(landlord, assessment_id)
    require_past("approved_on", approved_on, "The date of approval")
    if approved_on < timezone.localdate(assessment.created_at):
        raise InvalidInputError(
            "approved_on", "The date of approval is before the self-assessment was started"
        )
    who = require_text("approved_by", approved_by, "Who approved it")
    reference = require_text("minute", minute, "The minute reference")
    unanswered = list(assessment.rows.filter(comply__isnull=True).values_list("provision", flat=True))
    if unanswered:
        raise InvalidInputError(
            "assessment",
            f"Answer every provision before approval: {len(unanswered)} not answered ({', '.join(unanswered)})",
        )
    assessment.approved_on = approved_on
    assessment.approved_by = who[:200]
    assessment.approval_minute = reference[:100]
    assessment.approval_recorded_by = actor
    assessment.approval_recorded_at = now()
    assessment.save()
    _audit(
        assessment,
        actor,
        "self_assessment_approved",
        "Approved",
        after={"approved_on": approved_on.isoformat(), "approved_by": who, "minute": reference},
    )
    return assessment
