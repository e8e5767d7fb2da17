"""Reading self-assessments, annual reports and the Ombudsman submission date, always for one landlord.

The annual report's figures are the Board pack's and the TSMs' for the reporting year, the Ombudsman's
findings in determinations made in the year, and the lessons learned and published in it (Code 8.1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from django.db.models import Count, Q, QuerySet

from putright.cases.models import Learning
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.tsm import ReportingYear
from putright.governance.models import AnnualReport, AssessmentRow, SelfAssessment
from putright.governance.provisions import SECTIONS
from putright.ombudsman.models import Finding, OmbudsmanCase, PublishedLesson
from putright.organisations.models import Landlord
from putright.reporting.board_pack import BoardPack, board_pack
from putright.reporting.selectors import TsmReport, homes_in, tsm_report

SUBMISSION_HOMES = 1000
"""Landlords with more homes than this submit the report and self-assessment to the Ombudsman."""
SUBMISSION_NOTICE = timedelta(days=28)
"""How long before the submission date the reminder goes out: the report needs the governing body first."""


def self_assessments(landlord: Landlord) -> QuerySet[SelfAssessment]:
    return SelfAssessment.objects.filter(landlord=landlord)


def self_assessment(landlord: Landlord, pk: int) -> SelfAssessment:
    found = (
        SelfAssessment.objects.filter(pk=pk, landlord=landlord).select_related("approval_recorded_by").first()
    )
    if found is None:
        raise NotFoundError(f"no self-assessment {pk} at {landlord.name}")
    return found


def assessment_row(landlord: Landlord, pk: int) -> AssessmentRow:
    found = (
        AssessmentRow.objects.filter(pk=pk, assessment__landlord=landlord)
        .select_related("assessment")
        .first()
    )
    if found is None:
        raise NotFoundError(f"no self-assessment row {pk} at {landlord.name}")
    return found


@dataclass(frozen=True)
class SectionRows:
    number: int
    title: str
    rows: list[AssessmentRow]


def sections(assessment: SelfAssessment) -> list[SectionRows]:
    """The assessment's rows, a table per Code section, in the Code's order."""
    rows = list(assessment.rows.all())
    return [
        SectionRows(number, SECTIONS.get(number, f"Section {number}"), list(group))
        for number, group in groupby(rows, key=lambda r: r.section)
    ]


def annual_reports(landlord: Landlord) -> QuerySet[AnnualReport]:
    return AnnualReport.objects.filter(landlord=landlord)


def annual_report(landlord: Landlord, year_starting: int) -> AnnualReport:
    found = AnnualReport.objects.filter(landlord=landlord, year_starting=year_starting).first()
    if found is None:
        raise NotFoundError(f"no annual report for {year_starting} at {landlord.name}")
    return found


@dataclass(frozen=True)
class Submission:
    """When the year's report and self-assessment go to the Ombudsman, and whether this landlord must."""

    year: ReportingYear
    due: date
    homes: int | None
    """The homes count recorded for the year, None if none is."""
    submitted_on: date | None

    @property
    def required(self) -> bool | None:
        """True over 1,000 homes; None when no homes count is recorded to tell."""
        return None if self.homes is None else self.homes > SUBMISSION_HOMES


def submission(landlord: Landlord, year_starting: int) -> Submission:
    """30 September after the reporting year ends."""
    year = ReportingYear(year_starting)
    submitted = (
        AnnualReport.objects.filter(landlord=landlord, year_starting=year_starting)
        .values_list("submitted_on", flat=True)
        .first()
    )
    return Submission(year, date(year_starting + 1, 9, 30), homes_in(landlord, year), submitted)


def submission_due(landlord: Landlord, today: date) -> Submission | None:
    """The submission to remind about on `today`: the last year to end, for a landlord over 1,000 homes, not
    yet submitted, within `SUBMISSION_NOTICE` of its date or past it."""
    found = submission(landlord, ReportingYear.of(today).starting - 1)
    if not found.required or found.submitted_on is not None or today < found.due - SUBMISSION_NOTICE:
        return None
    return found


@dataclass(frozen=True)
class FindingCount:
    label: str
    count: int


@dataclass(frozen=True)
class AnnualFigures:
    """Everything the annual report counts for its year (8.1(a) to (d)); (e) and (f) are on the report."""

    year: ReportingYear
    assessment: SelfAssessment | None
    """The latest approved self-assessment for the year, else the latest draft."""
    pack: BoardPack
    tsm: TsmReport | None
    tsm_problem: str
    determinations: list[OmbudsmanCase]
    findings: list[FindingCount]
    lessons: int
    improvements: int
    published: list[PublishedLesson]


def annual_figures(landlord: Landlord, year_starting: int) -> AnnualFigures:
    year = ReportingYear(year_starting)
    span = year.range
    versions = SelfAssessment.objects.filter(landlord=landlord, year_starting=year_starting)
    assessment = (
        versions.filter(approved_on__isnull=False).order_by("-version").first()
        or versions.order_by("-version").first()
    )
    try:
        tsm, problem = tsm_report(landlord, year), ""
    except InvalidInputError as error:
        tsm, problem = None, str(error)
    determined = OmbudsmanCase.objects.filter(
        landlord=landlord, determined_on__gte=span.first, determined_on__lte=span.last
    )
    kinds = dict(Finding.Kind.choices)
    findings = [
        FindingCount(kinds.get(kind, kind), n)
        for kind, n in Finding.objects.filter(ombudsman_case__in=determined)
        .values_list("finding")
        .annotate(n=Count("pk"))
        .order_by("-n", "finding")
    ]
    learned = Learning.objects.filter(
        case__landlord=landlord, recorded_at__gte=span.starts_at, recorded_at__lt=span.ends_before
    ).aggregate(all=Count("pk"), improved=Count("pk", filter=~Q(improvement="")))
    published = PublishedLesson.objects.filter(
        landlord=landlord, published_on__gte=span.first, published_on__lte=span.last
    ).only("you_said", "we_did", "service_area", "published_on")
    return AnnualFigures(
        year=year,
        assessment=assessment,
        pack=board_pack(landlord, span),
        tsm=tsm,
        tsm_problem=problem,
        determinations=list(determined.order_by("determined_on", "pk")),
        findings=findings,
        lessons=learned["all"],
        improvements=learned["improved"],
        published=list(published),
    )
