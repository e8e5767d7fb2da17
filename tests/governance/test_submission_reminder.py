"""Code 8.1 submission: landlords with over 1,000 homes send the annual report and self-assessment to the
Ombudsman by 30 September; the reminder sweep tells the feedback team weeks ahead, once."""

from datetime import date

from putright.governance.models import AnnualReport
from putright.governance.selectors import submission, submission_due
from putright.organisations.models import HomesCount
from putright.reminders.models import Reminder, ReminderKind
from putright.reminders.sweep import sweep


def _homes(org, homes, year=2025):
    HomesCount.objects.create(landlord=org.landlord, year_starting=year, homes=homes)


def test_code_8_1_submission_due_30_september_after_the_year_for_over_1000_homes(great):
    _homes(great, 1001)
    found = submission(great.landlord, 2025)
    assert found.due == date(2026, 9, 30)
    assert found.required is True
    # 28 days' notice: nothing on 1 September, the reminder from 2 September, and still when overdue.
    assert submission_due(great.landlord, date(2026, 9, 1)) is None
    assert submission_due(great.landlord, date(2026, 9, 2)) == found
    assert submission_due(great.landlord, date(2026, 10, 5)) == found


def test_code_8_1_no_submission_reminder_at_1000_homes_or_without_a_homes_count(great, brighter):
    _homes(great, 1000)
    assert submission(great.landlord, 2025).required is False
    assert submission_due(great.landlord, date(2026, 9, 20)) is None
    assert submission(brighter.landlord, 2025).required is None
    assert submission_due(brighter.landlord, date(2026, 9, 20)) is None


def test_code_8_1_no_submission_reminder_once_submitted(great):
    _homes(great, 5000)
    AnnualReport.objects.create(
        landlord=great.landlord,
        year_starting=2025,
        submitted_on=date(2026, 9, 1),
        created_by=great.officer,
        created_at=great.officer.date_joined,
    )
    assert submission_due(great.landlord, date(2026, 9, 20)) is None


def test_code_8_1_the_sweep_reminds_the_feedback_team_once(great, brighter):
    _homes(great, 1234)
    _homes(brighter, 1234, year=2024)  # another year's count: no reminder for 2025/26
    sweep(today=date(2026, 9, 10))
    sweep(today=date(2026, 9, 11))
    reminders = Reminder.objects.filter(kind=ReminderKind.OMBUDSMAN_SUBMISSION_DUE)
    assert [(r.landlord_id, r.due_date, r.recipient_role) for r in reminders] == [
        (great.landlord.pk, date(2026, 9, 30), "feedback_officer")
    ]
    assert "2025/26 to the Ombudsman due by 30 September 2026" in reminders[0].message
