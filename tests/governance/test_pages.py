"""The governance pages: who may open and use each (by role and landlord), the forms without JavaScript
(errors re-shown with what was typed), and the PDFs open with the year's figures."""

import io
import re

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from putright.accounts.models import Role
from putright.domain.tsm import ReportingYear
from putright.governance import annual, services
from putright.governance.models import AnnualReport, SelfAssessment
from putright.governance.provisions import SECTIONS, entries
from tests.factories import make_staff
from tests.reporting.conftest import build_year2025

YEAR = ReportingYear.of(timezone.localdate()).starting - 1


@pytest.fixture
def mrc(great):
    return make_staff(great.landlord, "mrc@great.test", Role.MEMBER_RESPONSIBLE)


@pytest.fixture
def assessment(great):
    return services.self_assessment_start(landlord=great.landlord, actor=great.officer, year_starting=YEAR)


@pytest.fixture
def report(great):
    return annual.annual_report_start(landlord=great.landlord, actor=great.officer, year_starting=YEAR)


def as_(user):
    client = Client()
    client.force_login(user)
    return client


def text(response):
    return response.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer", 200), ("director", 200), ("board", 200), ("mrc", 200), ("manager", 403), ("housing", 403)],
)
def test_governance_pages_open_for_readers_only(great, mrc, assessment, report, who, status):
    user = mrc if who == "mrc" else getattr(great, who)
    base = "/landlords/great/governance/"
    for path in (base, f"{base}self-assessments/{assessment.pk}/", f"{base}annual-reports/{YEAR}/"):
        assert as_(user).get(path).status_code == status, path


def test_another_landlords_assessment_and_report_are_not_found(great, brighter, assessment, report):
    officer = as_(brighter.officer)
    assert officer.get(f"/landlords/brighter/governance/self-assessments/{assessment.pk}/").status_code == 404
    assert officer.get(f"/landlords/brighter/governance/annual-reports/{YEAR}/").status_code == 404
    row = assessment.rows.first()
    path = f"/landlords/brighter/governance/self-assessments/{assessment.pk}/rows/{row.pk}/"
    assert officer.get(path).status_code == 404
    # A landlord the person holds no role at is not found either.
    assert officer.get("/landlords/great/governance/").status_code == 404


def test_signed_out_people_are_sent_to_sign_in(great, assessment):
    response = Client().get("/landlords/great/governance/")
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_the_page_shows_the_submission_date(great):
    body = text(as_(great.officer).get("/landlords/great/governance/"))
    assert f"30 September {YEAR + 1}" in body
    assert "no homes count is recorded" in body


def test_start_a_self_assessment_and_answer_a_provision(great):
    officer = as_(great.officer)
    response = officer.post("/landlords/great/governance/start/self-assessment/", {"year": str(YEAR)})
    assessment = SelfAssessment.objects.get(landlord=great.landlord)
    assert response.status_code == 302 and response["Location"].endswith(
        f"/self-assessments/{assessment.pk}/"
    )
    page = text(officer.get(response["Location"]))
    headings = re.findall(r'<h2 class="govuk-heading-m" id="section-\d+">Section (\d+): ([^<]+)</h2>', page)
    assert [f'href="#section-{n}"' in page for n in SECTIONS] == [True] * 9  # the contents link each
    assert headings == [(str(n), title) for n, title in SECTIONS.items()]
    shown = re.findall(r'<th scope="row" class="govuk-table__header">([\d.]+)</th>', page)
    assert shown == [e.provision for e in entries()]
    row = assessment.rows.get(provision="6.13")
    url = f"/landlords/great/governance/self-assessments/{assessment.pk}/rows/{row.pk}/"
    refused = officer.post(url, {"comply": "no", "commentary": "Kept for training"})
    assert refused.status_code == 200
    body = text(refused)
    assert "Error:" in body and "give the reason your answer differs" in body
    assert "Kept for training" in body  # what was typed is kept
    saved = officer.post(
        url, {"comply": "no", "comply_reason": "Reassigned by hand", "commentary": "Training"}
    )
    assert saved.status_code == 302
    row.refresh_from_db()
    assert (row.comply, row.comply_reason) == (False, "Reassigned by hand")


def test_a_year_that_already_has_a_draft_is_refused_on_the_page(great, assessment):
    response = as_(great.officer).post(
        "/landlords/great/governance/start/self-assessment/", {"year": str(YEAR)}
    )
    assert response.status_code == 400
    assert "already has a draft self-assessment" in text(response)


