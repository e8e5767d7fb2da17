"""Importing a survey file: all of it or nothing, never the same file twice, audited, and only for the
roles `surveys.import` names at the landlord."""

from __future__ import annotations

import pytest
from django.utils import timezone

from putright.accounts.models import AdministrationEvent, Role
from putright.domain.errors import InvalidInputError, NotPermittedError
from putright.domain.perception import SurveyFileError
from putright.domain.tsm import ReportingYear
from putright.surveys.models import PerceptionSurvey, SurveyResponse
from putright.surveys.services import perception_survey_import
from tests.factories import make_staff

from .conftest import WAVE_1, csv_of, imported


def test_import_keeps_every_response_with_its_line(great):
    survey = imported(great, WAVE_1)
    assert survey.responses_count == 11 and survey.imported_by == great.officer
    assert survey.imported_via == "upload" and survey.method == "telephone"
    rows = {r.respondent: r for r in SurveyResponse.objects.filter(survey=survey)}
    assert len(rows) == 11
    assert (rows["R1"].line, rows["R1"].complained, rows["R1"].handling) == (2, "yes", "very_satisfied")
    assert (rows["R7"].handling, rows["R9"].complained) == ("", "dont_know")


def test_import_is_audited_who_and_when(great):
    survey = imported(great, WAVE_1, name="wave-1.csv")
    event = AdministrationEvent.objects.get(landlord=great.landlord, kind="surveys.import")
    assert event.actor == great.officer and event.at >= survey.imported_at
    assert "2025/26" in event.summary and "wave-1.csv" in event.summary and "11 responses" in event.summary
    assert event.after["checksum"] == survey.checksum and event.after["responses"] == 11


def test_import_with_a_bad_row_saves_nothing(great):
    with pytest.raises(SurveyFileError) as caught:
        imported(great, csv_of("A,yes,very satisfied", "B,perhaps,"))
    assert [(e.line, e.column) for e in caught.value.errors] == [(3, "complained_last_12_months")]
    assert not PerceptionSurvey.objects.exists() and not SurveyResponse.objects.exists()
    assert not AdministrationEvent.objects.filter(kind="surveys.import").exists()


def test_import_of_the_same_file_again_is_refused(great):
    imported(great, WAVE_1, name="wave-1.csv")
    with pytest.raises(InvalidInputError) as caught:
        imported(great, WAVE_1, name="renamed.csv", year=2024)
    assert caught.value.field == "file"
    assert "already imported" in str(caught.value) and "officer@great.test" in str(caught.value)
    assert "wave-1.csv" in str(caught.value)
    assert PerceptionSurvey.objects.count() == 1 and SurveyResponse.objects.count() == 11


def test_import_the_same_file_at_another_landlord_is_its_own(great, brighter):
    imported(great, WAVE_1)
    assert imported(brighter, WAVE_1).responses_count == 11


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reporting_year": 2022}, "reporting_year"),
        ({"reporting_year": ReportingYear.of(timezone.localdate()).starting + 1}, "reporting_year"),
        ({"method": "carrier pigeon"}, "method"),
        ({"file_name": "results.xlsx"}, "file"),
    ],
)
def test_import_refuses_a_year_method_or_file_that_will_not_do(great, change, field):
    given = {
        "landlord": great.landlord,
        "actor": great.officer,
        "reporting_year": 2025,
        "method": "online",
        "sample_notes": "",
        "file_name": "results.csv",
        "content": WAVE_1.encode(),
        **change,
    }
    with pytest.raises(InvalidInputError) as caught:
        perception_survey_import(**given)
    assert caught.value.field == field
    assert not PerceptionSurvey.objects.exists()


def test_import_for_the_feedback_team_and_administrators_only(great, brighter):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    assert (
        perception_survey_import(
            landlord=great.landlord,
            actor=admin,
            reporting_year=2025,
            method="postal",
            sample_notes="",
            file_name="a.csv",
            content=WAVE_1.encode(),
        ).imported_by
        == admin
    )
    for person in (great.director, great.board, great.manager, great.housing, brighter.officer):
        with pytest.raises(NotPermittedError):
            perception_survey_import(
                landlord=great.landlord,
                actor=person,
                reporting_year=2025,
                method="postal",
                sample_notes="",
                file_name="b.csv",
                content=csv_of("Z,no,"),
            )
    assert PerceptionSurvey.objects.count() == 1


def test_import_by_the_putright_command_has_no_actor(great):
    survey = perception_survey_import(
        landlord=great.landlord,
        actor=None,
        reporting_year=2025,
        method="mixed",
        sample_notes="",
        file_name="c.csv",
        content=WAVE_1.encode(),
    )
    assert survey.imported_via == "command" and survey.imported_by is None
    assert "putright command" in AdministrationEvent.objects.get(kind="surveys.import").summary


def test_an_imported_survey_is_never_changed(great):
    survey = imported(great, WAVE_1)
    survey.sample_notes = "changed"
    with pytest.raises(ValueError, match="never changed"):
        survey.save()
