"""Staff notifications for events, through the reminder machinery, with an email copy sent at most once."""

from datetime import date

from django.core import mail

from putright.cases import services
from putright.domain.lifecycle import Kind
from putright.reminders.models import Reminder, StaffNotification
from putright.reminders.services import notifications_email
from tests.factories import Org, at

D = date.fromisoformat
DEFINITION = [{"point": "Repair late", "outcome_sought": "Repair"}]


def test_a_case_assigned_to_someone_tells_them_in_app_and_by_email(db, django_capture_on_commit_callbacks):
    org = Org("gp", "Great Places", "great-places", "GP")
    with django_capture_on_commit_callbacks(execute=True):
        case = services.feedback_log(
            landlord=org.landlord,
            actor=org.officer,
            kind=Kind.COMPLAINT,
            channel="phone",
            received_at=at("2026-11-02"),
            customer=org.customer,
            summary="x",
            description="y",
        )
        services.complaint_acknowledge(
            landlord=org.landlord,
            actor=org.officer,
            case_id=case.pk,
            acknowledged_on=D("2026-11-03"),
            definition=DEFINITION,
            responsible_for="Repairs",
            handler=org.manager,
        )
    notification = StaffNotification.objects.get(kind="case_assigned")
    assert notification.recipient == org.manager and case.reference in notification.message
    assert [m.to for m in mail.outbox if "Case assigned" in m.subject] == [[org.manager.email]]


def test_a_low_satisfaction_score_tells_the_feedback_team(db, django_capture_on_commit_callbacks):
    org = Org("gp", "Great Places", "great-places", "GP")
    case = services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-02"),
        customer=org.customer,
        summary="x",
        description="y",
    )
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-11-03"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    services.stage_respond(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        responded_on=D("2026-11-05"),
        outcome="upheld",
        summary="Sorry",
        answers=[services.PointAnswer("Repair late", "upheld", "It was late")],
    )
    services.case_close(landlord=org.landlord, actor=org.officer, case_id=case.pk, lesson="none")
    with django_capture_on_commit_callbacks(execute=True):
        services.satisfaction_record(
            landlord=org.landlord,
            actor=org.officer,
            case_id=case.pk,
            score=1,
            comment="Nobody called me back",
        )
    notification = StaffNotification.objects.get(kind="low_satisfaction")
    assert notification.recipient == org.officer and "Nobody called me back" in notification.message
    with django_capture_on_commit_callbacks(execute=True):
        services.satisfaction_record(landlord=org.landlord, actor=org.officer, case_id=case.pk, score=4)
    assert StaffNotification.objects.filter(kind="low_satisfaction").count() == 1


def test_notification_emails_go_at_most_once(db, django_capture_on_commit_callbacks):
    org = Org("gp", "Great Places", "great-places", "GP")
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_log(
            landlord=org.landlord,
            actor=org.officer,
            kind=Kind.COMPLAINT,
            channel="phone",
            received_at=at("2026-11-02"),
            customer=org.customer,
            summary="x",
            description="y",
        )
    reminder = Reminder.objects.create(
        landlord=org.landlord,
        kind="case_assigned",
        subject="test",
        due_date=D("2026-11-23"),
        recipient=org.manager,
        recipient_role="feedback_officer",
        message="Hello",
        sweep_id="00000000-0000-0000-0000-000000000001",
        enqueued_at=at("2026-11-23"),
    )
    StaffNotification.objects.create(
        landlord=org.landlord, recipient=org.manager, reminder=reminder, kind="case_assigned", message="Hello"
    )
    mail.outbox.clear()
    assert notifications_email(reminder_id=reminder.pk) == 1
    assert notifications_email(reminder_id=reminder.pk) == 0
    assert len(mail.outbox) == 1
