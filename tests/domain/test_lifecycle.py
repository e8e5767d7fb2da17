"""The lifecycle transition table: two stages only, every command allowed only where the rules allow it."""

import pytest

from putright.domain.lifecycle import (
    FINISHED,
    INITIAL,
    TRANSITIONS,
    Command,
    Kind,
    Status,
    TransitionNotAllowedError,
    allowed_commands,
    next_status,
    stage_of,
)

K, S, C = Kind, Status, Command


def test_a_complaint_goes_through_stage_1_and_stage_2_and_closes():
    status = INITIAL[K.COMPLAINT]
    for command in (
        C.ACKNOWLEDGE,
        C.EXTEND,
        C.RESPOND,
        C.REQUEST_ESCALATION,
        C.ASSIGN_STAGE2_HANDLER,
        C.ACKNOWLEDGE,
        C.RESPOND,
        C.CLOSE,
    ):
        status = next_status(K.COMPLAINT, status, command)
    assert status is S.CLOSED


def test_there_is_no_third_stage_after_the_final_response():
    with pytest.raises(
        TransitionNotAllowedError, match="cannot request escalation a complaint that is stage 2 responded"
    ):
        next_status(K.COMPLAINT, S.STAGE2_RESPONDED, C.REQUEST_ESCALATION)


def test_a_complaint_cannot_be_answered_before_it_is_acknowledged_with_its_definition():
    with pytest.raises(
        TransitionNotAllowedError, match="allowed now: record clarification, acknowledge, not accept"
    ):
        next_status(K.COMPLAINT, S.STAGE1_RECEIVED, C.RESPOND)


def test_a_refused_escalation_returns_to_the_stage_1_outcome():
    assert next_status(K.COMPLAINT, S.STAGE2_REQUESTED, C.REFUSE_ESCALATION) is S.STAGE1_RESPONDED


def test_a_service_request_carries_on_when_a_complaint_is_raised_about_it():
    assert next_status(K.SERVICE_REQUEST, S.OPEN, C.CONVERT_TO_COMPLAINT) is S.OPEN


def test_general_feedback_can_become_a_formal_complaint():
    assert next_status(K.FEEDBACK, S.RESOLVED, C.CONVERT_TO_COMPLAINT) is S.CONVERTED


def test_compliments_are_passed_on_before_they_close():
    assert next_status(K.COMPLIMENT, S.OPEN, C.PASS_ON) is S.PASSED_ON
    with pytest.raises(TransitionNotAllowedError):
        next_status(K.COMPLIMENT, S.OPEN, C.CLOSE)


def test_comments_are_acknowledged_then_responded_to():
    assert next_status(K.COMMENT, next_status(K.COMMENT, S.OPEN, C.ACKNOWLEDGE), C.RESPOND) is S.CLOSED


def test_satisfaction_is_recorded_at_the_end_of_the_process_only():
    assert C.RECORD_SATISFACTION in allowed_commands(K.COMPLAINT, S.CLOSED)
    assert C.RECORD_SATISFACTION not in allowed_commands(K.COMPLAINT, S.STAGE1_INVESTIGATING)


def test_every_state_in_the_table_is_reachable_from_an_initial_state():
    reachable = set(INITIAL.items())
    frontier = list(reachable)
    while frontier:
        kind, status = frontier.pop()
        for command in allowed_commands(kind, status):
            nxt = (kind, next_status(kind, status, command))
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    assert {(k, s) for (k, s, _) in TRANSITIONS} <= reachable


def test_finished_states_run_no_stage_clock():
    assert all(stage_of(s) in (None, 2) for s in FINISHED)
    assert stage_of(S.STAGE1_INVESTIGATING) == 1 and stage_of(S.STAGE2_REQUESTED) == 2


def test_lifecycle_doc_matches_the_table():
    from pathlib import Path

    from putright.domain.lifecycle import lifecycle_markdown

    doc = (Path(__file__).resolve().parents[2] / "docs" / "domain" / "lifecycle.md").read_text(
        encoding="utf-8"
    )
    assert doc == lifecycle_markdown(), (
        "docs/domain/lifecycle.md is out of date with the table: run make docs"
    )
