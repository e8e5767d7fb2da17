"""Accepting a late escalation or a complaint outside the time limit is a decision of its own (Code 5.11,
2.3): taken with reasons by someone who may decide, on the timeline, replacing the warning."""

from datetime import date

import pytest

from putright.cases import services
from putright.cases.models import Case, TimelineEvent
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.lifecycle import Kind

from .conftest import at

D = date.fromisoformat
POINTS = [{"point": "The fence was not repaired", "outcome_sought": "Repair it"}]


def _log(org, **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-03-31"),
        customer=org.customer,
        summary="Fence not repaired",
        description="The fence fell.",
        **extra,
    )


def _escalated_late(org):
    case = _log(org)
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-04-01"),
        definition=POINTS,
        responsible_for="Repairs",
    )
    services.stage_respond(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        responded_on=D("2026-04-16"),
        outcome="not_upheld",
        summary="No fault",
        answers=[services.PointAnswer(p["point"], "not_upheld", "Checked") for p in POINTS],
    )
    # Brighter Places' window (15 working days from 16 April) ended on 8 May.
    services.escalation_request(
        landlord=org.landlord, actor=org.officer, case_id=case.pk, requested_at=at("2026-07-01")
    )
    return case


def _accept(org, case, actor=None, rationale="The customer was in hospital in May"):
    return services.late_acceptance_record(
        landlord=org.landlord, actor=actor or org.officer, case_id=case.pk, rationale=rationale
    )


def test_code_5_11_accepting_a_late_escalation_is_recorded_with_reasons_and_replaces_the_warning(brighter):
    case = _escalated_late(brighter)
    case.refresh_from_db()
    assert any(w.startswith("Escalation requested on 2026-07-01") for w in case.warnings)
    case = _accept(brighter, case)
    assert not any(w.startswith("Escalation requested on") for w in case.warnings)
    event = TimelineEvent.objects.get(case=case, kind="late_escalation_accepted")
    assert event.actor == brighter.officer
    assert event.summary == (
        "Stage 2 requested on 2026-07-01, after the window that ended 2026-05-08: accepted. "
        "Reasons: The customer was in hospital in May"
    )
    assert event.after["rationale"] == "The customer was in hospital in May"
    with pytest.raises(InvalidInputError, match="already accepted"):
        _accept(brighter, case)


def test_code_2_3_accepting_a_complaint_outside_the_time_limit_is_recorded_with_reasons(brighter):
    case = _log(brighter, issue_date=D("2024-12-01"))
    assert any(w.startswith("Made after the time limit (2025-12-01)") for w in case.warnings)
    case = _accept(brighter, case, rationale="A continuing problem: the fence is still down")
    assert not any(w.startswith("Made after the time limit") for w in case.warnings)
    event = TimelineEvent.objects.get(case=case, kind="outside_time_limit_accepted")
    assert event.summary.startswith("Complaint made after the time limit (2025-12-01): accepted.")


def test_nothing_late_has_nothing_to_accept_and_reasons_are_needed(brighter):
    case = _log(brighter, issue_date=D("2026-03-01"))
    with pytest.raises(InvalidInputError, match="nothing on this case came late"):
        _accept(brighter, case)
    late = _log(brighter, issue_date=D("2024-12-01"))
    with pytest.raises(InvalidInputError, match="The reasons for accepting it"):
        _accept(brighter, late, rationale="  ")
    assert not TimelineEvent.objects.filter(kind__endswith="_accepted").exists()
    assert Case.objects.get(pk=late.pk).warnings == late.warnings


def test_only_those_who_may_decide_accept_and_only_at_their_landlord(brighter, great):
    case = _log(brighter, issue_date=D("2024-12-01"))
    for role in (brighter.board, brighter.manager):
        with pytest.raises(NotPermittedError):
            _accept(brighter, case, actor=role)
    with pytest.raises(NotFoundError):
        services.late_acceptance_record(
            landlord=great.landlord, actor=great.officer, case_id=case.pk, rationale="Not ours"
        )
    assert not TimelineEvent.objects.filter(kind__endswith="_accepted").exists()
