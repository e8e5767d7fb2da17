"""Asking the customer in writing what needs clarifying (Code 5.6, Brighter Places 7.ii.c): recording
contact can send the clarification request letter, on the timeline, shaped by the customer's adjustments."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from putright.cases import services
from putright.cases.models import ContactAttempt, TimelineEvent
from putright.customers.models import Adjustment
from putright.domain.errors import InvalidInputError
from putright.domain.letters import LetterKind
from putright.domain.lifecycle import Kind
from putright.letters.models import Letter

from .conftest import at

D = date.fromisoformat
QUESTIONS = "Which window is leaking?\nWhen did it start?"


def _complaint(org):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-02"),
        customer=org.customer,
        summary="Leaking window",
        description="Water comes in.",
    )


def _clarify(org, case, when=None, **extra):
    return services.stage_record_clarification(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        at=when or timezone.now(),
        channel="phone",
        reached=False,
        **extra,
    )


def test_code_5_6_a_customer_not_reached_is_sent_the_clarification_request_letter(brighter):
    case = _complaint(brighter)
    _clarify(brighter, case, letter=True, questions=QUESTIONS)
    letter = Letter.objects.get(case=case, kind=LetterKind.CLARIFICATION_REQUEST.value)
    assert letter.status == Letter.Status.SENDING
    assert letter.sent_on == timezone.localdate()
    assert "Which window is leaking?" in letter.body_html
    assert "What we need from you" in letter.body_html
    assert letter.deliveries.get().address == "alex@example.test"
    event = TimelineEvent.objects.get(case=case, kind="clarification_attempt")
    assert event.summary.startswith("Could not reach the customer by phone")
    assert f"clarification request letter of {timezone.localdate()}: sending" in event.summary
    assert event.after["letter"] == letter.pk
    assert event.after["questions"] == QUESTIONS


def test_code_5_6_an_attempt_on_an_earlier_day_records_the_letter_as_sent_outside_putright(great):
    case = _complaint(great)
    _clarify(great, case, when=at("2026-11-04"), letter=True, questions=QUESTIONS)
    letter = Letter.objects.get(case=case, kind=LetterKind.CLARIFICATION_REQUEST.value)
    assert letter.status == Letter.Status.RECORDED
    assert letter.sent_on == D("2026-11-04")
    assert not letter.deliveries.exists()


def test_code_5_6_recording_contact_without_choosing_to_write_sends_nothing(great):
    case = _complaint(great)
    _clarify(great, case)
    assert not Letter.objects.filter(case=case, kind=LetterKind.CLARIFICATION_REQUEST.value).exists()


def test_brighter_places_7_ii_c_the_clarification_letter_follows_reasonable_adjustments(brighter):
    Adjustment.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        type=Adjustment.Type.LARGE_PRINT,
        agreed_on=timezone.localdate() - timedelta(days=30),
        review_by=timezone.localdate() + timedelta(days=60),
    )
    case = _complaint(brighter)
    _clarify(brighter, case, letter=True, questions=QUESTIONS)
    assert Letter.objects.get(case=case, kind=LetterKind.CLARIFICATION_REQUEST.value).large_print


def test_code_5_6_a_clarification_letter_needs_its_questions_and_changes_nothing(great):
    case = _complaint(great)
    with pytest.raises(InvalidInputError, match="What the letter asks the customer is required") as raised:
        _clarify(great, case, letter=True, questions="  ")
    assert raised.value.field == "questions"
    assert not ContactAttempt.objects.filter(stage__case=case).exists()
    assert not Letter.objects.filter(case=case).exclude(kind__endswith="acknowledgement").exists()
