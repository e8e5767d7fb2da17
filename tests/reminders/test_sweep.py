"""The reminder sweep: what it finds from the stored deadlines, once, for the right people."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.cases import services
from putright.cases.models import AgreedAction, Stage
from putright.domain.lifecycle import Kind
from putright.reminders.models import Reminder, StaffNotification
from putright.reminders.sweep import SWEEP_LOCK_KEY, sweep

from .conftest import D, at, told

DEFINITION = [{"point": "The kitchen leak was not repaired for six weeks", "outcome_sought": "Repair"}]


def log_complaint(org, received="2026-03-31", **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at(received),
        customer=org.customer,
        summary="Leak not repaired",
        description="The kitchen has leaked since February.",
        **extra,
    )


def acknowledge(org, case, actor, on="2026-04-02"):
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=actor,
        case_id=case.pk,
        acknowledged_on=D(on),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )


def stage1(case):
    return Stage.objects.get(case=case, number=1)


# Acknowledgements and responses


def test_acknowledgement_due_soon_then_overdue_tells_every_feedback_officer_while_no_handler(org, run_sweep):
    case = log_complaint(org)
    assert stage1(case).acknowledge_by == D("2026-04-09")

    # Thursday 2 April: two working days on (Good Friday and Easter Monday skipped) is 8 April.
    assert run_sweep("2026-04-02").total == 0

    result = run_sweep("2026-04-07")
    assert result.created == {"acknowledgement_due_soon": 1}
    reminder = Reminder.objects.get()
    assert (reminder.subject, reminder.due_date, reminder.case, reminder.customer, reminder.recipient) == (
        f"case:{case.pk}:stage:1",
        D("2026-04-09"),
        case,
        org.customer,
        None,
    )
    assert reminder.message == "GP-2026-000001: stage 1 acknowledgement due by 9 April 2026 (2 working days)"
    assert told(reminder) == {org.officer, org.officer2}
    assert reminder.notified_at is not None

    result = run_sweep("2026-04-10")
    assert result.created == {"acknowledgement_overdue": 1}
    overdue = Reminder.objects.get(kind="acknowledgement_overdue")
    assert overdue.message == (
        "GP-2026-000001: stage 1 acknowledgement overdue: due by 9 April 2026 (1 working day late)"
    )
    assert told(overdue) == {org.officer, org.officer2}


def test_response_due_soon_then_overdue_tells_the_handler_only(org, run_sweep):
    case = log_complaint(org)
    acknowledge(org, case, org.manager)
    assert stage1(case).respond_by == D("2026-04-20")

    assert run_sweep("2026-04-15").total == 0
    result = run_sweep("2026-04-16")
    assert result.created == {"response_due_soon": 1}
    reminder = Reminder.objects.get()
    assert reminder.message == "GP-2026-000001: stage 1 response due by 20 April 2026 (2 working days)"
    assert reminder.recipient == org.manager
    assert told(reminder) == {org.manager}

    assert run_sweep("2026-04-21").created == {"response_overdue": 1}
    overdue = Reminder.objects.get(kind="response_overdue")
    assert (
        overdue.message
        == "GP-2026-000001: stage 1 response overdue: due by 20 April 2026 (1 working day late)"
    )
    assert told(overdue) == {org.manager}


def test_a_provisional_response_date_says_so(org, run_sweep):
    case = org.complaint(acknowledge_by=D("2026-04-01"), respond_by=D("2026-04-09"))
    run_sweep("2026-04-07")
    response = Reminder.objects.get(kind="response_due_soon")
    assert response.message == (
        f"{case.reference}: stage 1 response due by 9 April 2026 (2 working days) (provisional until acknowledged)"
    )
    assert Reminder.objects.filter(kind="acknowledgement_overdue").count() == 1


def test_stage_2_reminders_use_the_stage_2_deadlines_and_handler(org, run_sweep):
    case = org.complaint(
        status="stage2_requested",
        stage=2,
        acknowledge_by=D("2026-04-08"),
        respond_by=D("2026-04-09"),
        handler=org.director,
    )
    result = run_sweep("2026-04-07")
    assert result.created == {"acknowledgement_due_soon": 1, "response_due_soon": 1}
    for reminder in Reminder.objects.all():
        assert reminder.subject == f"case:{case.pk}:stage:2"
        assert f"{case.reference}: stage 2 " in reminder.message
        assert told(reminder) == {org.director}


def test_a_changed_due_date_is_a_new_reminder(org, run_sweep):
    case = org.complaint(
        status="stage1_investigating",
        acknowledge_by=D("2026-03-05"),
        acknowledged_on=D("2026-03-04"),
        respond_by=D("2026-04-08"),
        handler=org.manager,
    )
    assert run_sweep("2026-04-07").created == {"response_due_soon": 1}
    Stage.objects.filter(case=case).update(respond_by=D("2026-04-09"))  # as an extension would
    assert run_sweep("2026-04-07").created == {"response_due_soon": 1}
    assert sorted(Reminder.objects.values_list("due_date", flat=True)) == [D("2026-04-08"), D("2026-04-09")]


# Agreed actions, no-contact closures, reviews, hazards


def test_agreed_actions_go_to_their_owner_until_completed_even_after_the_case_closes(org, run_sweep):
    case = log_complaint(org)
    acknowledge(org, case, org.manager)
    services.stage_respond(
        landlord=org.landlord,
        actor=org.manager,
        case_id=case.pk,
        responded_on=D("2026-04-17"),
        outcome="upheld",
        summary="We are sorry.",
        answers=[services.PointAnswer(DEFINITION[0]["point"], "upheld", "The repair was late.")],
        remedies=[services.RemedyInput("financial", "Compensation", Decimal("50.00"))],
        actions=[services.ActionInput("Replace the kitchen worktop", org.housing, D("2026-06-01"))],
    )
    services.case_close(landlord=org.landlord, actor=org.officer, case_id=case.pk, lesson="Chase contractors")

    assert run_sweep("2026-05-27").total == 0
    assert run_sweep("2026-05-28").created == {"action_due": 1}
    reminder = Reminder.objects.get()
    action = AgreedAction.objects.get()
    assert reminder.subject == f"action:{action.pk}"
    assert reminder.message == (
        "GP-2026-000001: agreed action due by 1 June 2026 (2 working days): Replace the kitchen worktop"
    )
    assert told(reminder) == {org.housing}

    services.action_complete(
        landlord=org.landlord, actor=org.housing, action_id=action.pk, completed_on=D("2026-05-29")
    )
    assert run_sweep("2026-06-03").total == 0


def test_no_contact_closure_is_due_once_the_customers_time_to_reply_has_passed(other, run_sweep):
    case = log_complaint(other)  # Brighter Places allows 15 working days after the letter (policy 7.ii.e)
    acknowledge(other, case, other.manager)
    services.complaint_warn_no_contact(
        landlord=other.landlord, actor=other.manager, case_id=case.pk, letter_on=D("2026-04-08")
    )
    last_day = stage1(case).close_without_contact_after
    assert last_day is not None

    assert "no_contact_closure_due" not in run_sweep(last_day.isoformat()).created
    assert run_sweep((last_day + timedelta(days=1)).isoformat()).created["no_contact_closure_due"] == 1
    reminder = Reminder.objects.get(kind="no_contact_closure_due")
    assert reminder.subject == f"case:{case.pk}:stage:1"
    assert reminder.message == (
        f"BP-2026-000001: stage 1 may now be closed without contact: the customer had until "
        f"{last_day.day} {last_day:%B %Y} to reply"
    )
    assert told(reminder) == {other.manager}
    assert "no_contact_closure_due" not in run_sweep((last_day + timedelta(days=7)).isoformat()).created


def test_restriction_reviews_go_to_housing_managers_and_adjustment_reviews_to_feedback_officers(
    org, other, run_sweep
):
    due = org.restriction(D("2026-04-09"))
    org.restriction(D("2026-04-30"))  # not yet
    org.restriction(D("2026-03-01"), status="lifted")
    adjustment = org.adjustment(D("2026-04-08"))
    org.adjustment(D("2026-03-01"), ended_on=D("2026-02-01"))
    elsewhere = other.restriction(D("2026-04-01"))

    result = run_sweep("2026-04-07")
    assert result.created == {"restriction_review_due": 2, "adjustment_review_due": 1}
    ours = Reminder.objects.get(subject=f"restriction:{due.pk}")
    assert ours.message == (
        "Contact restriction (single_point_of_contact) for Alex Morgan: review due by 9 April 2026 (2 working days)"
    )
    assert (ours.customer, ours.case) == (org.customer, None)
    assert told(ours) == {org.housing}
    theirs = Reminder.objects.get(subject=f"restriction:{elsewhere.pk}")
    assert theirs.message.endswith("review overdue: due by 1 April 2026 (2 working days late)")
    assert told(theirs) == {other.housing}
    reminder = Reminder.objects.get(subject=f"adjustment:{adjustment.pk}")
    assert (
        reminder.message
        == "Reasonable adjustment (large print) for Alex Morgan: review due by 8 April 2026 (1 working day)"
    )
    assert told(reminder) == {org.officer, org.officer2}


def test_hazard_clocks_each_duty_once(org, run_sweep):
    case = log_complaint(org, hazard_kind="damp-mould", hazard_aware_at=at("2026-03-31"))
    assert case.hazard_due == {"investigate": "2026-04-16"}

    result = run_sweep("2026-04-14")
    assert result.created["hazard_due"] == 1
    reminder = Reminder.objects.get(kind="hazard_due")
    assert reminder.subject == f"case:{case.pk}:hazard:investigate"
    assert reminder.message == (
        "GP-2026-000001: Awaab's Law: Investigate the hazard (significant damp and mould) due by 16 April 2026 "
        "(2 working days)"
    )
    assert told(reminder) == {org.officer, org.officer2}
    assert "hazard_due" not in run_sweep("2026-04-17").created  # overdue now, but already told


def test_awaab_hazard_duty_overdue_is_reminded_once(org, run_sweep):
    case = log_complaint(org, hazard_kind="damp-mould", hazard_aware_at=at("2026-03-31"))
    run_sweep("2026-04-14")
    result = run_sweep("2026-04-17")
    assert result.created["hazard_overdue"] == 1 and "hazard_due" not in result.created
    reminder = Reminder.objects.get(kind="hazard_overdue")
    assert (reminder.subject, reminder.due_date) == (f"case:{case.pk}:hazard:investigate", D("2026-04-16"))
    assert reminder.message == (
        "GP-2026-000001: Awaab's Law: Investigate the hazard (significant damp and mould) overdue: due by "
        "16 April 2026 (1 working day late)"
    )
    assert told(reminder) == {org.officer, org.officer2}
    assert "hazard_overdue" not in run_sweep("2026-04-20").created


def test_awaab_hazard_duty_recorded_done_is_not_reminded_as_overdue(org, run_sweep):
    case = org.complaint(
        status="stage1_investigating",
        acknowledge_by=D("2026-03-05"),
        acknowledged_on=D("2026-03-04"),
        respond_by=D("2026-05-29"),
        handler=org.manager,
        hazard_kind="damp-mould",
        hazard_due={"investigate": "2026-04-08"},
    )
    case.hazard_done = {"investigate": "2026-04-08"}
    case.save(update_fields=["hazard_done"])
    assert "hazard_overdue" not in run_sweep("2026-04-10").created


def test_an_emergency_hazard_clock_in_hours_shows_its_time(org, run_sweep):
    case = log_complaint(org, hazard_kind="emergency", hazard_aware_at=at("2026-03-31", "16:30"))
    run_sweep("2026-03-31")
    reminder = Reminder.objects.get(kind="hazard_due")
    assert reminder.due_date == D("2026-04-01")
    assert reminder.message == (
        f"{case.reference}: Awaab's Law: Investigate and make safe, or offer suitable alternative accommodation "
        "(emergency hazard: an imminent and significant risk of harm) due by 16:30 on 1 April 2026 (1 working day)"
    )


def test_the_investigate_duty_ends_when_the_investigation_concluded(org, run_sweep):
    case = org.complaint(
        status="stage1_investigating",
        acknowledge_by=D("2026-03-05"),
        acknowledged_on=D("2026-03-04"),
        respond_by=D("2026-05-29"),
        handler=org.manager,
        hazard_kind="damp-mould",
        hazard_due={"investigate": "2026-04-08", "make_safe": "2026-04-09", "summary": "2026-04-30"},
        hazard_investigation_concluded=D("2026-04-02"),
    )
    run_sweep("2026-04-07")
    assert list(Reminder.objects.values_list("subject", flat=True)) == [f"case:{case.pk}:hazard:make_safe"]
    assert told(Reminder.objects.get()) == {org.manager}


# What is never reminded


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        ("withdrawn", 1),
        ("closed", 1),
        ("not_accepted", 1),
        ("closed_no_contact", 1),
        ("stage2_responded", 2),
        ("stage1_responded", 1),
        ("stage1_responded", 2),  # escalation refused: the stage 2 row no longer runs
    ],
)
def test_finished_or_answered_cases_get_no_complaint_reminders_but_hazard_duties_go_on(
    org, run_sweep, status, stage
):
    org.complaint(
        status=status,
        stage=stage,
        acknowledge_by=D("2026-03-20"),
        respond_by=D("2026-04-01"),
        close_without_contact_after=D("2026-03-25"),
        hazard_kind="damp-mould",
        hazard_due={"investigate": "2026-04-01"},
    )
    if status == "stage1_responded" and stage == 1:
        Stage.objects.update(acknowledged_on=D("2026-03-19"), responded_on=D("2026-03-31"))
    result = run_sweep("2026-04-07")
    # Awaab's Law duties outlive the complaint: only a withdrawn report stops them.
    expected = {} if status == "withdrawn" else {"hazard_overdue": 1}
    assert result.created == expected


# Idempotency, commit, queries


def make_due_items(org, n):
    """n things due, one of each kind in turn, each with exactly one reminder."""
    soon, past = D("2026-04-08"), D("2026-04-01")
    later = D("2026-06-30")
    for i in range(n):
        which = i % 7
        if which == 0:
            org.complaint(acknowledge_by=soon, respond_by=later)
        elif which == 1:
            org.complaint(
                status="stage1_investigating",
                acknowledge_by=past,
                acknowledged_on=past,
                respond_by=past,
                handler=org.manager,
            )
        elif which == 2:
            org.complaint(
                status="stage2_investigating",
                stage=2,
                acknowledge_by=past,
                acknowledged_on=past,
                respond_by=later,
                close_without_contact_after=past,
                handler=org.director,
            )
        elif which == 3:
            case = org.complaint(
                status="stage1_responded",
                acknowledge_by=past,
                acknowledged_on=past,
                respond_by=past,
                responded_on=past,
            )
            AgreedAction.objects.create(
                landlord=org.landlord,
                stage=case.stages.get(),
                description=f"Action {i}",
                owner=org.housing,
                due_on=soon,
            )
        elif which == 4:
            org.complaint(
                status="stage1_investigating",
                acknowledge_by=past,
                acknowledged_on=past,
                respond_by=later,
                hazard_kind="damp-mould",
                hazard_due={"investigate": soon.isoformat()},
            )
        elif which == 5:
            org.restriction(soon)
        else:
            org.adjustment(past)


def test_sweeping_twice_creates_nothing_and_notifies_nobody_twice(org, other, run_sweep):
    make_due_items(org, 14)
    make_due_items(other, 7)
    first = run_sweep("2026-04-07")
    assert first.total == 21
    assert first.landlords == 2
    reminders, notifications = Reminder.objects.count(), StaffNotification.objects.count()
    assert notifications >= reminders

    again = run_sweep("2026-04-07")
    assert (again.total, again.created, again.re_enqueued) == (0, {}, 0)
    assert (Reminder.objects.count(), StaffNotification.objects.count()) == (reminders, notifications)


def test_notification_tasks_are_enqueued_only_when_the_sweep_commits(org, django_capture_on_commit_callbacks):
    make_due_items(org, 7)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = sweep(today=D("2026-04-07"))
    assert result.total == 7
    assert len(callbacks) == 7
    assert StaffNotification.objects.count() == 0
    for callback in callbacks:
        callback()
    assert not Reminder.objects.filter(notified_at__isnull=True).exists()
    assert StaffNotification.objects.count() == 10  # acknowledgement, hazard, adjustment: both officers


def test_the_number_of_queries_does_not_grow_with_the_number_of_cases(org, other, django_assert_num_queries):
    make_due_items(other, 7)
    make_due_items(org, 5)
    with CaptureQueriesContext(connection) as five:
        assert sweep(today=D("2026-04-07")).total == 12

    make_due_items(org, 45)  # 50 at this landlord now
    with django_assert_num_queries(len(five.captured_queries)):
        assert sweep(today=D("2026-04-07")).total == 45
    print(f"\nreminder sweep queries ({connection.vendor}, 2 landlords): {len(five.captured_queries)}")


def test_nothing_is_due_with_no_landlords(db):
    result = sweep(today=D("2026-04-07"))
    assert (result.landlords, result.total, result.locked_out) == (0, 0, False)
    assert str(result) == "Swept 0 landlord(s) for 2026-04-07: 0 new reminder(s); 0 re-enqueued."


def test_a_negative_lead_time_is_refused(db):
    with pytest.raises(ValueError, match="negative"):
        sweep(today=D("2026-04-07"), lead_days=-1)


def test_lead_days_widens_the_window(org, run_sweep):
    org.restriction(D("2026-04-14"))
    assert run_sweep("2026-04-07").total == 0
    assert run_sweep("2026-04-07", lead_days=5).created == {"restriction_review_due": 1}


# The advisory lock (PostgreSQL only)


@pytest.fixture
def second_connection(db):
    """Another session on the test database, as a second sweeper on another machine would have."""
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks exist only on PostgreSQL; SQLite serialises writers by itself")
    import psycopg

    params = connection.settings_dict
    other = psycopg.connect(
        dbname=params["NAME"],
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        autocommit=True,
    )
    yield other
    other.close()


def test_a_sweep_returns_at_once_while_another_holds_the_lock(org, run_sweep, second_connection):
    make_due_items(org, 7)
    second_connection.execute("SELECT pg_advisory_lock(%s)", [SWEEP_LOCK_KEY])
    try:
        result = run_sweep("2026-04-07")
    finally:
        second_connection.execute("SELECT pg_advisory_unlock(%s)", [SWEEP_LOCK_KEY])
    assert result.locked_out
    assert str(result) == "Another reminder sweep holds the lock: nothing done."
    assert Reminder.objects.count() == 0

    assert run_sweep("2026-04-07").total == 7


def test_a_sweep_holds_the_lock_until_its_transaction_ends(org, second_connection):
    sweep(today=D("2026-04-07"))
    # The test's transaction is still open, so the sweep's transaction-level lock is still held.
    row = second_connection.execute("SELECT pg_try_advisory_lock(%s)", [SWEEP_LOCK_KEY]).fetchone()
    assert row == (False,)
