"""The satisfaction survey answered by the resident online: own closed complaint only, once, recorded as
from the customer through the resident portal, and counted by the Board pack."""

from datetime import timedelta

import pytest
from django.utils import timezone

from putright.cases import services
from putright.cases.models import Satisfaction, TimelineEvent
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.tsm import DateRange
from putright.reminders.models import Reminder
from putright.reporting.board_pack import satisfaction
from putright.residents.access import resident_for_email
from putright.residents.services import (
    may_answer_survey,
    resident_portal_user,
    resident_survey_answer,
    survey_answer,
)

from .conftest import acknowledge, closed, log_complaint

pytestmark = pytest.mark.django_db


def resident(org, email="alex@example.test"):
    return resident_for_email(org.landlord, email, timezone.localdate())


def test_survey_answered_online_is_recorded_as_from_the_customer(brighter, complaint):
    case = closed(brighter, complaint)
    assert may_answer_survey(case)
    answer = resident_survey_answer(
        landlord=brighter.landlord,
        resident=resident(brighter),
        reference=case.reference,
        score=4,
        comment=" Good ",
    )
    assert (answer.score, answer.comment, answer.source) == (4, "Good", Satisfaction.Source.PORTAL)
    event = TimelineEvent.objects.get(case=case, kind="satisfaction")
    assert "by the customer through the resident portal" in event.summary
    assert event.actor == resident_portal_user(brighter.landlord)
    assert event.after == {"score": 4, "source": "portal"}
    assert survey_answer(case) == answer and not may_answer_survey(case)


def test_survey_is_answered_once(brighter, complaint):
    case = closed(brighter, complaint)
    who = resident(brighter)
    resident_survey_answer(landlord=brighter.landlord, resident=who, reference=case.reference, score=5)
    with pytest.raises(NotPermittedError, match="already been answered"):
        resident_survey_answer(landlord=brighter.landlord, resident=who, reference=case.reference, score=1)
    assert Satisfaction.objects.filter(case=case).count() == 1


def test_survey_only_after_closure(brighter, complaint):
    acknowledge(brighter, complaint)
    assert not may_answer_survey(complaint)
    with pytest.raises(NotPermittedError):
        resident_survey_answer(
            landlord=brighter.landlord, resident=resident(brighter), reference=complaint.reference, score=3
        )
    assert not Satisfaction.objects.exists()


def test_survey_score_must_be_on_the_scale(brighter, complaint):
    case = closed(brighter, complaint)
    with pytest.raises(InvalidInputError) as error:
        resident_survey_answer(
            landlord=brighter.landlord, resident=resident(brighter), reference=case.reference, score=0
        )
    assert error.value.field == "score"
    assert not Satisfaction.objects.exists()


def test_survey_only_on_the_residents_own_case(brighter, great, complaint, other_customer):
    theirs = closed(brighter, log_complaint(brighter, customer=other_customer))
    with pytest.raises(NotFoundError):
        resident_survey_answer(
            landlord=brighter.landlord, resident=resident(brighter), reference=theirs.reference, score=3
        )
    with pytest.raises(NotFoundError):  # the same address at another landlord
        resident_survey_answer(
            landlord=great.landlord, resident=resident(great), reference=theirs.reference, score=3
        )
    assert not Satisfaction.objects.exists()


def test_survey_by_a_representative_within_their_scope(brighter, representative):
    acted_on = closed(brighter, log_complaint(brighter, representative=representative))
    other = closed(brighter, log_complaint(brighter, summary="Noise"))
    jo = resident(brighter, "jo@example.test")
    resident_survey_answer(landlord=brighter.landlord, resident=jo, reference=acted_on.reference, score=2)
    with pytest.raises(NotFoundError):
        resident_survey_answer(landlord=brighter.landlord, resident=jo, reference=other.reference, score=2)


def test_low_survey_score_online_tells_the_feedback_team(brighter, complaint):
    case = closed(brighter, complaint)
    resident_survey_answer(
        landlord=brighter.landlord, resident=resident(brighter), reference=case.reference, score=1
    )
    assert Reminder.objects.filter(kind="low_satisfaction", case=case).exists()


def test_survey_answered_online_counts_in_the_board_pack(brighter, complaint):
    case = closed(brighter, complaint)
    today = timezone.localdate()
    period = DateRange(today - timedelta(days=1), today)
    assert satisfaction(brighter.landlord, period).responses == 0
    resident_survey_answer(
        landlord=brighter.landlord, resident=resident(brighter), reference=case.reference, score=4
    )
    figures = satisfaction(brighter.landlord, period)
    assert (figures.responses, str(figures.average)) == (1, "4.0")


def test_survey_source_is_only_for_a_customer_channel(brighter, complaint):
    """Staff record answers with case.feedback; naming a customer channel does not let other staff in."""
    case = closed(brighter, complaint)
    with pytest.raises(NotPermittedError):
        services.satisfaction_record(
            landlord=brighter.landlord,
            actor=brighter.housing,
            case_id=case.pk,
            score=3,
            source=Satisfaction.Source.PORTAL,
        )
    assert not Satisfaction.objects.exists()
