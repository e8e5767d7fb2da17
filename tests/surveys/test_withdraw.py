"""Withdrawing an import made by mistake: nothing deleted, who/when/why kept and audited, its responses out
of TP09, the same file importable again, and only for the roles `surveys.import` names at the landlord."""

from __future__ import annotations

from decimal import Decimal

import pytest

from putright.accounts.models import AdministrationEvent, Role
from putright.domain.errors import InvalidInputError, NotPermittedError
from putright.domain.tsm import ReportingYear
from putright.surveys.models import PerceptionSurvey, SurveyResponse
from putright.surveys.selectors import Source, tp09
from putright.surveys.services import MAX_REASON, perception_survey_withdraw
from tests.factories import make_staff

from .conftest import WAVE_1, WAVE_2, imported

YEAR = ReportingYear(2025)


def withdraw(org, survey, reason="Wrong year: the file was the 2024/25 survey"):
    return perception_survey_withdraw(survey=survey, actor=org.officer, reason=reason)


def test_withdrawn_import_keeps_who_when_why_and_deletes_nothing(great):
    survey = imported(great, WAVE_1)
    withdraw(great, survey, reason="  Not the final results  ")
    kept = PerceptionSurvey.objects.get(pk=survey.pk)
    assert kept.withdrawn and kept.withdrawn_by == great.officer and kept.withdrawn_at >= kept.imported_at
    assert kept.withdrawal_reason == "Not the final results"
    assert SurveyResponse.objects.filter(survey=survey).count() == 11


def test_withdrawn_import_is_audited(great):
    survey = imported(great, WAVE_1, name="wave-1.csv")
    withdraw(great, survey)
    event = AdministrationEvent.objects.get(landlord=great.landlord, kind="surveys.withdraw")
    assert event.actor == great.officer
    assert "2025/26" in event.summary and "wave-1.csv" in event.summary and "11 responses" in event.summary
    assert event.before == {"survey": survey.pk, "withdrawn": False}
    assert event.after["reason"] == "Wrong year: the file was the 2024/25 survey"


def test_withdrawn_import_stops_counting_in_tp09(great):
    """Both waves: 4 of 8 (50.0%); wave 1 withdrawn leaves wave 2 alone: 0 of 1 (0.0%)."""
    first, second = imported(great, WAVE_1, name="wave-1.csv"), imported(great, WAVE_2, name="wave-2.csv")
    assert tp09(great.landlord, YEAR).value == Decimal("50.0")
    withdraw(great, first)
    figure = tp09(great.landlord, YEAR)
    assert (figure.satisfied, figure.respondents, figure.surveys, figure.responses) == (0, 1, 1, 2)
    assert figure.value == Decimal("0.0")
    withdraw(great, second)
    assert tp09(great.landlord, YEAR).source is Source.NONE


def test_withdrawn_file_may_be_imported_again(great):
    survey = imported(great, WAVE_1, year=2024)
    withdraw(great, survey)
    again = imported(great, WAVE_1, year=2025)
    assert again.pk != survey.pk and again.checksum == survey.checksum
    assert tp09(great.landlord, YEAR).value == Decimal("57.1")
    assert tp09(great.landlord, ReportingYear(2024)).source is Source.NONE
    with pytest.raises(InvalidInputError, match="already imported"):
        imported(great, WAVE_1, year=2025, name="third.csv")


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("   ", "Enter why the import is being withdrawn"),
        ("x" * (MAX_REASON + 1), "2,000 characters or fewer"),
    ],
)
def test_withdrawal_needs_a_reason(great, reason, message):
    survey = imported(great, WAVE_1)
    with pytest.raises(InvalidInputError, match=message) as caught:
        withdraw(great, survey, reason=reason)
    assert caught.value.field == "reason"
    assert not PerceptionSurvey.objects.get(pk=survey.pk).withdrawn
    assert not AdministrationEvent.objects.filter(kind="surveys.withdraw").exists()


def test_withdrawal_only_once(great):
    survey = imported(great, WAVE_1)
    withdraw(great, survey, reason="First")
    with pytest.raises(InvalidInputError, match="already withdrawn"):
        withdraw(great, survey, reason="Second")
    stale = PerceptionSurvey.objects.get(pk=survey.pk)
    stale.withdrawn_at = None  # as read by someone else a moment before the first withdrawal
    with pytest.raises(InvalidInputError, match="already withdrawn"):
        withdraw(great, stale, reason="Third")
    assert PerceptionSurvey.objects.get(pk=survey.pk).withdrawal_reason == "First"
    assert AdministrationEvent.objects.filter(kind="surveys.withdraw").count() == 1


def test_withdrawal_for_the_feedback_team_and_administrators_only(great, brighter):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    survey = imported(great, WAVE_1)
    for person in (great.director, great.board, great.manager, great.housing, brighter.officer):
        with pytest.raises(NotPermittedError):
            perception_survey_withdraw(survey=survey, actor=person, reason="Mistake")
    assert not PerceptionSurvey.objects.get(pk=survey.pk).withdrawn
    assert perception_survey_withdraw(survey=survey, actor=admin, reason="Mistake").withdrawn_by == admin
