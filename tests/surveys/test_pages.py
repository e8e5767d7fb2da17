"""The perception survey pages and TP09 on the TSM page: what they show, the import page's errors (every
fault in the file linked from the error summary, the form kept), and who may see and import (by role,
another landlord's slug, signed out); withdrawing an import, confirmed with a reason."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from putright.accounts.models import Role
from putright.surveys.models import PerceptionSurvey
from putright.surveys.services import perception_survey_withdraw
from tests.backoffice.administration.conftest import verified
from tests.factories import make_staff
from tests.reporting.conftest import Builder

from .conftest import HEADER, WAVE_1, answered, csv_of


def url(name: str, slug: str = "great") -> str:
    return reverse(f"backoffice:{name}", args=[slug])


def text(response) -> str:
    return " ".join(response.content.decode().split())


def upload(client, content: bytes, name: str = "wave-1.csv", **fields):
    data = {"reporting_year": "2025", "method": "telephone", "sample_notes": "1,000 tenancies", **fields}
    data["file"] = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(url("report-survey-import"), data)


def test_tsm_page_shows_tp09_from_the_imported_surveys(client, waves, great):
    client.force_login(great.board)
    page = text(client.get(url("report-tsm") + "?year=2025"))
    assert "TP09: satisfaction with the landlord's approach to complaints handling" in page
    assert ">50.0%<" in page and "4 of 8 respondents who complained in the last 12 months" in page
    assert "From 2 imported survey files (13 responses; 10 said they complained, 2 of them left out" in page
    assert "Not a TSM-compliant perception survey" not in page
    assert "Import survey results" not in page  # the Board reads, it does not import


def test_tsm_page_labels_the_case_surveys_stand_in(client, great):
    answered(Builder(great).log("2025-05-01"), 4, "2025-06-01")
    answered(Builder(great).log("2025-05-02"), 2, "2025-06-01")
    client.force_login(great.officer)
    page = text(client.get(url("report-tsm") + "?year=2025"))
    assert "Not a TSM-compliant perception survey" in page and "Do not report it as TP09" in page
    assert "TP09 (stand-in)" in page and ">50.0%<" in page
    assert "1 of 2 satisfaction answers recorded on complaints in the year scoring 4 or 5" in page
    assert f'href="{url("report-survey-import")}?year=2025"' in page


def test_surveys_page_lists_the_imports(client, waves, great):
    client.force_login(great.director)
    page = text(client.get(url("report-surveys")))
    assert "wave-1.csv" in page and "wave-2.csv" in page and "by officer@great.test" in page
    assert "A random sample of 1,000 tenancies" in page and "Telephone" in page
    assert "B1" not in page and "Import survey results" not in page


def test_import_page_imports_and_says_so(client, great):
    client.force_login(great.officer)
    response = upload(client, WAVE_1.encode())
    assert response.status_code == 302 and response["Location"] == url("report-surveys")
    survey = PerceptionSurvey.objects.get(landlord=great.landlord)
    assert (survey.reporting_year, survey.responses_count, survey.file_name) == (2025, 11, "wave-1.csv")
    assert survey.sample_notes == "1,000 tenancies" and survey.imported_by == great.officer
    page = text(client.get(response["Location"]))
    assert "11 responses imported from “wave-1.csv” for 2025/26" in page


def test_import_page_lists_each_fault_linked_from_the_error_summary(client, great):
    client.force_login(great.officer)
    response = upload(client, csv_of("A,yes,fine", "B,perhaps,", "A,no,"), sample_notes="Kept as typed")
    page = text(response)
    assert response.status_code == 200 and "<title>Error: Import perception survey results" in page
    assert "The file has 3 problems; nothing was imported: correct the file and select it again" in page
    assert '<a href="#row-error-1">Line 2, complaints_handling_satisfaction: “fine” is not an answer' in page
    assert '<a href="#row-error-2">Line 3, complained_last_12_months' in page
    assert '<a href="#row-error-3">Line 4, respondent_id: “A” is also on line 2</a>' in page
    assert 'id="row-error-3"' in page and "3 problems in the file" in page
    assert "Kept as typed</textarea>" in page and 'value="telephone" checked' in page
    assert 'value="2025" selected' in page
    assert not PerceptionSurvey.objects.exists()


def test_import_page_many_faults_summarised_then_listed(client, great):
    client.force_login(great.officer)
    page = text(upload(client, csv_of(*(f"R{n},maybe," for n in range(25)))))
    assert (
        page.count('href="#row-error-') == 20
        and '<a href="#file-problems">5 more problems in the file</a>' in page
    )
    assert 'id="row-error-25"' in page


def test_import_page_refuses_the_same_file_twice(client, great):
    client.force_login(great.officer)
    upload(client, WAVE_1.encode())
    page = text(upload(client, WAVE_1.encode(), name="again.csv"))
    assert "This file was already imported on" in page and "it is not imported again" in page
    assert PerceptionSurvey.objects.count() == 1


def test_import_page_says_what_is_missing(client, great):
    client.force_login(great.officer)
    page = text(client.post(url("report-survey-import"), {"reporting_year": "", "sample_notes": "x"}))
    for message in (
        "Choose the reporting year the survey is for",
        "Choose how the survey was carried out",
        "Select the CSV file of survey results",
    ):
        assert message in page
    assert '<a href="#id_method_0">' in page and '<a href="#id_file">' in page


def test_template_is_the_header_row(client, great):
    client.force_login(great.officer)
    response = client.get(url("report-survey-template"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode() == HEADER + "\r\n"
    assert "perception-survey-template.csv" in response["Content-Disposition"]


def test_administrators_may_import(client, great):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    verified(client, admin)
    assert client.get(url("report-survey-import")).status_code == 200
    assert upload(client, WAVE_1.encode()).status_code == 302


@pytest.mark.parametrize("role", ["director", "board"])
def test_readers_who_may_not_import_are_forbidden_the_import(client, great, role):
    client.force_login(getattr(great, role))
    assert client.get(url("report-surveys")).status_code == 200
    assert client.get(url("report-survey-import")).status_code == 403
    assert client.get(url("report-survey-template")).status_code == 403
    assert upload(client, WAVE_1.encode()).status_code == 403
    assert not PerceptionSurvey.objects.exists()


@pytest.mark.parametrize("role", ["manager", "housing", "colleague"])
def test_roles_without_reports_are_forbidden_every_survey_page(client, great, role):
    client.force_login(getattr(great, role))
    for name in ("report-surveys", "report-survey-import", "report-survey-template"):
        assert client.get(url(name)).status_code == 403


def test_another_landlords_survey_pages_are_not_found(client, great, brighter):
    client.force_login(brighter.officer)
    for name in ("report-surveys", "report-survey-import", "report-survey-template"):
        assert client.get(url(name)).status_code == 404
    assert upload(client, WAVE_1.encode()).status_code == 404
    assert not PerceptionSurvey.objects.exists()


def test_signed_out_people_are_sent_to_sign_in(client, great):
    for name in ("report-surveys", "report-survey-import", "report-survey-template"):
        response = client.get(url(name))
        assert response.status_code == 302 and "/sign-in/" in response["Location"]


# -- withdrawing an import --------------------------------------------------------------------------------


def withdraw_url(survey, slug: str = "great") -> str:
    return reverse("backoffice:report-survey-withdraw", args=[slug, survey.pk])


def test_surveys_page_offers_withdrawal_and_marks_withdrawn_imports(client, waves, great):
    first, second = waves
    perception_survey_withdraw(survey=first, actor=great.officer, reason="Not the final results")
    client.force_login(great.officer)
    page = text(client.get(url("report-surveys")))
    assert "Withdrawn</strong>" in page and "by officer@great.test: Not the final results" in page
    assert f'href="{withdraw_url(second)}"' in page and f'href="{withdraw_url(first)}"' not in page
    client.force_login(great.board)
    assert f'href="{withdraw_url(second)}"' not in text(client.get(url("report-surveys")))


def test_withdraw_page_confirms_then_withdraws(client, waves, great):
    first = waves[0]
    client.force_login(great.officer)
    page = text(client.get(withdraw_url(first)))
    assert "Withdraw the import of wave-1.csv?" in page and "11 responses will stop counting in TP09" in page
    response = client.post(withdraw_url(first), {"reason": "Wrong year"})
    assert response.status_code == 302 and response["Location"] == url("report-surveys")
    first.refresh_from_db()
    assert first.withdrawn and first.withdrawal_reason == "Wrong year" and first.withdrawn_by == great.officer
    page = text(client.get(response["Location"]))
    assert "The import of “wave-1.csv” for 2025/26 is withdrawn: its 11 responses no longer count" in page
    page = text(client.get(url("report-tsm") + "?year=2025"))
    assert ">0.0%<" in page and "From 1 imported survey file (2 responses" in page


def test_withdraw_page_without_a_reason_changes_nothing(client, waves, great):
    first = waves[0]
    client.force_login(great.officer)
    response = client.post(withdraw_url(first), {"reason": "   "})
    page = text(response)
    assert response.status_code == 200 and "<title>Error: Withdraw the import of wave-1.csv" in page
    assert '<a href="#id_reason">Enter why the import is being withdrawn</a>' in page
    long = "x" * 2001
    page = text(client.post(withdraw_url(first), {"reason": long}))
    assert "The reason must be 2,000 characters or fewer" in page and f"{long}</textarea>" in page
    first.refresh_from_db()
    assert not first.withdrawn


def test_withdraw_page_of_a_withdrawn_import_says_so(client, waves, great):
    first = waves[0]
    perception_survey_withdraw(survey=first, actor=great.officer, reason="Wrong year")
    client.force_login(great.officer)
    page = text(client.get(withdraw_url(first)))
    assert (
        "The import of wave-1.csv is withdrawn" in page and "Wrong year" in page and "<textarea" not in page
    )
    response = client.post(withdraw_url(first), {"reason": "Again"})
    assert response.status_code == 200
    first.refresh_from_db()
    assert first.withdrawal_reason == "Wrong year"


def test_administrators_may_withdraw(client, waves, great):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    verified(client, admin)
    assert client.post(withdraw_url(waves[0]), {"reason": "Mistake"}).status_code == 302
    assert PerceptionSurvey.objects.get(pk=waves[0].pk).withdrawn_by == admin


@pytest.mark.parametrize("role", ["director", "board", "manager", "housing", "colleague"])
def test_roles_that_may_not_import_are_forbidden_withdrawal(client, waves, great, role):
    client.force_login(getattr(great, role))
    assert client.get(withdraw_url(waves[0])).status_code == 403
    assert client.post(withdraw_url(waves[0]), {"reason": "Mistake"}).status_code == 403
    assert not PerceptionSurvey.objects.filter(withdrawn_at__isnull=False).exists()


def test_another_landlords_import_is_not_found_for_withdrawal(client, waves, great, brighter):
    theirs = PerceptionSurvey.objects.get(landlord=brighter.landlord)
    client.force_login(great.officer)
    assert client.get(withdraw_url(theirs)).status_code == 404
    assert client.post(withdraw_url(theirs), {"reason": "Mistake"}).status_code == 404
    client.force_login(brighter.officer)
    assert client.get(withdraw_url(waves[0])).status_code == 404
    assert client.post(withdraw_url(theirs, "great"), {"reason": "Mistake"}).status_code == 404
    assert not PerceptionSurvey.objects.filter(withdrawn_at__isnull=False).exists()


def test_signed_out_people_are_sent_to_sign_in_from_withdrawal(client, waves):
    response = client.get(withdraw_url(waves[0]))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
