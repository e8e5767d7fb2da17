"""TP09 for one landlord and reporting year, counted in the database: from the perception surveys imported
for the year and not withdrawn, or, where there are none, a stand-in from the satisfaction answers recorded on closed
complaints, which is labelled as not a TSM-compliant perception survey."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from django.db.models import Count, Q, QuerySet

from putright.cases.models import Satisfaction
from putright.domain.errors import NotFoundError
from putright.domain.lifecycle import Kind
from putright.domain.perception import SATISFIED, SATISFIED_SCORES, Complained, Handling, tp09_percentage
from putright.domain.tsm import ReportingYear, one_decimal
from putright.organisations.models import Landlord
from putright.surveys.models import PerceptionSurvey, SurveyResponse


class Source(Enum):
    PERCEPTION_SURVEY = "perception_survey"
    CASE_SURVEYS = "case_surveys"
    NONE = "none"


@dataclass(frozen=True)
class Tp09:
    """TP09's workings: `satisfied` of `respondents`; from a perception survey `complained` said they
    complained in the last 12 months, and `left_out` of them answered "don't know" or gave no answer."""

    year: ReportingYear
    source: Source
    satisfied: int
    respondents: int
    raw: Decimal | None
    complained: int = 0
    left_out: int = 0
    responses: int = 0
    surveys: int = 0

    @property
    def value(self) -> Decimal | None:
        return one_decimal(self.raw) if self.raw is not None else None

    @property
    def compliant(self) -> bool:
        """Only a perception survey's figure is the TSM; the case surveys' is a stand-in."""
        return self.source is Source.PERCEPTION_SURVEY


def surveys_of(landlord: Landlord, year: ReportingYear | None = None) -> QuerySet[PerceptionSurvey]:
    """The landlord's imported surveys, withdrawn ones too, newest first (one year's, when given)."""
    surveys = PerceptionSurvey.objects.filter(landlord=landlord).select_related("imported_by", "withdrawn_by")
    return surveys.filter(reporting_year=year.starting) if year is not None else surveys


def survey_of(landlord: Landlord, pk: int) -> PerceptionSurvey:
    """One of the landlord's imports (NotFoundError for another landlord's or none)."""
    survey = surveys_of(landlord).filter(pk=pk).first()
    if survey is None:
        raise NotFoundError(f"No perception survey {pk} at {landlord.name}")
    return survey


def _from_surveys(landlord: Landlord, year: ReportingYear, surveys: int) -> Tp09:
    complained = Q(complained=Complained.YES.value)
    counted = complained & ~Q(handling="") & ~Q(handling=Handling.DONT_KNOW.value)
    counts = SurveyResponse.objects.filter(
        survey__landlord=landlord, survey__reporting_year=year.starting, survey__withdrawn_at__isnull=True
    ).aggregate(
        n_responses=Count("pk"),
        n_complained=Count("pk", filter=complained),
        n_counted=Count("pk", filter=counted),
        n_satisfied=Count("pk", filter=counted & Q(handling__in=[h.value for h in SATISFIED])),
    )
    return Tp09(
        year=year,
        source=Source.PERCEPTION_SURVEY,
        satisfied=counts["n_satisfied"],
        respondents=counts["n_counted"],
        raw=tp09_percentage(counts["n_satisfied"], counts["n_counted"]),
        complained=counts["n_complained"],
        left_out=counts["n_complained"] - counts["n_counted"],
        responses=counts["n_responses"],
        surveys=surveys,
    )


def case_survey_answers(landlord: Landlord, year: ReportingYear) -> QuerySet[Satisfaction]:
    """Satisfaction answers recorded in the year on the landlord's complaints."""
    return Satisfaction.objects.filter(
        case__landlord=landlord,
        case__kind=Kind.COMPLAINT.value,
        recorded_at__gte=year.range.starts_at,
        recorded_at__lt=year.range.ends_before,
    )


def _from_case_surveys(landlord: Landlord, year: ReportingYear) -> Tp09:
    counts = case_survey_answers(landlord, year).aggregate(
        respondents=Count("pk"), satisfied=Count("pk", filter=Q(score__in=SATISFIED_SCORES))
    )
    if not counts["respondents"]:
        return Tp09(year, Source.NONE, 0, 0, None)
    return Tp09(
        year=year,
        source=Source.CASE_SURVEYS,
        satisfied=counts["satisfied"],
        respondents=counts["respondents"],
        raw=tp09_percentage(counts["satisfied"], counts["respondents"]),
        responses=counts["respondents"],
    )


def tp09(landlord: Landlord, year: ReportingYear) -> Tp09:
    """TP09 from the year's imported surveys that are not withdrawn (one aggregate query), else the case
    surveys' stand-in."""
    surveys = surveys_of(landlord, year).filter(withdrawn_at__isnull=True).count()
    if surveys:
        return _from_surveys(landlord, year, surveys)
    return _from_case_surveys(landlord, year)
