"""Who is told when a complaint changes course: the Feedback Team of an extension (Brighter Places 7.ii.g)
and the customer of an issue logged as a new complaint (Brighter Places 7.iii.a)."""

from datetime import date, timedelta

from django.utils import timezone

from putright.cases import services
from putright.cases.models import TimelineEvent
from putright.customers.models import Adjustment
from putright.domain.letters import LetterKind
from putright.domain.lifecycle import Kind
from putright.letters.models import Letter
from putright.reminders.models import Reminder, ReminderKind, StaffNotification
from tests.factories import Org

from .conftest import at

D = date.fromisoformat
POINTS = [{"point": "The boiler has failed", "outcome_sought": "A working boiler"}]


def _acknowledged(org):
    case = services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-04-14"),
        customer=org.customer,
        summary="No heating",
        description="The boiler has failed.",
    )
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-15"),
        definition=POINTS,
        responsible_for="Repairs",
        handler=org.manager,
    )
    return case


def _extend(org, case):
    return services.stage_extend(
        landlord=org.landlord,
        actor=org.manager,
        case_id=case.pk,
        days=5,
        notified_on=D("2026-04-20"),
        reason="Waiting for the boiler part",
        justification="good-reason",
    )


def test_brighter_places_7_ii_g_the_feedback_team_is_told_of_an_extension(
    brighter, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    case = _acknowledged(brighter)
    with django_capture_on_commit_callbacks(execute=True):
        extension = _extend(brighter, case)
    reminder = Reminder.objects.get(kind=ReminderKind.EXTENSION_NOTIFIED)
    assert (
        reminder.case == case and reminder.recipient is None and reminder.recipient_role == "feedback_officer"
    )
    assert reminder.subject == f"case:{case.pk}:stage:1:extension:{extension.pk}"
    assert (
        "extended by 5 working days" in reminder.message and "Waiting for the boiler part" in reminder.message
    )
    told = StaffNotification.objects.get(kind=ReminderKind.EXTENSION_NOTIFIED)
    assert told.recipient == brighter.officer and told.case == case
    event = TimelineEvent.objects.get(case=case, kind="feedback_team_notified")
    assert event.summary == "Feedback Team told of the stage 1 extension"
    assert event.after["extension"] == extension.pk


def test_the_code_profile_tells_no_feedback_team_of_an_extension(db):
    code = Org("code", "Code Homes", "hos-code-2024", "CH")
    case = _acknowledged(code)
    _extend(code, case)
    assert case.stages.get(number=1).extensions.count() == 1
    assert not Reminder.objects.filter(kind=ReminderKind.EXTENSION_NOTIFIED).exists()
    assert not TimelineEvent.objects.filter(case=case, kind="feedback_team_notified").exists()


def _add_issue(org, case):
    return services.complaint_add_issue(
        landlord=org.landlord,
        actor=org.manager,
        case_id=case.pk,
        point="The fence was left broken",
        related=False,
        would_unreasonably_delay=True,
    )


def test_brighter_places_7_iii_a_the_customer_is_told_an_issue_became_a_new_complaint(brighter):
    Adjustment.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        type=Adjustment.Type.LARGE_PRINT,
        agreed_on=timezone.localdate() - timedelta(days=30),
        review_by=timezone.localdate() + timedelta(days=60),
    )
    case = _acknowledged(brighter)
    outcome = _add_issue(brighter, case)
    new = outcome.case
    assert not outcome.incorporated and new.linked_case_id == case.pk
    letter = Letter.objects.get(case=new, kind=LetterKind.NEW_COMPLAINT_NOTICE.value)
    acknowledge_by = new.stages.get(number=1).acknowledge_by
    assert letter.sent_on == timezone.localdate() and letter.status == Letter.Status.SENDING
    assert letter.large_print  # shaped by the customer's adjustments, as every letter is
    assert new.reference in letter.subject and new.reference in letter.body_html
    assert case.reference in letter.body_html and "The fence was left broken" in letter.body_html
    assert f"{acknowledge_by.day} {acknowledge_by:%B %Y}" in letter.body_html
    assert "within 5 working days" in letter.body_html  # Policy 7.ii.a
    assert "Housing Ombudsman" in letter.body_html
    assert letter.deliveries.get().address == "alex@example.test"
    told = TimelineEvent.objects.get(case=new, kind="new_complaint_notice")
    assert case.reference in told.summary and told.after["letter"] == letter.pk
    logged = TimelineEvent.objects.get(case=case, kind="issue_logged_separately")
    assert logged.after == {"complaint": new.reference, "letter": letter.pk}


def test_an_incorporated_issue_sends_no_new_complaint_notice(brighter):
    case = _acknowledged(brighter)
    services.complaint_add_issue(
        landlord=brighter.landlord,
        actor=brighter.manager,
        case_id=case.pk,
        point="And the gate",
        related=True,
    )
    assert not Letter.objects.filter(kind=LetterKind.NEW_COMPLAINT_NOTICE.value).exists()
