"""The self-assessment's evidence for Great Places' 2025/26 reporting year (`tests/reporting/conftest.py`,
`Year2025`: cases A, B, C, D and J answered in the year), worked by hand. Each test is named after the Code
provision its measure evidences."""

from datetime import date

import pytest
from django.utils import timezone

from putright.cases.models import AgreedAction, Case, Learning, Stage
from putright.domain.tsm import ReportingYear
from putright.governance.evidence import measurer
from putright.letters.models import Letter
from putright.ombudsman.models import NonCompliance
from tests.factories import at
from tests.reporting.conftest import build_year2025

YEAR = ReportingYear(2025)


@pytest.fixture
def year(great, brighter):
    return build_year2025(great, brighter)


def measure(org, name, year=YEAR):
    return measurer(org.landlord, year.range)(name)


def test_code_6_2_and_6_11_share_acknowledged_within_5_working_days(year, great):
    # Stage 1: A (2 Apr), B (3 Apr), C (4 Jun), D (2 Sep), J (13 Jan), each within 5 working days of
    # receipt. Stage 2: D, requested 15 Sep, acknowledged 17 Sep.
    one, two = measure(great, "stage1_acknowledged"), measure(great, "stage2_acknowledged")
    assert one.text == "5 of 5 stage 1 acknowledgements made were within 5 working days (100.0%)."
    assert one.complies is True
    assert two.text == "1 of 1 stage 2 acknowledgements made were within 5 working days (100.0%)."


def test_code_6_3_and_6_14_share_responded_within_the_code(year, great):
    # B answered 22 Apr, after 17 Apr; A, C (within its extension), D and J on time; D at stage 2 on time.
    one = measure(great, "stage1_responded")
    assert one.text == "4 of 5 stage 1 responses issued were within the Code's timescale (80.0%)."
    assert one.complies is False
    assert measure(great, "stage2_responded").complies is True


def test_code_6_13_no_stage_2_handled_by_the_stage_1_handler(year, great):
    # D is the year's only stage 2 with a handler (J's escalation was refused): the director, not the
    # manager who had stage 1.
    found = measure(great, "stage2_handler")
    assert (
        found.text == "0 of 1 stage 2 complaints received in the year were handled by their stage 1 handler."
    )
    assert found.complies is True
    # Records imported from elsewhere could break the rule; the measure finds them.
    Stage.objects.filter(case=year.cases["D"], number=2).update(handler=great.manager)
    found = measure(great, "stage2_handler")
    assert found.text.startswith("1 of 1 ")
    assert found.complies is False


def test_code_3_7_every_complaint_letter_carried_the_ombudsman_details(year, great):
    # Letters sent in the year: A 2, B 2, C 3 (with the extension notice), D 4, J 2 = 13, of them 6 responses.
    found = measure(great, "ombudsman_details")
    assert found.text == (
        "13 of 13 letters about a complaint issued gave the Ombudsman's details (100.0%). "
        "Of the 6 response letters, 6 did."
    )
    assert found.complies is True
    Letter.objects.filter(case=year.cases["B"], kind="stage1_response").update(body_html="<p>No details</p>")
    found = measure(great, "ombudsman_details")
    assert found.text.startswith("12 of 13 ")
    assert found.text.endswith("Of the 6 response letters, 5 did.")
    assert found.complies is False


def test_code_2_4_and_5_11_every_refusal_has_a_reason_and_a_letter(year, great):
    # F's decision not to accept and J's not to escalate are taken today, each with its letter.
    now = ReportingYear.of(timezone.localdate())
    assert measure(great, "not_accepted").complies is None  # none in 2025/26
    refused = measure(great, "not_accepted", now)
    assert refused.text == "1 of 1 decisions not to accept a complaint had a reason and a letter (100.0%)."
    assert measure(great, "not_escalated", now).complies is True
    Letter.objects.filter(case=year.cases["J"], kind="not_escalated").update(status=Letter.Status.FAILED)
    found = measure(great, "not_escalated", now)
    assert found.text.startswith("0 of 1 ")
    assert found.complies is False


def test_code_9_1_lessons_recorded_for_complaints_closed(year, great):
    assert measure(great, "learning").complies is None
    for key, day in (("A", "2025-04-20"), ("B", "2025-05-02"), ("C", "2026-04-02")):
        Case.objects.filter(pk=year.cases[key].pk).update(closed_at=at(day))
    Learning.objects.create(
        case=year.cases["A"],
        lesson="Chase",
        improvement="Weekly list",
        recorded_by=great.officer,
        recorded_at=at("2025-04-21"),
    )
    Learning.objects.create(
        case=year.cases["C"], lesson="None", recorded_by=great.officer, recorded_at=at("2026-04-03")
    )
    # Closed in the year: A (with a lesson and an improvement) and B (none); C closed the next year.
    found = measure(great, "learning")
    assert found.text == (
        "1 of 2 complaints closed had their lesson recorded (50.0%). 1 led to a service improvement."
    )
    assert found.complies is False


def test_code_8_5_non_compliance_recorded_with_notices(great):
    def record(start, returned=None, told=None):
        NonCompliance.objects.create(
            landlord=great.landlord,
            provision="6.2",
            from_date=date.fromisoformat(start),
            reason="Cyber incident",
            residents_told_on=told,
            ombudsman_told_on=told,
            returned_on=date.fromisoformat(returned) if returned else None,
            recorded_by=great.officer,
            recorded_at=at(start),
        )

    record("2024-01-01", "2024-03-01", told=date(2024, 1, 5))  # before the year: not counted
    assert measure(great, "non_compliance").complies is None
    record("2025-03-20", "2025-04-15", told=date(2025, 3, 25))  # ends in the year
    found = measure(great, "non_compliance")
    assert found.text == (
        "1 Code non-compliance record(s) in the year: the Ombudsman and residents told in 1, "
        "compliance restored in 1."
    )
    assert found.complies is True
    record("2026-03-01")  # begins in the year, no notices yet
    assert measure(great, "non_compliance").complies is False


def test_code_7_3_agreed_actions_completed_by_their_date(year, great):
    assert measure(great, "actions").complies is None
    stage1 = Stage.objects.get(case=year.cases["A"], number=1)

    def action(due, done=None):
        AgreedAction.objects.create(
            landlord=great.landlord,
            stage=stage1,
            description="Repair the gutter",
            owner=great.manager,
            due_on=date.fromisoformat(due),
            completed_on=date.fromisoformat(done) if done else None,
        )

    action("2025-05-01", "2025-04-30")  # kept
    action("2025-06-01", "2025-06-05")  # four days late
    action("2025-12-01")  # never done
    action("2026-04-10")  # due the next year: not counted
    found = measure(great, "actions")
    assert found.text == "1 of 3 agreed actions due in the year were completed by their date (33.3%)."
    assert found.complies is False
