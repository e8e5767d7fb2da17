"""TP09 counted in the database, against the hand-worked survey files in conftest, and the case surveys'
stand-in where a landlord has imported none for the year."""

from __future__ import annotations

from decimal import Decimal

from putright.domain.lifecycle import Kind
from putright.domain.tsm import ReportingYear
from putright.surveys.selectors import Source, tp09
from tests.reporting.conftest import Builder

from .conftest import WAVE_1, answered, imported

YEAR = ReportingYear(2025)


def test_tp09_from_one_survey_hand_worked(great, brighter):
    imported(great, WAVE_1)
    imported(
        brighter,
        "respondent_id,complained_last_12_months,complaints_handling_satisfaction\nB,yes,very dissatisfied\n",
    )
    figure = tp09(great.landlord, YEAR)
    assert figure.source is Source.PERCEPTION_SURVEY and figure.compliant
    assert (figure.satisfied, figure.respondents, figure.complained, figure.left_out) == (4, 7, 9, 2)
    assert (figure.responses, figure.surveys) == (11, 1)
    assert figure.value == Decimal("57.1") and str(figure.raw).startswith("57.14285")


def test_tp09_adds_up_every_survey_of_the_year_only(great, waves, django_assert_num_queries):
    with django_assert_num_queries(2):
        figure = tp09(great.landlord, YEAR)
    assert (figure.satisfied, figure.respondents, figure.surveys, figure.responses) == (4, 8, 2, 13)
    assert figure.value == Decimal("50.0")
    earlier = tp09(great.landlord, ReportingYear(2024))
    assert (earlier.satisfied, earlier.respondents, earlier.value) == (0, 1, Decimal("0.0"))


def test_tp09_with_no_one_counted_has_no_figure(great):
    imported(
        great,
        "respondent_id,complained_last_12_months,complaints_handling_satisfaction\nA,no,\nB,yes,don't know\n",
    )
    figure = tp09(great.landlord, YEAR)
    assert figure.source is Source.PERCEPTION_SURVEY
    assert (figure.respondents, figure.left_out, figure.raw, figure.value) == (0, 1, None, None)


def test_tp09_stand_in_from_case_surveys_when_none_imported(great, brighter, django_assert_num_queries):
    """In 2025/26 (UK dates): scores 5, 4, 3, 2 and 4 on complaints = 3 of 5 satisfied (60.0%). Not counted:
    31 March 2025 23:30 (the year before), a service request's answer, another landlord's answer."""
    b = Builder(great)
    complaints = [b.log("2025-03-01") for _ in range(6)]
    answered(complaints[0], 5, "2025-03-31", "23:30")
    answered(complaints[1], 5, "2025-04-01", "00:30")
    for case, score in zip(complaints[2:], (4, 3, 2, 4), strict=True):
        answered(case, score, "2025-09-01")
    answered(b.log("2025-06-01", kind=Kind.SERVICE_REQUEST), 5, "2025-06-02")
    answered(Builder(brighter).log("2025-06-01"), 5, "2025-06-02")
    with django_assert_num_queries(2):
        figure = tp09(great.landlord, YEAR)
    assert figure.source is Source.CASE_SURVEYS and not figure.compliant
    assert (figure.satisfied, figure.respondents, figure.value) == (3, 5, Decimal("60.0"))


def test_tp09_stand_in_gives_way_to_an_imported_survey(great):
    answered(Builder(great).log("2025-05-01"), 5, "2025-06-01")
    assert tp09(great.landlord, YEAR).source is Source.CASE_SURVEYS
    imported(great, WAVE_1)
    assert tp09(great.landlord, YEAR).source is Source.PERCEPTION_SURVEY


def test_tp09_with_neither_source_is_no_figure(great):
    figure = tp09(great.landlord, YEAR)
    assert figure.source is Source.NONE and figure.value is None