def test_readers_cannot_start_answer_or_approve_as_the_wrong_role(great, mrc, assessment):
    board = as_(great.board)
    assert (
        board.post("/landlords/great/governance/start/annual-report/", {"year": str(YEAR)}).status_code == 403
    )
    row = assessment.rows.first()
    assert (
        board.get(f"/landlords/great/governance/self-assessments/{assessment.pk}/rows/{row.pk}/").status_code
        == 403
    )
    body = text(board.get(f"/landlords/great/governance/self-assessments/{assessment.pk}/"))
    assert "Answer" not in re.sub(r"Not answered|not answered", "", body)
    assert "Record approval" in body
    approve = f"/landlords/great/governance/self-assessments/{assessment.pk}/approve/"
    assert as_(great.officer).get(approve).status_code == 403


def test_record_approval_then_the_version_is_frozen(great, mrc, assessment):
    for r in assessment.rows.filter(comply__isnull=True):
        services.assessment_row_answer(landlord=great.landlord, actor=great.officer, row_id=r.pk, comply=True)
    url = f"/landlords/great/governance/self-assessments/{assessment.pk}/approve/"
    today = timezone.localdate()
    missing = as_(mrc).post(url, {"approved_by": "The Board", "minute": ""})
    assert missing.status_code == 200
    assert "Enter the minute reference" in text(missing) and 'value="The Board"' in text(missing)
    done = as_(mrc).post(
        url,
        {
            "approved_on_day": today.day,
            "approved_on_month": today.month,
            "approved_on_year": today.year,
            "approved_by": "The Board",
            "minute": "B/26/4",
        },
    )
    assert done.status_code == 302
    page = text(as_(great.officer).get(f"/landlords/great/governance/self-assessments/{assessment.pk}/"))
    assert "It can no longer change" in page and "Make a new version to change it" in page
    row = assessment.rows.first()
    assert as_(great.officer).get(f"{url[:-8]}rows/{row.pk}/").status_code == 404
    new = as_(great.officer).post(
        f"/landlords/great/governance/self-assessments/{assessment.pk}/new-version/"
    )
    assert new.status_code == 302
    assert SelfAssessment.objects.filter(landlord=great.landlord, version=2, approved_on=None).exists()


def test_annual_report_edit_and_response(great, mrc, report):
    base = f"/landlords/great/governance/annual-reports/{YEAR}/"
    bad = as_(great.officer).post(
        f"{base}edit/", {"analysis": "Fewer repairs complaints", "published_url": "not a url"}
    )
    assert (
        bad.status_code == 200
        and "Enter a web address" in text(bad)
        and "Fewer repairs complaints" in text(bad)
    )
    today = timezone.localdate()
    ok = as_(great.officer).post(
        f"{base}edit/",
        {
            "analysis": "Fewer repairs complaints",
            "published_url": "https://great.test/report",
            "published_on_day": today.day,
            "published_on_month": today.month,
            "published_on_year": today.year,
        },
    )
    assert ok.status_code == 302
    assert as_(great.officer).get(f"{base}respond/").status_code == 403
    responded = as_(mrc).post(
        f"{base}respond/",
        {
            "scrutiny": "Reviewed quarterly",
            "response": "The Board accepts the report",
            "response_by": "Chair",
            "response_on_day": today.day,
            "response_on_month": today.month,
            "response_on_year": today.year,
        },
    )
    assert responded.status_code == 302
    page = text(as_(great.board).get(base))
    assert "The Board accepts the report" in page and "https://great.test/report" in page


def test_code_8_1_the_pdfs_open_with_the_years_figures(great, brighter):
    build_year2025(great, brighter)
    assessment = services.self_assessment_start(
        landlord=great.landlord, actor=great.officer, year_starting=2025
    )
    AnnualReport.objects.create(
        landlord=great.landlord, year_starting=2025, created_by=great.officer, created_at=timezone.now()
    )
    officer = as_(great.officer)
    response = officer.get(f"/landlords/great/governance/self-assessments/{assessment.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    printed = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Complaint Handling Code self-assessment 2025/26" in printed
    where = [printed.find(f"Section {n}: {title}") for n, title in SECTIONS.items()]
    assert -1 not in where and where == sorted(where)  # every section, in order
    assert "Must set all relevant staff and third parties a standard objective" in printed  # 9.8, the last
    assert "4 of 5 stage 1 responses issued were within the Code's timescale (80.0%)" in printed
    response = officer.get("/landlords/great/governance/annual-reports/2025/pdf/")
    assert response.status_code == 200
    printed = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "annual complaints performance and service improvement report 2025/26" in printed
    # CH01 part 1: 6 stage 1 complaints (B, C, D, E, J, H) per 1,234 homes = 4.9.
    assert "CH01 part 1: stage 1 complaints received per 1,000 homes 4.9" in printed
    assert "5 of 5 stage 1 acknowledgements made were within 5 working days" in printed
